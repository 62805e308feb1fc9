"""The one registry of model classes, found from the types of Film's fields.

The JSON hooks, the JSON Schema, the Arrow schema and the tests all need the list of
model classes and enums. It is not written out anywhere: :data:`MODEL_CLASSES` and
:data:`ENUMS` are what a walk over the field types from :data:`ROOTS` reaches, so a class
that a new field uses is registered by the field itself.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from filmmeta._model.dates import PartialDate
from filmmeta._model.film import Film
from filmmeta._model.viewing import Viewing

__all__ = [
    "ENUMS",
    "MODEL_CLASSES",
    "ROOTS",
    "SCALARS",
    "field_types",
    "is_homogeneous_tuple",
    "item_type",
    "optional_inner",
    "value_test",
]

#: The classes whose fields are walked; a class that is not reached from Film (a
#: record of something else) is added here.
ROOTS: tuple[type[Any], ...] = (Film, Viewing)
#: Types written as one JSON string, number or boolean, not as an object.
SCALARS: frozenset[Any] = frozenset(
    {str, int, float, bool, decimal.Decimal, dt.timedelta, dt.date, PartialDate}
)


def optional_inner(type_: Any) -> Any:
    """Return X of ``X | None``, or None when *type_* is not optional."""
    args = typing.get_args(type_)
    if (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    ):
        return next(arg for arg in args if arg is not type(None))
    return None


def is_homogeneous_tuple(type_: Any) -> bool:
    """Whether *type_* is ``tuple[X, ...]``."""
    return getattr(type_, "__origin__", None) is tuple and type_.__args__[1:] == (...,)


def item_type(type_: Any) -> Any:
    """X of ``tuple[X, ...]``."""
    return type_.__args__[0]


def field_types(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of an attrs class, with their types resolved."""
    return attrs.fields(attrs.resolve_types(cls))  # type: ignore[no-any-return]


def _walk(type_: Any, classes: dict[type[Any], None], enums: dict[type[Any], None]) -> None:
    inner = optional_inner(type_)
    if inner is not None:
        _walk(inner, classes, enums)
    elif is_homogeneous_tuple(type_) or typing.get_origin(type_) is tuple:
        for arg in typing.get_args(type_):
            if arg is not Ellipsis:
                _walk(arg, classes, enums)
    elif isinstance(type_, type) and issubclass(type_, enum.Enum):
        enums[type_] = None
    elif type_ in SCALARS:
        return
    elif isinstance(type_, type) and attrs.has(type_):
        if type_ in classes:
            return
        for field in field_types(type_):
            _walk(field.type, classes, enums)
        classes[type_] = None  # after its fields' classes: leaves first
    else:  # pragma: no cover - a field of a type no layer knows
        raise TypeError(f"a model field has a type that no layer knows: {type_!r}")


def _registry() -> tuple[tuple[type[Any], ...], tuple[type[enum.Enum], ...]]:
    classes: dict[type[Any], None] = {}
    enums: dict[type[Any], None] = {}
    for root in ROOTS:
        _walk(root, classes, enums)
    return tuple(classes), tuple(enums)


#: The classes written as JSON objects, leaves first: a generated cattrs hook captures
#: the hooks of its fields' types when it is built, so those must be registered first.
#: PartialDate, written as a string, is a scalar and not here.
MODEL_CLASSES: tuple[type[Any], ...]
#: Every enum that a field of a model class holds.
ENUMS: tuple[type[enum.Enum], ...]
MODEL_CLASSES, ENUMS = _registry()


def value_test(cls: type[enum.Enum]) -> Callable[[object], bool]:
    """A test of whether a value is one of the enum *cls*'s values (a column's check).

    Examples:
        >>> from filmmeta import OfferType
        >>> is_offer_type = value_test(OfferType)
        >>> is_offer_type("rent"), is_offer_type("Rent")
        (True, False)
    """
    return frozenset(member.value for member in cls).__contains__
