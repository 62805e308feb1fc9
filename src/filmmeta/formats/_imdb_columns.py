"""Column helpers of the IMDb reader: text the model takes, lists, and what was left out.

Behind :mod:`filmmeta.formats.imdb`. Everything here works on whole Arrow columns.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from filmmeta._model import MAX_TEXT, shown
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import warn

if TYPE_CHECKING:
    from filmmeta.formats._imdb_files import DataFile

__all__ = [
    "Members",
    "Report",
    "characters",
    "empty_lists",
    "is_text",
    "joined",
    "lists_of",
    "mapped",
    "no_nulls",
    "uniques",
]

# A JSON list of plain strings, as title.principals writes characters: read in columns.
_CHARACTERS = r'^\["[^"\\]*"(,"[^"\\]*")*\]$'
# The texts the model refuses as empty: Python's str.isspace (Unicode White_Space and the
# C0 separators), written for RE2, so that a title of spaces is found in the column.
_BLANK = r"^[\t\n\x0b\f\r\x1c-\x1f \x85\p{Z}]*$"


def is_text(values: Any) -> Any:
    """Where *values* holds text the model takes (not null, not blank, not too long)."""
    import pyarrow.compute as pc

    blank = pc.match_substring_regex(values, _BLANK)
    long = pc.greater(pc.utf8_length(values), MAX_TEXT)
    return pc.fill_null(pc.invert(pc.or_(blank, long)), False)


def joined(parts: list[Any], separator: str) -> Any:
    """The non-null texts of *parts* joined by *separator*, row by row; null if none."""
    import pyarrow.compute as pc

    # Not binary_join_element_wise(null_handling="skip"): its result can be short of rows
    # when a row's texts are all null (pyarrow 26).
    result = parts[0]
    for part in parts[1:]:
        both = pc.binary_join_element_wise(result, part, separator)
        result = pc.if_else(pc.is_null(result), part, pc.if_else(pc.is_null(part), result, both))
    return result


def mapped(values: Any, table: dict[str, Any], type_: Any) -> Any:
    """*values* looked up in *table* (text -> value); a value not in it gives null."""
    import pyarrow as pa
    import pyarrow.compute as pc

    keys = pa.array(list(table), pa.string())
    results = pa.array(list(table.values()), type_)
    return pc.take(results, pc.index_in(values, value_set=keys))


def uniques(values: Any) -> list[str]:
    """The distinct texts of *values*, nulls aside."""
    import pyarrow.compute as pc

    return [value for value in pc.unique(values).to_pylist() if value is not None]


def lists_of(values: Any, lengths: Any, type_: Any) -> Any:
    """A list array of *type_*: *lengths* items each, taken in order from *values*."""
    import pyarrow as pa
    import pyarrow.compute as pc

    sums = pc.cumulative_sum(lengths.cast(pa.int32()))
    offsets = pa.concat_arrays([pa.array([0], pa.int32()), sums])
    return pa.ListArray.from_arrays(offsets, values, type=type_)


def no_nulls(lists: Any, type_: Any) -> Any:
    """*lists* (from a take) with each null an empty list, as the schema's lists are."""
    import pyarrow as pa

    # A take gives a null list no items: its offsets say so already.
    return pa.ListArray.from_arrays(lists.offsets, lists.values, type=type_)


def empty_lists(count: int, type_: Any) -> Any:
    """*count* empty lists of *type_*."""
    import pyarrow as pa

    offsets = pa.repeat(pa.scalar(0, pa.int32()), count + 1)
    return pa.ListArray.from_arrays(offsets, pa.array([], type_.value_type), type=type_)


