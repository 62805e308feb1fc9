"""Time filmmeta's runtime parsing and formatting against the libraries people use instead.

    python bench/bench_runtime.py

Parsing ISO 8601 durations is compared with ``isodate.parse_duration``; writing a runtime
in words (``format_runtime(td, "long")``) with ``humanize.precisedelta`` and Babel's
``format_timedelta``. Each contender runs the same inputs; the rounds are interleaved (A, B,
C, A, B, C, ...) so that drift in machine speed hits all of them alike, and the median
round is reported. A peer that is not installed is skipped with a message.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import timeit
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

try:
    from filmmeta import format_runtime, parse_runtime
except ImportError:  # run from a checkout before the package is installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from filmmeta._model.runtime import format_runtime, parse_runtime

ROUNDS = 15
ISO_TEXTS = [
    "PT1H26M",
    "PT2H",
    "PT45M",
    "PT1H33M20S",
    "PT90M",
    "PT2H15M",
    "PT5160S",
    "P0DT1H26M0S",
    "PT3H21M",
    "PT1H",
]
TIMEDELTAS = [
    dt.timedelta(minutes=86),
    dt.timedelta(hours=2),
    dt.timedelta(minutes=45),
    dt.timedelta(hours=1, minutes=33, seconds=20),
    dt.timedelta(minutes=90),
    dt.timedelta(hours=2, minutes=1),
    dt.timedelta(minutes=1),
    dt.timedelta(hours=3, minutes=21),
    dt.timedelta(hours=25),
    dt.timedelta(minutes=121),
]

Task = Callable[[], object]
T = TypeVar("T")


def over(func: Callable[[T], object], inputs: Sequence[T]) -> Task:
    def run() -> None:
        for item in inputs:
            func(item)

    return run


def measure(tasks: dict[str, Task], per_call: int) -> dict[str, float]:
    """Return the median operations per second of each task, timed in interleaved rounds."""
    numbers = {}
    for name, task in tasks.items():
        task()  # warm up (imports, caches)
        number, _ = timeit.Timer(task).autorange()
        numbers[name] = number
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(ROUNDS):
        for name, task in tasks.items():
            elapsed = timeit.Timer(task).timeit(numbers[name])
            times[name].append(elapsed / (numbers[name] * per_call))
    return {name: 1 / statistics.median(values) for name, values in times.items()}


def report(title: str, results: dict[str, float]) -> None:
    ours = results["filmmeta"]
    print(f"\n{title}")
    print(f"{'contender':<34} {'ops/s':>12} {'filmmeta/peer':>14}")
    for name, ops in results.items():
        ratio = "" if name == "filmmeta" else f"{ours / ops:.1f}x"
        print(f"{name:<34} {ops:>12,.0f} {ratio:>14}")


def bench_parse() -> None:
    tasks: dict[str, Task] = {"filmmeta": over(parse_runtime, ISO_TEXTS)}
    try:
        import isodate
    except ImportError:
        print("isodate is not installed: skipping isodate.parse_duration")
    else:
        for text in ISO_TEXTS:  # the same answers, or the comparison means nothing
            assert isodate.parse_duration(text) == parse_runtime(text), text
        tasks["isodate.parse_duration"] = over(isodate.parse_duration, ISO_TEXTS)
    report(f"parse ISO 8601 durations ({len(ISO_TEXTS)} strings)", measure(tasks, len(ISO_TEXTS)))


def bench_format() -> None:
    def long(td: dt.timedelta) -> str:
        return format_runtime(td, "long")

    formatters: dict[str, Callable[[dt.timedelta], str]] = {"filmmeta": long}
    try:
        import humanize
    except ImportError:
        print("humanize is not installed: skipping humanize.precisedelta")
    else:

        def precise(td: dt.timedelta) -> str:
            return humanize.precisedelta(td, minimum_unit="minutes")

        formatters["humanize.precisedelta"] = precise
    try:
        from babel.dates import format_timedelta
    except ImportError:
        print("babel is not installed: skipping babel.dates.format_timedelta")
    else:

        def babel(td: dt.timedelta) -> str:
            # A high threshold keeps 86 minutes from being rounded to "1 hour".
            return format_timedelta(
                td, threshold=100, granularity="minute", format="long", locale="en"
            )

        formatters["babel.dates.format_timedelta"] = babel
    title = f"format runtimes in words ({len(TIMEDELTAS)} timedeltas)"
    print(f"\n{title}, what each writes for {TIMEDELTAS[3]}:")
    for name, func in formatters.items():
        print(f"  {name:<32} {func(TIMEDELTAS[3])!r}")
    tasks = {name: over(func, TIMEDELTAS) for name, func in formatters.items()}
    report(title, measure(tasks, len(TIMEDELTAS)))


def main() -> None:
    print(f"Python {sys.version.split()[0]}; median of {ROUNDS} interleaved rounds")
    bench_parse()
    bench_format()


if __name__ == "__main__":
    main()
