"""The fields of a ``<movie>`` NFO, as Kodi, Jellyfin, MediaElch and others write them.

Every reader here takes the root element and returns model values. A value that cannot
be read (a rating above its scale, a date that is no date, an id of the wrong shape) is
left out with a :class:`~filmmeta.FilmmetaWarning` naming its place in the NFO, as Kodi
itself skips it: one bad field in a hand-edited file does not lose the film.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from filmmeta._model import (
    MAX_INT,
    MAX_NUMBER_TEXT,
    SOURCES,
    ContentRating,
    Credit,
    PartialDate,
    Rating,
    Role,
    country_from_name,
    parse_runtime,
    read_int,
    shown,
)
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import country_codes, unique, warn

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = [
    "content_ratings",
    "credits",
    "genres",
    "ids",
    "ratings",
    "release_date",
    "runtime",
    "text",
    "texts",
]

T = TypeVar("T")

#: Kodi's rating names (and MediaElch's, tinyMediaManager's, Jellyfin's), compared
#: without case and punctuation, to the registry's sources.
RATING_SOURCES = {
    "imdb": "imdb",
    "themoviedb": "tmdb",
    "tmdb": "tmdb",
    "trakt": "trakt",
    "metacritic": "metacritic",
    "metascore": "metacritic",
    "metacriticuser": "metacritic_user",
    "tomatometerallcritics": "rotten_tomatoes",
    "tomatometer": "rotten_tomatoes",
    "rottentomatoes": "rotten_tomatoes",
    "tomatometerallaudience": "rotten_tomatoes_audience",
    "rottentomatoesaudience": "rotten_tomatoes_audience",
    "letterboxd": "letterboxd",
    "douban": "douban",
    "kinopoisk": "kinopoisk",
    "filmaffinity": "filmaffinity",
    "mubi": "mubi",
}
#: The kind, in :func:`ids`, of Kodi's ``<id>`` that is no IMDb id: a number of no named
#: database (no uniqueid type, which is a name, looks like it).
UNTYPED = "<id>"
# What an id type keeps of its characters: a run of any others is one "_".
_ID_KIND_GAPS = re.compile(r"[^a-z0-9]+", re.ASCII)
#: The source of a rating the NFO does not name: Kodi's legacy flat ``<rating>``,
#: Jellyfin's community rating, a ``<rating>`` block without a name.
UNNAMED = "community"
# Digits bounded (a hostile file cannot make int() or Decimal slow), an exponent allowed
# as C's strtod (Kodi) reads one.
_NUMBER = re.compile(r"[0-9]{1,40}(?:[.,][0-9]{1,40})?(?:[eE][+-]?[0-9]{1,3})?", re.ASCII)
_VOTES = re.compile(r"[0-9]{1,3}(?:([,.' ])[0-9]{3})(?:\1[0-9]{3}){0,5}|[0-9]{1,19}", re.ASCII)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Kodi joins several values in one tag with " / " (its database's separator).
_SLASH = re.compile(r"\s*/\s*")
_SLASH_SPACED = re.compile(r"\s+/\s+")
_IMDB = re.compile(r"tt[0-9]{7,12}", re.ASCII)
_TMDB = re.compile(r"[0-9]{1,12}", re.ASCII)
_ROLE = re.compile(r"[a-z][a-z0-9 _/-]*")


# -- texts --------------------------------------------------------------------------------


def value(element: Element) -> str | None:
    """The text of *element* without surrounding white space; None when empty."""
    found = "".join(element.itertext()).strip()
    return found or None


def text(root: Element, *tags: str) -> str | None:
    """The first non-empty text of the first of *tags* that has one."""
    for tag in tags:
        for element in root.iterfind(tag):
            if (found := value(element)) is not None:
                return found
    return None


def texts(root: Element, tag: str, *, split: bool = False) -> Iterator[tuple[str, str]]:
    """Yield ``(path, text)`` for every non-empty *tag*, split at "/" when *split*."""
    for i, element in enumerate(root.iterfind(tag)):
        found = value(element)
        if found is None:
            continue
        for part in _SLASH.split(found) if split else (found,):
            if part:
                yield f"{tag}[{i}]", part


def keep(path: str, build: Callable[..., T], *args: Any) -> T | None:
    """``build(*args)``, or None with a warning naming the problem at *path*.

    *build* reports problems at paths relative to *path* (``$`` for *path* itself).
    """
    try:
        return build(*args)
    except ValidationError as err:
        problems = "; ".join(
            f"{where}: {message}" for where, message in err.with_prefix(path).errors
        )
        warn(f"{problems}: left out")
        return None


def _name(text: str) -> str:
    # MediaElch and hand-made files leave separators at the end: "Zack Snyder,".
    return text.rstrip(",; \t\r\n")


# -- numbers ------------------------------------------------------------------------------


def decimal(text: str, path: str) -> Decimal:
    """A decimal number as NFOs write it: "7.5", "7,5", "8.300000"."""
    if not _NUMBER.fullmatch(text):
        raise ValidationError.at(path, f"{shown(text)} is not a number")
    return Decimal(text.replace(",", "."))


def _number(number: Decimal, written: str) -> float:
    # Written without a point, or rescaled (written ""), a whole number is an int.
    if number != number.to_integral_value() or abs(number) > MAX_INT:
        return float(number)
    return int(number) if written.isdigit() or not written else float(number)


def _votes(element: Element, path: str) -> int | None:
    found = text(element, "votes")
    if found is None:
        return None
    match = _VOTES.fullmatch(found)
    if match is None:
        warn(f"{path}.votes: {shown(found)} is not a count: left out")
        return None
    return read_int(re.sub(r"[,.' ]", "", found), f"{path}.votes")


# -- ratings ------------------------------------------------------------------------------


def source_name(name: str | None) -> str:
    """The filmmeta source for an NFO's rating name: a known one, else the name cleaned."""
    if name is None or not name.strip():
        return UNNAMED
    key = _NON_ALNUM.sub("", name.lower())
    if key in RATING_SOURCES:
        return RATING_SOURCES[key]
    cleaned = _NON_ALNUM.sub("_", name.lower()).strip("_")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"nfo_{cleaned}"
    # A source name has at most 64 characters; cut, it reads back as itself.
    return cleaned[:64].rstrip("_")


