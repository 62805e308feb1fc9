"""The JSON Schema agrees with the converter: what it writes is valid, what it rejects is not."""

from __future__ import annotations

import calendar
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from filmmeta import Film, Rating, ValidationError, from_dict, to_dict
from filmmeta._json.schema import DRAFT, SCHEMA_ID, json_schema
from filmmeta._json.schema_rules import _DATE, _DURATION, _WS
from filmmeta._model.duration import parse_iso_duration

from .strategies import MODELS
from .test_converters import MALFORMED

jsonschema = pytest.importorskip("jsonschema")

_FILM = {"title": "Backstage"}
PUBLISHED = Path(__file__).resolve().parents[1] / "docs" / "schema" / "film.schema.json"

#: Ids of MALFORMED documents whose rule JSON Schema cannot state. Every other one must be
#: rejected by the schema too. (Empty: dates that do not exist, a price without currency and
#: two ratings from one known source are all expressible.)
NOT_EXPRESSIBLE: frozenset[str] = frozenset()


def _validator(cls: type[Any] = Film) -> Any:
    return jsonschema.Draft202012Validator(json_schema(cls))


def _path(error: Any) -> str:
    """A jsonschema error's location, written the way ValidationError writes paths."""
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else part
    return path or "$"


# -- the published file -------------------------------------------------------------------


def test_published_schema_is_up_to_date() -> None:
    if not PUBLISHED.exists():  # pragma: no cover - an installed package without docs
        pytest.skip("docs/schema is not here")
    expected = json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert PUBLISHED.read_text("utf-8") == expected, "run: python scripts/gen_schema.py"


@pytest.mark.parametrize("cls", list(MODELS), ids=lambda c: c.__name__)
def test_schemas_are_valid_draft_2020_12(cls: type[Any]) -> None:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["title"] == cls.__name__
    assert schema["additionalProperties"] is False
    assert ("$id" in schema) == (cls is Film)


def test_film_schema_head() -> None:
    schema = json_schema()
    assert schema["$id"] == SCHEMA_ID
    assert schema["required"] == ["title"]
    assert schema["description"] == "A film: the facts a page about it shows."
    assert schema["properties"]["kind"]["default"] == "movie"
    assert schema["$defs"]["FilmKind"]["enum"] == [
        "movie",
        "tv_movie",
        "short",
        "video",
        "tv_special",
    ]
    assert set(schema["$defs"]) >= {"Rating", "Offer", "ContentRating", "Credit", "ExternalIds"}


def test_every_property_is_described() -> None:
    schema = json_schema()
    objects = [schema, *(d for d in schema["$defs"].values() if d.get("type") == "object")]
    for obj in objects:
        assert obj["description"]
        for name, prop in obj["properties"].items():
            text = prop.get("description", "")
            assert text, f"{obj['title']}.{name}"
            assert "``" not in text
            assert ":class:" not in text


def test_json_schema_returns_a_fresh_dict() -> None:
    json_schema()["properties"].clear()
    assert "title" in json_schema()["properties"]


def test_json_schema_rejects_other_classes() -> None:
    with pytest.raises(ValidationError, match="not a filmmeta model class"):
        json_schema(dict)


# -- what filmmeta writes is valid --------------------------------------------------------


@pytest.mark.parametrize("cls", list(MODELS), ids=lambda c: c.__name__)
def test_every_written_value_is_valid(cls: type[Any]) -> None:
    validator = _validator(cls)

    @given(MODELS[cls])
    def check(value: Any) -> None:
        validator.validate(to_dict(value))

    check()


def test_backstage_is_valid(backstage_text: str) -> None:
    _FILM_VALIDATOR.validate(json.loads(backstage_text))


@pytest.mark.parametrize(
    "document",
    [
        {**_FILM, "summary": None, "release_date": None, "runtime": None, "original_title": None},
        {**_FILM, "ratings": [{"source": "imdb", "value": 5, "votes": None}]},
        {**_FILM, "content_ratings": [{"code": "R", "country": "US", "system": None}]},
        {**_FILM, "offers": [{"provider": "A", "type": "buy", "price": None, "region": None}]},
        {**_FILM, "offers": [{"provider": "A", "type": "buy", "price": "1", "currency": "EUR"}]},
        {**_FILM, "ids": {"imdb": None, "tmdb": None}},
        {**_FILM, "runtime": "pt1h26m"},
    ],
    ids=["film", "rating", "content-rating", "offer", "price", "ids", "runtime-lower-case"],
)
def test_documented_input_forms_are_valid(document: dict[str, Any]) -> None:
    # docs/json.md: null in a field that may be None means "left out"; durations in
    # either case.
    _FILM_VALIDATOR.validate(document)
    from_dict(document)


@pytest.mark.parametrize(
    "document",
    [
        {**_FILM, "kind": None},
        {**_FILM, "genres": None},
        {**_FILM, "ids": None},
        {**_FILM, "ratings": [{"source": "site", "value": 1, "best": None}]},
        {**_FILM, "offers": [{"provider": "A", "type": "buy", "price": "1", "currency": None}]},
    ],
    ids=["kind", "genres", "ids", "best", "currency"],
)
def test_null_where_a_value_is_required(document: dict[str, Any]) -> None:
    assert not _FILM_VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError):
        from_dict(document)


@pytest.mark.parametrize(
    "document",
    [
        {**_FILM, "ratings": [{"source": "imdb", "value": 5, "votes": 2**63}]},
        {**_FILM, "ids": {"tmdb": 2**63}},
        {**_FILM, "ids": {"justwatch": 2**63}},
    ],
    ids=["votes", "tmdb", "justwatch"],
)
def test_integers_beyond_64_bits(document: dict[str, Any]) -> None:
    assert not _FILM_VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError):
        from_dict(document)


