"""Masks computed from Arrow's buffers with numpy, where Arrow compute costs more.

The columnar checks (:mod:`~filmmeta._catalog.checks`) spend most of their time on a few
tests over every value of a batch: that a text is not blank (a regular expression per
value) and which rows hold a failing list item (a hash set of row numbers). Both have a
cheaper form over the arrays' buffers: a text whose first byte is printable ASCII other
than the space is not blank, whatever follows, and a row number is a position in a
numpy array. Only the values the cheap form cannot decide (a text that begins with a
space or with a character beyond ASCII) go through the exact test, so every mask here is
the mask the exact test gives, value for value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["every", "rows_without", "text_ok", "whole"]

# Printable ASCII but the space: no character that str.isspace() calls white space.
_FIRST_LOW, _FIRST_HIGH = 0x21, 0x7E


def text_ok(pa: Any, pc: Any, values: Any, most: int, exact: Callable[[Any], Any]) -> Any:
    """Per string of *values* (a StringArray), ``exact(values)`` computed cheaply.

    *exact* is the whole test (not blank, at most *most* bytes), null for a null value;
    it runs only on the values whose first byte does not settle it.
    """
    import numpy as np

    count = len(values)
    _, offsets, data = values.buffers()
    ends = np.frombuffer(offsets, np.int32, count + 1, values.offset * 4)
    starts, lengths = ends[:-1], np.diff(ends)
    first = np.zeros(count, np.uint8)
    filled = lengths > 0
    # A buffer of no bytes (every text empty) may be absent.
    first[filled] = np.frombuffer(data or b"", np.uint8)[starts[filled]]
    ok = (first >= _FIRST_LOW) & (first <= _FIRST_HIGH) & (lengths <= most)
    missing = pc.is_null(values).to_numpy(zero_copy_only=False)
    rest = np.flatnonzero(~ok & ~missing)
    if rest.size:  # a space or a character beyond ASCII first, or too long: the exact test
        decided = exact(pc.take(values, pa.array(rest)))
        ok[rest] = pc.fill_null(decided, False).to_numpy(zero_copy_only=False)
    return pa.array(ok, mask=missing)


def rows_without(pa: Any, bad: Any, rows: int) -> Any:
    """The mask of *rows* rows, False at each row number of *bad* (an integer array)."""
    import numpy as np

    ok = np.ones(rows, np.bool_)
    ok[bad.to_numpy(zero_copy_only=False)] = False
    return pa.array(ok)


def every(pa: Any, rows: int) -> Any:
    """A mask of *rows* rows, all True (from numpy: a Python list costs a call per row)."""
    import numpy as np

    return pa.array(np.ones(rows, np.bool_))


def whole(column: Any) -> Any:
    """The array of a chunked column: its one chunk as it is (combining would copy it)."""
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
