r"""Read IMDb's non-commercial datasets (``title.basics.tsv.gz`` and the rest) into a catalog.

IMDb publishes its titles as six tab-separated files (https://developer.imdb.com/non-
commercial-datasets/): title.basics (one row per title), title.ratings, title.akas (titles
per region), title.crew (directors and writers), title.principals (the main cast and crew)
and name.basics (people). This module joins them by tconst into filmmeta's Arrow schema
(:func:`filmmeta.frames.arrow_schema`), streaming: title.basics is read a block at a time
by pyarrow's C++ CSV reader, and of the other files only the rows of the selected titles
are kept. ``docs/formats/imdb.md`` has the column-by-column table and every rule.

Not to be confused with :mod:`filmmeta.formats.imdb_csv`, which reads the CSV files that
IMDb's website exports of one user's ratings and lists.

The examples of this module read a folder of two small files:

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "title.basics.tsv").write_text(
    ...     "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\t"
    ...     "endYear\truntimeMinutes\tgenres\n"
    ...     "tt0206000\ttvMovie\tBackstage\tBackstage\t0\t2000\t\\N\t86\tDrama\n"
    ...     "tt0096697\ttvSeries\tThe Simpsons\tThe Simpsons\t0\t1989\t\\N\t22\tComedy\n"
    ... )
    >>> _ = (folder / "title.ratings.tsv").write_text(
    ...     "tconst\taverageRating\tnumVotes\ntt0206000\t5.7\t347\n"
    ... )
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

import attrs

from filmmeta._model import Film
from filmmeta._optional import require
from filmmeta.exceptions import ValidationError
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names
from filmmeta.formats._imdb_columns import Report, empty_lists, is_text, lists_of, mapped
from filmmeta.formats._imdb_files import DATASETS, DataFile, batches, checked, find_files
from filmmeta.formats._imdb_files import selected_rows as _selected_rows
from filmmeta.formats._imdb_join import Joined

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BATCH_SIZE",
    "BLOCK_SIZE",
    "FILM_TYPES",
    "read_films",
    "record_batches",
    "to_arrow",
    "write_parquet",
]

#: The title types read unless told otherwise: IMDb's types that are films.
FILM_TYPES = ("movie", "tvMovie", "short", "video", "tvSpecial")
#: Bytes of each file read at once (pyarrow's block size). pyarrow's streaming reader
#: keeps several blocks in flight: at 16 MiB a 10^7-row title.basics peaked at 710 MiB
#: in the first pass alone, at 1 MiB at 217 MiB, and read faster.
BLOCK_SIZE = 1 << 20
#: Films per record batch, and so per Parquet row group, as in :mod:`filmmeta.frames`.
BATCH_SIZE = 10_000
# Every title type that is a film, as the model's kind (tvShort: a short made for TV).
_KINDS = {
    "movie": "movie",
    "tvMovie": "tv_movie",
    "short": "short",
    "tvShort": "short",
    "video": "video",
    "tvSpecial": "tv_special",
}
_BASICS = DATASETS["title.basics"]
_MICROSECONDS = 60_000_000
_TCONST = ("^tt[0-9]{7,}$", "an IMDb id (tt and 7 or more digits)")

Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def _types(title_types: Iterable[str]) -> list[str]:
    if isinstance(title_types, str):
        title_types = [title_types]
    types = list(dict.fromkeys(title_types))
    others = [t for t in types if t not in _KINDS]
    if others or not types:
        msg = (
            f"title types must be some of {', '.join(_KINDS)} (IMDb's types of films), "
            f"not {', '.join(map(repr, others)) or 'none'}"
        )
        raise ValueError(msg)
    return types


def _check_size(what: str, size: int) -> None:
    if type(size) is not int or size < 1:
        msg = f"a {what} size must be a positive integer, not {size!r}"
        raise ValueError(msg)


def record_batches(
    source: Source,
    *,
    title_types: Iterable[str] = FILM_TYPES,
    batch_size: int = BATCH_SIZE,
    block_size: int = BLOCK_SIZE,
) -> Iterator[pa.RecordBatch]:
    """Read IMDb's datasets as record batches in filmmeta's Arrow schema.

    The other functions of this module are built on this one. The files are found and
    their headers checked at once; the batches come as the iterator is used.

    Args:
        source: A folder holding the datasets (files named as IMDb names them, such as
            ``title.basics.tsv.gz``, with any prefix), a file, or a list of either. A
            file whose name does not say which dataset it is is known by its header.
            Several title.basics files (parts of one) are read in the order given.
        title_types: The title types to keep, of movie, tvMovie, short, tvShort, video
            and tvSpecial (default: all but tvShort).
        batch_size: Films per batch, about: the selected titles of a block are not
            split, and the last batch of each title.basics file may hold fewer.
        block_size: Bytes of each file read at once.

    Yields:
        :class:`pyarrow.RecordBatch` es in the schema of
        :func:`~filmmeta.frames.arrow_schema`, one film per selected title, in the order
        of title.basics.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: A file that is not one of IMDb's datasets (missing columns, not
            tab-separated, ...) or a bad value, with the file, line and column; a title
            given twice.
        ValueError: A title type that is not a film's, or a bad block size.

    Examples:
        >>> batch = next(record_batches(folder))
        >>> batch.num_rows, batch.column("title").to_pylist(), batch.column("kind")[0]
        (1, ['Backstage'], <pyarrow.StringScalar: 'tv_movie'>)

    .. versionadded:: 0.2.0
    """
    pa = require("pyarrow", "imdb.record_batches", "arrow")
    types = _types(title_types)
    _check_size("block", block_size)
    _check_size("batch", batch_size)
    files = find_files(source)
    return _record_batches(pa, files, types, batch_size, block_size)


def _selection(files: list[DataFile], types: Any, block_size: int) -> Any:
    """The tconsts of the selected titles, in file order (the first pass over title.basics)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    chunks = [pa.array([], pa.string())]
    for file in files:
        for line, batch in batches(file, ("tconst", "titleType"), block_size):
            keep = pc.fill_null(pc.is_in(batch["titleType"], value_set=types), False)
            rows, lines = _selected_rows(batch, keep, line)
            # Checked here, once: the join relies on every selected tconst being one.
            tconst = pc.fill_null(rows["tconst"], "\\N")
            checked(file, lines, "tconst", tconst, _TCONST)
            chunks.append(tconst)
    return pa.concat_arrays(chunks)


