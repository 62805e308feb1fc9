"""The generated unstructure hooks (filmmeta._json.encode) against cattrs' own as the oracle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.gen import make_dict_unstructure_fn, override
from hypothesis import given, settings

from filmmeta import Film, converters
from filmmeta._json.encode import make_unstructure_fn
from filmmeta._json.hooks import always_written
from filmmeta._model.registry import MODEL_CLASSES
from tests import strategies
from tests.conftest import ROUND_TRIP_EXAMPLES


def _cattrs_converter() -> cattrs.Converter:
    """A converter whose model hooks are cattrs' generated ones, with the same rules."""
    converter = converters.make_converter()
    for cls in MODEL_CLASSES:
        always = {name: override(omit_if_default=False) for name in always_written(cls)}
        converter.register_unstructure_hook(
            cls,
            make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **always),
        )
    return converter


ORACLE = _cattrs_converter()


@settings(max_examples=ROUND_TRIP_EXAMPLES // 2)
@given(strategies.films)
def test_films_are_written_as_cattrs_writes_them(film: Film) -> None:
    assert converters.to_dict(film) == ORACLE.unstructure(film)


def _tomorrow() -> dt.date:
    return dt.date(2000, 1, 2)


_EPOCH = dt.date(2000, 1, 1)


@attrs.frozen
class _Note:
    text: str | None = None


@attrs.frozen
class _Pin:
    text: str = "x"


@attrs.frozen
class _Point:
    x: int
    y: int


@attrs.frozen
class _Toy:
    name: str
    length: dt.timedelta | None = attrs.field(default=None)
    start: dt.date = attrs.field(factory=_tomorrow)
    tags: tuple[str, ...] = ()
    epoch: dt.date = _EPOCH
    lengths: tuple[dt.timedelta, ...] = ()
    note: _Note = _Note()
    points: tuple[_Point, ...] = ()
    notes: tuple[_Note, ...] = ()
    pin: _Pin = _Pin()


@pytest.mark.parametrize(
    ("toy", "expected"),
    [
        (_Toy("a"), {"name": "a", "length": None}),
        (
            _Toy("a", dt.timedelta(minutes=86), tags=("x",), lengths=(dt.timedelta(hours=1),)),
            {"name": "a", "length": "PT1H26M", "tags": ["x"], "lengths": ["PT1H"]},
        ),
        (_Toy("a", start=_EPOCH), {"name": "a", "length": None, "start": "2000-01-01"}),
        (
            _Toy("a", epoch=dt.date(2000, 1, 2)),
            {"name": "a", "length": None, "epoch": "2000-01-02"},
        ),
        (_Toy("a", note=_Note("n")), {"name": "a", "length": None, "note": {"text": "n"}}),
        (_Toy("a", note=_Note()), {"name": "a", "length": None}),
        (_Toy("a", pin=_Pin("y")), {"name": "a", "length": None, "pin": {"text": "y"}}),
        (_Toy("a", pin=_Pin()), {"name": "a", "length": None}),
        (
            _Toy("a", points=(_Point(1, 2),), notes=(_Note(), _Note("n"))),
            {
                "name": "a",
                "length": None,
                "points": [{"x": 1, "y": 2}],
                "notes": [{}, {"text": "n"}],
            },
        ),
    ],
)
def test_every_kind_of_default(toy: _Toy, expected: dict[str, Any]) -> None:
    converter = converters.make_converter()
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(_Note, make_unstructure_fn(_Note, converter))
    converter.register_unstructure_hook(_Point, make_unstructure_fn(_Point, converter))
    # Always written, so its default is not written as {}: compared with == instead.
    converter.register_unstructure_hook(_Pin, make_unstructure_fn(_Pin, converter, ("text",)))
    hook = make_unstructure_fn(_Toy, converter, always=("length",))
    assert hook(toy) == expected


def test_tuples_of_plain_values_may_stay_tuples() -> None:
    converter = converters.make_converter()
    converter.register_unstructure_hook(_Point, make_unstructure_fn(_Point, converter))
    toy = _Toy("a", tags=("x", "y"), points=(_Point(1, 2),))
    written = make_unstructure_fn(_Toy, converter, tuples=True)(toy)
    # The strings' tuple is the instance's own; a tuple of objects is still a list.
    assert written["tags"] is toy.tags
    assert written["points"] == [{"x": 1, "y": 2}]
    assert make_unstructure_fn(_Toy, converter)(toy)["tags"] == ["x", "y"]


def test_generated_source_is_shown_in_tracebacks() -> None:
    import linecache

    hook = make_unstructure_fn(_Toy, converters.make_converter(), always=())
    source = "".join(linecache.getlines(hook.__code__.co_filename))
    assert source.startswith("def unstructure__Toy(i):")


def test_a_hook_of_its_own_is_called_not_written_in() -> None:
    @attrs.frozen
    class Box:
        points: tuple[_Point, ...]

    converter = converters.make_converter()
    converter.register_unstructure_hook(_Point, lambda p: [p.x, p.y])
    hook = make_unstructure_fn(Box, converter)
    assert hook(Box((_Point(1, 2),))) == {"points": [[1, 2]]}


@pytest.mark.parametrize("backend", ["orjson", "json"])
@settings(max_examples=ROUND_TRIP_EXAMPLES // 5)
@given(film=strategies.films)
def test_to_json_writes_enums_and_tuples_as_to_dict_does(backend: str, film: Film) -> None:
    # to_json's hooks leave enum members and tuples in place for the JSON library to write.
    from filmmeta._json import jsonlib as _jsonlib

    saved = _jsonlib.orjson
    if backend == "json":
        _jsonlib.orjson = None
    try:
        for indent in (None, 2, 4):
            assert converters.to_json(film, indent=indent) == _jsonlib.dumps(
                converters.to_dict(film), indent=indent
            )
    finally:
        _jsonlib.orjson = saved
