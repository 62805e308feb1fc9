"""The flat records of :func:`filmmeta.frames.to_records`, computed from Arrow columns.

:func:`columns_of` gives, for record batches in :func:`~arrow.arrow_schema`, each record
column as a chunked Arrow array: the same values that ``to_records`` takes from films,
without a film per row and without a Python object per value (only the list columns
become Python lists, in the DataFrame). ``tests/test_columnar.py`` checks that both give the same
DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from filmmeta._model import SOURCES, ExternalIds, ImageKind, OfferType, field_types

__all__ = ["LATER_COLUMNS", "columns_of"]

# The ids with a column of their own, as to_records has them.
_ID_NAMES = tuple(a.name for a in field_types(ExternalIds) if a.type in (str | None, int | None))
_MINUTE_US = 60_000_000
#: The columns for model 2's parts (0.2.0), after the columns of 0.1.0.
LATER_COLUMNS = (
    "tagline",
    "collection",
    "budget",
    "budget_currency",
    "box_office_worldwide",
    "box_office_currency",
    "keywords",
    "title_count",
    "release_count",
    "award_count",
    "poster_url",
)


class _Batch:
    """The record columns of one batch, as Arrow arrays."""

    def __init__(self, pa: Any, pc: Any, batch: Any) -> None:
        import numpy as np

        self.pa, self.pc, self.np = pa, pc, np
        self.rows = batch.num_rows
        self.col = batch.column

    def first(self, lists: Any, keep: Any, values: Any) -> Any:
        """Per row, the first item's value among the items of *lists* that *keep* marks."""
        pa, pc, np = self.pa, self.pc, self.np
        parents = pc.filter(pc.list_parent_indices(lists), keep).to_numpy()
        found, index = np.unique(parents, return_index=True)  # first occurrences
        where = np.full(self.rows, len(index), dtype=np.int64)
        where[found] = np.arange(len(index))
        chosen = pc.take(pc.filter(values, keep), pa.array(index, pa.int64()))
        return pc.take(pa.concat_arrays([chosen, pa.nulls(1, chosen.type)]), where)

    def count(self, lists: Any, keep: Any) -> Any:
        """Per row, how many items of *lists* *keep* marks."""
        parents = self.pc.filter(self.pc.list_parent_indices(lists), keep).to_numpy()
        counts = self.np.bincount(parents, minlength=self.rows)
        return self.pa.array(counts, self.pa.int64())

    def columns(self, country: str) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
        pa, pc, col = self.pa, self.pc, self.col
        dates = col("release_date")
        out: dict[str, Any] = {
            "title": col("title"),
            "original_title": col("original_title"),
            "kind": col("kind"),
            "year": pc.cast(pc.utf8_slice_codeunits(dates, 0, 4), pa.int64()),
            "release_date": dates,
        }
        # Half a minute rounds up: 85 min 30 s is 86 (the object path's (t + 30 s) // 1 min).
        micros = pc.cast(col("runtime"), pa.int64())  # never negative: division is floor
        out["runtime_minutes"] = pc.divide(pc.add(micros, _MINUTE_US // 2), _MINUTE_US)
        ratings = col("content_ratings")
        items = pc.list_flatten(ratings)
        here = pc.equal(pc.struct_field(items, "country"), country)
        out["content_rating"] = self.first(ratings, here, pc.struct_field(items, "code"))
        for name in ("genres", "languages", "countries"):
            out[name] = col(name)
        offers = col("offers")
        types = pc.struct_field(pc.list_flatten(offers), "type")
        for offer_type in OfferType:
            out[f"offers_{offer_type.value}"] = self.count(
                offers, pc.equal(types, offer_type.value)
            )
        ids = col("ids")
        for name in _ID_NAMES:
            out[f"{name}_id"] = pc.struct_field(ids, name)
        out.update(self.later())
        return out, self.rated()

    def rated(self) -> dict[str, tuple[Any, Any]]:
        """Per rating source of the batch, its values and votes (one rating per source)."""
        pc = self.pc
        ratings = self.col("ratings")
        items = pc.list_flatten(ratings)
        source = pc.struct_field(items, "source")
        rated = {}
        for name in pc.unique(source).to_pylist():
            keep = pc.equal(source, name)
            rated[name] = tuple(
                self.first(ratings, keep, pc.struct_field(items, part))
                for part in ("value", "votes")
            )
        return rated

    def later(self) -> dict[str, Any]:
        """The columns of model 2's parts."""
        pa, pc, col = self.pa, self.pc, self.col
        budget = col("budget")
        box_office = col("box_office")
        money = pc.list_flatten(box_office)
        world = pc.is_null(pc.struct_field(money, "region"))
        images = col("images")
        pictures = pc.list_flatten(images)
        poster = pc.equal(pc.struct_field(pictures, "kind"), ImageKind.POSTER.value)
        return {
            "tagline": col("tagline"),
            "collection": pc.struct_field(col("collection"), "name"),
            "budget": pc.cast(pc.struct_field(budget, "amount"), pa.float64()),
            "budget_currency": pc.struct_field(budget, "currency"),
            "box_office_worldwide": pc.cast(
                self.first(box_office, world, pc.struct_field(money, "amount")), pa.float64()
            ),
            "box_office_currency": self.first(
                box_office, world, pc.struct_field(money, "currency")
            ),
            "keywords": col("keywords"),
            "title_count": pc.cast(pc.list_value_length(col("titles")), pa.int64()),
            "release_count": pc.cast(pc.list_value_length(col("releases")), pa.int64()),
            "award_count": pc.cast(pc.list_value_length(col("awards")), pa.int64()),
            "poster_url": self.first(images, poster, pc.struct_field(pictures, "url")),
        }


def columns_of(
    pa: Any, pc: Any, batches: Iterable[Any], country: str
) -> tuple[list[str], dict[str, Any], int]:
    """The rating sources of the catalog, in records' order, each column's Arrow values.

    The values of a column are a :class:`pyarrow.ChunkedArray`, a chunk per batch.

    The rating columns are named ``<source>_rating`` and ``<source>_votes``; a name that
    another column has already is the caller's to refuse (as ``to_records`` does). The
    last item is the number of rows.
    """
    chunks: dict[str, list[Any]] = {}
    rated: dict[str, tuple[list[Any], list[Any]]] = {}
    sizes: list[int] = []
    for batch in batches:
        fixed, part = _Batch(pa, pc, batch).columns(country)
        for name, values in fixed.items():
            chunks.setdefault(name, []).append(values)
        rows = batch.num_rows
        for source in rated.keys() | part.keys():
            if source not in rated:  # null in the batches before
                rated[source] = (
                    [_none(pa, n) for n in sizes],
                    [_none(pa, n, pa.int64()) for n in sizes],
                )
            value, votes = part.get(source) or (_none(pa, rows), _none(pa, rows, pa.int64()))
            rated[source][0].append(value)
            rated[source][1].append(votes)
        sizes.append(batch.num_rows)
    sources = [s for s in SOURCES if s in rated] + sorted(rated.keys() - SOURCES.keys())
    # Chunked, not joined: a joined copy of every column would be held with the chunks.
    columns = {name: pa.chunked_array(arrays) for name, arrays in chunks.items()}
    for source in sources:
        for suffix, arrays in zip(("rating", "votes"), rated[source], strict=True):
            columns.setdefault(f"{source}_{suffix}", pa.chunked_array(arrays))
    return sources, columns, sum(sizes)


def _none(pa: Any, rows: int, type_: Any = None) -> Any:
    return pa.nulls(rows, type_ or pa.float64())
