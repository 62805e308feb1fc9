"""Films from Arrow through canonical documents, held to the constructors' verdicts.

``from_arrow`` and ``read_parquet`` build each row's canonical document a column at a
time (``_catalog.documents``) for :func:`~filmmeta.from_dict`'s fast hooks, and give a
row those refuse to the constructors (``_catalog.reading._film``), which read every row
before. Whatever the table, the films and every error must be the constructors'. Generated
films go both ways in ``test_arrow_columns.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from filmmeta import Film, Rating, ValidationError, from_dict, to_dict
from filmmeta._catalog import reading
from filmmeta.frames import arrow_schema, from_arrow, to_arrow

pa = pytest.importorskip("pyarrow")


def constructors(table: Any) -> list[Film] | str:
    """What the constructors make of *table*'s rows: the films, or the first error."""
    built = []
    for i, row in enumerate(table.to_pylist()):
        try:
            built.append(reading._film(row))
        except ValidationError as err:
            return str(err.with_prefix(f"[{i}]"))
    return built


def agree(table: Any) -> None:
    try:
        found: list[Film] | str = from_arrow(table)
    except ValidationError as err:
        found = str(err)
    assert found == constructors(table)


def _table(**changes: Any) -> Any:
    heat = to_dict(
        Film(
            "Heat",
            runtime=170,
            genres=["Crime"],
            ratings=[Rating("imdb", 8.3), Rating("kinopoisk", 8, best=10, worst=1)],
            ids={"imdb": "tt0113277", "other": {"mubi": "heat"}},
        )
    )
    rows = to_arrow([from_dict(heat), Film("Ronin")]).to_pylist()
    rows[0].update(changes)
    return pa.Table.from_pylist(rows, schema=arrow_schema())


IDS = arrow_schema().field("ids").type


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"title": " "},
        {"title": None},
        {"kind": None},
        {"kind": "series"},
        {"runtime": dt.timedelta(minutes=90, microseconds=1)},
        {"runtime": dt.timedelta(minutes=-90)},
        {"runtime": dt.timedelta(0)},
        {"genres": ["Crime", None]},
        {"genres": None},
        {"ratings": [{"source": "imdb", "value": float("nan"), "best": 10.0, "worst": 1.0}]},
        {"ratings": [{"source": "imdb", "value": 8.0, "best": 100.0, "worst": 0.0}]},
        {"ratings": [{"source": "imdb", "value": 8.0, "best": 10.0, "worst": 0.0}]},
        {"ratings": [{"source": "own", "value": 8.0, "best": 10.0, "worst": 0.0}]},
        {"ratings": [None]},
        {"credits": [{"name": None, "role": "director"}]},
        {"ids": {"other": [{"key": "mubi", "value": "a"}, {"key": "mubi", "value": "b"}]}},
        {"ids": {"other": [{"key": " ", "value": "a"}]}},
        {"ids": None},
        {"collection": {"name": "Heat", "ids": None}},
        {"budget": {"amount": "1e3", "currency": "USD"}},
        {"offers": [{"provider": "A", "type": "rent", "available_from": dt.date(2024, 2, 29)}]},
    ],
)
def test_any_row_reads_as_the_constructors_read_it(changes: dict[str, Any]) -> None:
    agree(_table(**changes))


def test_columns_of_an_earlier_schema_take_their_defaults() -> None:
    table = _table().drop_columns(["titles", "tagline"])
    agree(table)
    assert from_arrow(table)[0].titles == ()
