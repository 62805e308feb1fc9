"""The flat records of :func:`filmmeta.frames.to_records`, computed from Arrow columns.

:func:`columns_of` gives, for record batches in :func:`~arrow.arrow_schema`, each record
column as a list of values: the same values that ``to_records`` takes from films, without
a film per row. ``tests/test_columnar.py`` checks that both give the same DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from filmmeta._model.availability import OfferType
from filmmeta._model.ids import ExternalIds
from filmmeta._model.ratings import SOURCES
from filmmeta._model.registry import field_types

__all__ = ["columns_of"]

# The ids with a column of their own, as to_records has them.
_ID_NAMES = tuple(a.name for a in field_types(ExternalIds) if a.type in (str | None, int | None))
_MINUTE_US = 60_000_000
Rated = dict[str, tuple[list[Any], list[Any]]]


def _batch_columns(
    pa: Any, pc: Any, batch: Any, country: str
) -> tuple[dict[str, list[Any]], Rated]:
    rows = batch.num_rows
    col = batch.column
    out: dict[str, list[Any]] = {
        "title": col("title").to_pylist(),
        "original_title": col("original_title").to_pylist(),
        "kind": col("kind").to_pylist(),
    }
    dates = col("release_date")
    out["year"] = pc.cast(pc.utf8_slice_codeunits(dates, 0, 4), pa.int64()).to_pylist()
    out["release_date"] = dates.to_pylist()
    # Half a minute rounds up: 85 min 30 s is 86 (the object path's (t + 30 s) // 1 min).
    micros = pc.cast(col("runtime"), pa.int64())  # never negative: division is floor
    out["runtime_minutes"] = pc.divide(pc.add(micros, _MINUTE_US // 2), _MINUTE_US).to_pylist()
    out["content_rating"] = _first_code(pa, pc, col("content_ratings"), country, rows)
    for name in ("genres", "languages", "countries"):
        out[name] = col(name).to_pylist()
    ratings = col("ratings")
    items = pc.list_flatten(ratings)
    parents = pc.list_parent_indices(ratings).to_pylist()
    sources = pc.struct_field(items, "source").to_pylist()
    values = pc.struct_field(items, "value").to_pylist()
    votes = pc.struct_field(items, "votes").to_pylist()
    rated: Rated = {}
    for parent, source, value, vote in zip(parents, sources, values, votes, strict=True):
        pair = rated.get(source) or rated.setdefault(source, ([None] * rows, [None] * rows))
        pair[0][parent], pair[1][parent] = value, vote
    offers = col("offers")
    types = pc.struct_field(pc.list_flatten(offers), "type")
    offer_parents = pc.list_parent_indices(offers)
    for offer_type in OfferType:
        counts = [0] * rows
        for parent in pc.filter(offer_parents, pc.equal(types, offer_type.value)).to_pylist():
            counts[parent] += 1
        out[f"offers_{offer_type.value}"] = counts
    ids = col("ids")
    for name in _ID_NAMES:
        out[f"{name}_id"] = pc.struct_field(ids, name).to_pylist()
    return out, rated


def _first_code(pa: Any, pc: Any, ratings: Any, country: str, rows: int) -> list[Any]:
    items = pc.list_flatten(ratings)
    here = pc.equal(pc.struct_field(items, "country"), country)
    parents = pc.filter(pc.list_parent_indices(ratings), here).to_pylist()
    codes = pc.filter(pc.struct_field(items, "code"), here).to_pylist()
    found: list[Any] = [None] * rows
    for parent, code in zip(reversed(parents), reversed(codes), strict=True):
        found[parent] = code  # backwards, so that the first of a film's ratings wins
    return found


def columns_of(
    pa: Any, pc: Any, batches: Iterable[Any], country: str
) -> tuple[list[str], dict[str, list[Any]]]:
    """The rating sources of the catalog, in records' order, and every column's values.

    The rating columns are named ``<source>_rating`` and ``<source>_votes``; a name that
    another column has already is the caller's to refuse (as ``to_records`` does).
    """
    columns: dict[str, list[Any]] = {}
    rated: dict[str, tuple[list[Any], list[Any]]] = {}
    done = 0
    for batch in batches:
        fixed, part = _batch_columns(pa, pc, batch, country)
        for name, values in fixed.items():
            columns.setdefault(name, []).extend(values)
        for source in rated.keys() | part.keys():
            have = rated.setdefault(source, ([None] * done, [None] * done))
            new = part.get(source, ([None] * batch.num_rows, [None] * batch.num_rows))
            have[0].extend(new[0])
            have[1].extend(new[1])
        done += batch.num_rows
    sources = [s for s in SOURCES if s in rated] + sorted(rated.keys() - SOURCES.keys())
    for source in sources:
        for suffix, values in zip(("rating", "votes"), rated[source], strict=True):
            columns.setdefault(f"{source}_{suffix}", values)
    return sources, columns
