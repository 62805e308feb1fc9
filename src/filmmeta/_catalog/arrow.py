"""Arrow tables and Parquet files of films: the nested schema behind :mod:`filmmeta.frames`.

Every field of the model has a column, nested as the model nests (credits, ratings and
offers are lists of structs), so that ``from_arrow(to_arrow(films)) == films``. The
functions are public in :mod:`filmmeta.frames`; see ``docs/frames.md`` for the schema.
"""

from __future__ import annotations

import importlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs

from filmmeta._model.availability import Offer
from filmmeta._model.certification import ContentRating
from filmmeta._model.film import Credit, Film
from filmmeta._model.ids import ExternalIds
from filmmeta._model.ratings import Rating
from filmmeta._model.validate import file_name
from filmmeta.exceptions import ValidationError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BATCH_SIZE",
    "SCHEMA_VERSION",
    "arrow_schema",
    "from_arrow",
    "read_parquet",
    "require",
    "to_arrow",
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


def require(module: str, function: str, extra: str) -> Any:
    """Import an optional *module*, or raise an ImportError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.partition(".")[0]
        msg = f"{function} needs {package}: pip install 'filmmeta[{extra}]'"
        raise ImportError(msg, name=package) from exc


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
    return _schema(require("pyarrow", "arrow_schema", "arrow"))


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
    pa = require("pyarrow", "to_arrow", "arrow")
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
    pa = require("pyarrow", "from_arrow", "arrow")
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
    pa = require("pyarrow", "write_parquet", "arrow")
    pq = require("pyarrow.parquet", "write_parquet", "arrow")
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
        ValidationError: As :func:`from_arrow`, with rows counted from the file's start
            and the file's name (for a path, or an open file that has one).

    .. versionadded:: 0.1.0
    """
    pa = require("pyarrow", "read_parquet", "arrow")
    pq = require("pyarrow.parquet", "read_parquet", "arrow")
    _check_size(batch_size)
    return _read_parquet(pa, pq, _where(path), batch_size)


def _read_parquet(pa: Any, pq: Any, where: Any, batch_size: int) -> Iterator[Film]:
    # Without pre-buffering: with it, pyarrow keeps the row groups it has read until the
    # file is closed, and memory would grow with the file.
    name = file_name(where)
    with pq.ParquetFile(where, pre_buffer=False) as file:
        batches = file.iter_batches(batch_size=batch_size)
        try:
            yield from _films(pa, _schema(pa), batches)
        except ValidationError as err:
            # As load_jsonl's errors do: of many files, say which one to look at.
            raise err.with_file(name) if name is not None else err from None