def rating(source: str, written: str, scale: str | None, votes: int | None) -> Rating:
    """A rating on its source's own scale, from a value written on a scale of *scale*.

    A known source's value is rescaled from *scale* to the source's own (a Metacritic
    4.5 of 10 is a Metascore of 45); another source's scale is *scale* itself. Kodi's
    rule: without a ``max``, the scale is 10.
    """
    number = decimal(written, "value")
    top = Decimal(10) if scale is None else decimal(scale, "max")
    if top <= 0:
        raise ValidationError.at("max", f"{shown(scale)} is not a scale's best value")
    known = SOURCES.get(source)
    if known is None:
        return Rating(source, _number(number, written), votes=votes, best=_number(top, str(top)))
    best = Decimal(str(known.best))
    own = number if top == best else number * best / top
    return Rating(source, _number(own, written if top == best else ""), votes=votes)


def ratings(root: Element) -> list[Rating]:
    """Every rating: the ``<ratings>`` blocks, then the flat legacy ones."""
    found: dict[str, Rating] = {}

    def add(path: str, build: Callable[..., Rating | None], *args: Any) -> None:
        made = keep(path, build, *args)
        if made is None:
            return
        if made.source in found:
            if found[made.source] != made:
                warn(f"{path}: a second {made.source} rating ({made.value}): left out")
            return
        found[made.source] = made

    for i, block in enumerate(root.iterfind("ratings/rating")):
        path = f"ratings.rating[{i}]"
        add(path, _block, block, path)
    flat = text(root, "rating", "communityrating")
    # MediaElch and Kodi's export write the default rating flat as well: the same value.
    if flat is not None and not (found and _same_as_default(root, flat)):
        votes = _votes(root, "$")
        add("rating", _unless_empty, UNNAMED, flat, None, votes)
    critic = text(root, "criticrating")
    # Jellyfin's critic rating is the Tomatometer, a whole percentage; a <ratings> block
    # says more (its votes, its scale), and Kodi-written files mirror it there on 0..10.
    if critic is not None and "rotten_tomatoes" not in found:
        add("criticrating", _tomatometer, critic)
    return list(found.values())


def _tomatometer(critic: str) -> Rating:
    if not critic.isdigit():
        raise ValidationError.at("$", f"{shown(critic)} is not a Tomatometer percentage")
    return rating("rotten_tomatoes", critic, "100", None)


def _block(block: Element, path: str) -> Rating | None:
    written = text(block, "value")
    if written is None:
        return None
    votes = _votes(block, path)
    return _unless_empty(source_name(block.get("name")), written, block.get("max"), votes)


