"""Whether two records describe the same film: a score, the reasons, and the decision.

The decision rule, in order:

1. ids of one kind that differ (two IMDb ids, two TMDb ids, ...) never match;
2. ids of one kind that agree always match;
3. otherwise the evidence is weighed: the best agreement between the two films' title
   forms, the distance between their years, their runtimes, directors, genres and kinds.
   The films match when the score reaches the threshold.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import attrs

from filmmeta._match.titles import FULL, title_forms, words_of
from filmmeta._model import ExternalIds, Film, canonical_genres

__all__ = ["THRESHOLD", "Match", "film_forms", "id_items", "same_film"]

#: The score from which two films without shared ids are taken for one.
THRESHOLD = 0.75

# How much a year distance leaves of the title's evidence. A year apart is common: one
# source counts the festival premiere, another the theatrical release.
_YEAR_FACTOR = {0: 1.0, 1: 0.85, 2: 0.35}
# When either year is unknown the title has to carry the decision alone, so it counts
# less: a title of three words or more still matches alone, a shorter one needs more.
_NO_YEAR = 0.7
_NO_YEAR_SPECIFIC = 0.8
# Titles of fewer words than this are common enough that a year apart counts less: it
# then needs some agreement besides the title (genres, a runtime, a director).
_SPECIFIC = 3
_SHORT_TITLE_YEAR_APART = 0.73
# A title of one word ("Tag", "Silence", "Heathers") a year apart needs more still: the same
# genres in both lists, runtimes within minutes or a director in common. One list inside
# the other ("Comedy" against "Action, Comedy") is not enough: in the labelled sets of
# bench/bench_match.py such pairs were wrong one time in eight. With this factor the
# genres alone stay under the threshold (0.70 + 0.02).
_ONE_WORD_YEAR_APART = 0.7
_FUZZY_FLOOR = 0.88
_DIGITS = re.compile(r"\d+")
# A near spelling counts this much of its ratio: never as much as an exact agreement.
_FUZZY_SHARE = 0.9
_FUZZY_MOST = _FUZZY_SHARE * FULL
# How much of a form's weight one of a film's other titles keeps.
_OTHER = 0.98
_GENRES_AGREE = 0.05
_GENRES_DIFFER = 0.03
# A documentary against a film of fiction genres only, none in common, counts against
# the pair as much as directors that differ: a namesake documentary of the same year is
# common (a drama and a documentary about one event), sources that disagree on whether a
# film is a documentary are rare.
_DOCUMENTARY = "Documentary"
_FICTION = frozenset(
    {
        "Action",
        "Adventure",
        "Comedy",
        "Crime",
        "Drama",
        "Fantasy",
        "Film Noir",
        "Horror",
        "Mystery",
        "Romance",
        "Science Fiction",
        "Thriller",
        "Western",
    }
)
_DIRECTORS_DIFFER = 0.3


@attrs.frozen
class Match:
    """The verdict on one pair of films, or on one film and its candidates.

    Attributes:
        left: The film looked for.
        right: Its partner, or None when there is none or the best are tied.
        score: The strength of the evidence, 0 to 1 (1 when ids agree, 0 when they
            conflict).
        matched: Whether the decision rule takes the two for one film.
        reasons: The evidence in words, strongest first.
        ties: Films that score as well as the best one: the choice is left to the caller.

    .. versionadded:: 0.2.0
    """

    left: Film
    right: Film | None
    score: float
    matched: bool
    reasons: tuple[str, ...] = ()
    ties: tuple[Film, ...] = ()

    def __bool__(self) -> bool:
        return self.matched


@attrs.frozen
class _Evidence:
    score: float
    reasons: tuple[str, ...]
    decided: bool | None = None  # True or False when ids settle it
    # The score before it is held to 0..1: two candidates that both reach 1 are still
    # told apart by how much evidence each has.
    rank: float = attrs.field(default=attrs.Factory(lambda self: self.score, takes_self=True))


def id_items(ids: ExternalIds) -> dict[str, object]:
    return {
        field.name: value
        for field in attrs.fields(ExternalIds)
        if (value := getattr(ids, field.name)) is not None
        # Open-ended ids, where the model has them, are compared by key like the rest.
        and not isinstance(value, tuple)
    }


def _ids(a: ExternalIds, b: ExternalIds) -> _Evidence | None:
    if not a or not b:
        return None
    left, right = id_items(a), id_items(b)
    shared = left.keys() & right.keys()
    conflicts = sorted(k for k in shared if left[k] != right[k])
    if conflicts:
        return _Evidence(
            0.0,
            tuple(f"{k} ids conflict ({left[k]} / {right[k]})" for k in conflicts),
            decided=False,
        )
    if shared:
        return _Evidence(
            1.0, tuple(f"{k} ids agree ({left[k]})" for k in sorted(shared)), decided=True
        )
    return None


def film_forms(film: Film) -> dict[str, float]:
    """Return the folded title forms of every title the film has, with their weights.

    The forms of its other titles (``titles``: regional, working, festival titles, which
    another film may carry too) count a little less than its title and original title.
    """
    forms = title_forms(film.title)
    for texts, share in ((film.original_title,), 1.0), (tuple(t.text for t in film.titles), _OTHER):
        for text in texts:
            if text is not None:
                for key, weight in title_forms(text).items():
                    if forms.get(key, 0.0) < weight * share:
                        forms[key] = weight * share
    return forms


def _titles(a: dict[str, float], b: dict[str, float]) -> tuple[float, str, int]:
    best, why, words = 0.0, "no title forms agree", 0
    for key in a.keys() & b.keys():
        weight = min(a[key], b[key])
        if weight > best or (weight == best and words_of(key) > words):
            best, why, words = weight, f"titles agree as {key!r}", words_of(key)
    if best >= _FUZZY_MOST:
        return best, why, words
    # No whole title in common: a near spelling ("Shekarchi" / "Shekarchy") still counts,
    # scaled down so that it never outweighs an exact agreement.
    for x, wx in a.items():
        for y, wy in b.items():
            numbers_x, numbers_y = _DIGITS.findall(x), _DIGITS.findall(y)
            if numbers_x and numbers_y and numbers_x != numbers_y:
                # Titles with other numbers are other parts of a series ("Rocky 2",
                # "Rocky 3"), however alike their letters.
                continue
            ratio = difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()
            if ratio >= _FUZZY_FLOOR and ratio * _FUZZY_SHARE * min(wx, wy) > best:
                best = ratio * _FUZZY_SHARE * min(wx, wy)
                why = f"titles nearly agree ({x!r} / {y!r})"
                words = min(words_of(x), words_of(y))
    return best, why, words


def _year(a: Film, b: Film, words: int, *, corroborated: bool) -> tuple[float, tuple[str, ...]]:
    if a.year is None or b.year is None:
        return _NO_YEAR_SPECIFIC if words >= _SPECIFIC else _NO_YEAR, ("a year is unknown",)
    distance = abs(a.year - b.year)
    factor = _YEAR_FACTOR.get(distance, 0.0)
    if distance == 0:
        return factor, (f"same year ({a.year})",)
    why = f"years {a.year} and {b.year} are {distance} apart"
    if distance == 1 and words == 1 and not corroborated:
        return _ONE_WORD_YEAR_APART, (
            why,
            "a one-word title a year apart needs the same genres, a runtime or a director",
        )
    if distance == 1 and words < _SPECIFIC:
        # A short title ("Tag", "The Boss") names a film of almost every year: a year
        # apart, it needs other evidence (genres, a runtime, a director) to match.
        factor = _SHORT_TITLE_YEAR_APART
    return factor, (why,)


def _names(film: Film, role: str) -> set[str]:
    return {_fold(name) for name in film.credited(role)}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


@lru_cache(maxsize=4096)
def _genre_set(genres: tuple[str, ...]) -> frozenset[str]:
    return frozenset(canonical_genres(genres, keep_unknown=False))


def _documentary_against_fiction(a: frozenset[str], b: frozenset[str]) -> str | None:
    """The fiction genres one list names against the other's Documentary, if it does."""
    for documentary, other in (a, b), (b, a):
        if _DOCUMENTARY in documentary and _DOCUMENTARY not in other and other & _FICTION:
            return ", ".join(sorted(other & _FICTION))
    return None


