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

__all__ = ["combine_films"]


def combine_films(first: Film, *others: Film) -> Film:
    """Combine several sources' films of one title, by the rules :func:`merge_films` lists.

    The public :func:`filmmeta.merge_films` first checks that the films match and gives
    genres and providers their vocabularies' names; this function applies the combining
    rules alone.

    Raises:
        ValidationError: Two films give different ids of one kind (the path is the id's).
    """
    films = (first, *others)
    return Film(
        **{
            field.name: field.metadata[MERGE](
                tuple(getattr(film, field.name) for film in films), field.name
            )
            for field in attrs.fields(Film)
        }
    )