class Members:
    """A set of IMDb ids (``tt`` or ``nm`` and digits) that whole columns are tested against.

    ``pc.is_in`` hashes its value set on every call: 0.3 to 0.8 s for the 2.4 million
    films of 10^7 titles, per block of a file. A large set is held instead as a bitmap
    indexed by the id's number, built once, and each block is one ``take`` from it.
    """

    # A bitmap up to 32 MiB (ids below 2^28; IMDb's run to about 4 * 10^7), and only for
    # sets that a hash table would make slow.
    _MOST = 1 << 28
    _FEWEST = 10_000

    def __init__(self, ids: Any, prefix: str) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        self._prefix = prefix
        self._ids = ids
        numbers = self._numbers(ids).drop_null()
        self._top = pc.max(numbers).as_py() if len(numbers) else -1
        self._bits: Any = None
        every = len(numbers) == len(ids) - ids.null_count  # no id of ten digits or more
        if every and len(ids) >= self._FEWEST and self._top < self._MOST:
            bits = bytearray(self._top // 8 + 1)
            # In slices: a list of every id at once would take 86 MiB at 2.4 million.
            for start in range(0, len(numbers), 1 << 16):
                for number in numbers.slice(start, 1 << 16).to_pylist():
                    bits[number >> 3] |= 1 << (number & 7)
            buffers = [None, pa.py_buffer(bits)]
            self._bits = pa.BooleanArray.from_buffers(pa.bool_(), self._top + 1, buffers)

    def _numbers(self, values: Any) -> Any:
        import pyarrow as pa
        import pyarrow.compute as pc

        # Nine digits at most, so that every number fits in the bitmap's range.
        ids = pc.match_substring_regex(values, f"^{self._prefix}[0-9]{{1,9}}$")
        digits = pc.if_else(pc.fill_null(ids, False), pc.utf8_slice_codeunits(values, 2), None)
        return digits.cast(pa.int64())

    def __call__(self, values: Any) -> Any:
        """Where *values* holds one of the ids (false for nulls)."""
        import pyarrow.compute as pc

        if self._bits is None:
            found = pc.is_in(values, value_set=self._ids, skip_nulls=True)
            return pc.fill_null(found, False)
        # The number alone also takes "tt01" for "tt0000001": harmless, as the join
        # matches the text exactly and leaves such rows out.
        numbers = self._numbers(values)
        numbers = pc.if_else(pc.less_equal(numbers, self._top), numbers, None)
        return pc.fill_null(pc.take(self._bits, numbers), False)


class Report:
    """What a read left out or changed, counted, for one warning per kind at the end."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = {}

    def add(self, what: str, values: Any) -> None:
        """Count *values* (an Arrow array of text, or a list) under the message *what*."""
        found = values if isinstance(values, list) else values.to_pylist()
        if found:
            self._counts.setdefault(what, Counter()).update(
                "null" if value is None else str(value) for value in found
            )

    def warn(self) -> None:
        """Issue one :class:`~filmmeta.FilmmetaWarning` per message, with its counts."""
        for what, counts in self._counts.items():
            shown_counts = ", ".join(
                f"{shown(value)} {count:,}" for value, count in counts.most_common(5)
            )
            more = ", ..." if len(counts) > 5 else ""
            warn(f"{what.format(count=f'{counts.total():,}')} ({shown_counts}{more})")
        self._counts.clear()


def characters(file: DataFile, lines: Any, values: Any) -> Any:
    """title.principals' characters (JSON lists) as one text: ``"Self / Host"``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    plain = pc.fill_null(pc.match_substring_regex(values, _CHARACTERS), False)
    inner = pc.utf8_slice_codeunits(values, 2, -2)
    joined = pc.replace_substring(inner, '","', " / ")
    if pc.all(pc.or_(plain, pc.is_null(values))).as_py():
        return pc.if_else(is_text(joined), joined, None)
    # Escapes or other JSON: read those rows one by one (they are few).
    result = pc.if_else(plain, joined, None).to_pylist()
    for i, text in enumerate(values.to_pylist()):
        if text is None or result[i] is not None:
            continue
        result[i] = _character(text, file, lines[i].as_py())
    out = pa.array(result, pa.string())
    return pc.if_else(is_text(out), out, None)


def _character(text: str, file: DataFile, line: int) -> str | None:
    try:
        names = json.loads(text)
    except (ValueError, RecursionError):
        names = None
    if not (isinstance(names, list) and all(isinstance(name, str) for name in names)):
        raise ValidationError.at(
            "characters", f"{shown(text)} is not a JSON list of names"
        ).with_line(line, file.name)
    return " / ".join(names) or None
