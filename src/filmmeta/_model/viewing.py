"""A person's own film history: one viewing, rating, like or review of a film."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from filmmeta._model.film import Film
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.ratings import Rating
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_text, check_texts, check_url, shown, tuple_of
from filmmeta.exceptions import ValidationError

__all__ = ["Viewing"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _to_date(name: str, value: dt.date | str | None) -> dt.date | None:
    if value is None or type(value) is dt.date:
        return value
    if type(value) is str and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError.at(name, f"{shown(value)} is not a date") from None
    if isinstance(value, dt.datetime):
        # The day is all a history records; a time of day would be silently dropped.
        raise ValidationError.at(name, f"expected a date, got a datetime {shown(value)}")
    raise ValidationError.at(
        name, f"expected a date or an ISO date string (YYYY-MM-DD), got {shown(value)}"
    )


def _to_watched_on(value: dt.date | str | None) -> dt.date | None:
    return _to_date("watched_on", value)


def _to_logged_on(value: dt.date | str | None) -> dt.date | None:
    return _to_date("logged_on", value)


def _check_film(inst: Viewing, attribute: attrs.Attribute[Film], value: Film) -> None:
    if not isinstance(value, Film):
        raise ValidationError.at("film", f"expected a Film, got {shown(value)}")


def _check_rating(
    inst: Viewing, attribute: attrs.Attribute[Rating | None], value: Rating | None
) -> None:
    if value is not None and not isinstance(value, Rating):
        raise ValidationError.at("rating", f"expected a Rating, got {shown(value)}")


def _check_bool(inst: Viewing, attribute: attrs.Attribute[bool], value: object) -> None:
    if type(value) is not bool:
        raise ValidationError.at(attribute.name, f"expected True or False, got {shown(value)}")


def _check_tags(inst: Viewing, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_texts("tags", value)


def _check_optional_text(inst: Viewing, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_text(attribute.name, value, optional=True)


def _check_url(inst: Viewing, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_url("url", value)


@attrs.frozen
class Viewing(PydanticHooks):
    """One entry of a person's film history: a viewing, a rating, a like, a review.

    Exports of Letterboxd and IMDb (:mod:`filmmeta.formats.letterboxd`,
    :mod:`filmmeta.formats.imdb_csv`) and MovieLens' ratings read into viewings. The film
    holds what the export knows of it (a title, a year, the service's id).

    Args:
        film: The film.
        watched_on: The day it was watched, when known.
        logged_on: The day the entry was made (logged, rated, marked as watched), when
            known; Letterboxd keeps it apart from the day watched.
        rating: The person's rating, on the service's own scale (Letterboxd 0.5 to 5 in
            half stars, IMDb 1 to 10).
        rewatch: Whether the person had seen the film before.
        liked: Whether the person liked it (Letterboxd's heart).
        tags: The person's tags, in order.
        review: The person's review, as plain text.
        user: Who watched, when the data says (MovieLens' anonymous user ids).
        url: The entry's own page (a Letterboxd diary entry or review), not the film's.

    Raises:
        ValidationError: For any invalid value, with the field as its path.

    Examples:
        >>> from filmmeta import Film, Rating, Viewing
        >>> viewing = Viewing(
        ...     Film("Past Lives", release_date="2023"),
        ...     watched_on="2023-09-03",
        ...     rating=Rating("letterboxd", 4.5),
        ...     tags=["cinema"],
        ... )
        >>> viewing.watched_on, viewing.rating.display, viewing.tags
        (datetime.date(2023, 9, 3), '4.5/5', ('cinema',))
        >>> Viewing(Film("Past Lives"), rewatch="yes")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: rewatch: expected True or False, got 'yes'

    .. versionadded:: 0.2.0
    """

    __repr__ = fields_repr

    film: Film = attrs.field(validator=_check_film)
    watched_on: dt.date | None = attrs.field(default=None, kw_only=True, converter=_to_watched_on)
    logged_on: dt.date | None = attrs.field(default=None, kw_only=True, converter=_to_logged_on)
    rating: Rating | None = attrs.field(default=None, kw_only=True, validator=_check_rating)
    rewatch: bool = attrs.field(default=False, kw_only=True, validator=_check_bool)
    liked: bool = attrs.field(default=False, kw_only=True, validator=_check_bool)
    tags: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=tuple_of, validator=_check_tags
    )
    review: str | None = attrs.field(default=None, kw_only=True, validator=_check_optional_text)
    user: str | None = attrs.field(default=None, kw_only=True, validator=_check_optional_text)
    url: str | None = attrs.field(default=None, kw_only=True, validator=_check_url)
