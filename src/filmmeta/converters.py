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

import datetime as dt
import decimal
import enum
import functools
import gc
import io
import math
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, TypeAlias, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from filmmeta import _jsonlib
from filmmeta._availability import Offer, OfferType, Quality, parse_price
from filmmeta._certification import ContentRating
from filmmeta._dates import PartialDate
from filmmeta._film import Credit, ExternalIds, Film, FilmKind
from filmmeta._ratings import Rating
from filmmeta._runtime import format_iso_duration, parse_iso_duration
from filmmeta._validate import describe
from filmmeta.exceptions import ROOT, ValidationError, join_path

__all__ = [
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
StrPath: TypeAlias = str | os.PathLike[str]

#: The classes that have a canonical JSON form, leaves first: the order matters, since a
#: generated cattrs hook captures the hooks of its fields' types when it is built.
MODEL_CLASSES: tuple[type[Any], ...] = (
    PartialDate,
    ContentRating,
    Rating,
    Credit,
    Offer,
    ExternalIds,
    Film,
)
_ENUMS: tuple[type[enum.Enum], ...] = (FilmKind, OfferType, Quality)
# Fields written even when they hold their default value.
_ALWAYS_WRITTEN: Mapping[type[Any], tuple[str, ...]] = {Film: ("kind",)}


def _fail(expected: str, value: object) -> ValidationError:
    return ValidationError.at(ROOT, f"expected {expected}, got {describe(value)}")


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise _fail("a string", value)


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise _fail("an integer", value)


def _structure_float(value: object, _: object) -> float:
    # JSON has one number type: 29 stays 29 so that it is written back as 29.
    if type(value) is float:
        if math.isfinite(value):
            return value
        raise ValidationError.at(ROOT, f"{value} is not a finite number")
    if type(value) is int:
        return value
    raise _fail("a number", value)


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise _fail("true or false", value)


def _structure_duration(value: object, _: object) -> dt.timedelta:
    if type(value) is not str:
        raise _fail("an ISO 8601 duration string", value)
    return parse_iso_duration(value)


def _structure_date(value: object, _: object) -> PartialDate:
    if type(value) is not str:
        raise _fail("an ISO date string", value)
    return PartialDate.fromisoformat(value)


def _structure_decimal(value: object, _: object) -> decimal.Decimal:
    if type(value) is not str:
        raise _fail('a decimal string such as "3.99"', value)
    return parse_price(value, ROOT)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], Any]:
    # A dict lookup is several times cheaper than Enum.__call__ on the hot path.
    members = {m.value: m for m in cls}
    choices = ", ".join(members)

    def structure(value: object, _: object) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValidationError.at(ROOT, f"{value!r} is not one of {choices}") from None

    return structure


def _is_homogeneous_tuple(type_: Any) -> bool:
    return getattr(type_, "__origin__", None) is tuple and type_.__args__[1:] == (...,)


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook_factory(type_: Any, converter: cattrs.Converter) -> Any:
    # cattrs' own Optional hook dispatches on the inner type at every call.
    other = next(arg for arg in type_.__args__ if arg is not type(None))
    inner = converter.get_structure_hook(other)

    def structure(value: object, _: object) -> Any:
        return None if value is None else inner(value, other)

    return structure


def _tuple_hook_factory(type_: Any, converter: cattrs.Converter) -> Any:
    if not converter.detailed_validation:
        item_type = type_.__args__[0]
        item = converter.get_structure_hook(item_type)

        def structure_fast(value: Any, _: object) -> tuple[Any, ...]:
            # Without this check a string would be structured character by character.
            if type(value) is not list:
                raise _fail("a list", value)
            return tuple([item(v, item_type) for v in value])

        return structure_fast

    item_type = type_.__args__[0]
    item = converter.get_structure_hook(item_type)

    def structure(value: object, t: Any) -> tuple[Any, ...]:
        # Without this check a string would be structured character by character.
        if type(value) is not list:
            raise _fail("a list", value)
        errors: list[Exception] = []
        items = []
        for index, element in enumerate(value):
            try:
                items.append(item(element, item_type))
            except Exception as exc:  # collected with its index
                exc.__notes__ = [IterableValidationNote(f"@ index {index}", index, item_type)]
                errors.append(exc)
                if len(errors) == MAX_ERRORS:
                    # A hostile list of a million bad items must not cost a million
                    # exceptions and a message of megabytes.
                    errors.append(ValidationError.at(ROOT, _MORE))
                    break
        if errors:
            raise IterableValidationError("invalid items", errors, t)
        return tuple(items)

    return structure


