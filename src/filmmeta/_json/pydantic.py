"""filmmeta's model classes as pydantic (and so FastAPI) types.

Each model class has two tiny class methods (:class:`~filmmeta._model.pydantic_hook.PydanticHooks`)
that pydantic calls when a class is used as a field type, in a ``TypeAdapter`` or in a
FastAPI signature; they import this module, so pydantic is imported only then. Here:

* validation is filmmeta's own: an instance is taken as it is; anything else is read as
  the canonical form by :func:`~filmmeta.from_dict`, strictly;
* filmmeta's errors become pydantic line errors: a ``loc`` tuple from the path
  (``ratings[1].value`` -> ``("ratings", 1, "value")``, below the field's own ``loc``),
  ``msg`` filmmeta's message, ``type`` ``missing`` or ``extra_forbidden`` for a missing or
  unknown key and ``filmmeta`` for the rest; so FastAPI's 422 lists every one;
* serialisation writes the canonical form (:func:`~filmmeta.to_dict`), in both modes;
* the JSON Schema is :func:`~filmmeta.json_schema`'s, made self-contained (its ``$defs``
  written in place, its ``$id`` and ``$schema`` left out) so that it can sit inside
  pydantic's and OpenAPI's documents.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic_core import PydanticCustomError, core_schema
from pydantic_core import ValidationError as PydanticValidationError

from filmmeta.converters import MODEL_CLASSES, from_dict, to_dict
from filmmeta.exceptions import ROOT, ValidationError

__all__ = ["core_schema_of", "json_schema_of", "loc", "to_pydantic_error"]

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")
# Keys that only annotate a schema: where a $ref and its target both give one, the
# place's own wins; any other key in both keeps the two apart under allOf.
_ANNOTATIONS = frozenset({"title", "description", "default", "examples"})
# Classes whose canonical form is a string, not an object: their schema is one of the Film
# schema's $defs, and str() writes them.
_FILM_DEFS = {"PartialDate": "Date"}
_TYPES = {"required key missing": "missing", "unknown key": "extra_forbidden"}


def loc(path: str) -> tuple[str | int, ...]:
    """The pydantic ``loc`` of a filmmeta error path.

    Examples:
        >>> loc("ratings[1].value"), loc("$"), loc("[0].title")
        (('ratings', 1, 'value'), (), (0, 'title'))
    """
    if path == ROOT:
        return ()
    return tuple(int(index) if index else key for index, key in _PART.findall(path))


def _input_at(data: Any, where: tuple[str | int, ...]) -> Any:
    """The input value at *where*, or the deepest value on the way that exists."""
    for part in where:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            break
    return data


def to_pydantic_error(err: ValidationError, data: Any, title: str) -> PydanticValidationError:
    """*err*'s problems as one pydantic ``ValidationError``, each with its ``loc``."""
    line_errors: list[Any] = []
    for path, message in err.errors:
        where = loc(path)
        kind = _TYPES.get(message, "filmmeta")
        # The message goes in as context, not as the template: it may hold braces.
        error = PydanticCustomError(kind, "{message}", {"message": message})
        line_errors.append({"type": error, "loc": where, "input": _input_at(data, where)})
    return PydanticValidationError.from_exception_data(title, line_errors)


def core_schema_of(cls: type[Any]) -> core_schema.CoreSchema:
    """The pydantic core schema of a model class: filmmeta validates and writes."""
    if cls not in MODEL_CLASSES:
        msg = f"{cls!r} is not a filmmeta model class"
        raise TypeError(msg)

    def validate(value: Any) -> Any:
        if type(value) is cls:
            return value
        try:
            return from_dict(value, cls)
        except ValidationError as err:
            # A pydantic ValidationError raised by a validator keeps its line errors,
            # each placed below the field being validated.
            raise to_pydantic_error(err, value, cls.__name__) from None

    write = str if cls.__name__ in _FILM_DEFS else to_dict
    return core_schema.no_info_plain_validator_function(
        validate,
        ref=f"filmmeta.{cls.__name__}",
        serialization=core_schema.plain_serializer_function_ser_schema(write),
    )


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {key: _inline(value, defs) for key, value in node.items()}
    target = _inline(copy.deepcopy(defs[node["$ref"].removeprefix("#/$defs/")]), defs)
    here = {key: _inline(value, defs) for key, value in node.items() if key != "$ref"}
    if any(key in target and key not in _ANNOTATIONS for key in here):
        return {"allOf": [target], **here}
    return {**target, **here}


def json_schema_of(cls: type[Any]) -> dict[str, Any]:
    """:func:`~filmmeta.json_schema` of *cls*, self-contained, for pydantic and OpenAPI."""
    from filmmeta._json.schema import json_schema

    if cls.__name__ in _FILM_DEFS:
        film = json_schema()
        schema = {**film["$defs"][_FILM_DEFS[cls.__name__]], "$defs": film["$defs"]}
    else:
        schema = json_schema(cls)
    defs = schema.pop("$defs", {})
    schema.pop("$schema", None)
    schema.pop("$id", None)
    inlined: dict[str, Any] = _inline(schema, defs)
    return inlined
