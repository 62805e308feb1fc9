"""Read IMDb's CSV exports (Your Ratings, lists, the watchlist) into viewings and films.

IMDb has written three layouts: the modern one (``Const,Your Rating,Date Rated,Title,URL,
Title Type,...``, ISO dates, title types such as ``movie``), the 2024+ one (an ``Original
Title`` column, M/D/YYYY dates, capitalised title types such as ``Movie`` and ``TV
Series``) and the legacy one of about 2011 (every field quoted, lowercase ``position,
const,created``, ``You rated``, ``Feature Film``, ctime dates such as ``Sat Apr 23 08:36:35
2011``, genres such as ``sci_fi``). All three are read, told apart by their header and
values, never by a flag; columns are found by name (case, spaces and dots aside), so a
column IMDb renames or adds later changes nothing while the ones that matter are there.
``docs/formats/imdb-csv.md`` has the column-by-column table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from filmmeta._model import (
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    PartialDate,
    Rating,
    Role,
    Viewing,
    shown,
)
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import warn
from filmmeta.formats._csv import Row, Source, Table, header_text, open_table
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names

__all__ = ["read_films", "read_ratings"]

# The columns that matter, by their names with case, spaces and punctuation removed.
_COLUMNS = {
    "const": ("const", "tconst"),
    "your_rating": ("yourrating", "yourated"),
    "date_rated": ("daterated",),
    "created": ("created",),
    "title": ("title",),
    "original_title": ("originaltitle",),
    "type": ("titletype",),
    "imdb_rating": ("imdbrating",),
    "runtime": ("runtimemins", "runtime"),
    "year": ("year",),
    "genres": ("genres",),
    "votes": ("numvotes",),
    "release_date": ("releasedate", "releasedatemonthdayyear"),
    "directors": ("directors",),
}
_KINDS = {
    **dict.fromkeys(("movie", "feature film", "documentary"), FilmKind.MOVIE),
    **dict.fromkeys(("tvmovie", "tv movie"), FilmKind.TV_MOVIE),
    **dict.fromkeys(("short", "short film", "tvshort", "tv short"), FilmKind.SHORT),
    **dict.fromkeys(("video",), FilmKind.VIDEO),
    **dict.fromkeys(("tvspecial", "tv special"), FilmKind.TV_SPECIAL),
}
# The legacy layout's genres that are not just the capitalised word.
_LEGACY_GENRES = {
    "sci_fi": "Sci-Fi",
    "film_noir": "Film-Noir",
    "game_show": "Game-Show",
    "reality_tv": "Reality-TV",
    "talk_show": "Talk-Show",
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_CTIME = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) +(\d{1,2}) \d{2}:\d{2}:\d{2} (\d{4})",
    re.ASCII,
)
_PARTIAL = re.compile(r"[1-9]\d{3}(?:-(?:0[1-9]|1[0-2]))?", re.ASCII)
_IMDB_ID = re.compile(r"tt\d{7,}", re.ASCII)
_INTEGER = re.compile(r"\d{1,10}", re.ASCII)
_DECIMAL = re.compile(r"\d{1,2}(?:\.\d{1,3})?", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)


def _key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _columns(table: Table) -> dict[str, str]:
    """The file's own name of each column that matters and is there."""
    by_key = {_key(name): name for name in reversed(table.header)}
    found = {}
    for column, keys in _COLUMNS.items():
        for key in keys:
            if key in by_key:
                found[column] = by_key[key]
                break
    missing = [name for name in ("const", "title") if name not in found]
    if missing:
        raise table.error(
            f"not an IMDb export: no {' or '.join(_COLUMNS[missing[0]])} column "
            f"(the header is {header_text(table.header)})",
            1,
        )
    return found


def _date(row: Row, column: str | None) -> dt.date | None:
    value = row.get(column)
    if value is None:
        return None
    assert column is not None  # a value was found in it
    try:
        if match := _ISO.fullmatch(value):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _US.fullmatch(value):
            # IMDb writes month/day/year; a day first (13/1/2024) is not IMDb's and is
            # refused below rather than read either way.
            return dt.date(int(match[3]), int(match[1]), int(match[2]))
        if (match := _CTIME.fullmatch(value)) and match[1] in _MONTHS:
            return dt.date(int(match[3]), _MONTHS[match[1]], int(match[2]))
    except ValueError:
        pass
    raise row.error(column, f"{shown(value)} is not a date as IMDb writes them")


def _number(row: Row, column: str | None, pattern: re.Pattern[str]) -> str | None:
    value = row.get(column)
    if value is None or pattern.fullmatch(value):
        return value
    assert column is not None  # a value was found in it
    raise row.error(column, f"{shown(value)} is not a number")


