"""The fast decoding hooks (filmmeta._json.decode) build what the constructors build, and only that.

The reference is a converter built without the fast hooks: cattrs' generated hooks and
the model's constructors, as decoding was before them. On valid films and on objects
drawn from a pool of hostile values, the two must agree: both raise, or both return
values with the same repr (which shows every field and its type: 29 is not 29.0,
Decimal("3.99") is not Decimal("3.990")).
"""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import ContentRating, Credit, ExternalIds, Film, Offer, Rating, converters
from filmmeta._json import film_hook, hooks
from filmmeta._json.decode import FAST_HOOKS, MODULES, render_module
from filmmeta._model.validate import builder
from tests import strategies
from tests.conftest import ROUND_TRIP_EXAMPLES


def _reference(*, strict: bool) -> cattrs.Converter:
    saved = dict(hooks.FAST_HOOKS)
    hooks.FAST_HOOKS.clear()
    try:
        return converters.make_converter(strict=strict, detailed_validation=False)
    finally:
        hooks.FAST_HOOKS.update(saved)


FAST = {
    strict: converters.make_converter(strict=strict, detailed_validation=False)
    for strict in (True, False)
}
REFERENCE = {strict: _reference(strict=strict) for strict in (True, False)}


def _outcome(converter: cattrs.Converter, cls: type[Any], data: Any) -> tuple[str, str]:
    try:
        value = converter.structure(copy.deepcopy(data), cls)
    except Exception as exc:
        # Which error a failing fast pass raises does not matter (from_dict then runs the
        # detailed pass for the message), except a bare TypeError: one from a fast hook
        # where the constructor raises ValidationError means a test it skipped.
        return ("error", type(exc).__name__ if isinstance(exc, TypeError) else "")
    return ("ok", repr(value))


def _agree(cls: type[Any], data: Any) -> None:
    for strict in (True, False):
        assert _outcome(FAST[strict], cls, data) == _outcome(REFERENCE[strict], cls, data)


def test_the_reference_has_no_fast_hooks() -> None:
    assert FAST_HOOKS, "the fast hooks are installed again after building the reference"
    fast = FAST[True].get_structure_hook(Credit)
    assert fast is not REFERENCE[True].get_structure_hook(Credit)
    assert fast.__name__ == "structure_credit"


@settings(max_examples=ROUND_TRIP_EXAMPLES // 2)
@given(strategies.films)
def test_valid_films_decode_as_the_constructors_build_them(film: Film) -> None:
    data = converters.to_dict(film)
    assert FAST[True].structure(copy.deepcopy(data), Film) == film
    _agree(Film, data)


# Values that are valid somewhere, invalid elsewhere, or nowhere.
_TEXTS = [
    "Backstage",
    "Penélope Cruz",
    "Zoë",
    "a" * 100_000,
    "a" * 100_001,
    "",
    "   ",
    " padded ",
    "\ud800",
    "x\udfffy",
    "\u3000",
    "actor",
    "director",
    "voice actor",
    "Actor",
    "R",
    "PG-13",
    "15",
    "12A",
    "MPA",
    "BBFC",
    "https://example.com/watch/1",
    "http://ä.example/1",
    "ftp://example.com/1",
    "https://exa mple.com",
    "imdb",
    "metacritic",
    "letterboxd",
    "nope",
    "US",
    "GB",
    "us",
    "USA",
    "en",
    "pt-BR",
    "xx-ZZ-bad-",
    "USD",
    "usd",
    "EUR",
    "rent",
    "buy",
    "flatrate",
    "hd",
    "4k",
    "movie",
    "tv_movie",
    "Movie",
    "3.99",
    "3.990",
    "03.99",
    "0",
    "-1",
    "1e3",
    "1E+5",
    "NaN",
    "Infinity",
    " 3.99",
    "\u0663",
    "1" * 13,
    "2000",
    "2000-11",
    "2000-11-31",
    "2000-13",
    "PT1H26M",
    "P30M",
    "-PT1H",
    "tt0088763",
    "Q42",
    "Q0",
    "tt123",
    "a b",
    "a\tb",
    "a\x1cb",
    "ab\n",
    "\u00e9t\u00e9",
]
_NUMBERS = [
    0,
    1,
    5,
    5.7,
    10,
    11.2,
    29,
    100,
    101,
    -1,
    0.5,
    0.4,
    2**63 - 1,
    2**63,
    math.nan,
    math.inf,
]
_OTHERS = [None, True, False, 1.0, [], {}, ["a"], {"a": 1}, ()]
# The values on the edges of the fast hooks' tests, drawn more often than the rest.
_EDGES = ["", "   ", "\u3000", "\ud800", "a" * 100_001, "NaN", " 3.99", "1e3", "Zoë", "https://x"]
_VALUE: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(_EDGES),
    st.sampled_from(_TEXTS),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_OTHERS),
)


def _mutated(valid: st.SearchStrategy[Any], keys: list[str]) -> st.SearchStrategy[Any]:
    """Valid objects (as dicts) with one key set to a hostile value, or removed."""

    @st.composite
    def mutate(draw: st.DrawFn) -> Any:
        doc = converters.to_dict(draw(valid))
        key = draw(st.sampled_from([*keys, "extra"]))
        if draw(st.booleans()) and key in doc:
            del doc[key]
        else:
            doc[key] = draw(_VALUE)
        return doc

    return mutate() | _VALUE


CREDITS = _mutated(strategies.credits, ["name", "role", "character"])
RATINGS = _mutated(strategies.ratings(), ["source", "value", "votes", "best", "worst"])
OFFERS = _mutated(
    strategies.offers(), ["provider", "type", "region", "price", "currency", "quality", "url"]
)
CONTENT_RATINGS = _mutated(strategies.content_ratings(), ["code", "country", "system", "reason"])
IDS = _mutated(
    strategies.external_ids,
    ["imdb", "tmdb", "wikidata", "letterboxd", "rotten_tomatoes", "metacritic", "justwatch"],
)


