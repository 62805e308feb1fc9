"""Runtimes: read them in every form film data uses, write them the way people read them.

A runtime is a non-negative :class:`datetime.timedelta`. :func:`parse_runtime` reads
minutes (``86``, ``"86 min"``), hours and minutes (``"1h 26m"``, ``"1 hour and 26
minutes"``), clock text (``"1:26"`` is h:mm) and ISO 8601 durations (``"PT1H26M"``);
:func:`format_runtime` writes one of six styles. The canonical JSON form is the ISO 8601
duration of :func:`format_iso_duration`, read back by :func:`parse_iso_duration`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Literal

from filmmeta._validate import SHARED_TABLE_SIZE
from filmmeta.exceptions import ValidationError

__all__ = [
    "RuntimeStyle",
    "format_iso_duration",
    "format_runtime",
    "parse_iso_duration",
    "parse_runtime",
]

RuntimeStyle = Literal["short", "long", "compact", "minutes", "clock", "iso"]

_ROOT = "$"
#: Longer text is refused before any regex sees it: no runtime needs more.
_MAX_TEXT = 100
# Runtimes repeat across a catalog (86 minutes, 90, 95, ...): each canonical text is
# read once and each timedelta written once; both tables are bounded.
_PARSED: dict[str, dt.timedelta] = {}
_ISO_TEXT: dict[dt.timedelta, str] = {}
_MAX_CACHED = SHARED_TABLE_SIZE
_EXAMPLES = "expected e.g. '86 min', '1h 26m', '1:26' or 'PT1H26M'"

# Every pattern below is linear: no quantified group contains another quantifier that
# could match the same characters, so adversarial text cannot make them backtrack.
_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_ISO_RE = re.compile(
    rf"P(?:({_NUM})Y)?(?:({_NUM})M)?(?:({_NUM})W)?(?:({_NUM})D)?"
    rf"(?:(T)(?:({_NUM})H)?(?:({_NUM})M)?(?:({_NUM})S)?)?",
    re.IGNORECASE | re.ASCII,  # ASCII: under Unicode rules U+017F would match "s"
)
# The canonical form (what format_iso_duration writes), read without the general machinery.
_CANONICAL_RE = re.compile(r"PT(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?")
_BARE_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CLOCK_RE = re.compile(r"([0-9]+):([0-9]+)(?::([0-9]+))?")
# One "<number> <unit>" component of human text; the group that matched names the unit.
_PART_RE = re.compile(
    r"([0-9]+(?:\.[0-9]+)?) ?"
    r"(?:(days?|d)|(hours?|hrs?|h)|(minutes?|mins?|m)|(seconds?|secs?|s))\.?"
)
# What may stand between two components: "1h26m", "1 hr 26", "1 hour, 26", "1 hour and 26".
_SEP_RE = re.compile(r",? and |, ?| ")

_US_PER_SECOND = 1_000_000
#: Microseconds per unit, indexed by the unit group of _PART_RE (days .. seconds).
_PART_UNITS = (0, 0, 86_400_000_000, 3_600_000_000, 60_000_000, 1_000_000)
_PART_NAMES = ("", "", "days", "hours", "minutes", "seconds")


def _fail(message: str) -> ValidationError:
    return ValidationError.at(_ROOT, message)


def _micros(number: str, unit_us: int) -> int:
    """Return *number* units in microseconds, exactly; halves round up."""
    whole, _, fraction = number.replace(",", ".").partition(".")
    if not fraction:
        return int(whole) * unit_us
    scale: int = 10 ** len(fraction)
    return (int(whole + fraction) * unit_us * 2 + scale) // (2 * scale)


def _timedelta(micros: int, text: str) -> dt.timedelta:
    try:
        return dt.timedelta(microseconds=micros)
    except OverflowError:
        raise _fail(f"{text!r} is too long to represent") from None


def _canonical(text: str) -> dt.timedelta | None:
    """Read "PT1H26M" and the like fast; None for anything else, even if valid."""
    match = _CANONICAL_RE.fullmatch(text)
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    if hours is None and minutes is None and seconds is None:
        return None  # "PT": let the general path explain what is wrong
    total = (
        (int(hours) * 3_600 if hours else 0)
        + (int(minutes) * 60 if minutes else 0)
        + (int(seconds) if seconds else 0)
    )
    try:
        return dt.timedelta(0, total)  # positional: keywords cost a third more
    except OverflowError:
        raise _fail(f"{text!r} is too long to represent") from None


def parse_iso_duration(text: str) -> dt.timedelta:
    """Read an ISO 8601 duration of fixed length, such as ``"PT1H26M"``.

    Weeks, days, hours, minutes and seconds are accepted, with a decimal fraction on any of
    them (``"PT1.5H"``); a day counts as 24 hours (``"P0DT1H26M0S"``, pandas' form, works).
    Years and months are refused unless zero: they have no fixed length, and ``"P30M"``
    is 30 months, not 30 minutes (schema.org issue 1469). Letters may be lower case.

    Args:
        text: The duration; surrounding whitespace is ignored.

    Returns:
        The duration.

    Raises:
        ValidationError: *text* is not an ISO 8601 duration, is negative, is over 100
            characters long or has non-zero years or months.

    Examples:
        >>> parse_iso_duration("PT1H26M")
        datetime.timedelta(seconds=5160)
        >>> parse_iso_duration("P1DT2H")
        datetime.timedelta(days=1, seconds=7200)
        >>> parse_iso_duration("P30M")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: $: P30M is 30 months in ISO 8601; use PT30M for minutes
    """
    if not isinstance(text, str):
        raise _fail(f"expected an ISO 8601 duration as text, got {type(text).__name__}")
    if len(text) > _MAX_TEXT:
        raise _fail(f"runtime text is {len(text)} characters long; at most 100 are accepted")
    fast = _PARSED.get(text)
    if fast is not None:
        return fast
    fast = _canonical(text)
    if fast is not None:
        if len(_PARSED) < _MAX_CACHED:
            _PARSED[text] = fast
        return fast
    text = text.strip()
    match = _ISO_RE.fullmatch(text)
    if match is None:
        if text[:1] == "-":
            raise _fail(f"{text!r} is negative")
        raise _fail(f"{text!r} is not an ISO 8601 duration (expected e.g. 'PT1H26M')")
    return _from_iso(text, match)


def _from_iso(text: str, match: re.Match[str]) -> dt.timedelta:
    years, months, weeks, days, t, hours, minutes, seconds = match.groups()
    if years is not None and _micros(years, 1):
        raise _fail(f"{text!r} has years, which have no fixed length; use days or hours")
    if months is not None and _micros(months, 1):
        if weeks is None and days is None and t is None:
            raise _fail(f"{text} is {months} months in ISO 8601; use PT{months}M for minutes")
        raise _fail(f"{text!r} has months, which have no fixed length; use days or hours")
    if t is not None and hours is None and minutes is None and seconds is None:
        raise _fail(f"{text!r} has a T with no hours, minutes or seconds after it")
    if t is None and weeks is None and days is None and years is None and months is None:
        raise _fail(f"{text!r} has no duration in it (expected e.g. 'PT1H26M')")
    if "." not in text and "," not in text:
        # The common case, kept to plain int arithmetic: it is what canonical JSON holds.
        total = (
            (int(weeks or 0) * 7 + int(days or 0)) * 86_400
            + int(hours or 0) * 3_600
            + int(minutes or 0) * 60
            + int(seconds or 0)
        )
        return _timedelta(total * _US_PER_SECOND, text)
    micros = 0
    for number, unit in (
        (weeks, 604_800),
        (days, 86_400),
        (hours, 3_600),
        (minutes, 60),
        (seconds, 1),
    ):
        if number is not None:
            micros += _micros(number, unit * _US_PER_SECOND)
    return _timedelta(micros, text)


def parse_runtime(value: str | int | float | dt.timedelta) -> dt.timedelta:
    """Read a runtime in any of the forms film data uses.

    Numbers are minutes. Text may be minutes (``"86"``, ``"86 min"``, ``"86m"``), hours
    and minutes (``"1h 26m"``, ``"1 hr. 26 min."``, ``"1 hour and 26 minutes"``), seconds
    (``"5160 s"``), clock time h:mm or h:mm:ss (``"1:26"``), or an ISO 8601 duration
    (``"PT1H26M"``, see :func:`parse_iso_duration`); case and spacing do not matter.
    There is no upper limit: some films run for days.

    Args:
        value: Text, minutes as an int or float, or a timedelta (returned unchanged).

    Returns:
        The runtime, never negative.

    Raises:
        ValidationError: *value* is empty, negative, not finite, of another type, text
            over 100 characters, or text that is not a runtime (``"N/A"``, ``"1:75"``,
            ``"about 90 minutes"``, ``"P30M"``).

    Examples:
        >>> parse_runtime("1h 26m")
        datetime.timedelta(seconds=5160)
        >>> parse_runtime(86) == parse_runtime("1:26") == parse_runtime("PT1H26M")
        True
        >>> parse_runtime("1 hour and 26 minutes") == parse_runtime("86 MIN")
        True
        >>> parse_runtime("1:75")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: $: '1:75' has minutes above 59
    """
    if isinstance(value, str):
        if len(value) > _MAX_TEXT:
            raise _fail(f"runtime text is {len(value)} characters long; at most 100 are accepted")
        fast = _canonical(value)
        if fast is not None:
            return fast
        text = value.strip()
        if text[:1] in ("P", "p"):
            match = _ISO_RE.fullmatch(text)
            if match is not None:
                return _from_iso(text, match)
        return _parse_text(text)
    if isinstance(value, dt.timedelta):
        if value < dt.timedelta(0):
            raise _fail(f"runtime {value} is negative")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(
            f"expected text, a number of minutes or a timedelta, got {type(value).__name__}"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail(f"runtime {value} is not a finite number of minutes")
    if value < 0:
        raise _fail(f"runtime {value} minutes is negative")
    try:
        return dt.timedelta(minutes=value)
    except OverflowError:
        raise _fail(f"runtime {value} minutes is too long to represent") from None


def _parse_text(text: str) -> dt.timedelta:
    if not text:
        raise _fail("runtime text is empty")
    if text[0] in "-\u2212":  # a hyphen or a minus sign
        raise _fail(f"{text!r} is negative")
    norm = " ".join(text.lower().split())
    if _BARE_RE.fullmatch(norm):
        return _timedelta(_micros(norm, 60 * _US_PER_SECOND), text)
    clock = _CLOCK_RE.fullmatch(norm)
    if clock is not None:
        return _parse_clock(text, clock)
    micros = 0
    last_unit = 1  # group index of the previous component's unit; they must get smaller
    pos, end = 0, len(norm)
    while True:
        part = _PART_RE.match(norm, pos)
        if part is None:
            if pos == 0:
                raise _fail(f"{text!r} is not a runtime ({_EXAMPLES})")
            raise _fail(f"{text!r} is not a runtime: cannot read {norm[pos : pos + 20]!r}")
        unit = part.lastindex or 0
        if unit <= last_unit:
            raise _fail(f"{text!r} gives {_PART_NAMES[unit]} after {_PART_NAMES[last_unit]}")
        last_unit = unit
        micros += _micros(part[1], _PART_UNITS[unit])
        pos = part.end()
        if pos == end:
            return _timedelta(micros, text)
        sep = _SEP_RE.match(norm, pos)
        if sep is not None:
            pos = sep.end()
            if pos == end:
                raise _fail(f"{text!r} is not a runtime: it ends with {sep[0].strip()!r}")


def _parse_clock(text: str, clock: re.Match[str]) -> dt.timedelta:
    hours, minutes, seconds = clock.groups()
    if len(minutes) != 2 or (seconds is not None and len(seconds) != 2):
        raise _fail(f"{text!r} is not h:mm or h:mm:ss; minutes and seconds take two digits")
    if int(minutes) > 59:
        raise _fail(f"{text!r} has minutes above 59")
    if seconds is not None and int(seconds) > 59:
        raise _fail(f"{text!r} has seconds above 59")
    total = int(hours) * 3_600 + int(minutes) * 60 + int(seconds or 0)
    return _timedelta(total * _US_PER_SECOND, text)


def _check(td: object) -> dt.timedelta:
    if not isinstance(td, dt.timedelta):
        raise _fail(f"expected a timedelta, got {type(td).__name__}")
    if td.days < 0:
        raise _fail(f"runtime {td} is negative")
    return td


def format_iso_duration(td: dt.timedelta) -> str:
    """Write a runtime as an ISO 8601 duration, the canonical JSON form.

    Days are written as hours (a day is not always 24 hours in ISO 8601, an hour is);
    seconds and microseconds are kept, so :func:`parse_iso_duration` gives *td* back.

    Args:
        td: The runtime.

    Returns:
        The duration: ``"PT1H26M"``, ``"PT1H26M30S"``; zero is ``"PT0S"``.

    Raises:
        ValidationError: *td* is negative or not a timedelta.

    Examples:
        >>> format_iso_duration(dt.timedelta(minutes=86))
        'PT1H26M'
        >>> format_iso_duration(dt.timedelta(days=1, seconds=30.5))
        'PT24H30.5S'
        >>> format_iso_duration(dt.timedelta(0))
        'PT0S'
    """
    try:
        return _ISO_TEXT[td]
    except (KeyError, TypeError):  # not written yet, or not a timedelta (_check says)
        pass
    _check(td)
    text = _iso_text(td)
    if len(_ISO_TEXT) < _MAX_CACHED:
        _ISO_TEXT[td] = text
    return text


def _iso_text(td: dt.timedelta) -> str:
    minutes, seconds = divmod(td.days * 86_400 + td.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if td.microseconds:
        out += f"{seconds}.{td.microseconds:06d}".rstrip("0") + "S"
    elif seconds or out == "PT":
        out += f"{seconds}S"
    return out


def format_runtime(td: dt.timedelta, style: RuntimeStyle = "short") -> str:
    """Write a runtime for people to read.

    ======== ========================= ============
    style    1 h 26 min                45 min
    ======== ========================= ============
    short    1 hr 26 min               45 min
    long     1 hour and 26 minutes     45 minutes
    compact  1h 26m                    45m
    minutes  86 min                    45 min
    clock    1:26                      0:45
    iso      PT1H26M                   PT45M
    ======== ========================= ============

    Whole hours leave out the minutes (``"2 hr"``) and days are counted as hours
    (``"25 hr"``). Every style except ``iso`` rounds to the nearest minute, a half minute
    rounding up: 90 seconds is ``"2 min"``, 89 seconds ``"1 min"``, 29 seconds ``"0 min"``.
    ``iso`` is exact (:func:`format_iso_duration`).

    Args:
        td: The runtime.
        style: One of ``short``, ``long``, ``compact``, ``minutes``, ``clock``, ``iso``.

    Returns:
        The runtime in words or digits.

    Raises:
        ValidationError: *td* is negative or not a timedelta.
        ValueError: *style* is not one of the styles.

    Examples:
        >>> td = dt.timedelta(hours=1, minutes=26)
        >>> format_runtime(td), format_runtime(td, "long"), format_runtime(td, "compact")
        ('1 hr 26 min', '1 hour and 26 minutes', '1h 26m')
        >>> format_runtime(td, "minutes"), format_runtime(td, "clock"), format_runtime(td, "iso")
        ('86 min', '1:26', 'PT1H26M')
        >>> format_runtime(dt.timedelta(hours=2, minutes=1), "long")
        '2 hours and 1 minute'
        >>> format_runtime(dt.timedelta(seconds=90)), format_runtime(dt.timedelta(seconds=89))
        ('2 min', '1 min')
    """
    _check(td)
    if style == "iso":
        return format_iso_duration(td)
    # Half a minute is exactly 30 s, so microseconds never change the rounding.
    minutes = (td.days * 86_400 + td.seconds + 30) // 60
    if style == "minutes":
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if style == "short":
        if not hours:
            return f"{minutes} min"
        return f"{hours} hr {minutes} min" if minutes else f"{hours} hr"
    if style == "long":
        mins = f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"
        if not hours:
            return mins
        hrs = "1 hour" if hours == 1 else f"{hours} hours"
        return f"{hrs} and {mins}" if minutes else hrs
    if style == "compact":
        if not hours:
            return f"{minutes}m"
        return f"{hours}h {minutes}m" if minutes else f"{hours}h"
    if style == "clock":
        return f"{hours}:{minutes:02d}"
    raise ValueError(
        f"unknown runtime style {style!r}; use short, long, compact, minutes, clock or iso"
    )
