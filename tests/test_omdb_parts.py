from __future__ import annotations

import decimal

import pytest

from filmmeta import Award, Money, ValidationError
from filmmeta.formats._omdb_parts import parse_awards, parse_box_office

W, N = "won", "nominated"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Every shape in the corpus, and the ones OMDb wrote before 2017.
        (
            "Won 7 Oscars. 19 wins & 32 nominations total",
            [("Academy Awards", W, 7), ("all awards", W, 19), ("all awards", N, 32)],
        ),
        (
            "Won 1 Oscar. 23 wins & 25 nominations total",
            [("Academy Awards", W, 1), ("all awards", W, 23), ("all awards", N, 25)],
        ),
        (
            "Nominated for 2 Oscars. 10 wins & 31 nominations total",
            [("Academy Awards", N, 2), ("all awards", W, 10), ("all awards", N, 31)],
        ),
        (
            "Won 7 Oscars. Another 19 wins & 32 nominations.",
            [("Academy Awards", W, 7), ("all awards", W, 26), ("all awards", N, 32)],
        ),
        (
            "Nominated for 9 Primetime Emmys. Another 18 wins & 88 nominations.",
            [("Primetime Emmy Awards", N, 9), ("all awards", W, 18), ("all awards", N, 97)],
        ),
        (
            "Won 2 Golden Globes. Another 3 wins.",
            [("Golden Globe Awards", W, 2), ("all awards", W, 5)],
        ),
        (
            "Nominated for 1 BAFTA Film Award. Another 2 nominations.",
            [("BAFTA Film Awards", N, 1), ("all awards", N, 3)],
        ),
        ("Won 1 Oscar.", [("Academy Awards", W, 1)]),
        ("Won 3 Directors Guild Awards.", [("Directors Guild Awards", W, 3)]),
        ("1 win & 5 nominations.", [("all awards", W, 1), ("all awards", N, 5)]),
        ("2 wins & 9 nominations", [("all awards", W, 2), ("all awards", N, 9)]),
        ("6 wins.", [("all awards", W, 6)]),
        ("1 nomination.", [("all awards", N, 1)]),
        ("14 nominations.", [("all awards", N, 14)]),
        ("0 wins & 3 nominations.", [("all awards", N, 3)]),
    ],
)
def test_awards(sentence: str, expected: list[tuple[str, str, int]]) -> None:
    found = parse_awards(sentence)
    assert found is not None
    assert [(a.name, a.outcome.value, a.count) for a in found] == expected
    assert all(isinstance(a, Award) and a.year is None and a.category is None for a in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "Best picture, probably",
        "19 wins & 32 nominations total. Won 7 Oscars.",  # the totals end the sentence
        "5 wins. 6 wins.",
        "Won 1 Oscar. 2 wins. Won 1 Oscar.",
        "Won many Oscars.",
        "Won 12345678 Oscars.",  # more digits than any count
        "wins & nominations",
    ],
)
def test_awards_of_another_shape(sentence: str) -> None:
    assert parse_awards(sentence) is None


def test_awards_zero_named_count_is_an_error() -> None:
    with pytest.raises(ValidationError, match="count: 0 is not an integer of 1 or more"):
        parse_awards("Won 0 Oscars.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$158,300,000", Money(decimal.Decimal(158300000), "USD", region="US")),
        ("$400,000", Money(400000, "USD", region="US")),
        ("$5", Money(5, "USD", region="US")),
        ("$1234567", Money(1234567, "USD", region="US")),
    ],
)
def test_box_office(text: str, expected: Money) -> None:
    assert parse_box_office(text) == expected


@pytest.mark.parametrize(
    "text", ["€1,234", "158,300,000", "$1,23", "$1.5M", "$", "$ 5", "$1,234.56"]
)
def test_box_office_of_another_form(text: str) -> None:
    assert parse_box_office(text) is None
