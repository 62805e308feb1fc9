"""Equal frozen parts held once: what a catalog loaded into memory repeats costs it once.

A catalog repeats values: the same content rating, genre list, provider offer or credit
in thousands of films. The model's classes are frozen and hashable, so equal values can be
one object. :class:`Shared` is the table that does it for one read (``load_jsonl``,
``read_parquet``): local to that read, never module state, so two threads reading two
files share nothing and nothing outlives the read but the films themselves; and bounded:
after :data:`LIMIT` distinct values it stops adding, and what it holds stays shared.
"""

from __future__ import annotations

from typing import Any

from filmmeta._model.film import Film

__all__ = ["LIMIT", "Shared"]

#: Distinct values one read remembers: a few MiB at most, whatever the file's size.
LIMIT = 100_000

# The film's collections whose items repeat from film to film (a rating's value and votes
# rarely do, titles and releases are the film's own). Short lists repeat whole (a genre
# list, the content ratings): shared whole, else item by item. Credits and offers repeat
# item by item only, and hashing a model object is a Python call: one lookup each.
_WHOLE = ("content_ratings", "genres", "languages", "countries")
_ITEMS = ("credits", "offers")


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
        self._table: dict[Any, Any] = {}
        self._limit = limit

    def _one(self, value: Any) -> Any:
        table = self._table
        found = table.get(value)
        if found is not None:
            return found
        if len(table) < self._limit:
            table[value] = value
        return value

    def film(self, film: Film) -> Film:
        """Return *film* with its repeated parts replaced by equal ones seen before."""
        one, table = self._one, self._table
        # The values are equal: the film's value, hash and behaviour stay; only its memory
        # shrinks. Frozen to users, so set the way attrs itself does.
        for name in _WHOLE:
            items = getattr(film, name)
            if items:
                found = table.get(items)
                if found is None:
                    found = one(tuple([one(item) for item in items]))
                if found is not items:
                    object.__setattr__(film, name, found)
        for name in _ITEMS:
            items = getattr(film, name)
            if items:
                object.__setattr__(film, name, tuple([one(item) for item in items]))
        return film
