"""The genre names an importer gives: the vocabulary's, or the source's own words.

Every importer that reads genres takes ``genres="canonical"`` (the default) or
``genres="source"``. Canonical names are those of :func:`filmmeta.canonical_genres`
("Sci-Fi", "Science Fiction" and "science_fiction" are all "Science Fiction"); a word the
vocabulary does not know is kept as the source writes it, so nothing is lost. ``"source"``
keeps every word as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from filmmeta._model import canonical_genres, shown
from filmmeta.exceptions import ValidationError

__all__ = ["GENRE_NAMES", "GenreNames", "check_genre_names", "genre_names"]

#: What an importer's ``genres=`` takes.
GenreNames = Literal["canonical", "source"]
GENRE_NAMES: tuple[GenreNames, ...] = ("canonical", "source")


def check_genre_names(genres: object) -> GenreNames:
    """Return *genres* if it is one of :data:`GENRE_NAMES`, else raise at ``genres``."""
    # Compared one by one: *genres* may be anything, a list (unhashable) too.
    if genres == "canonical":
        return "canonical"
    if genres == "source":
        return "source"
    raise ValidationError.at(
        "genres", f"{shown(genres)} is not 'canonical' (the default) or 'source'"
    )


def genre_names(words: Iterable[str], genres: GenreNames, *, source: str | None) -> list[str]:
    """The genres to give: the vocabulary's names of *words*, or *words* as written.

    Args:
        words: The genre words the document writes, in order.
        genres: ``"canonical"`` or ``"source"`` (checked by :func:`check_genre_names`).
        source: The vocabulary's name of the source (``"imdb"``, ``"tmdb"``, ...), or
            None when the words may come from anywhere.
    """
    if genres == "source":
        return list(words)
    return list(canonical_genres(words, source=source))
