"""Every error of a document at once: the detailed pass's last step.

cattrs' detailed structuring reports every field that cannot be read, but builds nothing
when one fails, so the model's own checks on the fields that *were* read (an empty title,
a duplicate rating source) never run; and a constructor stops at its first failing
validator. A web client would need a request per round of errors. When a document fails,
:func:`every_error` reads each field on its own, runs each field's converter and
validator on its own, and runs the rules over a list (one rating per source, no two equal
titles) on the items that could be read, with a stand-in for each item that could not
(its readable fields set, the others unique markers that equal nothing). The whole-object
rules of ``__attrs_post_init__`` (a rating's value on its scale) run last, when every
field is valid. Only :class:`~filmmeta.exceptions.ValidationError` counts: a check that
stumbles on a stand-in in any other way says nothing.

It runs only for documents that fail, so it costs nothing on the fast path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from filmmeta._model import builder, field_types, is_homogeneous_tuple
from filmmeta.exceptions import ValidationError, join_path

__all__ = ["every_error"]

Hook = Callable[[object, object], Any]
Flatten = Callable[[BaseException, str], list[tuple[str, str]]]


class _Unread:
    """A field that could not be read: equal to nothing but itself."""

    __slots__ = ()


def every_error(
    cls: type[Any],
    data: dict[str, Any],
    converter: cattrs.Converter,
    hooks: dict[Any, Hook],
    flatten: Flatten,
) -> list[tuple[str, str]]:
    """Every problem of *data* read as *cls*, each with its path, fields in order.

    Args:
        cls: The model class.
        data: The document (a dict).
        converter: The detailed converter, for the fields' hooks.
        hooks: Field hooks that replace the converter's, by the field's converter.
        flatten: Turns a cattrs error into ``(path, message)`` pairs.
    """
    fields = field_types(cls)
    found: dict[str, list[tuple[str, str]]] = {a.name: [] for a in fields}
    values: dict[str, Any] = {}
    for a in fields:
        if a.name not in data:
            if a.default is attrs.NOTHING:
                found[a.name].append((a.name, "required key missing"))
            continue
        value, errors = _read(a, data[a.name], converter, hooks, flatten)
        found[a.name] += errors
        if value is not _FAILED:
            values[a.name] = value
    stand_in = _StandIn(cls, values)
    for a in fields:
        if a.name in values and a.validator is not None:
            try:
                a.validator(stand_in, a, values[a.name])
            except ValidationError as err:
                found[a.name] += [e for e in err.errors if e not in found[a.name]]
            except Exception:  # noqa: S110 - a check that stumbles on a stand-in says nothing
                pass
    errors = [error for a in fields for error in found[a.name]]
    if converter.forbid_extra_keys:
        names = {a.name for a in fields}
        errors += [(str(key), "unknown key") for key in sorted(map(str, data)) if key not in names]
    if not errors:
        # Every field is valid: the whole-object rules (__attrs_post_init__) are left.
        try:
            cls(**{_init_name(a): values[a.name] for a in fields if a.name in values})
        except ValidationError as err:
            errors += err.errors
    return errors


_FAILED: Any = object()
# A list longer than this gets no stand-ins, so that its list rules are not checked: a
# hostile list of a million bad items must not cost a million partial reads.
_MOST_ITEMS = 1000


def _init_name(a: attrs.Attribute[Any]) -> str:
    return a.alias or a.name


def _read(
    a: attrs.Attribute[Any],
    raw: Any,
    converter: cattrs.Converter,
    hooks: dict[Any, Hook],
    flatten: Flatten,
) -> tuple[Any, list[tuple[str, str]]]:
    """A field's value as its converter makes it, or _FAILED (or stand-ins), and its errors."""
    hook = hooks.get(a.converter) or converter.get_structure_hook(a.type)
    try:
        value = hook(raw, a.type)
    except Exception as exc:
        return _stand_ins(a.type, raw, converter), flatten(exc, a.name)
    if a.converter is not None:
        try:
            value = a.converter(value)  # type: ignore[operator]
        except ValidationError as err:
            return _FAILED, [(join_path(a.name, p) if p == "$" else p, m) for p, m in err.errors]
    return value, []


def _stand_ins(type_: Any, raw: Any, converter: cattrs.Converter) -> Any:
    """For a list of model values that failed: each item read, or a stand-in in its place."""
    if not (is_homogeneous_tuple(type_) and type(raw) is list) or len(raw) > _MOST_ITEMS:
        return _FAILED
    item_type = type_.__args__[0]
    if not attrs.has(item_type):
        return _FAILED
    hook = converter.get_structure_hook(item_type)
    items = []
    for item in raw:
        try:
            items.append(hook(item, item_type))
        except Exception:
            items.append(_stand_in_item(item_type, item, converter))
    return tuple(items)


def _stand_in_item(cls: type[Any], raw: Any, converter: cattrs.Converter) -> Any:
    """An instance of *cls* with the fields of *raw* that can be read, unvalidated."""
    values = []
    for a in field_types(cls):
        value: Any = _Unread()
        if type(raw) is dict and a.name in raw:
            try:
                value = converter.get_structure_hook(a.type)(raw[a.name], a.type)
                if a.converter is not None:
                    value = a.converter(value)  # type: ignore[operator]
            except Exception:  # noqa: S110 - unread: a marker that equals nothing
                pass
        values.append(value)
    return _builders(cls)(*values)


_BUILDERS: dict[type[Any], Callable[..., Any]] = {}


def _builders(cls: type[Any]) -> Callable[..., Any]:
    if cls not in _BUILDERS:
        _BUILDERS[cls] = builder(cls)
    return _BUILDERS[cls]


class _StandIn:
    """What a field validator sees as the instance: the fields read, defaults for the rest."""

    def __init__(self, cls: type[Any], values: dict[str, Any]) -> None:
        for a in attrs.fields(cls):
            if a.name in values:
                setattr(self, a.name, values[a.name])
            elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                if not a.default.takes_self:
                    setattr(self, a.name, a.default.factory())
            elif a.default is not attrs.NOTHING:
                setattr(self, a.name, a.default)
