from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta._model.duration import LONGEST, _iso_re, format_iso_duration, parse_iso_duration
from filmmeta._model.runtime import RuntimeStyle, _part_re, format_runtime, parse_runtime
from filmmeta.exceptions import ValidationError

M86 = dt.timedelta(minutes=86)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # minutes
        ("86 min", M86),
        ("86 mins", M86),
        ("86 minutes", M86),
        ("86 minute", M86),
        ("86m", M86),
        ("86 m", M86),
        ("86min", M86),
        ("86MIN", M86),
        ("86 Min.", M86),
        ("86", M86),
        ("  86  ", M86),
        ("86.5", dt.timedelta(minutes=86, seconds=30)),
        ("0", dt.timedelta(0)),
        ("0 min", dt.timedelta(0)),
        ("1 minute", dt.timedelta(minutes=1)),
        # hours and minutes
        ("1h26", M86),  # the minutes' unit left out, as French sites write it
        ("1h43", dt.timedelta(minutes=103)),
        ("1h30", dt.timedelta(minutes=90)),
        ("1h05", dt.timedelta(minutes=65)),
        ("2h0", dt.timedelta(hours=2)),
        ("1 hr 26", M86),
        ("1 H 26", M86),
        ("1 day 2h 5", dt.timedelta(days=1, hours=2, minutes=5)),
        ("1h 26m", M86),
        ("1h26m", M86),
        ("1H26M", M86),
        ("1 hr 26 min", M86),
        ("1 hr. 26 min.", M86),
        ("1 hrs 26 mins", M86),
        ("1 hour and 26 minutes", M86),
        ("1 hour, 26 minutes", M86),
        ("1 hour, and 26 minutes", M86),
        ("1 hour 26 minutes", M86),
        ("1  hour \t 26\nminutes", M86),
        ("1 h 43 min", dt.timedelta(hours=1, minutes=43)),
        ("2 hours", dt.timedelta(hours=2)),
        ("1 hr", dt.timedelta(hours=1)),
        ("1.5 hours", dt.timedelta(minutes=90)),
        ("857 hours", dt.timedelta(hours=857)),
        ("1 day 2 hours", dt.timedelta(hours=26)),
        ("1h 26m 30s", dt.timedelta(minutes=86, seconds=30)),
        # seconds
        ("5160 s", M86),
        ("5160 seconds", M86),
        ("5160s", M86),
        ("90 sec", dt.timedelta(seconds=90)),
        ("90 secs", dt.timedelta(seconds=90)),
        # clock
        ("1:26", M86),
        ("01:26", M86),
        ("1:26:00", M86),
        ("1:26:30", dt.timedelta(minutes=86, seconds=30)),
        ("0:45", dt.timedelta(minutes=45)),
        ("25:00", dt.timedelta(hours=25)),
        # ISO 8601
        ("PT1H26M", M86),
        ("pt1h26m", M86),
        (" PT1H26M ", M86),
        ("PT86M", M86),
        ("PT5160S", M86),
        ("PT1H26M30S", dt.timedelta(minutes=86, seconds=30)),
        ("PT1.5H", dt.timedelta(minutes=90)),
        ("PT1,5H", dt.timedelta(minutes=90)),
        ("PT0.5S", dt.timedelta(milliseconds=500)),
        ("P0DT1H26M0S", M86),
        ("P1DT2H", dt.timedelta(hours=26)),
        ("P1D", dt.timedelta(days=1)),
        ("P1W", dt.timedelta(days=7)),
        ("P0Y0M0DT1H26M", M86),
        ("PT0S", dt.timedelta(0)),
        ("PT857H", dt.timedelta(hours=857)),
        # numbers and timedeltas
        (86, M86),
        (0, dt.timedelta(0)),
        (86.5, dt.timedelta(minutes=86, seconds=30)),
        (M86, M86),
    ],
)
def test_parse(value: str | int | float | dt.timedelta, expected: dt.timedelta) -> None:
    assert parse_runtime(value) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-5 min", "negative"),
        ("-PT5M", "negative"),
        ("-5", "negative"),
        ("1:75", "'1:75' has minutes above 59"),
        ("1:26:60", "seconds above 59"),
        ("1:5", "two digits"),
        ("N/A", "'N/A' is not a runtime"),
        ("about 90 minutes", "is not a runtime"),
        ("90 minutes or so", "cannot read 'or so'"),
        ("1h75", "has minutes above 59"),
        ("1h 143", "cannot read '143'"),
        ("26m 5", "cannot read '5'"),  # a bare number is minutes only after hours
        ("1d 5", "cannot read '5'"),
        ("1 hour and", "is not a runtime"),
        ("1h,", "ends with ','"),
        ("26 min 1 hr", "hours after minutes"),
        ("1 hr 2 hr", "hours after hours"),
        ("8 6 min", "is not a runtime"),
        ("5 ms", "is not a runtime"),
        ("x" * 101, "101 characters"),
        (" " * 101, "101 characters"),
        ("P30M", "P30M is 30 months in ISO 8601; use PT30M for minutes"),
        ("P1Y", "years"),
        ("P1M2D", "months"),
        ("P1Y2M3DT4H", "years"),
        ("P", "no duration"),
        ("PT", "a T with no hours"),
        ("P1DT", "a T with no hours"),
        ("PT1H 26M", "is not a runtime"),
        ("PT" + "9" * 60 + "H", "too long"),
        ("PT" + "9" * 60 + ".5H", "too long"),
        ("9" * 99, "too long"),
        ("\u0668\u0666", "is not a runtime"),  # Arabic-Indic digits
        (-1, "-1 minutes is negative"),
        (-0.5, "-0.5 minutes is negative"),
        (float("nan"), "nan is not a finite number of minutes"),
        (float("inf"), "finite"),
        (10**30, "too long"),
        (True, "got bool"),
        (None, "got NoneType"),
        ([86], "got list"),
        (b"86", "got bytes"),
        (dt.timedelta(seconds=-1), "-0:00:01 is negative"),  # not "-1 day, 23:59:59"
    ],
)
def test_parse_rejects(value: object, fragment: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(fragment)) as info:
        parse_runtime(value)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == "$"


