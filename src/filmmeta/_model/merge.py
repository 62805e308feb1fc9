"""Combining what several sources say about one film.

Each importer knows part of a film: OMDb has the ratings of IMDb, Metacritic and Rotten
Tomatoes, TMDb the cast with their characters and the certifications of many countries,
JustWatch the offers. :func:`merge_films` puts the parts together, with the films given in
the order the caller trusts them: where two disagree on a single value, the earlier one
wins; lists are joined without repeats.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import attrs

from filmmeta._model.certification import ContentRating
from filmmeta._model.dates import PartialDate
from filmmeta._model.film import Film
from filmmeta._model.ids import ExternalIds
from filmmeta._model.ratings import Rating
from filmmeta._model.validate import describe
from filmmeta.exceptions import ValidationError

__all__ = ["merge_films"]

T = TypeVar("T")

# The fields whose first known value wins. kind has a default (movie) rather than "not
# known", so the first film's kind is taken as it is.
_FIRST_KNOWN = ("runtime", "summary", "original_title")
_JOINED = ("genres", "languages", "countries")
# Items that another item can complete: the fields that name the item, then the details.
_DETAILED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "credits": (("name", "role"), ("character",)),
    "offers": (("provider", "type"), ("region", "price", "currency", "quality", "url")),
}


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
            raise TypeError(f"merge_films() takes films; argument {i + 1} is {describe(film)}")
    changes: dict[str, Any] = {
        name: next((v for f in films if (v := getattr(f, name)) is not None), None)
        for name in _FIRST_KNOWN
    }
    changes |= {name: _joined(getattr(f, name) for f in films) for name in _JOINED}
    changes |= {
        name: _completed(_joined(getattr(f, name) for f in films), *fields)
        for name, fields in _DETAILED.items()
    }
    return attrs.evolve(
        first,
        **changes,
        release_date=_release_date(films),
        content_ratings=_first_by(films, "content_ratings", _rating_system),
        ratings=_first_by(films, "ratings", _source),
        ids=_ids(films),
    )


def _joined(groups: Iterable[tuple[T, ...]]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


def _first_by(
    films: tuple[Film, ...], name: str, key: Callable[[Any], Hashable]
) -> tuple[Any, ...]:
    kept: dict[Hashable, Any] = {}
    for film in films:
        for item in getattr(film, name):
            kept.setdefault(key(item), item)
    return tuple(kept.values())


def _rating_system(rating: ContentRating) -> Hashable:
    return (rating.country, rating.system)


def _source(rating: Rating) -> Hashable:
    return rating.source


def _release_date(films: tuple[Film, ...]) -> PartialDate | None:
    dates = [film.release_date for film in films if film.release_date is not None]
    if not dates:
        return None
    best = dates[0]
    for date in dates[1:]:
        # "2000-11-07" makes "2000" and "2000-11" more precise; "2001-..." disagrees.
        if str(date).startswith(f"{best}-"):
            best = date
    return best


def _completed(
    items: tuple[T, ...], key: tuple[str, ...], details: tuple[str, ...]
) -> tuple[T, ...]:
    """Replace each item that others complete by the fullest of them, at its place.

    One item completes another when it has the same key, the same value for every detail
    the other knows, and more details. A complete item is kept once, at its first place.
    """
    groups: dict[tuple[Any, ...], list[T]] = {}
    group_of: list[list[T]] = []
    for item in items:
        group_of.append(groups.setdefault(tuple(getattr(item, name) for name in key), []))
        group_of[-1].append(item)

    def completes(this: T, that: T) -> bool:
        return this is not that and all(
            (known := getattr(that, name)) is None or known == getattr(this, name)
            for name in details
        )

    kept: dict[T, None] = {}
    for item, group in zip(items, group_of, strict=True):
        fuller = [other for other in group if completes(other, item)]
        if not fuller:
            kept[item] = None
        for other in fuller:
            if not any(completes(third, other) for third in group):
                kept[other] = None
    return tuple(kept)


def _ids(films: tuple[Film, ...]) -> ExternalIds:
    known: dict[str, Any] = {}
    for film in films:
        for field in attrs.fields(ExternalIds):
            value = getattr(film.ids, field.name)
            if value is None:
                continue
            seen = known.setdefault(field.name, value)
            if seen != value:
                raise ValidationError.at(
                    f"ids.{field.name}", f"{seen!r} and {value!r} are different titles"
                )
    return ExternalIds(**known)
