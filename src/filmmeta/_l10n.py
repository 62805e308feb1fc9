"""Locales: which language a page is written in, its message catalogs and CLDR formats.

This module sits at the bottom of the package beside :mod:`filmmeta.exceptions`: it
imports nothing else from filmmeta, so the model (:func:`~filmmeta.format_runtime`) and the
words layer can both use it. English (``en-US``, ``en-GB``, any ``en-*``) needs nothing
beyond the standard library; every other language needs Babel (the ``i18n`` extra) for
CLDR's numbers, lists, units, dates and names, and is imported only when asked for.

The sentence templates are gettext catalogs in ``filmmeta/locale/<lang>/LC_MESSAGES``
(see ``scripts/update_catalogs.py``). Templates are marked with the functions below, whose
first argument is the :class:`Lang`: ``_(lang, "msg")``, ``n_(lang, "one", "many", n)`` and
``p_(lang, "context", "msg")``; ``N_("msg")`` and ``NP_("context", "msg")`` mark a message
in a table. ``scripts/update_catalogs.py`` extracts them with Babel.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from filmmeta.exceptions import FilmmetaWarning

if TYPE_CHECKING:
    import gettext

    from babel import Locale

__all__ = [
    "DEFAULT_COUNTRY",
    "NP_",
    "N_",
    "SUPPORTED",
    "Lang",
    "_",
    "country_name",
    "date_words",
    "day_words",
    "items",
    "join",
    "lang",
    "language_name",
    "month_day",
    "n_",
    "number",
    "p_",
    "runtime_words",
    "sentences",
]

#: The locales whose pages are written and reviewed; others fall back along CLDR's chain
#: to their language (``fr-CA`` -> ``fr``), then to English.
SUPPORTED = ("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", "ja-JP")
#: Each language's country, for a locale that names none ("de" -> Germany's ratings).
DEFAULT_COUNTRY = {
    "en": "US",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pt": "BR",
    "ja": "JP",
}
_EXTRA = "i18n"
_TAG_RE = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Languages written without a space between a numeral and its counter (Japanese
# typography, JIS X 4051: "1時間26分"), where CLDR's short unit pattern has one ("1 時間").
_TIGHT = frozenset({"ja"})
_SPACES = "[ \u00a0\u202f]"
# The first of the month as an ordinal, where a language writes it so and CLDR writes "1":
# French "1er janvier" (Lexique de l'Imprimerie nationale), Italian "1º gennaio" (primo),
# Brazilian Portuguese "1º de janeiro" (Manual de Redação da Presidência da República).
_FIRST_OF_MONTH = {"fr": "1er", "it": "1º", "pt": "1º"}


class Lang:
    """A resolved locale: the language of the catalog and the CLDR locale of the formats.

    Attributes:
        tag: The locale as given, normalised ("de-DE", "fr-CA"; "en-US" after a fallback).
        language: The catalog's language ("de", "fr"; "en" for English).
        region: The locale's region, or None ("DE").
        country: The country whose content ratings and releases a page shows by default.
        cldr: The Babel locale for the formats, or None for English.
        catalog: The gettext translations (an empty one for American English).
    """

    __slots__ = ("catalog", "cldr", "country", "language", "region", "tag")

    def __init__(self, tag: str, language: str, region: str | None, cldr: Locale | None) -> None:
        self.tag = tag
        self.language = language
        self.region = region
        self.country = region or DEFAULT_COUNTRY[language]
        self.cldr = cldr
        self.catalog = _catalog(language, region)

    @property
    def english(self) -> bool:
        """Whether the page is in English (written without Babel)."""
        return self.cldr is None

    def __repr__(self) -> str:
        return f"Lang({self.tag!r})"


def _babel() -> Any:
    try:
        import babel
        import babel.dates
        import babel.lists
        import babel.numbers
        import babel.units
    except ImportError as error:
        msg = f"pages in languages other than English need Babel: pip install 'filmmeta[{_EXTRA}]'"
        raise ImportError(msg, name="babel") from error
    return babel


@functools.cache
def _catalog(language: str, region: str | None) -> gettext.NullTranslations:
    # Imported with the first page written, not with filmmeta.
    import gettext

    # British English has its own small catalog ("favourable"); other English is the
    # msgids themselves.
    name = "en_GB" if (language, region) == ("en", "GB") else language
    parts = ("locale", name, "LC_MESSAGES", "filmmeta.mo")
    try:
        # Beside this module, in any ordinary install: importlib.resources would add some
        # 7 ms of imports (pathlib, tempfile, shutil) to `import filmmeta` or to the
        # first page.
        with open(os.path.join(os.path.dirname(__file__), *parts), "rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()
    except NotADirectoryError:  # pragma: no cover - a zipped package (zipapp, PEX)
        from importlib import resources

        path = resources.files("filmmeta").joinpath(*parts)
        if not path.is_file():
            return gettext.NullTranslations()
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)


@functools.cache
def _resolve(locale: str) -> tuple[Lang, bool]:
    """The locale's :class:`Lang`, and whether it fell back to English."""
    match = _TAG_RE.fullmatch(locale.strip())
    language = match.group(1).lower() if match else ""
    region = match.group(3).upper() if match and match.group(3) else None
    if language == "en":
        return Lang(f"en-{region or 'US'}", "en", region, None), False
    if match is None or language not in DEFAULT_COUNTRY:
        return Lang("en-US", "en", None, None), True
    babel = _babel()
    # CLDR's fallback chain: fr-CA has its own formats in CLDR; a region CLDR does not
    # know for the language (de-XX) uses the language's formats.
    try:
        cldr = babel.Locale(language, region)
    except (babel.UnknownLocaleError, ValueError):
        cldr = babel.Locale(language)
        region = None
    tag = f"{language}-{region}" if region else language
    return Lang(tag, language, region, cldr), False