def _adjustments(a: Film, b: Film) -> tuple[float, list[str], bool]:
    """The score's change for runtimes, directors, genres and kinds, with the reasons.

    The third value says whether one of them agrees closely (runtimes, a director, the
    same genres): what a title of one word a year apart needs.
    """
    delta, reasons, corroborated = 0.0, [], False
    if a.runtime is not None and b.runtime is not None:
        minutes = abs(a.runtime - b.runtime).total_seconds() / 60
        if minutes <= 5:
            delta += 0.05
            corroborated = True
            reasons.append(f"runtimes within {minutes:.0f} min")
        elif minutes > 20:
            delta -= 0.15
            reasons.append(f"runtimes differ by {minutes:.0f} min")
    left, right = _names(a, "director"), _names(b, "director")
    if left and right:
        if left & right:
            delta += 0.15
            corroborated = True
            reasons.append("directors agree")
        else:
            delta -= _DIRECTORS_DIFFER
            reasons.append("directors differ")
    genres_a, genres_b = _genre_set(a.genres), _genre_set(b.genres)
    if genres_a and genres_b:
        # The share of the shorter list found in the other: sources list more or fewer
        # genres (IMDb three at most), and one that lists Drama alone agrees with
        # Comedy, Drama, Romance. Two namesakes of one year are told apart by it.
        shared = len(genres_a & genres_b) / min(len(genres_a), len(genres_b))
        # Genres that agree count less than genres that differ: the parts of a series
        # share them ("Kung Fu Panda" and its short, a subtitle apart, stay apart).
        delta += round(_GENRES_AGREE * shared - _GENRES_DIFFER, 4)
        reasons.append(f"{shared:.0%} of genres shared")
        corroborated = corroborated or genres_a == genres_b
        fiction = None if shared else _documentary_against_fiction(genres_a, genres_b)
        if fiction is not None:
            delta -= _DIRECTORS_DIFFER
            reasons.append(f"a documentary against fiction ({fiction})")
    if a.kind is not b.kind:
        delta -= 0.05
        reasons.append(f"kinds differ ({a.kind.value} / {b.kind.value})")
    return delta, reasons, corroborated