#: The most errors reported for one list; the rest of the list is not checked.
MAX_ERRORS = 100
_MORE = f"more errors may follow; checking stopped after {MAX_ERRORS}"


class _Passthrough:
    """A structure hook for fields whose attrs validators check everything.

    cattrs calls no hook for a field whose hook is falsy: the JSON value goes straight
    to the class's ``__init__``, where the field's converter and validator see it. Should
    a cattrs release call it anyway, it passes the value on, which is just as correct.
    """

    def __bool__(self) -> bool:
        return False

    def __call__(self, value: object, _: object) -> object:
        return value


_PASSTHROUGH = _Passthrough()
# Field types that the model's own validators check exactly (type, range, emptiness),
# and enums that its field converters map with a dict lookup.
_CHECKED_BY_THE_MODEL: frozenset[Any] = frozenset(
    {
        str,
        int,
        float,
        str | None,
        int | None,
        tuple[str, ...],
        FilmKind,
        OfferType,
        Quality | None,
    }
)


def _object_hook(cls: type[T], converter: cattrs.Converter) -> Callable[[object, object], T]:
    if not converter.detailed_validation:
        # The fast pass: validation is the model's own, and any failure sends the
        # document to the detailed pass for paths (see from_dict).
        overrides: dict[str, Any] = {
            a.name: override(struct_hook=_PASSTHROUGH)
            for a in attrs.fields(attrs.resolve_types(cls))  # type: ignore[type-var, arg-type]
            if a.type in _CHECKED_BY_THE_MODEL
        }
        fast: Callable[[object, object], T] = make_dict_structure_fn(  # type: ignore[assignment]
            cls,
            converter,
            _cattrs_forbid_extra_keys=converter.forbid_extra_keys,
            _cattrs_detailed_validation=False,
            **overrides,
        )
        return fast
    inner = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=converter.forbid_extra_keys,
        _cattrs_detailed_validation=True,
    )

    def structure(value: object, t: object) -> T:
        if type(value) is not dict:
            raise _fail("an object", value)
        return inner(value, cls)

    return structure


def _tuple_unstructure_factory(type_: Any, converter: cattrs.Converter) -> Any:
    # cattrs' generic sequence hook dispatches on every item.
    item_type = type_.__args__[0]
    if item_type in (str, int, float):
        return list
    item = converter.get_unstructure_hook(item_type)

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [item(v) for v in value]

    return unstructure


def _optional_unstructure_factory(type_: Any, converter: cattrs.Converter) -> Any:
    other = next(arg for arg in type_.__args__ if arg is not type(None))
    inner = converter.get_unstructure_hook(other)
    if inner is identity:
        return identity  # cattrs then writes the attribute without a call

    def unstructure(value: Any) -> Any:
        return None if value is None else inner(value)

    return unstructure


