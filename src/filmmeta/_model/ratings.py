"""Ratings from many sources, each on its own scale, and the registry of known sources."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from filmmeta._model.handlers import show_pretty
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import (
    MAX_INT,
    check_number,
    did_you_mean,
    fmt_number,
    shown,
    shown_typed,
)
from filmmeta.exceptions import ValidationError

__all__ = ["SOURCES", "Rating", "RatingKind", "RatingSource"]

SOURCE_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


class RatingKind(enum.StrEnum):
    """Whose opinion a rating source collects."""

    CRITICS = "critics"
    AUDIENCE = "audience"


@attrs.frozen
class RatingSource:
    """A known rating source: its scale, how it is shown, and whose opinion it is.

    Attributes:
        name: The key used in :attr:`Rating.source` (``"imdb"``).
        display_name: How pages name it (``"IMDb"``, ``"Metascore"``, ``"Tomatometer"``).
        worst: The lowest value on the scale.
        best: The highest value on the scale.
        kind: Critics or audience.
        percent_sign: Whether values are shown with a ``%`` (the Tomatometer).
        out_of: Whether values are shown as ``3.6/5``.

    Examples:
        >>> SOURCES["metacritic"].display_name
        'Metascore'
    """

    __repr__ = fields_repr

    name: str
    display_name: str
    worst: float
    best: float
    kind: RatingKind
    percent_sign: bool = False
    out_of: bool = False


def _source(
    name: str,
    display_name: str,
    worst: float,
    best: float,
    kind: RatingKind,
    *,
    percent_sign: bool = False,
    out_of: bool = False,
) -> tuple[str, RatingSource]:
    return name, RatingSource(name, display_name, worst, best, kind, percent_sign, out_of)


_C, _A = RatingKind.CRITICS, RatingKind.AUDIENCE

#: The known rating sources by name. A rating from a source not listed here must give
#: its scale (``best``, and ``worst`` when it is not 0).
SOURCES: Mapping[str, RatingSource] = MappingProxyType(
    dict(
        [
            _source("imdb", "IMDb", 1, 10, _A),
            _source("metacritic", "Metascore", 0, 100, _C),
            _source("metacritic_user", "Metacritic user score", 0, 10, _A),
            _source("rotten_tomatoes", "Tomatometer", 0, 100, _C, percent_sign=True),
            _source("rotten_tomatoes_audience", "Popcornmeter", 0, 100, _A, percent_sign=True),
            _source("letterboxd", "Letterboxd", 0.5, 5, _A, out_of=True),
            _source("tmdb", "TMDb", 0, 10, _A),
            _source("trakt", "Trakt", 0, 100, _A, percent_sign=True),
            _source("douban", "Douban", 0, 10, _A),
            _source("kinopoisk", "Kinopoisk", 0, 10, _A),
            _source("filmaffinity", "FilmAffinity", 1, 10, _A),
            _source("mubi", "MUBI", 0, 5, _A, out_of=True),
            _source("allocine_press", "AlloCiné press", 0.5, 5, _C, out_of=True),
            _source("allocine_audience", "AlloCiné audience", 0.5, 5, _A, out_of=True),
        ]
    )
)


def source_key(name: object, present: Iterable[str] = ()) -> str:
    """The source a lookup such as ``film.rating("IMDb")`` means; a likely typo is refused.

    Case is ignored. A name near a known source or one of *present* (the sources at
    hand) but not one of them is a typo, refused with the near name; any other source
    name is returned (a source the record has no rating from).

    Args:
        name: The name asked for.
        present: The sources of the ratings at hand, which may be outside the registry.

    Returns:
        The source's name, in lowercase.

    Raises:
        ValidationError: For a typo of a known name, or what is no source name.

    Examples:
        >>> source_key("IMDb")
        'imdb'
        >>> source_key("imbd")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: source: 'imbd' is not a rating source; did you mean 'imdb'?
    """  # noqa: E501
    if type(name) is not str:
        raise ValidationError.at("source", f"expected a source name, got {shown_typed(name)}")
    key = name.strip().lower()
    present = set(present)
    if key in SOURCES or key in present:
        return key
    known = [*SOURCES, *present]
    # Display names find their source too: "Metascore" -> metacritic.
    displayed = {s.display_name.lower(): s.name for s in SOURCES.values()}
    hint = did_you_mean(key, known)
    if not hint and key in displayed:
        hint = f"; did you mean {displayed[key]!r}?"
    if not hint and SOURCE_NAME.fullmatch(key):
        return key
    hint = hint or did_you_mean(key.replace(" ", "_"), known)
    raise ValidationError.at("source", f"{shown(name)} is not a rating source{hint}")


def _check_source(inst: Rating, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str:
        raise ValidationError.at("source", f"expected a string, got {shown_typed(value)}")
    if not SOURCE_NAME.fullmatch(value):
        raise ValidationError.at(
            "source", f"{shown(value)} is not a source name (lowercase letters, digits and _)"
        )


def _check_votes(inst: Rating, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise ValidationError.at("votes", f"expected an integer, got {shown_typed(value)}")
    if value < 0:
        raise ValidationError.at("votes", f"{value} is negative")
    if value > MAX_INT:
        raise ValidationError.at("votes", f"{value} is larger than {MAX_INT}")


# The scales by source, for the defaults: they run for every rating read and, to be
# compared with, for every rating written.
_BEST = {name: source.best for name, source in SOURCES.items()}
_WORST = {name: source.worst for name, source in SOURCES.items()}


def _default_best(inst: Rating) -> float | None:
    try:
        return _BEST.get(inst.source)
    except TypeError:  # defaults come before validators: the source may be unhashable
        return None


def _default_worst(inst: Rating) -> float:
    try:
        return _WORST.get(inst.source, 0)
    except TypeError:
        return 0


@attrs.frozen
class Rating(PydanticHooks):
    """A rating from one source, on that source's scale.

    Known sources (:data:`SOURCES`: imdb, metacritic, rotten_tomatoes, letterboxd, ...)
    bring their scale; a rating from any other source must say what its best value is.

    Args:
        source: The source's name (``"imdb"``, ``"metacritic"``, ...).
        value: The rating on the source's scale (IMDb 5.7, Metascore 29, Tomatometer 45).
        votes: How many votes or reviews it is based on, when known.
        best: The scale's best value; known sources fill it in.
        worst: The scale's worst value; known sources fill it in, otherwise 0.

    Raises:
        ValidationError: For a value outside the scale, negative votes, an unknown
            source without ``best``, ...

    Examples:
        >>> r = Rating("imdb", 5.7, votes=347)
        >>> r.best, r.percent, r.display
        (10, 57.0, '5.7 (347)')
        >>> Rating("imdb", 11.2)
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: value: 11.2 is above the scale's best 10
    """

    __repr__ = fields_repr

    source: str = attrs.field(validator=_check_source)
    value: float = attrs.field()
    votes: int | None = attrs.field(default=None, kw_only=True, validator=_check_votes)
    best: float = attrs.field(default=attrs.Factory(_default_best, takes_self=True), kw_only=True)
    worst: float = attrs.field(default=attrs.Factory(_default_worst, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.best is None:
            raise ValidationError.at(
                "best", f"{shown(self.source)} is not a known source: give the scale's best value"
            )
        best = check_number("best", self.best)
        worst = check_number("worst", self.worst)
        value = check_number("value", self.value)
        if worst >= best:
            raise ValidationError.at(
                "worst", f"{fmt_number(worst)} is not below the best {fmt_number(best)}"
            )
        if value > best:
            raise ValidationError.at(
                "value", f"{fmt_number(value)} is above the scale's best {fmt_number(best)}"
            )
        if value < worst:
            raise ValidationError.at(
                "value", f"{fmt_number(value)} is below the scale's worst {fmt_number(worst)}"
            )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's API
        # Notebook display: "IMDb 5.7 (347)"; repr() stays the constructor call.
        show_pretty("rating_pretty", self, p, cycle)

    @property
    def known_source(self) -> RatingSource | None:
        """The registry entry of this rating's source, or None for other sources."""
        return SOURCES.get(self.source)

    @property
    def display_name(self) -> str:
        """How pages name the source: ``"IMDb"``, ``"Metascore"``, or the source itself."""
        known = SOURCES.get(self.source)
        return known.display_name if known is not None else self.source

    @property
    def kind(self) -> RatingKind:
        """Critics or audience; sources not in the registry count as audience."""
        known = SOURCES.get(self.source)
        return known.kind if known is not None else RatingKind.AUDIENCE

    @property
    def percent(self) -> float:
        """The value as a percentage of the best value: ``value / best * 100``.

        This is the convention users expect (IMDb 5.7 -> 57, Letterboxd 3.1/5 -> 62).

        Examples:
            >>> Rating("letterboxd", 3.1).percent
            62.0
        """
        # Rounded to 10 places so that 5.7/10 reads 57.0, not 57.00000000000001.
        return round(self.value / self.best * 100, 10)

    @property
    def normalized(self) -> float:
        """The value mapped linearly onto 0..100 from the scale's worst to best.

        Unlike :attr:`percent` this accounts for scales that do not start at 0
        (IMDb 1..10: 5.7 -> 52.2).

        Examples:
            >>> round(Rating("imdb", 5.7).normalized, 1)
            52.2
        """
        return round((self.value - self.worst) / (self.best - self.worst) * 100, 10)

    @property
    def display(self) -> str:
        """The value as pages show it.

        ``"5.7 (347)"`` for a vote-counted audience score, ``"29"`` for a Metascore,
        ``"93%"`` for the Tomatometer, ``"3.6/5"`` for Letterboxd; large vote counts are
        grouped (``"8.5 (1,266,466)"``).

        Examples:
            >>> Rating("rotten_tomatoes", 93).display
            '93%'
            >>> Rating("letterboxd", 3.6).display
            '3.6/5'
            >>> Rating("imdb", 8.5, votes=1266466).display
            '8.5 (1,266,466)'
        """
        known = SOURCES.get(self.source)
        text = fmt_number(self.value)
        if known is not None and known.percent_sign:
            text += "%"
        elif known is None or known.out_of:
            text += f"/{fmt_number(self.best)}"
        if self.votes is not None and self.kind is RatingKind.AUDIENCE:
            text += f" ({self.votes:,})"
        return text
