"""Read a Letterboxd export (Settings, Data, Export your data) into viewings and films.

Letterboxd gives a ZIP of CSV files: ``diary.csv`` (one row per logged viewing),
``ratings.csv``, ``watched.csv``, ``reviews.csv``, ``likes/films.csv``, ``watchlist.csv``
and one file per list in ``lists/``. :func:`read_viewings` reads any of the first five into
:class:`~filmmeta.Viewing` values, :func:`read_films` reads the watchlist and lists into
films, and :func:`read_export` reads the whole ZIP (or its unpacked folder) at once.
``docs/formats/letterboxd.md`` has the column-by-column table.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import PurePosixPath
from typing import IO, Literal

import attrs

from filmmeta._model import NO_IDS, ExternalIds, Film, Rating, Viewing, shown
from filmmeta.exceptions import UnsupportedDocumentError, ValidationError
from filmmeta.formats._csv import Row, Source, Table, header_text, open_table
from filmmeta.formats._html_text import html_to_text

__all__ = ["Export", "Kind", "read_export", "read_films", "read_viewings"]

#: The files of an export: ``diary``, ``ratings``, ``watched``, ``reviews`` and ``likes``
#: hold viewings; ``watchlist`` and ``list`` hold films.
Kind = Literal["diary", "ratings", "watched", "reviews", "likes", "watchlist", "list"]
_KINDS: tuple[str, ...] = ("diary", "ratings", "watched", "reviews", "likes", "watchlist", "list")
_FILM_KINDS = ("watchlist", "list")
# Files whose Letterboxd URI is the entry's own page (boxd.it/<entry>), not the film's.
_ENTRY_KINDS = ("diary", "reviews")

_YEAR = re.compile(r"\d{4}", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_RATING = re.compile(r"(?:[1-4](?:\.[05]0*)?|0?\.50*|5(?:\.0*)?)", re.ASCII)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    NotImplementedError,  # a compression method the zipfile module does not have
    RuntimeError,  # an encrypted member
    KeyError,
    OverflowError,
    IndexError,  # a member with an empty name
)
_SHORT_LINK = re.compile(r"https?://boxd\.it/([A-Za-z0-9]+)/?", re.ASCII)
_NAMED = re.compile(r"(?:^|[-_. ])(watched|watchlist)$")
_TRUE, _FALSE = frozenset({"yes", "true", "1"}), frozenset({"no", "false", "0"})
# The header of a list export's first part: the list itself, before its films.
_LIST_PREAMBLE = frozenset({"Date", "Name", "Tags", "URL", "Description"})


def _kind_of(table: Table, kind: str | None) -> str:
    """The kind of file *table* is: as given, from its header, or from its file name."""
    if kind is not None:
        if kind not in _KINDS:
            raise ValidationError.at("kind", f"{shown(kind)} is not one of {', '.join(_KINDS)}")
        return kind
    columns = set(table.header)
    if "Position" in columns or columns == _LIST_PREAMBLE:
        return "list"
    if "Review" in columns:
        return "reviews"
    if "Watched Date" in columns or "Rewatch" in columns:
        return "diary"
    if "Rating" in columns:
        return "ratings"
    path = PurePosixPath((table.file or "").replace("\\", "/"))
    if match := _NAMED.search(path.stem):  # "watched", or "<user>_watched" as people keep them
        return match[1]
    if path.parent.name == "likes" and path.stem == "films":
        return "likes"
    raise ValidationError.at(
        "kind",
        "a file of films with dates (watched, watchlist or likes) must say which: "
        "give kind= or read it by its own file name",
    )


def _expect(table: Table, *columns: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise table.error(
            f"not a Letterboxd export: no {', '.join(missing)} column "
            f"(the header is {header_text(table.header)})",
            1,
        )


def _date(row: Row, column: str) -> dt.date | None:
    value = row.get(column)
    if value is None:
        return None
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise row.error(column, f"{shown(value)} is not a date (YYYY-MM-DD)")


def _film(row: Row, uri: str | None = None) -> Film:
    name = row.get("Name")
    if name is None:
        raise row.error("Name", "missing")
    year = row.get("Year")
    if year is not None and not (_YEAR.fullmatch(year) and int(year) > 0):
        raise row.error("Year", f"{shown(year)} is not a year")
    try:
        return Film(
            name,
            release_date=None if year is None else int(year),
            ids=_ids(row.get(uri)),
        )
    except ValidationError as err:  # the only text is the name
        raise ValidationError([("Name", message) for _, message in err.errors]) from None


def _ids(uri: str | None) -> ExternalIds:
    """The film's Letterboxd id, from its short link (``https://boxd.it/29Nu``)."""
    match = _SHORT_LINK.fullmatch(uri or "")
    found = {"letterboxd_id": match[1]} if match else {}
    return ExternalIds(other=found) if found else NO_IDS


