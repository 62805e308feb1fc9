from __future__ import annotations

import subprocess
import sys

import pytest

import filmmeta


def test_all_is_sorted_and_complete() -> None:
    assert filmmeta.__all__ == sorted(filmmeta.__all__, key=lambda n: (not n.isupper(), n))
    for name in filmmeta.__all__:
        assert getattr(filmmeta, name) is not None
    assert set(filmmeta.__all__) <= set(dir(filmmeta))


def test_version() -> None:
    from importlib.metadata import version

    assert filmmeta.__version__ == version("filmmeta")


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        filmmeta.nope  # noqa: B018


def test_import_is_lazy() -> None:
    # cattrs, orjson, dateutil and the page text load on first use, not on import.
    code = (
        "import sys, filmmeta; "
        "print(sorted(m for m in ('cattrs', 'orjson', 'dateutil', 'filmmeta.converters',"
        " 'filmmeta._words.describe', 'importlib.metadata') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
