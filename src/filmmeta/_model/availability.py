"""Where to watch: offers of a film by streaming, rental and retail providers."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

from filmmeta._model.codes import is_currency, is_language_tag
from filmmeta._model.fields import meta
from filmmeta._model.handlers import show_pretty
from filmmeta._model.media import OfferFeature
from filmmeta._model.providers import provider_name
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import (
    check_items,
    check_language,
    check_region,
    check_text,
    check_url,
    shown,
    shown_typed,
    to_member,
    tuple_of,
)
from filmmeta.exceptions import ValidationError

__all__ = ["Offer", "OfferType", "Quality", "group_offers", "to_day"]


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


_FEATURES = {f.value: f for f in OfferFeature}
#: A day as JSON writes it: ISO 8601, four-digit year.
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def to_day(value: dt.date | str | None, path: str) -> dt.date | None:
    """Read a day: a :class:`datetime.date` or its ISO text ("2027-01-31"); None stays."""
    if value is None or (type(value) is dt.date):
        return value
    if isinstance(value, dt.datetime):
        raise ValidationError.at(path, f"{shown(value)} is a time, not a day")
    if type(value) is str and DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError.at(path, f"{shown(value)} is not a day (YYYY-MM-DD)")


def _to_from(value: dt.date | str | None) -> dt.date | None:
    return to_day(value, "available_from")


def _to_until(value: dt.date | str | None) -> dt.date | None:
    return to_day(value, "available_until")


def _check_window(
    inst: Offer, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    start = inst.available_from
    if value is not None and start is not None and value < start:
        raise ValidationError.at("available_until", f"{value} is before available_from {start}")


def _check_languages(inst: Offer, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, tuple) and all(type(v) is str and is_language_tag(v) for v in value):
        if len(set(value)) != len(value):
            raise ValidationError.at(attribute.name, "a language is given twice")
        return
    check_items(attribute.name, value, check_language)


def _to_features(value: Any) -> Any:
    value = tuple_of(value)
    if not isinstance(value, tuple):
        return value
    return tuple(
        to_member(_FEATURES, item, f"features[{i}]", "an offer feature")
        for i, item in enumerate(value)
    )


def _check_features(inst: Offer, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise ValidationError.at("features", f"expected a list, got {shown_typed(value)}")
    if len(set(value)) != len(value):
        raise ValidationError.at("features", "a feature is given twice")


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
        available_from: The first day of the offer, when the source says (a date or
            its ISO text).
        available_until: The last day of the offer ("leaving soon"); not before
            ``available_from``.
        audio_languages: The audio tracks' languages, BCP 47 tags.
        subtitle_languages: The subtitles' languages, BCP 47 tags.
        features: Video and audio features: hdr, hdr10, dolby_vision, dolby_atmos, ...

    Raises:
        ValidationError: For an unknown offer type, a region such as "USA", a negative
            price, a price without currency, a currency such as "usd", ...

    Examples:
        >>> Offer("Apple TV", "rent", region="US", price="3.99", currency="USD")
        Offer(provider='Apple TV', type=<OfferType.RENT: 'rent'>, region='US', price=Decimal('3.99'), currency='USD', quality=None, url=None, available_from=None, available_until=None, audio_languages=(), subtitle_languages=(), features=())
    """  # noqa: E501

    __repr__ = fields_repr

    provider: str = attrs.field(validator=_check_provider)
    type: OfferType = attrs.field(converter=_to_offer_type)
    region: str | None = attrs.field(default=None, kw_only=True, validator=_check_region)
    price: decimal.Decimal | None = attrs.field(
        default=None, kw_only=True, converter=_to_price, validator=_check_price
    )
    currency: str | None = attrs.field(default=None, kw_only=True, validator=_check_currency)
    quality: Quality | None = attrs.field(default=None, kw_only=True, converter=_to_quality)
    url: str | None = attrs.field(default=None, kw_only=True, validator=_check_url)
    available_from: dt.date | None = attrs.field(
        default=None, kw_only=True, converter=_to_from, metadata=meta(since=2)
    )
    available_until: dt.date | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_to_until,
        validator=_check_window,
        metadata=meta(since=2),
    )
    audio_languages: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_languages,
        metadata=meta(since=2),
    )
    subtitle_languages: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_languages,
        metadata=meta(since=2),
    )
    features: tuple[OfferFeature, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_features,
        validator=_check_features,
        metadata=meta(since=2),
    )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's API
        # Notebook display: "Apple TV: rent, HD, 3.99 USD (US)"; repr() stays the call.
        show_pretty("offer_pretty", self, p, cycle)


def group_offers(offers: Iterable[Offer]) -> dict[str | None, dict[OfferType, list[str]]]:
    """Group offers by region, then by type, listing each provider once in order seen.

    Args:
        offers: The offers.

    Returns:
        ``{region: {offer_type: [provider, ...]}}`` in the order first seen, each service
        once under the name :func:`provider_name` gives it ("Amazon Video" is "Amazon").

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
        # One service under two names ("Amazon Video", "Amazon Prime Video") is listed once.
        name = provider_name(offer.provider, region=offer.region)
        if name not in providers:
            providers.append(name)
    return grouped
