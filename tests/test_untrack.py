"""The compiled build's C extension takes decoded films out of the collector's sight, safely.

``filmmeta._json.untrack`` exists only in the compiled build (``HATCH_BUILD_HOOKS_ENABLE=true``,
docs/performance.md); without it these tests skip, except in ``.ci/run``'s step for the
compiled wheel (``FILMMETA_BUILD=compiled``), where a missing extension is a failure.
The rule under test: an object is untracked only when no reference cycle can pass through
it, so whatever a cycle holds is still found and freed.
"""

from __future__ import annotations

import enum
import gc
import importlib
import weakref
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from filmmeta import Credit, Film, from_json, to_json
from filmmeta._json import decode
from filmmeta._model import slot_setters
from tests import strategies
from tests.conftest import COMPILED_BUILD


def _extension() -> ModuleType:
    try:
        return importlib.import_module("filmmeta._json.untrack")
    except ImportError:
        if COMPILED_BUILD:
            raise
        pytest.skip("the compiled build's extension is not installed (pure-Python build)")


@pytest.fixture(name="untrack", scope="module")
def _untrack() -> Any:
    return _extension().untrack


def _everything_in(value: object) -> list[object]:
    """*value* and every model object and tuple it holds, depth first."""
    found = [value]
    if isinstance(value, tuple):
        for item in value:
            found += _everything_in(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            found += _everything_in(getattr(value, field.name))
    return found


def _watched(value: object) -> list[object]:
    return [
        x
        for x in _everything_in(value)
        if gc.is_tracked(x) and not isinstance(x, enum.Enum)  # constants, left tracked
    ]


def test_the_decoder_uses_the_extension(untrack: Any) -> None:
    assert decode.untrack is untrack


def test_a_decoded_film_is_untracked_to_its_leaves(untrack: Any, backstage_text: str) -> None:
    film = from_json(backstage_text)
    assert film.credits
    assert film.offers
    assert film.ratings
    assert film.content_ratings
    assert _watched(film) == []
    built = Film("Heat", credits=(Credit("Michael Mann", "director"),))
    assert _watched(built) != []  # a film built in Python is left as Python makes it


@settings(max_examples=50)
@given(strategies.films)
def test_any_decoded_film_is_untracked_and_unchanged(untrack: Any, film: Film) -> None:
    decoded = from_json(to_json(film))
    assert repr(decoded) == repr(film)
    assert _watched(decoded) == []


def test_an_untracked_film_is_freed_when_its_last_reference_goes(untrack: Any) -> None:
    film = from_json('{"title": "Heat", "credits": [{"name": "Michael Mann", "role": "director"}]}')
    gone = weakref.ref(film.credits[0])
    del film
    assert gone() is None  # reference counting, no collection needed


def test_an_object_that_a_cycle_passes_through_stays_tracked(untrack: Any) -> None:
    credit = Credit("Michael Mann", "director")
    # Only a hack makes a cycle through a frozen credit: a list holding the credit itself.
    loop: list[object] = []
    set_name = slot_setters(Credit)[0]
    set_name(credit, loop)
    loop.append(credit)
    assert untrack(credit) is credit
    assert gc.is_tracked(credit)
    gone = weakref.ref(credit)
    del credit, loop
    gc.collect()
    assert gone() is None  # the collector still found the cycle and freed it


def test_tuples_follow_cpython_s_rule(untrack: Any) -> None:
    credit = Credit("Michael Mann", "director")
    plain = (credit, "a", 1)
    with_list = (credit, ["a"])
    gc.collect()  # the collector untracks tuples of atoms itself; these hold objects
    assert untrack(plain) is plain
    assert not gc.is_tracked(plain)
    assert not gc.is_tracked(credit)
    untrack(with_list)
    assert gc.is_tracked(with_list)


def test_other_objects_are_left_alone(untrack: Any) -> None:
    @attrs.frozen
    class Mine:
        name: str

    mine, items = Mine("x"), [Credit("Michael Mann", "director")]
    assert untrack(mine) is mine
    assert untrack(items) is items
    assert gc.is_tracked(mine)
    assert gc.is_tracked(items)
    assert gc.is_tracked(items[0])  # not walked into: a list is not a model object


def test_deep_nesting_is_cut_off_not_recursed_without_end(untrack: Any) -> None:
    nested: Any = (Credit("Michael Mann", "director"),)
    for _ in range(10_000):
        nested = (nested,)
    untrack(nested)
    assert gc.is_tracked(nested)  # past the depth limit, objects stay tracked


def test_set_kinds_takes_two_frozensets() -> None:
    extension = _extension()
    with pytest.raises(TypeError):
        extension.set_kinds({Credit}, frozenset())
    with pytest.raises(TypeError):
        extension.set_kinds(frozenset({Credit}))
