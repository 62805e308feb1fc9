"""merge_films: the model's combining rules, guarded by the matcher and the vocabularies.

The rules that combine the parts live with the model (:mod:`filmmeta._model.merge`); this
layer refuses to combine films that do not describe one film, and gives genres and
providers their one name first, so that the combined film lists each once.
"""

from __future__ import annotations

import attrs

from filmmeta._model import Film, canonical_genres, combine_films, provider_name, shown_typed
from filmmeta.exceptions import ValidationError

__all__ = ["MERGE_THRESHOLD", "merge_films"]

#: The score from which merge_films takes films without shared ids for one. Lower than
#: catalog matching's: the caller has paired the records already, and the guard is there
#: for records that disagree (other titles, years apart, other directors), not for
#: records that merely say little (a title without a year).
MERGE_THRESHOLD = 0.6


def _named(film: Film) -> Film:
    offers = tuple(
        offer
        if (name := provider_name(offer.provider, region=offer.region)) == offer.provider
        else attrs.evolve(offer, provider=name)
        for offer in film.offers
    )
    return attrs.evolve(film, genres=canonical_genres(film.genres), offers=offers)


def merge_films(
    first: Film, *others: Film, force: bool = False, threshold: float = MERGE_THRESHOLD
) -> Film:
    """Combine several sources' films of one title into one film.

    The films are given in the order their sources are trusted, the most trusted first.

    - Each film must be the same film as the first by :func:`filmmeta.match.same_film`
      (ids that agree, or titles, years, runtimes and directors that do), unless *force*
      is true: records that only look alike are not merged by accident.
    - Genres take their names from the genre vocabulary (:func:`canonical_genres`: "Sci-Fi"
      and "Science Fiction" are one genre) and offers their providers' names from the
      provider vocabulary (:func:`provider_name`: "Amazon Video" is "Amazon"), so that the
      combined film lists each once.
    - The title and kind are the first film's. The runtime, summary and original title
      are the first known.
    - The release date is the first known, unless a later film gives the same date more
      precisely (``"2000"``, then ``"2000-11-07"``).
    - External ids are joined; two films that give the same kind of id different values
      are not the same title, and are refused (even with *force*).
    - Ratings are kept one per source, content ratings one per country and system, both
      from the first film that has them.
    - Genres, languages, countries, titles and keywords are joined, each kept once, in
      order; releases are kept one per country, kind and date; the budget, box office and
      awards come from the first film that has them (each field's merge policy, in
      :mod:`filmmeta._model.fields`).
    - Credits and offers are joined too, and an item that another one completes gives
      way to it, at its own place: an actor without a character to the same actor with
      one (OMDb's actors, TMDb's cast), an offer without a price to the same provider's
      offer of that type with a price and the same known details.

    Args:
        first: The film from the most trusted source.
        *others: The films from the other sources, in order of trust.
        force: Merge even films that the matcher does not take for the first one.
        threshold: The score from which films without shared ids are taken for one
            (:data:`MERGE_THRESHOLD`).

    Returns:
        The combined film, validated as any film is.

    Raises:
        ValidationError: A film does not match the first (the path names it:
            ``films[1]``), or two films give different ids of one kind (the path is the
            id's).
        TypeError: An argument is not a :class:`Film`.

    Examples:
        >>> from_omdb = Film(
        ...     "Backstage",
        ...     kind="tv_movie",
        ...     release_date="2000",
        ...     genres=["Documentary", "Music"],
        ...     credits=[Credit("Jay-Z", "self")],
        ...     ratings=[Rating("imdb", 5.7, votes=347)],
        ...     ids=ExternalIds(imdb="tt0233044"),
        ... )
        >>> from_tmdb = Film(
        ...     "Backstage",
        ...     release_date="2000-11-07",
        ...     runtime=86,
        ...     genres=["Documentary"],
        ...     credits=[Credit("Jay-Z", "self", character="Himself")],
        ...     ratings=[Rating("tmdb", 5.2, votes=12)],
        ...     offers=[Offer("Amazon Video", "rent", region="US")],
        ...     ids=ExternalIds(imdb="tt0233044", tmdb=21307),
        ... )
        >>> film = merge_films(from_omdb, from_tmdb)
        >>> film.kind, str(film.release_date), film.runtime.seconds // 60, film.genres
        (<FilmKind.TV_MOVIE: 'tv_movie'>, '2000-11-07', 86, ('Documentary', 'Music'))
        >>> film.credits, film.offers[0].provider
        ((Credit(name='Jay-Z', role='self', character='Himself'),), 'Amazon')
        >>> [rating.source for rating in film.ratings], film.ids.tmdb
        (['imdb', 'tmdb'], 21307)
        >>> merge_films(from_tmdb, Film("Heat", ids=ExternalIds(tmdb=949)))
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: ids.tmdb: 21307 and 949 are different titles
        >>> merge_films(from_omdb, Film("Heat", release_date=1995))
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: films[1]: 'Heat' (1995) is not the same film as 'Backstage' (2000): no title forms agree; years 2000 and 1995 are 5 apart (pass force=True to merge them anyway)

    .. versionchanged:: 0.2.0
       Films that do not match are refused unless ``force=True``; genres and providers
       take the vocabularies' names.
    """  # noqa: E501
    films = (first, *others)
    for i, film in enumerate(films):
        if not isinstance(film, Film):
            # A bug in the calling code, not bad data: a TypeError, as docs/guarantees.md says.
            raise TypeError(f"merge_films() takes films; argument {i + 1} is {shown_typed(film)}")
    if not force:
        # The matcher loads with the first films it compares, not with `import filmmeta`.
        from filmmeta._match.score import same_film

        problems = []
        for i, other in enumerate(others, 1):
            match = same_film(first, other, threshold=threshold)
            # Ids that conflict are the model's to report, at the id's path.
            if not match.matched and not any(" ids conflict " in r for r in match.reasons):
                problems.append(
                    (
                        f"films[{i}]",
                        f"{_named_year(other)} is not the same film as {_named_year(first)}: "
                        f"{'; '.join(match.reasons[:2])} (pass force=True to merge them anyway)",
                    )
                )
        if problems:
            raise ValidationError(problems)
    return combine_films(*(_named(film) for film in films))


def _named_year(film: Film) -> str:
    return f"{film.title!r} ({film.year})" if film.year is not None else repr(film.title)