def test_known_sources_may_give_their_own_scale() -> None:
    film = Film("X", ratings=[Rating("imdb", 50, best=100), Rating("tmdb", 0.5, worst=0.5)])
    _FILM_VALIDATOR.validate(to_dict(film))


# -- what filmmeta rejects, the schema rejects ---------------------------------------------


@pytest.mark.parametrize(
    ("ident", "document", "path"), MALFORMED, ids=[ident for ident, _, _ in MALFORMED]
)
def test_malformed_documents_are_invalid(ident: str, document: Any, path: str) -> None:
    errors = list(_FILM_VALIDATOR.iter_errors(document))
    if ident in NOT_EXPRESSIBLE:
        assert not errors
        return
    assert errors
    # The schema finds the problem at the library's path or at an object that holds it
    # (an unknown key is reported by the object; a missing one too).
    found = [_path(e) for e in errors]
    assert any(path == p or path.startswith((f"{p}.", f"{p}[")) or p == "$" for p in found), found


def test_only_the_listed_malformed_documents_are_accepted() -> None:
    accepted = {ident for ident, doc, _ in MALFORMED if _FILM_VALIDATOR.is_valid(doc)}
    assert accepted == NOT_EXPRESSIBLE


#: Documents filmmeta rejects but the schema accepts: the rules beyond JSON Schema, as
#: docs/guarantees.md and the _schema module docstring list them.
BEYOND_SCHEMA: list[tuple[str, dict[str, Any]]] = [
    (
        "duplicate-unknown-source",
        {**_FILM, "ratings": [{"source": "site", "value": 1, "best": 5}] * 2},
    ),
    ("value-above-own-best", {**_FILM, "ratings": [{"source": "site", "value": 6, "best": 5}]}),
    (
        "value-below-own-worst",
        {**_FILM, "ratings": [{"source": "site", "value": 0, "best": 5, "worst": 1}]},
    ),
    (
        "worst-not-below-own-best",
        {**_FILM, "ratings": [{"source": "site", "value": 5, "best": 5, "worst": 5}]},
    ),
    ("integral-float-votes", {**_FILM, "ratings": [{"source": "imdb", "value": 5, "votes": 3.0}]}),
    ("integral-float-tmdb-id", {**_FILM, "ids": {"tmdb": 603.0}}),
    ("unknown-language", {**_FILM, "languages": ["xx"]}),
    ("repeated-variant", {**_FILM, "languages": ["sl-rozaj-rozaj"]}),
    ("huge-runtime", {**_FILM, "runtime": "PT99999999999999999999H"}),
    ("unprintable-code", {**_FILM, "content_ratings": [{"code": "R\u200b", "country": "US"}]}),
]

#: Documents filmmeta reads but the schema rejects: spellings docs/json.md does not promise.
NOT_CANONICAL: list[tuple[str, dict[str, Any]]] = [
    ("runtime-spaces", {**_FILM, "runtime": " PT1H26M "}),
    ("runtime-zero-years", {**_FILM, "runtime": "P0Y0M1D"}),
]


@pytest.mark.parametrize(
    "document", [d for _, d in BEYOND_SCHEMA], ids=[i for i, _ in BEYOND_SCHEMA]
)
def test_rules_beyond_json_schema(document: dict[str, Any]) -> None:
    assert _FILM_VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError):
        from_dict(document)


@pytest.mark.parametrize(
    "document", [d for _, d in NOT_CANONICAL], ids=[i for i, _ in NOT_CANONICAL]
)
def test_the_reader_is_more_lenient_than_the_schema(document: dict[str, Any]) -> None:
    assert not _FILM_VALIDATOR.is_valid(document)
    from_dict(document)


# -- the patterns, checked against the code they describe ---------------------------------


def _valid_date(text: str) -> bool:
    try:
        from_dict({"title": "X", "release_date": text})
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 1999, 2000, 2001, 2004, 2100, 9996, 9999])
def test_date_pattern_matches_exactly_the_real_dates(year: int) -> None:
    date = re.compile(_DATE)
    for month, day in itertools.product(range(14), range(33)):
        for text in (f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}"):
            assert bool(date.search(text)) == _valid_date(text), text


def test_date_pattern_knows_every_leap_year() -> None:
    date = re.compile(_DATE)
    for year in range(10_000):
        text = f"{year:04d}-02-29"
        assert bool(date.search(text)) == (year > 0 and calendar.isleap(year)), text
    assert not date.search("0000")
    assert date.search("0001")


@pytest.mark.parametrize(
    "text",
    [
        "PT1H26M",
        "PT0S",
        "PT30.5S",
        "PT1,5H",
        "P1D",
        "P0DT1H26M0S",
        "P2W",
        "P1W2DT3H4M5.25S",
        "PT24H30.5S",
        "pt1h26m",
        "p1dt2h",
    ],
)
def test_duration_pattern_accepts_what_the_reader_reads(text: str) -> None:
    assert re.search(_DURATION, text)
    parse_iso_duration(text)


@pytest.mark.parametrize(
    "text", ["P", "PT", "P1DT", "P30M", "P1Y", "PT1H26", "1H", "PT-1H", "-PT1H", "PT1.H", "T1H"]
)
def test_duration_pattern_rejects_what_the_reader_rejects(text: str) -> None:
    assert not re.search(_DURATION, text)
    with pytest.raises(ValidationError):
        parse_iso_duration(text)


def test_white_space_class_is_pythons() -> None:
    space = re.compile(f"[{_WS}]")
    for code in range(0x110000):
        char = chr(code)
        assert bool(space.match(char)) == char.isspace(), hex(code)


_FILM_VALIDATOR = _validator()
