"""filmmeta against its peers, measured in one run: throughput, memory, import time.

    python bench/run.py            # the full run (a few minutes)
    python bench/run.py --quick    # a smoke run (under a minute)
    python bench/run.py --json results.json
    python bench/run.py --against e41993d   # also from_json and to_json against a commit

Every contender works on the same seeded, generated canonical documents (``gen.py``);
the peers are in ``peers.py``. Throughput is timed in interleaved rounds (each round runs
every contender once, in turn), and the median round is reported, so that drift in machine
speed hits all contenders alike. The table gives films/s and filmmeta's ratio to each peer
(above 1 means filmmeta is faster); a check-list against the targets of the performance
issue closes the report. See README.md for what each number means.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import gc
import io
import json
import math
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import ab
import bench_catalog
import bench_runtime
import ceilings
import gen
import orjson
import peers
import targets
from bench_jsonl import collector_off
from bench_jsonl import tasks as jsonl_tasks
from targets import CEILING

import filmmeta
from filmmeta._json import build as filmmeta_build

Task = Callable[[], object]
HERE = Path(__file__).resolve().parent

#: Full and quick settings.
FULL = {
    "n": 2_000,
    "rounds": 7,
    "jsonl": 100_000,
    "jsonl_rounds": 3,
    "memory": 10_000,
    "runs": 15,
    "catalog": 50_000,
    "catalog_rounds": 3,
    "imdb_rows": 1_000_000,
}
QUICK = {
    "n": 500,
    "rounds": 3,
    "jsonl": 10_000,
    "jsonl_rounds": 2,
    "memory": 2_000,
    "runs": 5,
    "catalog": 10_000,
    "catalog_rounds": 1,
    "imdb_rows": 100_000,
}
#: A timed sample of a short task repeats it until it takes this long.
MIN_SAMPLE = 0.05


def interleaved(
    tasks: dict[str, Task], count: int, rounds: int, *, warmup: dict[str, Task] | None = None
) -> dict[str, float]:
    """Return each task's items per second: the median of *rounds* interleaved rounds.

    Each task handles *count* items per call. The first call warms it up (lazy converters,
    caches) and sets how many calls one sample makes; *warmup* replaces that call for long
    tasks, which then run once per sample.
    """
    loops: dict[str, int] = {}
    for name, task in tasks.items():
        gc.collect()
        if warmup is not None:
            warmup[name]()
            loops[name] = 1
            continue
        start = time.perf_counter()
        task()
        loops[name] = max(1, math.ceil(MIN_SAMPLE / (time.perf_counter() - start)))
    samples: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(rounds):
        for name, task in tasks.items():
            gc.collect()
            start = time.perf_counter()
            for _ in range(loops[name]):
                task()
            samples[name].append((time.perf_counter() - start) / loops[name])
    return {name: count / statistics.median(times) for name, times in samples.items()}


#: The two regimes of the garbage collector every throughput is measured in.
REGIMES = ("gc on", "gc off")


def regimes(tasks: dict[str, Task]) -> dict[str, Task]:
    """Each task twice, interleaved in one run: as it is, and with the collector off."""
    both = {f"{name} [gc on]": task for name, task in tasks.items()}
    both.update({f"{name} [gc off]": collector_off(task) for name, task in tasks.items()})
    return both


def split(results: dict[str, float]) -> dict[str, dict[str, float]]:
    """The results of :func:`regimes` as one table per regime."""
    tables: dict[str, dict[str, float]] = {regime: {} for regime in REGIMES}
    for key, value in results.items():
        name, _, regime = key.rpartition(" [")
        tables[regime.rstrip("]")][name] = value
    return tables


def over(func: Callable[[Any], object], items: Sequence[Any]) -> Task:
    # The results are kept until the call ends, as a program keeps what it decodes.
    def run() -> list[object]:
        return [func(item) for item in items]

    return run


def frozen(*values: object) -> None:
    """Move the long-lived inputs out of the collector's sight.

    Otherwise every full collection during a timed task walks all the input documents,
    and the contender that allocates most pays for the size of the inputs.
    """
    del values
    gc.collect()
    gc.freeze()


# --------------------------------------------------------------------------------------
# Throughput


def bench_objects(docs: list[dict[str, Any]], rounds: int) -> dict[str, dict[str, Any]]:
    """Throughput of the four conversions, each in both regimes of the collector."""
    blobs = [orjson.dumps(doc) for doc in docs]
    ours = [filmmeta.from_dict(doc) for doc in docs]
    ms = [peers.msgspec_from_dict(doc) for doc in docs]
    pd = [peers.PFilm.model_validate(doc) for doc in docs]
    dc = [peers.DFilm.from_dict(doc) for doc in docs]
    frozen(blobs, ours, ms, pd, dc)
    n = len(docs)
    measurements: dict[str, dict[str, Task]] = {
        "dict -> Film": {
            "filmmeta": over(filmmeta.from_dict, docs),
            "msgspec": over(peers.msgspec_from_dict, docs),
            "pydantic": over(peers.PFilm.model_validate, docs),
            "dataclasses": over(peers.DFilm.from_dict, docs),
        },
        "Film -> dict": {
            "filmmeta": over(filmmeta.to_dict, ours),
            "msgspec": over(msgspec_to_builtins, ms),
            "pydantic": over(peers.pydantic_to_dict, pd),
            "dataclasses": over(peers.DFilm.to_dict, dc),
        },
        "JSON -> Film": {
            "filmmeta": over(filmmeta.from_json, blobs),
            "msgspec": over(peers.MSGSPEC_DECODER.decode, blobs),
            "pydantic": over(peers.PFilm.model_validate_json, blobs),
            "dataclasses": over(peers.dataclass_from_json, blobs),
            "floor (orjson.loads)": over(orjson.loads, blobs),
            CEILING: over(ceilings.bare_from_json, blobs),
        },
        "Film -> JSON": {
            "filmmeta": over(filmmeta.to_json, ours),
            "msgspec": over(peers.MSGSPEC_ENCODER.encode, ms),
            "pydantic": over(peers.pydantic_to_json, pd),
            "dataclasses": over(peers.dataclass_to_json, dc),
            "floor (orjson.dumps)": over(orjson.dumps, docs),
            CEILING: over(ceilings.bare_to_json, ours),
        },
    }
    results = {}
    for title, tasks in measurements.items():
        print(f"  {title}")
        results[title] = split(interleaved(regimes(tasks), n, rounds))
    gc.unfreeze()
    return results


def msgspec_to_builtins(film: peers.MFilm) -> Any:
    return peers.msgspec.to_builtins(film)


def bench_jsonl(n: int, rounds: int) -> dict[str, dict[str, float]]:
    """Bulk JSONL load of *n* films kept in memory, in both regimes of the collector."""
    docs = gen.films(n, seed=1)
    blob = b"".join(orjson.dumps(doc) + b"\n" for doc in docs)
    del docs
    small = b"".join(orjson.dumps(doc) + b"\n" for doc in gen.films(200, seed=2))
    frozen(blob)
    print(f"  JSONL of {n:,} films ({len(blob) / 1e6:.0f} MB), {rounds} rounds, both regimes")
    result = split(interleaved(jsonl_tasks(blob), n, rounds, warmup=jsonl_tasks(small)))
    gc.unfreeze()
    return result


# --------------------------------------------------------------------------------------
# Memory


def bench_memory(n: int) -> dict[str, float]:
    """Bytes retained per film: build *n* films from dicts, keep them, drop the dicts.

    The dicts come from fresh ``orjson.loads`` calls, so a contender that keeps the
    dicts' strings is charged for them, as it is in a program that reads JSON.
    """
    blobs = [orjson.dumps(doc) for doc in gen.films(n, seed=3)]
    builders: dict[str, Callable[[Any], object]] = {
        "filmmeta": filmmeta.from_dict,
        "msgspec": peers.msgspec_from_dict,
        "pydantic": peers.PFilm.model_validate,
        "dataclasses": peers.DFilm.from_dict,
        "the dicts themselves": lambda doc: doc,
    }
    result = {}
    for name, build in builders.items():
        build(orjson.loads(blobs[0]))  # warm up: lazy converters are not per film
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        docs = [orjson.loads(blob) for blob in blobs]
        films = [build(doc) for doc in docs]
        del docs
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del films
        result[name] = retained / n
    return result


def bench_catalog_memory(n: int) -> dict[str, float]:
    """Bytes retained per film by a JSONL catalog of *n* films loaded and kept.

    The generated catalog repeats values as real ones do (names from a pool, a few
    providers, genres, content ratings): what sharing equal frozen values can save.
    """
    blob = b"".join(orjson.dumps(doc) + b"\n" for doc in gen.films(n, seed=5))
    loaders: dict[str, Callable[[bytes], object]] = {
        "filmmeta.load_jsonl": lambda data: list(filmmeta.load_jsonl(io.BytesIO(data))),
        # Each film's parts its own: what the shared table saves.
        "filmmeta.load_jsonl(share=False)": lambda data: list(
            filmmeta.load_jsonl(io.BytesIO(data), share=False)
        ),
        "msgspec.decode_lines": peers.MSGSPEC_DECODER.decode_lines,
    }
    result = {}
    for name, load in loaders.items():
        load(blob[: blob.index(b"\n") + 1])  # warm up: lazy converters are not per film
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        films = load(blob)
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del films
        result[name] = retained / n
    return result


# --------------------------------------------------------------------------------------
# Fresh interpreters


def fresh(code: str) -> list[float]:
    """Run *code* in a new interpreter and return the numbers it prints."""
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=HERE
    ).stdout
    return [float(x) for x in out.split()]


IMPORTS = ("filmmeta", "cattrs", "attrs", "pydantic", "msgspec")


def bench_imports(runs: int) -> dict[str, float]:
    """Median milliseconds of ``import <module>`` in a new interpreter, interleaved."""
    # pip compiles an installed package's bytecode; an editable install, or a machine
    # with PYTHONDONTWRITEBYTECODE set, would have filmmeta compiled from source at every
    # import while its peers load their .pyc files. Compile it as pip would.
    compileall.compile_dir(Path(filmmeta.__file__).parent, quiet=1)
    times: dict[str, list[float]] = {name: [] for name in IMPORTS}
    code = "import time; t = time.perf_counter(); import {}; print(time.perf_counter() - t)"
    for _ in range(runs):
        for name in IMPORTS:
            times[name] += fresh(code.format(name))
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


FIRST_CALL = """
import time
import filmmeta
text = {text!r}
t0 = time.perf_counter()
film = filmmeta.from_json(text)
t1 = time.perf_counter()
filmmeta.from_json(text)
t2 = time.perf_counter()
filmmeta.to_json(film)
t3 = time.perf_counter()
filmmeta.to_json(film)
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""


