"""The canonical JSON form of filmmeta's model, through cattrs.

The rules, applied by :func:`configure_converter` to any :class:`cattrs.Converter`:

* keys are the attribute names (snake_case); enums are written as their values;
* ``runtime`` is an ISO 8601 duration (``"PT1H26M"``; ``"P30M"`` is 30 months and is
  rejected);
* dates are ISO 8601 and may be partial (``"2000"``, ``"2000-11"``, ``"2000-11-07"``);
* prices are decimal strings (``"3.99"``), never floats;
* on output, None, empty collections and an ``ids`` without ids are left out, and so are a
  rating's ``best``/``worst`` when they are its known source's scale; every other field is
  written, defaults included (``kind`` is always there);
* on input, JSON types are checked exactly: a title of ``1``, votes of ``"347"`` or a list
  given as a string are errors, never coerced. A strict converter (the default) also
  rejects unknown keys; ``strict=False`` ignores them.

:func:`make_converter` builds such a converter; the module-level functions
(:func:`to_dict`, :func:`from_dict`, :func:`to_json`, :func:`from_json`,
:func:`dump_jsonl`, :func:`load_jsonl`) use private converters built on first use.
Every error is a :class:`~filmmeta.exceptions.ValidationError` whose paths name the
place (``ratings[1].value``, ``ratings[0].stars``, ``$`` for the whole document).
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeAlias, TypeVar

import cattrs

from filmmeta._json import jsonlib as _jsonlib
from filmmeta._json.hooks import MAX_ERRORS, MODEL_CLASSES, flatten, install
from filmmeta._model.dates import PartialDate
from filmmeta._model.film import Film
from filmmeta._model.validate import describe, file_name
from filmmeta.exceptions import ROOT, ValidationError

__all__ = [
    "MAX_ERRORS",
    "MODEL_CLASSES",
    "configure_converter",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "load_jsonl",
    "make_converter",
    "to_dict",
    "to_json",
]

T = TypeVar("T")
H = TypeVar("H")
StrPath: TypeAlias = str | os.PathLike[str]


def configure_converter(converter: cattrs.Converter) -> None:
    """Install filmmeta's canonical JSON rules on *converter*.

    Strictness follows the converter: ``forbid_extra_keys=True`` rejects unknown keys,
    and ``detailed_validation=True`` collects every error with its path.

    Args:
        converter: A :class:`cattrs.Converter`; its hooks for ``str``, ``int``,
            ``float``, ``bool``, tuples, dates, durations and decimals are replaced by
            exact, non-coercing ones.

    Examples:
        >>> import cattrs
        >>> c = cattrs.Converter(forbid_extra_keys=True)
        >>> configure_converter(c)
        >>> c.unstructure(Rating("imdb", 5.7, votes=347))
        {'source': 'imdb', 'value': 5.7, 'votes': 347}
    """
    install(converter)


def make_converter(*, strict: bool = True, detailed_validation: bool = True) -> cattrs.Converter:
    """Build a new converter with filmmeta's canonical JSON rules.

    Args:
        strict: Reject unknown keys (the default); False ignores them. Neither setting
            coerces JSON types.
        detailed_validation: Collect every error with its path (the default). False is
            faster and stops at the first error without a path; the module-level
            functions use it first and fall back to a detailed pass on failure.

    Returns:
        A configured :class:`cattrs.Converter`.

    Examples:
        >>> c = make_converter()
        >>> c.structure({"title": "Backstage", "release_date": "2000"}, Film).year
        2000
    """
    converter = cattrs.Converter(forbid_extra_keys=strict, detailed_validation=detailed_validation)
    configure_converter(converter)
    return converter


@functools.cache
def _converter(*, strict: bool, detailed: bool) -> cattrs.Converter:
    return make_converter(strict=strict, detailed_validation=detailed)


# The hooks of the module-level functions, by class: built on first use (_lookup), then
# read straight from these dicts, since a cattrs dispatch, or even a cached function's
# call, costs a few percent of writing a small film.
_TO_DICT: dict[type[Any], Callable[[Any], Any]] = {}
_TO_JSON: dict[type[Any], Callable[[Any], Any]] = {}
_FROM_DICT: dict[bool, dict[type[Any], Callable[[Any, Any], Any]]] = {True: {}, False: {}}


def _to_dict_hooks() -> dict[type[Any], Callable[[Any], Any]]:
    converter = _converter(strict=True, detailed=False)
    return {cls: converter.get_unstructure_hook(cls) for cls in MODEL_CLASSES[1:]}


def _to_json_hooks() -> dict[type[Any], Callable[[Any], Any]]:
    # to_json's own: the dicts keep enum members and tuples, which both JSON backends
    # write as values and arrays, so that writing skips a lookup per enum and a copy
    # per list.
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    install(converter, for_encoder=True, structure=False)
    return {cls: converter.get_unstructure_hook(cls) for cls in MODEL_CLASSES[1:]}


def _from_dict_hooks(strict: bool) -> dict[type[Any], Callable[[Any, Any], Any]]:  # noqa: FBT001
    converter = _converter(strict=strict, detailed=False)
    return {cls: converter.get_structure_hook(cls) for cls in MODEL_CLASSES}


def _lookup(
    table: dict[type[Any], H], build: Callable[[], dict[type[Any], H]], cls: Any
) -> H | None:
    """The hook for *cls* in *table*, which *build* fills on first use."""
    if not table:
        table.update(build())
    return table.get(cls)


def _writer(
    table: dict[type[Any], Callable[[Any], Any]],
    build: Callable[[], dict[type[Any], Callable[[Any], Any]]],
    obj: Any,
) -> Callable[[Any], Any]:
    hook = _lookup(table, build, type(obj))
    if hook is None:
        raise ValidationError.at(ROOT, f"expected a filmmeta model value, got {describe(obj)}")
    return hook


def to_dict(obj: Any) -> dict[str, Any]:
    """Return the canonical dict of a model value (a Film, Rating, Offer, ...).

    Args:
        obj: An instance of one of filmmeta's model classes.

    Returns:
        A dict of JSON-ready values (strings, numbers, lists and dicts).

    Raises:
        ValidationError: If *obj* is not a model value.

    Examples:
        >>> to_dict(Film("Backstage", release_date="2000", runtime=86))
        {'title': 'Backstage', 'kind': 'movie', 'release_date': '2000', 'runtime': 'PT1H26M'}
    """
    hook = _TO_DICT.get(type(obj)) or _writer(_TO_DICT, _to_dict_hooks, obj)
    result: dict[str, Any] = hook(obj)
    return result


def from_dict(data: Any, cls: type[T] = Film, *, strict: bool = True) -> T:  # type: ignore[assignment]
    """Build a model value from its canonical dict.

    Args:
        data: A dict as :func:`to_dict` writes it (for instance from ``json.loads``).
        cls: The class to build: :class:`Film` (the default), :class:`Rating`, ...
        strict: Reject unknown keys (the default); False ignores them.

    Returns:
        The value.

    Raises:
        ValidationError: With the path and problem of every error found.

    Examples:
        >>> from_dict({"source": "imdb", "value": 5.7, "votes": 347}, Rating)
        Rating(source='imdb', value=5.7, votes=347, best=10, worst=1)
        >>> from_dict({"title": "Backstage", "ratings": [{"source": "imdb", "value": "5.7"}]})
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: ratings[0].value: expected a number, got str '5.7'
    """
    table = _FROM_DICT[strict]
    hook = table.get(cls) or _lookup(table, functools.partial(_from_dict_hooks, strict), cls)
    if hook is None:
        raise ValidationError.at(ROOT, f"{cls!r} is not a filmmeta model class")
    if type(data) is not dict and cls is not PartialDate:
        raise ValidationError.at(ROOT, f"expected a JSON object, got {describe(data)}")
    try:
        return hook(data, cls)  # type: ignore[no-any-return]
    except Exception:
        # Bad input is rare: the fast converter stops at the first problem without a
        # path, and the detailed one runs only then to find every problem and its path.
        return _structure_detailed(data, cls, strict=strict)


def _structure_detailed(data: Any, cls: type[T], *, strict: bool) -> T:
    try:
        return _converter(strict=strict, detailed=True).structure(data, cls)
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(flatten(exc, ROOT)) from None


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Return the canonical JSON text of a model value.

    Args:
        obj: A Film (or any other model value).
        indent: Spaces per level for pretty output; None (the default) is compact.

    Returns:
        The JSON text; orjson writes it when installed, the standard library otherwise,
        with the same result.

    Examples:
        >>> to_json(Film("Backstage", kind="tv_movie", release_date="2000"))
        '{"title":"Backstage","kind":"tv_movie","release_date":"2000"}'
    """
    hook = _TO_JSON.get(type(obj)) or _writer(_TO_JSON, _to_json_hooks, obj)
    return _jsonlib.dumps(hook(obj), indent=indent)


