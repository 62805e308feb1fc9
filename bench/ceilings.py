"""Pure-Python ceilings: the least work that can give filmmeta's results, with no checks.

The two targets of the performance issue that filmmeta misses (``from_json`` at 2x
pydantic, ``to_json`` at 0.5x msgspec) are measured against what any pure-Python code
could do, in the same run:

* ``bare_from_json``: ``orjson.loads``, then filmmeta's own classes created with
  ``object.__new__`` and their slots set through the slot descriptors, with no check and
  no conversion at all (dates, runtimes, prices, enums and ids stay as JSON gives them,
  lists stay lists). Any decoder that returns filmmeta's objects does at least this
  work; a validating one also converts and checks about 60 values per film.
* ``bare_to_json``: the canonical dict of each film written by hand for this model
  (no generality, no hook lookups), then ``orjson.dumps``. Any encoder that builds the
  dicts in Python does at least this work.

They are not peers (they check nothing, and the decoded objects are not valid films);
``run.py`` prints them as the ceiling next to the targets they bound. They are asserted
only against what filmmeta itself writes, in :func:`check`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

import filmmeta
from filmmeta import ContentRating, Credit, ExternalIds, Film, Offer, Rating
from filmmeta._model.duration import _ISO_TEXT, format_iso_duration
from filmmeta._model.ids import NO_IDS
from filmmeta._model.ratings import _BEST, _WORST

_new = object.__new__


def _setters(cls: type[Any]) -> list[tuple[str, Callable[[Any, Any], None]]]:
    return [(a.name, getattr(cls, a.name).__set__) for a in cls.__attrs_attrs__]


def _defaults(cls: type[Any]) -> dict[str, Any]:
    return {a.name: a.default for a in cls.__attrs_attrs__}


_FILM, _FILM_DEFAULTS = _setters(Film), _defaults(Film)
_CREDIT, _OFFER, _RATING, _RATED = (
    _setters(Credit),
    _setters(Offer),
    _setters(Rating),
    _setters(ContentRating),
)
_NESTED = {
    "credits": (Credit, _CREDIT),
    "offers": (Offer, _OFFER),
    "ratings": (Rating, _RATING),
    "content_ratings": (ContentRating, _RATED),
}


def _bare(cls: type[Any], setters: list[tuple[str, Any]], doc: dict[str, Any]) -> Any:
    obj = _new(cls)
    get = doc.get
    for name, set_ in setters:
        set_(obj, get(name))
    return obj


_SET_NAME, _SET_ROLE, _SET_CHARACTER = (set_ for _, set_ in _CREDIT)
# The film's fields that hold a JSON value as it is (no nested objects).
_PLAIN = [(name, set_, _FILM_DEFAULTS[name]) for name, set_ in _FILM if name not in _NESTED]
_NESTED_SETTERS = [(name, set_, *_NESTED[name]) for name, set_ in _FILM if name in _NESTED]


def _credit(doc: dict[str, Any]) -> Credit:
    credit = _new(Credit)
    _SET_NAME(credit, doc["name"])
    _SET_ROLE(credit, doc["role"])
    _SET_CHARACTER(credit, doc.get("character"))
    return credit


def bare_from_json(text: bytes | str) -> Film:
    """Decode without a single check: the floor of any decoder of filmmeta's objects."""
    doc = orjson.loads(text)
    film = _new(Film)
    get = doc.get
    for name, set_, default in _PLAIN:
        set_(film, get(name, default))
    for name, set_, cls, setters in _NESTED_SETTERS:
        items = get(name)
        if not items:
            set_(film, ())
        elif cls is Credit:
            set_(film, [_credit(item) for item in items])
        else:
            set_(film, [_bare(cls, setters, item) for item in items])
    return film


def _rating(r: Rating) -> dict[str, Any]:
    out: dict[str, Any] = {"source": r.source, "value": r.value}
    if r.votes is not None:
        out["votes"] = r.votes
    if r.best != _BEST.get(r.source):
        out["best"] = r.best
    if r.worst != _WORST.get(r.source, 0):
        out["worst"] = r.worst
    return out


def _offer(o: Offer) -> dict[str, Any]:
    out: dict[str, Any] = {"provider": o.provider, "type": o.type}
    if o.region is not None:
        out["region"] = o.region
    if o.price is not None:
        out["price"] = str(o.price)
    if o.currency is not None:
        out["currency"] = o.currency
    if o.quality is not None:
        out["quality"] = o.quality
    if o.url is not None:
        out["url"] = o.url
    return out


def _rated(c: ContentRating) -> dict[str, Any]:
    out: dict[str, Any] = {"code": c.code, "country": c.country}
    if c.system is not None:
        out["system"] = c.system
    if c.reason is not None:
        out["reason"] = c.reason
    return out


def _ids(i: ExternalIds) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if (v := i.imdb) is not None:
        out["imdb"] = v
    if (v := i.tmdb) is not None:
        out["tmdb"] = v
    if (v := i.wikidata) is not None:
        out["wikidata"] = v
    if (v := i.letterboxd) is not None:
        out["letterboxd"] = v
    if (v := i.rotten_tomatoes) is not None:
        out["rotten_tomatoes"] = v
    if (v := i.metacritic) is not None:
        out["metacritic"] = v
    if (v := i.justwatch) is not None:
        out["justwatch"] = v
    return out


def _film(f: Film) -> dict[str, Any]:
    # Each value read once, credits written in place: the shape of filmmeta's generated
    # hooks, with none of their generality.
    out: dict[str, Any] = {"title": f.title, "kind": f.kind}
    if (v := f.release_date) is not None:
        out["release_date"] = str(v)
    if (v := f.runtime) is not None:
        out["runtime"] = _ISO_TEXT.get(v) or format_iso_duration(v)
    if v := f.content_ratings:
        out["content_ratings"] = [_rated(c) for c in v]
    if v := f.genres:
        out["genres"] = v
    if v := f.languages:
        out["languages"] = v
    if v := f.countries:
        out["countries"] = v
    if (v := f.summary) is not None:
        out["summary"] = v
    if v := f.credits:
        out["credits"] = [
            {"name": c.name, "role": c.role}
            if c.character is None
            else {"name": c.name, "role": c.role, "character": c.character}
            for c in v
        ]
    if v := f.ratings:
        out["ratings"] = [_rating(r) for r in v]
    if v := f.offers:
        out["offers"] = [_offer(o) for o in v]
    if (v := f.ids) is not NO_IDS and (ids := _ids(v)):
        out["ids"] = ids
    if (v := f.original_title) is not None:
        out["original_title"] = v
    return out


def bare_to_json(film: Film) -> str:
    """Encode with dicts written by hand for this model: the floor of a Python encoder.

    Text, as ``to_json`` returns: keeping each result's bytes instead is slower here, as
    every call then writes to fresh memory rather than to the block the last one freed.
    """
    return orjson.dumps(_film(film)).decode()


def check(docs: list[dict[str, Any]]) -> None:
    """Make sure the ceilings do the same work as filmmeta on *docs*, or fail loudly."""
    for doc in docs:
        blob = orjson.dumps(doc)
        film = filmmeta.from_json(blob)
        if bare_to_json(film) != filmmeta.to_json(film):
            raise AssertionError(f"bare_to_json differs from to_json on {doc['title']!r}")
        bare = bare_from_json(blob)
        for name, _ in _FILM:
            mine, theirs = getattr(bare, name), getattr(film, name)
            if type(theirs) is tuple and len(mine) != len(theirs):
                raise AssertionError(f"bare_from_json lost items of {name!r}")
