"""Batches of JSON Lines from a binary file, and what the columnar path asks of their bytes.

:func:`line_blocks` cuts a binary file into blocks of a given number of lines, as iterating
over the file would cut it (after each newline), without a bytes object per line: the file
is read into large buffers, the newlines found with numpy, and each block is a
:class:`memoryview` of its buffer, which pyarrow's reader takes without a copy. Splitting
a batch into lines and joining them again cost as much as a tenth of a JSON Lines to
Parquet conversion (docs/performance.md).

:func:`canonical` and :func:`holds_any` answer, over a block, the questions that decide
whether pyarrow may read it whole; both run in numpy over the bytes, faster than
``bytes.count`` and ``in``, which compare byte by byte.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

__all__ = ["canonical", "holds_any", "line_blocks", "lines_of"]

_NEWLINE, _OPEN, _CLOSE = ord("\n"), ord("{"), ord("}")
# The first read; later reads are sized on the lines already seen, to about one batch.
_FIRST_READ = 1 << 20
# Scanned at once by holds_any: small enough to stay in the processor's cache.
_STRIDE = 1 << 18


def line_blocks(file: IO[bytes], lines: int) -> Iterator[tuple[memoryview, Any]]:
    """Blocks of *lines* lines of *file* (the last may hold fewer) with their line ends.

    Each block comes with the offsets just after each of its newlines (a numpy array);
    the file's last line may have none. A block is a view of a buffer that later blocks
    never overwrite.
    """
    import numpy as np

    rest = b""
    size = _FIRST_READ
    read = seen = 0  # bytes read and newlines found, to size the next read
    while True:
        # Not a bytearray, which would be filled with zeros first (a tenth of the work).
        buffer = np.empty(len(rest) + size, np.uint8)
        buffer[: len(rest)] = np.frombuffer(rest, np.uint8)
        got = _read_into(file, buffer.data[len(rest) :])
        read += got
        view = buffer.data[: len(rest) + got]
        ends = _newlines(buffer[: len(view)]) + 1
        start = taken = 0
        while len(ends) - taken >= lines:
            cut = int(ends[taken + lines - 1])
            yield view[start:cut], ends[taken : taken + lines] - start
            start, taken = cut, taken + lines
        seen += len(ends)
        rest = bytes(view[start:])
        if not got:  # the end of the file: what is left is its last lines
            if rest:
                yield memoryview(rest), ends[taken:] - start
            return
        wanted = lines - (len(ends) - taken)  # lines still to read for the next block
        # At the mean length of a line so far, with a margin; at least the buffer again,
        # so that a line longer than a read is found in a few reads, not many.
        size = max(_FIRST_READ, len(rest), int(read / max(seen, 1) * wanted * 1.05))


def _newlines(data: Any) -> Any:
    """The offsets of the newlines of *data* (a numpy array of bytes).

    A stride at a time: a mask of the whole buffer would be another buffer's worth of
    memory, held while the batch is.
    """
    import numpy as np

    found = [
        np.flatnonzero(data[start : start + _STRIDE] == _NEWLINE) + start
        for start in range(0, len(data), _STRIDE)
    ]
    return np.concatenate(found) if found else np.zeros(0, np.int64)


def _read_into(file: Any, view: memoryview) -> int:
    """Fill *view* from *file* (a short read is not the end), the bytes read."""
    done = 0
    while done < len(view):
        # Straight into the buffer: read() would make a bytes object and copy it again.
        more = file.readinto(view[done:])
        if not more:
            break
        done += more
    return done


def lines_of(block: memoryview) -> list[bytes]:
    """The lines of *block*, as iterating over a file of its bytes gives them."""
    import io

    return io.BytesIO(block).readlines()


def canonical(block: memoryview, ends: Any) -> bool:
    """Whether each line of *block* begins with ``{`` and ends with ``}`` and a newline.

    As the writers make them: no blank line, no white space around a line, no carriage
    return. *ends* are the offsets after its newlines (:func:`line_blocks`); the last line
    may have no newline.
    """
    import numpy as np

    data = np.frombuffer(block, np.uint8)
    if not len(data) or data[0] != _OPEN or data[-1] not in (_NEWLINE, _CLOSE):
        return False
    if data[-1] == _NEWLINE and (len(data) < 2 or data[-2] != _CLOSE):
        return False
    # Each newline follows a "}" (ends >= 2: the block begins with "{") and, but at the
    # block's end, precedes a "{".
    inner = ends[ends < len(data)]
    return bool((data[ends - 2] == _CLOSE).all() and (data[inner] == _OPEN).all())


def holds_any(block: memoryview, words: tuple[bytes, ...]) -> bool:
    """Whether any of *words* occurs in *block*."""
    import numpy as np

    data = np.frombuffer(block, np.uint8)
    longest = max(map(len, words))
    for start in range(0, len(data), _STRIDE):
        # Each stride overlaps the next by a word, less a byte: a word across them is seen.
        part = data[start : start + _STRIDE + longest - 1]
        for word in words:
            places = len(part) - len(word) + 1
            if places <= 0:
                continue
            found = part[:places] == word[0]
            for i in range(1, len(word)):
                found &= part[i : i + places] == word[i]
            if found.any():
                return True
    return False