def test_parse_returns_timedelta_unchanged() -> None:
    assert parse_runtime(M86) is M86


def test_parse_length_checked_before_anything_else() -> None:
    start = time.perf_counter()
    with pytest.raises(ValidationError, match="characters long"):
        parse_runtime("1" * 10_000_000)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "text",
    ["P" + "1" * 50_000 + "X", "PT" + "1," * 25_000 + "X", "P" + "1Y" * 25_000],
)
def test_iso_pattern_is_linear(text: str) -> None:
    start = time.perf_counter()
    assert _iso_re().fullmatch(text) is None
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("text", ["1" * 50_000 + "x", "1." * 25_000, "1 " * 25_000])
def test_part_pattern_is_linear(text: str) -> None:
    start = time.perf_counter()
    assert _part_re().match(text) is None
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    ("td", "style", "expected"),
    [
        (M86, "short", "1 hr 26 min"),
        (M86, "long", "1 hour and 26 minutes"),
        (M86, "compact", "1h 26m"),
        (M86, "minutes", "86 min"),
        (M86, "clock", "1:26"),
        (M86, "iso", "PT1H26M"),
        (dt.timedelta(hours=2, minutes=1), "long", "2 hours and 1 minute"),
        (dt.timedelta(hours=2, minutes=1), "short", "2 hr 1 min"),
        (dt.timedelta(hours=1, minutes=1), "long", "1 hour and 1 minute"),
        (dt.timedelta(minutes=1), "long", "1 minute"),
        (dt.timedelta(minutes=1), "short", "1 min"),
        (dt.timedelta(hours=1), "short", "1 hr"),
        (dt.timedelta(hours=1), "long", "1 hour"),
        (dt.timedelta(hours=1), "compact", "1h"),
        (dt.timedelta(hours=1), "minutes", "60 min"),
        (dt.timedelta(hours=1), "clock", "1:00"),
        (dt.timedelta(hours=1), "iso", "PT1H"),
        (dt.timedelta(hours=2), "long", "2 hours"),
        (dt.timedelta(minutes=45), "short", "45 min"),
        (dt.timedelta(minutes=45), "long", "45 minutes"),
        (dt.timedelta(minutes=45), "compact", "45m"),
        (dt.timedelta(minutes=45), "clock", "0:45"),
        (dt.timedelta(minutes=45), "iso", "PT45M"),
        (dt.timedelta(minutes=5), "clock", "0:05"),
        (dt.timedelta(0), "short", "0 min"),
        (dt.timedelta(0), "long", "0 minutes"),
        (dt.timedelta(0), "compact", "0m"),
        (dt.timedelta(0), "minutes", "0 min"),
        (dt.timedelta(0), "clock", "0:00"),
        (dt.timedelta(0), "iso", "PT0S"),
        # days are folded into hours
        (dt.timedelta(hours=25), "short", "25 hr"),
        (dt.timedelta(hours=25), "long", "25 hours"),
        (dt.timedelta(hours=25), "clock", "25:00"),
        (dt.timedelta(hours=25), "iso", "PT25H"),
        (dt.timedelta(hours=857), "short", "857 hr"),
        # seconds: kept in iso, otherwise rounded to the nearest minute, halves up
        (dt.timedelta(minutes=86, seconds=30), "iso", "PT1H26M30S"),
        (dt.timedelta(minutes=86, seconds=30), "short", "1 hr 27 min"),
        (dt.timedelta(minutes=86, seconds=29, microseconds=999_999), "short", "1 hr 26 min"),
        (dt.timedelta(minutes=59, seconds=30), "long", "1 hour"),
        (dt.timedelta(seconds=90), "short", "2 min"),
        (dt.timedelta(seconds=89), "short", "1 min"),
        (dt.timedelta(seconds=30), "long", "1 minute"),
        (dt.timedelta(seconds=29), "short", "0 min"),
        (dt.timedelta(seconds=29), "iso", "PT29S"),
        (dt.timedelta(seconds=5160.5), "iso", "PT1H26M0.5S"),
        (dt.timedelta(microseconds=1), "iso", "PT0.000001S"),
    ],
)
def test_format(td: dt.timedelta, style: RuntimeStyle, expected: str) -> None:
    assert format_runtime(td, style) == expected


