"""schema.org JSON-LD: read the ``Movie`` block of a film page, write one for a film.

:func:`from_jsonld` reads the ``<script type="application/ld+json">`` block that film
pages (IMDb's among them) embed, in both IMDb generations: 2018 pages (``http://``
context, numbers as strings such as ``"8.6"``) and 2022+ pages (numbers, and HTML
entities such as ``&apos;`` inside strings). :func:`to_jsonld` writes a valid schema.org
``Movie`` that :func:`from_jsonld` reads back to the same facts. The field mapping and
the rules are in ``docs/formats/schemaorg.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from filmmeta._model import (
    SOURCES,
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    Offer,
    OfferType,
    PartialDate,
    Rating,
    Title,
    check_region,
    fmt_number,
    parse_runtime,
    read_float,
    read_int,
    shown_typed,
)
from filmmeta.exceptions import ROOT, UnsupportedDocumentError, ValidationError
from filmmeta.formats import _jsonld_extras as jsonld_extras
from filmmeta.formats._common import country_codes, field, guard_depth, language_codes, unique, warn
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names
from filmmeta.formats._jsonld import (
    CREDITS,
    ID_RES,
    load,
    named,
    names,
    parsed,
    single,
    single_text,
    text,
    texts,
    types,
    values,
)

# to_jsonld lives with the rest of the writing; this module is where it is public.
from filmmeta.formats._jsonld_write import to_jsonld

__all__ = ["from_jsonld", "to_jsonld"]

#: The types read as a film. IMDb typed a direct-to-video film ``CreativeWork`` in 2018.
_FILM_TYPES = ("Movie", "CreativeWork")
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
_OFFER_KEYS = {"provider": "seller", "type": "category", "region": "eligibleRegion"}
_OFFER_KEYS |= {"currency": "priceCurrency"}
# The credit properties read: schema.org's own, each followed by its superseded plural
# ("actors", "directors"), which Letterboxd still writes.
_PLURALS = {"actor": ("actors",), "director": ("directors",)}
_READ_CREDITS = tuple(
    (name, role) for key, role in CREDITS for name in (key, *_PLURALS.get(key, ()))
)


@guard_depth
def from_jsonld(
    obj_or_text: Any,
    *,
    rating_source: str | None = None,
    country: str = "US",
    genres: GenreNames = "canonical",
) -> Film:
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
        genres: ``"canonical"`` gives the genre vocabulary's names (IMDb's "Sci-Fi" is
            "Science Fiction"; a genre it does not know is kept as written), ``"source"``
            the page's own words.

    Returns:
        The film. Every string is HTML-unescaped (``L&apos;immortel`` -> ``L'immortel``).

    Raises:
        ValidationError: Text that is not JSON, or a malformed value; the path is the
            JSON-LD property (``duration``, ``aggregateRating.ratingValue``). Also for
            a *country* that is not a region code (path ``country``), and *genres* that
            is neither name (path ``genres``).
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
        >>> alien = {"@type": "Movie", "name": "Alien", "genre": ["Horror", "Sci-Fi"]}
        >>> from_jsonld(alien).genres, from_jsonld(alien, genres="source").genres
        (('Horror', 'Science Fiction'), ('Horror', 'Sci-Fi'))

    .. versionchanged:: 0.2.0
       Genres take the genre vocabulary's names unless ``genres="source"``.
    """
    check_region("country", country)
    genre_words = check_genre_names(genres)
    if rating_source is not None and type(rating_source) is not str:
        raise ValidationError.at(
            "rating_source", f"expected a source name, got {shown_typed(rating_source)}"
        )
    node = _film_node(load(obj_or_text))
    # A list of names or alternate names: the first is the name, the others are titles.
    all_names, alternates = texts(node, "name"), texts(node, "alternateName")
    name = all_names[0] if all_names else None
    alternate = alternates[0] if alternates else None
    # IMDb 2022+: name is the original title, alternateName the title in the page's region.
    title = alternate if alternate is not None else name
    if title is None:
        raise ValidationError.at("name", "a film needs a name")
    url = _url(node)
    releases = jsonld_extras.releases(node)
    published = parsed(node, "datePublished", PartialDate.parse)
    film: dict[str, Any] = {
        "kind": FilmKind.MOVIE,  # Movie and CreativeWork alike: schema.org has no finer type
        # schema.org dates are ISO 8601: an ambiguous "01/02/2003" is refused, not guessed.
        "release_date": published or min((r.date for r in releases), default=None),
        "runtime": parsed(node, "duration", parse_runtime),
        "content_ratings": _content_ratings(node, country),
        "genres": genre_names(unique(texts(node, "genre")), genre_words, source=None),
        "languages": language_codes(names(node, "inLanguage"), "inLanguage"),
        "countries": country_codes(names(node, "countryOfOrigin"), "countryOfOrigin"),
        "summary": single_text(node, "description"),
        "credits": _one_per_person(
            c for key, role in _READ_CREDITS for c in _credits(node, key, role)
        ),
        "ratings": _ratings(node, url, rating_source),
        "offers": [o for path, item in values(node, "offers") for o in _offers(item, path)],
        "ids": _ids(url, texts(node, "sameAs", url=True), single_text(node, "titleEIDR")),
        "original_title": name if name != title else None,
        "titles": [
            Title(t) for t in unique(all_names[1:] + alternates[1:]) if t not in (title, name)
        ],
        "releases": releases,
        "awards": jsonld_extras.awards(node),
        "images": jsonld_extras.images(node, url),
        "videos": jsonld_extras.videos(node, url),
        "keywords": jsonld_extras.keywords(node),
    }
    return Film(title, **film)


