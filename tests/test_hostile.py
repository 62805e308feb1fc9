"""Hostile shapes: each either works or raises ValidationError, under both JSON backends."""

from __future__ import annotations

import functools
from typing import Any

import attrs
import pytest

from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Offer,
    PartialDate,
    Rating,
    ValidationError,
    from_json,
    normalize_certification,
    parse_runtime,
    to_json,
)
from filmmeta._json import jsonlib as _jsonlib

DEPTH = 100_000

HOSTILE: list[tuple[str, str, bool]] = [
    # (id, JSON text, whether it is a valid film)
    ("nested-lists", '{"title": "x", "ids": ' + "[" * DEPTH + "]" * DEPTH + "}", False),
    ("nested-objects", '{"title": "x", "ids": ' + '{"a":' * DEPTH + "1" + "}" * DEPTH + "}", False),
    ("nested-document", "[" * DEPTH + "]" * DEPTH, False),
    ("huge-float", '{"title": "x", "ratings": [{"source": "imdb", "value": 1e400}]}', False),
    (
        "huge-int",
        '{"title": "x", "ratings": [{"source": "imdb", "value": 1' + "0" * 100_000 + "}]}",
        False,
    ),
    ("nan", '{"title": "x", "ratings": [{"source": "imdb", "value": NaN}]}', False),
    ("infinity", '{"title": "x", "ratings": [{"source": "imdb", "value": -Infinity}]}', False),
    ("long-title", '{"title": "' + "x" * 1_000_000 + '"}', False),
    ("long-genre", '{"title": "x", "genres": ["' + "x" * 1_000_000 + '"]}', False),
    ("lone-surrogate", '{"title": "\\ud800"}', False),
    ("lone-low-surrogate", '{"title": "ok", "summary": "a\\udc00b"}', False),
    ("duplicate-keys", '{"title": "a", "title": "b"}', False),
    ("million-genres", '{"title": "x", "genres": [' + ",".join(['"g"'] * 1_000_000) + "]}", True),
    ("million-bad-items", '{"title": "x", "genres": [' + ",".join(["1"] * 100_000) + "]}", False),
    ("null-bytes", '{"title": "a\\u0000b"}', True),
    ("empty", "", False),
    ("bom", '\ufeff{"title": "x"}', False),
    ("truncated", '{"title": "x", "ratings": [{"source"', False),
    ("long-runtime", '{"title": "x", "runtime": "PT' + "9" * 90 + 'H"}', False),
    ("long-date", '{"title": "x", "release_date": "' + "9" * 10_000 + '"}', False),
]


