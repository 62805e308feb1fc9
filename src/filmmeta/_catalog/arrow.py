"""Arrow tables and Parquet files of films: the nested schema behind :mod:`filmmeta.frames`.

Every field of the model has a column, nested as the model nests (credits, ratings and
offers are lists of structs), so that ``from_arrow(to_arrow(films)) == films``. The
functions are public in :mod:`filmmeta.frames`; see ``docs/frames.md`` for the schema.
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
    SINCE,
    Film,
    PartialDate,
    Shared,
    field_types,
    file_name,
    is_homogeneous_tuple,
    item_type,
    optional_inner,
)
from filmmeta._optional import require
from filmmeta.exceptions import ValidationError, join_path

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BATCH_SIZE",
    "SCHEMA_VERSION",
    "arrow_schema",
    "from_arrow",
    "read_parquet",
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


# -- rows: a model value to what Arrow takes, and back --------------------------------------

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


def _number(value: float) -> float:
    # Arrow holds every rating number as float64; the model writes an integral value
    # such as a Metascore of 29 as an int, so it comes back as one.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _from_row_value(type_: Any) -> Convert | None:
    """How an Arrow value of *type_* comes back; None: as it is.

    The constructors' converters take the text of dates and decimals, and lists for
    tuples; a null list (from an engine that marks every column nullable) is empty.
    Errors carry paths relative to the value (``[2].value`` for a list's item).
    """
    inner = optional_inner(type_)
    if inner is not None:
        convert = _from_row_value(inner)
        if convert is None:
            return None
        return lambda value: None if value is None else convert(value)
    if isinstance(type_, type) and attrs.has(type_) and type_ not in SCALARS:
        return _from_struct(type_)
    if type_ == _PAIRS:
        return lambda rows: [(row["key"], row["value"]) for row in rows or ()]
    if is_homogeneous_tuple(type_):
        item = _from_row_value(item_type(type_))
        if item is None:
            return lambda value: value or ()
        return functools.partial(_from_list, item)
    if type_ is float:
        return _number
    return None


def _from_list(item: Convert, values: list[Any] | None) -> list[Any]:
    built = []
    for i, value in enumerate(values or ()):
        try:
            built.append(item(value))
        except ValidationError as err:
            raise _under(f"[{i}]", err) from None
    return built


def _under(prefix: str, err: ValidationError) -> ValidationError:
    # "[2]" and "value" make "[2].value"; "credits" and "[2].value" make "credits[2].value".
    return type(err)(
        [
            (prefix + path if path.startswith("[") else join_path(prefix, path), message)
            for path, message in err.errors
        ]
    )


@functools.cache
def _from_struct(cls: Any) -> Convert:
    parts = [(field.name, _from_row_value(field.type)) for field in field_types(cls)]

    def from_struct(row: dict[str, Any] | None) -> Any:
        # A key left out (a column that Parquet written by an earlier version of the
        # schema does not have) takes the field's default.
        given = row or {}
        values = {}
        for name, convert in parts:
            value = given.get(name, _MISSING)
            if value is _MISSING:
                continue
            if convert is not None:
                try:
                    value = convert(value)
                except ValidationError as err:
                    raise _under(name, err) from None
            values[name] = value
        return cls(**values)

    return from_struct


_MISSING: Any = object()


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


def _film(row: dict[str, Any]) -> Film:
    film: Film = _from_struct(Film)(row)
    return film


def _readable_fields(
    pa: Any, cls: type[Any], have: Callable[[str], Any], path: str, missing: list[str]
) -> list[Any]:
    """The fields of *cls* that the data has, typed as the schema types them.

    A field that an earlier version of the schema did not have (its ``since``) may be
    missing, in a column or in a struct: Parquet written before it reads, and the
    field takes its default. Any other missing field is added to *missing*.
    """
    fields = []
    for field in field_types(cls):
        found = have(field.name)
        if found is None:
            if field.metadata.get(SINCE, 1) <= 1:
                missing.append(join_path(path, field.name))
            continue
        type_ = _readable_type(pa, field.type, found, join_path(path, field.name), missing)
        # Other engines mark every column nullable: a null becomes a field error in _film.
        fields.append(pa.field(field.name, type_, nullable=True))
    return fields


def _readable_type(pa: Any, type_: Any, found: Any, path: str, missing: list[str]) -> Any:
    type_ = optional_inner(type_) or type_
    if isinstance(type_, type) and attrs.has(type_) and type_ not in SCALARS:
        if pa.types.is_struct(found):
            names = {found.field(i).name for i in range(found.num_fields)}
            return pa.struct(
                _readable_fields(
                    pa,
                    type_,
                    lambda name: found.field(name).type if name in names else None,
                    path,
                    missing,
                )
            )
    elif (
        is_homogeneous_tuple(type_)
        and (pa.types.is_list(found) or pa.types.is_large_list(found))
        and attrs.has(item_type(type_))
    ):
        item = _readable_type(pa, item_type(type_), found.value_type, f"{path}[]", missing)
        return pa.list_(pa.field("element", item))
    return _arrow_type(pa, type_)


def _conform(pa: Any, schema: Any, data: Any) -> Any:
    """Select the schema's columns of a table or record batch and cast them to its types.

    A table written in an earlier version of the schema lacks the later fields; they
    are left out here, and the films take their defaults.
    """
    if isinstance(data, pa.RecordBatch):
        data = pa.Table.from_batches([data])
    if data.schema.equals(schema):
        return data
    names = set(data.schema.names)
    missing: list[str] = []
    fields = _readable_fields(
        pa,
        Film,
        lambda name: data.schema.field(name).type if name in names else None,
        "",
        missing,
    )
    if missing:
        raise ValidationError.at("$", f"missing columns: {', '.join(missing)}")
    readable = pa.schema(fields)
    data = data.select(readable.names)
    try:
        return data.cast(readable)
    except (ValueError, pa.ArrowException) as exc:
        raise ValidationError.at("$", f"not a catalog in filmmeta's schema: {exc}") from None


def _films(
    pa: Any, schema: Any, tables: Iterable[Any], shared: Shared | None = None
) -> Iterator[Film]:
    done = 0
    for table in tables:
        for batch in _conform(pa, schema, table).to_batches(BATCH_SIZE):
            films: list[Film] = []
            error: ValidationError | None = None
            for row in batch.to_pylist():
                try:
                    film = _film(row)
                except ValidationError as err:
                    error = err.with_prefix(f"[{done + len(films)}]")
                    break
                films.append(film if shared is None else shared.film(film))
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
    path: str | os.PathLike[str] | IO[bytes], *, batch_size: int = BATCH_SIZE, share: bool = True
) -> Iterator[Film]:
    """Read films from a Parquet file, *batch_size* rows at a time.

    The iterator reads a batch, yields its films and forgets them: memory stays flat
    however large the file. The file may come from :func:`write_parquet` or from any
    engine that wrote the columns of :func:`arrow_schema` (see :func:`from_arrow`).

    Args:
        path: A path, or a binary file open for reading.
        batch_size: Rows decoded at once.
        share: Hold equal parts of the films read once, as
            :func:`~filmmeta.load_jsonl` does (a table of at most 100,000 values that
            belongs to this read alone); False gives each film parts of its own.

    Yields:
        The films, in row order.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'filmmeta[arrow]'``).
        ValidationError: As :func:`from_arrow`, with rows counted from the file's start
            and the file's name (for a path, or an open file that has one).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``share``.
    """
    pa = require("pyarrow", "read_parquet", "arrow")
    pq = require("pyarrow.parquet", "read_parquet", "arrow")
    _check_size(batch_size)
    return _read_parquet(pa, pq, _where(path), batch_size, Shared() if share else None)


def _read_parquet(
    pa: Any, pq: Any, where: Any, batch_size: int, shared: Shared | None
) -> Iterator[Film]:
    # Without pre-buffering: with it, pyarrow keeps the row groups it has read until the
    # file is closed, and memory would grow with the file.
    name = file_name(where)
    with pq.ParquetFile(where, pre_buffer=False) as file:
        batches = file.iter_batches(batch_size=batch_size)
        try:
            yield from _films(pa, _schema(pa), batches, shared)
        except ValidationError as err:
            # As load_jsonl's errors do: of many files, say which one to look at.
            raise err.with_file(name) if name is not None else err from None
