"""How a film shows itself in a notebook: an HTML fact card and IPython's pretty text.

:class:`~filmmeta.Film` hands ``_repr_html_`` and ``_repr_pretty_`` to these functions
(registered in :mod:`filmmeta._model.handlers` by this layer's ``__init__``).
Both are made of the page text of :mod:`filmmeta._words.describe`, so a notebook shows the
same words as the command line; every piece of data in the HTML is escaped.
"""

from __future__ import annotations

import html
from typing import Protocol

from filmmeta._model import (
    Award,
    AwardOutcome,
    Film,
    ImageKind,
    Money,
    Offer,
    Rating,
    VideoKind,
    format_runtime,
)
from filmmeta._words.describe import fact_sheet, where_to_watch

__all__ = [
    "film_html",
    "film_pretty",
    "film_text",
    "more_facts",
    "offer_pretty",
    "offer_text",
    "rating_pretty",
    "rating_text",
]

# Inline styles only: notebooks strip <style> elements from untrusted output.
_CARD = "font-family: sans-serif; max-width: 36em"
_LABEL = "text-align: left; padding-right: 1em; font-weight: normal; opacity: 0.7"


class PrettyPrinter(Protocol):
    """The part of :class:`IPython.lib.pretty.RepresentationPrinter` that is used."""

    def text(self, obj: str) -> None:
        """Write *obj* to the output."""


def _nested(p: PrettyPrinter) -> bool:
    # IPython's printer keeps the ids of the objects being printed: more than one means
    # this value is inside a list, a tuple or a dict.
    return len(getattr(p, "stack", ())) > 1


def _heading(film: Film) -> tuple[str, str]:
    """The title line, split into the title and the words after it: "(2000, tv movie)"."""
    details = [str(film.year)] if film.year is not None else []
    details.append(film.kind.words)
    return film.title, f"({', '.join(details)})"


def _money(money: Money) -> str:
    where = f" ({money.region})" if money.region else ""
    return f"{money.amount:,} {money.currency}{where}"


def _award(award: Award) -> str:
    said = "won" if award.outcome is AwardOutcome.WON else "nominated"
    words = f"{award.name}: {said}" + (f" {award.count}" if award.count > 1 else "")
    more = [part for part in (award.category, award.recipient) if part]
    if award.year is not None:
        more.append(str(award.year))
    return words + (f" ({', '.join(more)})" if more else "")


def more_facts(film: Film) -> dict[str, str]:
    """The model 2 facts a card shows after the fact sheet, each only when known.

    Examples:
        >>> from filmmeta import Money
        >>> more_facts(Film("Heat", budget=Money(60_000_000, "USD"), keywords=["heist"]))
        {'Budget': '60,000,000 USD', 'Keywords': 'heist'}
    """
    facts: dict[str, str] = {}
    if film.collection is not None:
        facts["Collection"] = film.collection.name
    if film.editions:
        facts["Editions"] = ", ".join(
            e.name + (f" ({format_runtime(e.runtime)})" if e.runtime is not None else "")
            for e in film.editions
        )
    if film.budget is not None:
        facts["Budget"] = _money(film.budget)
    if film.box_office:
        facts["Box Office"] = "; ".join(_money(m) for m in film.box_office)
    if film.awards:
        facts["Awards"] = "; ".join(_award(a) for a in film.awards)
    if film.keywords:
        # A long list of keywords would crowd the card out.
        facts["Keywords"] = ", ".join(film.keywords[:8]) + (
            ", ..." if len(film.keywords) > 8 else ""
        )
    return facts


