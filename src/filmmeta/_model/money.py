"""Sums of money: a film's budget and box office, in a currency and a region."""

from __future__ import annotations

import decimal

import attrs

from filmmeta._model.availability import parse_price
from filmmeta._model.codes import is_currency
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_region, shown, shown_typed
from filmmeta.exceptions import ValidationError

__all__ = ["Money"]

# As for prices: str(Decimal) of a real sum is short, and a longer one is hostile input.
_MAX_DIGITS = 100


def _to_amount(value: decimal.Decimal | int | str) -> decimal.Decimal:
    if isinstance(value, decimal.Decimal):
        return value
    if type(value) is int:
        return decimal.Decimal(value)
    if type(value) is str:
        return parse_price(value, "amount")
    # A float is refused, not rounded: 158300000.1 cannot be told from what was meant.
    raise ValidationError.at(
        "amount", f"expected a Decimal, an int or decimal text, got {shown_typed(value)}"
    )


def _check_amount(
    inst: Money, attribute: attrs.Attribute[decimal.Decimal], value: decimal.Decimal
) -> None:
    if not value.is_finite():
        raise ValidationError.at("amount", f"{value} is not a finite amount")
    if value.is_signed():
        raise ValidationError.at("amount", f"{value} is negative")
    if len(str(value)) > _MAX_DIGITS:
        raise ValidationError.at("amount", f"{str(value)[:20]}... has too many digits")


def _check_currency(inst: Money, attribute: attrs.Attribute[str], value: str) -> None:
    if not (type(value) is str and is_currency(value)):
        raise ValidationError.at("currency", f"{shown(value)} is not an ISO 4217 currency code")


def _check_region(inst: Money, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_region("region", value)


@attrs.frozen
class Money(PydanticHooks):
    """A sum of money in one currency: a budget, or box office takings.

    Args:
        amount: The sum, never negative: a :class:`~decimal.Decimal`, an int or decimal
            text ("158300000", "3.5e6"); a float is refused, since its binary value is
            not the sum that was written.
        currency: The ISO 4217 code ("USD", "EUR").
        region: Where the sum was taken, an ISO 3166-1 alpha-2 code ("US"), or None for
            worldwide or not said.

    Raises:
        ValidationError: A negative or non-finite amount, a float, a currency such as
            "usd" or "$", a region such as "USA".

    Examples:
        >>> Money("158300000", "USD", region="US")
        Money(amount=Decimal('158300000'), currency='USD', region='US')
        >>> Money(63_000_000, "USD").region is None
        True
        >>> Money(1.5, "USD")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: amount: expected a Decimal, an int or decimal text, got float 1.5

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    amount: decimal.Decimal = attrs.field(converter=_to_amount, validator=_check_amount)
    currency: str = attrs.field(validator=_check_currency)
    region: str | None = attrs.field(default=None, kw_only=True, validator=_check_region)