def bench_first_call(runs: int) -> dict[str, float]:
    """Milliseconds of the first and second from_json and to_json in a new interpreter."""
    code = FIRST_CALL.format(text=orjson.dumps(gen.films(1, seed=4)[0]).decode())
    samples = [fresh(code) for _ in range(runs)]
    names = ("from_json, first", "from_json, second", "to_json, first", "to_json, second")
    return {name: statistics.median(s[i] for s in samples) * 1000 for i, name in enumerate(names)}


# --------------------------------------------------------------------------------------
# Runtimes (bench_runtime.py's inputs and timer)


def bench_runtimes(rounds: int) -> dict[str, dict[str, float]]:
    import humanize
    import isodate
    from babel.dates import format_timedelta

    bench_runtime.ROUNDS = rounds
    texts, deltas = bench_runtime.ISO_TEXTS, bench_runtime.TIMEDELTAS
    for text in texts:  # the same answers, or the comparison means nothing
        assert isodate.parse_duration(text) == filmmeta.parse_runtime(text), text
    parse = bench_runtime.measure(
        {
            "filmmeta": bench_runtime.over(filmmeta.parse_runtime, texts),
            "isodate.parse_duration": bench_runtime.over(isodate.parse_duration, texts),
        },
        len(texts),
    )

    def long(td: dt.timedelta) -> str:
        return filmmeta.format_runtime(td, "long")

    def precise(td: dt.timedelta) -> str:
        return humanize.precisedelta(td, minimum_unit="minutes")

    def babel(td: dt.timedelta) -> str:
        return format_timedelta(td, threshold=100, granularity="minute", format="long", locale="en")

    fmt = bench_runtime.measure(
        {
            "filmmeta": bench_runtime.over(long, deltas),
            "humanize.precisedelta": bench_runtime.over(precise, deltas),
            "babel format_timedelta": bench_runtime.over(babel, deltas),
        },
        len(deltas),
    )
    return {"parse_runtime (ISO 8601)": parse, 'format_runtime(style="long")': fmt}


