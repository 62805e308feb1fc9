"""What strict JSON's duplicate-key check costs, as a share of reading a film.

    python bench/bench_strict.py

Neither JSON backend reports a key given twice (both keep the last value), so strict
reading checks for them itself (``filmmeta._json.jsonlib``): the value read is written
again, compactly, and the colons of the two texts are counted. The same generated films
(``gen.py``) are read as to_json writes them and as ``json.dumps`` writes them (spaces
after separators): parsed alone, parsed and checked, and read whole by ``from_json``.
The rounds are interleaved and the fastest round is reported (other work on
the machine only adds time); the check's cost is
(parsed and checked - parsed) / from_json.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import gen

try:
    from filmmeta import from_json, to_json
except ImportError:  # run from a checkout before the package is installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from filmmeta import from_json, to_json
from filmmeta._json import jsonlib

ROUNDS = 15
FILMS = 2000


def main() -> None:
    """Print microseconds per film for each case, and strict's extra cost."""
    docs = gen.films(FILMS)
    texts = {
        "to_json text": [to_json(from_json(json.dumps(d))).encode() for d in docs],
        "json.dumps text": [json.dumps(d, ensure_ascii=False).encode() for d in docs],
    }
    cases: dict[str, Callable[[], object]] = {}
    for name, batch in texts.items():
        cases[f"{name}: parsed"] = lambda b=batch: [jsonlib.loads(t) for t in b]
        cases[f"{name}: parsed, checked"] = lambda b=batch: [
            jsonlib.loads(t, strict=True) for t in b
        ]
        cases[f"{name}: from_json"] = lambda b=batch: [from_json(t) for t in b]
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, run in cases.items():
            start = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - start) / FILMS * 1e6)
    best = {name: min(values) for name, values in times.items()}
    for name, micros in best.items():
        print(f"{name:36s} {micros:8.1f} us/film")
    for name in texts:
        check = best[f"{name}: parsed, checked"] - best[f"{name}: parsed"]
        share = check / best[f"{name}: from_json"] * 100
        print(f"duplicate-key check, {name}: {check:.1f} us/film, {share:.0f}% of from_json")


if __name__ == "__main__":
    main()
