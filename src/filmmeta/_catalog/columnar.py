"""JSON Lines to Arrow without a Film per row: pyarrow's C++ reader and the model's checks.

:func:`record_batches` reads a JSON Lines file in batches of lines. Each batch is parsed by
:func:`pyarrow.json.read_json` against the JSON's own schema (:func:`~checks.read_schema`,
strict about JSON types and, unless ``strict=False``, about unknown keys), checked over
whole columns (:func:`~checks.decided`) and converted to :func:`~arrow.arrow_schema`
with Arrow compute. Only the lines that the columnar checks cannot decide go through the
object path (:func:`~filmmeta.from_json`), which gives their films or the exact
:class:`~filmmeta.ValidationError` with line, file and path; a batch that pyarrow cannot
read at all goes through the object path whole. So the result, and every error, are those
of ``write_parquet(load_jsonl(path))``, at the speed of the C++ reader for the lines that
are plainly valid; memory is bounded by the batch, never by the file.

A binary file is cut into blocks of lines without a bytes object per line
(:func:`~blocks.line_blocks`). A block whose lines all begin with ``{``, end with ``}``
and hold no ``null`` (and, for the lenient reader, no ``NaN`` or ``Inf``, which pyarrow's
parser takes and orjson refuses) is read whole (the common case, no Python loop over its
lines); otherwise, as for a text file, the lines that are so are read, and the others go
to the object path. A batch is read only when it is valid UTF-8. Then each line is
exactly one object (JSON has no other way to join two), as the object path requires, and
an absent key is the only way to be null in Arrow (the object path refuses some explicit
nulls that it accepts absent). Open-ended ids (``ids.other``) are the object path's:
pyarrow cannot hold an object of any keys. The strict reader reads with the fields that
the file's lines held so far (:mod:`~filmmeta._catalog.shapes`), and with the whole
schema when a line holds another.
"""

from __future__ import annotations

import collections
import functools
import inspect
import io
import itertools
import os
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Any

from filmmeta._catalog import blocks, masks
from filmmeta._catalog.arrow import _batch, _schema
from filmmeta._catalog.checks import Oracle, covers, decided, read_schema, runtime_micros
from filmmeta._catalog.parts import DEFAULTS
from filmmeta._catalog.shapes import Shape, widen
from filmmeta._model import SOURCES, Film, file_name
from filmmeta.converters import from_json
from filmmeta.exceptions import ValidationError

__all__ = ["is_jsonl_source", "pooled", "record_batches"]

_OPEN, _CLOSE, _NEWLINE = ord("{"), ord("}"), ord("\n")
# Batches parsed ahead. Two, each by a thread, cost 15% more CPU and 60 MiB more on a
# loaded machine, and were slower there (docs/performance.md).
_AHEAD = 1
# pyarrow's block size is a 32-bit integer: a larger batch is read in blocks of 1 GiB.
_MOST_BLOCK = 1 << 30
# Words the reader takes otherwise than the object path (an explicit null, which the
# object path refuses for some fields that it accepts absent): lines holding one, even
# inside a string, take the object path. Open-ended ids ("other": {...}) too: a line
# naming them would stop the strict reader's whole batch, which does not know their keys.
_WORDS = (b"null", b'"other"')
# NaN, Inf and Infinity, which the reader takes and the object path refuses: in a rating's
# value the checks refuse them (no comparison holds), in an integer or a text the reader
# fails, and only under a key that the lenient reader ignores would they pass unseen.
_LENIENT_WORDS = (*_WORDS, b"NaN", b"Inf")


def is_jsonl_source(data: object) -> bool:
    """Whether *data* is JSON Lines to read (a path or an open file), not films."""
    return isinstance(data, str | os.PathLike) or hasattr(data, "read")


