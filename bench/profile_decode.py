"""Where ``filmmeta.from_json`` spends its time: cProfile over the generated films.

    python bench/profile_decode.py              # top 25 functions by own time
    python bench/profile_decode.py --encode     # the same for to_json
    python bench/profile_decode.py -n 5000 --top 40 --sort cumulative

The converter is built (and every code path warmed up) before profiling starts, so the
profile shows the steady state, not the first call. cProfile's overhead is per call, so
small functions called once per field look costlier than they are; compare the ``ncalls``
column with the number of films to see what runs per film, per item or per field.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import time

import gen
import orjson

import filmmeta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2_000, help="films (default 2000)")
    parser.add_argument("--passes", type=int, default=3, help="passes over the films")
    parser.add_argument("--top", type=int, default=25, help="functions to print")
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime)")
    parser.add_argument("--encode", action="store_true", help="profile to_json instead")
    args = parser.parse_args()

    docs = gen.films(args.n)
    gen.check(docs)
    blobs = [orjson.dumps(doc) for doc in docs]
    films = [filmmeta.from_json(blob) for blob in blobs]
    if args.encode:
        name, func, items = "to_json", filmmeta.to_json, films
    else:
        name, func, items = "from_json", filmmeta.from_json, blobs
    for item in items:  # warm up
        func(item)

    gc.collect()
    start = time.perf_counter()
    for _ in range(args.passes):
        [func(item) for item in items]
    plain = time.perf_counter() - start
    calls = args.n * args.passes
    print(f"{name}: {calls / plain:,.0f} films/s without the profiler ({calls:,} calls)")

    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    for _ in range(args.passes):
        [func(item) for item in items]
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
