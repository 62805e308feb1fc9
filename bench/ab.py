"""from_json and to_json (and from_dict) of this checkout against an earlier commit, in one run.

    python bench/ab.py                       # this checkout's src against e41993d
    python bench/ab.py --baseline HEAD~1     # against another commit
    python bench/ab.py --candidate main      # a commit instead of the checkout's src
    python bench/ab.py --films 2000 --rounds 7 --json ab.json

Each version's ``src`` is exported with ``git archive`` into a temporary directory (the
checkout's own ``src`` is used as it is for the candidate unless ``--candidate`` names a
commit), and imported in a worker process of its own, so the two never share a module.
Both workers build the same documents, ``gen.films(n)`` as ``run.py`` does, read them
once and check that each writes them back unchanged.

The parent then interleaves the samples: each round asks each worker in turn (the order
alternating from round to round, A B then B A) for one timed pass over every document,
for from_json and to_json, with the garbage collector on and off. A slower or busier
machine then hits both versions alike. The report gives, per task, the best and the
median round of each version and the ratio candidate / baseline of their time per film:
1.05 is 5 % slower, 0.95 is 5 % faster. The best round is the one least disturbed by
other work on the machine, and the one the acceptance of issue 12 reads.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: The last commit before Model 2 and the move into layers (issue 12).
BASELINE = "e41993d"
#: from_json and to_json, as the acceptance of issue 12 names them; then from_json's parts
#: apart from strict reading's duplicate-key check (issue 13, which e41993d has not):
#: orjson.loads then from_dict, and from_dict alone (what the model costs).
TASKS = ("from_json", "to_json", "loads+from_dict", "from_dict")
REGIMES = ("gc on", "gc off")
#: A sample repeats its pass over the documents until it lasts this long.
MIN_SAMPLE = 0.2
#: The clocks a sample may be timed by. The worker's CPU time by default: on a machine
#: that others share, the time it waits for a core is theirs, not the code's.
CLOCKS = {"cpu": time.thread_time, "wall": time.perf_counter}


# -- the worker: one version of filmmeta, timing what the parent asks -----------------------


def worker(src: str, films: int, clock: str) -> None:
    """Import filmmeta from *src*, then time each task the parent names on stdin."""
    timer = CLOCKS[clock]
    sys.path.insert(0, src)
    sys.path.insert(0, str(HERE))
    import gen
    import orjson

    import filmmeta

    if not Path(filmmeta.__file__).resolve().is_relative_to(Path(src).resolve()):
        raise SystemExit(f"filmmeta imported from {filmmeta.__file__}, not {src}")
    docs = gen.films(films)
    gen.check(docs)
    blobs = [orjson.dumps(doc) for doc in docs]
    ours = [filmmeta.from_json(blob) for blob in blobs]
    if [filmmeta.to_json(film).encode() for film in ours] != [
        filmmeta.to_json(filmmeta.from_dict(doc)).encode() for doc in docs
    ]:
        raise SystemExit("to_json does not agree with from_dict")
    tasks: dict[str, Callable[[], object]] = {
        "from_json": lambda: [filmmeta.from_json(blob) for blob in blobs],
        "to_json": lambda: [filmmeta.to_json(film) for film in ours],
        "loads+from_dict": lambda: [filmmeta.from_dict(orjson.loads(blob)) for blob in blobs],
        "from_dict": lambda: [filmmeta.from_dict(doc) for doc in docs],
    }
    # The long-lived inputs out of the collector's sight, as run.py does.
    gc.collect()
    gc.freeze()
    loops = {}
    for name, task in tasks.items():
        start = timer()
        task()
        loops[name] = max(1, round(MIN_SAMPLE / (timer() - start)))
    _answer(sys.stdout, {"file": filmmeta.__file__, "loops": loops})
    for line in sys.stdin:
        name, regime = json.loads(line)
        task = tasks[name]
        gc.collect()
        if regime == "gc off":
            gc.disable()
        try:
            start = timer()
            for _ in range(loops[name]):
                task()
            seconds = timer() - start
        finally:
            gc.enable()
        _answer(sys.stdout, seconds / loops[name] / films)


def _answer(out: IO[str], value: object) -> None:
    out.write(json.dumps(value) + "\n")
    out.flush()


# -- the parent ------------------------------------------------------------------------------


def export(commit: str, into: Path) -> Path:
    """Write *commit*'s ``src`` into *into* with ``git archive``; return that ``src``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src"],
        check=True,
        capture_output=True,
    ).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def describe(commit: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %s", commit],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()[:60]


class Worker:
    """A worker process of one version, asked for one sample at a time."""

    def __init__(self, src: Path, films: int, clock: str) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--worker",
                str(src),
                "--films",
                str(films),
                "--clock",
                clock,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = self._read()

    def _read(self) -> Any:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the worker stopped (exit code {self.process.wait()})")
        return json.loads(line)

    def sample(self, task: str, regime: str) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps([task, regime]) + "\n")
        self.process.stdin.flush()
        return float(self._read())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def measure(
    baseline: Path, candidate: Path, films: int, rounds: int, clock: str
) -> dict[str, dict[str, list[float]]]:
    """Seconds per film of each (task, regime), per version, over interleaved rounds."""
    workers = {
        "baseline": Worker(baseline, films, clock),
        "candidate": Worker(candidate, films, clock),
    }
    try:
        for name, one in workers.items():
            print(f"  {name}: {one.ready['file']}")
        times: dict[str, dict[str, list[float]]] = {}
        for task in TASKS:
            for regime in REGIMES:
                times[f"{task} [{regime}]"] = {name: [] for name in workers}
        order = list(workers)
        for round_ in range(rounds):
            for key, samples in times.items():
                task, _, regime = key.partition(" [")
                for name in order:
                    samples[name].append(workers[name].sample(task, regime.rstrip("]")))
            order.reverse()
            print(f"  round {round_ + 1}/{rounds}", file=sys.stderr)
        return times
    finally:
        for one in workers.values():
            one.close()


