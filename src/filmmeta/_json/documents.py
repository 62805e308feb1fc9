"""What a document is: lists of model values, and a document of another class than asked.

The public functions of :mod:`filmmeta.converters` take a model class or ``list[cls]``
(``from_json(text, list[Film])``); :func:`item_class` tells the two apart. When a
document fails as the class asked for, :func:`other_class` says whether its keys are
exactly those of another model class, so that the error can say so in plain words
instead of listing every key of the one as missing and every key of the other as
unknown.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from filmmeta._model import MODEL_CLASSES
from filmmeta.exceptions import ROOT, ValidationError

__all__ = ["item_class", "other_class", "wrong_class_error"]


def item_class(cls: Any) -> type[Any] | None:
    """The item class of ``list[cls]``, or None for anything else."""
    args = typing.get_args(cls)
    if typing.get_origin(cls) is list and len(args) == 1 and isinstance(args[0], type):
        return args[0]
    return None


def _keys(cls: type[Any]) -> tuple[frozenset[str], frozenset[str]]:
    """All the keys of *cls*'s canonical form, and the required ones."""
    fields = attrs.fields(cls)
    names = frozenset(a.name for a in fields)
    return names, frozenset(a.name for a in fields if a.default is attrs.NOTHING)


def other_class(data: object, cls: type[Any]) -> list[type[Any]]:
    """The model classes other than *cls* whose canonical form *data*'s keys fit.

    A fit means every key is one of the class's and every required key is there; a
    document that fits *cls* itself (a film with a bad value) fits no other class here.
    """
    if type(data) is not dict or not data or not attrs.has(cls):
        return []
    keys = data.keys()
    names, required = _keys(cls)
    if keys <= names and required <= keys:
        return []
    found = []
    for other in MODEL_CLASSES:
        if other is not cls:
            names, required = _keys(other)
            if keys <= names and required <= keys:
                found.append(other)
    return found


def wrong_class_error(data: object, cls: type[Any]) -> ValidationError | None:
    """The error for a document of another class than *cls*, or None if it is not one.

    Examples:
        >>> from filmmeta import Film
        >>> print(wrong_class_error({"source": "imdb", "value": 5.7}, Film))
        $: the document is a Rating (keys source, value), not a Film: read it with from_dict(data, Rating)
    """  # noqa: E501
    others = other_class(data, cls)
    if not others:
        return None
    assert isinstance(data, dict)  # other_class made sure
    names = " or ".join(_a(o.__name__) for o in others)
    keys = ", ".join(sorted(data))
    return ValidationError.at(
        ROOT,
        f"the document is {names} (keys {keys}), not {_a(cls.__name__)}:"
        f" read it with from_dict(data, {others[0].__name__})",
    )


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"
