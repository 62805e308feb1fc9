"""Run the examples in the README, the docs and the docstrings through Sybil."""

from __future__ import annotations

import datetime as dt
import decimal
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from typing import Any

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

import filmmeta

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE


def _namespace(namespace: dict[str, Any]) -> None:
    # Docstring examples use the public names without importing them, as the
    # rendered API reference shows them next to the name being documented.
    for name in filmmeta.__all__:
        namespace.setdefault(name, getattr(filmmeta, name))
    namespace.setdefault("dt", dt)
    namespace.setdefault("decimal", decimal)


_markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["README.md", "docs/*.md", "docs/formats/*.md"],
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["src/filmmeta/**/*.py"],
    setup=_namespace,
)

pytest_collect_file = (_markdown + _docstrings).pytest()


def pytest_report_header() -> str:
    """Say which build of filmmeta the suite tests (``filmmeta --version`` says the same)."""
    from filmmeta._json import build

    return f"filmmeta: {build()}, from {filmmeta.__file__}"
