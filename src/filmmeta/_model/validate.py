"""Small validation helpers shared by the model classes.

Validators raise :class:`~filmmeta.exceptions.ValidationError` with the field name as
the path, so that a bad value given to a constructor reads like a bad value in a
document (``runtime: ...``, ``genres[2]: ...``).
"""

from __future__ import annotations

import functools
import linecache
import math
import re
import reprlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from filmmeta._model.codes import (
    canonical_language,
    canonical_region,
    country_from_name,
    is_language_tag,
    is_region,
)
from filmmeta.exceptions import ValidationError

URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
# A lone surrogate is not text: no UTF-8 encoder (orjson's, a file's) can write it.
SURROGATE = re.compile("[\ud800-\udfff]")
MAX_TEXT = 100_000
#: The largest count or id: JSON libraries (orjson, JavaScript) write no larger integer.
MAX_INT = 2**63 - 1
#: The most entries of a table of values built once and shared (content ratings,
#: runtimes, years): what a catalog repeats fits, and hostile input cannot grow it.
SHARED_TABLE_SIZE = 4096

E = TypeVar("E")


def compiled_on_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled when first used, for text that few calls read.

    A pattern takes 0.05 to 0.4 ms to compile: those of free-text runtimes and dates,
    which importers read and canonical JSON never holds, are not `import filmmeta`'s cost.

    Examples:
        >>> clock = compiled_on_use(r"([0-9]+):([0-9]{2})")
        >>> clock().fullmatch("1:26").groups(), clock() is clock()
        (('1', '26'), True)
    """
    return functools.cache(lambda: re.compile(pattern, flags))


def tuple_of(value: Iterable[Any]) -> Any:
    """Turn a list (or any non-string iterable) into a tuple.

    A string is passed through unchanged so that the field's validator can reject it by
    name: ``tuple("en")`` would silently give ``("e", "n")``.
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, str | bytes | dict):
        return value
    try:
        return tuple(value)
    except TypeError:
        return value


# Bounded in depth and length: a bad value may be a list nested 10^5 deep.
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 40, 40
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = 4


def shown(value: object) -> str:
    """The repr of a bad value for a message: bounded, whatever the value's size or depth.

    A message may be logged, or sent back in a web app's 422 answer, so it never grows
    with the input (a string of a million characters, a list nested 10^5 deep).
    """
    text = _REPR.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def file_name(source: object) -> str | None:
    """The name of a file given as a path or an open file, for messages; None without one.

    ``io.StringIO`` has no name, and a file opened on a descriptor has an int.
    """
    name = source if isinstance(source, str) else getattr(source, "name", None)
    return name if isinstance(name, str) else None


def shown_typed(value: object) -> str:
    """Name a bad value in a message, briefly: its type and :func:`shown` repr."""
    return f"{type(value).__name__} {shown(value)}"


def is_text(value: object) -> bool:
    """Whether *value* is text that :func:`check_text` accepts, in one test."""
    return (
        type(value) is str
        and 0 < len(value) <= MAX_TEXT
        and not value.isspace()
        and (value.isascii() or not SURROGATE.search(value))
    )


def check_text(path: str, value: object, *, optional: bool = False) -> None:
    """Check a non-empty string of a sane length."""
    # The common case first: is_text, written out, since this runs for every string of
    # every film built by a constructor, and a call costs a seventh of a credit's __init__.
    if (
        type(value) is str
        and 0 < len(value) <= MAX_TEXT
        and not value.isspace()
        and (value.isascii() or not SURROGATE.search(value))
    ):
        return
    if value is None and optional:
        return
    if type(value) is not str:
        raise ValidationError.at(path, f"expected a string, got {shown_typed(value)}")
    if not value.strip():
        raise ValidationError.at(path, "must not be empty")
    if len(value) > MAX_TEXT:
        raise ValidationError.at(path, f"is longer than {MAX_TEXT:,} characters")
    # Text that passes every test returned at the top, so one of these raises.
    if match := SURROGATE.search(value):  # pragma: no branch
        raise ValidationError.at(
            path, f"has a lone surrogate {match.group()!r} at {match.start()}: not text"
        )


def check_items(
    path: str,
    value: object,
    check: Callable[[str, Any], None],
) -> None:
    """Check that *value* is a tuple and run *check* on every item with its path."""
    if not isinstance(value, tuple):
        raise ValidationError.at(path, f"expected a list, got {shown_typed(value)}")
    # Called when a list failed its whole-list test, so some item raises.
    for i, item in enumerate(value):  # pragma: no branch
        check(f"{path}[{i}]", item)


def check_texts(path: str, value: object) -> None:
    """Check a tuple of non-empty strings (genres)."""
    if isinstance(value, tuple) and all(map(is_text, value)):
        return
    check_items(path, value, check_text)