def _unless_empty(source: str, written: str, scale: str | None, votes: int | None) -> Rating | None:
    # Templates write 0 for "no rating": a zero without votes is not a score.
    if not votes and _NUMBER.fullmatch(written) and decimal(written, "value") == 0:
        return None
    return rating(source, written, scale, votes)


def _same_as_default(root: Element, flat: str) -> bool:
    for block in root.iterfind("ratings/rating"):
        if block.get("default", "").lower() == "true":
            return text(block, "value") == flat
    return True


# -- dates and runtime --------------------------------------------------------------------


def release_date(root: Element) -> PartialDate | None:
    """``<premiered>``, else ``<releasedate>``, else ``<year>`` (0 is a template's)."""
    for tag in ("premiered", "releasedate", "year"):
        found = text(root, tag)
        if found is None or found.strip("0") == "":
            continue
        # Kodi's export writes a time after some dates: "2016-03-09 00:00:00".
        found = re.sub(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[ T][0-9:.]{1,20}$", r"\1", found)
        date = keep(tag, PartialDate.parse, found)
        if date is not None:
            return date
    return None


def runtime(root: Element) -> dt.timedelta | None:
    """``<runtime>`` in minutes ("88", "88 min"); 0 is unknown."""
    found = text(root, "runtime")
    if found is None:
        return None
    return keep("runtime", parse_runtime, found) or None


# -- certifications -----------------------------------------------------------------------


def content_ratings(root: Element, country: str | None) -> list[ContentRating]:
    """``<mpaa>`` and ``<certification>``: "Rated R", "US:PG-13", "Australia:M", "R".

    Several may be joined by " / " (tinyMediaManager). A code without a country is
    taken as *country*'s when given, else as a US code when it is one (the tag is named
    after the MPA, and Kodi's scrapers write US certifications unless told otherwise);
    any other is left out with a warning.
    """
    found: list[ContentRating] = []
    for tag in ("mpaa", "certification"):
        for path, written in texts(root, tag):
            for part in _SLASH_SPACED.split(written):
                made = keep(path, _certification, part, country)
                if made is not None:
                    found.append(made)
    return unique(found)


def _certification(written: str, country: str | None) -> ContentRating:
    where, colon, code = written.partition(":")
    if colon and where.strip() and code.strip():
        region = country_from_name(where.strip())
        if region is None:
            raise ValidationError.at("$", f"{shown(where.strip())} is not a known country")
        return ContentRating.parse(code, country=region)
    if country is not None:
        return ContentRating.parse(written, country=country)
    us = ContentRating.parse(written, country="US")
    if us.rank is not None:
        return us
    raise ValidationError.at(
        "$", f"{shown(written)} names no country (give from_nfo a country= for such codes)"
    )


# -- people -------------------------------------------------------------------------------

_CREDIT_TAGS = {"director": Role.DIRECTOR, "credits": Role.WRITER, "writer": Role.WRITER}
_PEOPLE_TAGS = {"actor": Role.ACTOR, "producer": Role.PRODUCER}


def credits(root: Element) -> list[Credit]:
    """Directors, writers (``<credits>``, Jellyfin's ``<writer>``), actors and producers.

    In document order; actors are put in their ``<order>`` when every one has one.
    """
    found: list[tuple[int | None, Credit]] = []
    counts: dict[str, int] = {}
    for element in root:
        tag = element.tag
        if not isinstance(tag, str) or (tag not in _CREDIT_TAGS and tag not in _PEOPLE_TAGS):
            continue
        i = counts[tag] = counts.get(tag, -1) + 1
        path = f"{tag}[{i}]"
        if tag in _CREDIT_TAGS:
            for part in _SLASH.split(value(element) or ""):
                if name := _name(part):
                    made = keep(path, Credit, name, _CREDIT_TAGS[tag])
                    if made is not None:
                        found.append((None, made))
        else:
            person = keep(path, _person, element, tag)
            if person is not None:
                found.append(person)
    return unique(_in_order(found))


def _person(element: Element, tag: str) -> tuple[int | None, Credit] | None:
    name = text(element, "name")
    if name is None or not (name := _name(name)):
        return None
    role = _PEOPLE_TAGS[tag].value
    kind = text(element, "type")
    if kind is not None:
        # Jellyfin's person types: Actor, GuestStar, Director, Writer, Producer, ...
        key = kind.lower()
        role = "actor" if key == "gueststar" else key
        if not _ROLE.fullmatch(role):
            raise ValidationError.at("type", f"{shown(kind)} is not a role")
    order = text(element, "order") or ""
    plain = order.isascii() and order.isdigit() and len(order) <= MAX_NUMBER_TEXT
    number = int(order) if plain else None
    return number, Credit(name, role, character=text(element, "role"))


def _in_order(found: list[tuple[int | None, Credit]]) -> list[Credit]:
    actors = [i for i, (_, c) in enumerate(found) if c.role == Role.ACTOR]
    orders = [found[i][0] for i in actors]
    if orders and None not in orders and len(set(orders)) == len(orders):
        by_order = sorted(actors, key=lambda i: found[i][0])  # type: ignore[arg-type,return-value]
        placed = dict(zip(actors, by_order, strict=True))
        return [found[placed.get(i, i)][1] for i in range(len(found))]
    return [credit for _, credit in found]


# -- lists and ids ------------------------------------------------------------------------


def genres(root: Element) -> list[str]:
    """``<genre>``, each split at "/" as Kodi and Jellyfin do."""
    return unique(part for _, part in texts(root, "genre", split=True))


def countries(root: Element) -> tuple[str, ...]:
    """``<country>`` names ("United States of America", "USA") as ISO codes."""
    found: list[str] = []
    for path, name in texts(root, "country", split=True):
        found.extend(country_codes([name], path))
    return tuple(unique(found))


def imdb_id(written: str, path: str) -> str:
    """An IMDb id as written (any case), or a ValidationError."""
    if not _IMDB.fullmatch(written.lower()):
        raise ValidationError.at(path, f"{shown(written)} is not an IMDb id")
    return written.lower()


def tmdb_id(written: str, path: str) -> int:
    """A TMDb id as written, or a ValidationError."""
    if not _TMDB.fullmatch(written) or int(written) == 0:
        raise ValidationError.at(path, f"{shown(written)} is not a TMDb id")
    return int(written)


def ids(root: Element) -> dict[str, list[tuple[str, str]]]:
    """Every id the NFO gives, by lowercase type, each with its path, in precedence order.

    ``<uniqueid type="...">`` first (the type in any case, each run of characters other
    than ASCII letters and digits one ``_``), then ``<imdbid>``, ``<imdb>``,
    ``<imdb_id>``, ``<tmdbid>``, the ``tmdbcolid`` of ``<set>`` and ``<tmdbcolid>`` /
    ``<collectionnumber>``, then Kodi's ``<id>`` (and the ``IMDB``/``TMDB`` attributes
    older Jellyfin versions wrote on it).
    """
    found: dict[str, list[tuple[str, str]]] = {}

    def add(kind: str, path: str, written: str | None) -> None:
        if written is not None and (written := written.strip()):
            found.setdefault(kind, []).append((path, written))

    for i, element in enumerate(root.iterfind("uniqueid")):
        # The type as a key at once, so that a type that only differs in its punctuation
        # ("Rotten Tomatoes", "tmdb col") is the kind it names, here and when written back.
        kind = _ID_KIND_GAPS.sub("_", (element.get("type") or "").lower()).strip("_")
        written = value(element)
        if not kind and written is not None and _IMDB.fullmatch(written.lower()):
            kind = "imdb"
        if kind:
            add(kind, f"uniqueid[{i}]", written)
        elif written is not None:
            warn(f"uniqueid[{i}]: {shown(written)} has no type: left out")
    for tag, kind in (
        ("imdbid", "imdb"),
        ("imdb", "imdb"),
        ("imdb_id", "imdb"),
        ("tmdbid", "tmdb"),
    ):
        add(kind, tag, text(root, tag))
    for i, element in enumerate(root.iterfind("set")):
        add("tmdbcol", f"set[{i}]@tmdbcolid", element.get("tmdbcolid"))
    add("tmdbcol", "tmdbcolid", text(root, "tmdbcolid"))
    add("tmdbcol", "collectionnumber", text(root, "collectionnumber"))
    for i, element in enumerate(root.iterfind("id")):
        add("imdb", f"id[{i}]@IMDB", element.get("IMDB"))
        add("tmdb", f"id[{i}]@TMDB", element.get("TMDB"))
        written = value(element)
        if written is not None:
            # Kodi's <id> repeats the default uniqueid; alone, only an IMDb id says what it is.
            kind = "imdb" if _IMDB.fullmatch(written.lower()) else UNTYPED
            add(kind, f"id[{i}]", written)
    return found
