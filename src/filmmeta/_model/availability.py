"""Where to watch: offers of a film by streaming, rental and retail providers."""

from __future__ import annotations

import decimal
import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

from filmmeta._model.codes import is_currency
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.validate import check_region, check_text, check_url, shown, shown_typed
from filmmeta.exceptions import ValidationError

__all__ = ["Offer", "OfferType", "Quality", "group_offers"]


class OfferType(enum.StrEnum):
    """How an offer lets you watch: by subscription, rental, purchase, ..."""

    SUBSCRIPTION = "subscription"
    RENT = "rent"
    BUY = "buy"
    FREE = "free"
    ADS = "ads"
    CINEMA = "cinema"


class Quality(enum.StrEnum):
    """The picture quality of an offer."""

    SD = "sd"
    HD = "hd"
    UHD = "uhd"


# Dict lookups: Enum.__call__ is a top cost when decoding many offers. A member is its
# own key too, since StrEnum members hash and compare as their values.
_OFFER_TYPES = {t.value: t for t in OfferType}
_QUALITIES = {q.value: q for q in Quality}


def _to_offer_type(value: OfferType | str) -> OfferType:
    try:
        return _OFFER_TYPES[value]
    except (KeyError, TypeError):
        raise ValidationError.at(
            "type",
            f"{shown(value)} is not an offer type ({', '.join(t.value for t in OfferType)})",
        ) from None


def _to_quality(value: Quality | str | None) -> Quality | None:
    if value is None:
        return None
    try:
        return _QUALITIES[value]
    except (KeyError, TypeError):
        raise ValidationError.at(
            "quality", f"{shown(value)} is not a quality ({', '.join(q.value for q in Quality)})"
        ) from None


def _to_price(value: decimal.Decimal | str | int | float | None) -> decimal.Decimal | None:
    if value is None or isinstance(value, decimal.Decimal):
        return value
    if type(value) is float:
        # Decimal(3.99) would keep the binary error (3.9900000000000002131...): go
        # through the shortest repr, which is what the user typed.
        value = repr(value)
    if type(value) is int:
        return decimal.Decimal(value)
    if type(value) is not str:
        raise ValidationError.at("price", f"expected a decimal price, got {shown_typed(value)}")
    return parse_price(value, "price")


# What str(Decimal) writes for a finite, non-negative price: digits, a fraction, an
# exponent. Not Decimal's whole syntax ("1_000", " 3", "NaN", Arabic-Indic digits).
_MAX_PRICE = 100
# The same pattern as the JSON Schema's Price.
PRICE = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?")


def parse_price(text: str, path: str) -> decimal.Decimal:
    """Read a decimal price string ("3.99"), raising ValidationError at *path*.

    Examples:
        >>> parse_price("3.99", "price")
        Decimal('3.99')
    """
    if len(text) > _MAX_PRICE or not PRICE.fullmatch(text):
        raise ValidationError.at(path, f"{shown(text)} is not a decimal number")
    return decimal.Decimal(text)


def _check_provider(inst: Offer, attribute: attrs.Attribute[str], value: str) -> None:
    check_text("provider", value)


def _check_region(inst: Offer, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_region("region", value)


def _check_price(
    inst: Offer, attribute: attrs.Attribute[decimal.Decimal | None], value: decimal.Decimal | None
) -> None:
    if value is None:
        return
    if not value.is_finite():
        raise ValidationError.at("price", f"{value} is not a finite price")
    if value < 0 or value.is_signed():
        raise ValidationError.at("price", f"{value} is negative")
    if len(str(value)) > _MAX_PRICE:
        raise ValidationError.at("price", f"{str(value)[:20]}... has too many digits")


def _check_currency(inst: Offer, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is None:
        if inst.price is not None:
            raise ValidationError.at("currency", "a price needs a currency")
        return
    if not (type(value) is str and is_currency(value)):
        raise ValidationError.at("currency", f"{shown(value)} is not an ISO 4217 currency code")


def _check_url(inst: Offer, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_url("url", value)


@attrs.frozen
class Offer(PydanticHooks):
    """One way to watch a film: a provider, an offer type, and the terms.

    Args:
        provider: The provider's name as the data gives it ("Apple TV", "Netflix").
        type: Subscription, rent, buy, free, ads or cinema; a string is converted.
        region: Where the offer holds, an ISO 3166-1 alpha-2 code ("US").
        price: The price as a :class:`~decimal.Decimal`; strings, ints and floats are
            converted exactly as written ("3.99", 3.99).
        currency: ISO 4217 code ("USD"); required with a price.
        quality: sd, hd or uhd.
        url: A link to the offer.

    Raises:
        ValidationError: For an unknown offer type, a region such as "USA", a negative
            price, a price without currency, a currency such as "usd", ...

    Examples:
        >>> Offer("Apple TV", "rent", region="US", price="3.99", currency="USD")
        Offer(provider='Apple TV', type=<OfferType.RENT: 'rent'>, region='US', price=Decimal('3.99'), currency='USD', quality=None, url=None)
    """  # noqa: E501

    provider: str = attrs.field(validator=_check_provider)
    type: OfferType = attrs.field(converter=_to_offer_type)
    region: str | None = attrs.field(default=None, kw_only=True, validator=_check_region)
    price: decimal.Decimal | None = attrs.field(
        default=None, kw_only=True, converter=_to_price, validator=_check_price
    )
    currency: str | None = attrs.field(default=None, kw_only=True, validator=_check_currency)
    quality: Quality | None = attrs.field(default=None, kw_only=True, converter=_to_quality)
    url: str | None = attrs.field(default=None, kw_only=True, validator=_check_url)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's API
        # Notebook display: "Apple TV: rent, HD, 3.99 USD (US)"; repr() stays the call.
        from filmmeta._words.html import offer_text, text_pretty

        text_pretty(offer_text(self), p)


def group_offers(offers: Iterable[Offer]) -> dict[str | None, dict[OfferType, list[str]]]:
    """Group offers by region, then by type, listing each provider once in order seen.

    Args:
        offers: The offers.

    Returns:
        ``{region: {offer_type: [provider, ...]}}`` in the order first seen.

    Examples:
        >>> offers = [
        ...     Offer("Apple TV", "rent", region="US"),
        ...     Offer("Apple TV", "buy", region="US"),
        ...     Offer("Vudu", "rent", region="US"),
        ... ]
        >>> group_offers(offers)
        {'US': {<OfferType.RENT: 'rent'>: ['Apple TV', 'Vudu'], <OfferType.BUY: 'buy'>: ['Apple TV']}}
    """  # noqa: E501
    grouped: dict[str | None, dict[OfferType, list[str]]] = {}
    for offer in offers:
        providers = grouped.setdefault(offer.region, {}).setdefault(offer.type, [])
        if offer.provider not in providers:
            providers.append(offer.provider)
    return grouped
