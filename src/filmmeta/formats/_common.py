"""Helpers shared by the importers in :mod:`filmmeta.formats`.

Every importer reads a foreign document into a :class:`~filmmeta.Film` under the same
rules, and these helpers are where the rules live:

- an error names the place in the *source* document: :func:`field` puts the source path
  (``Ratings[1].Value``, ``release_dates.results[2]``) in front of whatever a parser or
  a model class reported;
- a value present with the wrong JSON type is a :class:`~filmmeta.ValidationError`
  (:func:`expect_mapping`, :func:`expect_list`, :func:`text`), never a bare
  ``KeyError`` or ``TypeError``;
- a name that maps to no code is left out with a :class:`~filmmeta.FilmmetaWarning`
  naming it (:func:`warn`, :func:`language_codes`, :func:`country_codes`), never
  silently.

The module is private: the names here may change, but the formats in this package are
their only users, and each of them may rely on what is documented here.
"""

from __future__ import annotations

import functools
import json
import sys
import warnings
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from filmmeta._json import why_not_json
from filmmeta._model import (
    check_text,
    country_from_name,
    is_region,
    json_int,
    language_from_name,
    shown,
    shown_typed,
)
from filmmeta.exceptions import ROOT, FilmmetaWarning, ValidationError

__all__ = [
    "NULLS",
    "country_codes",
    "expect_list",
    "expect_mapping",
    "field",
    "language_codes",
    "region_code",
    "split_list",
    "text",
    "unique",
    "warn",
]

H = TypeVar("H", bound=Hashable)

#: Strings that stand for "unknown" in stringly formats: OMDb writes ``"N/A"``, TMDb
#: writes ``""``. Compared after stripping surrounding white space.
NULLS = frozenset({"", "N/A"})


@contextmanager
def field(path: str, *, inner: bool = True) -> Iterator[None]:
    """Report a :class:`~filmmeta.ValidationError` raised inside at the source *path*.

    Args:
        path: Where the value being read sits in the source document.
        inner: With True (the default) the paths of the error are taken as relative to
            *path*: a parser's ``$`` becomes *path*, a nested ``Value`` becomes
            ``<path>.Value``. With False every problem is reported at *path* itself:
            use it around a model constructor, whose own field names (``value``,
            ``code``) mean nothing to the reader of the source document.

    Examples:
        >>> from filmmeta.formats._common import field
        >>> try:
        ...     with field("Runtime"):
        ...         parse_runtime("abc")
        ... except ValidationError as err:
        ...     print(err)
        Runtime: 'abc' is not a runtime...
        >>> try:
        ...     with field("Ratings[0].Value", inner=False):
        ...         Rating("imdb", 11.0)
        ... except ValidationError as err:
        ...     print(err)
        Ratings[0].Value: 11 is above the scale's best 10
    """
    try:
        yield
    except ValidationError as err:
        if inner:
            raise err.with_prefix(path) from None
        raise type(err)(
            [(path, msg) for _, msg in err.errors], line=err.line, file=err.file
        ) from None


F = TypeVar("F", bound=Callable[..., Any])


def guard_depth(function: F) -> F:
    """Turn a RecursionError from a document nested too deeply into a ValidationError.

    Importers walk documents recursively (unescaping strings, finding the film node); a
    hostile document nested deeper than the stack allows must be bad input, not a crash.
    """

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except RecursionError:
            raise ValidationError.at(ROOT, "nested too deeply") from None

    return guarded  # type: ignore[return-value]


def warn(message: str) -> None:
    """Issue a :class:`~filmmeta.FilmmetaWarning` that points at the caller's code.

    The warning is attributed to the first frame outside filmmeta, so that it names the
    line that called the importer, however deep inside the importer it was raised.

    Args:
        message: What was left out, and why.

    Examples:
        >>> import warnings
        >>> from filmmeta.formats._common import warn
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn("Language: 'Elvish' is not a known language: left out")
        >>> caught[0].category.__name__, str(caught[0].message)
        ('FilmmetaWarning', "Language: 'Elvish' is not a known language: left out")
    """
    level = 2
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("filmmeta."):
        frame = frame.f_back
        level += 1
    warnings.warn(message, FilmmetaWarning, stacklevel=level)


def load_json(document: Any, path: str = ROOT) -> Any:
    """The document an importer was given: parsed JSON as it is, JSON text parsed.

    Every importer takes a dict, JSON text or UTF-8 bytes alike (a UTF-8 BOM, as some
    editors write, is allowed), and text that is not JSON is refused in one wording,
    ``not valid JSON: ...``, with the reason in words about the text (not UTF-8, a form
    body, empty) rather than the parser's. Integers too long for ``int()`` are read as
    floats (:func:`~filmmeta._model.validate.json_int`).

    Examples:
        >>> load_json('{"Title": "Backstage"}'), load_json({"Title": "Backstage"})
        ({'Title': 'Backstage'}, {'Title': 'Backstage'})
        >>> load_json(b"Title=Backstage")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: $: not valid JSON: the text is form-encoded (Title=Backstage), not JSON
    """  # noqa: E501
    if not isinstance(document, str | bytes | bytearray):
        return document
    text = document
    try:
        if not isinstance(text, str):
            text = bytes(text).decode("utf-8")
        return json.loads(text.removeprefix("\ufeff"), parse_int=json_int)
    except RecursionError:
        raise ValidationError.at(path, "not valid JSON: nested too deeply") from None
    except ValueError as err:  # JSONDecodeError and UnicodeDecodeError
        raise ValidationError.at(path, f"not valid JSON: {why_not_json(document, err)}") from None


