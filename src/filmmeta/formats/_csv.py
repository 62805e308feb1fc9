"""Reading the CSV files people export and keep: encodings, delimiters, rows with lines.

The CSV formats (:mod:`~filmmeta.formats.letterboxd`, :mod:`~filmmeta.formats.imdb_csv`,
:mod:`~filmmeta.formats.movielens`) read their files through :func:`open_table`, which
settles once for all of them:

- what a source may be: a path, the file's bytes, or a file open in binary or text mode;
- the encoding: UTF-8 (with or without a byte order mark), UTF-16 with its byte order mark
  (what spreadsheet programs write as "Unicode text"), or the one the caller names. A file
  that is not in the encoding read is refused with the line and the bytes that are wrong
  and the remedy (``encoding="cp1252"``), never decoded into mojibake;
- the delimiter, from the header: a comma, or the semicolon or tab that spreadsheet
  programs in many locales write instead;
- line numbers in every error, and csv's own errors (a field over the size limit, a stray
  carriage return) as :class:`~filmmeta.ValidationError`.

The module is private: the formats of this package are its only users.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from typing import IO, Any, TypeAlias

from filmmeta._model import file_name, shown, shown_typed
from filmmeta.exceptions import ROOT, ValidationError

__all__ = ["Row", "Source", "Table", "open_table"]

#: What a CSV reader accepts: a path, the file's bytes, or an open file.
Source: TypeAlias = str | os.PathLike[str] | bytes | bytearray | IO[bytes] | IO[str]

_DELIMITERS = (",", ";", "\t")
#: The longest line read: a review of 100,000 characters fits, and a file that is one
#: endless line is refused before it fills the memory.
MAX_LINE = 1_000_000
_REMEDY = (
    "it may have been saved by a spreadsheet program in another encoding: read it with "
    "encoding='cp1252' (Windows), 'mac_roman' or the encoding it was saved in"
)


class Row:
    """One row of a table: its line number and its fields by column name.

    Missing trailing fields read as empty, so a row shorter than its header (a trailing
    empty column some programs drop) is read as the header says.
    """

    __slots__ = ("_columns", "_fields", "line")

    def __init__(self, line: int, fields: list[str], columns: Mapping[str, int]) -> None:
        self.line = line
        self._fields = fields
        self._columns = columns

    def get(self, column: str | None) -> str | None:
        """The stripped field of *column*, or None when it is empty or not in the file."""
        if column is None:
            return None
        index = self._columns.get(column)
        if index is None or index >= len(self._fields):
            return None
        value = self._fields[index].strip()
        return value or None

    def error(self, column: str, message: str) -> ValidationError:
        """An error about *column* of this row."""
        return ValidationError.at(column, message)


class Table:
    """A CSV file being read: its header, its delimiter and its rows.

    Attributes:
        file: The file's name, when it has one.
        header: The column names, stripped, in order.
        delimiter: The delimiter found in the header.
    """

    def __init__(self, lines: Iterator[str], file: str | None) -> None:
        self.file = file
        self._lines = _Numbered(lines)
        first = self._lines.first_line()
        counts = [first.count(d) for d in _DELIMITERS]
        self.delimiter = _DELIMITERS[counts.index(max(counts))]
        self._reader = csv.reader(
            self._lines.with_first(first), delimiter=self.delimiter, strict=False
        )
        header = self._next() or []
        self.header = tuple(name.strip().lstrip("\ufeff") for name in header)
        self.columns = {name: i for i, name in reversed(list(enumerate(self.header)))}

    def _next(self) -> list[str] | None:
        try:
            return next(self._reader)
        except StopIteration:
            return None
        except csv.Error as err:
            raise self.error(f"not CSV ({err})", self._lines.number) from None

    def next_header(self) -> None:
        """Take the next non-blank row as the header of the rows that follow it.

        For files of two parts (a Letterboxd list: the list's own row, then its films).
        """
        for row in self.rows():
            self.header = tuple(name.strip() for name in row._fields)
            self.columns = {name: i for i, name in reversed(list(enumerate(self.header)))}
            return
        self.header, self.columns = (), {}

    def error(self, message: str, line: int) -> ValidationError:
        """An error about the whole of *line* of this file."""
        return ValidationError.at(ROOT, message).with_line(line, self.file)

    def column(self, *names: str) -> str | None:
        """The first of *names* that is a column of the file, or None."""
        for name in names:
            if name in self.columns:
                return name
        return None

    def rows(self) -> Iterator[Row]:
        """Yield the rows after the header, skipping blank ones.

        A field longer than csv's limit (131,072 characters) is an error, not a row.
        """
        while True:
            start = self._lines.number + 1
            fields = self._next()
            if fields is None:
                return
            if not any(f.strip() for f in fields):
                continue
            if len(fields) > len(self.header) and any(
                f.strip() for f in fields[len(self.header) :]
            ):
                # A delimiter inside a field that was not quoted: which field it split
                # cannot be told, so the row is refused rather than read shifted.
                raise self.error(
                    f"{len(fields)} fields for the {len(self.header)} columns of the header",
                    start,
                )
            yield Row(start, fields, self.columns)

    def wrap(self, row: Row, err: ValidationError) -> ValidationError:
        """*err*, raised while reading *row*, located on its line and in this file."""
        return err.with_line(row.line, self.file)


class _Numbered:
    """The file's lines, counted, with decoding errors turned into ValidationErrors."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.number = 0

    def first_line(self) -> str:
        for line in self:
            if line.strip():
                return line
        return ""

    def with_first(self, first: str) -> Iterator[str]:
        yield first
        yield from self

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            self.number += 1
            yield line


def _limited(read_line: Callable[[int], Any], file: str | None) -> Iterator[Any]:
    """The lines *read_line* gives, each at most :data:`MAX_LINE` long, until the end."""
    number = 0
    while line := read_line(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE:
            # One endless line (a damaged file, a ZIP bomb) would be read whole.
            message = f"longer than {MAX_LINE:,} characters: not a CSV file of films"
            raise ValidationError.at(ROOT, message).with_line(number, file)
        yield line


def _binary_lines(stream: IO[bytes], encoding: str, file: str | None) -> Iterator[str]:
    decode = codecs.getdecoder(encoding)
    for number, raw in enumerate(_limited(stream.readline, file), start=1):
        try:
            text, _ = decode(raw)
        except UnicodeDecodeError as err:
            bad = raw[err.start : err.end]
            message = f"not {encoding} text: {bad!r} at byte {err.start + 1} of the line"
            if encoding == "utf-8":
                message += f"; {_REMEDY}"
            raise ValidationError.at(ROOT, message).with_line(number, file) from None
        if number == 1:
            text = text.removeprefix("\ufeff")
        yield text


def _text_lines(stream: IO[str], file: str | None) -> Iterator[str]:
    first = True
    try:
        for line in _limited(stream.readline, file):
            yield line.removeprefix("\ufeff") if first else line
            first = False
    except UnicodeDecodeError as err:
        # A text stream decodes ahead in blocks: the line is not known.
        message = (
            f"not {err.encoding} text: {err.object[err.start : err.end]!r}; {_REMEDY}, "
            "or give the file open in binary mode"
        )
        error = ValidationError.at(ROOT, message)
        raise (error.with_file(file) if file else error) from None


def _encoding_of(stream: IO[bytes], encoding: str | None) -> tuple[str, bool]:
    """The encoding to read *stream* with, and whether it is UTF-16 (read as text)."""
    head = _peek(stream, 4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", False  # whatever the caller said: the mark is unmistakable
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not head.startswith(
        codecs.BOM_UTF32_LE
    ):
        return "utf-16", True
    if encoding is None:
        return "utf-8", False
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValidationError.at(ROOT, f"{shown(encoding)} is not a known encoding") from None
    wide = info.name.startswith(("utf-16", "utf-32"))
    return info.name, wide


def _peek(stream: IO[bytes], size: int) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(size)[:size])
    position = stream.tell()
    head = stream.read(size)
    stream.seek(position)
    return head


def _peekable(stream: IO[bytes]) -> IO[bytes]:
    """*stream*, or a buffer over it when its head cannot be read twice."""
    if hasattr(stream, "readline") and (
        hasattr(stream, "peek") or (hasattr(stream, "seekable") and stream.seekable())
    ):
        return stream
    # A file-like object of some other library: read whole, which is what it offers.
    return io.BytesIO(stream.read())


def _lines_of(
    source: Source, stack: ExitStack, encoding: str | None
) -> tuple[Iterator[str], str | None]:
    if isinstance(source, str | os.PathLike):
        stream: Any = stack.enter_context(open(source, "rb"))  # noqa: SIM115
    elif isinstance(source, bytes | bytearray):
        stream = io.BytesIO(bytes(source))
    elif hasattr(source, "read"):
        stream = source
    else:
        raise ValidationError.at(
            ROOT, f"expected a path, bytes or an open file, got {shown_typed(source)}"
        )
    name = None
    if isinstance(source, os.PathLike):
        name = os.fspath(source)
    elif not isinstance(source, bytes | bytearray):
        name = file_name(source)
    # A file-like object of another kind says which mode it is in by a read of nothing.
    text_mode = isinstance(stream, io.TextIOBase) or (
        not isinstance(stream, io.BufferedIOBase | io.RawIOBase) and isinstance(stream.read(0), str)
    )
    if text_mode:
        if not hasattr(stream, "readline"):
            stream = io.StringIO(stream.read())
        return _text_lines(stream, name), name
    stream = _peekable(stream)
    codec, wide = _encoding_of(stream, encoding)
    if wide:
        text = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")
        stack.callback(text.detach)
        return _text_lines(text, name), name
    return _binary_lines(stream, codec, name), name


class _TableContext:
    def __init__(self, source: Source, encoding: str | None) -> None:
        self._source = source
        self._encoding = encoding
        self._stack = ExitStack()

    def __enter__(self) -> Table:
        try:
            lines, name = _lines_of(self._source, self._stack, self._encoding)
            return Table(lines, name)
        except BaseException:
            self._stack.close()
            raise

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def open_table(source: Source, *, encoding: str | None = None) -> _TableContext:
    """Open a CSV file for reading, as a context manager that gives the :class:`Table`.

    Args:
        source: A path, the file's bytes, or a file open in binary or text mode.
        encoding: The file's encoding; None reads UTF-8, or UTF-16 when the file starts
            with a UTF-16 byte order mark.

    Raises:
        ValidationError: The source is none of these, or the encoding is unknown.
    """
    return _TableContext(source, encoding)


def header_text(header: Sequence[str]) -> str:
    """A header, shown briefly in a message."""
    return shown(",".join(header))
