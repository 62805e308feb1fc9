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
from typing import IO, Any, TypeAlias, TypeVar, overload

import cattrs

from filmmeta._json import (
    MAX_ERRORS,
    JsonLines,
    OnError,
    flatten,
    install,
    item_class,
    wrong_class_error,
)
from filmmeta._json import dumps as _dumps
from filmmeta._json import loads as _loads
from filmmeta._model import MODEL_CLASSES as _REGISTERED
from filmmeta._model import Film, PartialDate, Shared, file_name, shown_typed
from filmmeta.exceptions import ROOT, ValidationError

__all__ = [
    "MAX_ERRORS",
    "MODEL_CLASSES",
    "JsonLines",
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

#: The classes that have a canonical JSON form: a date (written as a string), then the
#: classes written as objects, leaves first.
MODEL_CLASSES: tuple[type[Any], ...] = (PartialDate, *_REGISTERED)
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
    return {cls: converter.get_unstructure_hook(cls) for cls in _REGISTERED}


def _to_json_hooks() -> dict[type[Any], Callable[[Any], Any]]:
    # to_json's own: the dicts keep enum members and tuples, which both JSON backends
    # write as values and arrays, so that writing skips a lookup per enum and a copy
    # per list.
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    install(converter, for_encoder=True, structure=False)
    return {cls: converter.get_unstructure_hook(cls) for cls in _REGISTERED}


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
    path: str = ROOT,
) -> Callable[[Any], Any]:
    hook = _lookup(table, build, type(obj))
    if hook is None:
        raise ValidationError.at(path, f"expected a filmmeta model value, got {shown_typed(obj)}")
    return hook


# What the writers take as a list of model values (a JSON array).
_SEQUENCES = (list, tuple)


@overload
def to_dict(obj: list[Any] | tuple[Any, ...]) -> list[dict[str, Any]]: ...
@overload
def to_dict(obj: Any) -> dict[str, Any]: ...
def to_dict(obj: Any) -> dict[str, Any] | list[dict[str, Any]]:
    """Return the canonical dict of a model value (a Film, Rating, Offer, ...).

    Args:
        obj: An instance of one of filmmeta's model classes, or a list (or tuple) of
            them, which gives a list of dicts.

    Returns:
        A dict of JSON-ready values (strings, numbers, lists and dicts).

    Raises:
        ValidationError: If *obj* is not a model value (or a list of them).

    .. versionchanged:: 0.2.0
       A list of model values gives a list of dicts.

    Examples:
        >>> to_dict(Film("Backstage", release_date="2000", runtime=86))
        {'title': 'Backstage', 'kind': 'movie', 'release_date': '2000', 'runtime': 'PT1H26M'}
        >>> to_dict([Film("Backstage"), Rating("imdb", 5.7)])
        [{'title': 'Backstage', 'kind': 'movie'}, {'source': 'imdb', 'value': 5.7}]
    """
    hook = _TO_DICT.get(type(obj))
    if hook is None:
        if type(obj) in _SEQUENCES:
            return [_writer(_TO_DICT, _to_dict_hooks, x, f"[{i}]")(x) for i, x in enumerate(obj)]
        hook = _writer(_TO_DICT, _to_dict_hooks, obj)
    result: dict[str, Any] = hook(obj)
    return result


def from_dict(data: Any, cls: type[T] = Film, *, strict: bool = True) -> T:  # type: ignore[assignment]
    """Build a model value from its canonical dict.

    Args:
        data: A dict as :func:`to_dict` writes it (for instance from ``json.loads``).
        cls: The class to build: :class:`Film` (the default), :class:`Rating`, ...;
            ``list[Film]`` (or of any model class) reads a list of such dicts.
        strict: Reject unknown keys (the default); False ignores them.

    Returns:
        The value (a list for ``list[cls]``).

    Raises:
        ValidationError: With the path and problem of every error found (``[2].title``
            in a list). A document of another model class than *cls* (a Rating where
            a Film is asked for) is said to be one.

    .. versionchanged:: 0.2.0
       ``list[cls]``; a document of another class is named as such.

    Examples:
        >>> from_dict({"source": "imdb", "value": 5.7, "votes": 347}, Rating)
        Rating(source='imdb', value=5.7, votes=347, best=10, worst=1)
        >>> from_dict({"source": "imdb", "value": 5.7})
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: $: the document is a Rating (keys source, value), not a Film: read it with from_dict(data, Rating)
        >>> [film.title for film in from_dict([{"title": "Heat"}, {"title": "Ronin"}], list[Film])]
        ['Heat', 'Ronin']
        >>> from_dict({"title": "Backstage", "ratings": [{"source": "imdb", "value": "5.7"}]})
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: ratings[0].value: expected a number, got str '5.7'
    """  # noqa: E501
    table = _FROM_DICT[strict]
    hook = table.get(cls) or _lookup(table, functools.partial(_from_dict_hooks, strict), cls)
    if hook is None:
        item = item_class(cls)
        if item is not None and item in table:
            return _from_list(data, item, strict=strict)  # type: ignore[return-value]
        raise ValidationError.at(ROOT, f"{cls!r} is not a filmmeta model class")
    if type(data) is not dict and cls is not PartialDate:
        raise ValidationError.at(ROOT, f"expected a JSON object, got {shown_typed(data)}")
    try:
        return hook(data, cls)  # type: ignore[no-any-return]
    except Exception:
        # Bad input is rare: the fast converter stops at the first problem without a
        # path, and the detailed one runs only then to find every problem and its path.
        return _structure_detailed(data, cls, strict=strict)


