"""Partial calendar dates: a year, a year and month, or a full date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import SHARED_TABLE_SIZE, builder, compiled_on_use, shown
from filmmeta.exceptions import ValidationError

__all__ = ["PartialDate"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
# TMDb writes release dates as full timestamps ("1999-10-15T00:00:00.000Z"): the date part
# is what the film record means, the time of day is an artefact of the API.
_iso_timestamp = compiled_on_use(r"(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", re.ASCII)
_MAX_TEXT = 100
# An all-numeric date of three parts, one separator throughout: "01/02/2003", "2003.02.01".
_numeric = compiled_on_use(r"(\d{1,4})([/.\- ])(\d{1,2})\2(\d{1,4})", re.ASCII)
# A year written with three or more digits; without one, dateutil read a two-digit year.
_long_number = compiled_on_use(r"\d{3}", re.ASCII)


def _check_year(inst: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise ValidationError.at("year", f"expected an integer, got {shown(value)}")
    if not 1 <= value <= 9999:
        raise ValidationError.at("year", f"{value} is not a year between 1 and 9999")


def _check_month(
    inst: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise ValidationError.at("month", f"expected an integer, got {shown(value)}")
    if not 1 <= value <= 12:
        raise ValidationError.at("month", f"{value} is not a month (1 to 12)")


def _check_day(
    inst: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise ValidationError.at("day", f"expected an integer, got {shown(value)}")
    if inst.month is None:
        raise ValidationError.at("day", "a day needs a month")
    try:
        dt.date(inst.year, inst.month, value)
    except ValueError:
        raise ValidationError.at(
            "day", f"{inst.year:04d}-{inst.month:02d} has no day {value}"
        ) from None


@attrs.frozen(order=False)
class PartialDate(PydanticHooks):
    """A date of which only the year, or the year and month, may be known.

    Film data often knows a release year and nothing more ("2000"); a ``PartialDate``
    keeps exactly what is known instead of inventing January 1st. ``str()`` gives the
    ISO 8601 form, and ordering compares the known parts (a year sorts before any month
    of that year).

    Args:
        year: 1 to 9999.
        month: 1 to 12, or None when unknown.
        day: A day that exists in that month, or None; a day needs a month.

    Raises:
        ValidationError: For month 13, February 30th, a day without a month, ...

    Examples:
        >>> PartialDate(2000)
        PartialDate(year=2000, month=None, day=None)
        >>> str(PartialDate(2000, 11, 7))
        '2000-11-07'
        >>> PartialDate(2000) < PartialDate(2000, 11) < PartialDate(2000, 11, 7)
        True
        >>> PartialDate(2001, 2, 29)
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: day: 2001-02 has no day 29
    """

    __repr__ = fields_repr

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read the ISO 8601 form that ``str()`` writes: ``2000``, ``2000-11``, ``2000-11-07``.

        Args:
            text: The ISO text; nothing else is accepted.

        Returns:
            The date.

        Raises:
            ValidationError: When the text is not such a date.

        Examples:
            >>> PartialDate.fromisoformat("2000-11")
            PartialDate(year=2000, month=11, day=None)
        """
        if type(text) is str and cls is PartialDate and (found := _READ.get(text)) is not None:
            return found
        if (
            cls is PartialDate
            and type(text) is str
            and len(text) == 10
            and text[4] == text[7] == "-"
        ):
            # A full date, the usual case left: the standard library's parser reads it
            # and checks it in one call. Its other forms (weeks, no dashes) are refused
            # by the dashes, and it reads ASCII digits only, as _ISO does.
            try:
                full = dt.date.fromisoformat(text)
            except ValueError:
                pass
            else:
                date: PartialDate = _unchecked(full.year, full.month, full.day)
                return date
        m = _ISO.fullmatch(text) if type(text) is str else None
        if m is None:
            raise ValidationError.at(
                "$", f"{shown(text)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        year, month, day = (int(part) if part else None for part in m.groups())
        if cls is PartialDate:
            try:
                # What the validators check, at once: year 1-9999, month 1-12, a day in
                # the month. Valid dates skip them; years and months, which repeat
                # across a catalog, are read once.
                dt.date(year, 1 if month is None else month, 1 if day is None else day)  # type: ignore[arg-type]
            except ValueError:
                pass
            else:
                date = _unchecked(year, month, day)
                if day is None and len(_READ) < _MAX_READ:
                    _READ[text] = date
                return date
        try:
            return cls(year, month, day)  # type: ignore[arg-type]
        except ValidationError as err:
            # The text is one value: report the problem at its own path, not at a part
            # of it that the document does not have.
            raise ValidationError.at("$", f"{shown(text)}: {err.errors[0][1]}") from None

    @classmethod
    def parse(
        cls, text: str, *, dayfirst: bool | None = None, latest_year: int | None = None
    ) -> PartialDate:
        """Read a date in any common form, keeping only the parts the text states.

        ISO forms (``2000``, ``2000-11``, ``2000-11-07``, and TMDb's timestamps
        ``2000-11-07T00:00:00.000Z``) are read directly; anything else goes to
        :func:`dateutil.parser.parse` ("07 Nov 2000", "November 7, 2000", "Nov 2000",
        "Jun 12 1998"). dateutil fills missing parts from a default date, so the text is
        parsed twice with two different defaults: a part that differs between the two
        results was not in the text and stays unknown.

        Nothing is guessed. An all-numeric date whose day and month could be swapped
        ("01/02/2003", "02.01.2003") is refused unless *dayfirst* says which comes first,
        and so is a two-digit year ("Dec 31 46") unless *latest_year* says which century
        it is in. A date that holds only one reading ("13/02/2003", "01/01/2003",
        "2003/02/01") needs neither.

        Args:
            text: The date text.
            dayfirst: True for day/month/year (most of the world), False for
                month/day/year (the US); None (the default) refuses a date that reads
                both ways. Given, it is a rule: "02/13/2003" is not a day-first date.
            latest_year: How to read a two-digit year: as the latest year ending in
                those two digits that is not after *latest_year*. ``1999`` reads every
                two-digit year as 19xx; ``datetime.date.today().year`` never lands in the
                future ("46" is 1946, "05" is 2005). None (the default) refuses them.

        Returns:
            The date, as precise as the text.

        Raises:
            ValidationError: For text that holds no date or no year, a date that reads
                two ways, and a two-digit year without *latest_year*.

        .. versionchanged:: 0.2.0
           *dayfirst* and *latest_year*; ambiguous dates and two-digit years are refused.

        Examples:
            >>> str(PartialDate.parse("07 Nov 2000"))
            '2000-11-07'
            >>> str(PartialDate.parse("Nov 2000"))
            '2000-11'
            >>> str(PartialDate.parse("2000"))
            '2000'
            >>> str(PartialDate.parse("13/02/2003"))
            '2003-02-13'
            >>> PartialDate.parse("01/02/2003")
            Traceback (most recent call last):
            ...
            filmmeta.exceptions.ValidationError: $: '01/02/2003' reads as 1 February or January 2: say dayfirst=True or False
            >>> str(PartialDate.parse("01/02/2003", dayfirst=True))
            '2003-02-01'
            >>> str(PartialDate.parse("Dec 31 46", latest_year=2026))
            '1946-12-31'
            >>> PartialDate.parse("soon")
            Traceback (most recent call last):
            ...
            filmmeta.exceptions.ValidationError: $: 'soon' is not a date
        """  # noqa: E501
        if type(text) is not str:
            raise ValidationError.at("$", f"expected a date string, got {shown(text)}")
        stripped = text.strip()
        if not stripped or len(stripped) > _MAX_TEXT:
            raise ValidationError.at("$", f"{shown(text)} is not a date")
        if _ISO.fullmatch(stripped):
            return cls.fromisoformat(stripped)
        if m := _iso_timestamp().fullmatch(stripped):
            return cls.fromisoformat(m.group(1))
        if m := _numeric().fullmatch(stripped):
            return cls._parse_numeric(stripped, m, dayfirst=dayfirst, latest_year=latest_year)
        return cls._parse_free_text(stripped, dayfirst=dayfirst, latest_year=latest_year)

    @classmethod
    def _parse_numeric(
        cls, text: str, m: re.Match[str], *, dayfirst: bool | None, latest_year: int | None
    ) -> PartialDate:
        first, _, second, third = m.groups()
        if len(first) >= 3:  # year first: only year/month/day is written
            year, month, day = int(first), int(second), int(third)
        else:
            a, b = int(first), int(second)
            said = dayfirst is not None
            if dayfirst is None:
                if a != b and a <= 12 and b <= 12:
                    raise ValidationError.at(
                        "$",
                        f"{shown(text)} reads as {_day_month(a, b)} or {_day_month(b, a, us=True)}:"
                        " say dayfirst=True or False",
                    )
                dayfirst = a > 12
            day, month = (a, b) if dayfirst else (b, a)
            year = _full_year(text, third, latest_year) if len(third) <= 2 else int(third)
        try:
            return cls(year, month, day)
        except ValidationError as err:
            order = ""
            if len(first) < 3 and said:
                order = " (day first)" if dayfirst else " (month first)"
            raise ValidationError.at("$", f"{shown(text)}{order}: {err.errors[0][1]}") from None

    @classmethod
    def _parse_free_text(
        cls, text: str, *, dayfirst: bool | None, latest_year: int | None
    ) -> PartialDate:
        from dateutil import parser  # a noticeable part of import time: load on demand

        try:
            # ignoretz: only the date matters, and dateutil would warn about time zone
            # names it does not know ("Nov 2000 10:00 BST").
            # A numeric date that reads two ways never gets here (_parse_numeric), so
            # dateutil's own choice is only between readings of words ("Nov 7 2000").
            options: dict[str, Any] = {"ignoretz": True, "dayfirst": bool(dayfirst)}
            first = parser.parse(text, default=dt.datetime(1, 1, 1), **options)
            second = parser.parse(text, default=dt.datetime(2, 2, 2), **options)
        except (ValueError, OverflowError, ArithmeticError):
            # ArithmeticError: dateutil lets decimal.InvalidOperation out for "0:999...".
            raise ValidationError.at("$", f"{shown(text)} is not a date") from None
        if first.year != second.year:
            raise ValidationError.at("$", f"{shown(text)} has no year")
        year = first.year
        if not _long_number().search(text):
            # dateutil puts a two-digit year within 50 years of today: a guess.
            year = _full_year(text, str(year % 100), latest_year)
        month = first.month if first.month == second.month else None
        day = first.day if first.day == second.day and month is not None else None
        try:
            return cls(year, month, day)
        except ValidationError as err:  # pragma: no cover - dateutil checks days itself
            raise ValidationError.at("$", f"{shown(text)}: {err.errors[0][1]}") from None

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        """Build a full date from a :class:`datetime.date` (or datetime).

        Examples:
            >>> PartialDate.from_date(dt.date(2000, 11, 7))
            PartialDate(year=2000, month=11, day=7)
        """
        return cls(date.year, date.month, date.day)

    def to_date(self) -> dt.date | None:
        """Return the :class:`datetime.date`, or None when month or day is unknown.

        Examples:
            >>> PartialDate(2000, 11, 7).to_date()
            datetime.date(2000, 11, 7)
            >>> PartialDate(2000).to_date() is None
            True
        """
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def precision(self) -> str:
        """What is known: ``"year"``, ``"month"`` or ``"day"``.

        Examples:
            >>> PartialDate(2000, 11).precision
            'month'
        """
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def _key(self) -> tuple[int, ...]:
        if self.month is None:
            return (self.year,)
        if self.day is None:
            return (self.year, self.month)
        return (self.year, self.month, self.day)

    def __str__(self) -> str:
        # %-formatting: about twice as fast as an f-string with format specs, and this
        # runs for every film written.
        if self.month is None:
            return "%04d" % self.year  # noqa: UP031
        if self.day is None:
            return "%04d-%02d" % (self.year, self.month)  # noqa: UP031
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)  # noqa: UP031

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)