def _unstructure_hook(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    overrides: dict[str, Any] = {
        name: override(omit_if_default=False) for name in _ALWAYS_WRITTEN.get(cls, ())
    }
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **overrides)


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
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.timedelta, _structure_duration)
    converter.register_unstructure_hook(dt.timedelta, format_iso_duration)
    converter.register_structure_hook(decimal.Decimal, _structure_decimal)
    converter.register_unstructure_hook(decimal.Decimal, str)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, str)
    for cls in _ENUMS:
        converter.register_structure_hook(cls, _enum_hook(cls))
        # A bound dict lookup: cheaper than the enum's value property on every write.
        converter.register_unstructure_hook(cls, {m: m.value for m in cls}.__getitem__)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_hook_factory(t, converter)
    )
    converter.register_structure_hook_factory(
        _is_optional, lambda t: _optional_hook_factory(t, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_unstructure_factory(t, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_optional, lambda t: _optional_unstructure_factory(t, converter)
    )
    for cls in MODEL_CLASSES[1:]:
        converter.register_structure_hook(cls, _object_hook(cls, converter))
        converter.register_unstructure_hook(cls, _unstructure_hook(cls, converter))


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


# The hooks of the module-level functions, looked up once: a cattrs dispatch per call
# costs more than the hook of a small class.
@functools.cache
def _unstructure_hooks() -> dict[type[Any], Callable[[Any], Any]]:
    converter = _converter(strict=True, detailed=False)
    return {cls: converter.get_unstructure_hook(cls) for cls in MODEL_CLASSES[1:]}


@functools.cache
def _structure_hooks(strict: bool) -> dict[type[Any], Callable[[Any, Any], Any]]:  # noqa: FBT001
    converter = _converter(strict=strict, detailed=False)
    return {cls: converter.get_structure_hook(cls) for cls in MODEL_CLASSES}


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
    hook = _unstructure_hooks().get(type(obj))
    if hook is None:
        raise ValidationError.at(ROOT, f"expected a filmmeta model value, got {describe(obj)}")
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
    hook = _structure_hooks(strict).get(cls)
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
    except RecursionError:
        raise ValidationError.at(ROOT, "nested too deeply") from None
    except Exception as exc:
        raise ValidationError(_flatten(exc, ROOT)) from None


def _flatten(exc: BaseException, path: str) -> list[tuple[str, str]]:
    """Turn a cattrs error group into ``(path, message)`` pairs, in document order."""
    found: list[tuple[str, str]] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            found += _flatten(sub, join_path(path, note.name))
        for sub in without:
            found += _flatten(sub, path)
    elif isinstance(exc, IterableValidationError):
        indexed, without_ = exc.group_exceptions()
        for sub, inote in indexed:
            found += _flatten(sub, f"{path}[{inote.index}]" if path != ROOT else f"[{inote.index}]")
        for sub in without_:
            found += _flatten(sub, path)
    elif isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            found += _flatten(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        found += [(join_path(path, key), "unknown key") for key in sorted(exc.extra_fields)]
    elif isinstance(exc, ValidationError):
        found += [(join_path(path, p), m) for p, m in exc.errors]
    elif isinstance(exc, KeyError):
        found.append((path, "required key missing"))
    else:
        found.append((path, f"invalid value ({type(exc).__name__}: {exc})"))
    return found


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
    return _jsonlib.dumps(to_dict(obj), indent=indent)


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
    long the file is. Blank lines are skipped.

    Args:
        file: A path, or a file open for reading in text or binary mode.
        cls: The class of each line (:class:`Film` by default).
        strict: Reject unknown keys (the default); False ignores them.

    Yields:
        One value per non-blank line.

    Raises:
        ValidationError: For the first invalid line; its :attr:`~ValidationError.line`
            is the 1-based line number, and its message starts with it.

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
    lines: Iterator[tuple[int, str | bytes]] = enumerate(file, start=1)
    while True:
        batch, error = _decode_batch(lines, cls, strict=strict)
        yield from batch
        if error is not None:
            raise error
        if len(batch) < _BATCH:
            return


# Films decoded between two pauses of the garbage collector.
_BATCH = 1000


def _decode_batch(
    lines: Iterator[tuple[int, str | bytes]], cls: type[T], *, strict: bool
) -> tuple[list[T], ValidationError | None]:
    """Decode up to _BATCH values with the cyclic garbage collector paused.

    Decoding creates many small objects and no cycles, so the collector's generational
    passes are pure overhead (a fifth of the time). It is paused only while this
    function runs, never while the caller's code runs between two yields, and a batch
    bounds the memory it holds.
    """
    batch: list[T] = []
    error: ValidationError | None = None
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        for number, line in lines:
            if line.strip():
                try:
                    batch.append(from_json(line, cls, strict=strict))
                except ValidationError as err:
                    error = err.with_line(number)
                    break
                if len(batch) == _BATCH:
                    break
    finally:
        if paused:
            gc.enable()
    return batch, error


def _is_binary(file: IO[Any]) -> bool:
    mode = getattr(file, "mode", "")
    if isinstance(mode, str) and mode:
        return "b" in mode
    return not isinstance(file, io.TextIOBase)