def _structure_detailed(data: Any, cls: type[T], *, strict: bool) -> T:
    try:
        return _converter(strict=strict, detailed=True).structure(data, cls)
    except Exception as exc:
        # A Rating given where a Film is asked for reads as what it is, not as a film
        # that lacks a title and has two unknown keys.
        wrong = wrong_class_error(data, cls)
        if wrong is not None:
            raise wrong from None
        if isinstance(exc, ValidationError):
            raise
        # The detailed hooks collect every error into a ValidationError (_json.collect);
        # a cattrs error group would only come from a hook that lets one through.
        raise ValidationError(flatten(exc, ROOT)) from None  # pragma: no cover


def _from_list(data: Any, item: type[T], *, strict: bool) -> list[T]:
    """Read a JSON array of *item* documents, with the errors of every item."""
    if type(data) is not list:
        raise ValidationError.at(
            ROOT, f"expected a JSON array of {item.__name__} documents, got {shown_typed(data)}"
        )
    values: list[T] = []
    errors: list[tuple[str, str]] = []
    for index, element in enumerate(data):
        try:
            values.append(from_dict(element, item, strict=strict))
        except ValidationError as err:
            errors += err.with_prefix(f"[{index}]").errors
            if len(errors) >= MAX_ERRORS:
                # A hostile array of a million bad films costs 100 errors, not a million.
                errors.append(
                    (ROOT, f"more errors may follow; checking stopped after {MAX_ERRORS}")
                )
                break
    if errors:
        raise ValidationError(errors)
    return values


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Return the canonical JSON text of a model value.

    Args:
        obj: A Film (or any other model value), or a list (or tuple) of them, which is
            written as a JSON array.
        indent: Spaces per level for pretty output; None (the default) is compact.

    Returns:
        The JSON text; orjson writes it when installed, the standard library otherwise,
        with the same result.

    Raises:
        ValidationError: If *obj* is not a model value (or a list of them).

    .. versionchanged:: 0.2.0
       A list of model values is written as a JSON array.

    Examples:
        >>> to_json(Film("Backstage", kind="tv_movie", release_date="2000"))
        '{"title":"Backstage","kind":"tv_movie","release_date":"2000"}'
        >>> to_json([Film("Heat"), Film("Ronin")])
        '[{"title":"Heat","kind":"movie"},{"title":"Ronin","kind":"movie"}]'
    """
    hook = _TO_JSON.get(type(obj))
    if hook is None:
        if type(obj) in _SEQUENCES:
            items = [_writer(_TO_JSON, _to_json_hooks, x, f"[{i}]")(x) for i, x in enumerate(obj)]
            return _dumps(items, indent=indent)
        hook = _writer(_TO_JSON, _to_json_hooks, obj)
    return _dumps(hook(obj), indent=indent)


def from_json(
    text: str | bytes | bytearray,
    cls: type[T] = Film,  # type: ignore[assignment]
    *,
    strict: bool = True,
) -> T:
    """Build a model value from its canonical JSON text.

    Args:
        text: JSON text, as str or UTF-8 bytes.
        cls: The class to build (:class:`Film` by default); ``list[Film]`` (or of any
            model class) reads a JSON array of them.
        strict: Reject unknown keys (the default); False ignores them.

    Returns:
        The value (a list for ``list[cls]``).

    Raises:
        ValidationError: For text that is not JSON, JSON that is not an object, and every
            invalid value, each with its path.

    .. versionchanged:: 0.2.0
       ``list[cls]``; a document of another class is named as such.

    Examples:
        >>> from_json('{"title": "Backstage", "runtime": "PT1H26M"}').runtime
        datetime.timedelta(seconds=5160)
        >>> [film.title for film in from_json('[{"title": "Heat"}]', list[Film])]
        ['Heat']
        >>> from_json("[1, 2]")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: $: expected a JSON object, got list [1, 2]
    """
    data = _loads(text, strict=strict)
    # from_dict's usual case written in: one call fewer for every document read.
    hook = _FROM_DICT[strict].get(cls)
    if hook is None or type(data) is not dict:
        return from_dict(data, cls, strict=strict)
    try:
        return hook(data, cls)  # type: ignore[no-any-return]
    except Exception:
        return _structure_detailed(data, cls, strict=strict)


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
    on_error: OnError = "raise",
    progress: Callable[[int], object] | None = None,
    share: bool = True,
) -> JsonLines[T]:
    r"""Read films from JSON Lines, one at a time.

    The iterator reads a line, yields its film and forgets it: memory stays flat however
    long the file is. Blank lines are skipped. The garbage collector is left alone; a
    program that keeps a large catalog in memory may pause it around the load with
    :func:`~filmmeta.gc_paused` (1.6x faster at 30,000 films; see ``docs/performance.md``).

    Args:
        file: A path, or a file open for reading in text or binary mode.
        cls: The class of each line (:class:`Film` by default).
        strict: Reject unknown keys (the default); False ignores them.
        on_error: What an invalid line does: ``"raise"`` (the default) stops the read with
            its error; ``"skip"`` leaves it out with a :class:`~filmmeta.FilmmetaWarning`
            naming the line and the problems; ``"collect"`` leaves it out and keeps its
            error in the iterator's :attr:`~filmmeta.converters.JsonLines.errors`.
        progress: Called with the size of every line read (bytes for a path or a binary
            file, characters for a text file), blank and bad lines included: for a
            progress bar whose total is the file's size.
        share: Hold equal parts of the films read once (their content ratings, genre,
            language and country lists, credits and offers, item by item): a catalog
            kept in memory costs about half as much. The table of shared values belongs
            to this read alone and holds at most 100,000 values; the films are equal
            either way. False gives each film parts of its own.

    Returns:
        An iterator of one value per valid non-blank line.

    Raises:
        ValidationError: With ``on_error="raise"``, for the first invalid line; its
            :attr:`~ValidationError.line` is the 1-based line number,
            :attr:`~ValidationError.file` the file's name (for a path, or an open file
            that has one), and its message starts with both.
        ValueError: *on_error* is not one of the three.

    Examples:
        >>> import io
        >>> films = load_jsonl(io.StringIO('{"title": "Backstage"}\n\n{"title": ""}\n'))
        >>> next(films).title
        'Backstage'
        >>> next(films)
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: line 3: title: must not be empty
        >>> films = load_jsonl(
        ...     io.StringIO('{"title": "A"}\n{"title": 1}\n{"title": "B"}\n'), on_error="collect"
        ... )
        >>> [film.title for film in films], [str(err) for err in films.errors]
        (['A', 'B'], ['line 2: title: expected a string, got int 1'])

    .. versionchanged:: 0.2.0
       ``on_error``, ``progress`` and ``share``.
    """
    decode = functools.partial(_decode_line, cls=cls, strict=strict)
    if share and cls is Film:
        decode = functools.partial(_decode_shared, strict=strict, shared=Shared())
    if isinstance(file, str | os.PathLike):
        lines: Iterable[str | bytes] = _lines_of(file)
        # So that an error says which of many files is bad.
        name = file_name(os.fspath(file))
    else:
        lines, name = file, file_name(file)
    return JsonLines(lines, decode, file=name, on_error=on_error, progress=progress)


def _decode_line(line: str | bytes, *, cls: type[T], strict: bool) -> T:
    return from_json(line, cls, strict=strict)


def _decode_shared(line: str | bytes, *, strict: bool, shared: Shared) -> Any:
    # from_json, with the read's table handed to the film's hook: a credit or an offer
    # read before is not built again.
    data = _loads(line, strict=strict)
    hook = _FROM_DICT[strict].get(Film)
    if hook is None or type(data) is not dict:
        return shared.film(from_dict(data, Film, strict=strict))
    try:
        # The film's generated hook takes the read's table as a third argument.
        film = hook(data, Film, shared)  # type: ignore[call-arg]
    except Exception:
        film = _structure_detailed(data, Film, strict=strict)
    return shared.film(film, decoded=True)


def _lines_of(path: StrPath) -> Iterator[bytes]:
    # Opened on the first line asked for, closed after the last (or on close()).
    with open(path, "rb") as file:
        yield from file


def _is_binary(file: IO[Any]) -> bool:
    mode = getattr(file, "mode", "")
    if isinstance(mode, str) and mode:
        return "b" in mode
    return not isinstance(file, io.TextIOBase)