def _day_month(day: int, month: int, *, us: bool = False) -> str:
    name = _MONTHS[month - 1]
    return f"{name} {day}" if us else f"{day} {name}"


def _full_year(text: str, digits: str, latest_year: int | None) -> int:
    """The year of a two-digit year *digits*, by the caller's *latest_year* rule."""
    if latest_year is None:
        raise ValidationError.at(
            "$",
            f"{shown(text)} has a two-digit year ({int(digits):02d}):"
            " say which century with latest_year=",
        )
    return latest_year - (latest_year - int(digits)) % 100


# Years and months read, by text (bounded): 2000 is 2000 in every film of that year.
_READ: dict[str, PartialDate] = {}
_MAX_READ = SHARED_TABLE_SIZE
_unchecked = builder(PartialDate)


def to_partial_date(value: PartialDate | dt.date | str | int | None) -> PartialDate | None:
    """Convert the obvious inputs for a release date (an attrs field converter).

    Args:
        value: A PartialDate, a date, date text (see :meth:`PartialDate.parse`), a
            year as an int, or None.

    Returns:
        The PartialDate, or None.

    Raises:
        ValidationError: For anything that is not a date.
    """
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if type(value) is int:
        return PartialDate(value)
    if type(value) is str:
        return PartialDate.parse(value)
    raise ValidationError.at("$", f"expected a date, got {shown(value)}")
