"""schema.org JSON-LD: read the ``Movie`` block of a film page, write one for a film.

:func:`from_jsonld` reads the ``<script type="application/ld+json">`` block that film
pages (IMDb's among them) embed, in both IMDb generations: 2018 pages (``http://``
context, numbers as strings such as ``"8.6"``) and 2022+ pages (numbers, and HTML
entities such as ``&apos;`` inside strings). :func:`to_jsonld` writes a valid schema.org
``Movie`` that :func:`from_jsonld` reads back to the same facts. The field mapping and
the rules are in ``docs/formats/schemaorg.md``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from filmmeta._availability import Offer, OfferType
from filmmeta._certification import ContentRating
from filmmeta._dates import PartialDate
from filmmeta._film import Credit, ExternalIds, Film, FilmKind, Role
from filmmeta._ratings import SOURCES, Rating
from filmmeta._runtime import format_iso_duration, parse_runtime
from filmmeta._validate import check_region, describe, fmt_number
from filmmeta.exceptions import ROOT, UnsupportedDocumentError, ValidationError
from filmmeta.formats._common import (
    country_codes,
    field,
    guard_depth,
    language_codes,
    text,
    unique,
    warn,
)

__all__ = ["from_jsonld", "to_jsonld"]

T = TypeVar("T")

#: The types read as a film. IMDb typed a direct-to-video film ``CreativeWork`` in 2018.
_FILM_TYPES = ("Movie", "CreativeWork")
_TYPE_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
# JSON-LD property -> credit role, in the order to_jsonld writes them. IMDb's "creator"
# lists the writers (and production companies, which are not credits).
_CREDITS = (
    ("director", Role.DIRECTOR),
    ("creator", Role.WRITER),
    ("actor", Role.ACTOR),
    ("producer", Role.PRODUCER),
    ("musicBy", Role.COMPOSER),
)
# External id -> (URL template, pattern that finds the id in a URL). An id whose value
# the pattern would not read back is not written.
_SLUG = r"[A-Za-z0-9._~-]+"
_ID_URLS = {
    "imdb": ("https://www.imdb.com/title/{}/", r"(?:imdb\.com|^)/title/(tt\d{7,})"),
    "tmdb": ("https://www.themoviedb.org/movie/{}", r"themoviedb\.org/movie/([1-9]\d*)"),
    "wikidata": ("https://www.wikidata.org/wiki/{}", r"wikidata\.org/(?:wiki|entity)/(Q[1-9]\d*)"),
    "letterboxd": ("https://letterboxd.com/film/{}/", rf"letterboxd\.com/film/({_SLUG})"),
    "metacritic": ("https://www.metacritic.com/movie/{}", rf"metacritic\.com/movie/({_SLUG})"),
    "rotten_tomatoes": (
        "https://www.rottentomatoes.com/{}",
        rf"rottentomatoes\.com/((?:{_SLUG}/)*{_SLUG})",
    ),
}
_ID_RES = {name: re.compile(pattern, re.ASCII) for name, (_, pattern) in _ID_URLS.items()}
# Page hosts whose aggregateRating is known to come from that site's registry source.
_HOST_SOURCES = (
    (re.compile(r"^/title/tt\d|^https?://(?:[\w-]+\.)*imdb\.com/", re.ASCII), "imdb"),
    (re.compile(r"^https?://(?:[\w-]+\.)*letterboxd\.com/"), "letterboxd"),
    (re.compile(r"^https?://(?:[\w-]+\.)*rottentomatoes\.com/"), "rotten_tomatoes"),
    (re.compile(r"^https?://(?:[\w-]+\.)*metacritic\.com/"), "metacritic"),
)
_CATEGORIES = {
    **{t.value: t for t in OfferType},
    "flatrate": OfferType.SUBSCRIPTION,
    "rental": OfferType.RENT,
    "purchase": OfferType.BUY,
}
_NUMBER = re.compile(r"[+-]?(?:\d+(\.\d*)?|\.\d+)", re.ASCII)
# Model field -> JSON-LD key, for errors raised by the model classes.
_RATING_KEYS = {"value": "ratingValue", "best": "bestRating", "worst": "worstRating"}
_RATING_KEYS |= {"votes": "ratingCount"}
# Entities that may stand in a URL: "&copy=1" in a query is no copyright sign.
_URL_ENTITY = re.compile(r"&(?:amp|#38|#x26);", re.IGNORECASE)
_OFFER_KEYS = {"provider": "seller", "type": "category", "region": "eligibleRegion"}
_OFFER_KEYS |= {"currency": "priceCurrency"}


@guard_depth
def from_jsonld(obj_or_text: Any, *, rating_source: str | None = None, country: str = "US") -> Film:
    """Read a film from a schema.org ``Movie`` in JSON-LD.

    Args:
        obj_or_text: The parsed JSON (an object, a list of nodes, or an object with an
            ``@graph``), or its text: JSON, or the body of a ``<script>`` element, with
            or without a CDATA wrapper.
        rating_source: The registry source of the ``aggregateRating`` (``"imdb"``).
            Without it the source is read from the rating's ``author``, else from the
            page ``url`` (imdb.com or a relative ``/title/tt...`` url give ``"imdb"``); a
            rating whose source cannot be told is left out with a warning.
        country: The ISO 3166-1 country whose rating ``contentRating`` is.

    Returns:
        The film. Every string is HTML-unescaped (``L&apos;immortel`` -> ``L'immortel``).

    Raises:
        ValidationError: Text that is not JSON, or a malformed value; the path is the
            JSON-LD property (``duration``, ``aggregateRating.ratingValue``). Also for
            a *country* that is not a region code (path ``country``).
        UnsupportedDocumentError: No ``Movie`` node (a ``TVSeries``, a ``WebPage``), or
            several of them.

    Examples:
        >>> from filmmeta.formats.schemaorg import from_jsonld
        >>> film = from_jsonld('''{"@context": "https://schema.org", "@type": "Movie",
        ...     "url": "/title/tt1167638/", "name": "L&apos;immortel",
        ...     "alternateName": "22 Bullets", "duration": "PT1H57M",
        ...     "contentRating": "Not Rated", "aggregateRating": {"@type": "AggregateRating",
        ...     "ratingCount": 35051, "bestRating": 10, "worstRating": 1, "ratingValue": 6.6}}''')
        >>> film.title, film.original_title, film.ids.imdb, film.rating("imdb").display
        ('22 Bullets', "L'immortel", 'tt1167638', '6.6 (35,051)')
        >>> film.runtime, film.content_rating("US").code
        (datetime.timedelta(seconds=7020), 'Not Rated')
    """
    check_region("country", country)
    if rating_source is not None and type(rating_source) is not str:
        raise ValidationError.at(
            "rating_source", f"expected a source name, got {describe(rating_source)}"
        )
    node = _film_node(_load(obj_or_text))
    name = _text(node.get("name"), "name")
    alternate = _first_text(node.get("alternateName"), "alternateName")
    # IMDb 2022+: name is the original title, alternateName the title in the page's region.
    title = alternate if alternate is not None else name
    if title is None:
        raise ValidationError.at("name", "a film needs a name")
    url = _url(node)
    film: dict[str, Any] = {
        "kind": FilmKind.MOVIE,  # Movie and CreativeWork alike: schema.org has no finer type
        "release_date": _parsed(node, "datePublished", PartialDate.parse),
        "runtime": _parsed(node, "duration", parse_runtime),
        "content_ratings": _content_ratings(node, country),
        "genres": unique(_texts(node, "genre")),
        "languages": language_codes(_names(node, "inLanguage"), "inLanguage"),
        "countries": country_codes(_names(node, "countryOfOrigin"), "countryOfOrigin"),
        "summary": _text(node.get("description"), "description"),
        "credits": [c for key, role in _CREDITS for c in _credits(node, key, role)],
        "ratings": _ratings(node, url, rating_source),
        "offers": [o for path, item in _items(node, "offers") for o in _offers(item, path)],
        "ids": _ids(url, _texts(node, "sameAs", url=True)),
        "original_title": name if name != title else None,
    }
    return Film(title, **film)


def to_jsonld(film: Film, *, rating_source: str | None = None) -> dict[str, Any]:
    """Write a film as a schema.org ``Movie`` in JSON-LD.

    Args:
        film: The film.
        rating_source: The rating to write as the ``aggregateRating``; without it, the
            rating with the most votes (the first on a tie). A film without a rating
            from *rating_source* gets no ``aggregateRating``.

    Returns:
        The JSON-LD object, ready for :func:`json.dumps`. ``bestRating`` and
        ``worstRating`` are always written (schema.org would otherwise assume 5 and 1).

    Raises:
        ValidationError: *film* is not a :class:`~filmmeta.Film`.

    Examples:
        >>> from filmmeta import ExternalIds, Film, Rating
        >>> from filmmeta.formats.schemaorg import from_jsonld, to_jsonld
        >>> film = Film(
        ...     "Backstage",
        ...     release_date="2000",
        ...     runtime=86,
        ...     ratings=[Rating("imdb", 5.7, votes=347)],
        ...     ids=ExternalIds(imdb="tt0234567"),
        ... )
        >>> doc = to_jsonld(film)
        >>> doc["url"], doc["duration"], doc["aggregateRating"]["bestRating"]
        ('https://www.imdb.com/title/tt0234567/', 'PT1H26M', 10)
        >>> from_jsonld(doc) == film
        True
    """
    if not isinstance(film, Film):
        raise ValidationError.at(ROOT, f"expected a Film, got {describe(film)}")
    doc: dict[str, Any] = {"@context": "https://schema.org", "@type": "Movie"}
    ids = film.ids
    urls = {n: t.format(v) for n, (t, _) in _ID_URLS.items() if _writable(n, v := getattr(ids, n))}
    if "imdb" in urls:
        doc["url"] = urls.pop("imdb")
    original = film.original_title if film.original_title != film.title else None
    doc["name"] = _escape(original or film.title)
    if original is not None:
        doc["alternateName"] = _escape(film.title)
    if urls:
        doc["sameAs"] = list(urls.values())
    if film.genres:
        doc["genre"] = [_escape(g) for g in film.genres]
    if rated := film.content_rating("US") or next(iter(film.content_ratings), None):
        doc["contentRating"] = _escape(rated.code)
    for key, role in _CREDITS:
        people = [_person_out(key, c) for c in film.credits if c.role == role]
        if people:
            doc[key] = people
    if film.summary is not None:
        doc["description"] = _escape(film.summary)
    if film.release_date is not None:
        doc["datePublished"] = str(film.release_date)
    if film.languages:
        doc["inLanguage"] = film.languages[0] if len(film.languages) == 1 else list(film.languages)
    if film.countries:
        doc["countryOfOrigin"] = [{"@type": "Country", "name": c} for c in film.countries]
    if (rating := _pick_rating(film, rating_source)) is not None:
        doc["aggregateRating"] = _rating_out(rating)
    if film.runtime is not None:
        doc["duration"] = format_iso_duration(film.runtime)
    if film.offers:
        doc["offers"] = [_offer_out(o) for o in film.offers]
    return doc


# -- reading ------------------------------------------------------------------------------


def _load(obj_or_text: Any) -> Any:
    if isinstance(obj_or_text, bytes | bytearray):
        try:
            obj_or_text = obj_or_text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ValidationError.at(ROOT, f"not UTF-8 text: {err.reason}") from None
    if not isinstance(obj_or_text, str):
        return obj_or_text
    body = obj_or_text.strip()
    if script := re.match(r"<script\b[^>]*>", body, re.IGNORECASE):
        end = -9 if body[-9:].lower() == "</script>" else len(body)
        body = body[script.end() : end].strip()
    if opener := re.match(r"(?://|/\*)?[ \t]*<!\[CDATA\[(?:[ \t]*\*/)?", body):
        body = body[opener.end() :]
    end = body.rfind("]]>")
    if end != -1 and not body[end + 3 :].strip(" \t\r\n*/"):
        body = body[:end].rstrip()
        body = body[:-2] if body.endswith(("//", "/*")) else body
    try:
        return json.loads(body)
    except json.JSONDecodeError as err:
        raise ValidationError.at(ROOT, f"not JSON: {err.msg} (line {err.lineno})") from None
    except RecursionError:
        raise ValidationError.at(ROOT, "not JSON: nested too deeply") from None


def _types(node: Mapping[str, Any]) -> list[str]:
    found = node.get("@type")
    names = found if isinstance(found, list) else [found]
    return [_strip_prefix(t) for t in names if isinstance(t, str)]


def _strip_prefix(name: str) -> str:
    for prefix in _TYPE_PREFIXES:
        name = name.removeprefix(prefix)
    return name


def _film_node(doc: Any) -> Mapping[str, Any]:
    if isinstance(doc, Mapping) and isinstance(doc.get("@graph"), list):
        items = doc["@graph"]
    elif isinstance(doc, Mapping):
        items = [doc]
    elif isinstance(doc, list):
        items = doc
    else:
        raise ValidationError.at(ROOT, f"expected a JSON-LD object, got {describe(doc)}")
    nodes = [n for n in items if isinstance(n, Mapping)]
    # A WebPage may hold the film as its mainEntity.
    nodes += [n["mainEntity"] for n in nodes if isinstance(n.get("mainEntity"), Mapping)]
    for wanted in _FILM_TYPES:
        films = [n for n in nodes if wanted in _types(n)]
        if len(films) > 1:
            raise UnsupportedDocumentError(f"{len(films)} {wanted} nodes: pass one film")
        if films:
            return films[0]
    found = sorted({t for n in nodes for t in _types(n)})
    what = f"only {', '.join(found)}" if found else "no typed node"
    raise UnsupportedDocumentError(f"not a schema.org Movie: {what}")


def _text(value: object, path: str, *, url: bool = False) -> str | None:
    if type(value) is str:
        value = _URL_ENTITY.sub("&", value) if url else html.unescape(value)
    return text(value, path)


def _items(node: Mapping[str, Any], key: str) -> list[tuple[str, Any]]:
    value = node.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return [(f"{key}[{i}]", item) for i, item in enumerate(value)]
    return [(key, value)]


def _texts(node: Mapping[str, Any], key: str, *, url: bool = False) -> list[str]:
    items = _items(node, key)
    return [t for path, item in items if (t := _text(item, path, url=url)) is not None]


def _first_text(value: object, path: str) -> str | None:
    if isinstance(value, list):
        return _first_text(value[0], f"{path}[0]") if value else None
    return _text(value, path)


def _names(node: Mapping[str, Any], key: str) -> list[str]:
    """Read Text values or named things (a Language, a Country)."""
    return [name for path, item in _items(node, key) if (name := _named(item, path))]


def _parsed(node: Mapping[str, Any], key: str, parse: Callable[[str], T]) -> T | None:
    if (value := _text(node.get(key), key)) is None:
        return None
    with field(key):
        return parse(value)


def _content_ratings(node: Mapping[str, Any], country: str) -> list[ContentRating]:
    value = node.get("contentRating")
    path = "contentRating"
    if isinstance(value, list):  # several: the first, as for alternateName
        path, value = f"{path}[0]", value[0] if value else None
    if isinstance(value, Mapping):  # a schema.org Rating object
        path, value = f"{path}.name", value.get("name")
    if (code := _text(value, path)) is None:
        return []
    with field(path, inner=False):
        return [ContentRating.parse(code, country=country)]


def _credits(node: Mapping[str, Any], key: str, role: str) -> list[Credit]:
    found = []
    for outer, entry in _items(node, key):
        path, item, character = outer, entry, None
        if isinstance(item, Mapping) and "PerformanceRole" in _types(item):
            character = _text(item.get("characterName"), f"{path}.characterName")
            path, item = f"{path}.{key}", item.get(key)
        # Companies are no credits: IMDb lists them, without names, as creators.
        if isinstance(item, Mapping) and "Organization" in _types(item):
            continue
        if not isinstance(item, str | Mapping | None):
            raise ValidationError.at(path, f"expected a Person, got {describe(item)}")
        if (name := _named(item, path)) is not None:
            found.append(Credit(name, role, character=character))
    return found


def _url(node: Mapping[str, Any]) -> str | None:
    return _text(node.get("url"), "url", url=True) or _text(node.get("@id"), "@id", url=True)


def _ids(url: str | None, same_as: list[str]) -> ExternalIds:
    found: dict[str, Any] = {}
    for link in [url, *same_as] if url else same_as:
        for name, pattern in _ID_RES.items():
            if name not in found and (match := pattern.search(link)):
                found[name] = int(match[1]) if name == "tmdb" else match[1]
    return ExternalIds(**found)


def _writable(name: str, value: object) -> bool:
    # Only ids that the reading pattern finds again in the written URL.
    if value is None:
        return False
    match = _ID_RES[name].search(_ID_URLS[name][0].format(value))
    return match is not None and match[1] == str(value)


def _number(value: object, path: str) -> float:
    if type(value) is float or (type(value) is int and abs(value) < 2**53):
        return value
    if type(value) is str and _NUMBER.fullmatch(value := value.strip()):
        number = float(value)
        return int(value) if number.is_integer() and "." not in value else number
    raise ValidationError.at(path, f"expected a number, got {describe(value)}")


def _count(value: object, path: str) -> int | None:
    if value is None:
        return None
    if type(value) is str and value.strip().replace(",", "").isdecimal():
        return int(value.strip().replace(",", ""))
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is not int:
        raise ValidationError.at(path, f"expected a count, got {describe(value)}")
    return value


def _source(agg: Mapping[str, Any], url: str | None, given: str | None) -> str | None:
    if given is not None:
        return given
    author = agg.get("author")
    if isinstance(author, Mapping):
        author = author.get("name")
    if (name := _text(author, "aggregateRating.author")) is not None:
        for source in SOURCES.values():
            if name.casefold() in (source.name, source.display_name.casefold()):
                return source.name
        warn(
            f"aggregateRating: the author {name!r} is no known rating source; pass "
            "rating_source= to keep the rating: left out"
        )
        return None
    for pattern, source_name in _HOST_SOURCES:
        if url is not None and pattern.search(url):
            return source_name
    warn(
        "aggregateRating: its source cannot be told from the page; pass rating_source= "
        "to keep the rating: left out"
    )
    return None


def _ratings(node: Mapping[str, Any], url: str | None, given: str | None) -> list[Rating]:
    agg = node.get("aggregateRating")
    if agg is None:
        return []
    if not isinstance(agg, Mapping):
        raise ValidationError.at("aggregateRating", f"expected an object, got {describe(agg)}")
    path = "aggregateRating."
    if (source := _source(agg, url, given)) is None:
        return []
    value = _number(agg.get("ratingValue"), path + "ratingValue")
    votes = _count(agg.get("ratingCount", agg.get("reviewCount")), path + "ratingCount")
    best = agg.get("bestRating")
    best = None if best is None else _number(best, path + "bestRating")
    known = SOURCES.get(source)
    scale: dict[str, float] = {}
    if known is None:  # schema.org's defaults when the page gives no scale
        scale["best"] = 5 if best is None else best
        worst = agg.get("worstRating")
        scale["worst"] = 1 if worst is None else _number(worst, path + "worstRating")
    elif best is not None and best != known.best:
        raise ValidationError.at(
            path + "bestRating",
            f"{fmt_number(best)} contradicts the {source} scale (best {fmt_number(known.best)})",
        )
    try:
        return [Rating(source, value, votes=votes, **scale)]
    except ValidationError as err:
        where = {p: path + key for p, key in _RATING_KEYS.items()} | {"source": "rating_source"}
        raise ValidationError([(where.get(p, p), m) for p, m in err.errors]) from None


def _named(value: object, path: str) -> str | None:
    if isinstance(value, Mapping):
        path, value = f"{path}.name", value.get("name")
    return _text(value, path)


def _offers(offer: object, path: str) -> list[Offer]:
    if not isinstance(offer, Mapping):
        raise ValidationError.at(path, f"expected an Offer, got {describe(offer)}")
    provider = None
    for key in ("seller", "offeredBy", "provider"):
        provider = provider or _named(offer.get(key), f"{path}.{key}")
    category = _text(offer.get("category"), f"{path}.category")
    kind = _CATEGORIES.get(category.casefold()) if category else None
    if provider is None or kind is None:
        why = f"category {category!r} is not an offer type" if category else "no category"
        warn(f"{path}: {'no seller' if provider is None else why}: left out")
        return []
    regions = [name for p, item in _items(offer, "eligibleRegion") if (name := _named(item, p))]
    price = offer.get("price")
    if price is not None and type(price) not in (str, int, float):
        raise ValidationError.at(f"{path}.price", f"expected a price, got {describe(price)}")
    terms = {
        "price": _text(price, f"{path}.price") if type(price) is str else price,
        "currency": _text(offer.get("priceCurrency"), f"{path}.priceCurrency"),
        "url": _text(offer.get("url"), f"{path}.url", url=True),
    }
    found = []
    for region in country_codes(regions, f"{path}.eligibleRegion") or (None,):
        try:
            found.append(Offer(provider, kind, region=region, **terms))
        except ValidationError as err:
            raise ValidationError(
                [(f"{path}.{_OFFER_KEYS.get(p, p)}", m) for p, m in err.errors]
            ) from None
    return found


# -- writing ------------------------------------------------------------------------------


def _escape(value: str) -> str:
    # Readers unescape HTML entities (IMDb writes them); text that would change when
    # unescaped gets its "&" escaped, so that it reads back as written.
    return value.replace("&", "&amp;") if html.unescape(value) != value else value


def _person_out(key: str, credit: Credit) -> dict[str, Any]:
    person = {"@type": "Person", "name": _escape(credit.name)}
    if credit.character is None:
        return person
    return {"@type": "PerformanceRole", key: person, "characterName": _escape(credit.character)}


def _pick_rating(film: Film, source: str | None) -> Rating | None:
    if source is not None:
        return film.rating(source)
    best: Rating | None = None
    for rating in film.ratings:
        if best is None or (rating.votes or -1) > (best.votes or -1):
            best = rating
    return best


def _rating_out(rating: Rating) -> dict[str, Any]:
    out = {
        "@type": "AggregateRating",
        "ratingValue": rating.value,
        "bestRating": rating.best,
        "worstRating": rating.worst,
        "ratingCount": rating.votes,
        # The author names the source, so that a reader need not guess it from the page.
        "author": {"@type": "Organization", "name": rating.display_name},
    }
    return {k: v for k, v in out.items() if v is not None}


def _offer_out(offer: Offer) -> dict[str, Any]:
    url = offer.url
    out = {
        "@type": "Offer",
        "category": offer.type.value,
        "seller": {"@type": "Organization", "name": _escape(offer.provider)},
        "price": None if offer.price is None else format(offer.price, "f"),
        "priceCurrency": offer.currency,
        "eligibleRegion": offer.region,
        "url": url.replace("&", "&amp;") if url and _URL_ENTITY.search(url) else url,
    }
    return {k: v for k, v in out.items() if v is not None}
