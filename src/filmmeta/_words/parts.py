"""A film page's parts in one locale, gathered before a format lays them out."""

from __future__ import annotations

import datetime as dt

import attrs

from filmmeta._l10n import Lang, _, date_words, lang, sentences
from filmmeta._model import Film, format_runtime
from filmmeta._words.common import rating_shown, shown_rating, title_in
from filmmeta._words.describe import describe, fact_sheet
from filmmeta._words.reception import reception
from filmmeta._words.watch import offer_words, on_demand

__all__ = ["PageParts", "page_parts"]


@attrs.frozen
class PageParts:
    """A film page's parts in one locale, before they are laid out.

    Attributes:
        locale: The resolved locale ("en-US").
        title: The film's title in that locale.
        heading: The title heading ("Watch Backstage").
        header: The header line's facts: content rating, year, runtime, IMDb rating,
            Metascore, each where known.
        summary: The film's summary (data, as the source wrote it), or None.
        sentences: The generated sentences (what it is, how it was received).
        watch_heading: The heading of the where-to-watch section.
        watch: The where-to-watch sentences ("" without offers).
        offers: (provider, offer types) for the offers list of the HTML page.
        facts: The fact box, label to value.
    """

    locale: str
    title: str
    heading: str
    header: tuple[str, ...]
    summary: str | None
    sentences: str
    watch_heading: str
    watch: str
    offers: tuple[tuple[str, str], ...]
    facts: tuple[tuple[str, str], ...]


def _header(language: Lang, film: Film, country: str) -> tuple[str, ...]:
    items = []
    if (content_rating := film.content_rating(country)) is not None:
        items.append(shown_rating(content_rating))
    if film.year is not None:
        items.append(date_words(language, film.year))
    if film.runtime is not None:
        items.append(format_runtime(film.runtime, locale=language.tag))
    ratings = (film.rating(source) for source in ("imdb", "metacritic"))
    items += [rating_shown(language, rating) for rating in ratings if rating is not None]
    return tuple(items)


def page_parts(
    film: Film,
    *,
    locale: str = "en-US",
    country: str | None = None,
    on: dt.date | str | None = None,
    within: dt.timedelta = dt.timedelta(days=30),
) -> PageParts:
    """Gather a film page's parts in one locale (see :func:`page`)."""
    language = lang(locale)
    country = language.country if country is None else country
    title = title_in(language, film)
    tag = language.tag
    return PageParts(
        locale=tag,
        title=title,
        heading=_(language, "Watch {title}").format(title=title),
        header=_header(language, film, country),
        summary=film.summary,
        sentences=sentences(language, [describe(film, locale=tag), reception(film, locale=tag)]),
        watch_heading=_(language, "Where to Watch {title}").format(title=title),
        watch=on_demand(film, locale=tag, on=on, within=within),
        offers=tuple(offer_words(language, tuple(o for o in film.offers))),
        facts=tuple(fact_sheet(film, country=country, locale=tag).items()),
    )
