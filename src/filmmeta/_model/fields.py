"""What each field of a model class says about itself, beyond its type: its field metadata.

The attrs fields of the model classes are the one list of fields. Their types say how
each is written to JSON and Arrow, generated as tests; what a type cannot say is kept in
the field's ``metadata`` under the keys here, and read by the layers that need it:

* :data:`MERGE`: how :func:`~filmmeta.merge_films` combines the values that several
  sources give (a :data:`MergePolicy`, below). Every field of :class:`~filmmeta.Film`
  has one: a new field without one fails ``tests/test_fields.py``.
* :data:`FAST`: a test that the fast decoder may use instead of the field's validator
  for a JSON value (or for each item of a list of strings): a *sufficient* condition,
  never the rule itself; a value it refuses goes to the validator.
* :data:`WRITTEN`: written to canonical JSON even when it holds its default (``kind``).
* :data:`SINCE`: the Arrow schema version that added the field; Parquet written by an
  earlier version has no column for it, and reads as the field's default.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeAlias, TypeVar

import attrs

from filmmeta.exceptions import ValidationError, join_path

__all__ = [
    "AGREED",
    "AGREED_BY_KEY",
    "FAST",
    "FIELDWISE",
    "FIRST",
    "FIRST_KNOWN",
    "FIRST_NONEMPTY",
    "JOINED",
    "MERGE",
    "MORE_PRECISE",
    "SINCE",
    "WRITTEN",
    "MergePolicy",
    "completed",
    "first_by",
    "meta",
]

T = TypeVar("T")

MERGE = "filmmeta.merge"
FAST = "filmmeta.fast"
WRITTEN = "filmmeta.written"
SINCE = "filmmeta.since"

#: ``policy(values, path)``: one value from the values that the films give, in order of
#: trust; *path* names the field in an error.
MergePolicy: TypeAlias = Callable[[tuple[Any, ...], str], Any]


def meta(
    *,
    merge: MergePolicy | None = None,
    fast: Callable[[Any], bool] | None = None,
    written: bool = False,
    since: int = 1,
) -> dict[str, Any]:
    """The metadata of one field: ``attrs.field(..., metadata=meta(merge=JOINED))``."""
    found: dict[str, Any] = {SINCE: since}
    if merge is not None:
        found[MERGE] = merge
    if fast is not None:
        found[FAST] = fast
    if written:
        found[WRITTEN] = True
    return found


# -- merge policies ----------------------------------------------------------------------


def FIRST(values: tuple[Any, ...], path: str) -> Any:  # noqa: N802 - a constant, in use
    """The most trusted film's value, known or not (a title; a kind, which has a default)."""
    return values[0]


def FIRST_KNOWN(values: tuple[Any, ...], path: str) -> Any:  # noqa: N802
    """The first value that is not None."""
    return next((value for value in values if value is not None), None)


def FIRST_NONEMPTY(values: tuple[tuple[Any, ...], ...], path: str) -> tuple[Any, ...]:  # noqa: N802
    """The whole tuple of the first film that gives any: sums and awards of one source.

    Two sources' box office figures or award counts are not added up or mixed: the most
    trusted source that has them is taken as it is.
    """
    return next((value for value in values if value), ())


def JOINED(values: tuple[tuple[Any, ...], ...], path: str) -> tuple[Any, ...]:  # noqa: N802
    """The tuples joined, each item kept once, at its first place."""
    return _joined(values)


def MORE_PRECISE(values: tuple[Any, ...], path: str) -> Any:  # noqa: N802
    """The first known date, unless a later one says the same more precisely.

    ``"2000"`` then ``"2000-11-07"`` gives ``"2000-11-07"``; ``"2001-..."`` disagrees and
    is left out.
    """
    dates = [date for date in values if date is not None]
    if not dates:
        return None
    best = dates[0]
    for date in dates[1:]:
        if str(date).startswith(f"{best}-"):
            best = date
    return best


def AGREED(values: tuple[Any, ...], path: str) -> Any:  # noqa: N802
    """The known value, which every film that gives one must give alike (an id)."""
    known = [value for value in values if value is not None]
    for value in known[1:]:
        if value != known[0]:
            raise ValidationError.at(path, f"{known[0]!r} and {value!r} are different titles")
    return known[0] if known else None


def AGREED_BY_KEY(values: tuple[tuple[tuple[str, Any], ...], ...], path: str) -> Any:  # noqa: N802
    """Key-value pairs joined; a key given different values is refused (other ids)."""
    joined: dict[str, Any] = {}
    for pairs in values:
        for key, value in pairs:
            seen = joined.setdefault(key, value)
            if seen != value:
                raise ValidationError.at(
                    join_path(path, key), f"{seen!r} and {value!r} are different titles"
                )
    return tuple(sorted(joined.items()))


def FIELDWISE(values: tuple[Any, ...], path: str) -> Any:  # noqa: N802
    """An attrs value whose fields are merged each by its own policy (the ids)."""
    cls = type(values[0])
    return cls(
        **{
            field.name: field.metadata[MERGE](
                tuple(getattr(value, field.name) for value in values),
                join_path(path, field.name),
            )
            for field in attrs.fields(cls)
        }
    )


def first_by(key: Callable[[Any], Hashable]) -> MergePolicy:
    """Items joined, one per *key*, from the first film that has it (a rating per source)."""

    def policy(values: tuple[tuple[Any, ...], ...], path: str) -> tuple[Any, ...]:
        kept: dict[Hashable, Any] = {}
        for items in values:
            for item in items:
                kept.setdefault(key(item), item)
        return tuple(kept.values())

    return policy


def completed(key: tuple[str, ...], details: tuple[str, ...]) -> MergePolicy:
    """Items joined; an item that another completes gives way to it, at its own place.

    One item completes another when it has the same values for *key*, the same value
    for every detail the other knows, and more details: an actor without a character
    gives way to the same actor with one.
    """

    def policy(values: tuple[tuple[Any, ...], ...], path: str) -> tuple[Any, ...]:
        return _completed(_joined(values), key, details)

    return policy


def _joined(groups: Iterable[tuple[T, ...]]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


def _completed(
    items: tuple[T, ...], key: tuple[str, ...], details: tuple[str, ...]
) -> tuple[T, ...]:
    """Replace each item that others complete by the fullest of them, at its place.

    A complete item is kept once, at its first place.
    """
    groups: dict[tuple[Any, ...], list[T]] = {}
    group_of: list[list[T]] = []
    for item in items:
        group_of.append(groups.setdefault(tuple(getattr(item, name) for name in key), []))
        group_of[-1].append(item)

    def completes(this: T, that: T) -> bool:
        return this is not that and all(
            (known := getattr(that, name)) is None or known == getattr(this, name)
            for name in details
        )

    kept: dict[T, None] = {}
    for item, group in zip(items, group_of, strict=True):
        fuller = [other for other in group if completes(other, item)]
        if not fuller:
            kept[item] = None
        for other in fuller:
            if not any(completes(third, other) for third in group):
                kept[other] = None
    return tuple(kept)
