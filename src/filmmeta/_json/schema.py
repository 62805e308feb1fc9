"""The JSON Schema (Draft 2020-12) of the canonical JSON form.

The schema is generated, not written by hand: :func:`json_schema` walks the attrs
classes (their fields, types and defaults) and adds what the converter and the
validators check, from the small tables of rules in :mod:`filmmeta._json.schema_rules`. Titles
come from the class names, descriptions from the docstrings (the first paragraph of a
class, its ``Args:`` entry for a field).

The schema describes the canonical form as ``docs/json.md`` documents it: everything
:func:`~filmmeta.to_dict` returns is valid, and so is ``null`` for a field that may be
None (the reader takes it as if the key were left out). It is a little stricter than the
reader in what the documentation does not promise: a runtime with surrounding spaces or
zero years (``"P0Y1D"``), and decimal spellings other than plain digits, a point and an
exponent (``"+3"``, ``"1_000"``).

JSON Schema cannot state every rule, so a document it accepts may still be rejected by
:func:`~filmmeta.from_json`; ``docs/guarantees.md`` lists the gaps. The main ones: two
ratings from the same unknown source, a value above an explicit ``best``, a number
written as ``3.0`` where an integer is expected, a language tag of the right shape with
an unknown subtag, a duration too long to represent. Patterns are ECMA-262 regular
expressions, as the specification says; Python's :mod:`re`, which the ``jsonschema``
package uses, also lets one trailing newline through a closing ``$``.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import enum
import functools
import inspect
import re
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from filmmeta._json.documents import item_class
from filmmeta._json.schema_rules import CLASS_RULES, FIELD_RULES, JSON, SCALARS, rating_scales
from filmmeta._model import (
    MODEL_CLASSES,
    SOURCES,
    Film,
    PartialDate,
    Rating,
    is_homogeneous_tuple,
    item_type,
    optional_inner,
)
from filmmeta.exceptions import ROOT, ValidationError

__all__ = ["DRAFT", "SCHEMA_ID", "json_schema"]

#: The dialect of every schema :func:`json_schema` returns.
DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Where the Film schema is published: ``docs/schema/film.schema.json``, copied to the
#: root of the built documentation.
SCHEMA_ID = "https://filmmeta.readthedocs.io/en/latest/film.schema.json"

_ROLE_RE = re.compile(r":[a-z]+:`(~?)([^`]+)`")


def _plain(text: str) -> str:
    """Turn reST markup into plain text: :class:`~x.Y` -> Y, ``"a"`` -> "a"."""

    def role(match: re.Match[str]) -> str:
        tilde, target = match.groups()
        return target.rsplit(".", 1)[-1] if tilde else target

    return " ".join(_ROLE_RE.sub(role, text).replace("``", "").split())


def _summary(obj: object) -> str:
    """The first paragraph of a docstring, as plain text."""
    doc = inspect.getdoc(obj) or ""
    return _plain(doc.split("\n\n", 1)[0])


def _args(cls: type[Any]) -> dict[str, str]:
    """The ``Args:`` entries of a Google-style class docstring, as plain text."""
    doc = inspect.cleandoc(cls.__doc__ or "") + "\n"
    section = re.search(r"^Args:\n((?: {4}.*\n)*)", doc, re.MULTILINE)
    # ["", name, text, name, text, ...]: each entry starts at four spaces and a name.
    parts = re.split(r"^ {4}(\w+): ", section.group(1) if section else "", flags=re.MULTILINE)
    return {name: _plain(text) for name, text in zip(parts[1::2], parts[2::2], strict=True)}


class _Builder:
    """Collects the definitions that one class's schema refers to."""

    def __init__(self) -> None:
        self.defs: dict[str, JSON] = {}

    def ref(self, name: str, build: Callable[[], JSON]) -> JSON:
        if name not in self.defs:
            self.defs[name] = {}  # reserved first, in case the class refers to itself
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def scalar(self, name: str) -> JSON:
        return self.ref(name, lambda: dict(SCALARS[name]))

    def scalars_in(self, rule: Any) -> None:
        """Define the named scalar types that a rule of the table refers to."""
        if isinstance(rule, Mapping):
            if isinstance(ref := rule.get("$ref"), str):
                self.scalar(ref.rsplit("/", 1)[-1])
            for value in rule.values():
                self.scalars_in(value)

    def type_schema(self, tp: Any) -> JSON:
        if tp is str:
            return self.scalar("Text")
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is decimal.Decimal:
            return self.scalar("Price")
        if tp is dt.timedelta:
            return self.scalar("Duration")
        if tp is PartialDate:
            return self.scalar("Date")
        if tp is dt.date:
            return self.scalar("Day")
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.ref(tp.__name__, lambda: _enum_schema(tp))
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp.__name__, lambda: self.object_schema(tp))
        if is_homogeneous_tuple(tp):
            return {"type": "array", "items": self.type_schema(item_type(tp))}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type

    def object_schema(self, cls: type[Any]) -> JSON:
        hints = typing.get_type_hints(cls)
        described = _args(cls)
        properties: dict[str, JSON] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING:
                required.append(field.name)
            hint = hints[field.name]
            optional = optional_inner(hint) is not None
            hint = optional_inner(hint) or hint
            rule = dict(FIELD_RULES.get((cls, field.name), {}))
            description = rule.pop("description", described.get(field.name))
            # A rule that names the type itself replaces the one the annotation gives.
            body = {} if "$ref" in rule or "type" in rule else self.type_schema(hint)
            self.scalars_in(rule)
            body.update(copy.deepcopy(rule))
            # The reader takes null for a field that may be None, as if it were left out.
            prop: JSON = {"anyOf": [body, {"type": "null"}]} if optional else body
            prop.update({"description": description} if description else {})
            if field.default is not attrs.NOTHING and isinstance(field.default, enum.Enum):
                prop["default"] = field.default.value
            properties[field.name] = prop
        schema: JSON = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            **({"required": required} if required else {}),
            "additionalProperties": False,
        }
        schema.update(copy.deepcopy(dict(CLASS_RULES.get(cls, {}))))
        if cls is Rating:
            schema["allOf"] = rating_scales()
        if cls is Film:
            properties["ratings"]["allOf"] = [
                {
                    "contains": {"properties": {"source": {"const": name}}},
                    "minContains": 0,
                    "maxContains": 1,
                }
                for name in sorted(SOURCES)
            ]
        return schema