def record_batches(
    source: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    strict: bool,
    batch_size: int,
    memory_pool: Any = None,
) -> Iterator[Any]:
    """Record batches in :func:`~arrow.arrow_schema` of the films of a JSON Lines file.

    With *memory_pool*, the reads and the checks allocate from it rather than from
    pyarrow's default pool (see :func:`pooled`).
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as opened:
            yield from record_batches(
                opened, strict=strict, batch_size=batch_size, memory_pool=memory_pool
            )
        return
    reader = _Reader(pa, pc, pj, strict=strict, name=file_name(source), pool=memory_pool)
    if isinstance(source, io.BufferedIOBase | io.RawIOBase):
        chunks = _blocks(source, batch_size)
    else:
        chunks = _line_chunks(source, batch_size)
    # Cutting the file into batches is cheap and done here, in order. A thread parses the
    # next batch (pyarrow parses without the GIL) while this one checks and converts the
    # last, and the caller writes it: two batches at most are held. The thread is this
    # call's own and ends with it, even if the caller stops.
    pool = ThreadPoolExecutor(_AHEAD, thread_name_prefix="filmmeta-jsonl")
    pending: collections.deque[tuple[Any, int, Future[Any]]] = collections.deque()
    first = 1
    try:
        for chunk, count, ends in chunks:
            pending.append((chunk, count, pool.submit(reader.read, chunk, ends, count)))
            if len(pending) > _AHEAD:
                first = yield from _next(reader, pending, first)
        while pending:
            first = yield from _next(reader, pending, first)
    finally:
        pool.shutdown(cancel_futures=True)


def _next(
    reader: _Reader, pending: collections.deque[tuple[Any, int, Future[Any]]], first: int
) -> Generator[Any, None, int]:
    """The batch of the first pending chunk (line *first* on) if it has rows; the next line."""
    chunk, count, parsed = pending.popleft()
    batch = reader.convert(first, chunk, parsed.result())
    if batch.num_rows:
        yield batch
    return first + count


# A batch: its lines (a block of a binary file, or the lines of a text file), how many
# they are, and the offsets after a block's newlines (None for lines of text).
_Chunk = tuple["memoryview | list[str | bytes]", int, Any]


def _blocks(source: Any, size: int) -> Iterator[_Chunk]:
    for block, ends in blocks.line_blocks(source, size):
        # The file's last line may have no newline.
        yield block, len(ends) + (block[-1] != _NEWLINE), ends


def _line_chunks(source: Any, size: int) -> Iterator[_Chunk]:
    lines: Iterator[str | bytes] = iter(source)
    while chunk := list(itertools.islice(lines, size)):
        yield chunk, len(chunk), None


class _Reader:
    """What stays the same from one batch to the next: modules, schemas, the oracle."""

    def __init__(
        self, pa: Any, pc: Any, pj: Any, *, strict: bool, name: str | None, pool: Any = None
    ) -> None:
        self.schema, self.read_schema = _schema(pa), read_schema(pa)
        if pool is not None:
            pa, pc, pj = pooled(pa, pool), pooled(pc, pool), pooled(pj, pool)
        self.pa, self.pc, self.pj, self.strict, self.name = pa, pc, pj, strict, name
        self.pool = pool
        self.oracle = Oracle()
        # A field of the Arrow schema that the checks do not cover yet (a new field of the
        # model): every line takes the object path until they do. Correct first.
        self.columnar = covers(pa, self.schema)
        self.words = _WORDS if strict else _LENIENT_WORDS
        behaviour = "error" if strict else "ignore"
        self.parse = pj.ParseOptions(
            explicit_schema=self.read_schema, unexpected_field_behavior=behaviour
        )
        # Strict: read with the fields the lines held so far, which a line holding another
        # stops. Lenient, the narrow reader would skip such a field unseen.
        self.shape = Shape(pa, self.read_schema) if strict else None
        self.narrow: tuple[Any, Any] = (None, None)  # a narrow schema and its options

    def read(self, chunk: memoryview | list[str | bytes], ends: Any, count: int) -> Any:
        """The table of a block whose lines are all canonical objects, else None."""
        if ends is None:  # lines of text: _lines reads them
            return None
        block: memoryview = chunk  # type: ignore[assignment]
        if not (self.columnar and blocks.canonical(block, ends)):
            return None
        if blocks.holds_any(block, self.words):
            return None
        table = self._read(block)
        return table if table is not None and table.num_rows == count else None

    def convert(self, first: int, chunk: memoryview | list[str | bytes], table: Any) -> Any:
        """The batch of the lines *chunk* (line *first* on), *table* if :meth:`read` gave one."""
        if table is None:
            return self._lines(first, _lines_of(chunk))
        mask = decided(self.pa, self.pc, table, self.oracle)
        if self.pc.all(mask).as_py():  # the common case: every line checked
            return _catalog(self, table).to_batches()[0]
        good = self.pc.indices_nonzero(mask).to_pylist()
        table = _catalog(self, table.filter(mask))
        lines = _lines_of(chunk)
        return self._join(table, good, list(range(first, first + len(lines))), lines)

    def _plain(self, text: bytes) -> bool:
        return not any(word in text for word in self.words)

    def _lines(self, first: int, chunk: list[str | bytes]) -> Any:
        """Line by line: blank lines, text, lines that the object path must read."""
        numbers: list[int] = []
        lines: list[str | bytes] = []  # as read: the object path decodes them as load_jsonl
        texts: list[bytes] = []
        plain: list[int] = []  # indices of the lines pyarrow reads
        for number, line in enumerate(chunk, start=first):
            # Blank as the object path sees it: str.strip() for text, bytes.strip() for bytes.
            if not line.strip():
                continue
            text = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
            text = text.strip()
            if self.columnar and text[0] == _OPEN and text[-1] == _CLOSE and self._plain(text):
                plain.append(len(texts))
            numbers.append(number)
            lines.append(line)
            texts.append(text)
        table = None
        if plain:
            table = self._read(b"\n".join(texts[i] for i in plain))
        if table is None or table.num_rows != len(plain):
            good: list[int] = []  # one object per line, or the object path decides
        else:
            mask = decided(self.pa, self.pc, table, self.oracle)
            good = [i for i, ok in zip(plain, mask.to_pylist(), strict=True) if ok]
            table = _catalog(self, table.filter(mask))
        return self._join(table, good, numbers, lines)

    def _read(self, buffer: bytes | memoryview) -> Any:
        # The whole batch as one block, in this thread alone: the batch is read while the
        # last one is checked and written, so that both cores work already; with threads
        # of its own the reader competes with them, and cuts the batch into chunks that
        # the checks must join again (docs/performance.md has the figures).
        data = self.pa.py_buffer(buffer)
        block = min(max(1 << 20, len(data) + 1), _MOST_BLOCK)
        options = self.pj.ReadOptions(block_size=block, use_threads=False)
        try:
            # The reader copies the bytes of strings as they are, and skips ignored keys
            # unchecked: invalid UTF-8 anywhere is found here, and left to the object path.
            _utf8(self.pa, data)
            narrow, parse = self.narrow
            if narrow is not None:
                try:
                    table = self.pj.read_json(
                        self.pa.BufferReader(data), read_options=options, parse_options=parse
                    )
                    return widen(self.pa, self.pc, table, self.read_schema, self.pool)
                except self.pa.ArrowException:
                    pass  # a field the narrow schema lacks, or not JSON: read it whole
            table = self.pj.read_json(
                self.pa.BufferReader(data), read_options=options, parse_options=self.parse
            )
        except self.pa.ArrowException:
            return None  # not canonical JSON in the reader's types: the object path decides
        if self.shape is not None:
            self._learn(self.shape, table)
        return table

    def _learn(self, shape: Shape, table: Any) -> None:
        # The caller's thread reads too (lines of a batch read one by one): the fields
        # learnt only grow, and a narrow schema that lacks one costs a second read alone.
        shape.learn(table)
        options = self.pj.ParseOptions(
            explicit_schema=shape.schema, unexpected_field_behavior="error"
        )
        self.narrow = (shape.schema, options)

    def _join(
        self, table: Any, good: list[int], numbers: list[int], lines: list[str | bytes]
    ) -> Any:
        """The checked rows and the object path's rows, in line order."""
        decided_rows = set(good)
        rest = [i for i in range(len(lines)) if i not in decided_rows]
        films: list[Film] = []
        for i in rest:
            try:
                films.append(from_json(lines[i], Film, strict=self.strict))
            except ValidationError as err:
                raise err.with_line(numbers[i], self.name) from None
        if not good and not films:
            return _empty(self)
        if not rest:
            return table.combine_chunks().to_batches()[0]
        slow = self.pa.Table.from_batches([_batch(self.pa, self.schema, films)], self.schema)
        if not good:
            return slow.combine_chunks().to_batches()[0]
        both = self.pa.concat_tables([table, slow])
        order = sorted(range(len(good) + len(rest)), key=(good + rest).__getitem__)
        return both.take(self.pa.array(order, self.pa.int64())).combine_chunks().to_batches()[0]


