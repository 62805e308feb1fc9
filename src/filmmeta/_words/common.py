"""Pieces the page's sentences share: lists, articles, ratings and names in a locale."""

from __future__ import annotations

from collections.abc import Sequence

from filmmeta._l10n import N_, Lang, _, number, percent
from filmmeta._model import SOURCES, ContentRating, Film, FilmKind, Rating, RatingKind, country_name

__all__ = [
    "KIND_PHRASES",
    "article",
    "join_words",
    "kind_phrase",
    "kind_phrases",
    "rating_shown",
    "rating_value",
    "region_words",
    "shown_rating",
    "title_in",
]

# Each kind's phrases, the messages to translate: what the film is, with the article a
# language needs, without and with its year ("un téléfilm de 2000", "ein Fernsehfilm aus
# dem Jahr 2000"; English's "a" becomes "an" by sound in article()), and what one buys
# ("purchase the movie", as the seed page says it of Backstage's tv movie). The first two
# are made of FilmKind.words, which tests/test_describe.py checks; a kind missing here (a
# new one) gets phrases made of its words, in English until a catalog translates them.
KIND_PHRASES: dict[FilmKind, tuple[str, str, str]] = {
    FilmKind.MOVIE: (N_("a movie"), N_("a {year} movie"), N_("the movie")),
    FilmKind.TV_MOVIE: (N_("a tv movie"), N_("a {year} tv movie"), N_("the movie")),
    FilmKind.SHORT: (N_("a short film"), N_("a {year} short film"), N_("the short film")),
    FilmKind.VIDEO: (N_("a video"), N_("a {year} video"), N_("the video")),
    FilmKind.TV_SPECIAL: (N_("a tv special"), N_("a {year} tv special"), N_("the special")),
}
# Country names that read with "the": "in the United States".
_THE = ("United ", "Netherlands", "Philippines", "Czech Republic", "Dominican Republic")
# How a country's own pages show a rating: the code alone for the MPA ("R", as the seed
# page does), with the system's name where the code alone is a bare number ("FSK 12",
# "BBFC 15"); Brazil's ClassInd goes by its Portuguese name.
_RATING_FORMS = {"MPA": "{code}", "US TV": "{code}", "ClassInd": "Classificação indicativa {code}"}


def join_words(words: Sequence[str], conjunction: str = "and") -> str:
    """Join words as a sentence lists them: "A", "A and B", "A, B and C".

    Examples:
        >>> join_words(["Apple TV", "Amazon", "Google Play", "Vudu"])
        'Apple TV, Amazon, Google Play and Vudu'
        >>> join_words(["rent", "buy"], "or"), join_words(["Vudu"]), join_words([])
        ('rent or buy', 'Vudu', '')
    """
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def article(word: str) -> str:
    """'a' or 'an' by the sound of *word*: an IMDb, a Metascore, an 1800s film."""
    first = word[:1].lower()
    if first.isdigit():
        # Spoken numbers: "an 8", "an 11", "an 18", "an 800", "an 1100", "an 1800".
        digits = word.split(maxsplit=1)[0]
        vowel_sound = first == "8" or (len(digits) in (2, 4) and digits[:2] in ("11", "18"))
        return "an" if vowel_sound else "a"
    return "an" if first in "aeio" else "a"


def english_article(lang: Lang, phrase: str) -> str:
    """In English, make a phrase's leading "a" agree with the next word's sound."""
    if lang.english and phrase.startswith("a "):
        rest = phrase[2:]
        return f"{article(rest)} {rest}"
    return phrase


def kind_phrase(lang: Lang, film: Film) -> str:
    """What the film is, with its article: "a 2000 tv movie", "un téléfilm de 2000"."""
    bare, dated, _bought = kind_phrases(film.kind)
    if film.year is None:
        return english_article(lang, _(lang, bare))
    return english_article(lang, _(lang, dated).format(year=film.year))


def kind_phrases(kind: FilmKind) -> tuple[str, str, str]:
    """The messages naming *kind*: "a short film", "a {year} short film", "the short film"."""
    found = KIND_PHRASES.get(kind)
    if found is None:
        return (f"a {kind.words}", f"a {{year}} {kind.words}", f"the {kind.words}")
    return found


def title_in(lang: Lang, film: Film) -> str:
    """The film's title for the locale's region and language (:meth:`Film.title_for`).

    A locale without a region ("ja") uses its language's country; a film without a title
    for either keeps :attr:`Film.title`.
    """
    return film.title_for(lang.country, lang.language)


def rating_value(lang: Lang, rating: Rating) -> str:
    """A rating's value without its votes, as the locale writes numbers: "5,7", "93 %"."""
    if lang.english:
        return rating.display.split(" (")[0]
    known = SOURCES.get(rating.source)
    if known is not None and known.percent_sign:
        return percent(lang, rating.value)
    text = number(lang, rating.value)
    if known is None or known.out_of:
        text += f"/{number(lang, rating.best)}"
    return text


def rating_shown(lang: Lang, rating: Rating) -> str:
    """A rating as pages show it, votes in parentheses: "5.7 (347)", "8,5 (1.266.466)"."""
    if lang.english:
        return rating.display
    text = rating_value(lang, rating)
    if rating.votes is not None and rating.kind is RatingKind.AUDIENCE:
        text += f" ({number(lang, rating.votes)})"
    return text


def shown_rating(rating: ContentRating) -> str:
    """A content rating as its country's pages show it: "R", "FSK 12", "BBFC 15"."""
    system = rating.system
    if system is None:
        return rating.code
    return _RATING_FORMS.get(system, "{system} {code}").format(system=system, code=rating.code)


def region_words(lang: Lang, region: str) -> str:
    """A country's name in the locale, with "the" where English needs it."""
    english = country_name(region)
    if lang.english:
        return f"the {english}" if english.startswith(_THE) else english
    from filmmeta._l10n import country_name as localized

    return localized(lang, region, english)
