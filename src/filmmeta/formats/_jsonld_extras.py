"""schema.org's image, trailer, keywords, releasedEvent and award, in both directions.

:func:`~filmmeta.formats.schemaorg.from_jsonld` reads these properties of a ``Movie``
with the readers here, and ``_jsonld_write`` writes them with the writers, so that what
is written reads back to the same facts. schema.org's ``award`` is free text: an award
is written as its name followed by ``; key: value`` parts (``"Academy Awards; category:
Best Cinematography; year: 2008"``), which reads back exactly; any other text is read as
OMDb's award sentence when it is one, else as the name of one award.

The module is private: those two modules are its only users.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from filmmeta._model import (
    MAX_INT,
    Award,
    AwardOutcome,
    Image,
    ImageKind,
    PartialDate,
    Release,
    Video,
    VideoKind,
    country_from_name,
    read_int,
    shown,
    shown_typed,
)
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import field, unique, warn
from filmmeta.formats._jsonld import named, text, values
from filmmeta.formats._omdb_parts import parse_awards

__all__ = [
    "award_text",
    "awards",
    "images",
    "keywords",
    "releases",
    "videos",
]

_IMDB_PAGE = re.compile(r"^/title/tt\d|^https?://(?:[\w-]+\.)*imdb\.com/", re.ASCII)
_IMDB_SITE = "https://www.imdb.com"
# The parts of an award written after its name, in this order.
_AWARD_KEYS = ("category", "year", "recipient", "outcome", "count")
_AWARD_PART = re.compile(r"(category|year|recipient|outcome|count): (.+)", re.DOTALL)


def _absolute(link: str, page: str | None, path: str) -> str | None:
    """Make a link absolute: IMDb pages write ``/video/imdb/vi...`` for their own site."""
    if not link.startswith("/") or link.startswith("//"):
        return link
    if page is not None and _IMDB_PAGE.search(page):
        return _IMDB_SITE + link
    warn(f"{path}: {shown(link)} is relative to a page whose address is unknown: left out")
    return None


def _size(value: object, path: str) -> int | None:
    if isinstance(value, Mapping):  # a QuantitativeValue
        path, value = f"{path}.value", value.get("value")
    if value is None:
        return None
    if type(value) is str and value.strip().isdecimal():
        value = read_int(value.strip(), path)
    if type(value) is not int or not 0 < value <= MAX_INT:
        raise ValidationError.at(path, f"expected a size in pixels, got {shown_typed(value)}")
    return value


def images(node: Mapping[str, Any], page: str | None) -> list[Image]:
    """Read ``image``: URLs or ``ImageObject`` values; the film's image is its poster."""
    found: list[Image] = []
    for path, item in values(node, "image"):
        width = height = None
        if isinstance(item, Mapping):  # an ImageObject
            key = "url" if item.get("url") is not None else "contentUrl"
            link = text(item.get(key), f"{path}.{key}", url=True)
            width = _size(item.get("width"), f"{path}.width")
            height = _size(item.get("height"), f"{path}.height")
        else:
            link = text(item, path, url=True)
        if link is None or (link := _absolute(link, page, path)) is None:
            continue
        with field(path, inner=False):
            found.append(Image(link, kind=ImageKind.POSTER, width=width, height=height))
    return unique(found)


def videos(node: Mapping[str, Any], page: str | None) -> list[Video]:
    """Read ``trailer``: ``VideoObject`` values (their ``url``, else ``embedUrl``)."""
    found: list[Video] = []
    for outer, item in values(node, "trailer"):
        path, name = outer, None
        if isinstance(item, Mapping):  # a VideoObject
            key = next((k for k in ("url", "embedUrl", "contentUrl") if item.get(k)), "url")
            path, name = f"{outer}.{key}", text(item.get("name"), f"{outer}.name")
            item = item.get(key)  # noqa: PLW2901 - the link inside
        link = text(item, path, url=True)
        if link is None or (link := _absolute(link, page, path)) is None:
            continue
        with field(path, inner=False):
            found.append(Video(link, kind=VideoKind.TRAILER, name=name))
    return unique(found)


def keywords(node: Mapping[str, Any]) -> list[str]:
    """Read ``keywords``: comma-separated text (as IMDb writes it), or a list of words.

    Only a single text is split at its commas: the words of a list are kept whole.
    """
    if isinstance(given := node.get("keywords"), str):
        return unique(w.strip() for w in (text(given, "keywords") or "").split(",") if w.strip())
    words = (named(item, path) for path, item in values(node, "keywords"))  # or DefinedTerms
    return unique(word for word in words if word is not None)


def releases(node: Mapping[str, Any]) -> list[Release]:
    """Read ``releasedEvent``: ``PublicationEvent`` values with a ``startDate``."""
    found: list[Release] = []
    for path, item in values(node, "releasedEvent"):
        if not isinstance(item, Mapping):
            raise ValidationError.at(path, f"expected a PublicationEvent, got {shown_typed(item)}")
        date = text(item.get("startDate"), f"{path}.startDate")
        if date is None:
            continue
        with field(f"{path}.startDate"):
            when = PartialDate.parse(date)
        country = None
        if (where := named(item.get("location"), f"{path}.location")) is not None:
            country = country_from_name(where)
            if country is None:
                warn(f"{path}.location: {shown(where)} is not a known country: left out")
        found.append(Release(when, country=country))
    return unique(found)


def award_text(award: Award) -> str:
    """Write an award as ``award`` text that :func:`awards` reads back exactly.

    Examples:
        >>> award_text(Award("Academy Awards", category="Best Picture", year=2008))
        'Academy Awards; category: Best Picture; year: 2008'
        >>> award_text(Award("all awards", outcome="nominated", count=32))
        'all awards; outcome: nominated; count: 32'
    """
    parts = [award.name]
    for key in _AWARD_KEYS:
        value = getattr(award, key)
        default = {"outcome": AwardOutcome.WON, "count": 1}.get(key)
        if value is not None and value != default:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _award(given: str, path: str) -> list[Award]:
    name, *rest = given.split("; ")
    parts = [_AWARD_PART.fullmatch(part) for part in rest]
    if rest and all(parts):
        fields: dict[str, Any] = {m[1]: m[2] for m in parts if m is not None}
        for key in ("year", "count"):
            if key in fields:
                number = fields[key]
                fields[key] = read_int(number, f"{path}.{key}") if number.isdecimal() else number
        with field(path, inner=False):
            return [Award(name, **fields)]
    with field(path, inner=False):
        return parse_awards(given) or [Award(given)]


def awards(node: Mapping[str, Any]) -> list[Award]:
    """Read ``award``: texts, as :func:`award_text` writes them, OMDb sentences or names."""
    found: list[Award] = []
    for path, item in values(node, "award"):
        if (given := text(item, path)) is not None:
            found += _award(given, path)
    return unique(found)