def _film_node(doc: Any) -> Mapping[str, Any]:
    if isinstance(doc, Mapping) and isinstance(doc.get("@graph"), list):
        items = doc["@graph"]
    elif isinstance(doc, Mapping):
        items = [doc]
    elif isinstance(doc, list):
        items = doc
    else:
        raise ValidationError.at(ROOT, f"expected a JSON-LD object, got {shown_typed(doc)}")
    nodes = [n for n in items if isinstance(n, Mapping)]
    # A WebPage may hold the film as its mainEntity.
    nodes += [n["mainEntity"] for n in nodes if isinstance(n.get("mainEntity"), Mapping)]
    for wanted in _FILM_TYPES:
        films = [n for n in nodes if wanted in types(n)]
        if len(films) > 1:
            raise UnsupportedDocumentError(f"{len(films)} {wanted} nodes: pass one film")
        if films:
            return films[0]
    found = sorted({t for n in nodes for t in types(n)})
    what = f"only {', '.join(found)}" if found else "no typed node"
    raise UnsupportedDocumentError(f"not a schema.org Movie: {what}")


def _content_ratings(node: Mapping[str, Any], country: str) -> list[ContentRating]:
    path, value = single(node, "contentRating")
    if isinstance(value, Mapping):  # a schema.org Rating object
        path, value = f"{path}.name", value.get("name")
    if (code := text(value, path)) is None:
        return []
    with field(path, inner=False):
        return [ContentRating.parse(code, country=country)]


def _credits(node: Mapping[str, Any], key: str, role: str) -> list[Credit]:
    found = []
    for outer, entry in values(node, key):
        path, item, character = outer, entry, None
        if isinstance(item, Mapping) and "PerformanceRole" in types(item):
            character = text(item.get("characterName"), f"{path}.characterName")
            path, item = f"{path}.{key}", item.get(key)
        # Companies are no credits: IMDb lists them, without names, as creators.
        if isinstance(item, Mapping) and "Organization" in types(item):
            continue
        if not isinstance(item, str | Mapping | None):
            raise ValidationError.at(path, f"expected a Person, got {shown_typed(item)}")
        if (name := named(item, path)) is not None:
            found.append(Credit(name, role, character=character))
    return found


