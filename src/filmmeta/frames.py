"""Catalogs as tables: flat records, pandas DataFrames, Arrow tables, Parquet and Dask.

* :func:`to_records` gives one flat dict per film, the shape a notebook filters and plots;
  it needs nothing but filmmeta.
* :func:`to_dataframe` makes those records a :class:`pandas.DataFrame` with nullable
  dtypes (extra ``pandas``).
* :func:`to_arrow`, :func:`from_arrow`, :func:`write_parquet` and :func:`read_parquet`
  keep the whole model in a nested Arrow schema, :func:`arrow_schema`, losslessly; the
  Parquet functions stream in row groups, so memory stays flat (extra ``arrow``).
* :func:`read_jsonl_partitions` reads many JSON Lines files as a :mod:`dask.bag` of films,
  one partition per file, for summaries on many cores (extra ``dask``).

The optional libraries are imported when a function needs them; a missing one raises an
:class:`ImportError` that names the extra to install. ``docs/frames.md`` lists every
column, dtype and Arrow field.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from filmmeta import _catalog
from filmmeta._catalog import (
    LATER_COLUMNS,
    arrow_schema,
    columns_of,
    from_arrow,
    read_parquet,
    viewing_records,
    viewings_to_dataframe,
)
from filmmeta._catalog import arrow as _arrow
from filmmeta._catalog import columnar as _columnar
from filmmeta._model import (
    SOURCES,
    ExternalIds,
    Film,
    FilmKind,
    ImageKind,
    OfferType,
    field_types,
    to_region,
)
from filmmeta._optional import require
from filmmeta.converters import load_jsonl

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

#: Films, or JSON Lines of films to read in columns: a path or a file open for reading.
Catalog = Iterable[Film] | str | os.PathLike[str] | IO[bytes] | IO[str]

__all__ = [
    "arrow_schema",
    "from_arrow",
    "read_jsonl_partitions",
    "read_parquet",
    "to_arrow",
    "to_dataframe",
    "to_records",
    "viewing_records",
    "viewings_to_dataframe",
    "write_parquet",
]


#: Films per Arrow record batch, and so per Parquet row group, unless told otherwise.
BATCH_SIZE = _catalog.BATCH_SIZE
#: The version of the Arrow layout, kept in the schema's metadata under ``filmmeta``.
SCHEMA_VERSION = _catalog.SCHEMA_VERSION

_TEXT = ("title", "original_title", "release_date", "tagline", "collection", "poster_url")
_LISTS = ("genres", "languages", "countries", "keywords")
_AMOUNTS = ("budget", "box_office_worldwide")
_CATEGORIES = ("content_rating", "budget_currency", "box_office_currency")
# One column per kind of id, named <database>_id.
_ID_NAMES = tuple(a.name for a in field_types(ExternalIds) if a.type in (str | None, int | None))
_INT_IDS = frozenset(a.name for a in field_types(ExternalIds) if a.type == int | None)
_MINUTE = dt.timedelta(minutes=1)


# -- flat records -------------------------------------------------------------------------


def _columns(sources: Sequence[str]) -> list[str]:
    columns = ["title", "original_title", "kind", "year", "release_date", "runtime_minutes"]
    columns += ["content_rating", "genres", "languages", "countries"]
    for source in sources:
        columns += [f"{source}_rating", f"{source}_votes"]
    columns += [f"offers_{t.value}" for t in OfferType]
    return columns + [f"{name}_id" for name in _ID_NAMES] + list(LATER_COLUMNS)


def _flatten(films: Iterable[Film], country: str) -> tuple[list[str], list[dict[str, Any]]]:
    # Film.content_rating's rule, once and even for no films: "gb" is GB, "GBR" refused.
    country = to_region(country, "country")
    catalog = list(films)
    seen = {r.source for film in catalog for r in film.ratings}
    # Known sources in the registry's order (IMDb first), then the others by name.
    sources = [s for s in SOURCES if s in seen] + sorted(seen - SOURCES.keys())
    columns = _checked_columns(sources)
    return columns, [_record(film, sources, country) for film in catalog]


def _checked_columns(sources: Sequence[str]) -> list[str]:
    columns = _columns(sources)
    if len(set(columns)) != len(columns):
        clash = next(c for c in columns if columns.count(c) > 1)
        msg = f"a rating source's column would be named {clash!r}, like another column"
        raise ValueError(msg)
    return columns


def _record(film: Film, sources: Sequence[str], country: str) -> dict[str, Any]:
    rated = film.content_rating(country)
    runtime = film.runtime
    record: dict[str, Any] = {
        "title": film.title,
        "original_title": film.original_title,
        "kind": film.kind.value,
        "year": film.year,
        "release_date": None if film.release_date is None else str(film.release_date),
        # Half a minute rounds up: 85 min 30 s is 86.
        "runtime_minutes": None if runtime is None else (runtime + _MINUTE / 2) // _MINUTE,
        "content_rating": None if rated is None else rated.code,
        "genres": list(film.genres),
        "languages": list(film.languages),
        "countries": list(film.countries),
    }
    by_source = {r.source: r for r in film.ratings}
    for source in sources:
        rating = by_source.get(source)
        record[f"{source}_rating"] = None if rating is None else rating.value
        record[f"{source}_votes"] = None if rating is None else rating.votes
    counts = Counter(offer.type for offer in film.offers)
    for offer_type in OfferType:
        record[f"offers_{offer_type.value}"] = counts[offer_type]
    for name in _ID_NAMES:
        record[f"{name}_id"] = getattr(film.ids, name)
    return record | _later(film)


def _later(film: Film) -> dict[str, Any]:
    """The columns of model 2's parts (0.2.0)."""
    budget = film.budget
    world = next((money for money in film.box_office if money.region is None), None)
    poster = next((i for i in film.images if i.kind is ImageKind.POSTER), None)
    return {
        "tagline": film.tagline,
        "collection": None if film.collection is None else film.collection.name,
        # Floats, to sort and plot; the exact Decimal stays in the film and in Arrow.
        "budget": None if budget is None else float(budget.amount),
        "budget_currency": None if budget is None else budget.currency,
        "box_office_worldwide": None if world is None else float(world.amount),
        "box_office_currency": None if world is None else world.currency,
        "keywords": list(film.keywords),
        "title_count": len(film.titles),
        "release_count": len(film.releases),
        "award_count": len(film.awards),
        "poster_url": None if poster is None else poster.url,
    }