def check_instances(path: str, value: object, cls: type[Any]) -> None:
    """Check a tuple of instances of *cls* (ratings, offers, ...)."""
    if isinstance(value, tuple) and (not value or set(map(type, value)) == {cls}):
        return
    check_items(path, value, check_instance(cls))


def check_instance(cls: type[Any]) -> Callable[[str, Any], None]:
    """Return an item check that accepts instances of *cls* only."""

    def check(path: str, item: Any) -> None:
        if not isinstance(item, cls):
            raise ValidationError.at(path, f"expected {cls.__name__}, got {shown_typed(item)}")

    return check


def check_number(path: str, value: object) -> float:
    """Check a finite real number (not a bool) and return it as given."""
    if type(value) is float:
        if not math.isfinite(value):
            raise ValidationError.at(path, f"{value} is not a finite number")
        return value
    if type(value) is int:
        # No scale reaches this far, and larger ints cannot even be written as floats.
        if abs(value) > MAX_INT:
            raise ValidationError.at(path, f"{shown_typed(value)} is too large")
        return value
    raise ValidationError.at(path, f"expected a number, got {shown_typed(value)}")


def check_url(path: str, value: object) -> None:
    """Check an absolute http(s) URL."""
    check_text(path, value)
    assert isinstance(value, str)  # check_text made sure
    if not URL.fullmatch(value):
        raise ValidationError.at(path, f"{shown(value)} is not an http(s) URL")


def check_region(path: str, value: object) -> None:
    """Check an ISO 3166-1 alpha-2 code ("US", "GB"; not "USA" or "us")."""
    if not (type(value) is str and is_region(value)):
        raise ValidationError.at(path, f"{shown(value)} is not an ISO 3166-1 alpha-2 code")


#: The longest number read from foreign text: a 64-bit count with thousands separators
#: ("9,223,372,036,854,775,807") or a decimal with room to spare. Python's int() refuses
#: more than 4,300 digits with a bare ValueError, and no real count or score comes near.
MAX_NUMBER_TEXT = 40


def _number_text(text: str, path: str) -> None:
    if len(text) > MAX_NUMBER_TEXT:
        raise ValidationError.at(
            path, f"{shown(text)} is too long for a number ({len(text):,} characters)"
        )


def read_int(text: str, path: str) -> int:
    """Read an integer from foreign text (an API's ``"347"``), bounded in length.

    Every importer reads numbers through here (or :func:`read_float`), so that no text
    reaches ``int()`` unchecked: Python refuses more than 4,300 digits with a bare
    ``ValueError``.

    Args:
        text: Digits as the source wrote them, thousands separators already removed.
        path: Where the text is, for the error.

    Returns:
        The integer.

    Raises:
        ValidationError: For text that is not an integer, or longer than any count.

    Examples:
        >>> read_int("347", "imdbVotes")
        347
        >>> read_int("1" * 4301, "imdbVotes")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: imdbVotes: '11111111111111111...111111111111111111' is too long for a number (4,301 characters)
    """  # noqa: E501
    _number_text(text, path)
    try:
        return int(text)
    except ValueError:
        raise ValidationError.at(path, f"{shown(text)} is not an integer") from None


def read_float(text: str, path: str) -> float:
    """Read a decimal number from foreign text (``"8.5"``), bounded like :func:`read_int`.

    Examples:
        >>> read_float("8.5", "imdbRating")
        8.5
    """
    _number_text(text, path)
    try:
        return float(text)
    except ValueError:
        raise ValidationError.at(path, f"{shown(text)} is not a number") from None


