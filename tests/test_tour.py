"""Run the examples of the docs that need optional libraries: the tour and the frames guide.

Sybil runs the ```python blocks of docs/*.md everywhere, so examples that need pandas,
pyarrow, Dask, DuckDB or Polars are written as MyST ```{code-block} python directives,
which Sybil leaves alone, and run here when their libraries are installed. The blocks of
a page share one namespace, in order, in a temporary working directory; a block followed
by a ```text block must print exactly that text (trailing spaces aside). A block with the
option ``:class: untested`` (Spark, which needs a cluster) is shown, not run.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"

_BLOCK = re.compile(
    r"^```\{code-block\} python\n(?P<options>(?::[^\n]*\n)*)\n?(?P<code>.*?)^```\n"
    r"(?:\s*^```text\n(?P<output>.*?)^```\n)?",
    re.MULTILINE | re.DOTALL,
)


@dataclass
class Example:
    line: int
    code: str
    output: str | None
    untested: bool


def examples(path: Path) -> list[Example]:
    text = path.read_text(encoding="utf-8")
    return [
        Example(
            line=text.count("\n", 0, m.start("code")) + 1,
            code=m["code"],
            output=m["output"],
            untested=":class: untested" in m["options"],
        )
        for m in _BLOCK.finditer(text)
    ]


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


def run_page(path: Path, where: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run the page's examples in order; return how many ran."""
    monkeypatch.chdir(where)
    namespace: dict[str, object] = {"__name__": f"docs.{path.stem}"}
    ran = 0
    for example in examples(path):
        if example.untested:
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(example.code, f"{path.name}:{example.line}", "exec"), namespace)
        if example.output is not None:
            assert _lines(out.getvalue()) == _lines(example.output), f"{path.name}:{example.line}"
        ran += 1
    return ran


def test_the_tour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    assert run_page(DOCS / "tour.md", tmp_path, monkeypatch) == 7


def test_the_frames_guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("pandas", "pyarrow", "dask.bag", "duckdb", "polars"):
        pytest.importorskip(module)
    assert run_page(DOCS / "frames.md", tmp_path, monkeypatch) == 8


def test_untested_blocks_are_only_the_spark_recipe() -> None:
    untested = [e for page in DOCS.glob("*.md") for e in examples(page) if e.untested]
    assert [e.code.splitlines()[0] for e in untested] == ["from pyspark.sql import SparkSession"]


def test_files_the_tour_shows_exist() -> None:
    tour = (DOCS / "tour.md").read_text(encoding="utf-8")
    shown = re.findall(r"\]\((_static/[^)]+)\)|\{literalinclude\} (\S+)", tour)
    assert sorted(p for pair in shown for p in pair if p) == [
        "_scripts/make_tour_plot.py",
        "_static/tour-runtime.png",
    ]
    script = (DOCS / "_scripts" / "make_tour_plot.py").read_text(encoding="utf-8")
    assert "def plot_runtimes(" in script  # the literalinclude's :pyobject:


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_tour_plot(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    spec = importlib.util.spec_from_file_location(
        "make_tour_plot", DOCS / "_scripts" / "make_tour_plot.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = script.make_plot(tmp_path / "plot.png")
    committed = DOCS / "_static" / "tour-runtime.png"
    assert _png_size(made.read_bytes()) == _png_size(committed.read_bytes()) == (700, 350)
    assert len(script.made_up_catalog(50, seed=1)) == 50