def to_records(films: Iterable[Film], *, country: str = "US") -> list[dict[str, Any]]:
    """Flatten films into one dict per film, every dict with the same keys.

    The columns: ``title``, ``original_title``, ``kind``, ``year``, ``release_date``
    (ISO), ``runtime_minutes`` (half a minute rounds up), ``content_rating`` (the code for
    *country*), the lists ``genres``, ``languages`` and ``countries``; a
    ``<source>_rating`` and ``<source>_votes`` pair per rating source in the catalog
    (``imdb_rating``, ...); offer counts ``offers_<type>``; ids ``<database>_id``
    (``imdb_id``, ``tmdb_id``, ...); then the columns of model 2's parts: ``tagline``,
    ``collection`` (its name), ``budget`` and ``budget_currency``,
    ``box_office_worldwide`` and ``box_office_currency`` (the first takings without a
    region), the list ``keywords``, ``title_count``, ``release_count`` and
    ``award_count`` (entries), ``poster_url`` (the first poster's). Sums are floats, to
    sort and plot; the exact decimals stay in the films and in Arrow. A missing value is
    None.

    Args:
        films: The catalog; it is read once.
        country: Whose content rating fills ``content_rating``; case is ignored and
            "UK" is GB, as in :meth:`Film.content_rating`.

    Returns:
        The records, in catalog order.

    Raises:
        ValueError: A rating source's columns would clash with another column (a source
            named ``content`` would give ``content_rating``).

    Examples:
        >>> films = [
        ...     Film("Backstage", release_date="2000", runtime=86, ratings=[Rating("imdb", 5.7)]),
        ...     Film("Heat", offers=[Offer("Netflix", "subscription")]),
        ... ]
        >>> records = to_records(films)
        >>> records[0]["title"], records[0]["runtime_minutes"], records[0]["imdb_rating"]
        ('Backstage', 86, 5.7)
        >>> records[1]["imdb_rating"], records[1]["offers_subscription"]
        (None, 1)
        >>> list(records[1])[:6]
        ['title', 'original_title', 'kind', 'year', 'release_date', 'runtime_minutes']

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The columns of model 2's parts, after those of 0.1.0.
    """
    return _flatten(films, country)[1]


def _dtype(column: str, pd: Any) -> Any:
    if column in _TEXT or (column.endswith("_id") and column[:-3] not in _INT_IDS):
        return pd.StringDtype()
    if column == "kind":
        return pd.CategoricalDtype([kind.value for kind in FilmKind])
    if column in _CATEGORIES:
        return "category"
    if column in _LISTS:
        return object
    if column.endswith("_rating") or column in _AMOUNTS:
        return "Float64"
    return "Int64"


