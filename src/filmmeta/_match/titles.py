"""Title forms that a film person would call the same title.

Sources write one title many ways: MovieLens moves the article to the end and puts the
alternate title in parentheses ("American President, The", "Amelie (Fabuleux destin
d'Amélie Poulain, Le)"), others differ in accents, case, punctuation, "&" against "and",
roman against arabic numerals ("Rocky II", "Rocky 2") or in a subtitle after a colon.
:func:`title_key` folds those differences away; :func:`title_forms` lists every form a
title can be recognised by, each with a weight saying how strongly it names the film.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "FULL",
    "NUMBERED",
    "PART",
    "UNARTICLED",
    "UNNUMBERED",
    "title_forms",
    "title_key",
    "words_of",
]

#: The weight of a form that is the whole title (or a whole alternate title).
FULL = 1.0
#: The weight of a form that is only part of a title: the main title before a subtitle.
#: Alone it stays under the matching threshold ("Kung Fu Panda: Secrets of the Furious
#: Five" is not "Kung Fu Panda"); with an agreeing runtime or director it reaches it.
PART = 0.72
#: The weight of a title without its possessive credit: "William Shakespeare's Romeo +
#: Juliet" is released as "Romeo + Juliet" too.
CREDITED = 0.9
#: The weight of a main title that ends in its number ("Kickboxer 2: The Road Back"): the
#: number names the entry of the series, and sources often leave its subtitle off.
NUMBERED = 0.9
#: The weight of a title without its episode number: "Star Wars: Episode VIII - The Last
#: Jedi" is released as "Star Wars: The Last Jedi" too.
UNNUMBERED = 0.9
#: The weight of a form that differs from another only in word breaks ("Time Code").
JOINED = 0.95
#: The weight of a title without its leading article: "The Hero" and "Hero" agree, less
#: than "The Hero" and "Hero, The" do, which both write the article.
UNARTICLED = 0.98

# Articles as sources move them ("Matrix, The") and as titles begin with them. Both sides of
# a comparison drop them, so that "The Matrix", "Matrix, The" and "Matrix" agree.
_ARTICLE_WORDS = """
the a an le la les l' un une des der die das ein eine el los las il lo gli uno una
o os as um uma de het een
"""
_ARTICLES = frozenset(_ARTICLE_WORDS.split())
# A trailing article after a comma, as catalogs sort titles: "American President, The".
_TRAILING_ARTICLE = re.compile(
    r"^(?P<title>.+?),\s*(?P<article>the|a|an|les|le|la|l'|der|die|das|el|los|las|il|lo|"
    r"gli|i|o|os|as|de|het|een|ein|eine|un|une|uno|una)$",
    re.IGNORECASE,
)
# A parenthesised part: MovieLens's alternate titles ("(a.k.a. ...)", a foreign original).
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)\s*")
_AKA = re.compile(r"^(?:a\.?k\.?a\.?|also known as)\s+", re.IGNORECASE)
# A subtitle: after a colon, or after a spaced dash ("Yahsi Bati - The Ottoman Cowboys").
_SUBTITLE = re.compile(r"\s*(?::|\s[-\u2013\u2014]\s)\s*")
# A possessive credit before a title of two or more words.
_POSSESSIVE = re.compile(r"^(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*(?:'s|s'|')\s+(?=\S+\s+\S)")
_OR = re.compile(r",?\s+or$", re.IGNORECASE)
# A subtitle that says only that the film is a film: "CB4 - The Movie" is "CB4".
_THE_MOVIE = re.compile(
    r"\s*(?::|\s[-\u2013\u2014])\s*the\s+(?:movie|film|motion\s+picture)\b", re.IGNORECASE
)
# An episode number between a series title and the film's own: "Star Wars: Episode VIII -
# The Last Jedi" (the subtitle, after a dash or colon, is what the number introduces).
_EPISODE = re.compile(
    r"^episode\s+(?:\d+|[ivxlc]+)\s*(?::|[-\u2013\u2014])\s*(?P<title>\S.*)$", re.IGNORECASE
)
# Words that only announce a number: "Part III", "Vol. 2" ("Kill Bill: Volume 1").
_NUMBERED = frozenset({"part", "vol", "volume"})
_NUMBERS = {
    "dr": "doctor",
    "mr": "mister",
    "vs": "versus",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "vi": "6",
    "vii": "7",
    "viii": "8",
    "ix": "9",
    "xi": "11",
    "xii": "12",
    "xiii": "13",
}
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
# Letters that Unicode decomposition does not reduce to ASCII.
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th"})


@lru_cache(maxsize=65536)
def title_key(text: str) -> str:
    """Return the folded form of one title, as compared across sources.

    Accents and case are folded, punctuation dropped, "&" read as "and", a leading or
    (comma-)trailing article dropped, roman numerals from II upwards read as numbers,
    "Part" or "Vol." before a number dropped, and "Dr.", "Mr." and "vs." read as words.

    Args:
        text: A title as a source writes it.

    Returns:
        The words of the title, lowercase ASCII where the script allows, space-separated;
        empty when the title has no letters or digits.

    Examples:
        >>> title_key("American President, The")
        'american president'
        >>> title_key("The American President")
        'american president'
        >>> title_key("Rocky II") == title_key("Rocky 2")
        True
        >>> title_key("Kill Bill: Vol. 1") == title_key("Kill Bill: Volume 1")
        True
        >>> title_key("Amélie & Co.")
        'amelie and co'
    """
    return " ".join(_words(text)[1])


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, tuple[str, ...]]:
    """The title's article (a trailing one, or a leading one; else empty), and its words.

    Every folding of :func:`title_key` is done here, once per title text.
    """
    article = ""
    text = text.strip()
    trailing = _TRAILING_ARTICLE.match(text)
    if trailing is not None:
        text, article = trailing["title"], _fold(trailing["article"]).rstrip("'")
    words = [_NUMBERS.get(w, w) for w in _WORDS.findall(_fold(text).replace("'", "' "))]
    words = [
        w
        for i, w in enumerate(words)
        if not (w in _NUMBERED and i + 1 < len(words) and words[i + 1].isdigit())
    ]
    if not article and len(words) > 1 and _is_article(words[0]):
        article, words = words[0], words[1:]
    return article, tuple(words)


def words_of(key: str) -> int:
    """How many words a folded form has, a leading article not counted."""
    words = key.split()
    return len(words) - (len(words) > 1 and _is_article(words[0]))


def _is_article(word: str) -> bool:
    # "l'" splits to "l"; the apostrophe form is what the article table holds.
    return word in _ARTICLES or f"{word}'" in _ARTICLES


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("&", " and ").casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_FOLD)


def _spelled(text: str) -> str:
    """The folded title with its article in front, if it has one (else empty)."""
    article, words = _words(text)
    return " ".join((article, *words)) if article and words else ""


def title_forms(text: str) -> dict[str, float]:
    """Return every folded form by which *text* names a film, with the form's weight.

    The forms are the whole title, each alternate title in parentheses (MovieLens's
    "(a.k.a. ...)" and foreign originals), the title without them, the title without a
    subtitle that only says it is a film ("CB4 - The Movie"), and the main title before a
    subtitle (weighted :data:`PART`, a weaker sign than a whole title, or :data:`NUMBERED`
    when it ends in its number). A title with an
    article gives it with the article in front and, a little weaker
    (:data:`UNARTICLED`), without.

    Examples:
        >>> forms = title_forms("Amelie (Fabuleux destin d'Amélie Poulain, Le)")
        >>> sorted(form for form, weight in forms.items() if weight == FULL)
        ['amelie', 'le fabuleux destin d amelie poulain']
        >>> forms["fabuleux destin d amelie poulain"]
        0.98
        >>> title_forms("Star Wars: Episode IV - A New Hope")["star wars"]
        0.72
    """
    forms: dict[str, float] = {}

    def put(key: str, weight: float) -> None:
        if key and forms.get(key, 0.0) < weight:
            forms[key] = weight

    def add(form: str, weight: float) -> None:
        key, spelled = title_key(form), _spelled(form)
        put(spelled, weight)
        put(key, weight * UNARTICLED if spelled else weight)
        joined = key.replace(" ", "")
        if joined != key:
            put(joined, weight * JOINED)

    # A parenthesised part that begins in lowercase belongs to the title ("Trust (and
    # Other Lies ...)"); one in title case is another title (MovieLens's alternates).
    inner = [p for p in _PARENTHESES.findall(text) if p[:1].isupper() or _AKA.match(p)]
    outer = _PARENTHESES.sub(" ", text).strip() if inner else text
    for written in (outer, *(_AKA.sub("", p) for p in inner)):
        add(written, FULL)
        part = _THE_MOVIE.sub("", written)
        if part != written:
            add(part, FULL)
        credited = _POSSESSIVE.sub("", part)
        if credited != part:
            add(credited, CREDITED)
        pieces = _SUBTITLE.split(part, maxsplit=1)
        if len(pieces) == 2:
            main = _OR.sub("", pieces[0])
            words = title_key(main).split()
            add(main, NUMBERED if len(words) > 1 and words[-1].isdigit() else PART)
            episode = _EPISODE.match(pieces[1])
            if episode is not None:
                add(f"{main}: {episode['title']}", UNNUMBERED)
            # "Alien³: The Director's Cut" is still "Alien³"; the subtitle alone names it
            # only weakly, and is not kept as a form.
    if not forms and text.strip():
        # A title without letters or digits ("!!!", "+++") is compared as it is written.
        forms[" ".join(text.casefold().split())] = FULL
    return forms
