"""The hooks that make the model classes pydantic (and FastAPI) types.

pydantic looks for two class methods on a type it does not know; :class:`PydanticHooks`
gives every model class both. They call the JSON layer's functions that ``filmmeta``
registers in :mod:`filmmeta._model.handlers` (imported when pydantic first asks), so that
``import filmmeta`` never imports pydantic, and this layer imports nothing above it.
"""

from __future__ import annotations

from typing import Any

from filmmeta._model.handlers import handler

__all__ = ["PydanticHooks"]


class PydanticHooks:
    """A base of the model classes: pydantic validates them by filmmeta's own rules.

    Examples:
        >>> from pydantic import TypeAdapter
        >>> from filmmeta import Rating
        >>> TypeAdapter(Rating).validate_json('{"source": "imdb", "value": 5.7}')
        Rating(source='imdb', value=5.7, votes=None, best=10, worst=1)

    .. versionadded:: 0.2.0
    """

    # No instance storage of its own: the attrs classes built on it keep their slots.
    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        return _schema("pydantic_core_schema", cls)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        return _schema("pydantic_json_schema", cls)


def _schema(name: str, cls: type[Any]) -> Any:
    found = handler(name)
    if found is None:
        raise TypeError(f"{cls.__name__} has no pydantic schema: filmmeta's JSON layer is absent")
    return found(cls)