def _genres(row: Row, column: str | None, *, legacy: bool) -> list[str]:
    value = row.get(column)
    if value is None:
        return []
    genres = [g.strip() for g in value.split(",") if g.strip()]
    if legacy:
        genres = [_LEGACY_GENRES.get(g, g.replace("_", " ").title()) for g in genres]
    return list(dict.fromkeys(genres))


def _release_date(row: Row, columns: dict[str, str]) -> PartialDate | None:
    year = _number(row, columns.get("year"), _YEAR)
    column = columns.get("release_date")
    value = row.get(column)
    released: PartialDate | None = None
    if value is not None and _PARTIAL.fullmatch(value):  # a film not out yet: "2026"
        released = PartialDate.fromisoformat(value)
    elif value is not None:
        day = _date(row, column)
        assert day is not None  # a value was found
        released = PartialDate.from_date(day)
    # The film's own date: the release date when it is in the film's year, else the year
    # (IMDb's "Release Date" is often a later, US release: 1/8/1993 for a 1992 film).
    if released is not None and (year is None or int(year) == released.year):
        return released
    if year is not None and int(year) > 0:
        return PartialDate(int(year))
    return None


def _film(
    row: Row, columns: dict[str, str], kind: FilmKind, *, legacy: bool, genre_words: GenreNames
) -> Film:
    const = row.get(columns["const"])
    if const is None or not _IMDB_ID.fullmatch(const):
        raise row.error(columns["const"], f"{shown(const)} is not an IMDb id (tt and digits)")
    title = row.get(columns["title"])
    if title is None:
        raise row.error(columns["title"], "missing")
    original = row.get(columns.get("original_title"))
    score = _number(row, columns.get("imdb_rating"), _DECIMAL)
    votes = _number(row, columns.get("votes"), _INTEGER)
    runtime = _number(row, columns.get("runtime"), _INTEGER)
    directors = row.get(columns.get("directors"))
    release_date = _release_date(row, columns)
    genres = genre_names(
        _genres(row, columns.get("genres"), legacy=legacy), genre_words, source="imdb"
    )
    ratings = []
    if score is not None:
        try:
            ratings.append(
                Rating("imdb", float(score), votes=None if votes is None else int(votes))
            )
        except ValidationError as err:
            raise row.error(columns["imdb_rating"], err.errors[0][1]) from None
    try:
        return Film(
            title,
            kind=kind,
            release_date=release_date,
            runtime=None if runtime is None or int(runtime) == 0 else int(runtime),
            genres=genres,
            credits=[
                Credit(name.strip(), Role.DIRECTOR)
                for name in (directors or "").split(",")
                if name.strip()
            ],
            ratings=ratings,
            ids=ExternalIds(imdb=const),
            original_title=original if original != title else None,
        )
    except ValidationError as err:  # the texts' lengths: the rest was checked above
        field = {"credits": columns.get("directors"), "genres": columns.get("genres")}
        raise ValidationError(
            [(field.get(p.split("[")[0]) or columns["title"], m) for p, m in err.errors]
        ) from None


def _your_rating(row: Row, column: str | None) -> Rating | None:
    value = row.get(column)
    if value is None:
        return None
    assert column is not None  # a value was found in it
    if not (_INTEGER.fullmatch(value) and 1 <= int(value) <= 10):
        raise row.error(column, f"{shown(value)} is not an IMDb rating (1 to 10)")
    return Rating("imdb", int(value))


def _rows(
    table: Table, columns: dict[str, str]
) -> Iterator[tuple[Row, dict[str, str], FilmKind, bool]]:
    """The rows that are films, with the columns and their kind; the others counted."""
    legacy = "youated" in {_key(c) for c in table.header} or "const" in table.header
    type_column = columns.get("type")
    others: Counter[str] = Counter()
    for row in table.rows():
        title_type = row.get(type_column)
        kind = FilmKind.MOVIE if title_type is None else _KINDS.get(title_type.lower())
        if kind is None:
            assert title_type is not None
            others[title_type] += 1
            continue
        yield row, columns, kind, legacy
    if others:
        counts = ", ".join(f"{n} {shown(name)}" for name, n in others.most_common(5))
        more = ", ..." if len(others) > 5 else ""
        warn(
            f"{table.file or 'IMDb export'}: {others.total()} row(s) that are not films "
            f"left out ({counts}{more})"
        )


