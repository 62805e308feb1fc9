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

A line is read by pyarrow only when it begins with ``{``, ends with ``}`` and holds no
``null``, ``NaN`` or ``Inf`` (which pyarrow's parser takes and orjson refuses), and a
batch only when it is valid UTF-8: then each line is exactly one object (JSON has no other
way to join two), as the object path requires, and an absent key is the only way to be
null in Arrow (the object path refuses some explicit nulls that it accepts absent).
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Iterator
from typing import IO, Any

from filmmeta._catalog.arrow import _batch, _schema
from filmmeta._catalog.checks import Oracle, decided, read_schema, runtime_micros
from filmmeta._model.film import Film
from filmmeta._model.ratings import SOURCES
from filmmeta._model.validate import file_name
from filmmeta.converters import from_json
from filmmeta.exceptions import ValidationError

__all__ = ["is_jsonl_source", "record_batches"]

_OPEN, _CLOSE = ord("{"), ord("}")
# Words the reader takes that the object path does not (NaN, Inf, Infinity, anywhere, even
# under an ignored key) or takes otherwise (an explicit null): lines holding one, even
# inside a string, take the object path.
_WORDS = (b"null", b"NaN", b"Inf")


def _plain(text: bytes) -> bool:
    return not any(word in text for word in _WORDS)


def is_jsonl_source(data: object) -> bool:
    """Whether *data* is JSON Lines to read (a path or an open file), not films."""
    return isinstance(data, str | os.PathLike) or hasattr(data, "read")


def record_batches(
    source: str | os.PathLike[str] | IO[bytes] | IO[str], *, strict: bool, batch_size: int
) -> Iterator[Any]:
    """Record batches in :func:`~arrow.arrow_schema` of the films of a JSON Lines file."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as opened:
            yield from record_batches(opened, strict=strict, batch_size=batch_size)
        return
    reader = _Reader(pa, pc, pj, strict=strict, name=file_name(source))
    lines: Iterator[tuple[int, str | bytes]] = enumerate(source, start=1)
    while chunk := list(itertools.islice(lines, batch_size)):
        batch = reader.convert(chunk)
        if batch.num_rows:
            yield batch


class _Reader:
    """What stays the same from one batch to the next: modules, schemas, the oracle."""

    def __init__(self, pa: Any, pc: Any, pj: Any, *, strict: bool, name: str | None) -> None:
        self.pa, self.pc, self.pj, self.strict, self.name = pa, pc, pj, strict, name
        self.schema, self.read_schema = _schema(pa), read_schema(pa)
        self.oracle = Oracle()
        # A field of the Arrow schema that the checks do not cover yet (a new field of the
        # model): every line takes the object path until they do. Correct first.
        self.columnar = self.schema.names == self.read_schema.names
        behaviour = "error" if strict else "ignore"
        self.parse = pj.ParseOptions(
            explicit_schema=self.read_schema, unexpected_field_behavior=behaviour
        )

    def convert(self, chunk: list[tuple[int, str | bytes]]) -> Any:
        numbers: list[int] = []
        lines: list[str | bytes] = []  # as read: the object path decodes them as load_jsonl
        texts: list[bytes] = []
        plain: list[int] = []  # indices of the lines pyarrow reads
        for number, line in chunk:
            # Blank as the object path sees it: str.strip() for text, bytes.strip() for bytes.
            if not line.strip():
                continue
            text = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
            text = text.strip()
            if self.columnar and text[0] == _OPEN and text[-1] == _CLOSE and _plain(text):
                plain.append(len(texts))
            numbers.append(number)
            lines.append(line)
            texts.append(text)
        table = self._read([texts[i] for i in plain]) if plain else None
        if table is None or table.num_rows != len(plain):
            good: list[int] = []  # one object per line, or the object path decides
        else:
            mask = decided(self.pa, self.pc, table, self.oracle)
            good = [i for i, ok in zip(plain, mask.to_pylist(), strict=True) if ok]
            table = _catalog(self.pa, self.pc, table.filter(mask), self.schema)
        return self._join(table, good, numbers, lines)

    def _read(self, texts: list[bytes]) -> Any:
        longest = max(map(len, texts))
        options = self.pj.ReadOptions(block_size=max(1 << 20, 2 * longest + 2))
        buffer = b"\n".join(texts)
        try:
            # The reader copies the bytes of strings as they are, and skips ignored keys
            # unchecked: invalid UTF-8 anywhere is found here, and left to the object path.
            buffer.decode("utf-8")
            return self.pj.read_json(
                io.BytesIO(buffer), read_options=options, parse_options=self.parse
            )
        except (self.pa.ArrowException, ValueError):
            return None  # not canonical JSON in the reader's types: the object path decides

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


def _empty(reader: _Reader) -> Any:
    return reader.pa.RecordBatch.from_pylist([], schema=reader.schema)


# -- the checked rows in filmmeta's Arrow schema --------------------------------------------


def _nonnull_list(pa: Any, column: Any, type_: Any, values: Any = None) -> Any:
    """A list column with null (absent) lists as empty ones, cast to *type_*."""
    column = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    offsets = column.offsets
    items = column.values if values is None else values
    return pa.ListArray.from_arrays(offsets, items.cast(type_.value_type), type=type_)


def _struct(pa: Any, pc: Any, items: Any, type_: Any, extra: dict[str, Any]) -> Any:
    arrays = [extra[f.name] if f.name in extra else pc.struct_field(items, f.name) for f in type_]
    return pa.StructArray.from_arrays(arrays, fields=list(type_))


def _ratings(pa: Any, pc: Any, column: Any, type_: Any) -> Any:
    column = column.combine_chunks()
    items = column.values
    source = pc.struct_field(items, "source")
    names = list(SOURCES)
    where = pc.index_in(source, value_set=pa.array(names, pa.string()))
    best = pc.take(pa.array([float(SOURCES[n].best) for n in names], pa.float64()), where)
    worst = pc.take(pa.array([float(SOURCES[n].worst) for n in names], pa.float64()), where)
    values = _struct(pa, pc, items, type_.value_type, {"best": best, "worst": worst})
    return _nonnull_list(pa, column, type_, values)


def _catalog(pa: Any, pc: Any, table: Any, schema: Any) -> Any:
    """The checked rows of *table* (the JSON's layout) in filmmeta's Arrow schema."""
    arrays = []
    for field in schema:
        name, type_ = field.name, field.type
        column = table.column(name)
        if name == "kind":
            arrays.append(pc.fill_null(column, "movie").combine_chunks())
        elif name == "runtime":
            arrays.append(runtime_micros(pa, pc, column.combine_chunks()))
        elif name == "ratings":
            arrays.append(_ratings(pa, pc, column, type_))
        elif pa.types.is_list(type_):
            column = column.combine_chunks()
            values = column.values
            if pa.types.is_struct(type_.value_type):
                values = _struct(pa, pc, values, type_.value_type, {})
            arrays.append(_nonnull_list(pa, column, type_, values))
        elif name == "ids":
            ids = column.combine_chunks()
            arrays.append(_struct(pa, pc, ids, type_, {}))
        else:
            arrays.append(column.combine_chunks().cast(type_))
    return pa.Table.from_arrays(arrays, schema=schema)
