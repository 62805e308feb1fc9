"""Releases per country and kind, and the editions (cuts) of a film."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from filmmeta._model.dates import PartialDate, to_partial_date
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.runtime import parse_runtime
from filmmeta._model.validate import check_language, check_region, check_text, to_member
from filmmeta.exceptions import ValidationError

__all__ = ["Edition", "Release", "ReleaseKind"]


class ReleaseKind(enum.StrEnum):
    """How a film was released; TMDb's release types 1 to 6, in this order.

    .. versionadded:: 0.2.0
    """

    PREMIERE = "premiere"
    LIMITED = "limited"
    THEATRICAL = "theatrical"
    DIGITAL = "digital"
    PHYSICAL = "physical"
    TV = "tv"


_KINDS = {kind.value: kind for kind in ReleaseKind}


def _to_kind(value: ReleaseKind | str) -> ReleaseKind:
    return to_member(_KINDS, value, "kind", "a release kind")


def _to_date(value: PartialDate | dt.date | str | int) -> PartialDate:
    try:
        date = to_partial_date(value)
    except ValidationError as err:
        raise err.with_prefix("date") from None
    if date is None:
        raise ValidationError.at("date", "a release needs a date")
    return date


def _check_country(
    inst: Release, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        check_region("country", value)


def _check_language(
    inst: Release, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        check_language("language", value)


def _check_note(inst: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    check_text("note", value, optional=True)


@attrs.frozen
class Release(PydanticHooks):
    """One release of a film: a date, where, and how (premiere, in cinemas, on disc, ...).

    TMDb's release_dates (types 1 to 6, each with a note), OMDb's Released and DVD and
    Kodi's premiered each become a ``Release``. :attr:`Film.release_date
    <filmmeta.Film.release_date>` stays the film's own (first) release date.

    Args:
        date: The date, as precise as known: a :class:`~filmmeta.PartialDate`, a
            :class:`~datetime.date`, an int year or date text ("2001-07-20",
            "20 Jul 2001", TMDb's "2001-07-20T00:00:00.000Z").
        country: Where, an ISO 3166-1 alpha-2 code ("JP"), or None when not said.
        kind: premiere, limited, theatrical (the default), digital, physical or tv; a
            string is converted.
        note: What the source says about it ("Venice Film Festival", "Blu-ray").
        language: The language of the release, a BCP 47 tag, where a country has
            releases in several (TMDb's French release in Canada is ``"fr"``).

    Raises:
        ValidationError: A missing or invalid date, a country such as "JPN", an
            unknown kind, an empty note, a language such as "FR"; the path names the
            field.

    Examples:
        >>> Release("2001-07-20", country="JP")
        Release(date=PartialDate(year=2001, month=7, day=20), country='JP', kind=<ReleaseKind.THEATRICAL: 'theatrical'>, note=None, language=None)
        >>> r = Release("2014-09-04T00:00:00.000Z", country="IT", kind="premiere", note="Venice")
        >>> str(r.date), r.kind
        ('2014-09-04', <ReleaseKind.PREMIERE: 'premiere'>)
        >>> Release("2001-02-30")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: date: '2001-02-30': 2001-02 has no day 30

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    date: PartialDate = attrs.field(converter=_to_date)
    country: str | None = attrs.field(default=None, kw_only=True, validator=_check_country)
    kind: ReleaseKind = attrs.field(
        default=ReleaseKind.THEATRICAL, kw_only=True, converter=_to_kind
    )
    note: str | None = attrs.field(default=None, kw_only=True, validator=_check_note)
    language: str | None = attrs.field(default=None, kw_only=True, validator=_check_language)


def _to_runtime(value: dt.timedelta | str | int | float | None) -> dt.timedelta | None:
    if value is None:
        return None
    try:
        return parse_runtime(value)
    except ValidationError as err:
        raise err.with_prefix("runtime") from None


def _check_name(inst: Edition, attribute: attrs.Attribute[str], value: str) -> None:
    check_text("name", value)


@attrs.frozen
class Edition(PydanticHooks):
    """An edition or cut of a film with its own running time.

    Args:
        name: The edition's name as the source gives it ("Director's Cut",
            "Extended Edition", "Theatrical").
        runtime: Its running time, in any form :func:`~filmmeta.parse_runtime` reads
            (minutes as a number, "2h 58m", a timedelta), or None.
        note: What the source says about it.

    Raises:
        ValidationError: An empty name, a runtime that is not one.

    Examples:
        >>> Edition("Extended Edition", runtime="3h 48m").runtime
        datetime.timedelta(seconds=13680)
        >>> Edition("Director's Cut", runtime=-5)
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: runtime: -5 minutes is negative

    .. versionadded:: 0.2.0
    """

    __repr__ = fields_repr

    name: str = attrs.field(validator=_check_name)
    runtime: dt.timedelta | None = attrs.field(default=None, kw_only=True, converter=_to_runtime)
    note: str | None = attrs.field(default=None, kw_only=True, validator=_check_note)
