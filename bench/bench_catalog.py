"""Catalog scale: JSON Lines (and IMDb's TSV) to Parquet and pandas, filmmeta against its peers.

    python bench/bench_catalog.py                      # 50,000 films, 10^6 IMDb rows
    python bench/bench_catalog.py --n 1000000 --imdb-rows 10000000
    python bench/bench_catalog.py --json out.json      # also write the figures as JSON
    python bench/bench_catalog.py --rounds 5           # median of 5 rounds (default 3)

The films are ``gen.film`` documents (seeded, about 1.5 kB of JSON each), written as one
JSON Lines file of ``--n`` lines in a temporary directory (``--keep DIR`` keeps it). The
IMDb files are ``gen_imdb`` files (title.basics and title.ratings with IMDb's columns).
Each pipeline runs alone in a fresh interpreter whose imports are done before the clock
starts, and reports:

* films/s: rows of the input over the wall time of the pipeline;
* peak RSS: the interpreter's maximum resident memory (``ru_maxrss``), which sees Arrow's
  buffers as well as Python's objects;
* peak above imports: the peak RSS less the RSS after the imports, the memory the work
  itself needed;
* result size: the result's own memory (``DataFrame.memory_usage(deep=True)``, a table's
  ``nbytes``, or the Parquet file's size).

Every pipeline's films/s is also given as a ratio to the peer of its row in
``targets.py`` (pyarrow's readers), measured in the same run.

The pipelines run in ``--rounds`` rounds, each round every pipeline once, so that a pipeline
and its peer meet the same states of the machine; each pipeline's figures are those of its
median round, as for run.py's other measurements, and ``"rounds"`` in the JSON holds every
round's seconds. On this 2-core machine one run of the same pipeline varies by a quarter
or more from one run to the next.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from targets import (  # noqa: E402 - bench/ is not a package: found through sys.path
    IMDB_OURS,
    IMDB_PEER,
    PANDAS_OURS,
    PANDAS_PEER,
    PARQUET_OURS,
    PARQUET_PEER,
)

# -- the pipelines, run in a child interpreter ----------------------------------------------


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _size(path: Path) -> int:
    return path.stat().st_size


def _frames() -> Any:
    from filmmeta import frames

    return frames


def _object_parquet(src: Path, out: Path) -> int:
    from filmmeta import load_jsonl

    _frames().write_parquet(load_jsonl(src), out)
    return _size(out)


def _columnar_parquet(src: Path, out: Path) -> int:
    _frames().write_parquet(src, out)
    return _size(out)


def _pyarrow_parquet(src: Path, out: Path) -> int:
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    pq.write_table(pj.read_json(src), out, compression="zstd")
    return _size(out)


def _pyarrow_streaming(src: Path, out: Path) -> int:
    # The peer in bounded memory, as filmmeta's path is: pyarrow's streaming reader (which
    # parses blocks ahead on its own threads), a row group per block of about 15 MB,
    # filmmeta's batch of 10,000 lines.
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    reader = pj.open_json(src, read_options=pj.ReadOptions(block_size=15 << 20))
    with pq.ParquetWriter(out, reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
    return _size(out)


def _object_pandas(src: Path, out: Path) -> int:
    from filmmeta import load_jsonl

    return int(_frames().to_dataframe(load_jsonl(src)).memory_usage(deep=True).sum())


def _columnar_pandas(src: Path, out: Path) -> int:
    return int(_frames().to_dataframe(src).memory_usage(deep=True).sum())


def _pyarrow_pandas(src: Path, out: Path) -> int:
    import pyarrow.json as pj

    return int(pj.read_json(src).to_pandas().memory_usage(deep=True).sum())


def _polars_parquet(src: Path, out: Path) -> int:
    import polars as pl

    pl.read_ndjson(src).write_parquet(out, compression="zstd")
    return _size(out)


def _duckdb_parquet(src: Path, out: Path) -> int:
    import duckdb

    duckdb.sql(f"COPY (SELECT * FROM read_json('{src}')) TO '{out}' (FORMAT parquet)")
    return _size(out)


def _imdb_parquet(src: Path, out: Path) -> int:
    from filmmeta.formats import imdb

    # The folder holds title.basics.tsv and title.ratings.tsv (gen_imdb.write).
    imdb.write_parquet(src, out)
    return _size(out)


def _pyarrow_csv(src: Path, out: Path) -> int:
    import pyarrow.csv as pc
    import pyarrow.parquet as pq

    parse = pc.ParseOptions(delimiter="\t", quote_char=False)
    convert = pc.ConvertOptions(null_values=["\\N"])
    table = pc.read_csv(src / "title.basics.tsv", parse_options=parse, convert_options=convert)
    pq.write_table(table, out, compression="zstd")
    return _size(out)


# pyarrow imports pandas (when installed) the first time a Python value becomes an Arrow
# value (pa.array, a scalar argument of a compute function): about a second here, once per
# process. filmmeta's pipelines meet it, the plain pyarrow readers never do; as every
# other import, it is done before the clock starts, and docs/performance.md says so.
_ARROW = ("pyarrow.parquet", "pyarrow.json", "pyarrow.compute", "pandas")

Pipeline = Callable[[Path, Path], int]
#: name: (input, function, imports done before the clock starts, what it checks)
PIPELINES: dict[str, tuple[str, Pipeline, tuple[str, ...], str]] = {
    PARQUET_OURS: ("jsonl", _columnar_parquet, _ARROW, "everything"),
    "filmmeta write_parquet(load_jsonl(path))": ("jsonl", _object_parquet, _ARROW, "everything"),
    PARQUET_PEER: ("jsonl", _pyarrow_parquet, ("pyarrow.json", "pyarrow.parquet"), "JSON types"),
    "pyarrow open_json + ParquetWriter": (
        "jsonl",
        _pyarrow_streaming,
        ("pyarrow.json", "pyarrow.parquet"),
        "JSON types",
    ),
    PANDAS_OURS: ("jsonl", _columnar_pandas, _ARROW, "everything"),
    "filmmeta to_dataframe(load_jsonl(path))": ("jsonl", _object_pandas, _ARROW, "everything"),
    PANDAS_PEER: ("jsonl", _pyarrow_pandas, ("pyarrow.json", "pandas"), "JSON types"),
    "polars read_ndjson + write_parquet": ("jsonl", _polars_parquet, ("polars",), "JSON types"),
    "duckdb COPY (read_json) TO parquet": ("jsonl", _duckdb_parquet, ("duckdb",), "nothing"),
    IMDB_OURS: (
        "imdb",
        _imdb_parquet,
        ("pyarrow.parquet", "pyarrow.csv", "pyarrow.compute", "filmmeta.formats.imdb"),
        "everything",
    ),
    IMDB_PEER: ("imdb", _pyarrow_csv, ("pyarrow.csv", "pyarrow.parquet"), "nothing"),
}
#: The peer each pipeline's films/s is compared with.
PEER_OF = {
    PARQUET_OURS: PARQUET_PEER,
    "filmmeta write_parquet(load_jsonl(path))": PARQUET_PEER,
    PANDAS_OURS: PANDAS_PEER,
    "filmmeta to_dataframe(load_jsonl(path))": PANDAS_PEER,
    "pyarrow open_json + ParquetWriter": PARQUET_PEER,
    "polars read_ndjson + write_parquet": PARQUET_PEER,
    "duckdb COPY (read_json) TO parquet": PARQUET_PEER,
    IMDB_OURS: IMDB_PEER,
}


def child(name: str, src: Path, out: Path) -> None:
    """Run one pipeline in this interpreter and print its figures as JSON."""
    import importlib

    _, run, modules, _ = PIPELINES[name]
    try:
        for module in (*modules, "filmmeta.frames"):
            importlib.import_module(module)
        before = _rss()
        start = time.perf_counter()
        result = run(src, out)
        seconds = time.perf_counter() - start
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"[:300]}))
        return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    figures = {"seconds": seconds, "peak_rss": peak, "peak_above_imports": peak - before}
    print(json.dumps({**figures, "result_bytes": result}))


# -- the parent -----------------------------------------------------------------------------


def generate(path: Path, n: int, seed: int) -> None:
    """Write *n* generated films as JSON Lines."""
    import random

    import gen

    from filmmeta._json import jsonlib

    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(n):
            out.write(jsonlib.dumps(gen.film(rng)) + "\n")


def _imdb_files(where: Path, rows: int, seed: int) -> bool:
    try:
        import gen_imdb
    except ImportError:  # not yet in this checkout
        return False
    gen_imdb.write(where, rows, seed=seed)
    return True


def _measure(name: str, src: Path, out: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", name, "--src", str(src), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1][:300]}
    return dict(json.loads(done.stdout))


def _median(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of the median round, with every round's seconds; an error if none ran."""
    timed = sorted((f for f in rounds if "seconds" in f), key=lambda f: float(f["seconds"]))
    if not timed:
        return rounds[0]
    return {**timed[(len(timed) - 1) // 2], "rounds": [f["seconds"] for f in timed]}


def show(results: dict[str, Any]) -> None:
    """Print the catalog table: films/s, ratio to the row's peer, memory, what is checked."""
    found = results["pipelines"]
    print(
        f"  {'pipeline':<42} {'films/s':>9} {'vs peer':>8} {'peak RSS':>9} "
        f"{'above imports':>13} {'result':>9}  checks"
    )
    for name, figures in found.items():
        checks = PIPELINES[name][3]
        if "error" in figures:
            print(f"  {name:<42} {'not measured':>9}  ({figures['error']})")
            continue
        peer = found.get(PEER_OF.get(name, ""), {})
        ratio = f"{figures['films_per_s'] / peer['films_per_s']:.2f}x" if "seconds" in peer else ""
        peak, above = figures["peak_rss"] / 2**20, figures["peak_above_imports"] / 2**20
        print(
            f"  {name:<42} {figures['films_per_s']:>9,.0f} {ratio:>8} {peak:>5,.0f} MiB "
            f"{above:>9,.0f} MiB {figures['result_bytes'] / 2**20:>5,.1f} MiB  {checks}"
        )


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=50_000, help="films in the JSON Lines file")
    parser.add_argument("--imdb-rows", type=int, default=1_000_000, help="title.basics rows")
    parser.add_argument("--seed", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="write the input files here and keep them")
    parser.add_argument("--only", nargs="+", choices=PIPELINES, help="run only these pipelines")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each figure the median")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--child", choices=PIPELINES, help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.src, args.out)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        jsonl = where / f"films-{args.n}.jsonl"
        if not jsonl.exists():
            generate(jsonl, args.n, args.seed)
        imdb = where / f"imdb-{args.imdb_rows}"
        imdb.mkdir(exist_ok=True)
        have_imdb = (imdb / "title.basics.tsv").exists() or _imdb_files(
            imdb, args.imdb_rows, args.seed
        )
        results: dict[str, Any] = {
            "films": args.n,
            "imdb_rows": args.imdb_rows,
            "rounds": args.rounds,
            "pipelines": {},
        }
        names = args.only or list(PIPELINES)
        rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        for round_ in range(1, args.rounds + 1):
            for name in names:
                kind = PIPELINES[name][0]
                if kind == "imdb" and not have_imdb:
                    figures: dict[str, Any] = {"error": "no IMDb generator (gen_imdb.py)"}
                else:
                    src, rows = (jsonl, args.n) if kind == "jsonl" else (imdb, args.imdb_rows)
                    figures = _measure(name, src, where / "out.parquet")
                    if "seconds" in figures:
                        figures["films_per_s"] = rows / figures["seconds"]
                rounds[name].append(figures)
                print(f"  round {round_}, {name}: {figures}", file=sys.stderr, flush=True)
        for name, each in rounds.items():
            results["pipelines"][name] = _median(each)
        print(
            f"Catalog of {args.n:,} films; IMDb title.basics of {args.imdb_rows:,} rows; "
            f"median of {args.rounds} round{'s' if args.rounds > 1 else ''}"
        )
        show(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
