"""Combining what several sources say about one film.

Each importer knows part of a film: OMDb has the ratings of IMDb, Metacritic and Rotten
Tomatoes, TMDb the cast with their characters and the certifications of many countries,
JustWatch the offers. :func:`combine_films` puts the parts together, with the films given in
the order the caller trusts them. How each field is combined is the field's own merge
policy (its ``metadata``, see :mod:`filmmeta._model.fields`), so a new field says it where
it is declared.
"""

from __future__ import annotations

import attrs

from filmmeta._model.fields import MERGE
from filmmeta._model.film import Film
from filmmeta._model.validate import shown_typed

__all__ = ["combine_films"]


def combine_films(first: Film, *others: Film) -> Film:
    """Combine several sources' films of one title, by the rules :func:`merge_films` lists.

    The public :func:`filmmeta.merge_films` first checks that the films match and gives
    genres and providers their vocabularies' names; this function applies the combining
    rules alone.

    Raises:
        ValidationError: Two films give different ids of one kind (the path is the id's).
        TypeError: An argument is not a :class:`Film`.
    """
    films = (first, *others)
    for i, film in enumerate(films):
        if not isinstance(film, Film):
            # A bug in the calling code, not bad data: a TypeError, as docs/guarantees.md says.
            raise TypeError(f"merge_films() takes films; argument {i + 1} is {shown_typed(film)}")
    return Film(
        **{
            field.name: field.metadata[MERGE](
                tuple(getattr(film, field.name) for film in films), field.name
            )
            for field in attrs.fields(Film)
        }
    )
