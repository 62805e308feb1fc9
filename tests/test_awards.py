from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from filmmeta import Award, AwardOutcome, ValidationError

from .strategies import awards


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, Award("Academy Awards", outcome=AwardOutcome.WON, count=1)),
        ({"outcome": "nominated"}, Award("Academy Awards", outcome=AwardOutcome.NOMINATED)),
        ({"count": 7}, Award("Academy Awards", count=7)),
        (
            {"year": 1, "category": "Best Picture"},
            Award("Academy Awards", year=1, category="Best Picture"),
        ),
        (
            {"year": 9999, "recipient": "Roger Deakins"},
            Award("Academy Awards", year=9999, recipient="Roger Deakins"),
        ),
    ],
)
def test_accepts(kwargs: dict[str, object], expected: Award) -> None:
    assert Award("Academy Awards", **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "kwargs", "path", "message"),
    [
        ("", {}, "name", "must not be empty"),
        (None, {}, "name", "expected a string"),
        ("A", {"category": ""}, "category", "must not be empty"),
        ("A", {"recipient": 3}, "recipient", "expected a string"),
        ("A", {"year": 0}, "year", "not a year between 1 and 9999"),
        ("A", {"year": 10_000}, "year", "not a year between 1 and 9999"),
        ("A", {"year": "2008"}, "year", "not a year"),
        ("A", {"year": True}, "year", "not a year"),
        ("A", {"count": 0}, "count", "not an integer of 1 or more"),
        ("A", {"count": 2**63}, "count", "not an integer of 1 or more"),
        ("A", {"count": 1.0}, "count", "expected an integer"),
        ("A", {"count": None}, "count", "expected an integer"),
        ("A", {"outcome": "lost"}, "outcome", "is not an award outcome (won, nominated)"),
    ],
)
def test_rejects(name: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Award(name, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


@given(awards)
def test_stored_values_rebuild_the_same_award(award: Award) -> None:
    again = Award(**attrs.asdict(award, recurse=False))
    assert again == award
    assert hash(again) == hash(award)
