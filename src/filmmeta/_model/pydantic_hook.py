"""The hooks that make the model classes pydantic (and FastAPI) types.

pydantic looks for two class methods on a type it does not know; :class:`PydanticHooks`
gives every model class both. They import :mod:`filmmeta._json.pydantic` when pydantic
first asks, so that ``import filmmeta`` never imports pydantic, and this layer imports
nothing above it until then.
"""

from __future__ import annotations

from typing import Any

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
        from filmmeta._json.pydantic import core_schema_of

        return core_schema_of(cls)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        from filmmeta._json.pydantic import json_schema_of

        return json_schema_of(cls)
