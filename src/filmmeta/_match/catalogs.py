"""Pairing two catalogs without comparing every pair.

Each film of the right catalog is indexed by its ids, by every folded form of its titles
with its year, and by the first letters of its main title with its year (for near spellings).
A film of the left catalog is scored only against the films that share one of those keys
within the years that can match (two apart at most), so the work grows with the catalogs,
not with their product.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import attrs

from filmmeta._match.score import THRESHOLD, Match, film_forms, id_items, score_pairs
from filmmeta._match.titles import UNARTICLED, words_of
from filmmeta._model import ExternalIds, Film

__all__ = ["match_catalogs"]

#: Scores closer than this to the best one are ties: the evidence cannot tell them apart.
MARGIN = 0.02


def _id_keys(ids: ExternalIds) -> list[tuple[str, object]]:
    # The same ids same_film compares, as index keys.
    return list(id_items(ids).items()) if ids else []


def _near_keys(film: Film, forms: dict[str, float]) -> list[tuple[str, int]]:
    if film.year is None:
        return []
    return [(first, film.year + d) for first in _prefixes(forms) for d in (-1, 0, 1)]


def _prefixes(forms: dict[str, float]) -> set[str]:
    # The start of each whole title: near spellings ("Shekarchi", "Shekarchy") share it.
    # Its form without an article: "the" would be the start of too many.
    return {key[:_PREFIX] for key, weight in forms.items() if _whole(key, weight)}


def _whole(key: str, weight: float) -> bool:
    return weight >= UNARTICLED and words_of(key) == key.count(" ") + 1


#: How many letters of a title's start near spellings must share to be compared.
_PREFIX = 3
#: How many years apart two films may be and still match (see score._YEAR_FACTOR).
_WINDOW = 2


def _window(year: int) -> tuple[int | None, ...]:
    # None: the right films of unknown year, which may match any year.
    return (*range(year - _WINDOW, year + _WINDOW + 1), None)


@attrs.define
class _Index:
    films: list[Film]
    forms: list[dict[str, float]]
    by_id: dict[tuple[str, object], list[int]] = attrs.Factory(lambda: defaultdict(list))
    by_form: dict[tuple[str, int | None], list[int]] = attrs.Factory(lambda: defaultdict(list))
    by_any_year: dict[str, list[int]] = attrs.Factory(lambda: defaultdict(list))
    by_near: dict[tuple[str, int], list[int]] = attrs.Factory(lambda: defaultdict(list))

    @classmethod
    def of(cls, films: Iterable[Film]) -> _Index:
        listed = list(films)
        index = cls(listed, [film_forms(f) for f in listed])
        for i, (film, forms) in enumerate(zip(index.films, index.forms, strict=True)):
            for key in _id_keys(film.ids):
                index.by_id[key].append(i)
            for form in forms:
                index.by_form[form, film.year].append(i)
                index.by_any_year[form].append(i)
            if film.year is not None:
                for prefix in _prefixes(forms):
                    index.by_near[prefix, film.year].append(i)
        return index

    def candidates(self, film: Film, forms: dict[str, float]) -> set[int]:
        found: set[int] = set()
        for key in _id_keys(film.ids):
            found.update(self.by_id.get(key, ()))
        whole = False
        for form, weight in forms.items():
            if film.year is None:
                hits = self.by_any_year.get(form, [])
            else:
                # Years further apart than _WINDOW never match.
                hits = [i for y in _window(film.year) for i in self.by_form.get((form, y), ())]
            found.update(hits)
            whole = whole or (bool(hits) and _whole(form, weight))
        if not whole:
            for key in _near_keys(film, forms):
                found.update(self.by_near.get(key, ()))
        return found


def match_catalogs(
    left: Iterable[Film],
    right: Iterable[Film],
    *,
    threshold: float = THRESHOLD,
    margin: float = MARGIN,
) -> Iterator[Match]:
    """Find each left film's partner in the right catalog.

    The right catalog is indexed once (by ids, title forms, and first title word with
    year); each left film is scored against the films that share a key with it, with
    :func:`same_film`'s rules. One :class:`Match` is yielded per left film, in order:

    - with ``right`` set and ``matched`` true when one partner stands out;
    - with ``right`` None and the equally good candidates in ``ties`` when two or more
      score within *margin* of each other above the threshold: the choice is left to the
      caller, never guessed;
    - with ``right`` None and ``matched`` false when no candidate reaches the threshold
      (``score`` is then the best candidate's).

    Args:
        left: The films to find partners for (any iterable; read once).
        right: The catalog to look in (read once, kept in memory while matching).
        threshold: The score from which films without shared ids match.
        margin: Scores this close to the best are ties.

    Yields:
        One match per left film.

    Examples:
        >>> lens = [
        ...     Film("American President, The", release_date=1995),
        ...     Film("Heat", release_date=1995),
        ... ]
        >>> omdb = [
        ...     Film("The American President", release_date=1995),
        ...     Film("Heat", release_date=1995, runtime=170),
        ...     Film("Heat", release_date=1995, runtime=101),
        ... ]
        >>> [
        ...     (m.matched, m.right and m.right.title, len(m.ties))
        ...     for m in match_catalogs(lens, omdb)
        ... ]
        [(True, 'The American President', 0), (False, None, 2)]

    .. versionadded:: 0.2.0
    """
    index = _Index.of(right)
    for film in left:
        forms = film_forms(film)
        found = sorted(index.candidates(film, forms))
        scored = [
            (evidence, other)
            for evidence, other in score_pairs(
                film, forms, ((index.films[i], index.forms[i]) for i in found)
            )
            if evidence.decided is not False
        ]
        if not scored:
            yield Match(film, None, 0.0, False, ("no candidate shares a title form or an id",))
            continue
        best, partner = scored[0]
        if best.decided is True:
            agreed = [other for evidence, other in scored if evidence.decided is True]
        elif best.score >= threshold:
            agreed = [o for evidence, o in scored if round(best.rank - evidence.rank, 4) < margin]
        else:
            yield Match(film, None, best.score, False, best.reasons)
            continue
        if len(agreed) > 1:
            yield Match(film, None, best.score, False, best.reasons, ties=tuple(agreed))
        else:
            yield Match(film, partner, best.score, True, best.reasons)