def test_format_default_style_is_short() -> None:
    assert format_runtime(M86) == "1 hr 26 min"


def test_format_rejects_negative() -> None:
    with pytest.raises(ValidationError, match=r"^\$: -0:01:00 is negative$"):
        format_runtime(dt.timedelta(minutes=-1))
    with pytest.raises(ValidationError, match=r"^\$: -0:00:00.000001 is negative$"):
        format_iso_duration(dt.timedelta(microseconds=-1))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(170, "2 hr 50 min"), (86.5, "1 hr 27 min"), ("1h43", "1 hr 43 min"), ("PT2H", "2 hr")],
)
def test_format_takes_what_parse_reads(value: int | float | str, expected: str) -> None:
    assert format_runtime(value) == expected
    assert format_runtime(value, "iso") == format_iso_duration(parse_runtime(value))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "expected text, a number of minutes or a timedelta, got bool"),
        ([86], "got list"),
        (-5, "-5 minutes is negative"),
        ("soon", "'soon' is not a runtime"),
    ],
)
def test_format_rejects_what_is_no_runtime(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        format_runtime(value)  # type: ignore[arg-type]


def test_format_rejects_unknown_style() -> None:
    with pytest.raises(ValueError, match="unknown runtime style 'verbose'"):
        format_runtime(M86, "verbose")  # type: ignore[arg-type]


def test_iso_helpers() -> None:
    assert format_iso_duration(M86) == "PT1H26M"
    assert parse_iso_duration("PT1H26M") == M86
    assert parse_iso_duration(" pt1h26m30s ") == dt.timedelta(minutes=86, seconds=30)
    for bad, fragment in [
        ("86 min", "not an ISO 8601 duration"),
        ("-PT1M", "negative"),
        ("P30M", "use PT30M"),
        ("P" * 101, "101 characters"),
    ]:
        with pytest.raises(ValidationError, match=fragment):
            parse_iso_duration(bad)
    with pytest.raises(ValidationError, match="got int"):
        parse_iso_duration(86)  # type: ignore[arg-type]


# The longest runtime: what a catalog's 64-bit count of microseconds holds.
MAX_SECONDS = LONGEST // dt.timedelta(seconds=1)
whole_seconds = st.integers(0, MAX_SECONDS).map(lambda s: dt.timedelta(seconds=s))
whole_minutes = st.integers(0, MAX_SECONDS // 60).map(lambda m: dt.timedelta(minutes=m))


@given(whole_seconds)
def test_iso_round_trip(td: dt.timedelta) -> None:
    assert parse_runtime(format_runtime(td, "iso")) == td


@given(st.timedeltas(min_value=dt.timedelta(0), max_value=LONGEST))
def test_iso_round_trip_keeps_microseconds(td: dt.timedelta) -> None:
    assert parse_iso_duration(format_iso_duration(td)) == td


@pytest.mark.parametrize("style", ["minutes", "short", "long", "compact", "clock", "iso"])
@given(td=whole_minutes)
def test_round_trip_whole_minutes(style: RuntimeStyle, td: dt.timedelta) -> None:
    assert parse_runtime(format_runtime(td, style)) == td


# Up to a minute below the longest runtime, so that rounding up stays representable.
@given(st.integers(0, MAX_SECONDS - 60).map(lambda s: dt.timedelta(seconds=s)))
def test_rounding_is_to_the_nearest_minute(td: dt.timedelta) -> None:
    rounded = parse_runtime(format_runtime(td, "minutes"))
    assert abs(rounded - td) <= dt.timedelta(seconds=30)
    assert rounded.total_seconds() % 60 == 0


# Pieces of runtime text, so that the generated text reaches past the first check.
pieces = st.sampled_from(
    [
        *["1", "26", "0", "9" * 30, ".", ",", ":", " ", "-", "\n", "N/A"],
        *["P", "T", "Y", "M", "W", "D", "H", "S"],
        *["h", "hr", "hrs", "hour", "m", "min", "minutes", "s", "sec", "and", "day"],
    ]
)
runtime_like = st.lists(pieces, max_size=12).map("".join)


@given(st.one_of(st.text(), runtime_like))
def test_parse_text_gives_timedelta_or_validation_error(text: str) -> None:
    try:
        result = parse_runtime(text)
    except ValidationError as exc:
        errors = exc.errors
        assert errors
        assert errors[0][0] == "$"
    else:
        assert isinstance(result, dt.timedelta)
        assert result >= dt.timedelta(0)


@given(st.one_of(st.none(), st.binary(), st.lists(st.integers()), st.floats(), st.integers()))
def test_parse_other_values_gives_timedelta_or_validation_error(value: object) -> None:
    try:
        result = parse_runtime(value)  # type: ignore[arg-type]
    except ValidationError:
        pass
    else:
        assert isinstance(result, dt.timedelta)
        assert result >= dt.timedelta(0)


def test_written_runtimes_are_remembered_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from filmmeta._model import duration as _duration

    monkeypatch.setattr(_duration, "_ISO_TEXT", {})
    assert format_iso_duration(dt.timedelta(minutes=86)) == "PT1H26M"
    assert {dt.timedelta(minutes=86): "PT1H26M"} == _duration._ISO_TEXT
    monkeypatch.setattr(_duration, "_MAX_CACHED", 1)
    assert format_iso_duration(dt.timedelta(minutes=87)) == "PT1H27M"
    assert len(_duration._ISO_TEXT) == 1


def test_canonical_runtimes_are_read_once_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from filmmeta._model import duration as _duration

    monkeypatch.setattr(_duration, "_PARSED", {})
    assert parse_iso_duration("PT1H26M") is parse_iso_duration("PT1H26M")
    monkeypatch.setattr(_duration, "_MAX_CACHED", 1)
    assert parse_iso_duration("PT1H27M") == dt.timedelta(minutes=87)
    assert list(_duration._PARSED) == ["PT1H26M"]


ONE_US = dt.timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("value", "longest"),
    [
        ("PT2562047788H", True),  # whole hours, the fast path for canonical text
        ("PT2562047789H", False),
        ("P106751991D", True),
        ("P106751992D", False),
        ("PT9223372036854.775807S", True),
        ("PT9223372036854.775808S", False),
        ("153722867280 min", True),
        ("153722867281 min", False),
        (153_722_867_280, True),
        (153_722_867_281, False),
        (LONGEST, True),
        (LONGEST + ONE_US, False),
        (dt.timedelta.max, False),
    ],
)
def test_the_longest_runtime_is_what_a_catalog_holds(value: object, longest: bool) -> None:
    # Arrow's and Parquet's duration[us]: a valid film must have a row in every format.
    if longest:
        assert parse_runtime(value) <= LONGEST  # type: ignore[arg-type]
    else:
        with pytest.raises(ValidationError, match="too long to represent"):
            parse_runtime(value)  # type: ignore[arg-type]
    if isinstance(value, str) and value.startswith("P"):
        if longest:
            assert parse_iso_duration(value) <= LONGEST
        else:
            with pytest.raises(ValidationError, match="too long to represent"):
                parse_iso_duration(value)
