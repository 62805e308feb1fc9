"""ISO 8601 durations, the canonical JSON form of a runtime.

:func:`format_iso_duration` writes a runtime as ``"PT1H26M"`` and :func:`parse_iso_duration`
reads it back exactly. Only durations of fixed length are read: weeks, days, hours, minutes
and seconds, never non-zero years or months. The free-text forms of a runtime (``"86
min"``, ``"1h 26m"``, ``"1:26"``) are :mod:`filmmeta._model.runtime`'s; it reads ISO text with
the pattern and helpers defined here, so both agree on every duration.
"""

from __future__ import annotations

import datetime as dt
import re

from filmmeta._model.validate import SHARED_TABLE_SIZE, compiled_on_use
from filmmeta.exceptions import ValidationError

__all__ = ["format_iso_duration", "parse_iso_duration"]

_ROOT = "$"
#: Longer text is refused before any regex sees it: no runtime needs more.
_MAX_TEXT = 100
# Runtimes repeat across a catalog (86 minutes, 90, 95, ...): each canonical text is
# read once and each timedelta written once; both tables are bounded.
_PARSED: dict[str, dt.timedelta] = {}
_ISO_TEXT: dict[dt.timedelta, str] = {}
_MAX_CACHED = SHARED_TABLE_SIZE

# Both patterns are linear: no quantified group contains another quantifier that could
# match the same characters, so adversarial text cannot make them backtrack.
_NUM = r"[0-9]+(?:[.,][0-9]+)?"
# The general pattern reads what format_iso_duration does not write: on first use.
_iso_re = compiled_on_use(
    rf"P(?:({_NUM})Y)?(?:({_NUM})M)?(?:({_NUM})W)?(?:({_NUM})D)?"
    rf"(?:(T)(?:({_NUM})H)?(?:({_NUM})M)?(?:({_NUM})S)?)?",
    re.IGNORECASE | re.ASCII,  # ASCII: under Unicode rules U+017F would match "s"
)
# The canonical form (what format_iso_duration writes), read without the general machinery.
_CANONICAL_RE = re.compile(r"PT(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?")

_US_PER_SECOND = 1_000_000


def _fail(message: str) -> ValidationError:
    return ValidationError.at(_ROOT, message)


def _micros(number: str, unit_us: int) -> int:
    """Return *number* units in microseconds, exactly; halves round up."""
    whole, _, fraction = number.replace(",", ".").partition(".")
    if not fraction:
        return int(whole) * unit_us
    scale: int = 10 ** len(fraction)
    return (int(whole + fraction) * unit_us * 2 + scale) // (2 * scale)


#: The longest runtime a catalog holds: Arrow's and Parquet's ``duration[us]`` is a 64-bit
#: count of microseconds (about 292,000 years), where Python's timedelta goes on to
#: 2.7 million years. Longer is refused as too long to represent, so that every valid film
#: has a row in every format filmmeta writes.
_LONGEST_US = 2**63 - 1
LONGEST = dt.timedelta(microseconds=_LONGEST_US)
_LONGEST_S = _LONGEST_US // _US_PER_SECOND


def _timedelta(micros: int, text: str) -> dt.timedelta:
    if micros > _LONGEST_US:
        raise _fail(f"{text!r} is too long to represent")
    return dt.timedelta(microseconds=micros)


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
    if total > _LONGEST_S:
        raise _fail(f"{text!r} is too long to represent")
    return dt.timedelta(0, total)  # positional: keywords cost a third more


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
    match = _iso_re().fullmatch(text)
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


def _check(td: object) -> dt.timedelta:
    if not isinstance(td, dt.timedelta):
        raise _fail(f"expected a timedelta, got {type(td).__name__}")
    if td.days < 0:
        # str() of a negative timedelta reads "-1 day, 23:55:00"; this reads "-0:05:00".
        raise _fail(f"-{-td} is negative")
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
