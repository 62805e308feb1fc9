"""Offers that end soon ("leaving soon"), and the sentence that says so."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from filmmeta._l10n import Lang, _, day_words, join, n_
from filmmeta._model import Film, Offer, provider_name, shown_typed, to_day
from filmmeta.exceptions import ValidationError

__all__ = ["available_offers", "leaving_offers", "leaving_soon", "leaving_words", "window"]

_DAY = dt.timedelta(days=1)
# Italian elides the article before a number spoken with a vowel: "l'8 marzo" (otto),
# "l'11 marzo" (undici); "il 1º marzo" (primo) keeps it.
_IT_ELISION = re.compile(r"^il (?=(?:8|11)\b)")


def window(on: dt.date | str | None, within: dt.timedelta) -> tuple[dt.date, dt.date]:
    """The first and last day of a leaving-soon window, the arguments checked.

    Raises:
        TypeError: *within* is not a :class:`~datetime.timedelta`.
        ValidationError: *on* is not a day (a datetime, text that is not YYYY-MM-DD),
            or *within* is negative or not a whole number of days.
    """
    # A day given as text reads as Offer's dates do; a datetime is refused, not cut.
    first = dt.date.today() if on is None else to_day(on, "on")
    assert first is not None  # to_day keeps None only for None
    if not isinstance(within, dt.timedelta):
        # A bug in the calling code, not bad data: a TypeError (docs/guarantees.md).
        raise TypeError(
            "within must be a datetime.timedelta such as timedelta(days=30), "
            f"not {shown_typed(within)}"
        )
    if within < dt.timedelta(0):
        raise ValidationError.at("within", f"{within} is negative")
    if within % _DAY:
        raise ValidationError.at("within", f"{within} is not a whole number of days")
    try:
        last = first + within
    except OverflowError:
        last = dt.date.max  # a window past the year 9999 ends with the calendar
    return first, last


def leaving_soon(
    film: Film, *, on: dt.date | str | None = None, within: dt.timedelta = dt.timedelta(days=30)
) -> tuple[Offer, ...]:
    """The film's offers that end soon: available on *on*, their last day within *within*.

    An offer's last day is its :attr:`~filmmeta.Offer.available_until`; an offer without
    one never ends, one that ended before *on* or starts after it is not leaving. The
    window counts whole days and includes both ends: with the default 30 days, an offer
    whose last day is today or the 30th day from now is leaving soon.

    Args:
        film: The film.
        on: The day to look from (a :class:`~datetime.date` or its ISO text,
            "2027-01-15"); today by default.
        within: How far ahead to look, in whole days.

    Returns:
        The offers, the soonest to end first (offers that end on the same day in the
        film's order); ``()`` when none ends soon.

    Raises:
        TypeError: *film* is not a :class:`~filmmeta.Film`, or *within* is not a
            :class:`~datetime.timedelta`.
        ValidationError: *on* is not a day (a datetime, "15/01/2027"), or *within* is
            negative or not a whole number of days.

    Examples:
        >>> film = Film(
        ...     "Backstage",
        ...     offers=[
        ...         Offer("Netflix", "subscription", region="US", available_until="2027-01-31"),
        ...         Offer("Vudu", "buy", region="US"),
        ...     ],
        ... )
        >>> [offer.provider for offer in leaving_soon(film, on=dt.date(2027, 1, 15))]
        ['Netflix']
        >>> leaving_soon(film, on="2027-01-15", within=dt.timedelta(days=7))
        ()
        >>> leaving_soon(film, within=dt.timedelta(hours=12))
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: within: 12:00:00 is not a whole number of days

    .. versionadded:: 0.2.0
    """
    if not isinstance(film, Film):
        raise TypeError(f"leaving_soon() takes a Film, not {shown_typed(film)}")
    first, last = window(on, within)
    return leaving_offers(film.offers, first, last)


def available_offers(offers: Sequence[Offer], day: dt.date) -> tuple[Offer, ...]:
    """The offers available on *day*: not ended before it, not starting after it."""
    return tuple(
        offer
        for offer in offers
        if (offer.available_from is None or offer.available_from <= day)
        and (offer.available_until is None or day <= offer.available_until)
    )


def leaving_offers(offers: Sequence[Offer], first: dt.date, last: dt.date) -> tuple[Offer, ...]:
    """The offers available on *first* whose last day is from *first* to *last*."""
    found = [
        offer
        for offer in offers
        if offer.available_until is not None
        and first <= offer.available_until <= last
        and (offer.available_from is None or offer.available_from <= first)
    ]
    # sorted() is stable: offers ending on one day keep the film's order.
    return tuple(sorted(found, key=lambda offer: offer.available_until or first))


def leaving_words(language: Lang, title: str, offers: Sequence[Offer], on: dt.date) -> str:
    """The sentence on the offers that end soon ("Backstage is leaving Netflix on ...").

    Providers that leave on one day share a clause ("Netflix and Hulu on January 31"),
    each named once as :func:`~filmmeta.provider_name` names it; a day shows its year
    when that is not the year of *on*. ``""`` without offers.
    """
    by_day: dict[dt.date, list[str]] = {}
    for offer in offers:
        assert offer.available_until is not None  # leaving_soon's offers end
        names = by_day.setdefault(offer.available_until, [])
        name = provider_name(offer.provider, region=offer.region)
        if name not in names:
            names.append(name)
    places = []
    for day, names in by_day.items():
        # TRANSLATORS: the day an offer ends, with its preposition: "on January 31"; the
        # date has its year when it is not this year's ("on January 31, 2028").
        when = _(language, "on {date}").format(date=day_words(language, day, on.year))
        if language.language == "it":
            when = _IT_ELISION.sub("l\u2019", when)
        # TRANSLATORS: where and when the film leaves: {providers} "Netflix" or "Netflix
        # and Hulu" (plural by their number), {when} "on January 31".
        place = n_(language, "{providers} {when}", "{providers} {when}", len(names))
        places.append(place.format(providers=join(language, names), when=when))
    if not places:
        return ""
    days = list(by_day)
    if len(days) > 1 and days[-2].year != on.year and language.english and language.region != "GB":
        # American style sets off the year of "January 31, 2028" with a comma when the
        # sentence goes on (The Chicago Manual of Style): "... 2028, and Vudu on ...".
        places[-2] += ","
    # TRANSLATORS: {places} "Netflix on January 31 and Hulu on February 3".
    template = _(language, "{title} is leaving {places}.")
    return template.format(title=title, places=join(language, places))
