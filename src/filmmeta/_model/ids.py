"""The film's ids in other databases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from filmmeta._model.fields import AGREED, AGREED_BY_KEY, meta
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import MAX_INT, MAX_TEXT, check_text, did_you_mean, shown, shown_typed
from filmmeta.exceptions import ValidationError

__all__ = [
    "IMDB_ID",
    "NO_IDS",
    "OTHER_KEY",
    "WIKIDATA_ID",
    "ExternalIds",
    "is_other_ids",
    "to_external_ids",
]

_AN_ID = meta(merge=AGREED)

IMDB_ID = re.compile(r"tt\d{7,}", re.ASCII)
WIKIDATA_ID = re.compile(r"Q[1-9]\d*", re.ASCII)
#: The rule for the key of an id of another service (``trakt``, ``tvdb``, ``eidr``).
OTHER_KEY = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)
_MAX_OTHER = 100


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


def _is_slug(value: object) -> bool:
    return (
        type(value) is str
        and 0 < len(value) <= MAX_TEXT
        and value.isprintable()
        and not any(c.isspace() for c in value)
    )


def is_other_ids(value: Mapping[Any, Any]) -> bool:
    """Whether a mapping is valid as :attr:`ExternalIds.other`, in one test."""
    return len(value) <= _MAX_OTHER and all(
        type(key) is str
        and OTHER_KEY.fullmatch(key) is not None
        and key not in _NAMED
        and _is_slug(id_)
        for key, id_ in value.items()
    )


def _to_other(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> Any:
    # A mapping, or the pairs themselves (as Arrow gives a map back); sorted by key so
    # that equal ids compare and hash equal. Anything else goes to the validator as is.
    if isinstance(value, Mapping):
        items: Any = list(value.items())
    elif isinstance(value, list | tuple):
        items = value
    else:
        return value
    try:
        return tuple(sorted((key, id_) for key, id_ in items))
    except (TypeError, ValueError):
        return tuple(items) if isinstance(items, list) else items


def _check_other(inst: ExternalIds, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise ValidationError.at("other", f"expected a mapping of ids, got {shown_typed(value)}")
    if len(value) > _MAX_OTHER:
        raise ValidationError.at("other", f"holds {len(value)} ids; at most {_MAX_OTHER}")
    seen: set[str] = set()
    for pair in value:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise ValidationError.at("other", f"{shown(pair)} is not a (key, id) pair")
        key, id_ = pair
        if not (type(key) is str and OTHER_KEY.fullmatch(key)):
            raise ValidationError.at(
                "other", f"{shown(key)} is not an id key (lowercase letters, digits and _)"
            )
        if key in _NAMED:
            raise ValidationError.at(f"other.{key}", f"{key} ids have a field of their own")
        if key in seen:
            raise ValidationError.at(f"other.{key}", "given twice")
        seen.add(key)
        if not _is_slug(id_):
            if type(id_) is str:
                check_text(f"other.{key}", id_)
            raise ValidationError.at(
                f"other.{key}", f"{shown(id_)} is not an id (a string without white space)"
            )


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
        other: Ids in other services, ``{key: id}`` (Trakt, TVDB, MovieLens, EIDR,
            Kodi's uniqueid types): keys are lowercase letters, digits and ``_``,
            starting with a letter, and never a named field's; ids are strings without
            white space. Kept as ``(key, id)`` pairs sorted by key, so ids hash.

    Examples:
        >>> bool(ExternalIds()), bool(ExternalIds(imdb="tt0088763"))
        (False, True)
        >>> ExternalIds(imdb="tt123")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: imdb: 'tt123' is not an IMDb id (tt and 7 or more digits)
    """  # noqa: E501

    __repr__ = fields_repr

    # Two films that give one kind of id different values are different titles.
    imdb: str | None = attrs.field(default=None, validator=_check_imdb, metadata=_AN_ID)
    tmdb: int | None = attrs.field(default=None, validator=_check_positive_id, metadata=_AN_ID)
    wikidata: str | None = attrs.field(default=None, validator=_check_wikidata, metadata=_AN_ID)
    letterboxd: str | None = attrs.field(default=None, validator=_check_slug, metadata=_AN_ID)
    rotten_tomatoes: str | None = attrs.field(default=None, validator=_check_slug, metadata=_AN_ID)
    metacritic: str | None = attrs.field(default=None, validator=_check_slug, metadata=_AN_ID)
    justwatch: int | None = attrs.field(default=None, validator=_check_positive_id, metadata=_AN_ID)

    other: tuple[tuple[str, str], ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_to_other,
        validator=_check_other,
        metadata=meta(merge=AGREED_BY_KEY, since=2),
    )

    def __bool__(self) -> bool:
        return bool(self.other) or any(getattr(self, name) is not None for name in _NAMED)

    def get(self, key: str) -> str | int | None:
        """Return the id named *key*, a field's or another service's, or None.

        .. versionadded:: 0.2.0

        Examples:
            >>> ids = ExternalIds(imdb="tt0206000", other={"trakt": "12345"})
            >>> ids.get("imdb"), ids.get("trakt"), ids.get("tvdb")
            ('tt0206000', '12345', None)
        """
        if key in _NAMED:
            found: str | int | None = getattr(self, key)
            return found
        return next((id_ for name, id_ in self.other if name == key), None)


# The named kinds of id, which "other" may not repeat.
_NAMED = frozenset(a.name for a in attrs.fields(ExternalIds)) - {"other"}


#: The ids of a film that has none (immutable, so one instance serves every film).
NO_IDS = ExternalIds()


def to_external_ids(value: object) -> object:
    """Convert a mapping of ids (``{"imdb": "tt0206000"}``) to :class:`ExternalIds`.

    A field converter: anything else is left for the field's validator to report.

    Raises:
        ValidationError: For a key that names no id, or an invalid id, under ``ids``.

    Examples:
        >>> to_external_ids({"imdb": "tt0206000", "tmdb": 10000})
        ExternalIds(imdb='tt0206000', tmdb=10000, wikidata=None, letterboxd=None, rotten_tomatoes=None, metacritic=None, justwatch=None, other=())
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
