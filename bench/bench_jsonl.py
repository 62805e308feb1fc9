"""load_jsonl of a catalog kept in memory against pydantic line by line, by CPU time.

    python bench/bench_jsonl.py                      # 10^5 films, 3 rounds
    python bench/bench_jsonl.py -n 20000 --rounds 5
    PYTHONPATH=/tmp/old/src python bench/bench_jsonl.py   # another version's src

The same table as ``run.py``'s "JSONL load" rows (the same catalog, ``gen.films(n,
seed=1)``, the same contenders, interleaved rounds, the median round), but each sample
timed by this thread's CPU time rather than the wall clock: on a machine that others
share, the time spent waiting for a core is theirs. It imports nothing of filmmeta but
``load_jsonl`` (and ``gc_paused`` when the version has it; before it, ``load_jsonl``
paused the collector itself), so it also runs on older versions of filmmeta, e.g. the
last commit before Model 2 exported with ``git archive``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import statistics
import time
from collections.abc import Callable, Iterator

import gen
import orjson
import peers

import filmmeta

Task = Callable[[], object]


@contextlib.contextmanager
def _paused() -> Iterator[None]:
    # What gc_paused() does, for versions that do not have it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collector_off(task: Task) -> Task:
    """Run *task* with the cyclic garbage collector disabled, as ``gc_paused()`` would."""

    def run() -> object:
        gc.disable()
        try:
            return task()
        finally:
            gc.enable()

    return run


def _ceiling() -> Callable[[bytes], object] | None:
    """ceilings.bare_from_json, on versions of filmmeta whose model it knows."""
    try:
        import ceilings
    except ImportError:  # an older version: the ceiling is this version's model's
        return None
    return ceilings.bare_from_json


def tasks(data: bytes) -> dict[str, Task]:
    """The contenders, each in both regimes of the collector (``run.py`` times them too)."""
    paused = getattr(filmmeta, "gc_paused", _paused)
    plain: dict[str, Task] = {
        "filmmeta.load_jsonl": lambda: list(filmmeta.load_jsonl(io.BytesIO(data))),
        "pydantic, line by line": lambda: [
            peers.PFilm.model_validate_json(line) for line in data.splitlines()
        ],
        "msgspec.decode_lines": lambda: peers.MSGSPEC_DECODER.decode_lines(data),
        "floor (orjson.loads)": lambda: [orjson.loads(line) for line in data.splitlines()],
    }
    bare = _ceiling()
    if bare is not None:
        plain["ceiling (Python, no checks)"] = lambda: [bare(line) for line in data.splitlines()]

    def in_paused() -> object:
        with paused():
            return list(filmmeta.load_jsonl(io.BytesIO(data)))

    both = {f"{name} [gc on]": task for name, task in plain.items()}
    both["in filmmeta.gc_paused() [gc on]"] = in_paused
    both.update({f"{name} [gc off]": collector_off(task) for name, task in plain.items()})
    return both


def measure(n: int, rounds: int) -> dict[str, float]:
    """Films per CPU second of each contender: the median of *rounds* interleaved rounds."""
    data = b"".join(orjson.dumps(doc) + b"\n" for doc in gen.films(n, seed=1))
    small = b"".join(orjson.dumps(doc) + b"\n" for doc in gen.films(200, seed=2))
    for task in tasks(small).values():  # warm up: converters, caches
        task()
    gc.collect()
    gc.freeze()  # the input out of the collector's sight, as run.py does
    timed = tasks(data)
    samples: dict[str, list[float]] = {name: [] for name in timed}
    for round_ in range(rounds):
        for name, task in timed.items():
            gc.collect()
            start = time.thread_time()
            result = task()
            samples[name].append(time.thread_time() - start)
            del result
        print(f"  round {round_ + 1}/{rounds}", flush=True)
    gc.unfreeze()
    return {name: n / statistics.median(times) for name, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="films (default 100000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    args = parser.parse_args()
    print(f"filmmeta from {filmmeta.__file__}; {args.n:,} films, {args.rounds} rounds, CPU time")
    result = measure(args.n, args.rounds)
    for regime in ("gc on", "gc off"):
        peer = result[f"pydantic, line by line [{regime}]"]
        for key, value in result.items():
            if key.endswith(f"[{regime}]"):
                print(f"{key:42} {value:10,.0f} films/s {value / peer:6.2f}x pydantic")


if __name__ == "__main__":
    main()
