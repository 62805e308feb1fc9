"""Titles as catalogs write them: "American President, The (1995)" taken apart.

MovieLens, and many catalogs built the way library indexes were, write a title with its
year in parentheses at the end, its leading article moved behind a comma so that it sorts
under its first real word, and other titles of the film (its original title, an "a.k.a."
one) in parentheses between the two: "City of Lost Children, The (Cité des enfants
perdus, La) (1995)". :func:`split_title` takes such a string apart; the formats and the
matcher (``filmmeta.match``) use it.

The module is private: its names may change, but their users are all in this package.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["SplitTitle", "restore_article", "split_title"]

# A year, or a range of years (a series: "(2006-2007)" with an en dash), at the end.
_YEAR = re.compile(r"\s*\((\d{4})(?:\s*[-\u2013]\s*(?:\d{4})?)?\)\s*$", re.ASCII)
# One parenthesised group at the end, without parentheses inside it.
_GROUP = re.compile(r"\s*\(([^()]*)\)\s*$")
_AKA = re.compile(r"(?:a\.k\.a\.|aka)\s+", re.IGNORECASE)

# Leading articles moved behind a comma, by the languages of the films in MovieLens and
# in other catalogs sorted the library way. Elided ones (L', l') take no space after.
_ARTICLES = frozenset(
    (
        *("The", "A", "An"),
        *("Les", "La", "Le", "Un", "Une"),
        *("Il", "Lo", "Gli", "I", "Una", "Uno"),
        *("El", "Los", "Las"),
        *("Die", "Der", "Das", "Ein", "Eine"),
        *("Den", "Det", "Ett", "En", "De", "Het", "Een"),
        *("O", "Os", "As", "Um", "Uma"),
    )
)
_ELIDED = ("L'", "L\u2019", "l'", "l\u2019")
_INVERTED = re.compile(r"^(?P<rest>.+?),\s*(?P<article>[^\s,]+)$")


@attrs.frozen
class SplitTitle:
    """A catalog's title string taken apart.

    Attributes:
        title: The display title, the leading article restored ("The American
            President").
        year: The year in parentheses at the end, the first year of a range; None
            without one.
        written: The title as the string writes it, without the year and the other
            titles ("American President, The"); equal to :attr:`title` when nothing was
            moved.
        others: The other titles in parentheses, in order, "a.k.a." removed and their
            articles restored ("La Cité des enfants perdus").
    """

    title: str
    year: int | None = None
    written: str = ""
    others: tuple[str, ...] = ()


def restore_article(title: str) -> str:
    """Move a leading article written behind a comma back to the front.

    Examples:
        >>> restore_article("American President, The")
        'The American President'
        >>> restore_article("Auberge espagnole, L'")
        "L'Auberge espagnole"
        >>> restore_article("Crouching Tiger, Hidden Dragon")
        'Crouching Tiger, Hidden Dragon'
    """
    match = _INVERTED.match(title)
    if match is None:
        return title
    rest, article = match["rest"], match["article"]
    if article in _ELIDED:
        return f"{article}{rest}"
    if article in _ARTICLES:
        return f"{article} {rest}"
    return title


def split_title(text: str) -> SplitTitle:
    r"""Take apart a title written the catalog way: article moved, others and year after.

    Args:
        text: A title such as MovieLens writes it.

    Returns:
        The parts. A string without a year gives ``year=None``; a string that would be
        empty without its parentheses is kept whole as the title.

    Examples:
        >>> split_title("American President, The (1995)")
        SplitTitle(title='The American President', year=1995, written='American President, The', others=())
        >>> split_title("City of Lost Children, The (Cité des enfants perdus, La) (1995)").others
        ('La Cité des enfants perdus',)
        >>> split_title("Seven (a.k.a. Se7en) (1995)").others
        ('Se7en',)
        >>> split_title("Death Note: Desu n\u00f4to (2006\u20132007)").year
        2006
        >>> split_title("Babylon 5")
        SplitTitle(title='Babylon 5', year=None, written='Babylon 5', others=())
    """  # noqa: E501
    rest = text.strip()
    year = None
    if (match := _YEAR.search(rest)) and match.start() > 0:
        year = int(match[1])
        rest = rest[: match.start()]
    others: list[str] = []
    while (match := _GROUP.search(rest)) and match.start() > 0:
        other = _AKA.sub("", match[1].strip(), count=1).strip()
        rest = rest[: match.start()]
        if other:
            others.append(restore_article(other))
    others.reverse()
    written = rest.strip()
    return SplitTitle(restore_article(written), year, written, tuple(others))
