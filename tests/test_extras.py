"""Every library that filmmeta imports is a dependency, or comes with an extra that needs it.

pyarrow no longer installs numpy, and the columnar path cuts JSON Lines with numpy: with
``pip install 'filmmeta[arrow]'`` alone, ``write_parquet(path)`` failed with a bare
ModuleNotFoundError. These tests read pyproject.toml and the imports of the source.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "filmmeta"

#: The requirement that brings an import, where its name is not the module's.
_BROUGHT_BY = {"dateutil": "python-dateutil", "pydantic_core": "pydantic"}
#: Extras for working on filmmeta, not for using it.
_TOOLING = {"test", "docs", "lint"}


def _imports(path: Path) -> set[str]:
    """The top-level names of the libraries *path* imports, outside the standard library."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.partition(".")[0] for name in names}
    return {n for n in found if n not in sys.stdlib_module_names} - {"filmmeta", "__future__"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in requirements}


@pytest.fixture(scope="module")
def project() -> dict[str, set[str]]:
    """The core dependencies (key ``""``) and each extra, by requirement name."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras = {name: _names(reqs) for name, reqs in table["optional-dependencies"].items()}
    return {"": _names(table["dependencies"])} | extras


def _needed(folder: Path | list[Path]) -> set[str]:
    paths = folder.rglob("*.py") if isinstance(folder, Path) else folder
    return {_BROUGHT_BY.get(m, m) for path in paths for m in _imports(path)}


def test_every_import_is_a_dependency_or_in_an_extra(project: dict[str, set[str]]) -> None:
    offered = set().union(*(reqs for name, reqs in project.items() if name not in _TOOLING))
    assert _needed(SRC) <= offered


def test_the_arrow_extra_brings_what_the_columnar_path_imports(
    project: dict[str, set[str]],
) -> None:
    # pandas is imported for to_dataframe alone, which asks for the pandas extra.
    columnar = [p for p in (SRC / "_catalog").glob("*.py") if p.name != "viewings.py"]
    needed = _needed([*columnar, SRC / "formats" / "imdb.py"]) - {"pandas"}
    assert needed <= project["arrow"] | project[""]
    assert {"pyarrow", "numpy"} <= needed


def test_the_imports_are_read() -> None:
    assert _imports(SRC / "_catalog" / "blocks.py") == {"numpy"}