# --------------------------------------------------------------------------------------
# Report


def table(
    title: str, results: dict[str, float], unit: str, *, ours: str = "filmmeta", lower: bool = False
) -> None:
    """Print one measurement; the ratio is always "how many times better filmmeta is"."""
    print(f"\n{title}")
    print(f"  {'contender':<28} {unit:>14} {'filmmeta/peer':>14}")
    mine = results[ours]
    for name, value in results.items():
        ratio = mine / value if not lower else value / mine
        shown = "" if name == ours else f"{ratio:.2f}x"
        number = f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
        print(f"  {name:<28} {number:>14} {shown:>14}")


def report(r: dict[str, Any], settings: dict[str, int]) -> None:
    print("\n" + "=" * 64)
    print(r["header"])
    n, rounds = settings["n"], settings["rounds"]
    for title, by_regime in r["throughput"].items():
        for regime, results in by_regime.items():
            table(f"{title}, {regime} ({n:,} films, median of {rounds} rounds)", results, "films/s")
    for regime, results in r["jsonl_films_per_s"].items():
        table(
            f"JSONL load of {settings['jsonl']:,} films, {regime} "
            f"(median of {settings['jsonl_rounds']} rounds)",
            results,
            "films/s",
            ours="filmmeta.load_jsonl",
        )
    table(
        f"Memory retained per film ({settings['memory']:,} films from dicts, tracemalloc)",
        r["memory_bytes_per_film"],
        "bytes/film",
        lower=True,
    )
    table(
        f"Memory retained per film, JSONL catalog of {settings['jsonl']:,} films kept",
        r["catalog_memory"],
        "bytes/film",
        ours="filmmeta.load_jsonl",
        lower=True,
    )
    table(
        f"Cold import in a fresh interpreter (median of {settings['runs']} runs)",
        r["import_ms"],
        "ms",
        lower=True,
    )
    print(f"\nFirst calls in a fresh interpreter (median of {settings['runs']} runs)")
    for name, ms in r["first_call_ms"].items():
        print(f"  {name:<28} {ms:>11.2f} ms")
    for title, results in r["runtime_ops_per_s"].items():
        table(f"{title} (bench_runtime inputs)", results, "calls/s")
    if r.get("catalog"):
        rounds = r["catalog"].get("rounds", 1)
        print(f"\nCatalogs (bench_catalog.py, {r['catalog']['films']:,} films, median of {rounds})")
        bench_catalog.show(r["catalog"])
    targets.show(r["targets"])


