"""Shared fixtures and the hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

#: Examples for the round-trip properties of the canonical form: 500 in CI, where they
#: are the guarantee, fewer while developing. Other properties use the profile's number.
ROUND_TRIP_EXAMPLES = 500 if os.environ.get("CI") else 100

#: ../shared next to the checkout; absent in a user's fresh clone.
SHARED = Path(__file__).resolve().parents[2] / "shared"
NO_SHARED = "../shared is not here (a fresh clone): tests on the shared documents skipped"


@pytest.fixture
def backstage_text() -> str:
    """The canonical Backstage document, as shipped inside the package."""
    from importlib import resources

    return (resources.files("filmmeta") / "data" / "backstage.json").read_text("utf-8")
