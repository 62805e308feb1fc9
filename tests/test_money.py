from __future__ import annotations

import decimal

import attrs
import pytest
from hypothesis import given

from filmmeta import Money, ValidationError

from .strategies import money

D = decimal.Decimal


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (158_300_000, D("158300000")),
        ("158300000", D("158300000")),
        ("3.5e6", D("3.5e6")),
        ("0", D(0)),
        ("1234.50", D("1234.50")),
        (D("63000000"), D("63000000")),
    ],
)
def test_amounts(amount: object, expected: decimal.Decimal) -> None:
    found = Money(amount, "USD").amount  # type: ignore[arg-type]
    assert found == expected
    assert str(found) == str(expected)


@pytest.mark.parametrize(
    ("amount", "currency", "kwargs", "path", "message"),
    [
        (1.5, "USD", {}, "amount", "expected a Decimal, an int or decimal text, got float"),
        (True, "USD", {}, "amount", "expected a Decimal"),
        (None, "USD", {}, "amount", "expected a Decimal"),
        ("-5", "USD", {}, "amount", "not a decimal number"),
        ("$1,000", "USD", {}, "amount", "not a decimal number"),
        ("NaN", "USD", {}, "amount", "not a decimal number"),
        ("1" * 101, "USD", {}, "amount", "not a decimal number"),
        (D("-5"), "USD", {}, "amount", "is negative"),
        (D("-0"), "USD", {}, "amount", "is negative"),
        (D("Infinity"), "USD", {}, "amount", "not a finite amount"),
        (D("1" * 101), "USD", {}, "amount", "too many digits"),
        (-5, "USD", {}, "amount", "is negative"),
        (5, "usd", {}, "currency", "ISO 4217"),
        (5, "$", {}, "currency", "ISO 4217"),
        (5, None, {}, "currency", "ISO 4217"),
        (5, "USD", {"region": "USA"}, "region", "ISO 3166-1"),
    ],
)
def test_rejects(
    amount: object, currency: object, kwargs: dict[str, object], path: str, message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Money(amount, currency, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


@given(money)
def test_stored_values_rebuild_the_same_money(value: Money) -> None:
    again = Money(**attrs.asdict(value, recurse=False))
    assert again == value
    assert hash(again) == hash(value)