@pytest.mark.parametrize(
    ("cls", "objects"),
    [
        (Credit, CREDITS),
        (Rating, RATINGS),
        (Offer, OFFERS),
        (ContentRating, CONTENT_RATINGS),
        (ExternalIds, IDS),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(data=st.data())
def test_hostile_objects_decode_as_the_constructors_build_them(
    cls: type[Any], objects: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    _agree(cls, data.draw(objects))


def _lists(items: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(items, max_size=3) | _VALUE


FILMS = st.builds(
    lambda f, e: {**f, **e},
    st.fixed_dictionaries(
        {},
        optional={
            "title": _VALUE,
            "kind": _VALUE,
            "release_date": _VALUE,
            "runtime": _VALUE,
            "content_ratings": _lists(CONTENT_RATINGS),
            "genres": _lists(_VALUE),
            "languages": _lists(_VALUE),
            "countries": _lists(_VALUE),
            "summary": _VALUE,
            "credits": _lists(CREDITS),
            "ratings": _lists(RATINGS),
            "offers": _lists(OFFERS),
            "ids": IDS,
            "original_title": _VALUE,
        },
    ),
    st.dictionaries(st.sampled_from(["extra", "Title"]), _VALUE, max_size=1),
)


@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(FILMS)
def test_hostile_films_decode_as_the_constructors_build_them(data: dict[str, Any]) -> None:
    _agree(Film, data)


@settings(max_examples=ROUND_TRIP_EXAMPLES // 2)
@given(strategies.films, st.data())
def test_one_bad_value_in_a_valid_film(film: Film, data: st.DataObject) -> None:
    doc = converters.to_dict(film)
    key = data.draw(st.sampled_from(sorted(doc)))
    doc[key] = data.draw(_VALUE)
    _agree(Film, doc)


def test_the_builder_sets_every_field() -> None:
    build = builder(Credit)
    credit = build("Chris Fiore", "director", None)
    assert credit == Credit("Chris Fiore", "director")
    with pytest.raises(AttributeError):
        credit.name = "x"  # type: ignore[misc]


# One full, valid object of each class: every key set to every pooled value in turn.
_FULL = {
    Credit: {"name": "Ann Lee", "role": "actor", "character": "Bob"},
    Rating: {"source": "imdb", "value": 5.7, "votes": 347},
    Offer: {
        "provider": "Tubi",
        "type": "rent",
        "region": "US",
        "price": "3.99",
        "currency": "USD",
        "quality": "hd",
        "url": "https://tubi.tv/1",
    },
    ContentRating: {"code": "R", "country": "US", "system": "MPA", "reason": "for language"},
    ExternalIds: {
        "imdb": "tt0250468",
        "tmdb": 1,
        "wikidata": "Q42",
        "letterboxd": "backstage-2000",
        "rotten_tomatoes": "m/backstage",
        "metacritic": "movie/backstage",
        "justwatch": 2**63 - 1,
    },
    Film: {
        "title": "Backstage",
        "kind": "tv_movie",
        "release_date": "2000",
        "runtime": "PT1H26M",
        "genres": ["Drama"],
        "languages": ["en"],
        "countries": ["US"],
        "summary": "A play.",
        "credits": [{"name": "Chris Fiore", "role": "director"}],
        "ratings": [{"source": "imdb", "value": 5.7}, {"source": "metacritic", "value": 29}],
        "offers": [{"provider": "Tubi", "type": "free"}],
        "content_ratings": [{"code": "R", "country": "US"}],
        "ids": {"imdb": "tt0250468"},
        "original_title": "Backstage",
    },
}
_POOL = [*_EDGES, *_TEXTS, *_NUMBERS, *_OTHERS]


@pytest.mark.parametrize("cls", list(_FULL), ids=lambda c: c.__name__)
def test_every_pooled_value_in_every_key(cls: type[Any]) -> None:
    full = _FULL[cls]
    _agree(cls, full)
    assert _outcome(FAST[True], cls, full)[0] == "ok"
    for key in [*full, "extra"]:
        for value in _POOL:
            _agree(cls, {**full, key: value})
        _agree(cls, {k: v for k, v in full.items() if k != key})


def test_a_film_with_two_ratings_from_one_source() -> None:
    doc = {**_FULL[Film], "ratings": [{"source": "imdb", "value": 5.7}] * 2}
    _agree(Film, doc)
    assert _outcome(FAST[True], Film, doc)[0] == "error"


def test_the_generated_hook_modules_are_up_to_date() -> None:
    converter = converters.make_converter(detailed_validation=False)
    for cls, module in MODULES.items():
        # The module's source, beside its extension where the build is compiled.
        source = Path(module.__file__ or "").with_name(module.__name__.rpartition(".")[2] + ".py")
        expected = render_module(cls, converter)
        assert source.read_text("utf-8") == expected, "run: python scripts/gen_hooks.py"


def test_the_film_hook_is_its_module_s_and_a_stale_module_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook = FAST[True].get_structure_hook(Film)
    assert hook.__module__ == film_hook.__name__  # compiled, the hook has no __name__
    monkeypatch.setattr(film_hook, "FINGERPRINT", "stale")
    converter = converters.make_converter(detailed_validation=False)
    stale = converter.get_structure_hook(Film)
    assert stale.__module__ != film_hook.__name__  # exec'd from the source of today
    doc = _FULL[Film]
    assert repr(stale(copy.deepcopy(doc), Film)) == repr(hook(copy.deepcopy(doc), Film))
