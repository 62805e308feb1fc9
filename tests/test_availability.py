from __future__ import annotations

import datetime as dt
import decimal

import pytest

from filmmeta import Offer, OfferType, Quality, ValidationError, group_offers


def test_conversions() -> None:
    offer = Offer("Apple TV", "rent", region="US", price=3.99, currency="USD", quality="hd")
    assert offer.type is OfferType.RENT
    assert offer.quality is Quality.HD
    assert offer.price == decimal.Decimal("3.99")
    assert Offer("A", OfferType.BUY, price=4, currency="EUR").price == decimal.Decimal(4)
    assert Offer(
        "A", "buy", price=decimal.Decimal("1.50"), currency="EUR"
    ).price == decimal.Decimal("1.50")
    assert Offer("A", "free", currency="USD").price is None


@pytest.mark.parametrize(
    ("kwargs", "path", "message"),
    [
        ({"type": "stream"}, "type", "is not an offer type"),
        ({"provider": ""}, "provider", "must not be empty"),
        ({"provider": 5}, "provider", "expected a string"),
        ({"region": "USA"}, "region", "ISO 3166-1"),
        ({"region": "us"}, "region", "ISO 3166-1"),
        ({"price": "3.99"}, "currency", "a price needs a currency"),
        ({"price": "-1", "currency": "USD"}, "price", "not a decimal number"),
        ({"price": decimal.Decimal("-1"), "currency": "USD"}, "price", "is negative"),
        ({"price": decimal.Decimal("-0"), "currency": "USD"}, "price", "is negative"),
        ({"price": "1_000", "currency": "USD"}, "price", "not a decimal number"),
        ({"price": "abc", "currency": "USD"}, "price", "not a decimal number"),
        ({"price": "Infinity", "currency": "USD"}, "price", "not a decimal number"),
        ({"price": decimal.Decimal("Infinity"), "currency": "USD"}, "price", "not a finite price"),
        ({"price": [1], "currency": "USD"}, "price", "expected a decimal price"),
        ({"price": True, "currency": "USD"}, "price", "expected a decimal price"),
        ({"currency": "usd"}, "currency", "ISO 4217"),
        ({"currency": "DOLLARS"}, "currency", "ISO 4217"),
        ({"quality": "4k"}, "quality", "is not a quality"),
        ({"url": "example.com"}, "url", "not an http(s) URL"),
        ({"url": "javascript:alert(1)"}, "url", "not an http(s) URL"),
        # Model 2: the offer's window, its languages and features.
        ({"available_from": dt.datetime(2027, 1, 1)}, "available_from", "is a time, not a day"),
        ({"available_until": "2027-02-30"}, "available_until", "is not a day (YYYY-MM-DD)"),
        ({"available_until": "31/01/2027"}, "available_until", "is not a day (YYYY-MM-DD)"),
        (
            {"available_from": "2027-02-01", "available_until": "2027-01-31"},
            "available_until",
            "is before available_from 2027-02-01",
        ),
        ({"audio_languages": ["en", "de", "en"]}, "audio_languages", "given twice"),
        ({"subtitle_languages": ["english"]}, "subtitle_languages[0]", "language"),
        ({"features": ["hdr10", "hdr10"]}, "features", "a feature is given twice"),
        ({"features": ["smell-o-vision"]}, "features[0]", "offer feature"),
    ],
)
def test_rejects(kwargs: dict[str, object], path: str, message: str) -> None:
    args = {"provider": "Vudu", "type": "rent", **kwargs}
    provider, offer_type = args.pop("provider"), args.pop("type")
    with pytest.raises(ValidationError) as info:
        Offer(provider, offer_type, **args)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


def test_group_offers_keeps_order_and_drops_repeats() -> None:
    offers = [
        Offer("Apple TV", "rent", region="US"),
        Offer("Apple TV", "rent", region="US", quality="hd"),
        Offer("Netflix", "subscription", region="GB"),
        Offer("Vudu", "rent", region="US"),
        Offer("Anywhere", "free"),
    ]
    assert group_offers(offers) == {
        "US": {OfferType.RENT: ["Apple TV", "Vudu"]},
        "GB": {OfferType.SUBSCRIPTION: ["Netflix"]},
        None: {OfferType.FREE: ["Anywhere"]},
    }