def _evidence(a: Film, b: Film, forms_a: dict[str, float], forms_b: dict[str, float]) -> _Evidence:
    by_ids = _ids(a.ids, b.ids)
    if by_ids is not None:
        return by_ids
    if a == b:
        return _Evidence(1.0, ("the records are equal",), decided=True)
    title, title_why, words = _titles(forms_a, forms_b)
    delta, more, corroborated = _adjustments(a, b)
    year, year_why = _year(a, b, words, corroborated=corroborated)
    rank = round(title * year + delta, 4) if title else 0.0
    return _Evidence(min(1.0, max(0.0, rank)), (title_why, *year_why, *more), rank=rank)


def same_film(a: Film, b: Film, *, threshold: float = THRESHOLD) -> Match:
    """Decide whether *a* and *b* describe the same film.

    Ids of one kind that differ never match and ids of one kind that agree always do;
    otherwise the titles (every form in ``title``, ``original_title`` and ``titles``), the
    years (a year apart is allowed, as sources count different releases), the runtimes,
    directors, genres and kinds are weighed into a score from 0 to 1.

    Args:
        a: One film.
        b: The other.
        threshold: The score from which films without shared ids match.

    Returns:
        The :class:`Match`, true when the films match, with the score and the reasons.

    Examples:
        >>> m = same_film(
        ...     Film("American President, The", release_date=1995),
        ...     Film("The American President", release_date="1995-11-17"),
        ... )
        >>> m.matched, m.score, m.reasons[0]
        (True, 1.0, "titles agree as 'the american president'")
        >>> same_film(
        ...     Film("Heat", ids=ExternalIds(imdb="tt0113277")),
        ...     Film("Heat", ids=ExternalIds(imdb="tt0094357")),
        ... ).reasons
        ('imdb ids conflict (tt0113277 / tt0094357)',)

    .. versionadded:: 0.2.0
    """
    evidence = _evidence(a, b, film_forms(a), film_forms(b))
    matched = evidence.decided if evidence.decided is not None else evidence.score >= threshold
    return Match(a, b, evidence.score, matched, evidence.reasons)


def score_pairs(
    left: Film, left_forms: dict[str, float], candidates: Iterable[tuple[Film, dict[str, float]]]
) -> list[tuple[_Evidence, Film]]:
    """Score *left* against each candidate, best first (the catalog matcher's inner loop)."""
    scored = [(_evidence(left, film, left_forms, forms), film) for film, forms in candidates]
    scored.sort(key=lambda pair: (pair[0].decided is not True, -pair[0].rank))
    return scored