def from_json(
    text: str | bytes | bytearray,
    cls: type[T] = Film,  # type: ignore[assignment]
    *,
    strict: bool = True,
) -> T:
    """Build a model value from its canonical JSON text.

    Args:
        text: JSON text, as str or UTF-8 bytes.
        cls: The class to build (:class:`Film` by default).
        strict: Reject unknown keys (the default); False ignores them.

    Returns:
        The value.

    Raises:
        ValidationError: For text that is not JSON, JSON that is not an object, and every
            invalid value, each with its path.

    Examples:
        >>> from_json('{"title": "Backstage", "runtime": "PT1H26M"}').runtime
        datetime.timedelta(seconds=5160)
        >>> from_json("[1, 2]")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: $: expected a JSON object, got list [1, 2]
    """
    return from_dict(_jsonlib.loads(text), cls, strict=strict)


def dump_jsonl(films: Iterable[Film], file: StrPath | IO[str] | IO[bytes]) -> int:
    """Write films as JSON Lines: one compact canonical JSON document per line.

    Films are written one at a time, so a generator of any length needs no more memory
    than one film.

    Args:
        films: The films (or other model values).
        file: A path, or a file open for writing in text or binary mode.

    Returns:
        The number of lines written.

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> dump_jsonl([Film("Backstage"), Film("Heat")], out)
        2
        >>> print(out.getvalue(), end="")
        {"title":"Backstage","kind":"movie"}
        {"title":"Heat","kind":"movie"}
    """
    if isinstance(file, str | os.PathLike):
        with open(file, "wb") as opened:
            return dump_jsonl(films, opened)
    write: Callable[[str], object] = file.write  # type: ignore[assignment]
    if _is_binary(file):
        write = _encoding_writer(file)  # type: ignore[arg-type]
    count = 0
    for film in films:
        write(to_json(film) + "\n")
        count += 1
    return count


