"""JustWatch offers: where a title can be watched, in either API's shape.

:mod:`filmmeta.formats.justwatch` finds the offer lists of a title (or takes a bare list
of offers) and reads them here into :class:`~filmmeta.Offer` values: the monetization
type, the quality, the price and its currency, the region (the offer's own, else the
title's) and the provider, named by GraphQL's ``package.clearName`` or by a legacy
``provider_id`` looked up in the ``/providers`` list.

The module is private: :mod:`filmmeta.formats.justwatch` is its only user.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from typing import Any

from filmmeta._model import Offer, OfferType, Quality, is_region, shown, shown_typed
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import expect_list, expect_mapping, region_code, text, warn
from filmmeta.formats._justwatch_extras import offer_terms

__all__ = ["provider_names", "read_offers"]

_TYPES = {
    "flatrate": OfferType.SUBSCRIPTION,
    "rent": OfferType.RENT,
    "buy": OfferType.BUY,
    "free": OfferType.FREE,
    "ads": OfferType.ADS,
    "cinema": OfferType.CINEMA,
}
_QUALITIES = {"sd": Quality.SD, "hd": Quality.HD, "4k": Quality.UHD, "_4k": Quality.UHD}
# An offer's field -> (legacy key, GraphQL key), for errors raised by Offer.
_KEYS = {
    "type": ("monetization_type", "monetizationType"),
    "quality": ("presentation_type", "presentationType"),
    "price": ("retail_price", "retailPriceValue"),
    "currency": ("currency", "currency"),
    "url": ("urls.standard_web", "standardWebURL"),
    "region": ("country", "country"),
    "provider": ("provider_id", "package.clearName"),
}


def provider_names(providers: Any) -> dict[Any, str]:
    """Map legacy provider ids to names, from the ``/providers`` list or a mapping."""
    if providers is None:
        return {}
    if isinstance(providers, Mapping):
        return {k: v for k, v in providers.items() if isinstance(v, str)}
    names: dict[Any, str] = {}
    for i, item in enumerate(expect_list(providers, "providers")):
        item = expect_mapping(item, f"providers[{i}]")  # noqa: PLW2901
        key = item.get("id", item.get("packageId"))
        if type(key) is not int:
            raise ValidationError.at(
                f"providers[{i}].id", f"expected an id, got {shown_typed(key)}"
            )
        name = text(item.get("clear_name", item.get("clearName")), f"providers[{i}].clear_name")
        if name is not None:
            names[key] = name
    return names


def read_offers(
    lists: list[tuple[str, Any]], where: str | None, names: dict[Any, str]
) -> tuple[Offer, ...]:
    """Read the offers of (key, list) pairs; a region-code key, else *where*, is their region."""
    found: list[Offer] = []
    unnamed: list[str] = []
    for key, items in lists:
        here = key if is_region(key) else where
        for i, item in enumerate(items):
            offer = _offer(expect_mapping(item, f"{key}[{i}]"), f"{key}[{i}]", here, names, unnamed)
            if offer is not None:
                found.append(offer)
    if unnamed:
        warn(
            f"offers: no name for provider id {', '.join(dict.fromkeys(unnamed))}; pass "
            "providers= (the /providers list): named 'provider <id>'"
        )
    return tuple(found)


def _offer(
    item: Mapping[str, Any],
    path: str,
    where: str | None,
    names: dict[Any, str],
    unnamed: list[str],
) -> Offer | None:
    graphql = "monetizationType" in item
    keys = {name: pair[graphql] for name, pair in _KEYS.items()}
    kind_key, quality_key, price_key = keys["type"], keys["quality"], keys["price"]
    raw = text(item.get(kind_key), f"{path}.{kind_key}")
    kind = _TYPES.get(raw.lower()) if raw else None
    if kind is None:
        warn(f"{path}.{kind_key}: {shown(raw)} is not a known offer type: left out")
        return None
    quality = None
    if (given := text(item.get(quality_key), f"{path}.{quality_key}")) is not None:
        quality = _QUALITIES.get(given.lower())
        if quality is None:
            warn(f"{path}.{quality_key}: {shown(given)} is not a known quality: left out")
    price = item.get(price_key)
    if price is not None and type(price) not in (int, float):
        raise ValidationError.at(
            f"{path}.{price_key}", f"expected a number, got {shown_typed(price)}"
        )
    urls = item.get("urls") if not graphql else None
    url = expect_mapping(urls, f"{path}.urls").get("standard_web") if urls else None
    terms: dict[str, Any] = {
        "quality": quality,
        "price": None if price is None else decimal.Decimal(str(price)),
        "url": text(item.get("standardWebURL") if graphql else url, f"{path}.{keys['url']}"),
        "region": _offer_region(item, path) or where,
    }
    terms |= offer_terms(item, path, graphql=graphql)
    if terms["price"] is not None:  # a currency alone says nothing (flatrate offers have one)
        terms["currency"] = text(item.get("currency"), f"{path}.currency")
    provider = _provider(item, path, names, unnamed)
    try:
        return Offer(provider, kind, **terms)
    except ValidationError as err:
        raise ValidationError([(f"{path}.{keys.get(p, p)}", m) for p, m in err.errors]) from None


def _offer_region(item: Mapping[str, Any], path: str) -> str | None:
    if item.get("country") is not None:
        return region_code(item["country"], f"{path}.country")
    locale = text(item.get("locale"), f"{path}.locale")  # "en_US"
    if locale is not None and "_" in locale:
        return region_code(locale.rpartition("_")[2], f"{path}.locale")
    return None


def _provider(item: Mapping[str, Any], path: str, names: dict[Any, str], unnamed: list[str]) -> str:
    package = item.get("package")
    if package is not None:
        package = expect_mapping(package, f"{path}.package")
        if (name := text(package.get("clearName"), f"{path}.package.clearName")) is not None:
            return name
        key, key_path = package.get("packageId"), f"{path}.package.packageId"
    else:
        key, key_path = item.get("provider_id"), f"{path}.provider_id"
    if type(key) is not int:
        raise ValidationError.at(key_path, f"expected a provider id, got {shown_typed(key)}")
    if key in names:
        return names[key]
    unnamed.append(str(key))
    return f"provider {key}"
