"""schema.org JSON-LD as film pages write it: what reading and writing a ``Movie`` share.

:mod:`filmmeta.formats.schemaorg` reads a ``Movie`` and ``_jsonld_write`` writes one. Both
rest on this module, which holds the syntax of the documents (the body of a ``<script>``
element, ``@type`` names with or without their prefix, a property holding one value or a
list of them, HTML entities in strings) and the two tables that map the model to
schema.org in both directions: the credit properties and the URLs of external ids.
Keeping the tables in one place is what lets a written ``Movie`` read back to the same
facts.

The module is private: the names here may change, but those two modules are its only
users.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from filmmeta._json import why_not_json
from filmmeta._model import Role, shown
from filmmeta.exceptions import ROOT, ValidationError
from filmmeta.formats import _common
from filmmeta.formats._common import field

__all__ = [
    "CREDITS",
    "ID_RES",
    "ID_URLS",
    "URL_ENTITY",
    "load",
    "named",
    "names",
    "parsed",
    "single",
    "single_text",
    "text",
    "texts",
    "types",
    "values",
]

T = TypeVar("T")

_TYPE_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
# JSON-LD property -> credit role, in the order to_jsonld writes them. IMDb's "creator"
# lists the writers (and production companies, which are not credits).
CREDITS = (
    ("director", Role.DIRECTOR),
    ("creator", Role.WRITER),
    ("actor", Role.ACTOR),
    ("producer", Role.PRODUCER),
    ("musicBy", Role.COMPOSER),
)
# External id -> (URL template, pattern that finds the id in a URL). An id whose value
# the pattern would not read back is not written.
_SLUG = r"[A-Za-z0-9._~-]+"
ID_URLS = {
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
ID_RES = {name: re.compile(pattern, re.ASCII) for name, (_, pattern) in ID_URLS.items()}
# Entities that may stand in a URL: "&copy=1" in a query is no copyright sign.
URL_ENTITY = re.compile(r"&(?:amp|#38|#x26);", re.IGNORECASE)


def load(obj_or_text: Any) -> Any:
    """Parse the JSON-LD: parsed JSON as it is, or the text of a ``<script>`` body."""
    if isinstance(obj_or_text, bytes | bytearray):
        try:
            obj_or_text = obj_or_text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            why = why_not_json(obj_or_text, err)
            raise ValidationError.at(ROOT, f"not valid JSON: {why}") from None
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
    return _common.load_json(body)


def types(node: Mapping[str, Any]) -> list[str]:
    """Return the ``@type`` names of *node*, without a schema.org prefix."""
    found = node.get("@type")
    given = found if isinstance(found, list) else [found]
    return [_strip_prefix(t) for t in given if isinstance(t, str)]


def _strip_prefix(name: str) -> str:
    for prefix in _TYPE_PREFIXES:
        name = name.removeprefix(prefix)
    return name


def text(value: object, path: str, *, url: bool = False) -> str | None:
    """Read an optional string, HTML-unescaped (for a *url*, only the ``&`` entities)."""
    if type(value) is str:
        value = URL_ENTITY.sub("&", value) if url else html.unescape(value)
    return _common.text(value, path)


def values(node: Mapping[str, Any], key: str) -> list[tuple[str, Any]]:
    """Return the value or values of property *key*, each with its path."""
    value = node.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return [(f"{key}[{i}]", item) for i, item in enumerate(value)]
    return [(key, value)]


def texts(node: Mapping[str, Any], key: str, *, url: bool = False) -> list[str]:
    """Read the strings of property *key*, one value or a list."""
    items = values(node, key)
    return [t for path, item in items if (t := text(item, path, url=url)) is not None]


def named(value: object, path: str) -> str | None:
    """Read a Text, or the ``name`` of a thing (a Person, an Organization)."""
    if isinstance(value, Mapping):
        path, value = f"{path}.name", value.get("name")
    return text(value, path)


def names(node: Mapping[str, Any], key: str) -> list[str]:
    """Read Text values or named things (a Language, a Country)."""
    return [name for path, item in values(node, key) if (name := named(item, path))]


def single(node: Mapping[str, Any], key: str) -> tuple[str, Any]:
    """Return the path and value of a property the model holds once (``description``).

    JSON-LD lets any property hold a list. Of a list the first value is read, and the
    others, when they differ from it, are left out with a warning naming them.
    """
    value = node.get(key)
    if not isinstance(value, list):
        return key, value
    if not value:
        return key, None
    extra = [item for item in value[1:] if item != value[0]]
    if extra:
        _common.warn(
            f"{key}: {len(value)} values, of which the model keeps one: the first is read, "
            f"{shown(extra)} left out"
        )
    return f"{key}[0]", value[0]


def single_text(node: Mapping[str, Any], key: str, *, url: bool = False) -> str | None:
    """Read a string property held once, given alone or as the first of a list."""
    path, value = single(node, key)
    return text(value, path, url=url)


def parsed(node: Mapping[str, Any], key: str, parse: Callable[[str], T]) -> T | None:
    """Read the string of property *key* (or the first of a list) with *parse*."""
    path, value = single(node, key)
    if (found := text(value, path)) is None:
        return None
    with field(path):
        return parse(found)
