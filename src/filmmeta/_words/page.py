"""The film page: the seed page's parts in its order, as text, Markdown or HTML.

The parts are the title heading, the header line of facts, the summary, the generated
sentences, the "Where to Watch" section and the fact box (see docs/page.md for which
parts are generated and which are data); :mod:`filmmeta._words.parts` gathers them in
one locale, and the three formats only lay them out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from filmmeta._model import Film
from filmmeta._words.page_html import page_html
from filmmeta._words.parts import PageParts, page_parts

__all__ = ["PageFormat", "page"]

PageFormat = Literal["text", "markdown", "html"]
# What Markdown would read as markup in a piece of data: escaped with a backslash, which
# CommonMark allows before any ASCII punctuation.
_MARKDOWN_RE = re.compile(r"([\\`*_\[\]<>#|~&!])")


def _text(parts: PageParts) -> str:
    blocks = [parts.heading, " • ".join(parts.header), parts.summary, parts.sentences]
    if parts.watch:
        blocks += [parts.watch_heading, parts.watch]
    blocks.append("\n".join(f"{label}\n  {value}" for label, value in parts.facts))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _md(text: str) -> str:
    return _MARKDOWN_RE.sub(r"\\\1", text)


def _markdown(parts: PageParts) -> str:
    blocks = [f"# {_md(parts.heading)}", _md(" • ".join(parts.header))]
    if parts.summary:
        # Paragraphs of the summary stay paragraphs; a line break inside one is a space.
        blocks += [_md(" ".join(p.split())) for p in re.split(r"\n\s*\n", parts.summary)]
    blocks.append(_md(parts.sentences))
    if parts.watch:
        blocks += [f"## {_md(parts.watch_heading)}", _md(parts.watch)]
    blocks.append("\n".join(f"- **{_md(label)}:** {_md(value)}" for label, value in parts.facts))
    return "\n\n".join(block for block in blocks if block) + "\n"


def page(
    film: Film,
    *,
    locale: str = "en-US",
    country: str | None = None,
    format: PageFormat = "text",
    on: dt.date | str | None = None,
    within: dt.timedelta = dt.timedelta(days=30),
) -> str:
    """Write a film's where-to-watch page, as the seed page lays it out.

    The parts, in order: the title heading ("Watch Backstage"); the header line of facts
    (content rating, year, runtime, IMDb rating with votes, Metascore); the summary; the
    generated sentences (:func:`describe`, :func:`reception`); the "Where to Watch"
    section, in the seed page's wording where the offers are rentals and purchases, with
    the offers that leave soon (:func:`leaving_soon`); and the fact box
    (:func:`fact_sheet`). A part whose facts are unknown is left out.

    Args:
        film: The film.
        locale: The language ("en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR",
            "ja-JP", "en-GB"; another region of these languages uses its language, any
            other locale English with a :class:`~filmmeta.FilmmetaWarning`).
        country: Whose content rating and release date to show; the locale's country by
            default.
        format: ``"text"``, ``"markdown"`` or ``"html"`` (an accessible fragment with the
            film's schema.org JSON-LD).
        on: The day the page is read on, for the offers that leave soon (a date or its
            ISO text); today by default.
        within: How far ahead an offer that ends is "leaving soon", in whole days.

    Returns:
        The page.

    Raises:
        ImportError: A language other than English without the ``i18n`` extra.
        ValueError: An unknown *format*.
        TypeError: *within* is not a :class:`~datetime.timedelta`.
        ValidationError: *on* is not a day, or *within* is negative or not whole days.

    Examples:
        >>> film = Film(
        ...     "Backstage",
        ...     kind="tv_movie",
        ...     release_date="2000",
        ...     runtime=86,
        ...     content_ratings=[ContentRating("R", country="US")],
        ...     ratings=[Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)],
        ... )
        >>> print(page(film))
        Watch Backstage
        <BLANKLINE>
        R • 2000 • 1 hr 26 min • 5.7 (347) • 29
        <BLANKLINE>
        Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes. It has received mostly poor reviews from critics and viewers, who have given it an IMDb score of 5.7 and a MetaScore of 29.
        <BLANKLINE>
        Release Date
          2000
        MPAA Rating
          R
        Runtime
          1 hr 26 min
        IMDB Rating
          5.7 (347)
        Metascore
          29
        <BLANKLINE>
        >>> print(page(film, locale="de-DE", format="markdown").splitlines()[0])
        # Backstage ansehen

    .. versionadded:: 0.2.0
    """  # noqa: E501
    if format not in ("text", "markdown", "html"):
        msg = f"unknown page format {format!r}; use text, markdown or html"
        raise ValueError(msg)
    parts = page_parts(film, locale=locale, country=country, on=on, within=within)
    if format == "text":
        return _text(parts)
    if format == "markdown":
        return _markdown(parts)
    return page_html(film, parts)