def bench_catalogs(films: int, imdb_rows: int, rounds: int) -> dict[str, Any]:
    """Run bench_catalog.py (each pipeline in a fresh interpreter) and return its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "catalog.json"
        command = [sys.executable, str(HERE / "bench_catalog.py"), "--n", str(films)]
        command += ["--imdb-rows", str(imdb_rows), "--rounds", str(rounds), "--json", str(out)]
        subprocess.run(command, check=True, cwd=HERE, stdout=subprocess.DEVNULL)
        return dict(json.loads(out.read_text(encoding="utf-8")))


def versions(names: Iterable[str]) -> str:
    return ", ".join(f"{name} {version(name)}" for name in names)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: smaller N, fewer rounds")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--against",
        metavar="COMMIT",
        help="also time from_json and to_json against COMMIT's src (bench/ab.py), at the end",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    started = time.perf_counter()
    header = f"Python {platform.python_version()} on {platform.machine()}; " + versions(
        ("filmmeta", "attrs", "cattrs", "msgspec", "pydantic", "orjson")
    )
    # The compiled build and the pure-Python one give different figures: say which ran.
    header += f"; filmmeta {filmmeta_build()}"
    print(header)

    print(f"generating {settings['n']:,} films and checking that filmmeta accepts them")
    docs = gen.films(settings["n"])
    gen.check(docs)
    ceilings.check(docs)
    r: dict[str, Any] = {"header": header, "settings": settings}
    print("throughput")
    r["throughput"] = bench_objects(docs, settings["rounds"])
    r["jsonl_films_per_s"] = bench_jsonl(settings["jsonl"], settings["jsonl_rounds"])
    print("memory")
    r["memory_bytes_per_film"] = bench_memory(settings["memory"])
    r["catalog_memory"] = bench_catalog_memory(settings["jsonl"])
    print("imports and first calls")
    r["import_ms"] = bench_imports(settings["runs"])
    r["first_call_ms"] = bench_first_call(settings["runs"])
    print("runtimes")
    r["runtime_ops_per_s"] = bench_runtimes(settings["rounds"])
    print("catalogs (bench_catalog.py)")
    r["catalog"] = bench_catalogs(
        settings["catalog"], settings["imdb_rows"], settings["catalog_rounds"]
    )
    r["targets"] = targets.checklist(r)
    r["seconds"] = round(time.perf_counter() - started, 1)
    report(r, settings)
    if args.against:
        # Last, and in workers of their own: each version imported apart (bench/ab.py).
        print(f"\nagainst {args.against} (bench/ab.py)")
        rounds = str(settings["rounds"])
        r["against"] = ab.main(["--baseline", args.against, "--rounds", rounds])
    print(f"\n({r['seconds']:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return r


if __name__ == "__main__":
    main()
