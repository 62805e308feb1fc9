"""The collection (series, set) a film belongs to: TMDb's collections, Kodi's sets."""

from __future__ import annotations

from typing import Any

import attrs

from filmmeta._model.ids import NO_IDS, ExternalIds
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_text, shown_typed
from filmmeta.exceptions import ValidationError

__all__ = ["Collection"]


def _check_text(inst: Collection, attribute: attrs.Attribute[Any], value: str | None) -> None:
    check_text(attribute.name, value, optional=attribute.name == "overview")


def _check_ids(inst: Collection, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ExternalIds):
        raise ValidationError.at("ids", f"expected ExternalIds, got {shown_typed(value)}")


@attrs.frozen
class Collection(PydanticHooks):
    """A collection of films that a film belongs to ("The Lord of the Rings Collection").

    Args:
        name: The collection's name.
        ids: Its ids in other databases (TMDb's collection id in ``tmdb``).
        overview: A short description.

    Raises:
        ValidationError: An empty name or overview, ids that are not
            :class:`~filmmeta.ExternalIds`.

    Examples:
        >>> c = Collection("The Lord of the Rings Collection", ids=ExternalIds(tmdb=119))
        >>> c.name, c.ids.tmdb
        ('The Lord of the Rings Collection', 119)
        >>> Collection("Alien Collection").ids
        ExternalIds(imdb=None, tmdb=None, wikidata=None, letterboxd=None, rotten_tomatoes=None, metacritic=None, justwatch=None, other=())

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    name: str = attrs.field(validator=_check_text)
    ids: ExternalIds = attrs.field(default=NO_IDS, kw_only=True, validator=_check_ids)
    overview: str | None = attrs.field(default=None, kw_only=True, validator=_check_text)
