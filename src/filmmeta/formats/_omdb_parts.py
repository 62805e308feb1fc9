"""OMDb's sentences and sums: the ``Awards`` sentence and the ``BoxOffice`` amount.

OMDb writes awards as one English sentence ("Won 7 Oscars. 19 wins & 32 nominations
total") and the box office as a dollar amount ("$158,300,000"). This module reads both
into the model's :class:`~filmmeta.Award` counts and :class:`~filmmeta.Money`, and says
so when a text has another shape, rather than guessing.

The module is private: :mod:`filmmeta.formats.omdb` is its only user.
"""

from __future__ import annotations

import re

from filmmeta._model import Award, AwardOutcome, Image, Money, read_int, shown
from filmmeta.formats._common import field, warn

__all__ = ["ALL_AWARDS", "awards", "box_office", "parse_awards", "parse_box_office", "poster"]

#: The name of the counts of all awards, as OMDb's totals give them.
ALL_AWARDS = "all awards"

# The awards OMDb names, by the singular it writes ("Won 1 Oscar", "Won 7 Oscars").
_NAMED = {
    "oscar": "Academy Awards",
    "primetime emmy": "Primetime Emmy Awards",
    "golden globe": "Golden Globe Awards",
    "bafta film award": "BAFTA Film Awards",
    "bafta award": "BAFTA Awards",
}
# One sentence each. Counts are at most 7 digits: no film has more awards.
_N = r"(\d{1,7})"
_NAMED_RE = re.compile(rf"(Won|Nominated for) {_N} ([A-Za-z][A-Za-z .'-]{{0,60}}?)\.?", re.ASCII)
_TOTALS_RE = re.compile(
    rf"(Another )?(?:{_N} wins?)?(?: & )?(?:{_N} nominations?)?( total)?\.?",
    re.ASCII | re.IGNORECASE,
)
# Sentences end at ". " (and a final "."): names hold no full stop followed by a space.
_SENTENCE_END = re.compile(r"(?<=\.) +")
_DOLLARS = re.compile(r"\$(\d{1,3}(?:,\d{3})*|\d+)", re.ASCII)


def _award_name(words: str) -> str:
    key = words.casefold()
    singular = key[:-1] if key.endswith("s") and key[:-1] in _NAMED else key
    return _NAMED.get(singular, words)


def parse_awards(sentence: str) -> list[Award] | None:
    """Read OMDb's ``Awards`` sentence into counts; None for a sentence of another shape.

    A named award ("Won 7 Oscars", "Nominated for 2 Oscars") is one count of that award;
    the totals ("19 wins & 32 nominations") are counts of :data:`ALL_AWARDS`. OMDb
    writes totals two ways: "... total" counts the named award in, "Another ..." does
    not, and then the named count is added so that "all awards" is always the total.

    Examples:
        >>> [
        ...     (a.name, a.outcome.value, a.count)
        ...     for a in parse_awards("Won 7 Oscars. 19 wins & 32 nominations total")
        ... ]
        [('Academy Awards', 'won', 7), ('all awards', 'won', 19), ('all awards', 'nominated', 32)]
        >>> [
        ...     (a.name, a.outcome.value, a.count)
        ...     for a in parse_awards("Nominated for 2 Oscars. Another 10 wins & 31 nominations.")
        ... ]
        [('Academy Awards', 'nominated', 2), ('all awards', 'won', 10), ('all awards', 'nominated', 33)]
        >>> parse_awards("Best picture, probably") is None
        True
    """  # noqa: E501
    named: list[Award] = []
    totals: dict[AwardOutcome, int] = {}
    another = False
    sentences = _SENTENCE_END.split(sentence.strip())
    for i, part in enumerate(sentences):
        if match := _NAMED_RE.fullmatch(part):
            outcome = AwardOutcome.WON if match[1] == "Won" else AwardOutcome.NOMINATED
            count = read_int(match[2], "Awards")
            named.append(Award(_award_name(match[3]), outcome=outcome, count=count))
        elif (match := _TOTALS_RE.fullmatch(part)) and (match[2] or match[3]):
            if i != len(sentences) - 1:  # the totals end the sentence, after the named
                return None
            another = match[1] is not None
            for outcome, digits in (
                (AwardOutcome.WON, match[2]),
                (AwardOutcome.NOMINATED, match[3]),
            ):
                if digits is not None:
                    totals[outcome] = read_int(digits, "Awards")
        else:
            return None
    if another:
        for award in named:
            totals[award.outcome] = totals.get(award.outcome, 0) + award.count
    found = [Award(ALL_AWARDS, outcome=o, count=totals[o]) for o in AwardOutcome if totals.get(o)]
    return named + found


def parse_box_office(text: str) -> Money | None:
    """Read OMDb's ``BoxOffice`` ("$158,300,000"), the US gross, or None for another form.

    Examples:
        >>> parse_box_office("$158,300,000")
        Money(amount=Decimal('158300000'), currency='USD', region='US')
        >>> parse_box_office("€1,234") is None
        True
    """
    match = _DOLLARS.fullmatch(text)
    if match is None:
        return None
    # OMDb's box office is IMDb's US and Canada gross, in dollars; "US" is the region
    # the model agrees on for it (Canada has no separate figure here).
    return Money(match[1].replace(",", ""), "USD", region="US")


def awards(sentence: str | None) -> list[Award]:
    """Read the ``Awards`` field; a sentence of another shape is left out with a warning."""
    if sentence is None:
        return []
    with field("Awards", inner=False):
        found = parse_awards(sentence)
    if found is None:
        warn(f"Awards: {shown(sentence)} is not a sentence of OMDb's form: left out")
        return []
    return found


def box_office(amount: str | None) -> list[Money]:
    """Read the ``BoxOffice`` field; another form is left out with a warning."""
    if amount is None:
        return []
    found = parse_box_office(amount)
    if found is None:
        warn(f"BoxOffice: {shown(amount)} is not a dollar amount like '$158,300,000': left out")
        return []
    return [found]


def poster(url: str | None) -> list[Image]:
    """Read the ``Poster`` field: the URL of the film's poster."""
    if url is None:
        return []
    with field("Poster", inner=False):
        return [Image(url)]
