"""Shared fixtures and the hypothesis profiles."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

#: Examples for the round-trip properties of the canonical form: 200 in CI, where they
#: are the guarantee, fewer while developing. Other properties use the profile's number.
#: (500 until Model 2 made a film four times as costly to draw; the suite's three
#: minutes decide the number.)
ROUND_TRIP_EXAMPLES = 200 if os.environ.get("CI") else 100

#: ../shared next to the checkout; absent in a user's fresh clone.
SHARED = Path(__file__).resolve().parents[2] / "shared"
NO_SHARED = "../shared is not here (a fresh clone): tests on the shared documents skipped"
#: The real documents written by others, read in place (never copied into the project).
CORPUS = SHARED / "corpus"
NO_CORPUS = "../shared/corpus is not here (a fresh clone): corpus tests skipped"


def corpus_files(kind: str) -> list[Any]:
    """Every JSON file of one corpus folder, or a single skipped param without it."""
    folder = CORPUS / kind
    if not folder.is_dir():
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in sorted(folder.glob("*.json"))]


def load(path: Path) -> Any:
    """A JSON document from a file."""
    return json.loads(path.read_text(encoding="utf-8"))


#: Our own small documents, one folder per format, always present.
#: Whether the suite tests the compiled build: .ci/run's step for the compiled wheel says
#: so, and the tests of that build then fail, rather than skip, where it is not installed.
COMPILED_BUILD = os.environ.get("FILMMETA_BUILD") == "compiled"

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(kind: str, name: str) -> Any:
    """One of our fixtures: ``fixture("tmdb", "details")`` (".json" may be given)."""
    return load(FIXTURES / kind / (name if name.endswith(".json") else f"{name}.json"))


@pytest.fixture
def backstage_text() -> str:
    """The canonical Backstage document, as shipped inside the package."""
    from importlib import resources

    return (resources.files("filmmeta") / "data" / "backstage.json").read_text("utf-8")
