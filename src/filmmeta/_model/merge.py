"""Combining what several sources say about one film.

Each importer knows part of a film: OMDb has the ratings of IMDb, Metacritic and Rotten
Tomatoes, TMDb the cast with their characters and the certifications of many countries,
JustWatch the offers. :func:`merge_films` puts the parts together, with the films given in
the order the caller trusts them. How each field is combined is the field's own merge
policy (its ``metadata``, see :mod:`filmmeta._model.fields`), so a new field says it where
it is declared.
"""

from __future__ import annotations

import attrs

from filmmeta._model.fields import MERGE
from filmmeta._model.film import Film
from filmmeta._model.validate import shown_typed

__all__ = ["merge_films"]


def merge_films(first: Film, *others: Film) -> Film:
    """Combine several sources' films of one title into one film.

    The films are given in the order their sources are trusted, the most trusted first.

    - The title and kind are the first film's. The runtime, summary and original title
      are the first known.
    - The release date is the first known, unless a later film gives the same date more
      precisely (``"2000"``, then ``"2000-11-07"``).
    - External ids are joined; two films that give the same kind of id different values
      are not the same title, and are refused.
    - Ratings are kept one per source, content ratings one per country and system, both
      from the first film that has them.
    - Genres, languages and countries are joined, each kept once, in order.
    - Credits and offers are joined too, and an item that another one completes gives
      way to it, at its own place: an actor without a character to the same actor with
      one (OMDb's actors, TMDb's cast), an offer without a price to the same provider's
      offer of that type with a price and the same known details.

    Args:
        first: The film from the most trusted source.
        *others: The films from the other sources, in order of trust.

    Returns:
        The combined film, validated as any film is.

    Raises:
        ValidationError: Two films give different ids of one kind (the path is the id's).
        TypeError: An argument is not a :class:`Film`.

    Examples:
        >>> from_omdb = Film(
        ...     "Backstage",
        ...     kind="tv_movie",
        ...     release_date="2000",
        ...     credits=[Credit("Jay-Z", "self")],
        ...     ratings=[Rating("imdb", 5.7, votes=347)],
        ...     ids=ExternalIds(imdb="tt0233044"),
        ... )
        >>> from_tmdb = Film(
        ...     "Backstage",
        ...     release_date="2000-11-07",
        ...     runtime=86,
        ...     credits=[Credit("Jay-Z", "self", character="Himself")],
        ...     ratings=[Rating("tmdb", 5.2, votes=12)],
        ...     ids=ExternalIds(imdb="tt0233044", tmdb=21307),
        ... )
        >>> film = merge_films(from_omdb, from_tmdb)
        >>> film.kind, str(film.release_date), film.runtime.seconds // 60
        (<FilmKind.TV_MOVIE: 'tv_movie'>, '2000-11-07', 86)
        >>> film.credits
        (Credit(name='Jay-Z', role='self', character='Himself'),)
        >>> [rating.source for rating in film.ratings], film.ids.tmdb
        (['imdb', 'tmdb'], 21307)
        >>> merge_films(from_tmdb, Film("Heat", ids=ExternalIds(tmdb=949)))
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: ids.tmdb: 21307 and 949 are different titles
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