@pytest.fixture(params=["orjson", "json"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json":
        monkeypatch.setattr(_jsonlib, "orjson", None)
    elif _jsonlib.orjson is None:  # pragma: no cover - orjson is a test dependency
        pytest.skip("orjson is not installed")
    return str(request.param)


@pytest.mark.parametrize(
    ("text", "valid"), [(t, v) for _, t, v in HOSTILE], ids=[i for i, _, _ in HOSTILE]
)
def test_hostile_documents(backend: str, text: str, valid: bool) -> None:
    if valid:
        film = from_json(text)
        assert from_json(to_json(film)) == film
        return
    with pytest.raises(ValidationError) as info:
        from_json(text)
    assert info.value.errors
    # Messages stay readable however large the input was.
    assert all(len(message) < 500 for _, message in info.value.errors)


def test_a_long_list_of_bad_items_is_reported_briefly() -> None:
    from filmmeta.converters import MAX_ERRORS

    with pytest.raises(ValidationError) as info:
        from_json('{"title": "x", "offers": [' + ",".join(["1"] * 500_000) + "]}")
    errors = info.value.errors
    assert len(errors) == MAX_ERRORS + 1
    assert errors[MAX_ERRORS - 1][0] == f"offers[{MAX_ERRORS - 1}]"
    assert errors[-1] == ("offers", f"more errors may follow; checking stopped after {MAX_ERRORS}")


def test_deep_python_values_from_dict() -> None:
    from filmmeta import from_dict

    value: object = []
    for _ in range(DEPTH):
        value = [value]
    with pytest.raises(ValidationError):
        from_dict({"title": "x", "genres": value})
    assert Film("x") == from_dict({"title": "x"})


def test_a_value_whose_repr_recurses_is_described() -> None:
    from filmmeta import from_dict

    class Endless:
        def __repr__(self) -> str:
            return repr(self)

    # Describing the value for the message would recurse without end: the message says
    # what it can instead.
    with pytest.raises(ValidationError, match=r"^title: expected a string, got Endless <Endless"):
        from_dict({"title": Endless()})


@functools.cache
def _deep() -> list[object]:
    value: list[object] = []
    for _ in range(DEPTH):
        value = [value]
    return value


_BASES: dict[type[Any], dict[str, Any]] = {
    Film: {"title": "x"},
    Credit: {"name": "a", "role": "actor"},
    Rating: {"source": "imdb", "value": 5},
    Offer: {"provider": "p", "type": "rent"},
    ContentRating: {"code": "R", "country": "US"},
    ExternalIds: {},
    PartialDate: {"year": 2000},
}
_FIELDS = [(cls, field.name) for cls in _BASES for field in attrs.fields(cls)]


def _error(build: Any) -> ValidationError | None:
    try:
        build()
    except ValidationError as err:
        return err
    return None


@pytest.mark.parametrize(("cls", "name"), _FIELDS, ids=[f"{c.__name__}.{n}" for c, n in _FIELDS])
@pytest.mark.parametrize("shape", ["deep", "long", "deep-in-dict"])
def test_constructors_report_any_value_briefly(cls: type[Any], name: str, shape: str) -> None:
    # Messages are logged and sent back to web clients: they must not fail or grow with
    # the value (a list nested 10^5 deep once escaped as a RecursionError from repr()).
    value = {"deep": _deep(), "long": "x" * 1_000_000, "deep-in-dict": {"a": _deep()}}[shape]
    err = _error(lambda: cls(**{**_BASES[cls], name: value}))
    assert err is not None or shape == "long"  # a text field may take a long string
    assert err is None or len(str(err)) < 300


@pytest.mark.parametrize("parse", [PartialDate.parse, parse_runtime, normalize_certification])
@pytest.mark.parametrize("shape", ["deep", "long", "deep-in-dict"])
def test_parsers_report_any_value_briefly(parse: Any, shape: str) -> None:
    value = {"deep": _deep(), "long": "x" * 1_000_000, "deep-in-dict": {"a": _deep()}}[shape]
    err = _error(lambda: parse(value))
    # normalize_certification keeps a code it does not know, however long: ContentRating
    # is where a code's length is checked.
    assert err is not None or (shape == "long" and parse is normalize_certification)
    assert err is None or len(str(err)) < 300


# Python's int() refuses more than 4,300 digits with a bare ValueError (defect 2 of issue 13).
_DIGITS = "1" * 4301
_MOVIE_LD = {"@type": "Movie", "name": "X", "url": "https://www.imdb.com/title/tt0206000/"}


def _omdb(**fields: Any) -> Any:
    from filmmeta.formats.omdb import from_omdb

    return functools.partial(from_omdb, {"Title": "X", "imdbRating": "5.0", **fields})


def _jsonld(doc: Any, **kw: Any) -> Any:
    from filmmeta.formats.schemaorg import from_jsonld

    return functools.partial(from_jsonld, doc, **kw)


def _justwatch(doc: Any) -> Any:
    from filmmeta.formats.justwatch import film_from_justwatch

    return functools.partial(film_from_justwatch, doc)


DIGIT_LIMIT: list[tuple[str, Any, str]] = [
    # (id, the call, the path of the error)
    ("omdb-votes", _omdb(imdbVotes=_DIGITS), "imdbVotes"),
    ("omdb-votes-commas", _omdb(imdbVotes="1," + ",".join(["111"] * 1434)), "imdbVotes"),
    ("omdb-rating", _omdb(imdbRating=_DIGITS), "imdbRating"),
    ("omdb-metascore", _omdb(Metascore=_DIGITS), "Metascore"),
    (
        "omdb-tomatometer",
        _omdb(Ratings=[{"Source": "Rotten Tomatoes", "Value": _DIGITS + "%"}]),
        "Ratings[0].Value",
    ),
    (
        "omdb-listed-metascore",
        _omdb(Ratings=[{"Source": "Metacritic", "Value": _DIGITS + "/100"}]),
        "Ratings[0].Value",
    ),
    (
        "omdb-listed-imdb",
        _omdb(Ratings=[{"Source": "Internet Movie Database", "Value": _DIGITS + "/10"}]),
        "Ratings[0].Value",
    ),
    ("jsonld-text", _jsonld(_DIGITS), "$"),
    (
        "jsonld-rating-count",
        _jsonld({**_MOVIE_LD, "aggregateRating": {"ratingValue": 5, "ratingCount": _DIGITS}}),
        "aggregateRating.ratingCount",
    ),
    (
        "jsonld-rating-count-in-text",
        _jsonld(
            '{"@type": "Movie", "name": "X", "url": "/title/tt0206000/",'
            f' "aggregateRating": {{"ratingValue": 5, "ratingCount": {_DIGITS}}}}}'
        ),
        "aggregateRating.ratingCount",
    ),
    (
        "jsonld-rating-value",
        _jsonld({**_MOVIE_LD, "aggregateRating": {"ratingValue": _DIGITS}}),
        "aggregateRating.ratingValue",
    ),
    (
        "jsonld-best-rating",
        _jsonld({**_MOVIE_LD, "aggregateRating": {"ratingValue": 5, "bestRating": _DIGITS}}),
        "aggregateRating.bestRating",
    ),
    (
        "jsonld-tmdb-url",
        _jsonld({"@type": "Movie", "name": "X", "url": "https://themoviedb.org/movie/" + _DIGITS}),
        "url",
    ),
    (
        "justwatch-legacy-external-id",
        _justwatch(
            {
                "title": "X",
                "object_type": "movie",
                "external_ids": [{"provider": "tmdb", "external_id": _DIGITS}],
            }
        ),
        "external_ids[0].external_id",
    ),
    (
        "justwatch-graphql-tmdb-id",
        _justwatch(
            {"objectType": "MOVIE", "content": {"title": "X", "externalIds": {"tmdbId": _DIGITS}}}
        ),
        "content.externalIds.tmdbId",
    ),
]


@pytest.mark.parametrize(
    ("call", "path"), [c[1:] for c in DIGIT_LIMIT], ids=[c[0] for c in DIGIT_LIMIT]
)
def test_numbers_of_4301_digits_are_validation_errors(call: Any, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.errors[0][0] == path
    assert len(str(caught.value)) < 200  # the digits are not all repeated back


def test_a_huge_integer_nobody_reads_costs_nothing_in_importer_json() -> None:
    from filmmeta.formats.justwatch import film_from_justwatch

    text = '{"title": "X", "object_type": "movie", "unused": ' + _DIGITS + "}"
    assert film_from_justwatch(text).title == "X"


@pytest.mark.parametrize(
    ("read", "text"), [("read_int", "12a"), ("read_float", "8,5"), ("read_int", " ")]
)
def test_number_readers_refuse_what_is_not_a_number(read: str, text: str) -> None:
    from filmmeta._model import validate

    with pytest.raises(ValidationError, match=r"^x: .* is not a"):
        getattr(validate, read)(text, "x")
