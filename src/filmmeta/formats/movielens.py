"""Read the MovieLens data sets (``movies.csv``, ``links.csv``) into films.

MovieLens (GroupLens, https://grouplens.org/datasets/movielens/) is the data set recommender
tutorials start from. ``movies.csv`` writes a title the library way, with its year inside
it ("American President, The (1995)") and its genres joined by ``|``; ``links.csv`` gives
the IMDb id without its ``tt`` and often without its leading zeros, and the TMDb id, which
may be empty. :func:`read_movies` reads both into films; copies re-saved by spreadsheet
programs with ``;`` between fields read the same. ``docs/formats/movielens.md`` has the
column-by-column table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping

from filmmeta._model import NO_IDS, ExternalIds, Film, Rating, Title, Viewing, shown
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import warn
from filmmeta.formats._csv import Row, Source, Table, header_text, open_table
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names
from filmmeta.formats._titles import SplitTitle, split_title

__all__ = ["read_movies", "read_ratings"]

_NO_GENRES = "(no genres listed)"
_RATING = re.compile(r"\d(?:\.\d+)?", re.ASCII)
_DIGITS = re.compile(r"\d+", re.ASCII)
# pandas writes an integer column with an empty cell as floats: "862.0".
_INTEGRAL_FLOAT = re.compile(r"(\d+)\.0*", re.ASCII)


def _number(row: Row, column: str, *, required: bool = False) -> int | None:
    value = row.get(column)
    if value is None:
        if required:
            raise row.error(column, "missing")
        return None
    match = _DIGITS.fullmatch(value) or _INTEGRAL_FLOAT.fullmatch(value)
    if match is None or len(value) > 20:
        raise row.error(column, f"{shown(value)} is not a whole number")
    number = int(match[0] if match.re is _DIGITS else match[1])
    if number <= 0:
        raise row.error(column, f"{shown(value)} is not a positive id")
    return number


def _expect(table: Table, *columns: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise table.error(
            f"not a MovieLens file: no {', '.join(missing)} column "
            f"(the header is {header_text(table.header)})",
            1,
        )


def _read_links(links: Source, encoding: str | None) -> dict[int, ExternalIds]:
    found: dict[int, ExternalIds] = {}
    with open_table(links, encoding=encoding) as table:
        _expect(table, "movieId", "imdbId", "tmdbId")
        for row in table.rows():
            try:
                movie = _number(row, "movieId", required=True)
                imdb = _number(row, "imdbId")
                ids = ExternalIds(
                    imdb=None if imdb is None else f"tt{imdb:07d}",
                    tmdb=_number(row, "tmdbId"),
                    other={"movielens": str(movie)},
                )
            except ValidationError as err:
                raise table.wrap(row, err) from None
            assert movie is not None  # required
            if movie in found:
                raise table.wrap(row, row.error("movieId", f"{movie} is given twice"))
            found[movie] = ids
    return found


def read_movies(
    movies: Source,
    links: Source | None = None,
    *,
    encoding: str | None = None,
    genres: GenreNames = "canonical",
) -> Iterator[Film]:
    r"""Read MovieLens' ``movies.csv``, with the ids of ``links.csv``, one film at a time.

    Each row gives a film whose title is the display title ("The American President"
    for "American President, The (1995)"), whose release date is the year taken off
    the title, whose genres are the ``|``-joined ones (none for "(no genres listed)")
    and whose ids are the IMDb id (``tt`` and the leading zeros restored) and the TMDb
    id of ``links.csv``. Files separated by ``;`` (re-saved by a spreadsheet program)
    are recognised from their header.

    Args:
        movies: ``movies.csv``: a path, its bytes, or an open file.
        links: ``links.csv`` in the same forms, or None for films without ids.
        encoding: The files' encoding when it is not UTF-8.
        genres: ``"canonical"`` gives the genre vocabulary's names ("Children" is
            "Family", "Sci-Fi" "Science Fiction"; "IMAX", which it does not know, is kept
            as written), ``"source"`` MovieLens' own words.

    Yields:
        One film per row of ``movies.csv``, in order.

    Raises:
        ValidationError: A file that is not MovieLens' (the missing column named), or a
            row with a bad value, with its line, column and file.

    Examples:
        >>> movies = b'movieId,title,genres\n11,"American President, The (1995)",Comedy|Drama\n'
        >>> links = b"movieId,imdbId,tmdbId\n11,0112346,9087\n"
        >>> film = next(read_movies(movies, links))
        >>> film.title, film.year, film.genres, film.ids.imdb, film.ids.tmdb
        ('The American President', 1995, ('Comedy', 'Drama'), 'tt0112346', 9087)
        >>> toy = b"movieId,title,genres\n1,Toy Story (1995),Animation|Children|IMAX\n"
        >>> next(read_movies(toy)).genres, next(read_movies(toy, genres="source")).genres
        (('Animation', 'Family', 'IMAX'), ('Animation', 'Children', 'IMAX'))

    .. versionadded:: 0.2.0
    """
    genre_words = check_genre_names(genres)
    for _, film in _movies(movies, links, encoding, genre_words):
        yield film


def _movies(
    movies: Source, links: Source | None, encoding: str | None, genre_words: GenreNames
) -> Iterator[tuple[int, Film]]:
    """``(movieId, film)`` for every row of *movies*."""
    ids = {} if links is None else _read_links(links, encoding)
    with open_table(movies, encoding=encoding) as table:
        _expect(table, "movieId", "title")
        genres_column = table.column("genres")
        for row in table.rows():
            try:
                movie = _number(row, "movieId", required=True)
                assert movie is not None  # required
                title = row.get("title")
                if title is None:
                    raise row.error("title", "missing")
                split = split_title(title)
                genres = row.get(genres_column)
                words = (
                    []
                    if genres is None or genres == _NO_GENRES
                    else [g.strip() for g in genres.split("|") if g.strip()]
                )
                film = Film(
                    split.title,
                    release_date=split.year,
                    genres=genre_names(words, genre_words, source="movielens"),
                    ids=ids.pop(movie, NO_IDS),
                    titles=_titles(split),
                )
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield movie, film
    if ids:
        warn(f"links: {_some(ids)} not in movies: left out")


def _titles(split: SplitTitle) -> list[Title]:
    """The titles the file writes besides the display title: as written, and the others."""
    texts = dict.fromkeys(t for t in (split.written, *split.others) if t != split.title)
    return [Title(text) for text in texts]


def _some(ids: Iterable[int]) -> str:
    found = sorted(ids)
    shown_ids = ", ".join(str(m) for m in found[:5])
    return f"{len(found)} movieId(s) ({shown_ids}{', ...' if len(found) > 5 else ''})"


def read_ratings(
    ratings: Source,
    movies: Source | Mapping[int, Film],
    links: Source | None = None,
    *,
    encoding: str | None = None,
    genres: GenreNames = "canonical",
) -> Iterator[Viewing]:
    r"""Read MovieLens' ``ratings.csv`` into viewings of anonymous users, streamed.

    The ratings are read one row at a time (``ratings.csv`` of MovieLens 25M has 25
    million rows); the films they rate are read first, once.

    Args:
        ratings: ``ratings.csv`` (``userId,movieId,rating,timestamp``): a path, its
            bytes, or an open file.
        movies: ``movies.csv`` in the same forms, or the films by ``movieId``.
        links: ``links.csv``, for the films' ids, when *movies* is a file.
        encoding: The files' encoding when it is not UTF-8.
        genres: The films' genre names when *movies* is a file, as for
            :func:`read_movies`.

    Yields:
        One viewing per row: the film, the rating on MovieLens' scale (0.5 to 5), the
        user's id as ``user`` and the day of the timestamp (UTC) as ``logged_on``, the
        day the rating was given. A rating of a film not in *movies* is left out, and
        counted in one :class:`~filmmeta.FilmmetaWarning`.

    Raises:
        ValidationError: A bad value, with its line, column and file.

    Examples:
        >>> movies = b"movieId,title,genres\n1,Toy Story (1995),Animation\n"
        >>> ratings = b"userId,movieId,rating,timestamp\n7,1,4.5,964982703\n"
        >>> viewing = next(read_ratings(ratings, movies))
        >>> viewing.film.title, viewing.user, viewing.rating.display, viewing.logged_on
        ('Toy Story', '7', '4.5/5', datetime.date(2000, 7, 30))

    .. versionadded:: 0.2.0
    """
    genre_words = check_genre_names(genres)
    films = (
        movies
        if isinstance(movies, Mapping)
        else dict(_movies(movies, links, encoding, genre_words))
    )
    missing: set[int] = set()
    with open_table(ratings, encoding=encoding) as table:
        _expect(table, "userId", "movieId", "rating")
        for row in table.rows():
            try:
                movie = _number(row, "movieId", required=True)
                user = row.get("userId")
                if user is None:
                    raise row.error("userId", "missing")
                film = films.get(movie)  # type: ignore[arg-type]
                if film is None:
                    missing.add(movie)  # type: ignore[arg-type]
                    continue
                viewing = Viewing(
                    film,
                    logged_on=_day(row),
                    rating=_rating(row),
                    user=user,
                )
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield viewing
    if missing:
        warn(f"ratings: ratings of {_some(missing)} not in movies: left out")


def _rating(row: Row) -> Rating:
    value = row.get("rating")
    if value is None or not _RATING.fullmatch(value) or not 0.5 <= float(value) <= 5:
        raise row.error("rating", f"{shown(value)} is not a MovieLens rating (0.5 to 5)")
    number = float(value)
    return Rating("movielens", int(number) if number.is_integer() else number, best=5, worst=0.5)


def _day(row: Row) -> dt.date | None:
    value = row.get("timestamp")
    if value is None:
        return None
    # Eleven digits at most: the year 5138, within what a date holds.
    if not _DIGITS.fullmatch(value) or len(value) > 11:
        raise row.error("timestamp", f"{shown(value)} is not a Unix timestamp")
    return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
