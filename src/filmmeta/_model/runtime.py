"""Runtimes: read them in every form film data uses, write them the way people read them.

A runtime is a non-negative :class:`datetime.timedelta`. :func:`parse_runtime` reads
minutes (``86``, ``"86 min"``), hours and minutes (``"1h 26m"``, ``"1 hour and 26
minutes"``), clock text (``"1:26"`` is h:mm) and ISO 8601 durations (``"PT1H26M"``);
:func:`format_runtime` writes one of six styles. The canonical JSON form is the ISO 8601
duration of :func:`format_iso_duration`, read back by :func:`parse_iso_duration`; both
live in :mod:`filmmeta._model.duration`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Literal

from filmmeta._model.duration import (
    _MAX_TEXT,
    _US_PER_SECOND,
    LONGEST,
    _canonical,
    _check,
    _fail,
    _from_iso,
    _iso_re,
    _micros,
    _timedelta,
    format_iso_duration,
)
from filmmeta._model.validate import compiled_on_use

__all__ = [
    "RuntimeStyle",
    "format_runtime",
    "parse_runtime",
]

RuntimeStyle = Literal["short", "long", "compact", "minutes", "clock", "iso"]

_EXAMPLES = "expected e.g. '86 min', '1h 26m', '1:26' or 'PT1H26M'"

# Every pattern below is linear: no quantified group contains another quantifier that
# could match the same characters, so adversarial text cannot make them backtrack. Each
# is compiled on its first use: free text is the importers' (OMDb's "86 min").
_bare_re = compiled_on_use(r"[0-9]+(?:\.[0-9]+)?")
_clock_re = compiled_on_use(r"([0-9]+):([0-9]+)(?::([0-9]+))?")
# One "<number> <unit>" component of human text; the group that matched names the unit.
_part_re = compiled_on_use(
    r"([0-9]+(?:\.[0-9]+)?) ?"
    r"(?:(days?|d)|(hours?|hrs?|h)|(minutes?|mins?|m)|(seconds?|secs?|s))\.?"
)
# What may stand between two components: "1h26m", "1 hr 26", "1 hour, 26", "1 hour and 26".
_sep_re = compiled_on_use(r",? and |, ?| ")

#: Microseconds per unit, indexed by the unit group of _part_re (days .. seconds).
_PART_UNITS = (0, 0, 86_400_000_000, 3_600_000_000, 60_000_000, 1_000_000)
_PART_NAMES = ("", "", "days", "hours", "minutes", "seconds")
_HOURS = 3  # the unit group of hours in _part_re
# Minutes written without their unit after hours: "1h43", "1h 05".
_minutes_after_hours = compiled_on_use(r"[0-9]{1,2}")


def parse_runtime(value: str | int | float | dt.timedelta) -> dt.timedelta:
    """Read a runtime in any of the forms film data uses.

    Numbers are minutes. Text may be minutes (``"86"``, ``"86 min"``, ``"86m"``), hours
    and minutes (``"1h 26m"``, ``"1 hr. 26 min."``, ``"1 hour and 26 minutes"``, and
    ``"1h43"`` or ``"1 hr 26"`` with the minutes' unit left out), seconds
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
        >>> parse_runtime("1 hour and 26 minutes") == parse_runtime("86 MIN") == parse_runtime(
        ...     "1h26"
        ... )
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
            match = _iso_re().fullmatch(text)
            if match is not None:
                return _from_iso(text, match)
        return _parse_text(text)
    if isinstance(value, dt.timedelta):
        if value < dt.timedelta(0):
            # str() of a negative timedelta reads "-1 day, 23:55:00"; this reads "-0:05:00".
            raise _fail(f"-{-value} is negative")
        if value > LONGEST:
            raise _fail(f"{value} is too long to represent")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(
            f"expected text, a number of minutes or a timedelta, got {type(value).__name__}"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail(f"{value} is not a finite number of minutes")
    if value < 0:
        raise _fail(f"{value} minutes is negative")
    try:
        minutes = dt.timedelta(minutes=value)
    except OverflowError:
        minutes = None
    if minutes is None or minutes > LONGEST:
        raise _fail(f"{value} minutes is too long to represent")
    return minutes


def _parse_text(text: str) -> dt.timedelta:
    if not text:
        raise _fail("runtime text is empty")
    if text[0] in "-\u2212":  # a hyphen or a minus sign
        raise _fail(f"{text!r} is negative")
    norm = " ".join(text.lower().split())
    if _bare_re().fullmatch(norm):
        return _timedelta(_micros(norm, 60 * _US_PER_SECOND), text)
    clock = _clock_re().fullmatch(norm)
    if clock is not None:
        return _parse_clock(text, clock)
    micros = 0
    last_unit = 1  # group index of the previous component's unit; they must get smaller
    pos, end = 0, len(norm)
    while True:
        part = _part_re().match(norm, pos)
        if part is None and last_unit == _HOURS and _minutes_after_hours().fullmatch(norm, pos):
            # "1h43", "1 hr 26": minutes without their unit, as French and many sites write.
            if int(norm[pos:]) > 59:
                raise _fail(f"{text!r} has minutes above 59")
            return _timedelta(micros + int(norm[pos:]) * 60 * _US_PER_SECOND, text)
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
        sep = _sep_re().match(norm, pos)
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


def format_runtime(
    td: dt.timedelta | int | float | str, style: RuntimeStyle = "short", *, locale: str = "en-US"
) -> str:
    r"""Write a runtime for people to read.

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
        td: The runtime: a timedelta, or anything :func:`parse_runtime` reads (a number
            of minutes, ``"1h 26m"``, ...).
        style: One of ``short``, ``long``, ``compact``, ``minutes``, ``clock``, ``iso``.
        locale: The language to write it in ("de-DE", "ja-JP"). English needs nothing
            more; other languages use CLDR's unit patterns through Babel (the ``i18n``
            extra): ``short`` "1 Std. 26 Min.", ``long`` "1 Stunde und 26 Minuten",
            ``compact`` CLDR's narrow units. ``clock`` and ``iso`` are the same everywhere.

    Returns:
        The runtime in words or digits.

    Raises:
        ValidationError: *td* is negative or not a runtime.
        ValueError: *style* is not one of the styles.
        ImportError: A language other than English without Babel installed.


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
        >>> format_runtime(170), format_runtime("1h43", "long")
        ('2 hr 50 min', '1 hour and 43 minutes')
        >>> [format_runtime(td, locale=tag) for tag in ("de-DE", "fr-FR", "ja-JP")]
        ['1 Std. 26 Min.', '1\u202fh 26\xa0min', '1時間26分']

    .. versionchanged:: 0.2.0 The *locale* argument; *td* may be minutes or runtime
       text, as :func:`parse_runtime` reads them.
    """
    if not isinstance(td, dt.timedelta):
        td = parse_runtime(td)
    _check(td)
    if style == "iso":
        return format_iso_duration(td)
    # Half a minute is exactly 30 s, so microseconds never change the rounding.
    minutes = (td.days * 86_400 + td.seconds + 30) // 60
    if style not in ("clock", "iso") and not locale.startswith(("en", "EN")):
        # The locale layer sits below the model (it imports nothing from filmmeta but
        # the exceptions); it is loaded only for a page in another language.
        from filmmeta._l10n import lang, runtime_words

        language = lang(locale)
        if not language.english and style in ("short", "long", "compact", "minutes"):
            return runtime_words(minutes, style, language)
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
