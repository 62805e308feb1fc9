"""JustWatch: where to watch a film, from JustWatch API responses.

Two shapes are read. The legacy REST API (``apis.justwatch.com/content``, until 2023)
gives a title document whose ``offers`` name their provider by a numeric
``provider_id``, to be joined with the ``/providers`` list. The GraphQL API that replaced
it gives title nodes whose ``offers`` carry the provider's name in ``package.clearName``.
:func:`offers_from_justwatch` reads the offers of either; :func:`film_from_justwatch`
reads the whole title. The field mapping and the rules are in ``docs/formats/justwatch.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from filmmeta._model import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Offer,
    PartialDate,
    Rating,
    is_region,
    read_int,
    shown,
    shown_typed,
)
from filmmeta.exceptions import ROOT, UnsupportedDocumentError, ValidationError, join_path
from filmmeta.formats._common import (
    expect_list,
    expect_mapping,
    field,
    guard_depth,
    language_codes,
    load_json,
    text,
    warn,
)
from filmmeta.formats._justwatch_extras import title_images, title_videos
from filmmeta.formats._justwatch_offers import provider_names, read_offers

__all__ = ["film_from_justwatch", "offers_from_justwatch"]

_SHOWS = frozenset({"show", "show_season", "show_episode", "season", "episode"})
# Keys that only a title (legacy or GraphQL) has.
_TITLE_KEYS = frozenset({"offers", "object_type", "objectType", "content", "full_path"})
# Other documents of the API, told by a key of their first item, for the error message.
_LISTS = {"clear_name": "a provider list", "organization": "an age certification list"}
_LISTS |= {"translation": "a genre list", "clearName": "a provider list"}
_FULL_PATH = re.compile(r"/([a-z]{2})/")
# Film field -> (legacy key, GraphQL key inside "content"); None where a shape lacks it.
_FIELDS: dict[str, tuple[str | None, str | None]] = {
    "title": ("title", "title"),
    "original_title": ("original_title", "originalTitle"),
    "summary": ("short_description", "shortDescription"),
    "date": (None, "originalReleaseDate"),
    "year": ("original_release_year", "originalReleaseYear"),
    "runtime": ("runtime", "runtime"),
    "certification": ("age_certification", "ageCertification"),
    "scoring": ("scoring", "scoring"),
    "credits": ("credits", "credits"),
    "language": ("original_language", "originalLanguage"),
}


@guard_depth
def offers_from_justwatch(obj: Any, *, providers: Any = None) -> tuple[Offer, ...]:
    """Read the offers of a JustWatch title.

    Args:
        obj: A title document (legacy REST, or a GraphQL node or response holding one
            title), a list of offers, or the JSON text of any of these.
        providers: What names the legacy numeric ``provider_id``: the ``/providers``
            response (a list of ``{"id": 8, "clear_name": "Netflix", ...}``) or a
            mapping of ids to names. A provider it does not name is called
            ``"provider 8"``, with a warning.

    Returns:
        The offers, in the document's order. Monetization types ``flatrate``, ``rent``,
        ``buy``, ``free``, ``ads`` and ``cinema`` become subscription, rent, buy, free,
        ads and cinema; an offer of another type is left out with a warning.

    Raises:
        ValidationError: A malformed value, at its path (``offers[0].retail_price``).
        UnsupportedDocumentError: A document that is not a title: the genre, provider
            or age certification lists, a search result with several titles.

    Examples:
        >>> from filmmeta.formats.justwatch import offers_from_justwatch
        >>> title = {
        ...     "object_type": "movie",
        ...     "full_path": "/us/movie/star-wars",
        ...     "offers": [
        ...         {
        ...             "monetization_type": "buy",
        ...             "presentation_type": "hd",
        ...             "provider_id": 2,
        ...             "retail_price": 19.99,
        ...             "currency": "USD",
        ...         }
        ...     ],
        ... }
        >>> offers_from_justwatch(title, providers=[{"id": 2, "clear_name": "Apple iTunes"}])
        (Offer(provider='Apple iTunes', type=<OfferType.BUY: 'buy'>, region='US', price=Decimal('19.99'), currency='USD', quality=<Quality.HD: 'hd'>, url=None, available_from=None, available_until=None, audio_languages=(), subtitle_languages=(), features=()),)
    """  # noqa: E501
    names = provider_names(providers)
    doc = _load(obj)
    if isinstance(doc, list) and all(isinstance(i, Mapping) and _kind_key(i) for i in doc):
        return read_offers([("", doc)], None, names)
    node = _title(doc)
    return read_offers(_offer_lists(node), _region(node), names)


@guard_depth
def film_from_justwatch(obj: Any, *, providers: Any = None) -> Film:
    """Read a film from a JustWatch title document (legacy REST or GraphQL).

    Args:
        obj: The title: a legacy ``/titles/movie/{id}/locale/{locale}`` response, a
            GraphQL title node or a response holding one, or the JSON text of these.
        providers: What names legacy provider ids; see :func:`offers_from_justwatch`.

    Returns:
        The film: title, original title, year (or GraphQL's release date), runtime,
        summary, age certification (for the country of the title's ``full_path``),
        IMDb, TMDb and Rotten Tomatoes scores, credits, ids, original language, poster
        and backdrops, clips (trailers on YouTube) and offers.

    Raises:
        ValidationError: A malformed value, at its path.
        UnsupportedDocumentError: A show, season or episode, or a document that is not
            a title.

    Examples:
        >>> from filmmeta.formats.justwatch import film_from_justwatch
        >>> film = film_from_justwatch(
        ...     {
        ...         "id": 1,
        ...         "object_type": "movie",
        ...         "title": "Star Wars",
        ...         "full_path": "/us/movie/star-wars",
        ...         "original_release_year": 1977,
        ...         "runtime": 121,
        ...         "age_certification": "PG",
        ...         "scoring": [{"provider_type": "tomato:meter", "value": 93}],
        ...         "external_ids": [{"provider": "imdb", "external_id": "tt0076759"}],
        ...     }
        ... )
        >>> film.year, film.runtime, film.content_rating("US").code, film.ids.imdb
        (1977, datetime.timedelta(seconds=7260), 'PG', 'tt0076759')
        >>> film.rating("rotten_tomatoes").display, film.ids.justwatch
        ('93%', 1)
    """
    names = provider_names(providers)
    node = _title(_load(obj))
    graphql = "content" in node or "objectType" in node
    info = expect_mapping(node.get("content", {}), "content") if graphql else node
    kind = text(node.get("objectType" if graphql else "object_type"), "object_type")
    if kind is not None and kind.lower() in _SHOWS:
        raise UnsupportedDocumentError(f"a JustWatch {kind.lower()}, not a film")

    def get(name: str) -> tuple[str, Any]:
        key = _FIELDS[name][graphql]
        return ("content." if graphql else "") + (key or name), info.get(key) if key else None

    title = text(*reversed(get("title")))
    if title is None:
        raise ValidationError.at(get("title")[0], "a film needs a title")
    original = text(*reversed(get("original_title")))
    where = _region(node)
    language = text(*reversed(get("language")))
    film: dict[str, Any] = {
        "original_title": original if original != title else None,
        "summary": text(*reversed(get("summary"))),
        "release_date": _release(*get("date")) or _release(*get("year")),
        "runtime": _int(*get("runtime")) or None,  # 0 is JustWatch's "unknown"
        "content_ratings": _certification(*get("certification"), where),
        "ratings": _scores(*get("scoring"), graphql=graphql),
        "credits": _credits(*get("credits")),
        "ids": _ids(node, info, graphql=graphql),
        "languages": language_codes([language] if language else [], get("language")[0]),
        "offers": read_offers(_offer_lists(node), where, names),
        "images": title_images(info, graphql=graphql),
        "videos": title_videos(info, graphql=graphql),
    }
    return Film(title, **film)


# -- finding the title and its offers -------------------------------------------------------


def _load(obj: Any) -> Any:
    return load_json(obj)


def _kind_key(offer: Mapping[str, Any]) -> str | None:
    for key in ("monetization_type", "monetizationType"):
        if key in offer:
            return key
    return None


def _title(doc: Any, path: str = ROOT) -> Mapping[str, Any]:
    """Find the one title in a legacy document or a GraphQL response."""
    if isinstance(doc, list):
        first = doc[0] if doc and isinstance(doc[0], Mapping) else {}
        what = next((name for key, name in _LISTS.items() if key in first), "a list")
        raise UnsupportedDocumentError(f"not a JustWatch title: {what}")
    node = expect_mapping(doc, path)
    if _TITLE_KEYS & node.keys() or node.get("__typename") in ("Movie", "Show"):
        return node
    for key in ("edges", "items"):  # a GraphQL connection, a legacy search result
        if isinstance(found := node.get(key), list):
            if len(found) != 1:
                raise UnsupportedDocumentError(f"{len(found)} titles: pass one title")
            item = found[0]
            inner = item.get("node") if isinstance(item, Mapping) and key == "edges" else item
            return _title(inner, join_path(path, f"{key}[0]"))
    # A GraphQL response ({"data": {"urlV2": {"node": {...}}}}): one way down.
    down = [(k, v) for k, v in node.items() if isinstance(v, Mapping) and k != "extensions"]
    if len(down) == 1:
        return _title(down[0][1], join_path(path, str(down[0][0])))
    if node.get("errors"):
        raise UnsupportedDocumentError(f"a GraphQL error response: {node['errors']!r:.200}")
    raise UnsupportedDocumentError(f"not a JustWatch title (keys {sorted(map(str, node))[:8]})")


def _offer_lists(node: Mapping[str, Any]) -> list[tuple[str, list[Any] | tuple[Any, ...]]]:
    lists = []
    if node.get("offers") is not None:
        lists.append(("offers", expect_list(node["offers"], "offers")))
    # GraphQL queries that alias offers by country: {"US": [...], "GB": [...]}.
    lists += [(k, v) for k, v in node.items() if is_region(k) and isinstance(v, list)]
    return lists


def _region(node: Mapping[str, Any]) -> str | None:
    content = node.get("content")
    for found in (
        node.get("full_path"),
        content.get("fullPath") if isinstance(content, Mapping) else None,
    ):
        if isinstance(found, str) and (match := _FULL_PATH.match(found)):
            return match[1].upper() if is_region(match[1].upper()) else None
    return None


# -- the rest of a title --------------------------------------------------------------------


def _int(path: str, value: object) -> int | None:
    if value is None or type(value) is int:
        return value
    if type(value) is float and value.is_integer():  # GraphQL counts come as 1956171.0
        return int(value)
    raise ValidationError.at(path, f"expected an integer, got {shown_typed(value)}")


def _release(path: str, value: object) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, str):
        with field(path):
            # ISO 8601 ("2008-07-18"): no convention to pass, and nothing else is guessed.
            return PartialDate.parse(value)
    year = _int(path, value)
    with field(path, inner=False):
        return None if year is None else PartialDate(year)


def _certification(path: str, value: object, where: str | None) -> list[ContentRating]:
    if (code := text(value, path)) is None:
        return []
    if where is None:
        warn(f"{path}: {shown(code)} has no country (no full_path such as '/us/...'): left out")
        return []
    with field(path, inner=False):
        return [ContentRating.parse(code, country=where)]


def _scores(path: str, value: object, *, graphql: bool) -> list[Rating]:
    if value is None:
        return []
    found: dict[Any, Any]
    if graphql:
        found = dict(expect_mapping(value, path))
        keys = {"imdb": "imdbScore", "votes": "imdbVotes", "tmdb": "tmdbScore"}
        keys["rotten_tomatoes"] = "tomatoMeter"
    else:
        found = {}
        for i, item in enumerate(expect_list(value, path)):
            item = expect_mapping(item, f"{path}[{i}]")  # noqa: PLW2901
            provider_type = item.get("provider_type")
            if type(provider_type) is str:  # anything else names no score
                found[provider_type] = item.get("value")
        keys = {"imdb": "imdb:score", "votes": "imdb:votes", "tmdb": "tmdb:score"}
        keys["rotten_tomatoes"] = "tomato:meter"
    ratings = []
    for source in ("imdb", "tmdb", "rotten_tomatoes"):
        score = found.get(keys[source])
        if score is None:
            continue
        votes = (
            _int(f"{path}.{keys['votes']}", found.get(keys["votes"])) if source == "imdb" else None
        )
        with field(f"{path}.{keys[source]}", inner=False):
            ratings.append(Rating(source, score, votes=votes))
    return ratings


def _credits(path: str, value: object) -> list[Credit]:
    found = []
    for i, item in enumerate(expect_list(value, path) if value is not None else ()):
        item = expect_mapping(item, f"{path}[{i}]")  # noqa: PLW2901
        name = text(item.get("name"), f"{path}[{i}].name")
        role = text(item.get("role"), f"{path}[{i}].role")
        character = text(item.get("character_name", item.get("characterName")), f"{path}[{i}]")
        if name is not None and role is not None:
            with field(f"{path}[{i}]"):
                found.append(Credit(name, role.lower(), character=character))
    return found


def _ids(node: Mapping[str, Any], info: Mapping[str, Any], *, graphql: bool) -> ExternalIds:
    found: dict[str, Any]
    tmdb_path = "content.externalIds.tmdbId"
    if graphql:
        given = expect_mapping(info.get("externalIds") or {}, "content.externalIds")
        found = {"imdb": given.get("imdbId"), "tmdb": given.get("tmdbId")}
        found["justwatch"] = node.get("objectId")
    else:
        found = {}
        for i, item in enumerate(expect_list(node.get("external_ids") or [], "external_ids")):
            item = expect_mapping(item, f"external_ids[{i}]")  # noqa: PLW2901
            if (provider := item.get("provider")) in ("imdb", "tmdb"):
                found[provider] = item.get("external_id")
                if provider == "tmdb":
                    tmdb_path = f"external_ids[{i}].external_id"
        found["justwatch"] = node.get("id")
    if isinstance(tmdb := found.get("tmdb"), str) and tmdb.isdecimal():
        found["tmdb"] = read_int(tmdb, tmdb_path)  # the legacy API writes "11"
    if type(found["justwatch"]) is not int:  # GraphQL's "id" is "tm123": not the number
        found["justwatch"] = None
    with field("content.externalIds" if graphql else "external_ids"):
        return ExternalIds(**{k: v for k, v in found.items() if v is not None})
