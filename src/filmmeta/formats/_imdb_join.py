"""The IMDb reader's join: ratings, titles and credits of the selected titles, by tconst.

Behind :mod:`filmmeta.formats.imdb`. Each dataset other than title.basics is streamed and
only the rows of the selected titles are kept (``is_in`` over the selected tconsts); names
are kept only for the people those rows credit. Each becomes one list column keyed by
tconst, aligned once to the selection (one hash lookup for the whole file), so that each
batch of title.basics takes its slice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from filmmeta._model import ROLE, is_language_tag, is_region, shown
from filmmeta.exceptions import ValidationError
from filmmeta.formats._imdb_columns import (
    Members,
    Report,
    characters,
    is_text,
    joined,
    lists_of,
    mapped,
    no_nulls,
    uniques,
)
from filmmeta.formats._imdb_files import (
    DATASETS,
    ORDERING,
    DataFile,
    batches,
    checked,
    selected_rows,
)

__all__ = ["Joined"]

# IMDb's title.akas types, as the model's title kinds (docs/formats/imdb.md).
TITLE_KINDS = {
    "original": "original",
    "imdbDisplay": "display",
    "alternative": "alternative",
    "working": "working",
    "festival": "festival",
    "video": "video",
    "dvd": "video",
    "tv": "tv",
}
# IMDb's own region codes with an ISO meaning: XWW is "worldwide" (no region), XKV Kosovo.
_REGIONS: dict[str, str | None] = {"XWW": None, "XKV": "XK"}
# Principals' categories that are not the role's own word.
_ROLES = {"actress": "actor"}
_NCONSTS = (r"^nm[0-9]{1,12}(,nm[0-9]{1,12})*$", "nconsts joined by commas")
_RATING = (r"^[0-9]{1,2}(\.[0-9]{1,6})?$", "a rating")
_VOTES = (r"^[0-9]{1,18}$", "a number of votes")

Clean = Callable[[DataFile, Any, Any], Any]


class Joined:
    """The columns that title.basics is joined with, for the titles of *selected*."""

    def __init__(
        self, files: Sequence[DataFile], selected: Any, report: Report, block_size: int
    ) -> None:
        import pyarrow.compute as pc

        from filmmeta.frames import arrow_schema

        self._files, self._report, self._block_size = files, report, block_size
        self._types = {name: arrow_schema().field(name).type for name in _FIELDS}
        self._selected = selected
        self._columns: dict[str, tuple[Any, Any]] = {}
        for name, build in (
            ("ratings", self._ratings),
            ("titles", self._titles),
            ("credits", self._credits),
        ):
            found = build()
            if found is not None:
                keys, lists = found
                self._columns[name] = (pc.index_in(selected, value_set=keys), lists)

    @functools.cached_property
    def _keep(self) -> Members:
        # Built when the first other file is read: title.basics alone needs none.
        return Members(self._selected, "tt")

    def columns(self, start: int, count: int) -> dict[str, Any]:
        """The joined list columns of the selected titles *start* .. *start* + *count*."""
        import pyarrow.compute as pc

        return {
            name: no_nulls(pc.take(lists, where.slice(start, count)), self._types[name])
            for name, (where, lists) in self._columns.items()
        }

    # -- reading the other datasets -------------------------------------------------------

    def _load(self, dataset: str, key: str, keep: Members, clean: Clean) -> Any:
        import pyarrow as pa

        tables = []
        for file in self._files:
            if file.dataset != dataset:
                continue
            for line, batch in batches(file, DATASETS[dataset], self._block_size):
                mask = keep(batch[key])
                rows, lines = selected_rows(batch, mask, line)
                if rows.num_rows:
                    tables.append(clean(file, pa.Table.from_batches([rows]), lines))
        return pa.concat_tables(tables) if tables else None

    def _unique(self, table: Any, key: str, dataset: str) -> None:
        import pyarrow.compute as pc

        counts = pc.value_counts(table[key])
        repeated = counts.filter(pc.greater(counts.field("counts"), 1))
        if len(repeated):
            value, count = repeated[0]["values"].as_py(), repeated[0]["counts"].as_py()
            names = ", ".join(f.name for f in self._files if f.dataset == dataset)
            raise ValidationError.at(
                key, f"{shown(value)} is in {dataset} {count} times: IMDb gives one row each"
            ).with_file(names)

    def _grouped(self, table: Any, key: str, values: Any, name: str) -> tuple[Any, Any]:
        """One list per *key* of *values* (rows of *table*), in the table's order."""
        import pyarrow as pa
        import pyarrow.compute as pc

        rows = table.select([key]).append_column("row", pa.array(range(len(table)), pa.int64()))
        groups = rows.group_by(key, use_threads=False).aggregate([("row", "list")])
        lists = groups["row_list"].combine_chunks()
        taken = pc.take(values, pc.list_flatten(lists))
        return groups[key].combine_chunks(), lists_of(
            taken, pc.list_value_length(lists), self._types[name]
        )

    # -- title.ratings -----------------------------------------------------------------------

    def _ratings(self) -> tuple[Any, Any] | None:
        import pyarrow as pa

        table = self._load("title.ratings", "tconst", self._keep, self._clean_rating)
        if table is None:
            return None
        self._unique(table, "tconst", "title.ratings")
        struct = self._types["ratings"].value_type
        count = len(table)
        rating = pa.StructArray.from_arrays(
            [
                pa.repeat("imdb", count),
                table["value"].combine_chunks(),
                table["votes"].combine_chunks(),
                pa.repeat(10.0, count),
                pa.repeat(1.0, count),
            ],
            fields=list(struct),
        )
        ones = pa.repeat(pa.scalar(1, pa.int32()), count)
        return table["tconst"].combine_chunks(), lists_of(rating, ones, self._types["ratings"])

    def _clean_rating(self, file: DataFile, rows: Any, lines: Any) -> Any:
        import pyarrow as pa
        import pyarrow.compute as pc

        average, votes = rows["averageRating"], rows["numVotes"]
        checked(file, lines, "averageRating", average, _RATING)
        checked(file, lines, "numVotes", votes, _VOTES)
        value = average.cast(pa.float64())
        inside = pc.and_(pc.greater_equal(value, 1.0), pc.less_equal(value, 10.0))
        outside = pc.invert(pc.fill_null(inside, True))
        self._report.add(
            "title.ratings: {count} rating(s) outside IMDb's 1 to 10 left out",
            average.filter(outside),
        )
        keep = pc.fill_null(inside, False)
        return pa.table(
            {"tconst": rows["tconst"], "value": value, "votes": votes.cast(pa.int64())}
        ).filter(keep)

    # -- title.akas --------------------------------------------------------------------------

    def _titles(self) -> tuple[Any, Any] | None:
        import pyarrow as pa
        import pyarrow.compute as pc

        table = self._load("title.akas", "titleId", self._keep, self._clean_aka)
        if table is None:
            return None
        table = table.combine_chunks()
        regions, region_notes = self._codes(table["region"], _region, "region")
        languages, language_notes = self._codes(table["language"], _language, "language")
        first_type = pc.list_element(pc.split_pattern(table["types"], "\x02"), 0)
        kinds = mapped(first_type, TITLE_KINDS, pa.string())
        unknown = pc.and_(pc.is_valid(first_type), pc.is_null(kinds))
        self._report.add(
            "title.akas: {count} title type(s) that filmmeta does not know read as "
            "alternative titles, the type in the note",
            first_type.filter(unknown),
        )
        type_notes = pc.if_else(
            unknown, pc.binary_join_element_wise("IMDb type ", first_type, ""), None
        )
        # Several types: the first gives the kind, the note keeps them all.
        several = pc.fill_null(pc.match_substring(table["types"], "\x02"), False)
        all_types = pc.replace_substring(table["types"], "\x02", ", ")
        type_notes = pc.if_else(
            several, pc.binary_join_element_wise("IMDb types ", all_types, ""), type_notes
        )
        kinds = pc.if_else(pc.equal(table["isOriginalTitle"], "1"), "original", kinds)
        kinds = pc.fill_null(kinds, "alternative")
        attributes = pc.replace_substring(table["attributes"], "\x02", "; ")
        note = joined([attributes, region_notes, language_notes, type_notes], "; ")
        titles = pa.table(
            {
                "titleId": table["titleId"],
                "text": table["title"],
                "region": regions,
                "language": languages,
                "kind": kinds,
                "note": note,
                "ordering": table["ordering"].cast(pa.int64()),
            }
        )
        # Equal titles (the same text, region, language, kind and note) are one title.
        names = ["titleId", "text", "region", "language", "kind", "note"]
        titles = titles.group_by(names, use_threads=False).aggregate([("ordering", "min")])
        titles = titles.sort_by("ordering_min")
        struct = self._types["titles"].value_type
        values = pa.StructArray.from_arrays(
            [titles[field.name].combine_chunks() for field in struct], fields=list(struct)
        )
        return self._grouped(titles, "titleId", values, "titles")

    def _codes(
        self, values: Any, meaning: Callable[[str], str | bool | None], what: str
    ) -> tuple[Any, Any]:
        """Region or language codes as the model's, and a note for the others."""
        import pyarrow as pa
        import pyarrow.compute as pc

        table = {code: meaning(code) for code in uniques(values)}
        known = {code: found for code, found in table.items() if found is not False}
        codes = mapped(values, known, pa.string())
        foreign = pc.invert(pc.is_in(values, value_set=pa.array(list(known), pa.string())))
        foreign = pc.and_(pc.is_valid(values), foreign)
        self._report.add(
            f"title.akas: {{count}} {what} code(s) that are not ISO read as titles without "
            f"a {what}, the code in the note",
            values.filter(foreign),
        )
        notes = pc.if_else(foreign, pc.binary_join_element_wise(f"IMDb {what} ", values, ""), None)
        return codes, notes

    def _clean_aka(self, file: DataFile, rows: Any, lines: Any) -> Any:
        import pyarrow.compute as pc

        checked(file, lines, "ordering", rows["ordering"], ORDERING)
        checked(file, lines, "isOriginalTitle", rows["isOriginalTitle"], ("^[01]$", "0 or 1"))
        good = is_text(rows["title"])
        self._report.add(
            "title.akas: {count} blank title(s) left out", rows["titleId"].filter(pc.invert(good))
        )
        return rows.filter(good)

    # -- title.crew, title.principals and name.basics ------------------------------------

    def _credits(self) -> tuple[Any, Any] | None:
        import pyarrow as pa
        import pyarrow.compute as pc

        parts = []
        crew = self._load("title.crew", "tconst", self._keep, self._clean_crew)
        if crew is not None:
            self._unique(crew, "tconst", "title.crew")
            for role, column in (("director", "directors"), ("writer", "writers")):
                people = pc.split_pattern(crew[column], ",")
                parents = pc.list_parent_indices(people)
                parts.append(
                    pa.table(
                        {
                            "tconst": pc.take(crew["tconst"], parents),
                            "nconst": pc.list_flatten(people),
                            "role": pa.repeat(role, len(parents)),
                            "character": pa.nulls(len(parents), pa.string()),
                        }
                    )
                )
        principals = self._load("title.principals", "tconst", self._keep, self._clean_principal)
        if principals is not None:
            principals = principals.sort_by("ordering").drop_columns("ordering")
            if parts:
                # A director or writer that title.crew credits already is credited once.
                key = ["tconst", "nconst", "role"]
                given = pc.binary_join_element_wise(*(pa.concat_tables(parts)[k] for k in key), "|")
                mine = pc.binary_join_element_wise(*(principals[k] for k in key), "|")
                principals = principals.filter(pc.invert(pc.is_in(mine, value_set=given)))
            parts.append(principals)
        if not parts:
            return None
        credits = pa.concat_tables(parts).combine_chunks()
        names = self._names(pc.unique(credits["nconst"]))
        name = pc.take(names["name"], pc.index_in(credits["nconst"], value_set=names["nconst"]))
        self._report.add(
            "{count} credit(s) left out: their people are not named in name.basics",
            credits["nconst"].filter(pc.is_null(name)),
        )
        credits = credits.append_column("name", name).filter(pc.is_valid(name))
        struct = self._types["credits"].value_type
        values = pa.StructArray.from_arrays(
            [credits[field.name].combine_chunks() for field in struct], fields=list(struct)
        )
        return self._grouped(credits, "tconst", values, "credits")

    def _clean_crew(self, file: DataFile, rows: Any, lines: Any) -> Any:
        for column in ("directors", "writers"):
            checked(file, lines, column, rows[column], _NCONSTS)
        return rows

    def _clean_principal(self, file: DataFile, rows: Any, lines: Any) -> Any:
        import pyarrow as pa
        import pyarrow.compute as pc

        checked(file, lines, "ordering", rows["ordering"], ORDERING)
        checked(file, lines, "nconst", rows["nconst"], (r"^nm[0-9]{1,12}$", "an nconst"))
        category = rows["category"]
        role = mapped(category, {c: _role(c) for c in uniques(category)}, pa.string())
        self._report.add(
            "title.principals: {count} credit(s) left out: their category is not a role",
            category.filter(pc.is_null(role)),
        )
        character = characters(file, lines, rows["characters"])
        table = pa.table(
            {
                "tconst": rows["tconst"],
                "nconst": rows["nconst"],
                "role": role,
                "character": character,
                "ordering": rows["ordering"].cast(pa.int64()),
            }
        )
        return table.filter(pc.is_valid(role))

    def _names(self, needed: Any) -> Any:
        import pyarrow as pa

        def clean(file: DataFile, rows: Any, lines: Any) -> Any:
            good = is_text(rows["primaryName"])
            return rows.filter(good)

        table = self._load("name.basics", "nconst", Members(needed, "nm"), clean)
        if table is None:
            return pa.table(
                {"nconst": pa.array([], pa.string()), "name": pa.array([], pa.string())}
            )
        self._unique(table, "nconst", "name.basics")
        return pa.table({"nconst": table["nconst"], "name": table["primaryName"]})


_FIELDS = ("ratings", "titles", "credits")


def _region(code: str) -> str | bool | None:
    if is_region(code):
        return code
    return _REGIONS.get(code, False)


def _language(code: str) -> str | bool:
    return code if is_language_tag(code) else False


def _role(category: str) -> str | None:
    role = _ROLES.get(category, category)
    return role if ROLE.fullmatch(role) and len(role) <= 100 else None
