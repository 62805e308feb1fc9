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

import re
from collections.abc import Iterator

from filmmeta._model.film import Film
from filmmeta._model.ids import NO_IDS, ExternalIds
from filmmeta._model.validate import shown
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import warn
from filmmeta.formats._csv import Row, Source, Table, header_text, open_table
from filmmeta.formats._titles import split_title

__all__ = ["read_movies"]

_NO_GENRES = "(no genres listed)"
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
                )
            except ValidationError as err:
                raise table.wrap(row, err) from None
            assert movie is not None  # required
            if movie in found:
                raise table.wrap(row, row.error("movieId", f"{movie} is given twice"))
            found[movie] = ids
    return found


def read_movies(
    movies: Source, links: Source | None = None, *, encoding: str | None = None
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

    .. versionadded:: 0.2.0
    """
    ids = {} if links is None else _read_links(links, encoding)
    with open_table(movies, encoding=encoding) as table:
        _expect(table, "movieId", "title")
        genres_column = table.column("genres")
        for row in table.rows():
            try:
                movie = _number(row, "movieId", required=True)
                title = row.get("title")
                if title is None:
                    raise row.error("title", "missing")
                split = split_title(title)
                genres = row.get(genres_column)
                film = Film(
                    split.title,
                    release_date=split.year,
                    genres=[]
                    if genres is None or genres == _NO_GENRES
                    else [g.strip() for g in genres.split("|") if g.strip()],
                    ids=ids.pop(movie, NO_IDS),  # type: ignore[arg-type]
                )
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield film
    if ids:
        shown_ids = ", ".join(str(m) for m in sorted(ids)[:5])
        warn(
            f"links: {len(ids)} movieId(s) not in movies ({shown_ids}"
            f"{', ...' if len(ids) > 5 else ''}): left out"
        )
