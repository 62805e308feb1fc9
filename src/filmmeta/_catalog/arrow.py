"""Arrow tables and Parquet files of films: the nested schema behind :mod:`filmmeta.frames`.

Every field of the model has a column, nested as the model nests (credits, ratings and
offers are lists of structs), so that ``from_arrow(to_arrow(films)) == films``
(:mod:`~filmmeta._catalog.reading` reads them back). The functions are public in
:mod:`filmmeta.frames`; see ``docs/frames.md`` for the schema.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs

from filmmeta._model import (
    SCALARS,
    Film,
    PartialDate,
    field_types,
    is_homogeneous_tuple,
    item_type,
    optional_inner,
)
from filmmeta._optional import require

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BATCH_SIZE",
    "SCHEMA_VERSION",
    "arrow_schema",
    "to_arrow",
    "write_parquet",
]

T = TypeVar("T")

#: Films per Arrow record batch, and so per Parquet row group, unless told otherwise.
BATCH_SIZE = 10_000
#: The version of the Arrow layout, kept in the schema's metadata under ``filmmeta``:
#: "1" in 0.1.0, "2" since model 2 (titles, releases, ..., offer windows, other ids).
#: Every version reads what the earlier ones wrote.
SCHEMA_VERSION = "2"


# -- the schema, from the model's field types ---------------------------------------------


_PAIRS = tuple[tuple[str, str], ...]


def _arrow_type(pa: Any, type_: Any) -> Any:
    """The Arrow type of a (non-optional) field type: one rule per kind of type."""
    if isinstance(type_, type) and attrs.has(type_) and type_ not in SCALARS:
        return pa.struct([_arrow_field(pa, field) for field in field_types(type_)])
    if type_ == _PAIRS:  # ids of other services: a list of (key, value), as JSON's order
        key_value = [pa.field(name, pa.string(), nullable=False) for name in ("key", "value")]
        return pa.list_(pa.field("element", pa.struct(key_value), nullable=False))
    if is_homogeneous_tuple(type_):
        return pa.list_(pa.field("element", _arrow_type(pa, item_type(type_)), nullable=False))
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return pa.string()  # the value: a StrEnum is a str to Arrow
    scalars = {
        str: pa.string(),
        int: pa.int64(),
        float: pa.float64(),
        bool: pa.bool_(),
        # Exact text: "3.99" stays "3.99", a partial date stays partial.
        decimal.Decimal: pa.string(),
        PartialDate: pa.string(),
        dt.timedelta: pa.duration("us"),
        dt.date: pa.date32(),
    }
    if type_ in scalars:
        return scalars[type_]
    raise TypeError(f"no Arrow type for {type_!r}")  # pragma: no cover - a new field type


def _arrow_field(pa: Any, field: attrs.Attribute[Any]) -> Any:
    # Fields a film always has are non-nullable; empty collections are empty lists.
    inner = optional_inner(field.type)
    return pa.field(field.name, _arrow_type(pa, inner or field.type), nullable=inner is not None)


@functools.cache  # one entry: the model's schema does not change; pa.Schema is immutable
def _schema(pa: Any) -> Any:
    fields = [_arrow_field(pa, field) for field in field_types(Film)]
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


# -- rows: a model value to what Arrow takes ------------------------------------------------

Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _to_row_value(type_: Any) -> Convert:
    """How a value of *type_* goes into Arrow (a struct as a dict, a tuple as a list)."""
    inner = optional_inner(type_)
    if inner is not None:
        convert = _to_row_value(inner)
        if convert is _identity:
            return _identity
        return lambda value: None if value is None else convert(value)
    if isinstance(type_, type) and attrs.has(type_) and type_ not in SCALARS:
        return _to_struct(type_)
    if type_ == _PAIRS:
        return lambda pairs: [{"key": key, "value": value} for key, value in pairs]
    if is_homogeneous_tuple(type_):
        item = _to_row_value(item_type(type_))
        if item is _identity:
            return list
        return lambda value: [item(x) for x in value]
    if type_ in (decimal.Decimal, PartialDate):
        return str
    return _identity


@functools.cache
def _to_struct(cls: Any) -> Convert:
    parts = _to_parts(cls)

    def to_struct(value: Any) -> dict[str, Any]:
        return {name: convert(getattr(value, name)) for name, convert in parts}

    return to_struct


@functools.cache
def _to_parts(cls: Any) -> tuple[tuple[str, Convert], ...]:
    return tuple((field.name, _to_row_value(field.type)) for field in field_types(cls))


def _check_size(size: int) -> None:
    if type(size) is not int or size < 1:
        msg = f"a batch size must be a positive integer, not {size!r}"
        raise ValueError(msg)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _row(film: Film) -> tuple[Any, ...]:
    return tuple([convert(getattr(film, name)) for name, convert in _to_parts(Film)])


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
