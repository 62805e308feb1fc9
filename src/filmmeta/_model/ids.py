"""The film's ids in other databases."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from filmmeta._model.fields import AGREED, meta
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.validate import MAX_INT, check_text, did_you_mean, shown
from filmmeta.exceptions import ValidationError

__all__ = ["IMDB_ID", "NO_IDS", "WIKIDATA_ID", "ExternalIds", "to_external_ids"]

_AN_ID = meta(merge=AGREED)

IMDB_ID = re.compile(r"tt\d{7,}", re.ASCII)
WIKIDATA_ID = re.compile(r"Q[1-9]\d*", re.ASCII)


def _check_imdb(
    inst: ExternalIds, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not (type(value) is str and IMDB_ID.fullmatch(value)):
        raise ValidationError.at(
            "imdb", f"{shown(value)} is not an IMDb id (tt and 7 or more digits)"
        )


def _check_positive_id(
    inst: ExternalIds, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not (type(value) is int and 0 < value <= MAX_INT):
        raise ValidationError.at(attribute.name, f"{shown(value)} is not a positive integer id")


def _check_wikidata(
    inst: ExternalIds, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not (type(value) is str and WIKIDATA_ID.fullmatch(value)):
        raise ValidationError.at("wikidata", f"{shown(value)} is not a Wikidata id (Q and digits)")


def _check_slug(
    inst: ExternalIds, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        check_text(attribute.name, value)
        if value != value.strip() or any(c.isspace() for c in value):
            raise ValidationError.at(attribute.name, f"{shown(value)} contains white space")


@attrs.frozen
class ExternalIds(PydanticHooks):
    """The film's ids in other databases.

    Args:
        imdb: IMDb title id, ``tt`` and 7 or more digits.
        tmdb: TMDb movie id.
        wikidata: Wikidata item, ``Q`` and digits.
        letterboxd: Letterboxd slug ("backstage-2000").
        rotten_tomatoes: Rotten Tomatoes path ("m/backstage").
        metacritic: Metacritic slug.
        justwatch: JustWatch numeric id.

    Examples:
        >>> bool(ExternalIds()), bool(ExternalIds(imdb="tt0088763"))
        (False, True)
        >>> ExternalIds(imdb="tt123")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: imdb: 'tt123' is not an IMDb id (tt and 7 or more digits)
    """  # noqa: E501

    # Two films that give one kind of id different values are different titles.
    imdb: str | None = attrs.field(default=None, validator=_check_imdb, metadata=_AN_ID)
    tmdb: int | None = attrs.field(default=None, validator=_check_positive_id, metadata=_AN_ID)
    wikidata: str | None = attrs.field(default=None, validator=_check_wikidata, metadata=_AN_ID)
    letterboxd: str | None = attrs.field(default=None, validator=_check_slug, metadata=_AN_ID)
    rotten_tomatoes: str | None = attrs.field(default=None, validator=_check_slug, metadata=_AN_ID)
    metacritic: str | None = attrs.field(default=None, validator=_check_slug, metadata=_AN_ID)
    justwatch: int | None = attrs.field(default=None, validator=_check_positive_id, metadata=_AN_ID)

    def __bool__(self) -> bool:
        return any(getattr(self, a.name) is not None for a in attrs.fields(ExternalIds))


#: The ids of a film that has none (immutable, so one instance serves every film).
NO_IDS = ExternalIds()


def to_external_ids(value: object) -> object:
    """Convert a mapping of ids (``{"imdb": "tt0206000"}``) to :class:`ExternalIds`.

    A field converter: anything else is left for the field's validator to report.

    Raises:
        ValidationError: For a key that names no id, or an invalid id, under ``ids``.

    Examples:
        >>> to_external_ids({"imdb": "tt0206000", "tmdb": 10000})
        ExternalIds(imdb='tt0206000', tmdb=10000, wikidata=None, letterboxd=None, rotten_tomatoes=None, metacritic=None, justwatch=None)
        >>> to_external_ids({"imbd": "tt0206000"})
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: ids.imbd: not an id of ExternalIds; did you mean 'imdb'?
    """  # noqa: E501
    if not isinstance(value, Mapping):
        return value
    names = [a.alias or a.name for a in attrs.fields(ExternalIds)]
    unknown = [key for key in value if key not in names]
    if unknown:
        raise ValidationError(
            [
                (f"ids.{key}" if isinstance(key, str) else "ids", _unknown(key, names))
                for key in unknown
            ]
        )
    try:
        return ExternalIds(**value)
    except ValidationError as err:
        raise err.with_prefix("ids") from None


def _unknown(key: object, names: list[str]) -> str:
    if not isinstance(key, str):
        return f"{shown(key)} is not an id name"
    return f"not an id of ExternalIds{did_you_mean(key, names)}"