def lang(locale: object) -> Lang:
    """Resolve a locale tag ("de-DE", "de_DE", "fr-CA", "ja") to a :class:`Lang`.

    Raises:
        ImportError: A language other than English without Babel installed.
        TypeError: *locale* is not a string.
    """
    if not isinstance(locale, str):
        msg = f"locale must be a string such as 'de-DE', not {type(locale).__name__}"
        raise TypeError(msg)
    resolved, fell_back = _resolve(locale)
    if fell_back:
        warnings.warn(
            f"locale {locale!r} is not supported; the text is written in English "
            f"(supported: {', '.join(SUPPORTED)} and other regions of their languages)",
            FilmmetaWarning,
            stacklevel=3,
        )
    return resolved


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a marker
    """Mark *message* for extraction where it is written; it is translated where used."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - gettext's style
    """Mark *message* in *context* for extraction; translate the pair with :func:`p_`."""
    return context, message


def _(lang: Lang, message: str) -> str:
    """Translate *message* (marked for extraction)."""
    return lang.catalog.gettext(message)


def n_(lang: Lang, singular: str, plural: str, n: int) -> str:
    """Translate a message with plural forms, chosen by *n* in the language's rule."""
    return lang.catalog.ngettext(singular, plural, n)


def p_(lang: Lang, context: str, message: str) -> str:
    """Translate *message* in *context* (a film kind, so that gender can follow it)."""
    return lang.catalog.pgettext(context, message)


def sentences(lang: Lang, parts: Sequence[str]) -> str:
    """Sentences one after another: a space between them, none in Japanese."""
    return ("" if lang.language in _TIGHT else " ").join(part for part in parts if part)


def items(lang: Lang, words: Sequence[str]) -> str:
    """Words of a list without a conjunction: "Rent, Buy"; "レンタル、購入"."""
    return ("、" if lang.language in _TIGHT else ", ").join(words)


def number(lang: Lang, value: float, *, group: bool = True) -> str:
    """A number as the locale writes it: "5.7", "5,7"; "1,266,466", "1.266.466"."""
    if lang.cldr is None:
        text = f"{value:,}" if group else str(value)
        return text.removesuffix(".0")
    numbers = _babel().numbers
    return str(numbers.format_decimal(value, locale=lang.cldr, group_separator=group))


def percent(lang: Lang, value: float) -> str:
    """A percent as the locale writes it: "93%", "93 %" (German, French)."""
    if lang.cldr is None:
        return f"{number(lang, value)}%"
    pattern = lang.cldr.percent_formats[None].pattern.replace("#,##0", "#,##0.###")
    return str(_babel().numbers.format_percent(value / 100, pattern, locale=lang.cldr))


def join(lang: Lang, words: Sequence[str], conjunction: str = "and") -> str:
    """Join words as the locale lists them ("A, B und C"; "A、B、C"); *conjunction* and/or.

    English is written without the serial comma (the seed page's "Amazon, Google Play and
    Vudu"); other languages follow CLDR's ``standard`` and ``or`` list patterns.
    """
    if lang.cldr is None or len(words) <= 1:
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
    style = "or" if conjunction == "or" else "standard"
    text = str(_babel().lists.format_list(list(words), style=style, locale=lang.cldr))
    if lang.language == "es":
        # The RAE's rule, which CLDR's patterns leave out: "y" is "e" before a word
        # starting with the sound /i/ ("Apple TV e iTunes", not before "hie": "y hielo"),
        # and "o" is "u" before the sound /o/ ("Vudu u Orange").
        last = words[-1].lower()
        if style == "standard" and re.match(r"h?i(?!e)", last):
            text = text[: -len(words[-1]) - 2] + "e " + words[-1]
        elif style == "or" and re.match(r"h?o", last):
            text = text[: -len(words[-1]) - 2] + "u " + words[-1]
    return text


