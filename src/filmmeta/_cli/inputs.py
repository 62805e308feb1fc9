"""Reading the command line's inputs: every file to its end, every problem reported.

A file (or ``-``, standard input) becomes a stream of :class:`Item`: a film, or the errors
of one document with where it is (file, line of a JSON Lines file, index in an array). A
file that cannot be read at all (missing, a folder, not UTF-8 text) raises
:class:`UnreadableError`; nothing else escapes but a bug.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import attrs

from filmmeta._cli.formats import (
    InputFormat,
    detect_bytes,
    detect_json,
    detect_text,
    unknown_file_message,
)
from filmmeta._cli.progress import Progress
from filmmeta._json import loads as json_loads
from filmmeta._model import Film
from filmmeta.exceptions import ROOT, FilmmetaError, FilmmetaWarning, ValidationError, join_path

__all__ = ["STDIN", "Item", "UnreadableError", "read_items"]

#: The file name that means standard input.
STDIN = "-"
_LINES_SUFFIXES = (".jsonl", ".ndjson")
_BOM = "\ufeff"


class UnreadableError(Exception):
    """A file that cannot be read at all; ``str()`` says which and why."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: cannot read: {reason}")
        self.file = file


@attrs.frozen
class Item:
    """One document of a file: its film, or what is wrong with it."""

    file: str
    film: Film | None = None
    error: ValidationError | None = None
    line: int | None = None
    index: int | None = None

    def problems(self) -> list[str]:
        """The error lines to print, ``file:line: path: message`` each."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        prefix = ROOT if self.index is None else f"[{self.index}]"
        assert self.error is not None
        return [f"{where}: {join_path(prefix, p)}: {m}" for p, m in self.error.errors]


def _decode(raw: bytes) -> str:
    """UTF-8 text, without a byte order mark."""
    text = raw.decode("utf-8")
    return text.removeprefix(_BOM)


def _not_utf8(raw: bytes, err: UnicodeDecodeError) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "not UTF-8 text: it starts with a UTF-16 byte order mark; save it as UTF-8"
    return f"not UTF-8 text: byte 0x{raw[err.start]:02x} at offset {err.start}"


def _documents(file: str, value: Any, fmt: InputFormat | None, line: int | None) -> Iterator[Item]:
    """The items of one decoded JSON value: each element of an array, else the value."""
    if isinstance(value, list):
        for index, element in enumerate(value):
            yield _document(file, element, fmt, line, index)
    else:
        yield _document(file, value, fmt, line, None)


def _document(
    file: str, value: Any, fmt: InputFormat | None, line: int | None, index: int | None
) -> Item:
    try:
        reader = fmt or detect_json(value)
        assert reader.from_json is not None
        film = reader.from_json(value)
    except ValidationError as err:
        return Item(file, error=err, line=line, index=index)
    except FilmmetaError as err:  # UnsupportedDocumentError: a document, not a film
        return Item(file, error=ValidationError.at(ROOT, str(err)), line=line, index=index)
    return Item(file, film=film, line=line, index=index)


def _parsed(file: str, text: str, fmt: InputFormat | None, line: int | None) -> Iterator[Item]:
    try:
        value = json_loads(text)
    except ValidationError as err:
        yield Item(file, error=err, line=line)
        return
    yield from _documents(file, value, fmt, line)


def _lines(
    file: str, lines: Iterator[bytes], fmt: InputFormat | None, progress: Progress
) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        progress.update(len(raw))
        try:
            text = _decode(raw) if number == 1 else raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Item(file, error=ValidationError.at(ROOT, _not_utf8(raw, err)), line=number)
            continue
        if text.strip():
            yield from _parsed(file, text, fmt, number)


def _reads_text(fmt: InputFormat | None) -> bool:
    """Whether *fmt* reads whole files (CSV, XML) rather than JSON documents."""
    return fmt is not None and (fmt.from_text is not None or fmt.from_bytes is not None)


def _whole(file: str, raw: bytes, fmt: InputFormat | None) -> Iterator[Item]:
    binary = detect_bytes(raw) if fmt is None else fmt if fmt.from_bytes is not None else None
    if binary is not None:  # XML: its declaration, not this reader, says how to decode it
        assert binary.from_bytes is not None
        yield from _films_of(file, functools.partial(binary.from_bytes, raw))
        return
    try:
        text = _decode(raw)
    except UnicodeDecodeError as err:
        raise UnreadableError(file, _not_utf8(raw, err)) from None
    reader = detect_text(text) if fmt is None else fmt if _reads_text(fmt) else None
    if reader is None and fmt is None and text.lstrip()[:1] not in "{[" and not _is_json(text):
        # Not a film document of any JSON format, nor text that a file format claims: a
        # JSON parser's complaint about its first byte would not say what is wrong.
        yield Item(file, error=ValidationError.at(ROOT, unknown_file_message()))
        return
    if reader is None:
        yield from _parsed(file, text, fmt, None)
        return
    assert reader.from_text is not None
    yield from _films_of(file, functools.partial(reader.from_text, text))


def _films_of(file: str, read: Callable[[], Iterable[Film]]) -> Iterator[Item]:
    """The items of a whole file that *read* reads into films."""
    try:
        with _warnings_of(file):
            films = list(read())
    except FilmmetaError as err:
        error = err if isinstance(err, ValidationError) else ValidationError.at(ROOT, str(err))
        yield Item(file, error=error, line=error.line)
        return
    for film in films:
        yield Item(file, film=film)


@contextlib.contextmanager
def _warnings_of(file: str) -> Iterator[None]:
    """Say which file a value left out was in: a library has thousands of files."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FilmmetaWarning)
        yield
    for warning in caught:
        warnings.warn(f"{file}: {warning.message}", warning.category, stacklevel=1)


def _is_json(text: str | bytes) -> bool:
    try:
        json_loads(text)
    except ValidationError:
        return False
    return True


def _from_stream(
    file: str, stream: IO[bytes], fmt: InputFormat | None, progress: Callable[[], Progress]
) -> Iterator[Item]:
    if _reads_text(fmt):
        yield from _whole(file, stream.read(), fmt)
        return
    # Standard input has no name to go by: it is JSON Lines when its first line is a
    # JSON document by itself, so that a pipe streams; otherwise one document.
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if head and _is_json(head[-1].removeprefix(_BOM.encode())):
        with progress() as shown:
            yield from _lines(file, itertools.chain(head, stream), fmt, shown)
    else:
        yield from _whole(file, b"".join(head) + stream.read(), fmt)


def read_items(
    name: str, fmt: InputFormat | None, *, progress: Callable[[str, int | None], Progress]
) -> Iterator[Item]:
    """The items of the file *name* (``-`` for standard input), read as *fmt*.

    Args:
        name: A path, or ``-``.
        fmt: The input format; None detects it from each document.
        progress: Makes the progress display of a file read line by line, given the
            file's name and size in bytes (None when unknown).

    Yields:
        One item per document.

    Raises:
        UnreadableError: The file cannot be opened or read, or is not UTF-8 text.
    """
    if name == STDIN:
        yield from _from_stream("<stdin>", sys.stdin.buffer, fmt, lambda: progress("<stdin>", None))
        return
    try:
        with open(name, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if name.endswith(_LINES_SUFFIXES) and not _reads_text(fmt):
                with progress(name, size) as shown:
                    yield from _lines(name, iter(file), fmt, shown)
            else:
                yield from _whole(name, file.read(), fmt)
    except OSError as err:
        raise UnreadableError(name, (err.strerror or str(err)).lower()) from None