def _record_batches(
    pa: Any, files: list[DataFile], types: list[str], batch_size: int, block_size: int
) -> Iterator[Any]:
    import pyarrow.compute as pc

    from filmmeta.frames import arrow_schema

    schema = arrow_schema()
    report = Report()
    basics = [file for file in files if file.dataset == "title.basics"]
    value_set = pa.array(types, pa.string())
    selected = _selection(basics, value_set, block_size)
    _unique(selected, basics)
    joined = Joined(files, selected, report, block_size)
    done = 0
    for file in basics:
        # The selected rows of small blocks, gathered into batches of films.
        pending: list[tuple[Any, Any]] = []
        count = 0
        for line, batch in batches(file, _BASICS, block_size):
            keep = pc.fill_null(pc.is_in(batch["titleType"], value_set=value_set), False)
            rows, lines = _selected_rows(batch, keep, line)
            if rows.num_rows:
                pending.append((rows, lines))
                count += rows.num_rows
            if count >= batch_size:
                yield _films_of(
                    pa, schema, file, pending, joined=joined.columns(done, count), report=report
                )
                done, pending, count = done + count, [], 0
        if count:
            yield _films_of(
                pa, schema, file, pending, joined=joined.columns(done, count), report=report
            )
            done += count
    report.warn()


def _films_of(
    pa: Any,
    schema: Any,
    file: DataFile,
    pending: list[tuple[Any, Any]],
    *,
    joined: dict[str, Any],
    report: Report,
) -> Any:
    rows = pa.Table.from_batches([rows for rows, _ in pending]).combine_chunks()
    lines = pa.concat_arrays([lines for _, lines in pending])
    columns = _columns(file, rows.to_batches()[0], lines, report)
    columns.update(joined)
    return _batch(pa, schema, columns)


def _unique(selected: Any, files: list[DataFile]) -> None:
    import pyarrow.compute as pc

    counts = pc.value_counts(selected)
    repeated = counts.filter(pc.greater(counts.field("counts"), 1))
    if len(repeated):
        value, count = repeated[0]["values"].as_py(), repeated[0]["counts"].as_py()
        names = ", ".join(file.name for file in files)
        raise ValidationError.at(
            "tconst", f"{value!r} is in title.basics {count} times: IMDb gives one row each"
        ).with_file(names)


