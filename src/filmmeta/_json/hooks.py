"""The cattrs hooks behind :mod:`filmmeta.converters`: strict leaves, fast objects.

Two kinds of converter use them. The detailed one checks every field with a strict hook
and reports every problem with its path. The fast one leaves to the model's own
validators what they check completely, and is used first; see
:func:`filmmeta.converters.from_dict`.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import re
from collections.abc import Callable
from typing import Any, TypeVar

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
from cattrs.gen import make_dict_structure_fn, override

from filmmeta._json.collect import every_error
from filmmeta._json.decode import FAST_HOOKS
from filmmeta._json.encode import make_unstructure_fn
from filmmeta._model import (
    ENUMS,
    MODEL_CLASSES,
    WRITTEN,
    PartialDate,
    check_number,
    field_types,
    format_iso_duration,
    is_homogeneous_tuple,
    is_language_tag,
    is_region,
    optional_inner,
    parse_iso_duration,
    parse_price,
    shown,
    shown_typed,
    to_languages,
    to_regions,
)
from filmmeta.exceptions import ROOT, ValidationError, join_path

__all__ = ["MAX_ERRORS", "always_written", "checked_by_the_model", "flatten", "install"]

T = TypeVar("T")


def always_written(cls: type[Any]) -> tuple[str, ...]:
    """The fields written even when they hold their default value.

    Canonical JSON leaves out None, empty lists, ids without ids and a default that a
    factory computes (a rating's scale); any other default is written, so that a title's
    kind or an award's count is always there (and a field may say so in its metadata).
    """
    return tuple(
        a.name for a in attrs.fields(cls) if a.metadata.get(WRITTEN) or _constant(a.default)
    )


def _constant(default: Any) -> bool:
    return not (
        default is attrs.NOTHING
        or default is None
        or (type(default) is tuple and not default)
        or isinstance(default, attrs.Factory)  # type: ignore[arg-type]
        or attrs.has(type(default))
        # A flag that is off says nothing (a viewing's rewatch and liked).
        or default is False
    )


def _fail(expected: str, value: object) -> ValidationError:
    return ValidationError.at(ROOT, f"expected {expected}, got {shown_typed(value)}")


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise _fail("a string", value)


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise _fail("an integer", value)


def _structure_float(value: object, _: object) -> float:
    # The model's own rule (finite, not a bool, ints within 64 bits), in both passes.
    # JSON has one number type: 29 stays 29 so that it is written back as 29.
    return check_number(ROOT, value)


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


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _structure_day(value: object, _: object) -> dt.date:
    # A full date, exactly as isoformat() writes it ("2023-09-03"): a viewing's day.
    if type(value) is not str or not _DAY.fullmatch(value):
        raise _fail('an ISO date string such as "2023-09-03"', value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.at(ROOT, f"{shown(value)} is not a date") from None


_PAIRS = tuple[tuple[str, str], ...]


def _structure_pairs(value: object, _: object) -> object:
    # Ids of other services are a JSON object; the model's converter sorts its pairs
    # and its validator checks every key and id.
    if type(value) is not dict:
        raise _fail("an object of ids", value)
    return value


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
            raise ValidationError.at(ROOT, f"{shown(value)} is not one of {choices}") from None

    return structure


def _is_optional(type_: Any) -> bool:
    return optional_inner(type_) is not None


def _optional_hook_factory(type_: Any, converter: cattrs.Converter) -> Any:
    # cattrs' own Optional hook dispatches on the inner type at every call.
    other = optional_inner(type_)
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
_PLAIN = frozenset({str, int, float, bool})


def checked_by_the_model(field: attrs.Attribute[Any]) -> bool:
    """Whether the fast pass leaves a field's JSON value to the model's own checks.

    Plain values and lists of strings are checked exactly by the field's validator
    (type, range, emptiness), and an enum by the field's converter, a dict lookup.
    ``tests/test_fields.py`` holds every such field to it: a wrong JSON type must be a
    ValidationError of the constructor.
    """
    type_ = optional_inner(field.type) or field.type
    if type_ in _PLAIN or type_ == tuple[str, ...]:
        return True
    return isinstance(type_, type) and issubclass(type_, enum.Enum) and field.converter is not None


def _exact_codes(check: Callable[[str], bool], what: str) -> Callable[[object, object], Any]:
    """A hook for a list of codes that the constructor would make canonical: exact only.

    ``Film(languages=["EN"])`` is read as ``("en",)``, but a document is canonical JSON:
    ``"EN"`` there is an error, as every other spelling the writer never writes.
    """

    def structure(value: object, _: object) -> tuple[str, ...]:
        if type(value) is not list:
            raise _fail("a list", value)
        if not all(type(v) is str and check(v) for v in value):
            raise ValidationError(
                [
                    (f"[{i}]", f"{shown(v)} is not {what}")
                    for i, v in enumerate(value)
                    if not (type(v) is str and check(v))
                ]
            )
        return tuple(value)

    return structure


# Fields whose converter makes codes canonical, by converter, and the hook that keeps the
# JSON reader exact for them.
_EXACT: dict[Any, Callable[[object, object], Any]] = {
    to_languages: _exact_codes(is_language_tag, "a BCP 47 / ISO 639 language tag"),
    to_regions: _exact_codes(is_region, "an ISO 3166-1 alpha-2 code"),
}


def _exact_overrides(cls: type[Any]) -> dict[str, Any]:
    return {
        a.name: override(struct_hook=_EXACT[a.converter])
        for a in attrs.fields(cls)
        if a.converter in _EXACT
    }


def _object_hook(cls: type[T], converter: cattrs.Converter) -> Callable[[object, object], T]:
    if not converter.detailed_validation:
        # The fast pass: validation is the model's own, and any failure sends the
        # document to the detailed pass for paths (see from_dict).
        overrides: dict[str, Any] = {
            a.name: override(struct_hook=_PASSTHROUGH)
            for a in field_types(cls)
            if checked_by_the_model(a)
        }
        overrides.update(_exact_overrides(cls))
        generated: Callable[[object, object], T] = make_dict_structure_fn(  # type: ignore[assignment]
            cls,
            converter,
            _cattrs_forbid_extra_keys=converter.forbid_extra_keys,
            _cattrs_detailed_validation=False,
            **overrides,
        )
        fast = FAST_HOOKS.get(cls)
        return generated if fast is None else fast(generated, converter)
    inner = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=converter.forbid_extra_keys,
        _cattrs_detailed_validation=True,
        **_exact_overrides(cls),
    )

    def structure(value: object, t: object) -> T:
        if type(value) is not dict:
            raise _fail("an object", value)
        try:
            return inner(value, cls)
        except Exception:
            # cattrs stops before the model's checks, the constructor at its first
            # failing check: read each field on its own to report every problem.
            errors = every_error(cls, value, converter, _EXACT, flatten)
            if not errors:  # pragma: no cover - every failure has a reason
                raise
            raise ValidationError(errors) from None

    return structure


def install(
    converter: cattrs.Converter, *, for_encoder: bool = False, structure: bool = True
) -> None:
    """Register every hook on *converter*: see :func:`filmmeta.converters.configure_converter`.

    With *for_encoder*, the dicts are written for a JSON encoder that writes a str enum
    as its value and a tuple as an array (orjson and the standard library both do): enums
    stay members and tuples of strings stay tuples, which saves a lookup per enum and a
    copy per list. ``structure=False`` registers the unstructure hooks only.
    """
    converter.register_unstructure_hook(dt.timedelta, format_iso_duration)
    converter.register_unstructure_hook(decimal.Decimal, str)
    converter.register_unstructure_hook_func(lambda t: t == _PAIRS, dict)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    for cls in ENUMS:
        # A bound dict lookup: cheaper than the enum's value property on every write.
        values = identity if for_encoder else {m: m.value for m in cls}.__getitem__
        converter.register_unstructure_hook(cls, values)
    if structure:
        _install_structure(converter)
    for cls in MODEL_CLASSES:
        converter.register_unstructure_hook(
            cls, make_unstructure_fn(cls, converter, always_written(cls), tuples=for_encoder)
        )


def _install_structure(converter: cattrs.Converter) -> None:
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.timedelta, _structure_duration)
    converter.register_structure_hook(decimal.Decimal, _structure_decimal)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_structure_hook(dt.date, _structure_day)
    for enum_cls in ENUMS:
        converter.register_structure_hook(enum_cls, _enum_hook(enum_cls))
    converter.register_structure_hook_factory(
        is_homogeneous_tuple, lambda t: _tuple_hook_factory(t, converter)
    )
    converter.register_structure_hook_factory(
        _is_optional, lambda t: _optional_hook_factory(t, converter)
    )
    # After the tuple factory, which it overrides for this one type.
    converter.register_structure_hook_func(lambda t: t == _PAIRS, _structure_pairs)
    for cls in MODEL_CLASSES:
        converter.register_structure_hook(cls, _object_hook(cls, converter))


def flatten(exc: BaseException, path: str) -> list[tuple[str, str]]:
    """Turn a cattrs error group into ``(path, message)`` pairs, in document order."""
    found: list[tuple[str, str]] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            found += flatten(sub, join_path(path, note.name))
        for sub in without:
            found += flatten(sub, path)
    elif isinstance(exc, IterableValidationError):
        indexed, without_ = exc.group_exceptions()
        for sub, inote in indexed:
            found += flatten(sub, f"{path}[{inote.index}]" if path != ROOT else f"[{inote.index}]")
        for sub in without_:
            found += flatten(sub, path)
    elif isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            found += flatten(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        found += [(join_path(path, key), "unknown key") for key in sorted(exc.extra_fields)]
    elif isinstance(exc, ValidationError):
        found += [(join_path(path, p), m) for p, m in exc.errors]
    elif isinstance(exc, KeyError):
        found.append((path, "required key missing"))
    else:
        found.append((path, f"invalid value ({type(exc).__name__}: {exc})"))
    return found
