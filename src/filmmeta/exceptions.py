"""Exceptions and warnings raised by filmmeta.

The hierarchy::

    Exception
    └── FilmmetaError                  every error filmmeta raises on purpose
        ├── ValidationError            bad input; also a ValueError
        └── UnsupportedDocumentError   a well-formed document that is not a film
                                       (an OMDb series, a TMDb "not found", a Kodi
                                       <tvshow> NFO); also a ValueError
    UserWarning
    └── FilmmetaWarning                a value an importer had to leave out

Catching :class:`FilmmetaError` (or :class:`ValueError`) catches every kind of bad
input; filmmeta never lets a bare ``KeyError``, ``TypeError`` or ``AttributeError``
escape from inside for input it was given.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "FilmmetaError",
    "FilmmetaWarning",
    "UnsupportedDocumentError",
    "ValidationError",
]

#: The path of the whole document.
ROOT = "$"


class FilmmetaError(Exception):
    """Base class of every error that filmmeta raises on purpose."""


class FilmmetaWarning(UserWarning):
    """A value that an importer could not map and left out.

    Examples:
        >>> import warnings
        >>> issubclass(FilmmetaWarning, UserWarning)
        True
    """


class ValidationError(FilmmetaError, ValueError):
    """Input that does not describe a valid value.

    Every problem found is kept in :attr:`errors` as a ``(path, message)`` pair, with
    paths such as ``ratings[1].value``; ``$`` is the whole document. ``str()`` lists them
    all, one per line.

    Args:
        errors: The ``(path, message)`` pairs; at least one.
        line: The line of a JSON Lines file the problems are on, when known.
        file: The name of the file they are in, when known.

    Examples:
        >>> err = ValidationError([("ratings[1].value", "11.2 is above the scale's best 10")])
        >>> print(err)
        ratings[1].value: 11.2 is above the scale's best 10
        >>> err.errors
        [('ratings[1].value', "11.2 is above the scale's best 10")]
        >>> isinstance(err, ValueError)
        True
    """

    errors: list[tuple[str, str]]
    #: The line of a JSON Lines file the problems are on, when known.
    line: int | None
    #: The name of that file, when known (a path, or the name of an open file).
    file: str | None

    def __init__(
        self,
        errors: Iterable[tuple[str, str]],
        *,
        line: int | None = None,
        file: str | None = None,
    ) -> None:
        self.errors = [(str(path), str(message)) for path, message in errors]
        if not self.errors:
            self.errors = [(ROOT, "invalid value")]
        self.line = line
        self.file = file
        super().__init__(self.errors)

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """Build an error with a single problem.

        Args:
            path: Where the problem is (``$`` for the whole document).
            message: What is wrong, in words.

        Returns:
            The new error.

        Examples:
            >>> str(ValidationError.at("title", "must not be empty"))
            'title: must not be empty'
        """
        return cls([(path, message)])

    def with_prefix(self, prefix: str) -> ValidationError:
        """Return the same problems with their paths placed under *prefix*.

        Args:
            prefix: The path of the value that contains the invalid part.

        Returns:
            A new error of the same class.

        Examples:
            >>> err = ValidationError.at("value", "is negative").with_prefix("ratings[1]")
            >>> err.errors
            [('ratings[1].value', 'is negative')]
        """
        return type(self)(
            [(join_path(prefix, path), msg) for path, msg in self.errors],
            line=self.line,
            file=self.file,
        )

    def with_line(self, line: int, file: str | None = None) -> ValidationError:
        """Return the same problems, located on *line* of a JSON Lines file.

        Args:
            line: The 1-based line number.
            file: The file's name, when there is one: with many files (a Dask bag, the
                command line), the line number alone does not say where to look.

        Returns:
            A new error of the same class.

        Examples:
            >>> print(ValidationError.at("title", "must not be empty").with_line(3))
            line 3: title: must not be empty
            >>> err = ValidationError.at("title", "must not be empty")
            >>> print(err.with_line(3, "films-2.jsonl"))
            films-2.jsonl, line 3: title: must not be empty
        """
        return type(self)(self.errors, line=line, file=file)

    def with_file(self, file: str) -> ValidationError:
        """Return the same problems, located in the file named *file*.

        Args:
            file: A path, or the name of an open file.

        Returns:
            A new error of the same class, on the same line (if any).

        Examples:
            >>> print(ValidationError.at("[12].title", "must not be empty").with_file("a.parquet"))
            a.parquet: [12].title: must not be empty
        """
        return type(self)(self.errors, line=self.line, file=file)

    def __str__(self) -> str:
        place = [f"line {self.line}"] if self.line is not None else []
        if self.file is not None:
            place.insert(0, self.file)
        where = ", ".join(place) + ": " if place else ""
        return "\n".join(f"{where}{path}: {message}" for path, message in self.errors)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.errors, self.line, self.file))


class UnsupportedDocumentError(FilmmetaError, ValueError):
    """A well-formed document that does not describe a single film.

    Importers raise it for an OMDb series or episode, an API's error response (OMDb's
    ``{"Response": "False"}``, TMDb's ``{"success": false}``) and similar documents.

    Examples:
        >>> isinstance(UnsupportedDocumentError("OMDb series"), ValueError)
        True
    """


def join_path(prefix: str, path: str) -> str:
    """Join two error paths: ``ratings[1]`` and ``value`` give ``ratings[1].value``.

    Args:
        prefix: The outer path.
        path: The inner path, relative to *prefix*.

    Returns:
        The joined path; ``$`` on either side stands for "here".

    Examples:
        >>> join_path("ratings[1]", "value")
        'ratings[1].value'
        >>> join_path("$", "title"), join_path("credits", "$"), join_path("offers", "[0]")
        ('title', 'credits', 'offers[0]')
    """
    if prefix in {"", ROOT}:
        return path or ROOT
    if path in {"", ROOT}:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def _rebuild(
    cls: type[ValidationError],
    errors: list[tuple[str, str]],
    line: int | None,
    file: str | None,
) -> ValidationError:
    return cls(errors, line=line, file=file)
