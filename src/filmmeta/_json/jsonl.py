"""Reading JSON Lines: the iterator behind :func:`filmmeta.converters.load_jsonl`.

It decodes one line at a time and decides what a bad line does (``on_error``): stop the
read (``"raise"``), be left out with a warning (``"skip"``), or be left out and kept in
:attr:`JsonLines.errors` (``"collect"``), the habit of pandas' ``on_bad_lines``. A progress
callback hears the size of every line read.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Generic, Literal, TypeAlias, TypeVar

from filmmeta.exceptions import FilmmetaWarning, ValidationError

__all__ = ["ON_ERROR", "JsonLines", "OnError"]

T = TypeVar("T")
OnError: TypeAlias = Literal["raise", "skip", "collect"]
#: The values of ``on_error``.
ON_ERROR: tuple[OnError, ...] = ("raise", "skip", "collect")


class JsonLines(Iterator[T], Generic[T]):
    r"""The values of a JSON Lines file, read one line at a time.

    :func:`~filmmeta.converters.load_jsonl` returns one; iterate over it. With
    ``on_error="collect"``, :attr:`errors` holds the error of every line left out so far,
    each with its :attr:`~filmmeta.ValidationError.line` (and
    :attr:`~filmmeta.ValidationError.file` when known).

    Examples:
        >>> import io
        >>> from filmmeta import load_jsonl
        >>> lines = load_jsonl(io.StringIO('{"title": "A"}\n{"title": ""}\n'), on_error="collect")
        >>> [film.title for film in lines]
        ['A']
        >>> [str(err) for err in lines.errors]
        ['line 2: title: must not be empty']

    .. versionadded:: 0.2.0
    """

    #: The errors of the lines left out (``on_error="collect"``), in file order.
    errors: list[ValidationError]

    def __init__(
        self,
        lines: Iterable[str | bytes],
        decode: Callable[[str | bytes], T],
        *,
        file: str | None = None,
        on_error: OnError = "raise",
        progress: Callable[[int], object] | None = None,
    ) -> None:
        if on_error not in ON_ERROR:
            msg = f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, not {on_error!r}"
            raise ValueError(msg)
        self.errors = []
        self._values: Generator[T, None, None] = self._read(lines, decode, file, on_error, progress)

    def __next__(self) -> T:
        return next(self._values)

    def close(self) -> None:
        """Stop reading, and close the file if the read opened it."""
        self._values.close()

    def _read(
        self,
        lines: Iterable[str | bytes],
        decode: Callable[[str | bytes], T],
        file: str | None,
        on_error: OnError,
        progress: Callable[[int], object] | None,
    ) -> Generator[T, None, None]:
        for number, line in enumerate(lines, start=1):
            if progress is not None:
                progress(len(line))
            if not line or line.isspace():  # blank: as not line.strip(), with no copy
                continue
            try:
                value = decode(line)
            except ValidationError as err:
                located = err.with_line(number, file)
                if on_error == "raise":
                    raise located from None
                if on_error == "skip":
                    # Left out, never silently: the warning names the line and why.
                    warnings.warn(f"left out: {located}", FilmmetaWarning, stacklevel=3)
                else:
                    self.errors.append(located)
                continue
            yield value