def _lines_of(chunk: memoryview | list[str | bytes]) -> list[str | bytes]:
    return list(blocks.lines_of(chunk)) if isinstance(chunk, memoryview) else chunk


def _utf8(pa: Any, data: Any) -> None:
    """Raise :class:`pyarrow.ArrowInvalid` unless *data* (a buffer) is valid UTF-8."""
    import numpy as np

    offsets = pa.py_buffer(np.array([0, len(data)], np.int64))
    pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, data]).validate(full=True)


def _empty(reader: _Reader) -> Any:
    return reader.pa.RecordBatch.from_pylist([], schema=reader.schema)


# -- the checked rows in filmmeta's Arrow schema --------------------------------------------


def _catalog(reader: _Reader, table: Any) -> Any:
    """The checked rows of *table* (the JSON's layout) in filmmeta's Arrow schema."""
    pa, schema = reader.pa, reader.schema
    arrays = [
        _convert(reader, masks.whole(table.column(field.name)), field, field.name)
        for field in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def _convert(reader: _Reader, column: Any, field: Any, path: str) -> Any:
    """One checked column as *field* of the catalog's schema; *path* as in DEFAULTS."""
    import numpy as np

    pa, pc, pool = reader.pa, reader.pc, reader.pool
    type_ = field.type
    if column.null_count == len(column) and path not in DEFAULTS:
        # Absent everywhere, as model 2's parts often are: nulls, or empty lists.
        if pa.types.is_list(type_):
            offsets = pa.array(np.zeros(len(column) + 1, np.int32))
            empty = pa.array([], type_.value_type)
            return pa.ListArray.from_arrays(offsets, empty, type=type_, pool=pool)
        if field.nullable and not pa.types.is_struct(type_):
            return pa.nulls(len(column), type_)
    if path in DEFAULTS:
        column = pc.fill_null(column, DEFAULTS[path])
    if pa.types.is_struct(type_):
        given = {f.name: pc.struct_field(column, f.name) for f in column.type}
        if path == "ratings[]":
            # A known source's scale, left out of canonical JSON, from the registry.
            given["best"], given["worst"] = _scale(pa, pc, given["source"])
        arrays = [_convert(reader, given[f.name], f, f"{path}.{f.name}") for f in type_]
        # Under a null part, a field that the part always has holds "" or 0, as Arrow
        # builds it from films: Parquet refuses nulls in a non-nullable column.
        arrays = [
            array if f.nullable or not array.null_count else pc.fill_null(array, _zero(pa, f.type))
            for f, array in zip(type_, arrays, strict=True)
        ]
        # A part that a film always has (ids) is an all-null struct when absent, as the
        # model builds it; an optional one (collection, budget) is null.
        mask = pc.is_null(column) if field.nullable and column.null_count else None
        return pa.StructArray.from_arrays(arrays, fields=list(type_), mask=mask, memory_pool=pool)
    if pa.types.is_list(type_):
        # Null (absent) lists as empty ones.
        lengths = pc.fill_null(pc.list_value_length(column), 0)
        offsets = pc.cast(
            pa.concat_arrays(
                [pa.array([0], pa.int64()), pc.cast(pc.cumulative_sum(lengths), pa.int64())]
            ),
            pa.int32(),
        )
        item = pa.field("element", type_.value_type, nullable=False)
        values = _convert(reader, pc.list_flatten(column), item, f"{path}[]")
        return pa.ListArray.from_arrays(offsets, values, type=type_, pool=pool)
    if pa.types.is_duration(type_):
        return runtime_micros(pa, pc, column)
    return pc.cast(column, type_)


def _zero(pa: Any, type_: Any) -> Any:
    return pa.scalar("" if pa.types.is_string(type_) else 0, type_)


def _scale(pa: Any, pc: Any, source: Any) -> tuple[Any, Any]:
    names = list(SOURCES)
    where = pc.index_in(source, value_set=pa.array(names, pa.string()))
    best = pa.array([float(SOURCES[n].best) for n in names], pa.float64())
    worst = pa.array([float(SOURCES[n].worst) for n in names], pa.float64())
    return pc.take(best, where), pc.take(worst, where)


def pooled(module: Any, pool: Any) -> Any:
    """*module* (pyarrow, pyarrow.compute, pyarrow.json) with its functions using *pool*.

    Only the module's functions that take a ``memory_pool``: a class's constructors
    (``StructArray.from_arrays``) and an array's methods (``cast``, ``take``) are the
    caller's to give the pool, or to replace by the compute functions.

    The columns of a DataFrame outlive the batches they are made from: with pyarrow's
    default pool (mimalloc) the memory of every freed batch stays with the process, and
    the peak of ``to_dataframe`` grows by about two batches' worth. The system's
    allocator gives it back. A pool passed to each call, never :func:`pyarrow.set_memory_pool`,
    which would change every other user of pyarrow in the process.
    """
    return _Pooled(module, pool)


class _Pooled:
    """A module whose functions that take a ``memory_pool`` are given *pool*."""

    def __init__(self, module: Any, pool: Any) -> None:
        self._module, self._pool = module, pool

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._module, name)
        # Functions alone: not the classes, nor the modules (pyarrow.types) that pyarrow holds.
        if (
            callable(found)
            and not isinstance(found, type)
            and "memory_pool" in inspect.signature(found).parameters
        ):
            found = functools.partial(found, memory_pool=self._pool)
        setattr(self, name, found)  # looked up once per name
        return found
