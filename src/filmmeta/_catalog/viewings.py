"""A person's film history as a table: one row per viewing, behind :mod:`filmmeta.frames`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from filmmeta._model import ExternalIds, FilmKind, Viewing, field_types, shown
from filmmeta._optional import require
from filmmeta.exceptions import ValidationError

# The ids held as integers (TMDb's, JustWatch's), as Arrow keeps them.
_INT_IDS = frozenset(a.name for a in field_types(ExternalIds) if a.type == int | None)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["VIEWING_COLUMNS", "viewing_records", "viewings_to_dataframe"]

# The named ids; the open-ended ones, when a catalog has them, follow.
_IDS = tuple(a.name for a in attrs.fields(ExternalIds) if a.name != "other")

#: The columns of :func:`viewing_records`, in order, with their pandas dtypes.
VIEWING_COLUMNS: dict[str, str] = {
    "title": "string",
    "year": "Int64",
    "kind": "category",
    "watched_on": "datetime64[s]",
    "logged_on": "datetime64[s]",
    "rating_source": "category",
    "rating": "Float64",
    "rating_best": "Float64",
    "rating_percent": "Float64",
    "rewatch": "boolean",
    "liked": "boolean",
    "tags": "object",
    "review": "string",
    "user": "string",
    "url": "string",
    **{f"{name}_id": "Int64" if name in _INT_IDS else "string" for name in _IDS},
}


def _record(viewing: Viewing) -> dict[str, Any]:
    if not isinstance(viewing, Viewing):
        raise ValidationError.at("$", f"expected a Viewing, got {shown(viewing)}")
    film, rating = viewing.film, viewing.rating
    record: dict[str, Any] = {
        "title": film.title,
        "year": film.year,
        "kind": film.kind.value,
        "watched_on": viewing.watched_on,
        "logged_on": viewing.logged_on,
        "rating_source": None if rating is None else rating.source,
        "rating": None if rating is None else rating.value,
        "rating_best": None if rating is None else rating.best,
        "rating_percent": None if rating is None else rating.percent,
        "rewatch": viewing.rewatch,
        "liked": viewing.liked,
        "tags": list(viewing.tags),
        "review": viewing.review,
        "user": viewing.user,
        "url": viewing.url,
    }
    for name in _IDS:
        record[f"{name}_id"] = getattr(film.ids, name)
    return record


def viewing_records(viewings: Iterable[Viewing]) -> list[dict[str, Any]]:
    """Flatten viewings into one dict per viewing, every dict with the same keys.

    The columns (:data:`VIEWING_COLUMNS`): the film's ``title``, ``year`` and ``kind``;
    ``watched_on`` and ``logged_on`` (:class:`datetime.date`); the rating as
    ``rating_source``, ``rating`` (on the source's own scale), ``rating_best`` and
    ``rating_percent`` (0 to 100, to compare a Letterboxd 4.5/5 with an IMDb 9/10);
    ``rewatch``, ``liked``, ``tags`` (a list), ``review``, ``user``, ``url``; and the
    film's ids ``<database>_id``. A missing value is None.

    Args:
        viewings: The history; it is read once.

    Returns:
        The records, in order.

    Raises:
        ValidationError: An item is not a :class:`~filmmeta.Viewing`.

    Examples:
        >>> from filmmeta import Film, Rating, Viewing
        >>> from filmmeta.frames import viewing_records
        >>> (record,) = viewing_records(
        ...     [Viewing(Film("Past Lives", release_date=2023), rating=Rating("letterboxd", 4.5))]
        ... )
        >>> record["title"], record["rating"], record["rating_percent"], record["rewatch"]
        ('Past Lives', 4.5, 90.0, False)

    .. versionadded:: 0.2.0
    """
    return [_record(viewing) for viewing in viewings]


def viewings_to_dataframe(viewings: Iterable[Viewing]) -> pd.DataFrame:
    """Build a :class:`pandas.DataFrame` of :func:`viewing_records`, with nullable dtypes.

    Text is ``string``; ``watched_on`` and ``logged_on`` are ``datetime64[s]`` (so that
    ``df.watched_on.dt.year`` groups by year); ``year`` and the numeric ids are
    ``Int64``; the ratings ``Float64``; ``rewatch`` and ``liked`` ``boolean``; ``kind``
    (with every film kind as a category) and ``rating_source`` ``category``; ``tags``
    holds lists. Missing values are ``<NA>`` (``NaT`` for dates).

    Args:
        viewings: The history.

    Returns:
        One row per viewing; no viewings give the columns and no rows.

    Raises:
        ImportError: pandas is not installed (``pip install 'filmmeta[pandas]'``).
        ValidationError: An item is not a :class:`~filmmeta.Viewing`.

    Examples:
        >>> from filmmeta import Film, Rating, Viewing
        >>> from filmmeta.frames import viewings_to_dataframe
        >>> df = viewings_to_dataframe(
        ...     [
        ...         Viewing(Film("Heat"), watched_on="2023-09-03", rating=Rating("imdb", 9)),
        ...         Viewing(Film("Past Lives"), rewatch=True),
        ...     ]
        ... )
        >>> df[["title", "watched_on", "rating_percent", "rewatch"]]
                title watched_on  rating_percent  rewatch
        0        Heat 2023-09-03            90.0    False
        1  Past Lives        NaT            <NA>     True

    .. versionadded:: 0.2.0
    """
    pandas = require("pandas", "viewings_to_dataframe", "pandas")
    records = viewing_records(viewings)
    columns = {}
    for column, dtype in VIEWING_COLUMNS.items():
        values = [r[column] for r in records]
        if column == "kind":
            kinds = pandas.CategoricalDtype([kind.value for kind in FilmKind])
            columns[column] = pandas.Series(values, dtype=kinds)
        elif dtype.startswith("datetime"):
            # Dates from year 1 to 9999: a nanosecond column would end in 2262.
            columns[column] = pandas.Series(
                [None if v is None else dt.datetime(v.year, v.month, v.day) for v in values],
                dtype=dtype,
            )
        else:
            columns[column] = pandas.Series(values, dtype=dtype)
    return pandas.DataFrame(columns)
