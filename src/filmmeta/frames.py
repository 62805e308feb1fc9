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

import contextlib
import datetime as dt
import gc
import importlib
import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs

from filmmeta._availability import Offer, OfferType
from filmmeta._certification import ContentRating
from filmmeta._film import Credit, ExternalIds, Film, FilmKind
from filmmeta._ratings import SOURCES, Rating
from filmmeta.converters import load_jsonl
from filmmeta.exceptions import ValidationError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "arrow_schema",
    "from_arrow",
    "read_jsonl_partitions",
    "read_parquet",
    "to_arrow",
    "to_dataframe",
    "to_records",
    "write_parquet",
]

T = TypeVar("T")

#: Films per Arrow record batch, and so per Parquet row group, unless told otherwise.
BATCH_SIZE = 10_000
#: The version of the Arrow layout, kept in the schema's metadata under ``filmmeta``.
SCHEMA_VERSION = "1"

_ID_NAMES = tuple(a.name for a in attrs.fields(ExternalIds))
_INT_IDS = frozenset({"tmdb", "justwatch"})
_LISTS = ("genres", "languages", "countries")
_TEXT = ("title", "original_title", "release_date")
_MINUTE = dt.timedelta(minutes=1)


def _require(module: str, function: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.partition(".")[0]
        msg = f"{function} needs {package}: pip install 'filmmeta[{extra}]'"
        raise ImportError(msg, name=package) from exc


# -- flat records -------------------------------------------------------------------------


def _columns(sources: Sequence[str]) -> list[str]:
    columns = ["title", "original_title", "kind", "year", "release_date", "runtime_minutes"]
    columns += ["content_rating", *_LISTS]
    for source in sources:
        columns += [f"{source}_rating", f"{source}_votes"]
    columns += [f"offers_{t.value}" for t in OfferType]
    return columns + [f"{name}_id" for name in _ID_NAMES]


def _flatten(films: Iterable[Film], country: str) -> tuple[list[str], list[dict[str, Any]]]:
    catalog = list(films)
    seen = {r.source for film in catalog for r in film.ratings}
    # Known sources in the registry's order (IMDb first), then the others by name.
    sources = [s for s in SOURCES if s in seen] + sorted(seen - SOURCES.keys())
    columns = _columns(sources)
    if len(set(columns)) != len(columns):
        clash = next(c for c in columns if columns.count(c) > 1)
        msg = f"a rating source's column would be named {clash!r}, like another column"
        raise ValueError(msg)
    return columns, [_record(film, sources, country) for film in catalog]


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
    return record


def to_records(films: Iterable[Film], *, country: str = "US") -> list[dict[str, Any]]:
    """Flatten films into one dict per film, every dict with the same keys.

    The columns: ``title``, ``original_title``, ``kind``, ``year``, ``release_date``
    (ISO), ``runtime_minutes`` (half a minute rounds up), ``content_rating`` (the code for
    *country*), the lists ``genres``, ``languages`` and ``countries``; a
    ``<source>_rating`` and ``<source>_votes`` pair per rating source in the catalog
    (``imdb_rating``, ...); offer counts ``offers_<type>``; ids ``<database>_id``
    (``imdb_id``, ``tmdb_id``, ...). A missing value is None.

    Args:
        films: The catalog; it is read once.
        country: Whose content rating fills ``content_rating``.

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
    """
    return _flatten(films, country)[1]


def _dtype(column: str, pd: Any) -> Any:
    if column in _TEXT or (column.endswith("_id") and column[:-3] not in _INT_IDS):
        return pd.StringDtype()
    if column == "kind":
        return pd.CategoricalDtype([kind.value for kind in FilmKind])
    if column == "content_rating":
        return "category"
    if column in _LISTS:
        return object
    if column.endswith("_rating"):
        return "Float64"
    return "Int64"


def to_dataframe(films: Iterable[Film], *, country: str = "US") -> pd.DataFrame:
    """Build a :class:`pandas.DataFrame` of :func:`to_records`, with nullable dtypes.

    Text is ``string``; ``year``, ``runtime_minutes``, the vote and offer counts and the
    numeric ids are ``Int64``; ratings are ``Float64``; ``kind`` (with every
    :class:`FilmKind` as a category) and ``content_rating`` are ``category``; ``genres``,
    ``languages`` and ``countries`` hold lists (``object``). Missing values are ``<NA>``.

    Args:
        films: The catalog.
        country: Whose content rating fills ``content_rating``.

    Returns:
        One row per film; an empty catalog gives the fixed columns and no rows.

    Raises:
        ImportError: pandas is not installed (``pip install 'filmmeta[pandas]'``).

    .. versionadded:: 0.1.0
    """
    pandas = _require("pandas", "to_dataframe", "pandas")
    columns, records = _flatten(films, country)
    return pandas.DataFrame(
        {
            column: pandas.Series([r[column] for r in records], dtype=_dtype(column, pandas))
            for column in columns
        }
    )


# -- Arrow and Parquet --------------------------------------------------------------------


def _schema(pa: Any) -> Any:
    text, number, whole = pa.string(), pa.float64(), pa.int64()

    def need(name: str, type_: Any) -> Any:
        return pa.field(name, type_, nullable=False)

    def may(name: str, type_: Any) -> Any:
        return pa.field(name, type_)

    def items(*fields: Any) -> Any:
        return pa.list_(need("element", pa.struct(fields)))

    strings = pa.list_(need("element", text))
    content_rating = need("code", text), need("country", text), may("system", text)
    credit = need("name", text), need("role", text), may("character", text)
    rating = need("source", text), need("value", number), may("votes", whole)
    offer = need("provider", text), need("type", text)
    ids = [may(name, whole if name in _INT_IDS else text) for name in _ID_NAMES]
    fields = [
        need("title", text),
        need("kind", text),
        may("release_date", text),
        may("runtime", pa.duration("us")),
        need("content_ratings", items(*content_rating, may("reason", text))),
        *(need(name, strings) for name in _LISTS),
        may("summary", text),
        need("credits", items(*credit)),
        need("ratings", items(*rating, need("best", number), need("worst", number))),
        need("offers", items(*offer, *(may(name, text) for name in _OFFER[2:]))),
        need("ids", pa.struct(ids)),
        may("original_title", text),
    ]
    return pa.schema(fields, metadata={"filmmeta": SCHEMA_VERSION})


def arrow_schema() -> pa.Schema:
    """The nested Arrow schema of a catalog: one row per film, fields in model order.

    Collections are lists, of structs for ``content_ratings``, ``credits``, ``ratings``
    and ``offers``; ``ids`` is a struct; enums are their values; ``release_date`` is the
    ISO string, partial allowed; ``runtime`` is ``duration[us]``; rating numbers are
    ``float64``; ``price`` is the exact decimal string (``"3.99"``). Fields a film always
    has are non-nullable; empty collections are empty lists, never null.

    Returns:
        The :class:`pyarrow.Schema`, for other engines and for casting foreign tables.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).

    .. versionadded:: 0.1.0
    """
    return _schema(_require("pyarrow", "arrow_schema", "arrow"))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    # Converting a batch makes many small objects and no cycles: the cyclic collector's
    # passes over the growing heap would take most of the time. Never held over a yield.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_size(size: int) -> None:
    if type(size) is not int or size < 1:
        msg = f"a batch size must be a positive integer, not {size!r}"
        raise ValueError(msg)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _fields(obj: Any, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


# Struct fields in model order; enums go in as they are (a StrEnum is a str to Arrow).
_CONTENT_RATING = ("code", "country", "system", "reason")
_CREDIT = ("name", "role", "character")
_RATING = ("source", "value", "votes", "best", "worst")
_OFFER = ("provider", "type", "region", "price", "currency", "quality", "url")


def _offer(offer: Offer) -> dict[str, Any]:
    # str() of a Decimal gives it back exactly: "3.99" stays "3.99", "3.990" stays.
    return {**_fields(offer, _OFFER), "price": None if offer.price is None else str(offer.price)}


def _row(film: Film) -> tuple[Any, ...]:
    date = film.release_date
    return (
        film.title,
        film.kind,
        None if date is None else str(date),
        film.runtime,
        [_fields(c, _CONTENT_RATING) for c in film.content_ratings],
        *(list(getattr(film, name)) for name in _LISTS),
        film.summary,
        [_fields(c, _CREDIT) for c in film.credits],
        [_fields(r, _RATING) for r in film.ratings],
        [_offer(o) for o in film.offers],
        _fields(film.ids, _ID_NAMES),
        film.original_title,
    )


def _batch(pa: Any, schema: Any, films: Sequence[Film]) -> Any:
    with _gc_paused():
        columns = list(zip(*map(_row, films), strict=True))
        arrays = [
            pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)
        ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def to_arrow(films: Iterable[Film], *, batch_size: int = BATCH_SIZE) -> pa.Table:
    """Build an Arrow table of films in the schema of :func:`arrow_schema`.

    Nothing is lost: ``from_arrow(to_arrow(films)) == films``.

    Args:
        films: The catalog.
        batch_size: Films per record batch of the table.

    Returns:
        The :class:`pyarrow.Table`, one row per film.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).

    .. versionadded:: 0.1.0
    """
    pa = _require("pyarrow", "to_arrow", "arrow")
    schema = _schema(pa)
    _check_size(batch_size)
    batches = [_batch(pa, schema, chunk) for chunk in _chunks(films, batch_size)]
    return pa.Table.from_batches(batches, schema=schema)


def _number(value: float) -> float:
    # Arrow holds every rating number as float64; the model writes an integral value
    # such as a Metascore of 29 as an int, so it comes back as one.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _rating(source: str, value: float, votes: int | None, best: float, worst: float) -> Rating:
    return Rating(source, _number(value), votes=votes, best=_number(best), worst=_number(worst))


def _items(build: Callable[..., Any], rows: list[dict[str, Any]] | None, path: str) -> list[Any]:
    built = []
    for i, fields in enumerate(rows or ()):
        try:
            built.append(build(**fields))
        except ValidationError as err:
            raise err.with_prefix(f"{path}[{i}]") from None
    return built


def _film(row: dict[str, Any]) -> Film:
    try:
        ids = ExternalIds(**(row["ids"] or {}))
    except ValidationError as err:
        raise err.with_prefix("ids") from None
    return Film(
        row["title"],
        kind=row["kind"],
        release_date=row["release_date"],
        runtime=row["runtime"],
        content_ratings=_items(ContentRating, row["content_ratings"], "content_ratings"),
        genres=row["genres"] or (),
        languages=row["languages"] or (),
        countries=row["countries"] or (),
        summary=row["summary"],
        credits=_items(Credit, row["credits"], "credits"),
        ratings=_items(_rating, row["ratings"], "ratings"),
        offers=_items(Offer, row["offers"], "offers"),
        ids=ids,
        original_title=row["original_title"],
    )


def _conform(pa: Any, schema: Any, data: Any) -> Any:
    """Select the schema's columns of a table or record batch and cast them to its types."""
    if isinstance(data, pa.RecordBatch):
        data = pa.Table.from_batches([data])
    missing = [name for name in schema.names if name not in data.schema.names]
    if missing:
        raise ValidationError.at("$", f"missing columns: {', '.join(missing)}")
    data = data.select(schema.names)
    if data.schema.equals(schema):
        return data
    # Other engines mark every column nullable: a null becomes a field error in _film.
    relaxed = pa.schema([field.with_nullable(True) for field in schema])
    try:
        return data.cast(relaxed)
    except (ValueError, pa.ArrowException) as exc:
        raise ValidationError.at("$", f"not a catalog in filmmeta's schema: {exc}") from None


def _films(pa: Any, schema: Any, tables: Iterable[Any]) -> Iterator[Film]:
    done = 0
    for table in tables:
        for batch in _conform(pa, schema, table).to_batches(BATCH_SIZE):
            films: list[Film] = []
            error: ValidationError | None = None
            with _gc_paused():
                for row in batch.to_pylist():
                    try:
                        films.append(_film(row))
                    except ValidationError as err:
                        error = err.with_prefix(f"[{done + len(films)}]")
                        break
            # The films before a bad row are yielded first, as load_jsonl yields its lines.
            yield from films
            if error is not None:
                raise error
            done += len(films)


def from_arrow(data: pa.Table | pa.RecordBatch) -> list[Film]:
    """Build films from an Arrow table in the schema of :func:`arrow_schema`.

    Extra columns are ignored and the others cast to the schema's types, so tables from
    other engines (``large_string``, nullable columns) read too. An integral rating value
    (29.0) comes back as an int, as the model keeps a Metascore.

    Args:
        data: A :class:`pyarrow.Table` or :class:`pyarrow.RecordBatch`.

    Returns:
        The films, in row order.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: A column is missing or cannot be cast (path ``$``), or a row is
            not a valid film (paths such as ``[3].ratings[0].value``; rows count from 0).

    .. versionadded:: 0.1.0
    """
    pa = _require("pyarrow", "from_arrow", "arrow")
    return list(_films(pa, _schema(pa), [data]))


def _where(path: str | os.PathLike[str] | IO[bytes]) -> Any:
    return os.fspath(path) if isinstance(path, os.PathLike) else path


def write_parquet(
    films: Iterable[Film],
    path: str | os.PathLike[str] | IO[bytes],
    *,
    row_group_size: int = BATCH_SIZE,
    compression: str = "zstd",
) -> int:
    """Write films to a Parquet file, one row group of *row_group_size* films at a time.

    Only one row group of films is held at once, so a generator of any length (say
    :func:`~filmmeta.load_jsonl` over a large file) is converted in flat memory.

    Args:
        films: The catalog.
        path: A path, or a binary file open for writing.
        row_group_size: Films per row group.
        compression: A Parquet codec (``"zstd"``, ``"snappy"``, ``"none"``, ...).

    Returns:
        The number of films written.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).

    .. versionadded:: 0.1.0
    """
    pa = _require("pyarrow", "write_parquet", "arrow")
    pq = _require("pyarrow.parquet", "write_parquet", "arrow")
    schema = _schema(pa)
    _check_size(row_group_size)
    count = 0
    with pq.ParquetWriter(_where(path), schema, compression=compression) as writer:
        for chunk in _chunks(films, row_group_size):
            writer.write_batch(_batch(pa, schema, chunk), row_group_size=row_group_size)
            count += len(chunk)
    return count


def read_parquet(
    path: str | os.PathLike[str] | IO[bytes], *, batch_size: int = BATCH_SIZE
) -> Iterator[Film]:
    """Read films from a Parquet file, *batch_size* rows at a time.

    The iterator reads a batch, yields its films and forgets them: memory stays flat
    however large the file. The file may come from :func:`write_parquet` or from any
    engine that wrote the columns of :func:`arrow_schema` (see :func:`from_arrow`).

    Args:
        path: A path, or a binary file open for reading.
        batch_size: Rows decoded at once.

    Yields:
        The films, in row order.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: As :func:`from_arrow`, with rows counted from the file's start.

    .. versionadded:: 0.1.0
    """
    pa = _require("pyarrow", "read_parquet", "arrow")
    pq = _require("pyarrow.parquet", "read_parquet", "arrow")
    _check_size(batch_size)
    return _read_parquet(pa, pq, _where(path), batch_size)


def _read_parquet(pa: Any, pq: Any, where: Any, batch_size: int) -> Iterator[Film]:
    # Without pre-buffering: with it, pyarrow keeps the row groups it has read until the
    # file is closed, and memory would grow with the file.
    with pq.ParquetFile(where, pre_buffer=False) as file:
        batches = file.iter_batches(batch_size=batch_size)
        yield from _films(pa, _schema(pa), batches)


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
    bag = _require("dask.bag", "read_jsonl_partitions", "dask")
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files = [os.fspath(path) for path in paths]
    return bag.from_sequence(files, partition_size=1).map_partitions(_load_files, strict=strict)
