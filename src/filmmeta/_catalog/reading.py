"""Films from Arrow tables and Parquet files in the schema of :mod:`~filmmeta._catalog.arrow`.

Each row becomes its canonical document, built a column at a time
(:mod:`~filmmeta._catalog.documents`), and a film through :func:`~filmmeta.from_dict`'s
fast hooks; a row that they refuse goes through the model's constructors, whose verdict
and errors are the reader's. Tables from other engines (nullable columns,
``large_string``) and Parquet written by earlier versions of the schema are cast to the
schema first. The functions are public in
:mod:`filmmeta.frames`; see ``docs/frames.md`` for the schema.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

import attrs

from filmmeta._catalog.arrow import (
    _PAIRS,
    BATCH_SIZE,
    _arrow_type,
    _check_size,
    _is_struct,
    _schema,
    _where,
)
from filmmeta._catalog.documents import documents, integral
from filmmeta._model import (
    SINCE,
    Film,
    Shared,
    field_types,
    file_name,
    is_homogeneous_tuple,
    item_type,
    optional_inner,
)
from filmmeta._optional import require
from filmmeta.converters import from_dict
from filmmeta.exceptions import ValidationError, join_path

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["from_arrow", "read_parquet"]

Convert = Callable[[Any], Any]


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
    if _is_struct(type_):
        return _from_struct(type_)
    if type_ == _PAIRS:
        # A null pair (another engine's) is the constructor's to refuse.
        return lambda rows: [row and (row["key"], row["value"]) for row in rows or ()]
    if is_homogeneous_tuple(type_):
        item = _from_row_value(item_type(type_))
        if item is None:
            return lambda value: value or ()
        return functools.partial(_from_list, item)
    if type_ is float:
        return integral
    return None


def _from_list(item: Convert, values: list[Any] | None) -> list[Any]:
    built = []
    for i, value in enumerate(values or ()):
        try:
            # A null item (another engine's) is the constructor's to refuse, with its path.
            built.append(None if value is None else item(value))
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


def _film(row: dict[str, Any]) -> Film:
    film: Film = _from_struct(Film)(row)
    return film


def _from_document(document: dict[str, Any], batch: Any, i: int) -> Film:
    """Row *i* of *batch* as a film: its canonical *document* read by the fast hooks.

    A document that they refuse (an invalid film, or a value with no canonical form) is
    the constructors' to decide, from the row as Arrow gives it: the verdict, and the
    error with its paths, are theirs, as before documents were read.
    """
    try:
        return from_dict(document)
    except ValidationError:
        return _film(batch.slice(i, 1).to_pylist()[0])


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
    if _is_struct(type_):
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
            for i, document in enumerate(documents(batch)):
                try:
                    film = _from_document(document, batch, i)
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