def expect_mapping(value: object, path: str = ROOT) -> Mapping[str, Any]:
    """Return *value* if it is a JSON object (a mapping), else raise at *path*.

    Examples:
        >>> from filmmeta.formats._common import expect_mapping
        >>> expect_mapping({"Title": "Backstage"})
        {'Title': 'Backstage'}
        >>> expect_mapping([1], "Ratings[0]")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: Ratings[0]: expected an object, got list [1]
    """
    if not isinstance(value, Mapping):
        raise ValidationError.at(path, f"expected an object, got {shown_typed(value)}")
    return value


def expect_list(value: object, path: str) -> list[Any] | tuple[Any, ...]:
    """Return *value* if it is a JSON array (a list or tuple), else raise at *path*.

    Examples:
        >>> from filmmeta.formats._common import expect_list
        >>> expect_list("8.5/10", "Ratings")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: Ratings: expected a list, got str '8.5/10'
    """
    if not isinstance(value, list | tuple):
        raise ValidationError.at(path, f"expected a list, got {shown_typed(value)}")
    return value


def text(value: object, path: str, *, nulls: frozenset[str] = NULLS) -> str | None:
    """Read an optional string: None, a missing value or a null string give None.

    Args:
        value: The value found (``obj.get(key)``).
        path: Its path, for the error.
        nulls: The strings that mean "unknown", compared after stripping.

    Returns:
        The string without surrounding white space, or None.

    Raises:
        ValidationError: *value* is not a string, or is longer than 100,000 characters.

    Examples:
        >>> from filmmeta.formats._common import text
        >>> text(" Back to the Future ", "Title"), text("N/A", "Plot"), text(None, "Plot")
        ('Back to the Future', None, None)
        >>> text(1985, "Year")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: Year: expected a string, got int 1985
    """
    if value is None:
        return None
    if type(value) is not str:
        raise ValidationError.at(path, f"expected a string, got {shown_typed(value)}")
    stripped = value.strip()
    if stripped in nulls:
        return None
    check_text(path, stripped)
    return stripped


def split_list(value: str) -> list[str]:
    """Split a comma-separated list, ignoring commas inside parentheses.

    Items are stripped; empty and null items (:data:`NULLS`) and repeats are dropped. A
    text with unbalanced parentheses is split at every comma.

    Examples:
        >>> from filmmeta.formats._common import split_list
        >>> split_list("Adventure, Comedy, Sci-Fi")
        ['Adventure', 'Comedy', 'Sci-Fi']
        >>> split_list("Jim Starlin (Thanos,  Gamora and Drax created by), Stan Lee")
        ['Jim Starlin (Thanos,  Gamora and Drax created by)', 'Stan Lee']
        >>> split_list("English, , English, N/A")
        ['English']
    """
    items: list[str] = []
    depth = start = 0
    for i, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(value[start:i])
            start = i + 1
        if depth < 0:
            break
    items.append(value[start:])
    if depth != 0:
        items = value.split(",")
    return unique(s for s in (item.strip() for item in items) if s not in NULLS)


def unique(items: Iterable[H]) -> list[H]:
    """Return *items* without repeats, in the order first seen.

    Examples:
        >>> from filmmeta.formats._common import unique
        >>> unique(["US", "GB", "US"])
        ['US', 'GB']
    """
    return list(dict.fromkeys(items))


def _codes(
    names: Iterable[str], path: str, lookup: Callable[[str], str | None], what: str
) -> tuple[str, ...]:
    found: list[str] = []
    for name in names:
        code = lookup(name)
        if code is None:
            warn(f"{path}: {shown(name)} is not a known {what}: left out")
        else:
            found.append(code)
    return tuple(unique(found))


def language_codes(names: Iterable[str], path: str) -> tuple[str, ...]:
    """Map English language names (or tags) to language tags, in order, once each.

    A name that maps to nothing is left out with a :class:`~filmmeta.FilmmetaWarning`
    that names it and *path*.

    Examples:
        >>> from filmmeta.formats._common import language_codes
        >>> language_codes(["English", "Mandarin", "english"], "Language")
        ('en', 'cmn')
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     language_codes(["Elvish", "French"], "Language")
        ('fr',)
        >>> print(caught[0].message)
        Language: 'Elvish' is not a known language: left out
    """
    return _codes(names, path, language_from_name, "language")


def country_codes(names: Iterable[str], path: str) -> tuple[str, ...]:
    """Map English country names (or codes) to ISO 3166-1 alpha-2 codes, once each.

    A name that maps to nothing (a state that was split, such as the Soviet Union, or an
    unknown name) is left out with a :class:`~filmmeta.FilmmetaWarning` naming it.

    Examples:
        >>> from filmmeta.formats._common import country_codes
        >>> country_codes(["USA", "United Kingdom", "US"], "Country")
        ('US', 'GB')
    """
    return _codes(names, path, country_from_name, "country")


def region_code(code: object, path: str) -> str | None:
    """Check a region code given by a source: the code, or None with a warning.

    Args:
        code: An ISO 3166-1 alpha-2 code, as a source gives it.
        path: Its path, for the warning or error.

    Returns:
        *code* if it is a known region; None, with a warning, for a well-formed but
        unknown code (TMDb still uses "SU", "YU" and "XC" for states that are gone).

    Raises:
        ValidationError: *code* is not a string.

    Examples:
        >>> from filmmeta.formats._common import region_code
        >>> region_code("GB", "results[0].iso_3166_1")
        'GB'
    """
    if type(code) is not str:
        raise ValidationError.at(path, f"expected a region code, got {shown_typed(code)}")
    if is_region(code):
        return code
    warn(f"{path}: {shown(code)} is not a known ISO 3166-1 region: left out")
    return None
