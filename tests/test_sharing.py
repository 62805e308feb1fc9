"""Values and functions that may be shared: pickling, threads, processes."""

from __future__ import annotations

import concurrent.futures
import copy
import json
import multiprocessing
import pickle
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from filmmeta import (
    Film,
    FilmmetaError,
    PartialDate,
    UnsupportedDocumentError,
    ValidationError,
    converters,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from filmmeta._json.schema import json_schema

from .strategies import MODELS, films, partial_dates
from .test_converters import MALFORMED

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

# -- pickling ------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [*MODELS, PartialDate], ids=lambda c: c.__name__)
def test_models_pickle(cls: type[Any]) -> None:
    strategy = MODELS.get(cls, partial_dates())

    @given(strategy, st.sampled_from(PROTOCOLS))
    def check(value: Any, protocol: int) -> None:
        again = pickle.loads(pickle.dumps(value, protocol))
        assert type(again) is type(value)
        assert again == value
        assert hash(again) == hash(value)
        assert copy.deepcopy(value) == value
        if cls is not PartialDate:
            assert to_dict(again) == to_dict(value)

    check()


@given(films)
def test_a_film_pickles_to_the_same_json(film: Film) -> None:
    assert to_json(pickle.loads(pickle.dumps(film))) == to_json(film)


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize(
    "err",
    [
        ValidationError(
            [("ratings[1].value", "11.2 is above the scale's best 10"), ("title", "x")]
        ),
        ValidationError.at("kind", "bad").with_line(7),
        UnsupportedDocumentError("an OMDb series"),
        FilmmetaError("anything"),
    ],
    ids=["validation", "validation-line", "unsupported", "base"],
)
def test_errors_pickle(err: FilmmetaError, protocol: int) -> None:
    again = pickle.loads(pickle.dumps(err, protocol))
    assert type(again) is type(err)
    assert str(again) == str(err)
    assert again.args == err.args
    if isinstance(err, ValidationError):
        assert isinstance(again, ValidationError)
        assert (again.errors, again.line) == (err.errors, err.line)


@pytest.mark.parametrize(("ident", "document", "path"), MALFORMED[:12], ids=lambda x: str(x)[:20])
def test_raised_errors_pickle(ident: str, document: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(document)
    again = pickle.loads(pickle.dumps(info.value))
    assert again.errors == info.value.errors
    assert again.errors[0][0] == path


def _encode_in_worker(text: str) -> str:
    # Runs in another process: the film arrives by pickle, its JSON comes back as text.
    return to_json(from_json(text))


def test_films_cross_process_boundaries(backstage_text: str) -> None:
    film = from_json(backstage_text)
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        assert pool.submit(to_json, film).result() == to_json(film)
        assert pool.submit(_encode_in_worker, backstage_text).result() == to_json(film)
        with pytest.raises(ValidationError) as info:
            pool.submit(from_json, '{"title": ""}').result()
    assert info.value.errors == [("title", "must not be empty")]


# -- threads -------------------------------------------------------------------------------


def _sample_films(count: int) -> list[Film]:
    """Draw *count* films from the hypothesis strategy, the same ones on every run."""
    found: list[Film] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(films)
    def collect(film: Film) -> None:
        found.append(film)

    collect()
    return found


@pytest.fixture(scope="module")
def catalog() -> list[Film]:
    return _sample_films(100)


@pytest.fixture
def busy_threads() -> Iterator[None]:
    # Switch threads as often as possible, so that a race has every chance to show.
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def _round_trip(film: Film, text: str) -> tuple[bool, bool, bool]:
    return (
        from_json(text) == film,
        to_json(film) == text,
        from_dict(json.loads(text)) == film,
    )


@pytest.mark.usefixtures("busy_threads")
def test_encode_and_decode_from_many_threads(catalog: list[Film]) -> None:
    texts = [to_json(f) for f in catalog]
    assert len(set(texts)) > 75  # the sample is varied
    rounds = 10
    jobs = [(film, text) for _ in range(rounds) for film, text in zip(catalog, texts, strict=True)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda job: _round_trip(*job), jobs))
    assert results == [(True, True, True)] * len(jobs)


@pytest.mark.usefixtures("busy_threads")
def test_errors_from_many_threads() -> None:
    # Rejections take the detailed path, built on first use: errors must not mix.
    expected = []
    for _, document, _ in MALFORMED:
        with pytest.raises(ValidationError) as info:
            from_dict(document)
        expected.append(info.value.errors)

    def reject(document: Any) -> list[tuple[str, str]]:
        try:
            from_dict(document)
        except ValidationError as err:
            return err.errors
        raise AssertionError(document)  # pragma: no cover

    documents = [document for _, document, _ in MALFORMED] * 10
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(reject, documents))
    assert results == expected * 10


@pytest.mark.usefixtures("busy_threads")
def test_make_converter_from_many_threads(catalog: list[Film]) -> None:
    sample = catalog[:40]
    dicts = [to_dict(f) for f in sample]
    barrier = threading.Barrier(8)

    def work(_: int) -> bool:
        barrier.wait()
        converter = converters.make_converter()
        lenient = converters.make_converter(strict=False, detailed_validation=False)
        return all(
            converter.structure(d, Film) == f
            and lenient.structure(d, Film) == f
            and converter.unstructure(f) == d
            for f, d in zip(sample, dicts, strict=True)
        )

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert all(pool.map(work, range(16)))


@pytest.mark.usefixtures("busy_threads")
def test_json_schema_from_many_threads() -> None:
    expected = json_schema()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert all(s == expected for s in pool.map(lambda _: json_schema(), range(32)))


# -- first use, in a fresh process ----------------------------------------------------------

# Everything that filmmeta builds on first use (the module-level converters, the detailed
# error converter, the ISO tables, the language tag cache, dateutil, the JSON Schema) is
# first used by 8 threads at once, released together by a barrier.
_FIRST_USE = textwrap.dedent(
    """
    import json, sys, threading
    sys.setswitchinterval(1e-6)
    import filmmeta
    from filmmeta import from_json, to_json, from_dict, Film, PartialDate, ValidationError
    from filmmeta._json.schema import json_schema

    DOC = json.loads(sys.stdin.read())
    BAD = dict(DOC, kind="series", ratings=[{"source": "imdb", "value": 11.2}])

    def work():
        film = from_json(json.dumps(DOC))
        try:
            from_dict(BAD)
        except ValidationError as err:
            errors = err.errors
        return (
            to_json(film),
            errors,
            from_json(to_json(film), strict=False) == film,
            str(PartialDate.parse("07 Nov 2000")),
            Film("X", languages=["pt-BR", "yue"], countries=["TR"]).languages,
            json.dumps(json_schema(), sort_keys=True),
        )

    barrier = threading.Barrier(8)
    results = [None] * 8
    failures = []

    def run(i):
        barrier.wait()
        try:
            results[i] = work()
        except BaseException as exc:
            failures.append(repr(exc))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = work()
    assert not failures, failures
    assert all(r == expected for r in results), "results differ between threads"
    print("ok")
    """
)


@pytest.mark.parametrize("attempt", range(4))
def test_first_use_from_many_threads(backstage_text: str, attempt: int) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _FIRST_USE],
        input=backstage_text,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == "ok\n"
    assert run.stderr == ""