def to_dataframe(films: Catalog, *, country: str = "US", strict: bool = True) -> pd.DataFrame:
    """Build a :class:`pandas.DataFrame` of :func:`to_records`, with nullable dtypes.

    Text is ``string``; ``year``, ``runtime_minutes``, the vote, offer and entry counts
    and the numeric ids are ``Int64``; ratings, ``budget`` and ``box_office_worldwide``
    are ``Float64``; ``kind`` (with every :class:`FilmKind` as a category),
    ``content_rating`` and the currencies are ``category``; ``genres``, ``languages``,
    ``countries`` and ``keywords`` hold lists (``object``). Missing values are ``<NA>``.

    Given a path or an open file of JSON Lines, the lines are read in columns, without a
    film per row (see :func:`to_arrow`); the DataFrame and every error are the same as
    for ``to_dataframe(load_jsonl(path))``.

    Args:
        films: The catalog: films, or a path or open file of JSON Lines.
        country: Whose content rating fills ``content_rating``.
        strict: For JSON Lines: reject unknown keys (the default); False ignores them.

    Returns:
        One row per film; an empty catalog gives the fixed columns and no rows.

    Raises:
        ImportError: pandas is not installed (``pip install 'filmmeta[pandas]'``), or
            pyarrow for JSON Lines (``pip install 'filmmeta[arrow]'``).
        ValidationError: For JSON Lines, the first invalid line, with its number.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A path or file of JSON Lines is read in columns.
    """
    pandas = require("pandas", "to_dataframe", "pandas")
    if _columnar.is_jsonl_source(films):
        pa = require("pyarrow", "to_dataframe", "arrow")
        pc = require("pyarrow.compute", "to_dataframe", "arrow")
        # The system's allocator, which gives the memory of freed batches back to the
        # system, for the reads and the checks (see _columnar.pooled).
        pool = pa.system_memory_pool()
        # Smaller batches than for Parquet: the peak is a batch's JSON, table and checks.
        batches = _columnar.record_batches(
            films,  # type: ignore[arg-type]
            strict=strict,
            batch_size=_FRAME_BATCH,
            memory_pool=pool,
        )
        pc = _columnar.pooled(pc, pool)
        sources, arrays, _ = columns_of(pa, pc, batches, to_region(country, "country"))
        columns = _checked_columns(sources)
        # Each column's Arrow values are let go once it is a Series; the Series are this
        # call's own, so the DataFrame takes them without a copy.
        return pandas.DataFrame(
            {column: _series(pandas, pc, column, arrays.pop(column, None)) for column in columns},
            copy=False,
        )
    columns, records = _flatten(films, country)  # type: ignore[arg-type]
    return pandas.DataFrame(
        {
            column: pandas.Series([r[column] for r in records], dtype=_dtype(column, pandas))
            for column in columns
        }
    )


_FRAME_BATCH = 2_000


def _series(pd: Any, pc: Any, column: str, values: Any) -> Any:
    """A column of Arrow values as the object path's :class:`pandas.Series` has it."""
    dtype = _dtype(column, pd)
    if values is None:  # no batch: no rows
        return pd.Series([], dtype=dtype)
    if dtype is object:
        return pd.Series(_lists(pc, values), dtype=object)
    if isinstance(dtype, pd.CategoricalDtype) or dtype == "category":
        # Categories from a list as the object path makes them: their dtype is pandas'
        # guess from the values (float64 for none at all).
        return pd.Series(values.to_pylist(), dtype=dtype)
    if dtype in ("Int64", "Float64"):
        # From the buffers: pandas' own conversion of Arrow values goes through Python.
        numbers = pd.arrays.IntegerArray if dtype == "Int64" else pd.arrays.FloatingArray
        missing = pc.is_null(values).to_numpy(zero_copy_only=False)
        data = pc.fill_null(values, 0).to_numpy(zero_copy_only=False)
        return pd.Series(numbers(data, missing))
    # pandas keeps texts as large_string: cast here, from the pool of this conversion.
    return pd.Series(pd.array(pc.cast(values, "large_string"), dtype=dtype))


def _lists(pc: Any, values: Any) -> list[list[str]]:
    """A chunked Arrow array of lists of texts as Python lists, which share equal texts.

    The lists of a catalog repeat a few texts (genres, languages, countries): a text
    object each, as ``to_pylist`` makes, held as much memory as the lists themselves.
    """
    import numpy as np

    lists: list[list[str]] = []
    for chunk in values.chunks:  # the catalog's lists are never null
        encoded = pc.dictionary_encode(chunk.flatten())
        texts = np.array(encoded.dictionary.to_pylist(), dtype=object)
        items = texts[encoded.indices.to_numpy(zero_copy_only=False)].tolist()
        offsets = chunk.offsets.to_numpy()
        bounds = (offsets - offsets[0]).tolist()
        lists += [items[start:end] for start, end in itertools.pairwise(bounds)]
    return lists


