"""Small pieces of English grammar shared by the page text: lists and articles."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["_article", "join_words"]


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


def _article(word: str) -> str:
    """'a' or 'an' by the sound of *word*: an IMDb, a Metascore, an 1800s film."""
    first = word[:1].lower()
    if first.isdigit():
        # Spoken numbers: "an 8", "an 11", "an 18", "an 800", "an 1100", "an 1800".
        digits = word.split(maxsplit=1)[0]
        vowel_sound = first == "8" or (len(digits) in (2, 4) and digits[:2] in ("11", "18"))
        return "an" if vowel_sound else "a"
    return "an" if first in "aeio" else "a"