def _rating(row: Row) -> Rating | None:
    value = row.get("Rating")
    if value is None:
        return None
    if not _RATING.fullmatch(value):
        raise row.error("Rating", f"{shown(value)} is not a Letterboxd rating (0.5 to 5 in halves)")
    number = float(value)
    return Rating("letterboxd", int(number) if number.is_integer() else number)


def _flag(row: Row, column: str) -> bool:
    value = row.get(column)
    if value is None or value.lower() in _FALSE:
        return False
    if value.lower() in _TRUE:
        return True
    raise row.error(column, f"{shown(value)} is not Yes or empty")


def _tags(row: Row) -> tuple[str, ...]:
    value = row.get("Tags")
    if value is None:
        return ()
    return tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))


def _viewing(row: Row, kind: str, uri: str | None) -> Viewing:
    film = _film(row, None if kind in _ENTRY_KINDS else uri)
    review = row.get("Review")
    text = html_to_text(review) if review is not None else ""
    try:
        return Viewing(
            film,
            watched_on=_date(row, "Watched Date"),
            logged_on=_date(row, "Date"),
            rating=_rating(row),
            rewatch=_flag(row, "Rewatch"),
            liked=kind == "likes",
            tags=_tags(row),
            review=text or None,
            url=row.get(uri) if kind in _ENTRY_KINDS else None,
        )
    except ValidationError as err:
        # The values checked by the model and not here: the review's and URL's text.
        columns = {"review": "Review", "url": uri or "Letterboxd URI"}
        raise ValidationError(
            [(columns.get(path, path), message) for path, message in err.errors]
        ) from None


def read_viewings(
    source: Source, *, kind: Kind | None = None, encoding: str | None = None
) -> Iterator[Viewing]:
    """Read one file of a Letterboxd export into viewings, one row at a time.

    Args:
        source: ``diary.csv``, ``ratings.csv``, ``watched.csv``, ``reviews.csv`` or
            ``likes/films.csv``: a path, its bytes, or an open file.
        kind: Which file it is. None tells it from the header, and ``watched.csv`` and
            ``likes/films.csv`` (whose headers are the watchlist's) from the file name;
            give it for such a file read from bytes or a stream.
        encoding: The file's encoding when it is not UTF-8.

    Yields:
        One viewing per row: the film (title and year), the day logged (``Date``) and
        the day watched (``Watched Date``) kept apart, the rating on Letterboxd's own
        0.5 to 5 scale, rewatch, tags, the review as plain text, ``liked`` for the likes.

    Raises:
        ValidationError: A bad value, with its line, column and file; a file without
            the columns that matter.
        UnsupportedDocumentError: A watchlist or list: they hold films, not viewings
            (:func:`read_films` reads them).

    Examples:
        >>> diary = b'''Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
        ... 2023-09-30,The Wonderful Story of Henry Sugar,2023,https://boxd.it/4UNbuZ,4.5,Yes,,2023-09-29
        ... '''
        >>> viewing = next(read_viewings(diary))
        >>> viewing.film.title, viewing.watched_on, viewing.logged_on
        ('The Wonderful Story of Henry Sugar', datetime.date(2023, 9, 29), datetime.date(2023, 9, 30))
        >>> viewing.rating.display, viewing.rewatch
        ('4.5/5', True)

    .. versionadded:: 0.2.0
    """  # noqa: E501
    with open_table(source, encoding=encoding) as table:
        found = _kind_of(table, kind)
        if found in _FILM_KINDS:
            raise UnsupportedDocumentError(
                f"a Letterboxd {found} holds films to watch, not viewings: read it with read_films"
            )
        _expect(table, "Name")
        uri = table.column("Letterboxd URI", "URL")
        for row in table.rows():
            try:
                viewing = _viewing(row, found, uri)
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield viewing