def to_arrow(films: Catalog, *, batch_size: int = BATCH_SIZE, strict: bool = True) -> pa.Table:
    """Build an Arrow table of films in the schema of :func:`arrow_schema`.

    Nothing is lost: ``from_arrow(to_arrow(films)) == films``.

    Given a path or an open file of JSON Lines, the lines are read *in columns*: pyarrow's
    C++ reader parses a batch of lines, the model's rules run over whole columns, and
    only the lines those checks cannot decide are decoded as films. The table, and every
    error (the first invalid line, with its number, file and path), are the same as for
    ``to_arrow(load_jsonl(path))``; memory is bounded by the batch.

    Args:
        films: The catalog: films, or a path or open file of JSON Lines.
        batch_size: Films per record batch of the table (lines read at once).
        strict: For JSON Lines: reject unknown keys (the default); False ignores them.

    Returns:
        The :class:`pyarrow.Table`, one row per film.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: For JSON Lines, the first invalid line, with its number.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A path or file of JSON Lines is read in columns.
    """
    if not _columnar.is_jsonl_source(films):
        return _arrow.to_arrow(films, batch_size=batch_size)  # type: ignore[arg-type]
    pa = require("pyarrow", "to_arrow", "arrow")
    _arrow._check_size(batch_size)
    batches = _columnar.record_batches(films, strict=strict, batch_size=batch_size)  # type: ignore[arg-type]
    return pa.Table.from_batches(list(batches), schema=arrow_schema())


def write_parquet(
    films: Catalog,
    path: str | os.PathLike[str] | IO[bytes],
    *,
    row_group_size: int = BATCH_SIZE,
    compression: str = "zstd",
    strict: bool = True,
) -> int:
    """Write films to a Parquet file, one row group of *row_group_size* films at a time.

    Only one row group of films is held at once, so a catalog of any length is converted
    in flat memory. Given a path or an open file of JSON Lines, the lines are read in
    columns (see :func:`to_arrow`), without a film per row: the file written, and every
    error, are those of ``write_parquet(load_jsonl(path), ...)``.

    Args:
        films: The catalog: films, or a path or open file of JSON Lines.
        path: A path, or a binary file open for writing.
        row_group_size: Films per row group.
        compression: A Parquet codec (``"zstd"``, ``"snappy"``, ``"none"``, ...).
        strict: For JSON Lines: reject unknown keys (the default); False ignores them.

    Returns:
        The number of films written.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: For JSON Lines, the first invalid line, with its number.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A path or file of JSON Lines is read in columns.
    """
    if not _columnar.is_jsonl_source(films):
        return _arrow.write_parquet(
            films,  # type: ignore[arg-type]
            path,
            row_group_size=row_group_size,
            compression=compression,
        )
    pq = require("pyarrow.parquet", "write_parquet", "arrow")
    _arrow._check_size(row_group_size)
    count = 0
    batches = _columnar.record_batches(films, strict=strict, batch_size=row_group_size)  # type: ignore[arg-type]
    where = os.fspath(path) if isinstance(path, os.PathLike) else path
    with pq.ParquetWriter(where, arrow_schema(), compression=compression) as writer:
        for batch in batches:
            writer.write_batch(batch, row_group_size=row_group_size)
            count += batch.num_rows
    return count


# -- Dask ---------------------------------------------------------------------------------


def _load_files(files: Iterable[str], *, strict: bool) -> list[Film]:
    return [film for file in files for film in load_jsonl(file, Film, strict=strict)]


def read_jsonl_partitions(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, strict: bool = True
) -> Any:
    """Read JSON Lines files as a :class:`dask.bag.Bag` of films, one partition per file.

    Nothing is read until the bag is computed; then one task reads each file, so
    ``.compute(scheduler="processes")`` reads and summarises files on all cores. A
    partition holds its file's films: keep files to a size one worker can hold.

    Args:
        paths: One path, or several.
        strict: Reject unknown keys (the default); False ignores them.

    Returns:
        The bag.

    Raises:
        ImportError: Dask is not installed (``pip install 'filmmeta[dask]'``).
        ValidationError: When computed, for the first invalid line of a file, with its
            line number.

    .. versionadded:: 0.1.0
    """
    bag = require("dask.bag", "read_jsonl_partitions", "dask")
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files = [os.fspath(path) for path in paths]
    return bag.from_sequence(files, partition_size=1).map_partitions(_load_files, strict=strict)
