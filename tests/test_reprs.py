"""The model's one ``__repr__`` writes what attrs' generated ``__repr__`` would write."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import given

import filmmeta
from filmmeta import SOURCES, Film, Rating, canonical_provider, summarize_ratings
from filmmeta._model import fields_repr
from filmmeta._model.certification_systems import SYSTEMS

from . import strategies

# The modules whose classes `import filmmeta` makes.
MODULES = [
    *(f"filmmeta._model.{m.name}" for m in pkgutil.iter_modules(filmmeta._model.__path__)),
    "filmmeta._words.reception",
]


def _classes() -> list[type[Any]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type) and attrs.has(value) and value.__module__ == name
        ]
    return found


@functools.cache
def _as_attrs_writes(cls: type[Any]) -> type[Any]:
    """A plain attrs class with *cls*'s name and fields, whose __repr__ attrs generates."""
    these = {a.name: attrs.field(repr=a.repr, init=a.init) for a in attrs.fields(cls)}
    plain: type[Any] = attrs.define(type(cls.__name__, (), {}), these=these, eq=False)
    plain.__qualname__ = cls.__qualname__
    return plain


def attrs_repr(value: Any) -> str:
    """What attrs' own __repr__ writes for *value*."""
    plain = _as_attrs_writes(type(value))
    copy = object.__new__(plain)
    for a in attrs.fields(type(value)):
        if hasattr(value, a.name):
            object.__setattr__(copy, a.name, getattr(value, a.name))
    return repr(copy)


def parts(value: Any) -> Iterator[Any]:
    """*value* and every attrs instance inside it."""
    if attrs.has(type(value)):
        yield value
        for a in attrs.fields(type(value)):
            yield from parts(getattr(value, a.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from parts(item)


def test_the_classes_made_on_import_take_the_shared_repr() -> None:
    classes = _classes()
    assert len(classes) >= 19
    for cls in classes:
        assert cls.__dict__["__repr__"] is fields_repr, f"{cls.__qualname__}: no fields_repr"


@given(strategies.viewings)
def test_every_part_of_a_viewing_reads_as_attrs_writes_it(viewing: Any) -> None:
    for part in parts(viewing):
        assert repr(part) == attrs_repr(part)


def test_the_classes_outside_a_film_read_as_attrs_writes_them(backstage_text: str) -> None:
    film = filmmeta.from_json(backstage_text)
    found = [
        *parts(film),
        summarize_ratings(film.ratings),
        canonical_provider("Netflix"),
        *SOURCES.values(),
        *SYSTEMS.values(),  # fields left out of its repr and of __init__
    ]
    for part in found:
        assert repr(part) == attrs_repr(part)


def test_a_value_met_again_inside_itself_shows_as_dots() -> None:
    rating = Rating("imdb", 5.7)
    film = Film("Heat", ratings=[rating])
    # Frozen values hold no cycle unless one is forced in.
    object.__setattr__(rating, "source", film)
    assert repr(film).startswith("Film(title='Heat', ")
    assert "ratings=(Rating(source=..., value=5.7, " in repr(film)


def test_an_unset_field_left_out_of_init_shows_as_attrs_shows_it() -> None:
    @attrs.frozen
    class Counted:
        __repr__ = fields_repr

        name: str
        count: int = attrs.field(init=False, repr=lambda n: f"#{n}")
        hidden: int = attrs.field(default=0, repr=False)

    counted = Counted("a")
    assert repr(counted) == attrs_repr(counted) == "Counted(name='a', count=#_Nothing.NOTHING)"
    object.__setattr__(counted, "count", 3)
    assert repr(counted) == attrs_repr(counted) == "Counted(name='a', count=#3)"
