"""The targets of issue 14 (and those of issue 6 that still stand), checked against a run.

``checklist(results)`` turns the numbers of ``run.py`` (and of ``bench_catalog.py``, run by
it) into one row per target: its figure, its goal and whether it is met. A target whose
figure was not measured in this run is a MISS, never left out. Rows without a goal are
context: the pure-Python ceilings (``ceilings.py``) under the targets they bound.

Retired (issue 14): "from_json >= 2.0x pydantic" and "to_json >= 0.5x msgspec", both above
what pure Python reaches on this shape even without checks (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The row of the pure-Python ceiling (ceilings.py) in the JSON tables.
CEILING = "ceiling (Python, no checks)"
#: Catalog pipelines in bench_catalog.py's results, by the role they play in a target.
PARQUET_OURS, PARQUET_PEER = "filmmeta write_parquet(path)", "pyarrow read_json + write_table"
PANDAS_OURS, PANDAS_PEER = "filmmeta to_dataframe(path)", "pyarrow read_json().to_pandas()"
IMDB_OURS, IMDB_PEER = "filmmeta imdb.write_parquet", "pyarrow read_csv + write_table (basics)"

Row = tuple[str, Callable[[dict[str, Any]], float], str, float]


def _ratio(table: str, regime: str, ours: str, peer: str) -> Callable[[dict[str, Any]], float]:
    return lambda r: r["throughput"][table][regime][ours] / r["throughput"][table][regime][peer]


def _jsonl(regime: str, ours: str) -> Callable[[dict[str, Any]], float]:
    def ratio(r: dict[str, Any]) -> float:
        jl = r["jsonl_films_per_s"][regime]
        return float(jl[ours] / jl["pydantic, line by line"])

    return ratio


def _pipelines(ours: str, peer: str) -> Callable[[dict[str, Any]], float]:
    def ratio(r: dict[str, Any]) -> float:
        found = r["catalog"]["pipelines"]
        return float(found[ours]["films_per_s"] / found[peer]["films_per_s"])

    return ratio


def _pandas_memory(r: dict[str, Any]) -> float:
    found = r["catalog"]["pipelines"][PANDAS_OURS]
    return float(found["peak_above_imports"] / found["result_bytes"])


def _imdb_memory(r: dict[str, Any]) -> float:
    return float(r["catalog"]["pipelines"][IMDB_OURS]["peak_rss"] / 2**20)


ROWS: list[Row] = [
    (
        "from_json vs pydantic, gc off",
        _ratio("JSON -> Film", "gc off", "filmmeta", "pydantic"),
        ">=",
        1.0,
    ),
    (
        "  pure-Python ceiling, gc off",
        _ratio("JSON -> Film", "gc off", CEILING, "pydantic"),
        "",
        0,
    ),
    (
        "from_json vs pydantic, gc on",
        _ratio("JSON -> Film", "gc on", "filmmeta", "pydantic"),
        ">=",
        1.3,
    ),
    (
        "  pure-Python ceiling, gc on",
        _ratio("JSON -> Film", "gc on", CEILING, "pydantic"),
        "",
        0,
    ),
    (
        "from_json vs msgspec, gc on",
        _ratio("JSON -> Film", "gc on", "filmmeta", "msgspec"),
        ">=",
        0.25,
    ),
    (
        "to_json vs pydantic, gc off",
        _ratio("Film -> JSON", "gc off", "filmmeta", "pydantic"),
        ">=",
        1.5,
    ),
    (
        "to_json vs pydantic, gc on",
        _ratio("Film -> JSON", "gc on", "filmmeta", "pydantic"),
        ">=",
        1.5,
    ),
    ("load_jsonl vs pydantic lines, gc on", _jsonl("gc on", "filmmeta.load_jsonl"), ">=", 3.0),
    ("  in gc_paused() vs pydantic, gc on", _jsonl("gc on", "in filmmeta.gc_paused()"), ">=", 3.0),
    ("  pure-Python ceiling, lines, gc on", _jsonl("gc on", CEILING), "", 0),
    ("load_jsonl vs pydantic lines, gc off", _jsonl("gc off", "filmmeta.load_jsonl"), ">=", 3.0),
    ("  pure-Python ceiling, lines, gc off", _jsonl("gc off", CEILING), "", 0),
    (
        "load_jsonl catalog memory / msgspec",
        lambda r: (
            r["catalog_memory"]["filmmeta.load_jsonl"] / r["catalog_memory"]["msgspec.decode_lines"]
        ),
        "<=",
        0.8,
    ),
    (
        "memory per Film from dicts / msgspec",
        lambda r: r["memory_bytes_per_film"]["filmmeta"] / r["memory_bytes_per_film"]["msgspec"],
        "<=",
        1.1,
    ),
    ("JSONL -> Parquet vs pyarrow", _pipelines(PARQUET_OURS, PARQUET_PEER), ">=", 1.0),
    ("JSONL -> pandas vs pyarrow", _pipelines(PANDAS_OURS, PANDAS_PEER), ">=", 1.0),
    ("JSONL -> pandas peak / DataFrame size", _pandas_memory, "<=", 3.0),
    ("IMDb -> Parquet vs pyarrow read_csv", _pipelines(IMDB_OURS, IMDB_PEER), ">=", 0.5),
    ("IMDb -> Parquet peak RSS, MiB", _imdb_memory, "<", 1024.0),
    ("import filmmeta, ms", lambda r: r["import_ms"]["filmmeta"], "<=", 60.0),
    (
        "import filmmeta / import cattrs",
        lambda r: r["import_ms"]["filmmeta"] / r["import_ms"]["cattrs"],
        "<=",
        1.4,
    ),
    (
        "parse_runtime vs isodate",
        lambda r: (
            r["runtime_ops_per_s"]["parse_runtime (ISO 8601)"]["filmmeta"]
            / r["runtime_ops_per_s"]["parse_runtime (ISO 8601)"]["isodate.parse_duration"]
        ),
        ">=",
        3.0,
    ),
    (
        "format_runtime long vs humanize",
        lambda r: (
            r["runtime_ops_per_s"]['format_runtime(style="long")']["filmmeta"]
            / r["runtime_ops_per_s"]['format_runtime(style="long")']["humanize.precisedelta"]
        ),
        ">=",
        5.0,
    ),
]


def _met(value: float | None, op: str, goal: float) -> bool | None:
    if not op:
        return None
    if value is None:
        return False
    return {">=": value >= goal, "<=": value <= goal, "<": value < goal}[op]


def checklist(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target with its figure (None when this run did not measure it)."""
    rows = []
    for name, figure, op, goal in ROWS:
        try:
            value: float | None = round(figure(r), 3)
        except (KeyError, TypeError, ZeroDivisionError):
            value = None
        goal_text = f"{op} {goal:g}" if op else ""
        rows.append(
            {"target": name, "value": value, "goal": goal_text, "met": _met(value, op, goal)}
        )
    return rows


def show(rows: list[dict[str, Any]]) -> None:
    """Print the check-list: every target with its figure and met / MISS."""
    print("\nTargets")
    for row in rows:
        value = "not measured" if row["value"] is None else f"{row['value']:.3f}"
        if row["met"] is None:
            print(f"         {row['target']:<40} {value:>12}   (no checks at all)")
            continue
        mark = "met " if row["met"] else "MISS"
        print(f"  [{mark}] {row['target']:<40} {value:>12}   goal {row['goal']}")
    targets = [row for row in rows if row["met"] is not None]
    print(f"  {sum(row['met'] for row in targets)} of {len(targets)} targets met")
