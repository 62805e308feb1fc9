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
import types
from collections.abc import Iterable, Iterator, Sequence
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
    if _is_struct(type_):
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


# -- columns: a batch of films to Arrow arrays ----------------------------------------------
#
# A column at a time, from lists of the films' own values: a list of structs is its
# offsets and a column per field of the flattened items, never a dict per item. Rows of
# nested dicts for pyarrow to take apart cost about 60 Python containers per film, and the
# garbage collector, walking them while the batch grows, took three quarters of the time
# (docs/performance.md).


def _column(pa: Any, type_: Any, values: list[Any]) -> Any:
    """The Arrow array of *values*, values of the model's field type *type_*."""
    inner = optional_inner(type_)
    if inner is not None:
        if _is_struct(inner):
            mask = [value is None for value in values]
            if any(mask):
                # Arrow keeps a value under each null struct: a zero value, as pa.array
                # does, since Parquet refuses a null in a field that the part always has.
                zero = _zero(inner)
                values = [zero if value is None else value for value in values]
                return _struct(pa, inner, values, pa.array(mask, pa.bool_()))
            return _struct(pa, inner, values, None)
        if inner in (decimal.Decimal, PartialDate):
            return pa.array([None if v is None else str(v) for v in values], pa.string())
        return pa.array(values, _arrow_type(pa, inner))
    if _is_struct(type_):
        return _struct(pa, type_, values, None)
    if type_ == _PAIRS or is_homogeneous_tuple(type_):
        offsets = pa.array(list(itertools.accumulate(map(len, values), initial=0)), pa.int32())
        items = [item for value in values for item in value]
        if type_ == _PAIRS:
            keys = pa.array([key for key, _ in items], pa.string())
            texts = pa.array([text for _, text in items], pa.string())
            pair = _arrow_type(pa, type_).value_type
            child = pa.StructArray.from_arrays([keys, texts], fields=list(pair))
        else:
            child = _column(pa, item_type(type_), items)
        return pa.ListArray.from_arrays(offsets, child, type=_arrow_type(pa, type_))
    if type_ in (decimal.Decimal, PartialDate):
        return pa.array([str(value) for value in values], pa.string())
    return pa.array(values, _arrow_type(pa, type_))


def _is_struct(type_: Any) -> bool:
    """Whether *type_* is a part of the model, an Arrow struct (a date is text, not one)."""
    return isinstance(type_, type) and attrs.has(type_) and type_ not in SCALARS


def _struct(pa: Any, cls: Any, values: list[Any], mask: Any) -> Any:
    fields = field_types(cls)
    arrays = [_column(pa, field.type, [getattr(v, field.name) for v in values]) for field in fields]
    arrow_fields = list(_arrow_type(pa, cls))
    return pa.StructArray.from_arrays(arrays, fields=arrow_fields, mask=mask)


@functools.cache
def _zero(cls: Any) -> Any:
    """A stand-in for a missing *cls*: each field's zero value ("", 0, (), ...)."""
    return types.SimpleNamespace(**{f.name: _zero_of(f.type) for f in field_types(cls)})


def _zero_of(type_: Any) -> Any:
    if optional_inner(type_) is not None:
        return None
    if _is_struct(type_):
        return _zero(type_)
    if type_ == _PAIRS or is_homogeneous_tuple(type_):
        return ()
    zeros = {int: 0, float: 0.0, bool: False, dt.timedelta: dt.timedelta(0), dt.date: dt.date.min}
    return zeros.get(type_, "")  # a text, an enum's value, a decimal or a date as text


def _check_size(size: int) -> None:
    if type(size) is not int or size < 1:
        msg = f"a batch size must be a positive integer, not {size!r}"
        raise ValueError(msg)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _batch(pa: Any, schema: Any, films: Sequence[Film]) -> Any:
    arrays = [
        _column(pa, field.type, [getattr(f, field.name) for f in films])
        for field in field_types(Film)
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