def read_films(
    source: Source, *, encoding: str | None = None, genres: GenreNames = "canonical"
) -> Iterator[Film]:
    """Read any IMDb CSV export (ratings, a list, the watchlist) into films.

    Args:
        source: The CSV file: a path, its bytes, or an open file.
        encoding: The file's encoding when it is not UTF-8.
        genres: ``"canonical"`` gives the genre vocabulary's names ("Sci-Fi" and the
            legacy layout's "sci_fi" are "Science Fiction"; a genre it does not know is
            kept as written), ``"source"`` IMDb's own words.

    Yields:
        One film per row that is a film: the IMDb id, title and original title, kind,
        year (or release date), runtime, genres, directors and IMDb's own rating. Rows
        of series, episodes, games and other titles that are not films are left out
        with one :class:`~filmmeta.FilmmetaWarning` that counts them by type.

    Raises:
        ValidationError: A file without a ``Const`` or ``Title`` column, or a bad value
            (with its line, column and file); *genres* that is neither name (path
            ``genres``).

    Examples:
        >>> data = b'''Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
        ... tt1300854,7,4/18/2026,Iron Man 3,Iron Man Three,https://www.imdb.com/title/tt1300854,Movie,7.1,130,2013,"Action, Adventure, Sci-Fi",963775,5/3/2013,Shane Black
        ... '''
        >>> film = next(read_films(data))
        >>> film.title, film.original_title, film.release_date, film.ids.imdb
        ('Iron Man 3', 'Iron Man Three', PartialDate(year=2013, month=5, day=3), 'tt1300854')
        >>> film.rating("imdb").display, film.credited("director")
        ('7.1 (963,775)', ('Shane Black',))

    .. versionadded:: 0.2.0
    """  # noqa: E501
    genre_words = check_genre_names(genres)
    with open_table(source, encoding=encoding) as table:
        for row, columns, kind, legacy in _rows(table, _columns(table)):
            try:
                film = _film(row, columns, kind, legacy=legacy, genre_words=genre_words)
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield film


def read_ratings(
    source: Source, *, encoding: str | None = None, genres: GenreNames = "canonical"
) -> Iterator[Viewing]:
    """Read the user's ratings from an IMDb CSV export into viewings.

    The "Your Ratings" export gives one viewing per row; a list or watchlist export
    gives one for each row the user has rated (its ``Your Rating`` or ``You rated``).

    Args:
        source: The CSV file: a path, its bytes, or an open file.
        encoding: The file's encoding when it is not UTF-8.
        genres: ``"canonical"`` gives the genre vocabulary's names ("Sci-Fi" and the
            legacy layout's "sci_fi" are "Science Fiction"; a genre it does not know is
            kept as written), ``"source"`` IMDb's own words.

    Yields:
        One viewing per rated film: the film as :func:`read_films` reads it, the rating
        on IMDb's 1 to 10 scale, and the day rated (``Date Rated``; in the legacy
        layout, which has none, the day the row was created) as ``logged_on``.

    Raises:
        ValidationError: A file without a ``Your Rating`` column as well as those
            :func:`read_films` refuses, or a bad value.

    Examples:
        >>> data = b'''"position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"
        ... "1","tt1375666","Sat Apr 23 08:36:35 2011","Sat Apr 23 08:36:35 2011","","Inception","Feature Film","Christopher Nolan","10","8.8","148","2010","action, mystery, sci_fi, thriller","1159852","2010-07-08","http://www.imdb.com/title/tt1375666/"
        ... '''
        >>> viewing = next(read_ratings(data))
        >>> viewing.rating.display, viewing.logged_on, viewing.film.genres
        ('10', datetime.date(2011, 4, 23), ('Action', 'Mystery', 'Science Fiction', 'Thriller'))
        >>> next(read_ratings(data, genres="source")).film.genres
        ('Action', 'Mystery', 'Sci-Fi', 'Thriller')

    .. versionadded:: 0.2.0
    """  # noqa: E501
    genre_words = check_genre_names(genres)
    with open_table(source, encoding=encoding) as table:
        found = _columns(table)
        if "your_rating" not in found:
            raise table.error(
                f"no Your Rating column: not an export of ratings "
                f"(the header is {header_text(table.header)})",
                1,
            )
        for row, columns, kind, legacy in _rows(table, found):
            try:
                rating = _your_rating(row, columns["your_rating"])
                if rating is None:
                    continue
                day = _date(row, columns.get("date_rated", columns.get("created")))
                viewing = Viewing(
                    _film(row, columns, kind, legacy=legacy, genre_words=genre_words),
                    logged_on=day,
                    rating=rating,
                )
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield viewing
