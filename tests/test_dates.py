from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import PartialDate, ValidationError
from filmmeta._model.dates import to_partial_date

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


def _built(make: object, *args: object) -> object:
    try:
        return make(*args)  # type: ignore[operator]
    except ValidationError:
        return "error"


@given(
    st.integers(0, 9999),
    st.none() | st.integers(0, 99),
    st.none() | st.integers(0, 99),
)
def test_fromisoformat_builds_what_the_constructor_builds(
    year: int, month: int | None, day: int | None
) -> None:
    # fromisoformat checks a date at once with datetime.date and skips the validators.
    if month is None:
        day = None
    text = f"{year:04d}" + (f"-{month:02d}" if month is not None else "")
    text += f"-{day:02d}" if day is not None else ""
    read = _built(PartialDate.fromisoformat, text)
    made = _built(PartialDate, year, month, day)
    assert read == made
    assert repr(read) == repr(made)
    assert _built(PartialDate.fromisoformat, text) is read or day is not None or read == "error"


def test_years_and_months_are_read_once_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from filmmeta._model import dates as _dates

    monkeypatch.setattr(_dates, "_READ", {})
    assert PartialDate.fromisoformat("1999-12") is PartialDate.fromisoformat("1999-12")
    assert PartialDate.fromisoformat("1999-12-31") is not PartialDate.fromisoformat("1999-12-31")
    monkeypatch.setattr(_dates, "_MAX_READ", 1)
    PartialDate.fromisoformat("1998")
    assert list(_dates._READ) == ["1999-12"]


def test_fromisoformat_of_a_subclass_builds_the_subclass() -> None:
    @attrs.frozen(order=False)
    class Date(PartialDate):
        pass

    assert type(Date.fromisoformat("2000-11")) is Date
    with pytest.raises(ValidationError, match="has no day 30"):
        Date.fromisoformat("2001-02-30")
