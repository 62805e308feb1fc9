"""Guards: every field of every model class is covered by every layer that handles fields.

The attrs fields are the one list of fields (see filmmeta._model.fields). These tests
fail when a field is added without what its type cannot say (a merge policy), or when a
layer does not carry it: the encoder, the fast decoder, Arrow, the JSON Schema and the
hypothesis strategies. They also hold the fast decoder to its promise that a valid
document of the usual shape never takes the slow path.
"""

from __future__ import annotations

import copy
import enum
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings

from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Offer,
    Rating,
    ValidationError,
    Viewing,
    converters,
    json_schema,
    merge_films,
)
from filmmeta._json import decode, fast_parts
from filmmeta._json.hooks import checked_by_the_model
from filmmeta._json.schema_rules import FIELD_RULES
from filmmeta._model.fields import FIELDWISE, FIRST, MERGE
from filmmeta._model.registry import ENUMS, MODEL_CLASSES, field_types
from tests import strategies
from tests.conftest import NO_SHARED, ROUND_TRIP_EXAMPLES, SHARED

ROOT = Path(__file__).parent.parent
FIELDS = [(cls, field.name) for cls in MODEL_CLASSES for field in field_types(cls)]
FAST = converters.make_converter(detailed_validation=False)
# An example, not the smallest one: shrinking would take most of the time.
_FIND = settings(
    max_examples=2000,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
    database=None,
)


@functools.cache
def _examples(cls: type[Any]) -> tuple[Any, ...]:
    """Drawn values of *cls* that, between them, write every field, each not its default."""
    seen: list[Any] = []
    fields = field_types(cls)
    names = {f.name for f in fields}

    def given(value: Any) -> set[str]:
        # Written, and not the default: a kind is always written, and a test needs a film
        # of another kind. A default made by a factory (a scale's best) is never equal.
        written = converters.to_dict(value)
        return {f.name for f in fields if f.name in written and getattr(value, f.name) != f.default}

    def covers(value: Any) -> bool:
        seen.append(value)
        return names <= {name for v in seen for name in given(v)}

    find(strategies.MODELS[cls], covers, settings=_FIND)
    return tuple(seen)


def _example(cls: type[Any], has: Callable[[Any], bool]) -> Any:
    return next(value for value in _examples(cls) if has(value))


def _ids(value: Any) -> str:
    return f"{value[0].__name__}.{value[1]}" if isinstance(value, tuple) else str(value)


class _Fallbacks:
    """The fast hooks' fallbacks counted since the test began."""

    def __init__(self) -> None:
        self.before = copy.copy(fast_parts.FALLBACKS)

    def __call__(self) -> dict[type[Any], int]:
        return {
            cls: n - self.before[cls]
            for cls, n in fast_parts.FALLBACKS.items()
            if n != self.before[cls]
        }


@pytest.fixture
def fallbacks() -> _Fallbacks:
    return _Fallbacks()


# -- the registry -----------------------------------------------------------------------


def test_the_registry_holds_the_classes_that_films_are_made_of() -> None:
    # The roots last: films, then a person's history, which holds films.
    assert MODEL_CLASSES[-2:] == (Film, Viewing)
    assert {ContentRating, Credit, ExternalIds, Offer, Rating} <= set(MODEL_CLASSES)
    # Leaves first: every class comes after the classes its fields hold.
    for i, cls in enumerate(MODEL_CLASSES):
        for field in field_types(cls):
            assert not any(
                other in MODEL_CLASSES[i:] and other is not cls for other in _classes_in(field.type)
            ), (cls, field.name)
    assert set(converters.MODEL_CLASSES) == {*MODEL_CLASSES, converters.PartialDate}
    held = {t for cls in MODEL_CLASSES for f in field_types(cls) for t in _types_in(f.type)}
    assert set(ENUMS) == {t for t in held if isinstance(t, type) and issubclass(t, enum.Enum)}


def _types_in(type_: Any) -> set[Any]:
    found = {type_}
    for arg in getattr(type_, "__args__", ()):
        found |= _types_in(arg)
    return found


def _classes_in(type_: Any) -> set[type[Any]]:
    found = {type_} if type_ in MODEL_CLASSES else set()
    for arg in getattr(type_, "__args__", ()):
        found |= _classes_in(arg)
    return found


# -- merge ------------------------------------------------------------------------------