def _columns(file: DataFile, rows: Any, lines: Any, report: Report) -> dict[str, Any]:
    """The film columns of the selected rows of a title.basics batch, and a "keep" mask."""
    import pyarrow as pa
    import pyarrow.compute as pc

    tconst = rows["tconst"]
    checked(file, lines, "startYear", rows["startYear"], ("^[0-9]{4}$", "a year"))
    checked(file, lines, "runtimeMinutes", rows["runtimeMinutes"], ("^[0-9]{1,9}$", "minutes"))
    primary, original = rows["primaryTitle"], rows["originalTitle"]
    primary_ok, original_ok = is_text(primary), is_text(original)
    # No primary title: the original one is the title; neither: the row is left out.
    title = pc.if_else(primary_ok, primary, pc.if_else(original_ok, original, None))
    report.add(
        "title.basics: {count} title(s) without a title left out",
        tconst.filter(pc.is_null(title)),
    )
    report.add(
        "title.basics: {count} original title(s) that are blank or too long left out",
        tconst.filter(pc.and_(primary_ok, pc.and_(pc.is_valid(original), pc.invert(original_ok)))),
    )
    original_title = pc.if_else(pc.and_(original_ok, pc.not_equal(original, title)), original, None)
    year = rows["startYear"]
    zero_year = pc.fill_null(pc.equal(year, "0000"), False)
    report.add("title.basics: {count} startYear 0000 read as unknown", tconst.filter(zero_year))
    runtime = rows["runtimeMinutes"].cast(pa.int64())
    zero = pc.fill_null(pc.equal(runtime, 0), False)
    report.add("title.basics: {count} runtime(s) of 0 minutes read as unknown", tconst.filter(zero))
    runtime = pc.if_else(zero, None, runtime)
    return {
        "keep": pc.is_valid(title),
        "title": title,
        "kind": mapped(rows["titleType"], _KINDS, pa.string()),
        "release_date": pc.if_else(zero_year, None, year),
        "runtime": pc.multiply(runtime, _MICROSECONDS).cast(pa.duration("us")),
        "genres": _genres(rows["genres"], tconst, report),
        "ids": tconst,
        "original_title": original_title,
    }


