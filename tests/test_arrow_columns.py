"""Films to Arrow a column at a time, held to pyarrow's own conversion of rows of dicts.

``_catalog.arrow._batch`` builds each column from lists of the films' values (offsets and
flattened items for the lists of structs). The reference below is the conversion it
replaced: a row of nested dicts and lists per film, given to :func:`pyarrow.array`
column by column. Both must give equal record batches, which Parquet writes.

And back: the canonical documents built from the columns (``_catalog.documents``) read
as the films; odd rows are ``test_arrow_documents.py``'s.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import io
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import Collection, Edition, ExternalIds, Film, Money, from_dict, to_dict
from filmmeta._catalog import arrow, documents
from filmmeta._model import (
    SCALARS,
    PartialDate,
    field_types,
    is_homogeneous_tuple,
    item_type,
    optional_inner,
)
from filmmeta.frames import from_arrow, to_arrow

from .strategies import films

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _to_row_value(type_: Any) -> Convert:
    inner = optional_inner(type_)
    if inner is not None:
        convert = _to_row_value(inner)
        return lambda value: None if value is None else convert(value)
    if isinstance(type_, type) and attrs.has(type_) and type_ not in SCALARS:
        return _to_struct(type_)
    if type_ == arrow._PAIRS:
        return lambda pairs: [{"key": key, "value": value} for key, value in pairs]
    if is_homogeneous_tuple(type_):
        item = _to_row_value(item_type(type_))
        return lambda value: [item(x) for x in value]
    if type_ in (decimal.Decimal, PartialDate):
        return str
    return _identity


@functools.cache
def _to_struct(cls: Any) -> Convert:
    parts = [(field.name, _to_row_value(field.type)) for field in field_types(cls)]
    return lambda value: {name: convert(getattr(value, name)) for name, convert in parts}


def reference_batch(catalog: list[Film]) -> Any:
    schema = arrow.arrow_schema()
    parts = [(field.name, _to_row_value(field.type)) for field in field_types(Film)]
    arrays = [
        pa.array([convert(getattr(film, name)) for film in catalog], type=field.type)
        for (name, convert), field in zip(parts, schema, strict=True)
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _agree(catalog: list[Film], *, parquet: bool = True) -> None:
    batch = arrow._batch(pa, arrow.arrow_schema(), catalog)
    expected = reference_batch(catalog)
    assert batch.schema.equals(expected.schema, check_metadata=True)
    assert batch.equals(expected), (batch.to_pylist(), expected.to_pylist())
    batch.validate(full=True)
    if parquet:  # what equality does not see: a null under a field that a part always has
        pq.write_table(pa.Table.from_batches([batch]), io.BytesIO())


# Up to three films, as test_frames' round trips: a batch's values, not its length, vary.
@given(st.lists(films, max_size=3))
def test_columns_are_pyarrows_conversion_of_rows_and_read_back(catalog: list[Film]) -> None:
    _agree(catalog, parquet=False)
    # Back: each row's document, built from the columns, is canonical, but for defaults
    # written out (kind "movie"), and reads as the film.
    batch = arrow._batch(pa, arrow.arrow_schema(), catalog)
    docs = documents.documents(batch)
    assert [from_dict(doc) for doc in docs] == catalog
    for doc, film in zip(docs, catalog, strict=True):
        canonical = to_dict(film)
        assert {key: doc[key] for key in canonical} == canonical
    # from_arrow(to_arrow(films)) == films: test_frames' Parquet round trip reads them back.


def test_optional_parts_present_and_missing_in_one_batch() -> None:
    ids = ExternalIds(tmdb=10, other={"mubi": "heat"})
    with_parts = Film(
        "Heat",
        collection=Collection("Heat Collection", ids=ids, overview="Crime."),
        budget=Money("60000000", "USD", region="US"),
    )
    _agree([Film("Ronin"), with_parts, Film("Thief")])


def test_no_films() -> None:
    _agree([])
    assert arrow._batch(pa, arrow.arrow_schema(), []).num_rows == 0


def test_a_missing_part_holds_zero_values() -> None:
    batch = arrow._batch(pa, arrow.arrow_schema(), [Film("Ronin")])
    collection = batch.column("collection")
    assert collection.null_count == 1
    # Under the null part, what Parquet needs: no null in a field that the part has.
    assert collection.field("name").to_pylist() == [""]
    assert collection.field("ids").null_count == 0
    assert collection.field("ids").field("other").to_pylist() == [[]]


def test_the_longest_runtime_has_a_row() -> None:
    # The model refuses longer (test_runtime): a valid film always fits duration[us].
    longest = dt.timedelta(microseconds=2**63 - 1)
    film = Film("Longest", runtime=longest, editions=[Edition("Cut", runtime=longest)])
    _agree([film])
    assert from_arrow(to_arrow([film])) == [film]