def _merged_fields() -> list[tuple[type[Any], str]]:
    """Film's fields, and those of the values it merges field by field (the ids)."""
    found, classes = [], [Film]
    while classes:
        cls = classes.pop()
        for field in field_types(cls):
            found.append((cls, field.name))
            if field.metadata.get(MERGE) is FIELDWISE:
                classes.append(field.type)
    return found


@pytest.mark.parametrize("where", _merged_fields(), ids=_ids)
def test_every_merged_field_has_a_merge_policy(where: tuple[type[Any], str]) -> None:
    cls, name = where
    policy = attrs.fields_dict(cls)[name].metadata.get(MERGE)
    assert callable(policy), (
        f"{cls.__name__}.{name} has no merge policy: say in its metadata how merge_films "
        "combines what several sources give (filmmeta._model.fields)"
    )


@pytest.mark.parametrize("name", [f.name for f in field_types(Film) if f.name != "title"])
def test_merging_keeps_what_only_one_film_gives(name: str) -> None:
    field = attrs.fields_dict(Film)[name]
    film = _example(Film, lambda f: getattr(f, name) != field.default)
    only = Film(film.title, **{name: getattr(film, name)})
    bare = Film(film.title)
    # Whatever the policy, a value that only one film gives is not lost... (force: the
    # drawn title may have no form that matching compares, which is not this test's point)
    merged = getattr(merge_films(only), name)
    assert getattr(merge_films(only, bare, force=True), name) == merged
    if field.metadata[MERGE] is not FIRST:
        # ... unless the more trusted film's own value wins, as a kind does.
        assert getattr(merge_films(bare, only, force=True), name) == merged


# -- JSON: the fast pass leaves to the model only what the model checks ----------------------

_WRONG = {"a": 1}  # no field of any type takes a JSON object where it expects a scalar


@pytest.mark.parametrize(
    "where", [(c, n) for c, n in FIELDS if checked_by_the_model(attrs.fields_dict(c)[n])], ids=_ids
)
def test_fields_left_to_the_model_reject_a_wrong_json_type(where: tuple[type[Any], str]) -> None:
    cls, name = where
    example = _examples(cls)[0]
    with pytest.raises(ValidationError) as info:
        attrs.evolve(example, **{name: _WRONG})
    assert any(path.split("[")[0] == name for path, _ in info.value.errors), info.value.errors


# -- every field through every layer --------------------------------------------------------


@pytest.mark.parametrize("where", FIELDS, ids=_ids)
def test_every_field_is_drawn_written_read_and_described(where: tuple[type[Any], str]) -> None:
    cls, name = where
    # The strategies draw it with a value that the encoder writes...
    value = _example(cls, lambda v: name in converters.to_dict(v))
    data = converters.to_dict(value)
    # ... the decoder reads it back, both passes ...
    assert converters.from_dict(copy.deepcopy(data), cls) == value
    assert FAST.structure(copy.deepcopy(data), cls) == value
    # ... and the JSON Schema has a described property for it.
    prop = json_schema(cls)["properties"][name]
    assert prop.get("description"), f"{cls.__name__}.{name} has no description (Args:)"


def test_the_arrow_schema_has_every_field() -> None:
    pa = pytest.importorskip("pyarrow")
    from filmmeta.frames import arrow_schema

    def check(cls: type[Any], struct: Any) -> None:
        assert [f.name for f in struct] == [f.name for f in field_types(cls)], cls
        for field in field_types(cls):
            type_ = struct.field(field.name).type
            while isinstance(type_, pa.ListType):
                type_ = type_.value_type
            inner = strategies.optional_inner(field.type) or field.type
            classes = _classes_in(inner)
            if classes:
                check(classes.pop(), type_)

    check(Film, arrow_schema())


def test_schema_rules_name_real_fields() -> None:
    for cls, name in FIELD_RULES:
        assert name in attrs.fields_dict(cls), f"a schema rule for {cls.__name__}.{name}"


# -- the fast path ----------------------------------------------------------------------

#: For each class with a fast hook written by hand, a value that gives every field.
FULL: dict[type[Any], Any] = {
    Credit: Credit("Jay-Z", "self", character="Himself"),
    Rating: Rating("imdb", 5.7, votes=347),
    Offer: Offer(
        "Vudu",
        "rent",
        region="US",
        price="3.99",
        currency="USD",
        quality="hd",
        url="https://www.vudu.com/backstage",
        available_from="2026-12-01",
        available_until="2027-01-31",
        audio_languages=["en", "es"],
        subtitle_languages=["en"],
        features=["hdr10", "dolby_atmos"],
    ),
    ContentRating: ContentRating(
        "R", country="US", system="MPA", reason="language", descriptors=["language"]
    ),
    ExternalIds: ExternalIds(
        imdb="tt0233044",
        tmdb=21307,
        wikidata="Q4839185",
        letterboxd="backstage-2000",
        rotten_tomatoes="m/backstage",
        metacritic="backstage",
        justwatch=12,
        other={"trakt": "12345", "eidr": "10.5240/1F2A-E1C5-680A-14C6-E76B-I"},
    ),
}