def film_html(film: Film, *, country: str = "US") -> str:
    """Render a film as a compact HTML fact card.

    The card has the poster (the first image of kind poster), the title with year and
    kind, the original title and the tagline when there are, the fact box of
    :func:`~filmmeta.fact_sheet` (release date, content rating, runtime, languages, each
    rating as pages display it) followed by :func:`more_facts` (collection, editions,
    budget, box office, awards, keywords), the sentence of
    :func:`~filmmeta.where_to_watch` and a link to the first trailer.

    Args:
        film: The film.
        country: Whose content rating to show.

    Returns:
        An HTML fragment (a ``<div>``); every text from the film is HTML-escaped.

    Examples:
        >>> from filmmeta._words.html import film_html
        >>> print(film_html(Film("<b>Heat</b>", release_date="1995", runtime=170)))
        <div class="filmmeta-film" style="font-family: sans-serif; max-width: 36em">
        <strong>&lt;b&gt;Heat&lt;/b&gt;</strong> (1995, movie)
        <table>
        <tr><th style="..." scope="row">Release Date</th><td>1995</td></tr>
        <tr><th style="..." scope="row">Runtime</th><td>2 hr 50 min</td></tr>
        </table>
        </div>
    """
    esc = html.escape
    title, details = _heading(film)
    lines = [f'<div class="filmmeta-film" style="{_CARD}">']
    poster = next((i for i in film.images if i.kind is ImageKind.POSTER), None)
    if poster is not None:
        lines.append(
            f'<img src="{esc(poster.url)}" alt="" style="float: right; max-width: 8em; '
            'margin-left: 1em">'
        )
    lines.append(f"<strong>{esc(title)}</strong> {esc(details)}")
    if film.original_title is not None and film.original_title != film.title:
        lines.append(f"<br><em>{esc(film.original_title)}</em>")
    if film.tagline is not None:
        lines.append(f"<br><q>{esc(film.tagline)}</q>")
    sheet = fact_sheet(film, country=country) | more_facts(film)
    if sheet:
        lines.append("<table>")
        lines += [
            f'<tr><th style="{_LABEL}" scope="row">{esc(label)}</th><td>{esc(value)}</td></tr>'
            for label, value in sheet.items()
        ]
        lines.append("</table>")
    if watch := where_to_watch(film):
        lines.append(f"<p>{esc(watch)}</p>")
    trailer = next((v for v in film.videos if v.kind is VideoKind.TRAILER), None)
    if trailer is not None:
        lines.append(f'<p><a href="{esc(trailer.url)}">Trailer</a></p>')
    lines.append("</div>")
    return "\n".join(lines)


def film_text(film: Film, *, country: str = "US") -> str:
    """The fact sheet as plain text: the title line, then one aligned row per fact.

    Examples:
        >>> from filmmeta._words.html import film_text
        >>> print(film_text(Film("Backstage", kind="tv_movie", release_date="2000", runtime=86)))
        Backstage (2000, tv movie)
          Release Date  2000
          Runtime       1 hr 26 min
    """
    sheet = fact_sheet(film, country=country)
    width = max((len(label) for label in sheet), default=0)
    lines = [" ".join(_heading(film))]
    lines += [f"  {label:<{width}}  {value}" for label, value in sheet.items()]
    if watch := where_to_watch(film):
        lines.append(f"  {watch}")
    return "\n".join(lines)


def film_pretty(film: Film, p: PrettyPrinter, cycle: bool) -> None:  # noqa: FBT001
    """Write a film for IPython's pretty printer (the ``_repr_pretty_`` protocol).

    Args:
        film: The film.
        p: IPython's printer.
        cycle: True when the film is already being printed higher up (it never contains
            itself, but the protocol asks): then only ``Film(<title>)`` is written.

    Examples:
        >>> class Printer:
        ...     def text(self, obj):
        ...         print(obj)
        >>> from filmmeta._words.html import film_pretty
        >>> film_pretty(Film("Heat", release_date="1995"), Printer(), False)
        Heat (1995, movie)
          Release Date  1995
        >>> film_pretty(Film("Heat"), Printer(), True)
        Film('Heat')

    Inside a list (or any container IPython prints), a film takes one line, its title
    line, so that a list of films reads as a list.
    """
    if cycle:
        p.text(f"Film({film.title!r})")
    else:
        p.text(" ".join(_heading(film)) if _nested(p) else film_text(film))


def rating_text(rating: Rating) -> str:
    """A rating as a page shows it, after its source's name.

    Examples:
        >>> from filmmeta._words.html import rating_text
        >>> rating_text(Rating("imdb", 5.7, votes=347)), rating_text(Rating("rotten_tomatoes", 93))
        ('IMDb 5.7 (347)', 'Tomatometer 93%')
    """
    return f"{rating.display_name} {rating.display}"


def offer_text(offer: Offer) -> str:
    """An offer in a few words: provider, type, quality, price and region.

    Examples:
        >>> from filmmeta._words.html import offer_text
        >>> offer_text(
        ...     Offer("Apple TV", "rent", region="US", price="3.99", currency="USD", quality="hd")
        ... )
        'Apple TV: rent, HD, 3.99 USD (US)'
        >>> offer_text(Offer("Netflix", "subscription"))
        'Netflix: subscription'
    """
    parts = [f"{offer.provider}: {offer.type.value}"]
    if offer.quality is not None:
        parts.append(offer.quality.value.upper())
    if offer.price is not None:  # a price always comes with its currency
        parts.append(f"{offer.price} {offer.currency}")
    text = ", ".join(parts)
    return f"{text} ({offer.region})" if offer.region is not None else text


def rating_pretty(rating: Rating, p: PrettyPrinter, cycle: bool) -> None:  # noqa: FBT001
    """Write a rating for IPython's pretty printer: its :func:`rating_text`."""
    p.text(rating_text(rating))


def offer_pretty(offer: Offer, p: PrettyPrinter, cycle: bool) -> None:  # noqa: FBT001
    """Write an offer for IPython's pretty printer: its :func:`offer_text`."""
    p.text(offer_text(offer))