def _genres(values: Any, tconst: Any, report: Report) -> Any:
    """IMDb's comma-joined genres as lists; empty ones (``Drama,,Comedy``) are left out."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lists = pc.split_pattern(values, ",")
    items = pc.list_flatten(lists)
    good = is_text(items)
    lengths = pc.fill_null(pc.list_value_length(lists), 0)
    if not pc.all(good).as_py():
        bad = pc.invert(good)
        report.add(
            "title.basics: {count} empty genre(s) left out",
            pc.take(tconst, pc.list_parent_indices(lists).filter(bad)),
        )
        parents = pc.list_parent_indices(lists).filter(good)
        counts = pc.value_counts(parents)
        per_row = [0] * len(values)
        for value, count in zip(
            counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
        ):
            per_row[value] = count
        items, lengths = items.filter(good), pa.array(per_row, pa.int32())
    return lists_of(items, lengths, _genres_type())


@functools.cache
def _genres_type() -> Any:
    # The schema is built from the model's field types: once, not once a batch.
    from filmmeta.frames import arrow_schema

    return arrow_schema().field("genres").type


def _batch(pa: Any, schema: Any, columns: dict[str, Any]) -> Any:
    keep = columns.pop("keep")
    count = len(keep)
    arrays = []
    for field in schema:
        found = columns.get(field.name)
        if field.name == "ids":
            found = _ids(pa, field.type, found)
        elif found is None:
            if pa.types.is_list(field.type):
                found = empty_lists(count, field.type)
            elif pa.types.is_struct(field.type):
                # Not pa.nulls: its children are null too, and Parquet refuses nulls in a
                # non-nullable child (the collection's name) even under a null struct.
                found = pa.array([None] * count, field.type)
            else:
                found = pa.nulls(count, field.type)
        arrays.append(found)
    batch = pa.RecordBatch.from_arrays(arrays, schema=schema)
    return batch if keep.false_count == 0 else batch.filter(keep)


def _ids(pa: Any, type_: Any, tconst: Any) -> Any:
    count = len(tconst)
    arrays = [
        tconst
        if field.name == "imdb"
        else empty_lists(count, field.type)
        if pa.types.is_list(field.type)
        else pa.nulls(count, field.type)
        for field in type_
    ]
    return pa.StructArray.from_arrays(arrays, fields=list(type_))


def to_arrow(
    source: Source,
    *,
    title_types: Iterable[str] = FILM_TYPES,
    batch_size: int = BATCH_SIZE,
    block_size: int = BLOCK_SIZE,
) -> pa.Table:
    """Read IMDb's datasets into one Arrow table in filmmeta's schema.

    Args:
        source: The folder or files, as :func:`record_batches` takes them.
        title_types: The title types to keep (default :data:`FILM_TYPES`).
        batch_size: Films per record batch of the table.
        block_size: Bytes of each file read at once.

    Returns:
        The :class:`pyarrow.Table`, one row per film.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: As :func:`record_batches`.
        ValueError: As :func:`record_batches`.

    Examples:
        >>> table = to_arrow(folder)
        >>> table.num_rows, table.column("ratings")[0].as_py()[0]["value"]
        (1, 5.7)

    .. versionadded:: 0.2.0
    """
    pa = require("pyarrow", "imdb.to_arrow", "arrow")
    from filmmeta.frames import arrow_schema

    found = record_batches(
        source, title_types=title_types, batch_size=batch_size, block_size=block_size
    )
    return pa.Table.from_batches(list(found), schema=arrow_schema())


def write_parquet(
    source: Source,
    path: str | os.PathLike[str] | IO[bytes],
    *,
    title_types: Iterable[str] = FILM_TYPES,
    batch_size: int = BATCH_SIZE,
    block_size: int = BLOCK_SIZE,
    compression: str = "zstd",
) -> int:
    """Read IMDb's datasets into a Parquet file in filmmeta's schema, a block at a time.

    Memory is bounded by the block size and by what the join keeps (the selected titles'
    tconsts, and their rows of the other files), never by title.basics.
    :func:`filmmeta.frames.read_parquet` reads the file back as films.

    Args:
        source: The folder or files, as :func:`record_batches` takes them.
        path: Where to write: a path, or a binary file open for writing.
        title_types: The title types to keep (default :data:`FILM_TYPES`).
        batch_size: Films per row group.
        block_size: Bytes of each file read at once.
        compression: A Parquet codec (``"zstd"``, ``"snappy"``, ``"none"``, ...).

    Returns:
        The number of films written.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: As :func:`record_batches`.
        ValueError: As :func:`record_batches`.

    Examples:
        >>> from filmmeta.frames import read_parquet
        >>> write_parquet(folder, folder / "films.parquet")
        1
        >>> [film.title for film in read_parquet(folder / "films.parquet")]
        ['Backstage']

    .. versionadded:: 0.2.0
    """
    require("pyarrow", "imdb.write_parquet", "arrow")
    pq = require("pyarrow.parquet", "imdb.write_parquet", "arrow")
    from filmmeta.frames import arrow_schema

    found = record_batches(
        source, title_types=title_types, batch_size=batch_size, block_size=block_size
    )
    where = os.fspath(path) if isinstance(path, os.PathLike) else path
    count = 0
    with pq.ParquetWriter(where, arrow_schema(), compression=compression) as writer:
        for batch in found:
            writer.write_batch(batch, row_group_size=batch.num_rows)
            count += batch.num_rows
    return count


def read_films(
    source: Source,
    *,
    title_types: Iterable[str] = FILM_TYPES,
    batch_size: int = BATCH_SIZE,
    block_size: int = BLOCK_SIZE,
    genres: GenreNames = "canonical",
) -> Iterator[Film]:
    """Read IMDb's datasets as films: the facts of :func:`to_arrow` as objects.

    Meant for small selections (a few files, a few title types): each film is a Python
    object, so a whole IMDb dump is better read with :func:`write_parquet`.

    Args:
        source: The folder or files, as :func:`record_batches` takes them.
        title_types: The title types to keep (default :data:`FILM_TYPES`).
        batch_size: Films built at once.
        block_size: Bytes of each file read at once.
        genres: ``"canonical"`` gives the genre vocabulary's names ("Sci-Fi" is
            "Science Fiction", "Film-Noir" "Film Noir"), ``"source"`` IMDb's own words,
            as the Arrow tables of :func:`to_arrow` and :func:`write_parquet` keep them.

    Yields:
        One :class:`~filmmeta.Film` per selected title, in the order of title.basics.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: As :func:`record_batches`; *genres* that is neither name
            (path ``genres``).
        ValueError: As :func:`record_batches`.

    Examples:
        >>> (film,) = read_films(folder)
        >>> film.title, film.kind, film.year, film.genres
        ('Backstage', <FilmKind.TV_MOVIE: 'tv_movie'>, 2000, ('Drama',))
        >>> film.rating("imdb").display, film.ids.imdb
        ('5.7 (347)', 'tt0206000')
        >>> [film.title for film in read_films(folder, title_types=["short"])]
        []

    .. versionadded:: 0.2.0
    """
    genre_words = check_genre_names(genres)
    require("pyarrow", "imdb.read_films", "arrow")
    found: Iterator[Any] = record_batches(
        source, title_types=title_types, batch_size=batch_size, block_size=block_size
    )
    return _films(found, genre_words)


def _films(found: Iterator[Any], genre_words: GenreNames) -> Iterator[Film]:
    from filmmeta.frames import from_arrow

    for batch in found:
        for film in from_arrow(batch):
            named = tuple(genre_names(film.genres, genre_words, source="imdb"))
            yield film if named == film.genres else attrs.evolve(film, genres=named)
