"""The canonical documents of a record batch's films, built a column at a time.

:func:`~filmmeta._catalog.reading.from_arrow` gives each document to
:func:`~filmmeta.from_dict`, whose fast hooks build a film from a canonical document
about three times faster than the constructors build it from a row of ``to_pylist``;
and the documents are fewer Python objects than the rows (no key for a null, no empty
list). A document is canonical as
:func:`~filmmeta.to_dict` writes it: no null, no empty list or object, no scale that a
known source's rating gives itself, a runtime as its ISO 8601 text, a date as
``YYYY-MM-DD``, other ids as an object, an integral rating number as an int.

A value that has no such form (a negative runtime, ids of other services given twice)
is left as Arrow gave it: ``from_dict`` refuses it, and the reader
builds that row through the constructors instead, which decide as they always did.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from filmmeta._catalog.arrow import _PAIRS, _is_struct
from filmmeta._model import (
    SOURCES,
    Film,
    Rating,
    field_types,
    format_iso_duration,
    is_homogeneous_tuple,
    item_type,
    optional_inner,
)
from filmmeta.exceptions import ValidationError

__all__ = ["documents", "integral"]

#: No key: a null, an empty list, the default scale of a known source's rating.
OMIT: Any = object()


def documents(batch: Any) -> list[dict[str, Any]]:
    """The canonical document of each row of *batch* (in the catalog's Arrow schema).

    A column that the batch lacks (Parquet written by an earlier version of the schema)
    is left out of every document, which gives its field the default.
    """
    return _structs(Film, dict(zip(batch.schema.names, batch.columns, strict=True)))


def _structs(cls: Any, children: dict[str, Any]) -> list[dict[str, Any]]:
    fields = [field for field in field_types(cls) if field.name in children]
    names = [field.name for field in fields]
    columns = [_values(field.type, children[field.name]) for field in fields]
    for i, field in enumerate(fields):
        if attrs.has(type(field.default)):  # a part the class always has (ids): {} is it
            columns[i] = [OMIT if value == {} else value for value in columns[i]]
    built = [
        {name: value for name, value in zip(names, row, strict=True) if value is not OMIT}
        for row in zip(*columns, strict=True)
    ]
    if cls is Rating:
        for rating in built:
            _known_scale(rating)
    return built


def _known_scale(rating: dict[str, Any]) -> None:
    source = SOURCES.get(rating.get("source"))  # type: ignore[arg-type]
    if source is not None:
        if rating.get("best") == source.best:
            del rating["best"]
        if rating.get("worst") == source.worst:
            del rating["worst"]


def _values(type_: Any, array: Any) -> list[Any]:
    """The canonical values of *array*, of the model's field type *type_*; OMIT for none."""
    inner = optional_inner(type_)
    if inner is not None:
        type_ = inner
    if _is_struct(type_):
        # flatten() gives the children of this slice, nulls of the parent included.
        built = _structs(type_, dict(zip(array.type.names, array.flatten(), strict=True)))
        if not array.null_count:
            return built
        valid = array.is_valid().to_pylist()
        return [doc if ok else OMIT for ok, doc in zip(valid, built, strict=True)]
    if type_ == _PAIRS:
        keys, texts = (child.to_pylist() for child in array.flatten().flatten())
        return _grouped(array, list(zip(keys, texts, strict=True)), _object)
    if is_homogeneous_tuple(type_):
        return _grouped(array, _values(item_type(type_), array.flatten()), list)
    values: list[Any] = array.to_pylist()
    convert = _CONVERT.get(type_)
    if convert is not None:
        values = [None if v is None else convert(v) for v in values]
    if inner is None:
        return values  # a null where the model needs a value: from_dict refuses it
    return [OMIT if v is None else v for v in values]


def _grouped(array: Any, flat: list[Any], make: Any) -> list[Any]:
    """*flat*, the items of a list array's lists, grouped as the lists; OMIT for none."""
    out: list[Any] = []
    start = 0
    for length in array.value_lengths().to_pylist():
        if not length:  # an empty list, or a null one (another engine's), is left out
            out.append(OMIT)
            continue
        out.append(make(flat[start : start + length]))
        start += length
    return out


def _object(pairs: list[tuple[str, str]]) -> Any:
    found = dict(pairs)
    # A key given twice is the constructors' to judge: a list is no JSON object.
    return found if len(found) == len(pairs) else pairs


def _runtime(value: dt.timedelta) -> Any:
    # The ISO text keeps every microsecond (test_runtime); a runtime with no text (a
    # negative one) is left to the constructors.
    try:
        return format_iso_duration(value)
    except ValidationError:
        return value


def integral(value: float) -> float:
    """*value*, an int if it is integral (a rating number, which Arrow holds as float64).

    The model keeps a Metascore of 29 an int, as it was written: it comes back as one.
    """
    return int(value) if isinstance(value, float) and value.is_integer() else value


_CONVERT: dict[Any, Any] = {dt.timedelta: _runtime, dt.date: dt.date.isoformat, float: integral}