def _encoding_writer(file: IO[bytes]) -> Callable[[str], object]:
    def write(text: str) -> object:
        return file.write(text.encode())

    return write


def load_jsonl(
    file: StrPath | IO[str] | IO[bytes],
    cls: type[T] = Film,  # type: ignore[assignment]
    *,
    strict: bool = True,
) -> Iterator[T]:
    r"""Read films from JSON Lines, one at a time.

    The iterator reads a line, yields its film and forgets it: memory stays flat however
    long the file is. Blank lines are skipped. The garbage collector is left alone; a
    program that keeps a large catalog in memory may pause it around the load with
    :func:`~filmmeta.gc_paused` (1.6x faster at 30,000 films; see ``docs/performance.md``).

    Args:
        file: A path, or a file open for reading in text or binary mode.
        cls: The class of each line (:class:`Film` by default).
        strict: Reject unknown keys (the default); False ignores them.

    Yields:
        One value per non-blank line.

    Raises:
        ValidationError: For the first invalid line; its :attr:`~ValidationError.line`
            is the 1-based line number, :attr:`~ValidationError.file` the file's name
            (for a path, or an open file that has one), and its message starts with
            both.

    Examples:
        >>> import io
        >>> films = load_jsonl(io.StringIO('{"title": "Backstage"}\n\n{"title": ""}\n'))
        >>> next(films).title
        'Backstage'
        >>> next(films)
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: line 3: title: must not be empty
    """
    if isinstance(file, str | os.PathLike):
        with open(file, "rb") as opened:
            yield from load_jsonl(opened, cls, strict=strict)
        return
    # So that an error says which of many files is bad.
    name = file_name(file)
    lines: Iterable[str | bytes] = file
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                film = from_json(line, cls, strict=strict)
            except ValidationError as err:
                raise err.with_line(number, name) from None
            yield film


def _is_binary(file: IO[Any]) -> bool:
    mode = getattr(file, "mode", "")
    if isinstance(mode, str) and mode:
        return "b" in mode
    return not isinstance(file, io.TextIOBase)