def _enum_schema(cls: type[enum.Enum]) -> JSON:
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "string",
        "enum": [member.value for member in cls],
    }


_CLASSES = {cls.__name__: cls for cls in MODEL_CLASSES}


@functools.cache
def _build_list(name: str) -> JSON:
    """The schema of a JSON array of *name* documents: the class's schema is a $def."""
    one = _build(name)
    # No "$id": the published address is the one film's schema, not a list's.
    body = {key: value for key, value in one.items() if key not in {"$schema", "$id", "$defs"}}
    return {
        "$schema": DRAFT,
        "title": f"list of {name}",
        "type": "array",
        "items": {"$ref": f"#/$defs/{name}"},
        "$defs": dict(sorted({**one["$defs"], name: body}.items())),
    }


@functools.cache
def _build(name: str) -> JSON:
    cls = _CLASSES[name]
    builder = _Builder()
    builder.defs[cls.__name__] = {}  # the root itself is never a definition
    root = builder.object_schema(cls)
    del builder.defs[cls.__name__]
    head: JSON = {"$schema": DRAFT}
    if cls is Film:
        head["$id"] = SCHEMA_ID
    return {**head, **root, "$defs": dict(sorted(builder.defs.items()))}


def json_schema(cls: type[Any] = Film) -> dict[str, Any]:
    """Return the JSON Schema (Draft 2020-12) of a model class's canonical JSON form.

    The schema states the types, the required keys, that no other keys are allowed, the
    enums, the shapes of dates, durations, prices and ids, the ISO code lists of regions
    and currencies, and the scales of the known rating sources. Every document that
    :func:`~filmmeta.to_json` writes is valid; a few rules are beyond JSON Schema, so
    :func:`~filmmeta.from_json` stays the final judge.

    Args:
        cls: :class:`~filmmeta.Film` (the default), :class:`~filmmeta.Rating`,
            :class:`~filmmeta.Offer`, :class:`~filmmeta.ContentRating`,
            :class:`~filmmeta.Credit` or :class:`~filmmeta.ExternalIds`; or a list of
            one of them (``list[Film]``): a JSON array of such documents, the class's
            schema under ``"$defs"``.

    Returns:
        A new dict each call, ready for :func:`json.dumps`. The classes it refers to are
        under ``"$defs"``; only the Film schema has an ``"$id"``, the address it is
        published at.

    Raises:
        ValidationError: *cls* is not one of the model classes.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"], schema["required"], schema["additionalProperties"]
        ('https://json-schema.org/draft/2020-12/schema', ['title'], False)
        >>> schema["properties"]["kind"]
        {'$ref': '#/$defs/FilmKind', 'description': 'movie, tv_movie, short, video or tv_special.', 'default': 'movie'}
        >>> schema["$defs"]["Date"]["examples"]
        ['2000', '2000-11', '2000-11-07']
        >>> json_schema(Rating)["required"]
        ['source', 'value']
        >>> films = json_schema(list[Film])
        >>> films["type"], films["items"], films["$defs"]["Film"]["required"]
        ('array', {'$ref': '#/$defs/Film'}, ['title'])

    .. versionchanged:: 0.2.0
       ``list[cls]``.

    .. versionadded:: 0.1.0
    """  # noqa: E501
    item = item_class(cls)
    if item in _CLASSES.values():
        return copy.deepcopy(_build_list(item.__name__))  # type: ignore[union-attr]
    if _CLASSES.get(getattr(cls, "__name__", "")) is not cls:
        raise ValidationError.at(ROOT, f"{cls!r} is not a filmmeta model class")
    return copy.deepcopy(_build(cls.__name__))
