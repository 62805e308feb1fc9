from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmmeta
from filmmeta import (
    Credit,
    ExternalIds,
    Film,
    Offer,
    PartialDate,
    Rating,
    ValidationError,
    Viewing,
    converters,
    dump_jsonl,
    from_dict,
    from_json,
    load_jsonl,
    to_dict,
    to_json,
)
from filmmeta._json import jsonlib as _jsonlib

from .conftest import NO_SHARED, ROUND_TRIP_EXAMPLES, SHARED
from .strategies import MODELS, films

# -- round trips -------------------------------------------------------------------------


@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(films)
def test_json_and_dict_round_trip(film: Film) -> None:
    # One drawn film checks both forms: drawing a Model 2 film costs more than both trips.
    assert from_json(to_json(film)) == film
    assert from_dict(to_dict(film)) == film


# The lines' framing is what this adds to the film's own round trip above.
@settings(max_examples=ROUND_TRIP_EXAMPLES // 4)
@given(st.lists(films, max_size=3))
def test_jsonl_round_trip(catalog: list[Film]) -> None:
    out = io.BytesIO()
    assert dump_jsonl(catalog, out) == len(catalog)
    assert list(load_jsonl(io.BytesIO(out.getvalue()))) == catalog


# Films round-trip above, viewings in test_viewing.py, each at its own count.
@pytest.mark.parametrize(
    "cls", [c for c in MODELS if c not in (Film, Viewing)], ids=lambda c: c.__name__
)
def test_every_model_class_round_trips(cls: type[Any]) -> None:
    @given(MODELS[cls])
    def check(value: Any) -> None:
        assert from_json(to_json(value), cls) == value

    check()


@given(films)
def test_orjson_and_stdlib_write_the_same_text(film: Film) -> None:
    data = to_dict(film)
    assert _jsonlib.dumps(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert _jsonlib.dumps(data, indent=2) == json.dumps(data, ensure_ascii=False, indent=2)


def test_stdlib_backend(monkeypatch: pytest.MonkeyPatch, backstage_text: str) -> None:
    monkeypatch.setattr(_jsonlib, "orjson", None)
    film = from_json(backstage_text)
    assert from_json(to_json(film, indent=4)) == film
    with pytest.raises(ValidationError, match="not valid JSON"):
        from_json("{")


# -- the reference document ---------------------------------------------------------------


def test_backstage_round_trips_to_an_identical_dict(backstage_text: str) -> None:
    assert to_dict(from_json(backstage_text)) == json.loads(backstage_text)


@pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)
def test_shared_backstage_is_the_bundled_one(backstage_text: str) -> None:
    shared = (SHARED / "examples" / "backstage.json").read_text("utf-8")
    assert json.loads(shared) == json.loads(backstage_text)
    assert to_dict(from_json(shared)) == json.loads(shared)


def test_output_rules() -> None:
    film = Film(
        "X",
        ratings=[Rating("imdb", 7, best=10, worst=1), Rating("site", 4, best=5)],
        offers=[Offer("A", "rent", price="3.90", currency="USD")],
    )
    data = to_dict(film)
    assert data == {
        "title": "X",
        "kind": "movie",
        "ratings": [
            {"source": "imdb", "value": 7},
            {"source": "site", "value": 4, "best": 5},
        ],
        "offers": [{"provider": "A", "type": "rent", "price": "3.90", "currency": "USD"}],
    }
    assert to_json(Film("X"), indent=2) == '{\n  "title": "X",\n  "kind": "movie"\n}'


def test_non_ascii_is_written_as_is() -> None:
    assert to_json(Film("Sen to Chihiro no kamikakushi / 千と千尋")).count("千") == 2


# -- malformed documents ------------------------------------------------------------------

_FILM = {"title": "Backstage"}


def _with(**fields: Any) -> dict[str, Any]:
    return {**_FILM, **fields}


def _rating(**fields: Any) -> dict[str, Any]:
    return _with(
        ratings=[{"source": "imdb", "value": 5.7}, {"source": "imdb_x", "best": 10, **fields}]
    )


MALFORMED: list[tuple[str, Any, str]] = [
    # (id, document, path of the first error)
    ("not-an-object", [1, 2], "$"),
    ("string-document", "Backstage", "$"),
    ("null-document", None, "$"),
    ("missing-title", {"kind": "movie"}, "title"),
    ("title-int", {"title": 1}, "title"),
    ("title-empty", {"title": ""}, "title"),
    ("title-blank", {"title": "   "}, "title"),
    ("title-list", {"title": ["Backstage"]}, "title"),
    ("unknown-key", _with(rating=5), "rating"),
    ("kind-unknown", _with(kind="series"), "kind"),
    ("kind-int", _with(kind=1), "kind"),
    ("kind-upper", _with(kind="MOVIE"), "kind"),
    ("date-month-13", _with(release_date="2000-13"), "release_date"),
    ("date-feb-30", _with(release_date="2000-02-30"), "release_date"),
    ("date-free-text", _with(release_date="07 Nov 2000"), "release_date"),
    ("date-int", _with(release_date=2000), "release_date"),
    ("runtime-int", _with(runtime=86), "runtime"),
    ("runtime-months", _with(runtime="P30M"), "runtime"),
    ("runtime-text", _with(runtime="86 min"), "runtime"),
    ("runtime-negative", _with(runtime="-PT1H"), "runtime"),
    ("genres-string", _with(genres="Drama"), "genres"),
    ("genres-item-int", _with(genres=["Drama", 3]), "genres[1]"),
    ("languages-string", _with(languages="en"), "languages"),
    ("languages-name", _with(languages=["English"]), "languages[0]"),
    ("countries-alpha3", _with(countries=["USA"]), "countries[0]"),
    ("countries-lower", _with(countries=["us"]), "countries[0]"),
    ("summary-int", _with(summary=5), "summary"),
    ("rating-value-string", _rating(value="5.7"), "ratings[1].value"),
    ("rating-value-above", _with(ratings=[{"source": "imdb", "value": 11.2}]), "ratings[0].value"),
    ("rating-value-below", _with(ratings=[{"source": "imdb", "value": 0.5}]), "ratings[0].value"),
    ("rating-votes-string", _rating(value=5, votes="347"), "ratings[1].votes"),
    ("rating-votes-negative", _rating(value=5, votes=-1), "ratings[1].votes"),
    ("rating-votes-float", _rating(value=5, votes=3.5), "ratings[1].votes"),
    ("rating-votes-bool", _rating(value=5, votes=True), "ratings[1].votes"),
    (
        "rating-unknown-key",
        _with(ratings=[{"source": "imdb", "value": 5, "stars": 3}]),
        "ratings[0].stars",
    ),
    ("rating-missing-value", _with(ratings=[{"source": "imdb"}]), "ratings[0].value"),
    ("rating-unknown-source", _with(ratings=[{"source": "site", "value": 3}]), "ratings[0].best"),
    ("rating-source-upper", _with(ratings=[{"source": "IMDb", "value": 3}]), "ratings[0].source"),
    ("rating-duplicate", _with(ratings=[{"source": "imdb", "value": 3}] * 2), "ratings[1].source"),
    ("ratings-object", _with(ratings={"source": "imdb", "value": 3}), "ratings"),
    ("rating-not-object", _with(ratings=["imdb"]), "ratings[0]"),
    (
        "content-rating-country",
        _with(content_ratings=[{"code": "R", "country": "USA"}]),
        "content_ratings[0].country",
    ),
    (
        "content-rating-no-country",
        _with(content_ratings=[{"code": "R"}]),
        "content_ratings[0].country",
    ),
    (
        "content-rating-empty",
        _with(content_ratings=[{"code": "", "country": "US"}]),
        "content_ratings[0].code",
    ),
    ("offer-type", _with(offers=[{"provider": "A", "type": "stream"}]), "offers[0].type"),
    (
        "offer-price-float",
        _with(offers=[{"provider": "A", "type": "buy", "price": 3.99, "currency": "USD"}]),
        "offers[0].price",
    ),
    (
        "offer-price-text",
        _with(offers=[{"provider": "A", "type": "buy", "price": "cheap", "currency": "USD"}]),
        "offers[0].price",
    ),
    (
        "offer-price-negative",
        _with(offers=[{"provider": "A", "type": "buy", "price": "-1", "currency": "USD"}]),
        "offers[0].price",
    ),
    (
        "offer-price-nan",
        _with(offers=[{"provider": "A", "type": "buy", "price": "NaN", "currency": "USD"}]),
        "offers[0].price",
    ),
    (
        "offer-no-currency",
        _with(offers=[{"provider": "A", "type": "buy", "price": "3.99"}]),
        "offers[0].currency",
    ),
    (
        "offer-currency-lower",
        _with(offers=[{"provider": "A", "type": "buy", "price": "3.99", "currency": "usd"}]),
        "offers[0].currency",
    ),
    (
        "offer-region",
        _with(offers=[{"provider": "A", "type": "buy", "region": "UK"}]),
        "offers[0].region",
    ),
    (
        "offer-quality",
        _with(offers=[{"provider": "A", "type": "buy", "quality": "4k"}]),
        "offers[0].quality",
    ),
    (
        "offer-url",
        _with(offers=[{"provider": "A", "type": "buy", "url": "not a url"}]),
        "offers[0].url",
    ),
    ("credit-role-upper", _with(credits=[{"name": "A", "role": "Director"}]), "credits[0].role"),
    ("credit-no-name", _with(credits=[{"role": "director"}]), "credits[0].name"),
    ("ids-imdb", _with(ids={"imdb": "tt12"}), "ids.imdb"),
    ("ids-tmdb-string", _with(ids={"tmdb": "603"}), "ids.tmdb"),
    ("ids-tmdb-zero", _with(ids={"tmdb": 0}), "ids.tmdb"),
    ("ids-unknown", _with(ids={"netflix": "1"}), "ids.netflix"),
    (
        "nested-second-offer",
        _with(offers=[{"provider": "A", "type": "buy"}, {"provider": "B", "type": "x"}]),
        "offers[1].type",
    ),
    # Model 2 (issue 12): the new parts of a film, of an offer, a content rating and ids.
    ("titles-string", _with(titles="Amélie"), "titles"),
    ("title-no-text", _with(titles=[{"region": "FR"}]), "titles[0].text"),
    ("titles-text-empty", _with(titles=[{"text": ""}]), "titles[0].text"),
    ("title-region-alpha3", _with(titles=[{"text": "A", "region": "FRA"}]), "titles[0].region"),
    ("title-language-upper", _with(titles=[{"text": "A", "language": "FR"}]), "titles[0].language"),
    ("title-kind-unknown", _with(titles=[{"text": "A", "kind": "fan"}]), "titles[0].kind"),
    ("title-unknown-key", _with(titles=[{"text": "A", "script": "Latn"}]), "titles[0].script"),
    ("release-no-date", _with(releases=[{"country": "US"}]), "releases[0].date"),
    ("release-date-int", _with(releases=[{"date": 2000}]), "releases[0].date"),
    ("release-date-bad", _with(releases=[{"date": "2000-02-30"}]), "releases[0].date"),
    ("release-kind-number", _with(releases=[{"date": "2000", "kind": 3}]), "releases[0].kind"),
    (
        "release-country-lower",
        _with(releases=[{"date": "2000", "country": "us"}]),
        "releases[0].country",
    ),
    (
        "edition-runtime-minutes",
        _with(editions=[{"name": "Cut", "runtime": 90}]),
        "editions[0].runtime",
    ),
    ("edition-no-name", _with(editions=[{"runtime": "PT1H"}]), "editions[0].name"),
    ("collection-string", _with(collection="Heat"), "collection"),
    (
        "collection-ids-bad",
        _with(collection={"name": "S", "ids": {"tmdb": -1}}),
        "collection.ids.tmdb",
    ),
    ("budget-float", _with(budget={"amount": 1.5, "currency": "USD"}), "budget.amount"),
    ("budget-negative", _with(budget={"amount": "-5", "currency": "USD"}), "budget.amount"),
    ("budget-no-currency", _with(budget={"amount": "5"}), "budget.currency"),
    (
        "box-office-currency-lower",
        _with(box_office=[{"amount": "5", "currency": "usd"}]),
        "box_office[0].currency",
    ),
    ("award-count-zero", _with(awards=[{"name": "Oscars", "count": 0}]), "awards[0].count"),
    ("award-year-string", _with(awards=[{"name": "Oscars", "year": "2001"}]), "awards[0].year"),
    (
        "award-outcome-lost",
        _with(awards=[{"name": "Oscars", "outcome": "lost"}]),
        "awards[0].outcome",
    ),
    ("image-url-relative", _with(images=[{"url": "/poster.jpg"}]), "images[0].url"),
    (
        "image-width-zero",
        _with(images=[{"url": "https://a.org/p.jpg", "width": 0}]),
        "images[0].width",
    ),
    (
        "image-kind-unknown",
        _with(images=[{"url": "https://a.org/p.jpg", "kind": "thumb"}]),
        "images[0].kind",
    ),
    ("video-no-url", _with(videos=[{"kind": "trailer"}]), "videos[0].url"),
    ("keywords-string", _with(keywords="heist"), "keywords"),
    ("keyword-empty", _with(keywords=["heist", ""]), "keywords[1]"),
    ("tagline-list", _with(tagline=["Go"]), "tagline"),
    (
        "offer-until-not-a-day",
        _with(offers=[{"provider": "A", "type": "buy", "available_until": "2027-02-30"}]),
        "offers[0].available_until",
    ),
    (
        "offer-from-timestamp",
        _with(offers=[{"provider": "A", "type": "buy", "available_from": "2027-01-01T00:00:00Z"}]),
        "offers[0].available_from",
    ),
    (
        "offer-audio-name",
        _with(offers=[{"provider": "A", "type": "buy", "audio_languages": ["English"]}]),
        "offers[0].audio_languages[0]",
    ),
    (
        "offer-subtitles-string",
        _with(offers=[{"provider": "A", "type": "buy", "subtitle_languages": "en"}]),
        "offers[0].subtitle_languages",
    ),
    (
        "offer-feature-unknown",
        _with(offers=[{"provider": "A", "type": "buy", "features": ["3d"]}]),
        "offers[0].features[0]",
    ),
    (
        "descriptor-empty",
        _with(content_ratings=[{"code": "15", "country": "GB", "descriptors": [""]}]),
        "content_ratings[0].descriptors[0]",
    ),
    ("ids-other-list", _with(ids={"other": [["trakt", "1"]]}), "ids.other"),
    ("ids-other-key-upper", _with(ids={"other": {"Trakt": "1"}}), "ids.other"),
    ("ids-other-named", _with(ids={"other": {"imdb": "tt0206000"}}), "ids.other.imdb"),
    ("ids-other-int", _with(ids={"other": {"trakt": 1}}), "ids.other.trakt"),
    ("ids-other-space", _with(ids={"other": {"trakt": "1 2"}}), "ids.other.trakt"),
]


@pytest.mark.parametrize(
    ("document", "path"), [(d, p) for _, d, p in MALFORMED], ids=[i for i, _, _ in MALFORMED]
)
def test_malformed_documents_name_the_path(document: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(document)
    assert info.value.errors[0][0] == path
    assert str(info.value).startswith(f"{path}: ")
    # The same document as JSON text gives the same errors.
    with pytest.raises(ValidationError) as again:
        from_json(json.dumps(document))
    assert again.value.errors == info.value.errors


def test_at_least_forty_malformed_documents() -> None:
    assert len(MALFORMED) >= 40
    # Model 2's parts have at least 30 of their own.
    assert (
        len(MALFORMED) - MALFORMED.index(next(m for m in MALFORMED if m[0] == "titles-string"))
        >= 30
    )


def test_every_error_is_reported() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(
            {"title": 1, "kind": "x", "ratings": [{"source": "imdb", "value": 11.2, "stars": 1}]}
        )
    # Checks that need the whole value (the scale of a rating) run once its keys are right.
    assert [path for path, _ in info.value.errors] == ["title", "kind", "ratings[0].stars"]


def test_the_spec_message() -> None:
    with pytest.raises(
        ValidationError, match=r"ratings\[1\]\.value: 11\.2 is above the scale's best 10"
    ):
        from_dict(
            _with(ratings=[{"source": "metacritic", "value": 5}, {"source": "imdb", "value": 11.2}])
        )


@pytest.mark.parametrize("text", ["", "nope", "{", "[1]", '"x"', "1e400", '{"title": NaN}'])
def test_text_that_is_not_a_film_object(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_json(text)
    assert info.value.errors[0][0] in {"$", "title"}


def test_lenient_ignores_unknown_keys_but_never_coerces() -> None:
    doc = _with(rating=5, ratings=[{"source": "imdb", "value": 5, "stars": 1}])
    film = from_dict(doc, strict=False)
    assert film.rating("imdb") == Rating("imdb", 5)
    with pytest.raises(ValidationError, match="votes"):
        from_dict(_with(ratings=[{"source": "imdb", "value": 5, "votes": "3"}]), strict=False)


def test_from_dict_other_classes() -> None:
    assert from_dict({"name": "A", "role": "actor", "character": "B"}, Credit) == Credit(
        "A", "actor", character="B"
    )
    assert from_dict({}, ExternalIds) == ExternalIds()
    with pytest.raises(ValidationError, match="not a filmmeta model class"):
        from_dict({}, dict)  # type: ignore[arg-type]


@pytest.mark.parametrize("write", [to_dict, to_json])
def test_writing_rejects_other_values(write: Any) -> None:
    with pytest.raises(ValidationError, match="expected a filmmeta model value"):
        write({"title": "x"})


# -- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_paths_and_text_files(tmp_path: Path) -> None:
    path = tmp_path / "films.jsonl"
    assert dump_jsonl(iter([Film("A"), Film("B")]), path) == 2
    assert [f.title for f in load_jsonl(path)] == ["A", "B"]
    assert [f.title for f in load_jsonl(str(path))] == ["A", "B"]
    with path.open(encoding="utf-8") as text_file:
        assert [f.title for f in load_jsonl(text_file)] == ["A", "B"]
    with (tmp_path / "out.jsonl").open("w", encoding="utf-8") as out:
        dump_jsonl([Film("C")], out)
    assert (tmp_path / "out.jsonl").read_text("utf-8") == '{"title":"C","kind":"movie"}\n'


def test_jsonl_error_names_the_line() -> None:
    lines = io.StringIO('{"title": "A"}\n\n{"title": "B", "kind": "x"}\n')
    films_read = load_jsonl(lines)
    assert next(films_read).title == "A"
    with pytest.raises(ValidationError) as info:
        next(films_read)
    assert (info.value.line, info.value.file) == (3, None)
    assert str(info.value).startswith("line 3: kind: ")


@pytest.mark.parametrize("mode", ["str", "Path", "rb", "r"])
def test_jsonl_error_names_the_file(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "films.jsonl"
    path.write_text('{"title": "A"}\n{"title": ""}\n', "utf-8")
    with contextlib.ExitStack() as stack:
        source: Any = str(path) if mode == "str" else path
        if mode in {"rb", "r"}:
            source = stack.enter_context(path.open(mode))
        with pytest.raises(ValidationError) as info:
            list(load_jsonl(source))
    assert (info.value.file, info.value.line) == (str(path), 2)
    assert str(info.value) == f"{path}, line 2: title: must not be empty"


@pytest.mark.parametrize("enabled", [True, False])
def test_jsonl_leaves_the_garbage_collector_alone(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        films = load_jsonl(io.StringIO('{"title": "A"}\n{"title": "B"}\n'))
        assert next(films).title == "A"
        assert gc.isenabled() is enabled
        assert [f.title for f in films] == ["B"]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_jsonl_is_lazy() -> None:
    class Lines:
        read = 0

        def __iter__(self) -> Any:
            for line in ['{"title": "A"}\n'] * 5000:
                self.read += 1
                yield line

    source = Lines()
    first = next(load_jsonl(source))  # type: ignore[arg-type]
    assert first.title == "A"
    # One line is read for one film: memory is bounded by a line, not by the file.
    assert source.read == 1


# -- the converter API ---------------------------------------------------------------------


def test_configure_any_converter() -> None:
    c = cattrs.Converter()
    converters.configure_converter(c)
    assert c.structure({"title": "A", "kind": "short"}, Film) == Film("A", kind="short")
    assert c.unstructure(PartialDate(2000, 11)) == "2000-11"


def test_make_converter_strictness() -> None:
    lenient = converters.make_converter(strict=False)
    assert lenient.structure({"title": "A", "x": 1}, Film) == Film("A")
    strict = converters.make_converter()
    # Every problem, with its path, as from_dict reports them (not cattrs' group).
    with pytest.raises(ValidationError) as caught:
        strict.structure({"title": "", "x": 1}, Film)
    assert caught.value.errors == [("title", "must not be empty"), ("x", "unknown key")]


def test_configured_converters_take_only_booleans_as_booleans() -> None:
    # The model has no bool field, but a user's class on a configured converter may.
    c = converters.make_converter()
    assert c.structure(True, bool) is True
    with pytest.raises(ValidationError, match="expected true or false, got int 1"):
        c.structure(1, bool)


def test_a_partial_date_alone_reports_its_problem() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict("2000-13", PartialDate)
    assert info.value.errors == [("$", "'2000-13': 13 is not a month (1 to 12)")]


def test_errors_from_anywhere_are_flattened_to_paths() -> None:
    from cattrs.errors import BaseValidationError

    from filmmeta._json.hooks import _PASSTHROUGH, flatten

    group = BaseValidationError("two problems", [ValueError("bad"), KeyError("x")], Film)
    assert flatten(group, "ids") == [
        ("ids", "invalid value (ValueError: bad)"),
        ("ids", "required key missing"),
    ]
    # The hook cattrs skips (it is falsy) hands its value on should it ever be called.
    assert not _PASSTHROUGH
    assert _PASSTHROUGH(86, int) == 86


def test_top_level_exports_match_module() -> None:
    for name in converters.__all__:
        if name not in {"MAX_ERRORS", "MODEL_CLASSES"} and not name.endswith("converter"):
            assert getattr(filmmeta, name) is getattr(converters, name)
