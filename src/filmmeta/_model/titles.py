"""The titles a film goes by: per region and language, and of what kind."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_language, check_region, check_text, to_member

__all__ = ["Title", "TitleKind"]


class TitleKind(enum.StrEnum):
    """What a title is: the original, the one shown, a working title, a translation, ...

    .. versionadded:: 0.2.0
    """

    ORIGINAL = "original"
    DISPLAY = "display"
    ALTERNATIVE = "alternative"
    WORKING = "working"
    FESTIVAL = "festival"
    VIDEO = "video"
    TV = "tv"
    SHORT = "short"
    TRANSLATED = "translated"


_KINDS = {kind.value: kind for kind in TitleKind}


def _to_kind(value: TitleKind | str) -> TitleKind:
    return to_member(_KINDS, value, "kind", "a title kind")


def _check_text(inst: Title, attribute: attrs.Attribute[Any], value: str | None) -> None:
    check_text(attribute.name, value, optional=attribute.name == "note")


def _check_region(inst: Title, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_region("region", value)


def _check_language(inst: Title, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_language("language", value)


@attrs.frozen
class Title(PydanticHooks):
    """One title of a film, where and in which language it is used.

    IMDb's title.akas, TMDb's alternative_titles and Wikidata's labels give many titles
    for one film; each becomes a ``Title``. :attr:`Film.title <filmmeta.Film.title>`
    stays the main display title.

    Args:
        text: The title as written ("Sen to Chihiro no kamikakushi").
        region: Where the title is used, an ISO 3166-1 alpha-2 code ("JP"), or None.
        language: Its language, a BCP 47 tag ("ja"), or None.
        kind: original, display, alternative (the default), working, festival, video,
            tv, short or translated; a string is converted.
        note: What the source says about it ("literal English title").

    Raises:
        ValidationError: An empty text, a region such as "UK", a language such as
            "EN", an unknown kind; the path names the field.

    Examples:
        >>> Title("Spirited Away", region="US", language="en")
        Title(text='Spirited Away', region='US', language='en', kind=<TitleKind.ALTERNATIVE: 'alternative'>, note=None)
        >>> Title("Sen to Chihiro no kamikakushi", kind="original").kind
        <TitleKind.ORIGINAL: 'original'>
        >>> Title("Spirited Away", region="UK")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: region: 'UK' is not an ISO 3166-1 alpha-2 code

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    text: str = attrs.field(validator=_check_text)
    region: str | None = attrs.field(default=None, kw_only=True, validator=_check_region)
    language: str | None = attrs.field(default=None, kw_only=True, validator=_check_language)
    kind: TitleKind = attrs.field(default=TitleKind.ALTERNATIVE, kw_only=True, converter=_to_kind)
    note: str | None = attrs.field(default=None, kw_only=True, validator=_check_text)
