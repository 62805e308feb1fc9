"""Writing a film as a Kodi movie NFO (:func:`filmmeta.formats.nfo.to_nfo`).

The layout is Kodi's own export (v20, v21): the tags in Kodi's order, four spaces of
indentation, every rating with its ``max``, the first id ``default``. The XML is written
here by hand rather than by ElementTree so that a carriage return survives (as
``&#13;``: XML readers turn a raw one into a line feed) and so that a character XML 1.0
cannot hold is refused by name instead of making a file no reader accepts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from filmmeta._model import Film, Rating, Role
from filmmeta.exceptions import ValidationError
from filmmeta.formats import _nfo_extras as extras

__all__ = ["ID_ORDER", "Doc", "write"]

#: The ids written as ``<uniqueid type="...">``, in this order: Kodi's scrapers make
#: the IMDb id the default.
ID_ORDER = ("imdb", "tmdb", "wikidata", "letterboxd", "rotten_tomatoes", "metacritic", "justwatch")
# The rating names Kodi's own scrapers write, where they differ from the source's.
_KODI_NAMES = {
    "tmdb": "themoviedb",
    "rotten_tomatoes": "tomatometerallcritics",
    "rotten_tomatoes_audience": "tomatometerallaudience",
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)


class Doc:
    """Lines of XML under construction."""

    def __init__(self) -> None:
        self.lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>', "<movie>"]

    def leaf(
        self,
        tag: str,
        text: str | int | None,
        path: str,
        depth: int = 1,
        attributes: dict[str, str] | None = None,
    ) -> None:
        if text is None:
            return
        start = f"{'    ' * depth}<{tag}{_attributes(attributes, path)}>"
        self.lines.append(f"{start}{_text(str(text), path)}</{tag}>")

    def open(
        self, tag: str, path: str, depth: int = 1, attributes: dict[str, str] | None = None
    ) -> None:
        self.lines.append(f"{'    ' * depth}<{tag}{_attributes(attributes, path)}>")

    def close(self, tag: str, depth: int = 1) -> None:
        self.lines.append(f"{'    ' * depth}</{tag}>")


def _checked(text: str, path: str) -> str:
    if (bad := _NOT_XML.search(text)) is not None:
        raise ValidationError.at(
            path, f"has U+{ord(bad.group()):04X} at {bad.start()}: XML 1.0 cannot hold it"
        )
    return text


def _text(text: str, path: str) -> str:
    return _checked(text, path).translate(_TEXT_ESCAPES)


def _attributes(attributes: dict[str, str] | None, path: str) -> str:
    return "".join(
        f' {name}="{_checked(value, path).translate(_ATTRIBUTE_ESCAPES)}"'
        for name, value in (attributes or {}).items()
    )


def number(value: float) -> str:
    """A number as NFOs write it: no useless ".0", no exponent unless it is very long."""
    text = format(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text if len(text) <= 40 else repr(value)


def _ratings(doc: Doc, ratings: tuple[Rating, ...]) -> None:
    if not ratings:
        return
    doc.open("ratings", "ratings")
    for i, rating in enumerate(ratings):
        path = f"ratings[{i}]"
        attributes = {
            "name": _KODI_NAMES.get(rating.source, rating.source),
            "max": number(rating.best),
        }
        if i == 0:
            attributes["default"] = "true"
        doc.open("rating", path, 2, attributes)
        doc.leaf("value", number(rating.value), path, 3)
        doc.leaf("votes", rating.votes, path, 3)
        doc.close("rating", 2)
    doc.close("ratings")


def _ids(doc: Doc, film: Film) -> None:
    first = True
    for name in ID_ORDER:
        found = getattr(film.ids, name)
        if found is not None:
            attributes = {"type": name, "default": "true"} if first else {"type": name}
            doc.leaf("uniqueid", found, f"ids.{name}", 1, attributes)
            first = False
    for name, found in film.ids.other:
        attributes = {"type": name, "default": "true"} if first else {"type": name}
        doc.leaf("uniqueid", found, f"ids.other.{name}", 1, attributes)
        first = False


def _content_ratings(doc: Doc, film: Film) -> None:
    codes = [f"{r.country}:{r.code}" for r in film.content_ratings]
    if codes:
        doc.leaf("mpaa", codes[0], "content_ratings[0]")
    if len(codes) > 1:
        # tinyMediaManager's list of every country's certification.
        doc.leaf("certification", " / ".join(codes), "content_ratings")


def _credits(doc: Doc, film: Film) -> None:
    order = 0
    for i, credit in enumerate(film.credits):
        path = f"credits[{i}]"
        # Readers split <director> and <credits> at "/": such a name goes in an <actor>.
        plain = credit.character is None and "/" not in credit.name
        if plain and credit.role == Role.DIRECTOR:
            doc.leaf("director", credit.name, path)
        elif plain and credit.role == Role.WRITER:
            doc.leaf("credits", credit.name, path)
        else:
            # Every other part is an <actor>; Jellyfin reads the role from <type>.
            doc.open("actor", path)
            doc.leaf("name", credit.name, path, 2)
            doc.leaf("role", credit.character, path, 2)
            doc.leaf("order", order, path, 2)
            if credit.role != Role.ACTOR:
                doc.leaf("type", credit.role, path, 2)
            doc.close("actor")
            order += 1


def write(film: Film) -> str:
    """The NFO text of *film* (see :func:`filmmeta.formats.nfo.to_nfo`)."""
    if not isinstance(film, Film):
        raise TypeError(f"to_nfo() takes a Film, not {type(film).__name__}")
    doc = Doc()
    doc.leaf("title", film.title, "title")
    if film.original_title is not None:
        doc.leaf("originaltitle", film.original_title, "original_title")
    _ratings(doc, film.ratings)
    doc.leaf("plot", film.summary, "summary")
    extras.write_tagline(doc, film)
    if film.runtime is not None and (minutes := round(film.runtime.total_seconds() / 60)):
        doc.leaf("runtime", minutes, "runtime")
    extras.write_art(doc, film)
    _content_ratings(doc, film)
    _ids(doc, film)
    for i, genre in enumerate(film.genres):
        doc.leaf("genre", genre, f"genres[{i}]")
    for i, country in enumerate(film.countries):
        doc.leaf("country", country, f"countries[{i}]")
    extras.write_set(doc, film)
    _credits(doc, film)
    date = film.release_date
    if date is not None:
        if date.month is not None:
            doc.leaf("premiered", str(date), "release_date")
        doc.leaf("year", f"{date.year:04d}", "release_date")
    extras.write_trailers(doc, film)
    doc.lines.append("</movie>")
    return "\n".join(doc.lines) + "\n"
