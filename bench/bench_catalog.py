"""Catalog scale: JSON Lines load, Parquet write and Parquet read, with peak memory.

    python bench/bench_catalog.py                    # 10^5 and 10^6 films, ~30-40 minutes
    python bench/bench_catalog.py --n 200000 --small 20000

The films are ``gen.film`` documents (seeded, about 1.5 kB of JSON each) written as one
JSON Lines file of ``--n`` lines, whose first ``--small`` lines are also written as a
second file, into a temporary directory that is removed at the end (``--keep DIR`` keeps
the files). For each file three steps run, each in a fresh interpreter:

* ``load``: count the films of ``filmmeta.load_jsonl(path)``;
* ``write``: ``frames.write_parquet(load_jsonl(path), parquet)``;
* ``read``: count the films of ``frames.read_parquet(parquet)``.

Each step runs twice: once timed, once under :mod:`tracemalloc` for the peak of the Python
heap (tracemalloc slows Python down severalfold, so its run is not timed). Both runs also
report the interpreter's maximum RSS, which includes what tracemalloc cannot see (Arrow's
buffers) and the interpreter itself. Streaming means the peaks of the small and the large
file are about the same: the memory of one batch, not of the file.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STEPS = ("load", "write", "read")


def generate(files: dict[int, Path], seed: int) -> None:
    """Write the first *n* generated films to each ``files[n]``: one sequence, many heads."""
    import contextlib
    import random

    import gen

    from filmmeta._json import jsonlib as _jsonlib

    rng = random.Random(seed)
    with contextlib.ExitStack() as stack:
        outs = [
            (n, stack.enter_context(path.open("w", encoding="utf-8"))) for n, path in files.items()
        ]
        for i in range(max(files)):
            line = _jsonlib.dumps(gen.film(rng)) + "\n"
            for n, out in outs:
                if i < n:
                    out.write(line)


def _run_step(step: str, jsonl: Path, parquet: Path, row_group_size: int) -> int:
    from filmmeta import frames, load_jsonl

    if step == "load":
        return sum(1 for _ in load_jsonl(jsonl))
    if step == "write":
        return frames.write_parquet(load_jsonl(jsonl), parquet, row_group_size=row_group_size)
    return sum(1 for _ in frames.read_parquet(parquet, batch_size=row_group_size))


def child(args: argparse.Namespace) -> None:
    """Run one step in this interpreter and print its figures as JSON."""
    import pyarrow.parquet  # noqa: F401 - imported before measuring, as a program would

    import filmmeta.frames  # noqa: F401

    if args.trace:
        tracemalloc.start()
    start = time.perf_counter()
    films = _run_step(args.child, args.jsonl, args.parquet, args.row_group_size)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if args.trace else None
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"films": films, "seconds": seconds, "peak": peak, "maxrss": maxrss}))


def _measure(step: str, jsonl: Path, parquet: Path, row_group_size: int, *, trace: bool) -> Any:
    command = [sys.executable, __file__, "--child", step, "--jsonl", str(jsonl)]
    command += ["--parquet", str(parquet), "--row-group-size", str(row_group_size)]
    if trace:
        command.append("--trace")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{step} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _mib(n: float) -> str:
    return f"{n / 2**20:,.1f} MiB"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="films in the large file")
    parser.add_argument("--small", type=int, default=100_000, help="films in the small file")
    parser.add_argument("--row-group-size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument(
        "--steps", nargs="+", choices=STEPS, default=STEPS, help="run only these steps"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep: use the files already there"
    )
    parser.add_argument("--child", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--jsonl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--parquet", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        sizes = {n: where / f"films-{n}.jsonl" for n in sorted({args.small, args.n})}
        if not (args.reuse and all(path.exists() for path in sizes.values())):
            start = time.perf_counter()
            generate(sizes, args.seed)
            print(f"generated {max(sizes):,} films in {time.perf_counter() - start:.0f} s")
        print(
            f"{'films':>10} {'step':<6} {'seconds':>8} {'films/s':>8} {'file':>11} "
            f"{'tracemalloc peak':>17} {'max RSS':>11}",
            flush=True,
        )
        for n, jsonl in sizes.items():
            parquet = jsonl.with_suffix(".parquet")
            for step in args.steps:
                timed = _measure(step, jsonl, parquet, args.row_group_size, trace=False)
                traced = _measure(step, jsonl, parquet, args.row_group_size, trace=True)
                assert timed["films"] == traced["films"] == n, (timed, traced)
                size = jsonl if step == "load" else parquet
                print(
                    f"{n:>10,} {step:<6} {timed['seconds']:>8.1f} "
                    f"{n / timed['seconds']:>8,.0f} {_mib(size.stat().st_size):>11} "
                    f"{_mib(traced['peak']):>17} {_mib(timed['maxrss']):>11}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