def test_every_class_with_a_fast_hook_has_a_full_example() -> None:
    assert set(FULL) | {Film} == set(decode.FAST_HOOKS)


@pytest.mark.parametrize("cls", sorted(FULL, key=lambda c: c.__name__), ids=_ids)
def test_hand_written_fast_hooks_know_every_field(cls: type[Any], fallbacks: _Fallbacks) -> None:
    value = FULL[cls]
    data = converters.to_dict(value)
    # A field that the example does not give is one the hook was not taught.
    factory = {f.name for f in field_types(cls) if isinstance(f.default, attrs.Factory)}  # type: ignore[arg-type]
    assert set(data) | factory == {f.name for f in field_types(cls)}
    assert FAST.structure(data, cls) == value
    assert converters.from_dict({"title": "T", **_holding(cls, data)}) is not None
    assert not fallbacks(), f"the fast hook of {cls.__name__} fell back"


def _holding(cls: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    """A film document that holds *data* where a film holds a *cls*."""
    for field in field_types(Film):
        if field.type == tuple[cls, ...]:
            return {field.name: [data]}
        if field.type is cls:
            return {field.name: data}
    raise AssertionError(cls)  # pragma: no cover


def _canonical_documents() -> list[dict[str, Any]]:
    docs = [converters.to_dict(Film("T"))]
    docs += [{"title": "T", **_holding(c, converters.to_dict(v))} for c, v in FULL.items()]
    examples = SHARED / "examples"
    if examples.is_dir():
        docs += [json.loads(p.read_text()) for p in sorted(examples.glob("*.json"))]
    return docs


@pytest.mark.parametrize("document", _canonical_documents())
def test_canonical_documents_take_the_fast_path(
    document: dict[str, Any], fallbacks: _Fallbacks
) -> None:
    assert converters.from_dict(document) is not None
    assert not fallbacks()


@settings(max_examples=ROUND_TRIP_EXAMPLES // 2)
@given(strategies.films)
def test_valid_films_never_send_the_film_to_the_slow_path(film: Film) -> None:
    before = fast_parts.FALLBACKS[Film]
    assert FAST.structure(converters.to_dict(film), Film) == film
    assert fast_parts.FALLBACKS[Film] == before


def test_an_invalid_film_is_counted_as_it_falls_back(fallbacks: _Fallbacks) -> None:
    with pytest.raises(ValidationError):
        converters.from_dict({"title": "T", "genres": [""]})
    assert fallbacks() == {Film: 1}


@pytest.mark.skipif(not (ROOT / "bench" / "gen.py").exists(), reason="no bench")
def test_the_bench_documents_take_the_fast_path(fallbacks: _Fallbacks) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import gen
    finally:
        sys.path.remove(str(ROOT / "bench"))
    for document in gen.films(200):
        converters.from_dict(document)
    assert not fallbacks()


def _v1_lines() -> list[str]:
    """Canonical documents as filmmeta 0.1.0 wrote them, before model 2 (Backstage first)."""
    return (ROOT / "tests" / "fixtures" / "parquet" / "films-v1.jsonl").read_text().splitlines()


@pytest.mark.parametrize("line", _v1_lines())
def test_version_1_documents_read_and_write_back_byte_for_byte(line: str) -> None:
    assert converters.to_json(converters.from_json(line)) == line


def _examples_documents() -> list[Any]:
    examples = SHARED / "examples"
    if not examples.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_SHARED))]
    return [pytest.param(p.read_text(), id=p.name) for p in sorted(examples.glob("*.json"))]


@pytest.mark.parametrize("text", _examples_documents())
def test_shared_examples_read_and_write_back_unchanged(text: str) -> None:
    film = converters.from_json(text)
    written = converters.to_json(film)
    # The same keys and values (the example orders a content rating's keys its own way),
    # and what is written is written again byte for byte.
    assert json.loads(written) == json.loads(text)
    assert converters.to_json(converters.from_json(written)) == written
    if film.title == "Backstage":
        assert written == _v1_lines()[0]  # as 0.1.0 wrote it