def report(times: dict[str, dict[str, list[float]]]) -> dict[str, dict[str, float]]:
    """Print the table; return the ratios candidate / baseline, best and median."""
    print(f"{'':28} {'baseline':>14} {'candidate':>14} {'ratio':>7} {'median':>7}")
    print(f"{'':28} {'us/film, best':>14} {'us/film, best':>14} {'best':>7} {'ratio':>7}")
    ratios = {}
    for key, samples in times.items():
        best = {name: min(values) for name, values in samples.items()}
        median = {name: statistics.median(values) for name, values in samples.items()}
        ratio = best["candidate"] / best["baseline"]
        median_ratio = median["candidate"] / median["baseline"]
        ratios[key] = {"best": ratio, "median": median_ratio}
        print(
            f"{key:28} {best['baseline'] * 1e6:14.2f} {best['candidate'] * 1e6:14.2f}"
            f" {ratio:7.3f} {median_ratio:7.3f}"
        )
    print("ratio: candidate's time / baseline's time (1.05 = 5 % slower)")
    return ratios


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help=f"a commit (default {BASELINE})")
    parser.add_argument("--candidate", help="a commit (default: this checkout's src)")
    parser.add_argument("--films", type=int, default=2_000, help="documents (default 2000)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (default 7)")
    parser.add_argument(
        "--clock", choices=CLOCKS, default="cpu", help="the worker's CPU time (default) or wall"
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--worker", metavar="SRC", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.films, args.clock)
        return {}
    temp = Path(tempfile.mkdtemp(prefix="filmmeta-ab-"))
    try:
        baseline = export(args.baseline, temp / "baseline")
        if args.candidate:
            candidate = export(args.candidate, temp / "candidate")
            named = describe(args.candidate)
        else:
            candidate, named = ROOT / "src", f"this checkout's src, on {describe('HEAD')}"
        print(
            f"Python {sys.version.split()[0]}; {args.films:,} films, {args.rounds} rounds,"
            f" {args.clock} time"
        )
        print(f"baseline:  {describe(args.baseline)}")
        print(f"candidate: {named}")
        times = measure(baseline, candidate, args.films, args.rounds, args.clock)
    finally:
        shutil.rmtree(temp)
    ratios = report(times)
    result = {
        "baseline": args.baseline,
        "candidate": named,
        "clock": args.clock,
        "ratios": ratios,
        "times": times,
    }
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