def _unit(lang: Lang, value: int, unit: str, length: str) -> str:
    text = str(_babel().units.format_unit(value, unit, length=length, locale=lang.cldr))
    if lang.language in _TIGHT:
        text = re.sub(_SPACES, "", text)
    return text


def runtime_words(minutes: int, style: str, lang: Lang) -> str:
    """Hours and minutes in a language other than English, in a style of format_runtime.

    The unit words are CLDR's short ("1 Std.", "26 Min.") or long ("1 Stunde") unit
    patterns, chosen by CLDR's plural rules; the two are joined by the catalog's pattern
    ("{hours} {minutes}", as a clock-style runtime reads, or "{hours} und {minutes}").
    """
    length = {"long": "long", "compact": "narrow"}.get(style, "short")
    if style == "minutes":
        return _unit(lang, minutes, "duration-minute", length)
    hours, minutes = divmod(minutes, 60)
    mins = _unit(lang, minutes, "duration-minute", length)
    if not hours:
        return mins
    hrs = _unit(lang, hours, "duration-hour", length)
    if not minutes:
        return hrs
    # TRANSLATORS: a long runtime, "1 hour and 26 minutes"; a short one, "1 hr 26 min".
    long_form, short_form = _(lang, "{hours} and {minutes}"), _(lang, "{hours} {minutes}")
    template = long_form if style == "long" else short_form
    return template.format(hours=hrs, minutes=mins)


def date_words(lang: Lang, year: int, month: int | None = None, day: int | None = None) -> str:
    """A date as precise as known: "2000", "November 2000", "November 7, 2000".

    English is written without Babel (American "November 7, 2000", British "7 November
    2000"); other languages use CLDR's ``y``, ``yMMMM`` skeletons and ``long`` date format.
    """
    if lang.cldr is None:
        if month is None:
            return str(year)
        name = _MONTHS[month - 1]
        if day is None:
            return f"{name} {year}"
        return f"{day} {name} {year}" if lang.region == "GB" else f"{name} {day}, {year}"
    dates = _babel().dates
    if month is None:
        return str(dates.format_skeleton("y", dt.date(year, 1, 1), locale=lang.cldr))
    if day is None:
        return str(dates.format_skeleton("yMMMM", dt.date(year, month, 1), locale=lang.cldr))
    text = str(dates.format_date(dt.date(year, month, day), "long", locale=lang.cldr))
    return _first_of_month(lang, text, day)


def _first_of_month(lang: Lang, text: str, day: int) -> str:
    first = _FIRST_OF_MONTH.get(lang.language)
    # Portuguese's ordinal is Brazil's rule; Portugal writes "1 de janeiro".
    if first is None or day != 1 or (lang.language == "pt" and lang.country != "BR"):
        return text
    return first + text.removeprefix("1")


def month_day(lang: Lang, date: dt.date) -> str:
    """A day of the year without its year: "January 31", "31 January", "31. Januar"."""
    if lang.cldr is None:
        name = _MONTHS[date.month - 1]
        return f"{date.day} {name}" if lang.region == "GB" else f"{name} {date.day}"
    text = str(_babel().dates.format_skeleton("MMMMd", date, locale=lang.cldr))
    return _first_of_month(lang, text, date.day)


def day_words(lang: Lang, date: dt.date, this_year: int) -> str:
    """A day, with its year only when that is not *this_year*: "January 31", "May 2, 2028".

    CLDR's ``MMMMd`` skeleton for a day of this year ("31. Januar", "1月31日") and its
    ``long`` date format for another ("31. Januar 2028", "2028年1月31日").
    """
    if date.year == this_year:
        return month_day(lang, date)
    return date_words(lang, date.year, date.month, date.day)


def language_name(lang: Lang, tag: str, english: str) -> str:
    """The name of a language tag in the locale's language; *english* is its English name.

    CLDR's display names ("Englisch", "Portugiesisch (Brasilien)"); a tag that CLDR does
    not know keeps its English name.
    """
    if lang.cldr is None:
        return english
    babel = _babel()
    try:
        name = babel.Locale.parse(tag, sep="-").get_display_name(lang.cldr)
    except (ValueError, babel.UnknownLocaleError):
        name = lang.cldr.languages.get(tag.split("-", maxsplit=1)[0].lower())
    return str(name) if name else english


def country_name(lang: Lang, code: str, english: str) -> str:
    """The name of a region code in the locale's language ("Vereinigte Staaten")."""
    if lang.cldr is None:
        return english
    return str(lang.cldr.territories.get(code, english))