def _one_per_person(credits: Iterable[Credit]) -> list[Credit]:
    """Keep one credit per (name, role), at its first place, with every character named.

    IMDb's 2018 pages list a writer once per writing credit ("screenplay", "story"),
    and a person may play two parts; the model holds a person once in each role, and
    the parts are joined as IMDb writes them ("Wolverine / Logan").
    """
    characters: dict[tuple[str, str], list[str]] = {}
    for credit in credits:
        found = characters.setdefault((credit.name, credit.role), [])
        if credit.character is not None and credit.character not in found:
            found.append(credit.character)
    return [
        Credit(name, role, character=" / ".join(parts) if parts else None)
        for (name, role), parts in characters.items()
    ]


def _url(node: Mapping[str, Any]) -> str | None:
    return single_text(node, "url", url=True) or single_text(node, "@id", url=True)


def _ids(url: str | None, same_as: list[str], eidr: str | None) -> ExternalIds:
    found: dict[str, Any] = {"other": {"eidr": eidr} if eidr is not None else {}}
    for link in [url, *same_as] if url else same_as:
        for name, pattern in ID_RES.items():
            if name not in found and (match := pattern.search(link)):
                found[name] = read_int(match[1], "url") if name == "tmdb" else match[1]
    with field("titleEIDR", inner=False):  # the ids found in URLs are valid by their patterns
        return ExternalIds(**found)


def _number(value: object, path: str) -> float:
    if type(value) is float or (type(value) is int and abs(value) < 2**53):
        return value
    if type(value) is str and _NUMBER.fullmatch(value := value.strip()):
        number = read_float(value, path)
        return read_int(value, path) if number.is_integer() and "." not in value else number
    raise ValidationError.at(path, f"expected a number, got {shown_typed(value)}")


def _count(value: object, path: str) -> int | None:
    if value is None:
        return None
    if type(value) is str and value.strip().replace(",", "").isdecimal():
        return read_int(value.strip().replace(",", ""), path)
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is not int:
        raise ValidationError.at(path, f"expected a count, got {shown_typed(value)}")
    return value


def _source(agg: Mapping[str, Any], url: str | None, given: str | None) -> str | None:
    if given is not None:
        return given
    author = agg.get("author")
    if isinstance(author, Mapping):
        author = author.get("name")
    if (name := text(author, "aggregateRating.author")) is not None:
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
    at, agg = single(node, "aggregateRating")
    if agg is None:
        return []
    if not isinstance(agg, Mapping):
        raise ValidationError.at(at, f"expected an object, got {shown_typed(agg)}")
    path = f"{at}."
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


def _offers(offer: object, path: str) -> list[Offer]:
    if not isinstance(offer, Mapping):
        raise ValidationError.at(path, f"expected an Offer, got {shown_typed(offer)}")
    provider = None
    for key in ("seller", "offeredBy", "provider"):
        provider = provider or named(offer.get(key), f"{path}.{key}")
    category = text(offer.get("category"), f"{path}.category")
    kind = _CATEGORIES.get(category.casefold()) if category else None
    if provider is None or kind is None:
        why = f"category {category!r} is not an offer type" if category else "no category"
        warn(f"{path}: {'no seller' if provider is None else why}: left out")
        return []
    regions = [name for p, item in values(offer, "eligibleRegion") if (name := named(item, p))]
    price = offer.get("price")
    if price is not None and type(price) not in (str, int, float):
        raise ValidationError.at(f"{path}.price", f"expected a price, got {shown_typed(price)}")
    terms: dict[str, Any] = {
        "price": text(price, f"{path}.price") if type(price) is str else price,
        "currency": text(offer.get("priceCurrency"), f"{path}.priceCurrency"),
        "url": text(offer.get("url"), f"{path}.url", url=True),
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