def read_films(source: Source, *, encoding: str | None = None) -> Iterator[Film]:
    r"""Read a Letterboxd watchlist or list export (or any file of the export) into films.

    A list export starts with the list's own row (its name, tags and description); the
    films follow its second header, in the list's order.

    Args:
        source: ``watchlist.csv``, a ``lists/*.csv`` file, or any other file of the
            export: a path, its bytes, or an open file.
        encoding: The file's encoding when it is not UTF-8.

    Yields:
        One film per row: its title and year.

    Examples:
        >>> watchlist = b"Date,Name,Year,Letterboxd URI\n2023-09-26,Mystic River,2003,https://boxd.it/2aAG\n"
        >>> [(f.title, f.year) for f in read_films(watchlist)]
        [('Mystic River', 2003)]

    .. versionadded:: 0.2.0
    """
    with open_table(source, encoding=encoding) as table:
        if set(table.header) == _LIST_PREAMBLE:
            next(table.rows(), None)  # the list's own row
            table.next_header()
        _expect(table, "Name")
        uri = table.column("Letterboxd URI", "URL")
        for row in table.rows():
            try:
                film = _film(row, uri)
            except ValidationError as err:
                raise table.wrap(row, err) from None
            yield film


@attrs.frozen
class Export:
    """A whole Letterboxd export, read by :func:`read_export`.

    Attributes:
        diary: Every logged viewing (``diary.csv``), with the day watched.
        ratings: The current rating of every rated film (``ratings.csv``).
        watched: Every film marked as watched (``watched.csv``).
        reviews: Every review (``reviews.csv``), as plain text.
        likes: Every liked film (``likes/films.csv``), ``liked`` set.
        watchlist: The films to watch (``watchlist.csv``).
        lists: Each list's name (its file name) and films, in order.

    .. versionadded:: 0.2.0
    """

    diary: tuple[Viewing, ...] = ()
    ratings: tuple[Viewing, ...] = ()
    watched: tuple[Viewing, ...] = ()
    reviews: tuple[Viewing, ...] = ()
    likes: tuple[Viewing, ...] = ()
    watchlist: tuple[Film, ...] = ()
    lists: tuple[tuple[str, tuple[Film, ...]], ...] = ()


_MEMBERS = {
    "diary.csv": "diary",
    "ratings.csv": "ratings",
    "watched.csv": "watched",
    "reviews.csv": "reviews",
    "likes/films.csv": "likes",
    "watchlist.csv": "watchlist",
}


def _read_member(name: str, data: IO[bytes], parts: dict[str, object]) -> None:
    if name in _MEMBERS:
        kind = _MEMBERS[name]
        if kind == "watchlist":
            parts[kind] = tuple(read_films(data))
        else:
            parts[kind] = tuple(read_viewings(data, kind=kind))  # type: ignore[arg-type]
    elif name.startswith("lists/") and name.endswith(".csv"):
        lists = parts.get("lists", ())
        parts["lists"] = (*lists, (PurePosixPath(name).stem, tuple(read_films(data))))  # type: ignore[misc]


def read_export(source: str | os.PathLike[str] | bytes | IO[bytes]) -> Export:
    """Read a whole Letterboxd export: its ZIP, or the folder it unpacks into.

    The files read are those :class:`Export` names; the others (``profile.csv``,
    ``comments.csv``, ``likes/lists.csv``, ``likes/reviews.csv``, ``deleted/``,
    ``orphaned/``) are not about films one watched, and are left out.

    Args:
        source: The ZIP (a path, its bytes, or an open binary file) or the folder.

    Returns:
        The export's viewings and films.

    Raises:
        ValidationError: A file that is not a ZIP, or a bad value in one of its files,
            with the file's name and line.

    .. versionadded:: 0.2.0
    """
    parts: dict[str, object] = {}
    if isinstance(source, str | os.PathLike) and os.path.isdir(source):
        root = os.fspath(source)
        for name in sorted(_walk(root)):
            with open(os.path.join(root, name), "rb") as file:
                _named(name, file, parts)
        return Export(**parts)  # type: ignore[arg-type]
    with ExitStack() as stack:
        if isinstance(source, str | os.PathLike):
            source = stack.enter_context(open(source, "rb"))
        elif isinstance(source, bytes):
            source = io.BytesIO(source)
        try:
            archive = stack.enter_context(zipfile.ZipFile(source))
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if not info.is_dir():
                    with archive.open(info) as member:
                        _named(info.filename, member, parts)
        except ValidationError:
            raise
        # What a damaged archive raises, from the directory, a header or decompression.
        except (*_ZIP_ERRORS, ValueError) as err:
            raise ValidationError.at("$", f"not a readable ZIP file ({err})") from None
    return Export(**parts)  # type: ignore[arg-type]


def _named(name: str, data: IO[bytes], parts: dict[str, object]) -> None:
    try:
        _read_member(name, data, parts)
    except ValidationError as err:
        raise err.with_file(name) from None


def _walk(root: str) -> Iterator[str]:
    for folder, _, files in os.walk(root):
        for file in files:
            yield os.path.relpath(os.path.join(folder, file), root).replace(os.sep, "/")
