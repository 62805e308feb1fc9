"""No process-wide side effects: the garbage collector and module state are left as found."""

from __future__ import annotations

import gc
import io
import sys
import threading
import types
from collections.abc import Iterator
from typing import Any

import pytest

import filmmeta
from filmmeta import Film, ValidationError, dump_jsonl, gc_paused, load_jsonl
from filmmeta._model.validate import SHARED_TABLE_SIZE

from .test_sharing import _sample_films


@pytest.fixture(params=[True, False], ids=["enabled", "disabled"])
def collector(request: pytest.FixtureRequest) -> Iterator[bool]:
    """Run the test with the collector enabled, then disabled, and restore it after."""
    was = gc.isenabled()
    (gc.enable if request.param else gc.disable)()
    try:
        yield request.param
    finally:
        (gc.enable if was else gc.disable)()


def test_a_pause_restores_the_state_it_found(collector: bool) -> None:
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is collector


def test_a_pause_restores_it_when_the_block_raises(collector: bool) -> None:
    with pytest.raises(KeyError), gc_paused():
        raise KeyError
    assert gc.isenabled() is collector


def test_pauses_nest(collector: bool) -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() is collector


def test_pauses_overlapping_in_threads_end_with_the_last(collector: bool) -> None:
    # A opens, B opens, A closes (still paused: B is loading), B closes (restored).
    a_open, b_open, a_closed = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with gc_paused():
            a_open.set()
            b_open.wait()
        a_closed.set()

    def second() -> None:
        a_open.wait()
        with gc_paused():
            b_open.set()
            a_closed.wait()
            seen["after A closed"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"after A closed": False}
    assert gc.isenabled() is collector


def test_a_paused_load_gives_the_same_films(collector: bool) -> None:
    films = _sample_films(30)
    text = io.StringIO()
    dump_jsonl(films, text)
    with gc_paused():
        again = list(load_jsonl(io.StringIO(text.getvalue())))
    assert again == films
    assert gc.isenabled() is collector


# -- module state -------------------------------------------------------------------------

#: The module-level tables that decoding may fill: each is a bounded cache of frozen
#: values keyed by their exact text (see docs/performance.md), so what it holds never
#: changes a result. Anything else that changes is state shared behind the caller's back.
BOUNDED_CACHES = {
    ("filmmeta._json.fast_parts", "_CONTENT_RATINGS"),
    ("filmmeta._json.fast_parts", "_PRICES"),
    ("filmmeta._model.dates", "_READ"),
    ("filmmeta._model.duration", "_PARSED"),
    ("filmmeta._model.duration", "_ISO_TEXT"),
    # Not a cache: how often each fast hook handed a value to the slow path (one key
    # per model class), so that tests can see a fallback that would otherwise be silent.
    ("filmmeta._json.fast_parts", "FALLBACKS"),
}


def _containers() -> dict[tuple[str, str], Any]:
    found = {}
    for name, module in list(sys.modules.items()):
        if not (name == "filmmeta" or name.startswith("filmmeta.")):
            continue
        assert isinstance(module, types.ModuleType)
        for attr, value in vars(module).items():
            if isinstance(value, set | dict | list | bytearray):
                found[name, attr] = value
    return found


def _snapshot() -> dict[tuple[str, str], Any]:
    return {key: repr(value) for key, value in _containers().items()}


def test_loading_changes_no_module_state_but_the_bounded_caches() -> None:
    films = _sample_films(60)
    text = io.StringIO()
    dump_jsonl(films, text)
    # Odd roles and a rejected line: the validators learn nothing from them.
    odd = Film("Odd", credits=[filmmeta.Credit("Uncommon Name", "best boy")])
    lines = text.getvalue() + filmmeta.to_json(odd) + '\n{"title": "", "kind": "x"}\n'
    assert list(load_jsonl(io.StringIO(text.getvalue()))) == films  # first use built
    before = _snapshot()
    with pytest.raises(ValidationError):
        list(load_jsonl(io.StringIO(lines)))
    after = _snapshot()
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert changed <= BOUNDED_CACHES
    for key in BOUNDED_CACHES:
        assert len(_containers()[key]) <= SHARED_TABLE_SIZE
