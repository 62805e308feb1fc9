"""How fast JSONL -> Parquet could be without filmmeta's checks: the bound of the design.

    python bench/bench_parquet_bound.py                 # 50,000 films, 5 rounds
    python bench/bench_parquet_bound.py --rounds 3 --keep /tmp/bench

``write_parquet(path)`` reads batches of lines with pyarrow's JSON reader in a thread,
checks them with Arrow compute, converts them to filmmeta's schema and writes them. This
script times it as released and with parts taken out (patched in memory in the child
interpreter, never in the package), against pyarrow's ``read_json`` + ``write_table``,
each variant in a fresh interpreter, the variants interleaved, and prints each variant's
median round and its ratio to the peer's median. If even the variant with no check at
all stays below 1.0x, no faster checker reaches the target: what is left is pyarrow's
own reader and writer, cut into batches so that memory stays bounded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

VARIANTS = {
    "write_parquet(path), as released": "released",
    "  every check replaced by a mask of all true": "no-checks",
    '  and no scan for null and "other" either': "no-checks-no-scan",
    "pyarrow read_json + write_table (the peer)": "peer",
    "pyarrow open_json + ParquetWriter (bounded)": "streaming",
}


def child(variant: str, src: Path, out: Path) -> None:
    """Run one variant in this interpreter and print its seconds as JSON."""
    import importlib

    import bench_catalog
    import pyarrow as pa

    from filmmeta._catalog import blocks, columnar

    # pyarrow imports pandas the first time a Python value becomes an Arrow value: all
    # imports are done before the clock, as in bench_catalog.py.
    for module in (
        "pandas",
        "pyarrow.compute",
        "pyarrow.json",
        "pyarrow.parquet",
        "filmmeta.frames",
    ):
        importlib.import_module(module)
    if variant in ("no-checks", "no-checks-no-scan"):
        columnar.decided = lambda pa_, pc, table, oracle: pa.array([True] * table.num_rows)  # type: ignore[assignment]
    if variant == "no-checks-no-scan":
        blocks.holds_any = lambda block, words: False  # type: ignore[assignment]
    # bench_catalog's own pipelines: the same calls as its table's rows.
    pipelines = {
        "peer": bench_catalog._pyarrow_parquet,
        "streaming": bench_catalog._pyarrow_streaming,
    }
    run = pipelines.get(variant, bench_catalog._columnar_parquet)
    start = time.perf_counter()
    run(src, out)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=50_000, help="films in the JSON Lines file")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the input file here and keep it")
    parser.add_argument("--child", choices=VARIANTS.values(), help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.src, args.out)
        return
    import bench_catalog

    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        src = where / f"films-{args.n}.jsonl"
        if not src.exists():
            bench_catalog.generate(src, args.n, 2000)
        seconds: dict[str, list[float]] = {name: [] for name in VARIANTS}
        for _ in range(args.rounds):
            for name, variant in VARIANTS.items():
                command = [sys.executable, __file__, "--child", variant, "--src", str(src)]
                command += ["--out", str(where / "out.parquet")]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                seconds[name].append(json.loads(done.stdout)["seconds"])
    peer = statistics.median(seconds["pyarrow read_json + write_table (the peer)"])
    print(f"JSONL -> Parquet, {args.n:,} films, median of {args.rounds} rounds")
    for name, each in seconds.items():
        median = statistics.median(each)
        print(f"  {name:<46} {median:6.3f} s  {peer / median:5.2f}x the peer")


if __name__ == "__main__":
    main()
