"""The notebook page (docs/notebooks.md) and its picture of the card."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from typing import Any

import pytest

from filmmeta._words.html import film_html

DOCS = Path(__file__).resolve().parents[1] / "docs"
if not (DOCS / "_scripts").is_dir():  # pragma: no cover - an installed package without docs
    pytest.skip("docs/ is not here", allow_module_level=True)


def _script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_card_png", DOCS / "_scripts" / "make_card_png.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_picture_is_the_card_of_the_page() -> None:
    script = _script()
    film = script.backstage()
    page = script.card_page(film)
    assert film_html(film) in page
    assert page.startswith("<!DOCTYPE html>")
    data = script.OUT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == script.SIZE
    text = (DOCS / "notebooks.md").read_text(encoding="utf-8")
    assert f"(_static/{script.OUT.name})" in text
