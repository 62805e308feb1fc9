"""The fields a catalog's lines hold: a narrower schema to read them with, and back.

pyarrow's JSON reader fills, for every line, every field of its schema that the line does
not have: most of model 2's parts, absent from most catalogs, cost a tenth of the read
(docs/performance.md). :class:`Shape` remembers the fields that the lines read so far
held (:meth:`Shape.learn`), gives the schema of those fields alone (:attr:`Shape.schema`),
and :func:`widen` makes a table read with it a table of the whole schema again, the
absent fields null, as the whole schema's reader gives them.

A line holding a field that the narrow schema lacks stops the strict reader (an unknown
key to it): the caller reads that batch again with the whole schema and learns its
fields. So the narrow schema is used only where it reads what the whole one reads.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Shape", "widen"]


class Shape:
    """The fields of a schema (paths: ``ids.imdb``, ``offers[].url``) that lines held."""

    def __init__(self, pa: Any, schema: Any) -> None:
        self.pa, self.whole = pa, schema
        self.paths: set[str] = set()
        #: The schema of the fields learnt so far; None until a table is learnt.
        self.schema: Any = None

    def learn(self, table: Any) -> None:
        """Add the fields that *table* (read with the whole schema) holds a value of."""
        for field in self.whole:
            for chunk in table.column(field.name).chunks:
                _held(self.pa, chunk, field.name, self.paths)
        self.schema = self.pa.schema(_narrow(self.pa, list(self.whole), "", self.paths))


def _held(pa: Any, array: Any, path: str, paths: set[str]) -> None:
    if array.null_count == len(array):
        return
    paths.add(path)
    type_ = array.type
    if pa.types.is_struct(type_):
        for i, field in enumerate(type_):
            _held(pa, array.field(i), f"{path}.{field.name}", paths)
    elif pa.types.is_list(type_) and pa.types.is_struct(type_.value_type):
        _held(pa, array.flatten(), f"{path}[]", paths)


def _narrow(pa: Any, fields: list[Any], path: str, paths: set[str]) -> list[Any]:
    kept = []
    for field in fields:
        where = f"{path}.{field.name}" if path else field.name
        if where not in paths:
            continue
        type_ = field.type
        if pa.types.is_struct(type_):
            type_ = pa.struct(_narrow(pa, list(type_), where, paths))
        elif pa.types.is_list(type_) and pa.types.is_struct(type_.value_type):
            item = pa.struct(_narrow(pa, list(type_.value_type), f"{where}[]", paths))
            type_ = pa.list_(item)
        kept.append(pa.field(field.name, type_))
    return kept


def widen(pa: Any, pc: Any, table: Any, schema: Any, pool: Any = None) -> Any:
    """*table*, read with a narrower form of *schema*, in *schema*: absent fields null.

    *pa* and *pc* are pyarrow and pyarrow.compute, or their pooled forms with *pool*.
    """
    names = set(table.column_names)
    columns = [
        pa.chunked_array(
            [_widen(pa, pc, chunk, field.type, pool) for chunk in table.column(field.name).chunks],
            field.type,
        )
        if field.name in names
        else pa.nulls(table.num_rows, field.type)
        for field in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _widen(pa: Any, pc: Any, array: Any, type_: Any, pool: Any) -> Any:
    if array.type.equals(type_):
        return array
    mask = pc.is_null(array) if array.null_count else None
    if pa.types.is_struct(type_):
        held = {field.name: i for i, field in enumerate(array.type)}
        children = [
            _widen(pa, pc, array.field(held[field.name]), field.type, pool)
            if field.name in held
            else pa.nulls(len(array), field.type)
            for field in type_
        ]
        return pa.StructArray.from_arrays(children, fields=list(type_), mask=mask, memory_pool=pool)
    # A list of structs: the only other type that narrows.
    values = _widen(pa, pc, array.values, type_.value_type, pool)
    return pa.ListArray.from_arrays(array.offsets, values, type=type_, mask=mask, pool=pool)
