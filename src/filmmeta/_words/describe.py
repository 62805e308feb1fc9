"""Page text: the fact box and the sentences that a film page generates from facts.

Each function works with whatever facts a film has. When a fact is missing its words
are left out (never "None", never an empty list); :func:`reception` and
:func:`where_to_watch` return ``""`` when the film has no ratings or no offers, so a page
can skip them. Each takes ``locale=``: English needs nothing more, other languages the
``i18n`` extra (Babel); the templates are the gettext catalogs in ``filmmeta/locale``.
"""

from __future__ import annotations

from filmmeta._l10n import Lang, _, date_words, join, lang, n_
from filmmeta._l10n import language_name as localized_language
from filmmeta._model import Film, Rating, format_runtime, language_name
from filmmeta._words.common import (
    join_words,
    kind_phrase,
    rating_shown,
    shown_rating,
    title_in,
)
from filmmeta._words.watch import where_to_watch

__all__ = ["describe", "fact_sheet", "join_words", "where_to_watch"]


def _date(language: Lang, film: Film, country: str) -> str | None:
    # The country's own (earliest) release where the film's releases know one: a German
    # page dates the film by its German release, not by its premiere elsewhere.
    release = film.release_for(country)
    date = film.release_date if release is None else release.date
    if date is None:
        return None
    return date_words(language, date.year, date.month, date.day)


def _rating_label(language: Lang, rating: Rating) -> str:
    if rating.source == "imdb":
        # TRANSLATORS: the seed page's English label; IMDb itself writes "IMDb".
        return _(language, "IMDB Rating")
    if rating.source == "metacritic":
        return _(language, "Metascore")
    return rating.display_name


def fact_sheet(film: Film, *, country: str | None = None, locale: str = "en-US") -> dict[str, str]:
    """The fact box of a film page, in page order.

    Rows: Release Date (the earliest release in *country* where the film's
    :attr:`~Film.releases` know one, else the film's own release date), the content
    rating for *country* (labelled by its system:
    "MPAA Rating" for the MPA, as pages write it, "BBFC Rating", "FSK Rating", ...),
    Runtime, Language (English names), IMDB Rating, Metascore, then the other ratings.
    A row whose fact is unknown is left out. In other languages the labels come from the
    catalog, the values are written the CLDR way ("5,7 (347)", "Englisch") and the
    content rating is shown as its country shows it ("FSK 12").

    Args:
        film: The film.
        country: Whose release date and content rating to show; by default the
            locale's country (the United States for ``en-US``, Germany for ``de-DE``).
        locale: The language to write it in ("en-US", "de-DE", ...).

    Returns:
        ``{label: value}`` in page order.

    Raises:
        ImportError: A language other than English without the ``i18n`` extra.

    Examples:
        >>> film = Film(
        ...     "Backstage",
        ...     release_date="2000",
        ...     runtime=86,
        ...     languages=["en"],
        ...     content_ratings=[ContentRating("R", country="US")],
        ...     ratings=[Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)],
        ... )
        >>> for label, value in fact_sheet(film).items():
        ...     print(f"{label}: {value}")
        Release Date: 2000
        MPAA Rating: R
        Runtime: 1 hr 26 min
        Language: English
        IMDB Rating: 5.7 (347)
        Metascore: 29
        >>> fact_sheet(film, locale="de-DE")["Laufzeit"]
        '1 Std. 26 Min.'
        >>> amelie = Film(
        ...     "Amélie",
        ...     release_date="2001-04-25",
        ...     releases=[Release("2001-08-16", country="DE"), Release("2001-11-02", country="US")],
        ... )
        >>> fact_sheet(amelie)["Release Date"], fact_sheet(amelie, country="FR")["Release Date"]
        ('November 2, 2001', 'April 25, 2001')
        >>> fact_sheet(amelie, locale="de-DE")["Veröffentlichung"]
        '16. August 2001'

    .. versionchanged:: 0.2.0 The *locale* argument; *country* defaults to the locale's
       and picks the country's release date.
    """
    language = lang(locale)
    country = language.country if country is None else country
    sheet: dict[str, str] = {}
    if (date := _date(language, film, country)) is not None:
        sheet[_(language, "Release Date")] = date
    content_rating = film.content_rating(country)
    if content_rating is not None:
        # English keeps the system's label beside the bare code ("MPAA Rating: R"); other
        # languages name the system in the value ("Altersfreigabe: FSK 12").
        if language.english:
            sheet[content_rating.label] = content_rating.code
        else:
            sheet[_(language, "Content Rating")] = shown_rating(content_rating)
    if film.runtime is not None:
        sheet[_(language, "Runtime")] = format_runtime(film.runtime, locale=language.tag)
    if film.languages:
        label = n_(language, "Language", "Languages", len(film.languages))
        names = [localized_language(language, tag, language_name(tag)) for tag in film.languages]
        sheet[label] = ", ".join(names) if language.english else join(language, names)
    order = {"imdb": 0, "metacritic": 1}
    for rating in sorted(film.ratings, key=lambda r: order.get(r.source, 2)):
        sheet[_rating_label(language, rating)] = rating_shown(language, rating)
    return sheet


def describe(film: Film, *, locale: str = "en-US") -> str:
    """One sentence saying what the film is: year, kind and runtime.

    Args:
        film: The film.
        locale: The language to write it in ("en-US", "fr-FR", ...).

    Returns:
        "<title> is a <year> <kind> with a runtime of <long runtime>.", leaving out
        the year and the runtime when they are unknown ("Heat is a movie.").

    Raises:
        ImportError: A language other than English without the ``i18n`` extra.

    Examples:
        >>> describe(Film("Backstage", kind="tv_movie", release_date="2000", runtime=86))
        'Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes.'
        >>> describe(Film("Heat"))
        'Heat is a movie.'
        >>> describe(Film("Backstage", kind="tv_movie", release_date="2000"), locale="fr-FR")
        'Backstage est un téléfilm de 2000.'

    .. versionchanged:: 0.2.0 The *locale* argument.
    """
    language = lang(locale)
    title = title_in(language, film)
    what = kind_phrase(language, film)
    if film.runtime is None:
        # TRANSLATORS: {what} is a kind phrase with its article ("a 2000 tv movie").
        return _(language, "{title} is {what}.").format(title=title, what=what)
    runtime = format_runtime(film.runtime, "long", locale=language.tag)
    return _(language, "{title} is {what} with a runtime of {runtime}.").format(
        title=title, what=what, runtime=runtime
    )
