"""The fast pass of decoding: the common document built without attrs' ``__init__``.

A film of the usual shape holds some twenty small objects (credits, offers, ratings),
and decoding it was mostly their attrs ``__init__`` calls: a keyword dict from cattrs,
then one validator call per field, each a function call or two. For those classes the
fast converter's hook here tests the whole object in one expression and, when it holds,
sets the slots directly.

The test is a *sufficient* condition, never the rule itself: it accepts only what the
model's validators are certain to accept (plain ASCII or surrogate-free text of a sane
length, a known role, a known rating source with a value on its scale, a price such as
``"3.99"`` with a currency, ...). Anything else, valid or not, goes to the generated
cattrs hook and the model's own constructor, which decide, and raise with a path. So the
model stays the only authority on what is valid, and ``tests/test_decode.py`` checks,
on generated and hostile objects, that the fast hooks build exactly what the
constructors build, and only what they accept.

A rule loosened in the model needs nothing here (its new cases take the constructor).
A rule made *stricter* must be made stricter here too, and a value that breaks it added
to the test's pool: the tests find the values they hold, not every new rule.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from filmmeta._model.availability import _OFFER_TYPES, _QUALITIES, Offer
from filmmeta._model.certification import ContentRating
from filmmeta._model.codes import is_currency, is_language_tag, is_region
from filmmeta._model.dates import PartialDate
from filmmeta._model.film import _COMMON_ROLES, _KINDS, _ROLE, Credit, Film
from filmmeta._model.ids import _IMDB_ID, _WIKIDATA_ID, NO_IDS, ExternalIds
from filmmeta._model.ratings import SOURCES, Rating
from filmmeta._model.validate import (
    _SURROGATE,
    _URL,
    MAX_INT,
    MAX_TEXT,
    SHARED_TABLE_SIZE,
    builder,
    is_text,
)

__all__ = ["FAST_HOOKS"]

Hook = Callable[[Any, Any], Any]


def _credit(slow: Hook) -> Hook:
    build = builder(Credit)
    roles, role_ok, surrogate = _COMMON_ROLES, _ROLE.fullmatch, _SURROGATE.search

    def structure_credit(o: Any, t: Any) -> Any:
        # is_text written out twice: a film has a dozen credits, and a call each counts.
        if type(o) is dict:
            name, role, character = o.get("name"), o.get("role"), o.get("character")
            if (
                len(o) == (2 if character is None else 3)
                and type(name) is str
                and 0 < len(name) <= MAX_TEXT
                and not name.isspace()
                and (name.isascii() or not surrogate(name))
                and type(role) is str
                and (role in roles or (len(role) <= MAX_TEXT and role_ok(role) is not None))
                and (
                    character is None
                    or (
                        type(character) is str
                        and 0 < len(character) <= MAX_TEXT
                        and not character.isspace()
                        and (character.isascii() or not surrogate(character))
                    )
                )
            ):
                return build(name, role, character)
        return slow(o, t)

    return structure_credit


def _rating(slow: Hook) -> Hook:
    build = builder(Rating)
    sources = SOURCES

    def structure_rating(o: Any, t: Any) -> Any:
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
                return build(source, value, votes, known.best, known.worst)
        return slow(o, t)

    return structure_rating


# A price as shops write it ("3.99"): a case of parse_price's pattern, read the same way.
_PLAIN_PRICE = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,6})?", re.ASCII)


def _offer(slow: Hook) -> Hook:
    build = builder(Offer)
    types, qualities, to_decimal = _OFFER_TYPES, _QUALITIES, decimal.Decimal
    price_ok, url_ok = _PLAIN_PRICE.fullmatch, _URL.fullmatch

    def structure_offer(o: Any, t: Any) -> Any:
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
            if (
                len(o) == 2 + given
                and is_text(provider)
                and type(type_) is str
                and type_ in types
                and (region is None or (type(region) is str and is_region(region)))
                and (
                    (price is None and currency is None)
                    or (
                        type(price) is str
                        and price_ok(price)
                        and type(currency) is str
                        and is_currency(currency)
                    )
                )
                and (quality is None or (type(quality) is str and quality in qualities))
                and (url is None or (is_text(url) and url_ok(url)))
            ):
                return build(
                    provider,
                    types[type_],
                    region,
                    None if price is None else to_decimal(price),
                    currency,
                    None if quality is None else qualities[quality],
                    url,
                )
        return slow(o, t)

    return structure_offer


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


def _external_ids(slow: Hook) -> Hook:
    build = builder(ExternalIds)
    imdb_ok, wikidata_ok = _IMDB_ID.fullmatch, _WIKIDATA_ID.fullmatch

    def structure_external_ids(o: Any, t: Any) -> Any:
        if type(o) is dict:
            imdb, tmdb, wikidata = o.get("imdb"), o.get("tmdb"), o.get("wikidata")
            letterboxd, tomatoes = o.get("letterboxd"), o.get("rotten_tomatoes")
            metacritic, justwatch = o.get("metacritic"), o.get("justwatch")
            ids = (imdb, tmdb, wikidata, letterboxd, tomatoes, metacritic, justwatch)
            if (
                len(o) == 7 - ids.count(None)
                and (imdb is None or (type(imdb) is str and imdb_ok(imdb)))
                and (tmdb is None or _is_id(tmdb))
                and (wikidata is None or (type(wikidata) is str and wikidata_ok(wikidata)))
                and (letterboxd is None or _is_slug(letterboxd))
                and (tomatoes is None or _is_slug(tomatoes))
                and (metacritic is None or _is_slug(metacritic))
                and (justwatch is None or _is_id(justwatch))
            ):
                return build(*ids)
        return slow(o, t)

    return structure_external_ids


#: Content ratings repeat across a catalog ("R" in the US, "15" in GB): an instance
#: built once by the constructor serves every later one with the same fields, which
#: saves the inference of its system. Frozen values, so sharing is safe; bounded.
_CONTENT_RATINGS: dict[tuple[Any, ...], ContentRating] = {}
_MAX_CACHED = SHARED_TABLE_SIZE


def _content_rating(slow: Hook) -> Hook:
    cache = _CONTENT_RATINGS

    def structure_content_rating(o: Any, t: Any) -> Any:
        if type(o) is not dict:
            return slow(o, t)
        key = (o.get("code"), o.get("country"), o.get("system"), o.get("reason"))
        try:
            found = cache.get(key)
        except TypeError:  # an unhashable value: the constructor will say what is wrong
            return slow(o, t)
        # Keys in the cache hold exact strings or None, so an equal key means equal
        # fields; counting the keys rules out unknown ones.
        known_keys = len(o) == 4 - key.count(None)
        if found is not None and known_keys:
            return found
        rating = slow(o, t)
        if known_keys and len(cache) < _MAX_CACHED:
            cache[key] = rating
        return rating

    return structure_content_rating


_FILM_KEYS = frozenset(a.name for a in attrs.fields(Film))


class _Absent:
    """A key missing from the document (a tuple or None could be a value given)."""


_ABSENT: Any = _Absent()


def _film(slow: Hook, converter: cattrs.Converter) -> Hook:
    build = builder(Film)
    kinds, strict = _KINDS, converter.forbid_extra_keys
    hook = converter.get_structure_hook
    date, duration, rating = hook(PartialDate), hook(dt.timedelta), hook(Rating)
    credit, offer, content_rating = hook(Credit), hook(Offer), hook(ContentRating)
    external_ids = hook(ExternalIds)

    def structure_film(o: Any, t: Any) -> Any:
        if type(o) is not dict or (strict and not o.keys() <= _FILM_KEYS):
            return slow(o, t)
        title, kind = o.get("title"), o.get("kind", "movie")
        summary, original = o.get("summary"), o.get("original_title")
        genres = o.get("genres", _ABSENT)
        languages, countries = o.get("languages", _ABSENT), o.get("countries", _ABSENT)
        if not (
            is_text(title)
            and type(kind) is str
            and kind in kinds
            and (summary is None or is_text(summary))
            and (original is None or is_text(original))
            and (genres is _ABSENT or _all(genres, is_text))
            and (languages is _ABSENT or _all(languages, is_language_tag))
            and (countries is _ABSENT or _all(countries, is_region))
        ):
            return slow(o, t)
        try:
            # The item hooks are the fast ones above, which fall back on their own; a
            # failure anywhere sends the whole film to the constructor, to be reported.
            release_date = o.get("release_date")
            if release_date is not None:
                release_date = date(release_date, PartialDate)
            runtime = o.get("runtime")
            if runtime is not None:  # an ISO 8601 duration has no sign: never negative
                runtime = duration(runtime, dt.timedelta)
            ratings = _items(o.get("ratings", _ABSENT), rating, Rating)
            if len({r.source for r in ratings}) != len(ratings):
                return slow(o, t)
            ids = o.get("ids", _ABSENT)
            return build(
                title,
                kinds[kind],
                release_date,
                runtime,
                _items(o.get("content_ratings", _ABSENT), content_rating, ContentRating),
                () if genres is _ABSENT else tuple(genres),
                () if languages is _ABSENT else tuple(languages),
                () if countries is _ABSENT else tuple(countries),
                summary,
                _items(o.get("credits", _ABSENT), credit, Credit),
                ratings,
                _items(o.get("offers", _ABSENT), offer, Offer),
                NO_IDS if ids is _ABSENT else external_ids(ids, ExternalIds),
                original,
            )
        except Exception:
            return slow(o, t)

    return structure_film


def _all(value: Any, ok: Callable[[Any], bool]) -> bool:
    """Whether *value* is a list of strings that *ok* accepts."""
    return type(value) is list and all(type(x) is str and ok(x) for x in value)


def _items(value: Any, hook: Hook, cls: type[Any]) -> tuple[Any, ...]:
    if value is _ABSENT:
        return ()
    if type(value) is not list:
        raise TypeError  # the constructor says what is wrong
    return tuple([hook(x, cls) for x in value])


def _plain(make: Callable[[Hook], Hook]) -> Callable[[Hook, cattrs.Converter], Hook]:
    return lambda slow, _: make(slow)


#: The fast hook of each class, made from the class's generated cattrs hook and the
#: converter (whose hooks for the fields' classes are already registered).
FAST_HOOKS: dict[type[Any], Callable[[Hook, cattrs.Converter], Hook]] = {
    Credit: _plain(_credit),
    Rating: _plain(_rating),
    Offer: _plain(_offer),
    ContentRating: _plain(_content_rating),
    ExternalIds: _plain(_external_ids),
    Film: _film,
}
