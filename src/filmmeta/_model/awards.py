"""Awards a film won or was nominated for, one by one or as counts a source gives."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_count, check_text, shown, to_member
from filmmeta.exceptions import ValidationError

__all__ = ["Award", "AwardOutcome"]


class AwardOutcome(enum.StrEnum):
    """Whether an award was won or a nomination only.

    .. versionadded:: 0.2.0
    """

    WON = "won"
    NOMINATED = "nominated"


_OUTCOMES = {outcome.value: outcome for outcome in AwardOutcome}


def _to_outcome(value: AwardOutcome | str) -> AwardOutcome:
    return to_member(_OUTCOMES, value, "outcome", "an award outcome")


def _check_text(inst: Award, attribute: attrs.Attribute[Any], value: str | None) -> None:
    check_text(attribute.name, value, optional=attribute.name != "name")


def _check_year(inst: Award, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    # The years PartialDate takes; a bool is not a year.
    if value is not None and not (type(value) is int and 1 <= value <= 9999):
        raise ValidationError.at("year", f"{shown(value)} is not a year between 1 and 9999")


def _check_count(inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    check_count("count", value)


@attrs.frozen
class Award(PydanticHooks):
    """An award won, or a nomination, or a count of them as a source gives it.

    OMDb's sentence "Won 7 Oscars. 19 wins & 32 nominations total" becomes three counts
    (``Award("Academy Awards", count=7)``, ``Award("all awards", count=19)``,
    ``Award("all awards", outcome="nominated", count=32)``): a count never stands for
    individual awards that the source did not name.

    Args:
        name: The award or the body that gives it ("Academy Awards", "BAFTA Film
            Awards"), or "all awards" for a source's totals.
        category: The category ("Best Cinematography").
        year: The year of the ceremony.
        outcome: won (the default) or nominated; a string is converted.
        recipient: Who received it, when not the film as a whole.
        count: How many; more than 1 only where a source gives counts.

    Raises:
        ValidationError: An empty name, a year outside 1..9999, a count below 1, an
            unknown outcome; the path names the field.

    Examples:
        >>> Award("Academy Awards", category="Best Cinematography", year=2008)
        Award(name='Academy Awards', category='Best Cinematography', year=2008, outcome=<AwardOutcome.WON: 'won'>, recipient=None, count=1)
        >>> Award("all awards", outcome="nominated", count=32).outcome
        <AwardOutcome.NOMINATED: 'nominated'>
        >>> Award("all awards", count=0)
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: count: 0 is not an integer of 1 or more

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    name: str = attrs.field(validator=_check_text)
    category: str | None = attrs.field(default=None, kw_only=True, validator=_check_text)
    year: int | None = attrs.field(default=None, kw_only=True, validator=_check_year)
    outcome: AwardOutcome = attrs.field(
        default=AwardOutcome.WON, kw_only=True, converter=_to_outcome
    )
    recipient: str | None = attrs.field(default=None, kw_only=True, validator=_check_text)
    count: int = attrs.field(default=1, kw_only=True, validator=_check_count)
