"""Equal frozen parts held once: what a catalog loaded into memory repeats costs it once.

A catalog repeats values: the same content rating, genre list, provider offer or credit
in thousands of films. The model's classes are frozen, so equal values can be one object.
:class:`Shared` is the table that does it for one read (``load_jsonl``, ``read_parquet``):
local to that read, never module state, so two threads reading two files share nothing
and nothing outlives the read but the films themselves; and bounded: after :data:`LIMIT`
distinct values it stops adding, and what it holds stays shared.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import Any

import attrs

from filmmeta._model.availability import Offer
from filmmeta._model.certification import ContentRating
from filmmeta._model.film import Credit, Film

__all__ = ["LIMIT", "Shared"]

#: Distinct values one read remembers: a few MiB at most, whatever the file's size.
LIMIT = 100_000

# The film's collections whose items repeat from film to film (a rating's value and votes
# rarely do, titles and releases are the film's own). Lists of strings repeat whole (a
# genre list), else string by string; content ratings repeat whole, else one by one;
# credits and offers repeat one by one.
_TEXTS = ("genres", "languages", "countries")


def _fields(cls: type[Any]) -> Any:
    """The tuple of an instance's fields, read in C: a key hashed and compared in C.

    The classes' own ``__hash__`` and ``__eq__`` are Python calls (a third of a film's
    decoding time when every credit and offer took them); two instances are equal when
    their fields are, which is what attrs' ``__eq__`` compares.
    """
    return attrgetter(*(field.name for field in attrs.fields(cls)))


_CREDIT = _fields(Credit)
_OFFER = _fields(Offer)
_CONTENT_RATING = _fields(ContentRating)


_PRICE = attrgetter("price")


def _offer_keys(offers: tuple[Offer, ...]) -> Iterator[Any]:
    # Decimal("3.99") == Decimal("3.990"), but they are written differently: an offer
    # shares only with one whose price reads the same.
    return zip(map(_OFFER, offers), map(str, map(_PRICE, offers)), strict=True)


class Shared:
    """The table of one read: :meth:`film` gives a film whose repeated parts are shared.

    Examples:
        >>> from filmmeta import Film
        >>> shared = Shared()
        >>> a = shared.film(Film("A", genres=["Drama", "Music"]))
        >>> b = shared.film(Film("B", genres=["Drama", "Music"]))
        >>> a.genres is b.genres
        True
    """

    def __init__(self, limit: int = LIMIT) -> None:
        # One table per kind of key, each key built of exact strings, numbers, enums and
        # tuples of them: texts (and tuples of texts) by themselves; content-rating
        # tuples, credits and offers by their fields.
        self._texts: dict[Any, Any] = {}
        self._ratings: dict[Any, Any] = {}
        self._offers: dict[Any, Any] = {}
        #: The credits, by (name, role, character): the decoder reads it, and keeps in it
        #: (:meth:`keep`) each credit it builds, so that a credit met again is not built.
        self.credits: dict[tuple[str, str, str | None], Credit] = {}
        #: The offers the decoder built, by the values of their document (the texts as
        #: written: a price "3.990" is not "3.99"), as :attr:`credits`.
        self.offers: dict[tuple[Any, ...], Offer] = {}
        self._room = limit

    def keep(self, table: dict[Any, Any], key: Any, value: Any) -> Any:
        """What *table* holds for *key*, after holding *value* there if it has room."""
        found = table.get(key)
        if found is not None:
            return found
        if self._room > 0:
            self._room -= 1
            table[key] = value
        return value

    def film(self, film: Film, *, decoded: bool = False) -> Film:
        """Return *film* with its repeated parts replaced by equal ones seen before.

        *decoded* True leaves the credits and offers as they are: the decoder shared them
        as it read them (:attr:`credits`, :attr:`offers`).
        """
        # The values are equal: the film's value, hash and behaviour stay; only its memory
        # shrinks. Frozen to users, so set the way attrs itself does.
        held, texts, set_ = self.keep, self._texts, object.__setattr__
        for name in _TEXTS:
            items = getattr(film, name)
            if items:
                found = texts.get(items)
                if found is None:
                    found = held(texts, items, tuple([held(texts, x, x) for x in items]))
                if found is not items:
                    set_(film, name, found)
        ratings = film.content_ratings
        if ratings:
            key = tuple(map(_CONTENT_RATING, ratings))
            table = self._ratings
            found = table.get(key)
            if found is None:
                pairs = zip(key, ratings, strict=True)
                found = held(table, key, tuple([held(table, *pair) for pair in pairs]))
            if found is not ratings:
                set_(film, "content_ratings", found)
        if decoded:
            return film
        for name, table, keys in (
            ("credits", self.credits, map(_CREDIT, film.credits)),
            ("offers", self._offers, _offer_keys(film.offers)),
        ):
            parts = getattr(film, name)
            if not parts:
                continue
            # Each part found or added in one C call (no Python call per part: the keys
            # are read by attrgetter, looked up by the table's own methods).
            if self._room >= len(parts):
                before = len(table)
                set_(film, name, tuple(map(table.setdefault, keys, parts)))
                self._room -= len(table) - before
            else:
                set_(film, name, tuple(map(table.get, keys, parts)))
        return film