def json_int(digits: str) -> int | float:
    """The ``parse_int`` of importers' ``json.loads``: orjson's habit for huge integers.

    An integer of more digits than any count is read as a float (``inf`` beyond the
    float range), as orjson reads it, rather than raising Python's bare digit-limit
    ``ValueError`` for the whole document: a field that expects an integer then says
    what is wrong with it, and a field nobody reads costs nothing.
    """
    return int(digits) if len(digits) <= MAX_NUMBER_TEXT else float(digits)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'imdb'?"`` for the choice nearest *word*, or ``""`` if none is near.

    Examples:
        >>> did_you_mean("imbd", ["imdb", "tmdb", "metacritic"])
        "; did you mean 'imdb'?"
        >>> did_you_mean("xyz", ["imdb"])
        ''
    """
    import difflib  # only when a lookup has failed

    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=_NEAR)
    return f"; did you mean {near[0]!r}?" if near else ""


# difflib's similarity at which a name is taken for a typo of another: "imbd" and "imdb"
# score 0.75, unrelated names such as "mubi" and "imdb" 0.5.
_NEAR = 0.75


def to_region(value: object, path: str) -> str:
    """Read a region code that a person gave: case is ignored, and "UK" is GB.

    Anything else that is not an ISO 3166-1 alpha-2 code is refused, with the code meant
    when it can be told ("GBR" and "USA" are alpha-3 codes, "Germany" a name).

    Args:
        value: The code as given (``"gb"``, ``"GB"``, ``"uk"``).
        path: Where it was given, for the error.

    Returns:
        The canonical code.

    Raises:
        ValidationError: For anything but a region code, with a suggestion.

    Examples:
        >>> to_region("gb", "country"), to_region("UK", "country")
        ('GB', 'GB')
        >>> to_region("GBR", "country")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: country: 'GBR' is not an ISO 3166-1 alpha-2 code; did you mean 'GB'?
    """  # noqa: E501
    if type(value) is not str:
        raise ValidationError.at(path, f"expected a region code, got {shown_typed(value)}")
    found = canonical_region(value)
    if found is not None:
        return found
    code = value.strip().upper()
    meant = country_from_name(value) if len(value) <= MAX_NUMBER_TEXT else None
    if meant is None and len(code) == 3 and is_region(code[:2]):
        meant = code[:2]  # most alpha-3 codes start with the alpha-2 one: GBR, DEU, FRA
    hint = f"; did you mean {meant!r}?" if meant else ""
    raise ValidationError.at(path, f"{shown(value)} is not an ISO 3166-1 alpha-2 code{hint}")


def check_language(path: str, value: object) -> None:
    """Check a canonical BCP 47 / ISO 639 language tag ("en", "pt-BR"; not "EN" or "eng")."""
    if not (type(value) is str and is_language_tag(value)):
        raise ValidationError.at(path, f"{shown(value)} is not a BCP 47 / ISO 639 language tag")


def check_count(path: str, value: object, *, least: int = 1) -> None:
    """Check an int (not a bool) from *least* to :data:`MAX_INT`: a count, a width, a year."""
    if type(value) is not int:
        raise ValidationError.at(path, f"expected an integer, got {shown_typed(value)}")
    if not least <= value <= MAX_INT:
        raise ValidationError.at(path, f"{shown(value)} is not an integer of {least} or more")


def to_member(table: Mapping[Any, E], value: object, path: str, what: str) -> E:
    """Look *value* up in an enum's table of ``{value: member}``, raising at *path*.

    A dict lookup rather than ``Enum(value)``, which is a top cost when decoding many
    values; a member is its own key, since StrEnum members hash as their values.
    """
    try:
        return table[value]
    except (KeyError, TypeError):  # TypeError: an unhashable value (a list)
        names = ", ".join(dict.fromkeys(str(m) for m in table.values()))
        raise ValidationError.at(path, f"{shown(value)} is not {what} ({names})") from None


def to_languages(value: Any) -> Any:
    """Convert a list of language tags, each to its canonical spelling (``"EN"`` -> ``"en"``).

    A field converter: what is not a tag in any spelling is left as given, for the
    field's validator to report with its index.
    """
    value = tuple_of(value)
    if type(value) is tuple and not all(type(v) is str and is_language_tag(v) for v in value):
        value = tuple((canonical_language(v) or v) if type(v) is str else v for v in value)
    return value


def to_regions(value: Any) -> Any:
    """Convert a list of region codes, each to its canonical code (``"us"``, ``"UK"``).

    A field converter, like :func:`to_languages`.
    """
    value = tuple_of(value)
    if type(value) is tuple and not all(type(v) is str and is_region(v) for v in value):
        value = tuple((canonical_region(v) or v) if type(v) is str else v for v in value)
    return value


def fmt_number(value: float) -> str:
    """Write a number without a useless ``.0``: 29 -> "29", 5.7 -> "5.7", 10.0 -> "10"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def slot_setters(cls: type[Any]) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of the slots of the attrs class *cls*, fields in order: ``set(i, v)``.

    A slot's descriptor sets it even on a frozen instance, which its ``__setattr__``
    refuses: the cheapest way to fill one built without ``__init__``.
    """
    return tuple(cls.__dict__[a.name].__set__ for a in attrs.fields(cls))


def builder(cls: type[Any]) -> Callable[..., Any]:
    """Return ``build(*values)``: an instance of the attrs class *cls*, fields in order.

    Nothing is converted or validated: the caller has made sure the values are what
    the constructor would have stored. The slots are set through their descriptors,
    the cheapest way into a frozen instance.
    """
    names = [a.name for a in attrs.fields(cls)]
    setters = {f"_s{i}": setter for i, setter in enumerate(slot_setters(cls))}
    source = "\n".join(
        [
            f"def build_{cls.__name__}({', '.join(names)}):",
            "    i = _new(_cls)",
            *(f"    _s{i}(i, {name})" for i, name in enumerate(names)),
            "    return i",
        ]
    )
    filename = f"<filmmeta builder {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {}
    globs = {"_new": object.__new__, "_cls": cls, **setters}
    exec(compile(source, filename, "exec"), globs, namespace)  # noqa: S102 - our own source
    build: Callable[..., Any] = namespace[f"build_{cls.__name__}"]
    return build
