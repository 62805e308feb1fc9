"""The fast hooks of the small classes that a film holds by the dozen.

Credits, offers, ratings, content ratings and ids: each hook tests a whole object in one
expression and, when it holds, sets the slots without attrs' ``__init__``. What the
tests accept, and why the model stays the only authority, is in :mod:`filmmeta._json.decode`,
which generates the film's own hook and registers these.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from filmmeta._model import (
    COMMON_ROLES,
    DAY,
    IMDB_ID,
    MAX_INT,
    MAX_TEXT,
    ROLE,
    SHARED_TABLE_SIZE,
    SOURCES,
    SURROGATE,
    URL,
    WIKIDATA_ID,
    ContentRating,
    Credit,
    ExternalIds,
    Offer,
    OfferFeature,
    OfferType,
    Quality,
    Rating,
    Shared,
    builder,
    currency_codes,
    is_language_tag,
    is_other_ids,
    is_text,
    region_codes,
    slot_setters,
)

__all__ = [
    "FALLBACKS",
    "Hook",
    "all_are",
    "content_rating_hook",
    "counted",
    "credit_hook",
    "enum_members",
    "external_ids_hook",
    "offer_hook",
    "rating_hook",
]

Hook = Callable[[Any, Any], Any]
#: A hook of a list of objects: the tuple of what each becomes.
Many = Callable[[list[Any]], tuple[Any, ...]]

#: How many objects each fast hook has handed to the slow path, by class. A valid
#: document of the usual shape takes none there (``tests/test_fields.py`` checks it):
#: a fallback is either an invalid value, on its way to an error with a path, or a valid
#: value of a shape the fast test does not know, which is slower and should be rare.
FALLBACKS: Counter[type[Any]] = Counter()


def counted(cls: type[Any], slow: Hook) -> Hook:
    """*slow*, counted in :data:`FALLBACKS` each time a fast hook hands over to it."""

    def fallback(o: Any, t: Any) -> Any:
        FALLBACKS[cls] += 1
        return slow(o, t)

    return fallback


def enum_members(cls: type[enum.Enum]) -> dict[Any, Any]:
    # A dict lookup: Enum.__call__ is a top cost when decoding many films.
    return {member.value: member for member in cls}


def all_are(value: Any, ok: Callable[[Any], bool]) -> bool:
    """Whether *value* is a list of strings that *ok* accepts."""
    # A loop rather than all() over a generator: twice as fast on a film's short lists
    # (genres, languages, countries), three of which every film reads.
    if type(value) is not list:
        return False
    for x in value:  # noqa: SIM110 - all() over a generator is the slower form
        if type(x) is not str or not ok(x):
            return False
    return True


def _one_of(many: Many, name: str) -> Hook:
    """The hook of one object that *many* reads in a list: the film's hook calls *many*.

    A film's dozen credits then cost one call, not one each, and the same test reads
    a credit alone (``from_dict(data, Credit)``) and in a film.
    """

    def structure(o: Any, t: Any) -> Any:
        return many([o])[0]

    structure.__name__ = structure.__qualname__ = name
    structure.many = many  # type: ignore[attr-defined]
    return structure


def credit_hook(slow: Hook) -> Hook:
    slow = counted(Credit, slow)
    new, (set_name, set_role, set_character) = object.__new__, slot_setters(Credit)
    roles, role_ok, surrogate, max_text = COMMON_ROLES, ROLE.fullmatch, SURROGATE.search, MAX_TEXT

    def structure_credits(items: list[Any], shared: Shared | None = None) -> tuple[Any, ...]:
        built: list[Any] = []
        append = built.append
        table = None if shared is None else shared.credits
        for o in items:
            # is_text written out twice, and the builder's lines written in: a film has a
            # dozen credits, and a call each counts. Most credits have no character: with
            # two keys, it is not looked up.
            if type(o) is dict:
                size = len(o)
                name, role = o.get("name"), o.get("role")
                character = None if size == 2 else o.get("character")
                if (
                    (size == 2 or (size == 3 and character is not None))
                    and type(name) is str
                    and 0 < len(name) <= max_text
                    and not name.isspace()
                    and (name.isascii() or not surrogate(name))
                    and type(role) is str
                    and (role in roles or (len(role) <= max_text and role_ok(role) is not None))
                    and (
                        character is None
                        or (
                            type(character) is str
                            and 0 < len(character) <= max_text
                            and not character.isspace()
                            and (character.isascii() or not surrogate(character))
                        )
                    )
                ):
                    if table is not None:
                        # A read that shares: a credit met before is not built again.
                        key = (name, role, character)
                        credit = table.get(key)
                        if credit is not None:
                            append(credit)
                            continue
                    credit = new(Credit)
                    set_name(credit, name)
                    set_role(credit, role)
                    set_character(credit, character)
                    if table is not None:
                        shared.keep(table, key, credit)  # type: ignore[union-attr]
                    append(credit)
                    continue
            append(slow(o, Credit))
        return tuple(built)

    structure_credits.shares = True  # type: ignore[attr-defined]
    return _one_of(structure_credits, "structure_credit")


def rating_hook(slow: Hook) -> Hook:
    slow, new = counted(Rating, slow), object.__new__
    set_source, set_value, set_votes, set_best, set_worst = slot_setters(Rating)
    # Any, not the table's type: compiled (mypyc), a scale's bounds typed float would be
    # made floats, and a Rating built here must hold the very values the model holds.
    sources: Mapping[str, Any] = SOURCES

    def structure_ratings(items: list[Any]) -> tuple[Any, ...]:
        built: list[Any] = []
        for o in items:
            if type(o) is dict:
                source, value, votes = o.get("source"), o.get("value"), o.get("votes")
                known = sources.get(source) if type(source) is str else None
                if (
                    known is not None
                    and len(o) == (2 if votes is None else 3)
                    and (type(value) is float or type(value) is int)
                    and known.worst <= value <= known.best  # also false for NaN
                    and (votes is None or (type(votes) is int and 0 <= votes <= MAX_INT))
                ):
                    rating = new(Rating)
                    set_source(rating, source)
                    set_value(rating, value)
                    set_votes(rating, votes)
                    set_best(rating, known.best)
                    set_worst(rating, known.worst)
                    built.append(rating)
                    continue
            built.append(slow(o, Rating))
        return tuple(built)

    return _one_of(structure_ratings, "structure_rating")


# A price as shops write it ("3.99"): a case of parse_price's pattern, read the same way.
_PLAIN_PRICE = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,6})?", re.ASCII)
#: Prices repeat across a catalog ("3.99", "9.99"): each text read once, bounded as the
#: content ratings below. A Decimal is immutable, so sharing it is safe; the key is the
#: exact text, so "3.990" keeps its own.
_PRICES: dict[str, decimal.Decimal] = {}


_NO_TERMS = (None, None, (), (), ())
_TERMS = ("available_from", "available_until", "audio_languages", "subtitle_languages", "features")


def _offer_terms(o: dict[str, Any], features: dict[Any, Any]) -> tuple[Any, ...] | None:
    """The window, languages and features of an offer document, or None to refuse."""
    start, end = o.get("available_from"), o.get("available_until")
    audio, subtitles = o.get("audio_languages", ()), o.get("subtitle_languages", ())
    given = o.get("features", ())
    try:
        window: tuple[Any, ...] = tuple(
            None if day is None else dt.date.fromisoformat(day) if _is_day(day) else _REFUSE
            for day in (start, end)
        )
    except ValueError:  # a day that does not exist
        return None
    if (
        _REFUSE in window
        or (None not in window and window[1] < window[0])
        or not all(
            (value == () or (all_are(value, is_language_tag) and len(set(value)) == len(value)))
            for value in (audio, subtitles)
        )
        or not (
            given == ()
            or (
                type(given) is list
                and all(type(x) is str and x in features for x in given)
                and len(set(given)) == len(given)
            )
        )
    ):
        return None
    return (*window, tuple(audio), tuple(subtitles), tuple([features[x] for x in given]))


def _is_day(value: object) -> bool:
    return type(value) is str and DAY.fullmatch(value) is not None


_REFUSE: Any = object()


def offer_hook(slow: Hook) -> Hook:  # noqa: PLR0915 - one loop, its lines written in
    slow, new = counted(Offer, slow), object.__new__
    (set_provider, set_type, set_region, set_price, set_currency, set_quality, set_url) = (
        slot_setters(Offer)[:7]
    )
    set_from, set_until, set_audio, set_subtitles, set_features = slot_setters(Offer)[7:]
    features = enum_members(OfferFeature)
    types, qualities, to_decimal = enum_members(OfferType), enum_members(Quality), decimal.Decimal
    price_ok, url_ok, surrogate = _PLAIN_PRICE.fullmatch, URL.fullmatch, SURROGATE.search
    prices = _PRICES

    def structure_offers(items: list[Any], shared: Shared | None = None) -> tuple[Any, ...]:
        built: list[Any] = []
        table = None if shared is None else shared.offers
        # is_region and is_currency as set lookups: a call each counts, offer by offer.
        regions, currencies = region_codes(), currency_codes()
        for o in items:
            if type(o) is dict:
                provider, type_ = o.get("provider"), o.get("type")
                region, price, currency = o.get("region"), o.get("price"), o.get("currency")
                quality, url = o.get("quality"), o.get("url")
                given = (
                    (region is not None)
                    + (price is not None)
                    + (currency is not None)
                    + (quality is not None)
                    + (url is not None)
                )
                # The terms of model 2 are read only when given, to keep the usual offer
                # fast; then the keys they leave must be the ones the test above read.
                terms: tuple[Any, ...] | None = None
                if len(o) != 2 + given:
                    terms = _offer_terms(o, features)
                    if terms is None or len(o) - 2 - given != sum(key in o for key in _TERMS):
                        built.append(slow(o, Offer))
                        continue
                if (
                    type(provider) is str
                    and 0 < len(provider) <= MAX_TEXT
                    and not provider.isspace()
                    and (provider.isascii() or not surrogate(provider))
                    and type(type_) is str
                    and type_ in types
                    and (region is None or (type(region) is str and region in regions))
                    and (
                        (price is None and currency is None)
                        or (
                            type(price) is str
                            and (price in prices or price_ok(price) is not None)
                            and type(currency) is str
                            and currency in currencies
                        )
                    )
                    and (quality is None or (type(quality) is str and quality in qualities))
                    # is_text written in: a URL that url_ok matches is neither empty nor
                    # blank, so its length and surrogates are what is left to test.
                    and (
                        url is None
                        or (
                            type(url) is str
                            and len(url) <= MAX_TEXT
                            and url_ok(url) is not None
                            and (url.isascii() or not surrogate(url))
                        )
                    )
                ):
                    start, end, audio, subtitles, chosen = _NO_TERMS if terms is None else terms
                    if table is not None:
                        # A read that shares: an offer met before is not built again. The
                        # key holds the texts as written, so "3.990" is not "3.99".
                        key: tuple[Any, ...] = (provider, type_, region, price, currency)
                        key += (quality, url, start, end, audio, subtitles, chosen)
                        offer = table.get(key)
                        if offer is not None:
                            built.append(offer)
                            continue
                    # The builder's lines written in, as for credits.
                    offer = new(Offer)
                    set_provider(offer, provider)
                    set_type(offer, types[type_])
                    set_region(offer, region)
                    amount = None if price is None else prices.get(price)
                    if amount is None and price is not None:
                        amount = to_decimal(price)
                        if len(prices) < _MAX_CACHED:
                            prices[price] = amount
                    set_price(offer, amount)
                    set_currency(offer, currency)
                    set_quality(offer, None if quality is None else qualities[quality])
                    set_url(offer, url)
                    set_from(offer, start)
                    set_until(offer, end)
                    set_audio(offer, audio)
                    set_subtitles(offer, subtitles)
                    set_features(offer, chosen)
                    if table is not None:
                        shared.keep(table, key, offer)  # type: ignore[union-attr]
                    built.append(offer)
                    continue
            built.append(slow(o, Offer))
        return tuple(built)

    structure_offers.shares = True  # type: ignore[attr-defined]

    return _one_of(structure_offers, "structure_offer")


def _is_slug(value: object) -> bool:
    # _check_slug's rule for plain ASCII: printable (no tab, no newline) and no space.
    return (
        type(value) is str
        and is_text(value)
        and value.isascii()
        and value.isprintable()
        and " " not in value
    )


def _is_id(value: object) -> bool:
    return type(value) is int and 0 < value <= MAX_INT


def external_ids_hook(slow: Hook) -> Hook:
    build, slow = builder(ExternalIds), counted(ExternalIds, slow)
    imdb_ok, wikidata_ok = IMDB_ID.fullmatch, WIKIDATA_ID.fullmatch

    def structure_external_ids(o: Any, t: Any) -> Any:
        if type(o) is dict:
            imdb, tmdb, wikidata = o.get("imdb"), o.get("tmdb"), o.get("wikidata")
            letterboxd, tomatoes = o.get("letterboxd"), o.get("rotten_tomatoes")
            metacritic, justwatch = o.get("metacritic"), o.get("justwatch")
            ids = (imdb, tmdb, wikidata, letterboxd, tomatoes, metacritic, justwatch)
            other, given = o.get("other"), 7 - ids.count(None)
            if other is None:
                other = ()
            elif type(other) is dict and other and is_other_ids(other):
                other, given = tuple(sorted(other.items())), given + 1
            else:
                return slow(o, t)
            if (
                len(o) == given
                and (imdb is None or (type(imdb) is str and imdb_ok(imdb)))
                and (tmdb is None or _is_id(tmdb))
                and (wikidata is None or (type(wikidata) is str and wikidata_ok(wikidata)))
                and (letterboxd is None or _is_slug(letterboxd))
                and (tomatoes is None or _is_slug(tomatoes))
                and (metacritic is None or _is_slug(metacritic))
                and (justwatch is None or _is_id(justwatch))
            ):
                return build(*ids, other)
        return slow(o, t)

    return structure_external_ids


#: Content ratings repeat across a catalog ("R" in the US, "15" in GB): an instance
#: built once by the constructor serves every later one with the same fields, which
#: saves the inference of its system. Frozen values, so sharing is safe; bounded.
_CONTENT_RATINGS: dict[tuple[Any, ...], ContentRating] = {}
_MAX_CACHED = SHARED_TABLE_SIZE


def content_rating_hook(slow: Hook) -> Hook:
    cache, fallback = _CONTENT_RATINGS, counted(ContentRating, slow)

    def structure_content_rating(o: Any, t: Any) -> Any:
        if type(o) is not dict:
            return fallback(o, t)
        descriptors = o.get("descriptors")
        if type(descriptors) is list:  # hashable for the table; the constructor checks it
            descriptors = tuple(descriptors)
        key = (o.get("code"), o.get("country"), o.get("system"), o.get("reason"), descriptors)
        try:
            found = cache.get(key)
        except TypeError:  # an unhashable value: the constructor will say what is wrong
            return fallback(o, t)
        # Keys in the cache hold exact strings or None, so an equal key means equal
        # fields; counting the keys rules out unknown ones.
        known_keys = len(o) == 5 - key.count(None)
        if found is not None and known_keys:
            return found
        rating = slow(o, t)
        if known_keys and len(cache) < _MAX_CACHED:
            cache[key] = rating
        return rating

    return structure_content_rating
