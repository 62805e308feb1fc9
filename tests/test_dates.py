from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from filmmeta import PartialDate, ValidationError
from filmmeta._dates import to_partial_date

from .strategies import partial_dates

PARSE = [
    ("2000", PartialDate(2000)),
    ("2000-11", PartialDate(2000, 11)),
    ("2000-11-07", PartialDate(2000, 11, 7)),
    (" 2000 ", PartialDate(2000)),
    ("1999-10-15T00:00:00.000Z", PartialDate(1999, 10, 15)),
    ("07 Nov 2000", PartialDate(2000, 11, 7)),
    ("28 Jun 2013", PartialDate(2013, 6, 28)),
    ("November 7, 2000", PartialDate(2000, 11, 7)),
    ("Nov 2000", PartialDate(2000, 11)),
    ("November 2000", PartialDate(2000, 11)),
    ("Jun 12 1998", PartialDate(1998, 6, 12)),
    ("2000/11/07", PartialDate(2000, 11, 7)),
    ("29 Feb 2000", PartialDate(2000, 2, 29)),
]


@pytest.mark.parametrize(("text", "expected"), PARSE)
def test_parse(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is not a date"),
        ("soon", "is not a date"),
        ("N/A", "is not a date"),
        ("Nov 7", "has no year"),
        ("2000-13", "13 is not a month"),
        ("2001-02-29", "has no day 29"),
        ("x" * 200, "is not a date"),
        ("31 Feb 2000", "is not a date"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PartialDate.parse(text)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(ValidationError, match="expected a date string"):
        PartialDate.parse(2000)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "path"),
    [
        ((0,), "year"),
        ((10000,), "year"),
        ((2000, 13), "month"),
        ((2000, 0), "month"),
        ((2000, 2, 30), "day"),
        ((2000, None, 1), "day"),
        (("2000",), "year"),
        ((2000, "1"), "month"),
        ((2000, 1, "1"), "day"),
    ],
)
def test_constructor_rejects(args: tuple[object, ...], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        PartialDate(*args)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path


def test_fromisoformat_is_strict() -> None:
    for text in ("07 Nov 2000", "2000-1", "20001", "2000-11-07T00:00"):
        with pytest.raises(ValidationError, match="not an ISO date"):
            PartialDate.fromisoformat(text)


@given(partial_dates())
def test_iso_round_trip(date: PartialDate) -> None:
    assert PartialDate.fromisoformat(str(date)) == date
    assert PartialDate.parse(str(date)) == date


def test_ordering_compares_known_parts() -> None:
    dates = [PartialDate(2000, 11, 7), PartialDate(1999), PartialDate(2000), PartialDate(2000, 11)]
    assert sorted(dates) == [
        PartialDate(1999),
        PartialDate(2000),
        PartialDate(2000, 11),
        PartialDate(2000, 11, 7),
    ]
    assert PartialDate(2000) <= PartialDate(2000)
    assert PartialDate(2001) > PartialDate(2000, 12, 31)
    assert PartialDate(2001) >= PartialDate(2001)
    assert PartialDate(2000).__lt__(5) is NotImplemented
    assert PartialDate(2000).__le__(5) is NotImplemented
    assert PartialDate(2000).__gt__(5) is NotImplemented
    assert PartialDate(2000).__ge__(5) is NotImplemented


def test_conversions() -> None:
    assert PartialDate(2000, 11, 7).to_date() == dt.date(2000, 11, 7)
    assert PartialDate(2000, 11).to_date() is None
    assert PartialDate.from_date(dt.datetime(2000, 11, 7, 5, 0)) == PartialDate(2000, 11, 7)
    assert [
        PartialDate(2000).precision,
        PartialDate(2000, 1).precision,
        PartialDate(2000, 1, 1).precision,
    ] == ["year", "month", "day"]
    assert to_partial_date(None) is None
    assert to_partial_date(2000) == PartialDate(2000)
    assert to_partial_date(dt.date(2000, 1, 2)) == PartialDate(2000, 1, 2)
    assert to_partial_date("Nov 2000") == PartialDate(2000, 11)
    with pytest.raises(ValidationError, match="expected a date"):
        to_partial_date(2000.5)  # type: ignore[arg-type]


def test_hashable() -> None:
    assert len({PartialDate(2000), PartialDate(2000), PartialDate(2000, 1)}) == 2
