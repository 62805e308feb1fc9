"""The peers: filmmeta's canonical document modelled with msgspec, pydantic and dataclasses.

Every peer models the same shape (the full canonical form, so that any document
``filmmeta.to_dict`` writes decodes) and checks what its library can check cheaply:

* msgspec ``Struct`` (frozen, ``forbid_unknown_fields``, ``omit_defaults``): exact JSON
  types, enums, ``Decimal`` prices, ``timedelta`` runtimes, and ``Meta`` constraints for
  non-empty text, region / currency / language / IMDb id / role / source patterns,
  votes >= 0 and ids > 0.
* pydantic v2 ``BaseModel`` (frozen, ``extra="forbid"``, ``strict=True``): the same
  constraints through ``Field`` and ``StringConstraints``; the fields whose JSON form is a
  string of another type (enums, the Decimal price, the ISO 8601 runtime) and the tuples
  (which strict Python mode would only take as tuples) are ``strict=False``. Written with
  ``exclude_defaults=True``, the canonical form's "leave out None and empties" rule.
* stdlib ``dataclass`` (frozen, slots) with hand-written ``from_dict``/``to_dict``: the
  conversions (enum lookup, Decimal, ISO runtime) and unknown-key checks, no type checks.
  It is the floor for "objects from dicts" written by hand.

None of them checks what filmmeta checks beyond types and patterns: ISO code tables,
scales of known rating sources, a price needing a currency, unique rating sources,
content-rating systems. The release date stays a string (``"2000-11"``): neither library
has a partial date.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
import orjson
from msgspec import Meta
from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Kind(enum.StrEnum):
    MOVIE = "movie"
    TV_MOVIE = "tv_movie"
    SHORT = "short"
    VIDEO = "video"
    TV_SPECIAL = "tv_special"


class OfferType(enum.StrEnum):
    SUBSCRIPTION = "subscription"
    RENT = "rent"
    BUY = "buy"
    FREE = "free"
    ADS = "ads"
    CINEMA = "cinema"


class Quality(enum.StrEnum):
    SD = "sd"
    HD = "hd"
    UHD = "uhd"


# The patterns both libraries check.
DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
REGION = r"^[A-Z]{2}$"
CURRENCY = r"^[A-Z]{3}$"
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
ROLE = r"^[a-z][a-z0-9 _/-]*$"
SOURCE = r"^[a-z][a-z0-9_]{0,63}$"
IMDB = r"^tt[0-9]{7,}$"
WIKIDATA = r"^Q[1-9][0-9]*$"
URL = r"^https?://"

# ---------------------------------------------------------------------------------------
# msgspec

MText = Annotated[str, Meta(min_length=1)]
MCode = Annotated[str, Meta(min_length=1, max_length=40)]
MRegion = Annotated[str, Meta(pattern=REGION)]
MId = Annotated[int, Meta(gt=0)]


class _MStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MContentRating(_MStruct, kw_only=True):
    code: MCode
    country: MRegion
    system: MCode | None = None
    reason: MText | None = None


class MCredit(_MStruct, kw_only=True):
    name: MText
    role: Annotated[str, Meta(pattern=ROLE)]
    character: MText | None = None


class MRating(_MStruct, kw_only=True):
    source: Annotated[str, Meta(pattern=SOURCE)]
    value: float
    votes: Annotated[int, Meta(ge=0)] | None = None
    best: float | None = None
    worst: float | None = None


class MOffer(_MStruct, kw_only=True):
    provider: MText
    type: OfferType
    region: MRegion | None = None
    price: decimal.Decimal | None = None
    currency: Annotated[str, Meta(pattern=CURRENCY)] | None = None
    quality: Quality | None = None
    url: Annotated[str, Meta(pattern=URL)] | None = None


class MIds(_MStruct, kw_only=True):
    imdb: Annotated[str, Meta(pattern=IMDB)] | None = None
    tmdb: MId | None = None
    wikidata: Annotated[str, Meta(pattern=WIKIDATA)] | None = None
    letterboxd: MText | None = None
    rotten_tomatoes: MText | None = None
    metacritic: MText | None = None
    justwatch: MId | None = None


class MFilm(_MStruct, kw_only=True):
    title: MText
    kind: Kind
    release_date: Annotated[str, Meta(pattern=DATE)] | None = None
    runtime: dt.timedelta | None = None
    content_ratings: tuple[MContentRating, ...] = ()
    genres: tuple[MText, ...] = ()
    languages: tuple[Annotated[str, Meta(pattern=LANGUAGE)], ...] = ()
    countries: tuple[MRegion, ...] = ()
    summary: MText | None = None
    credits: tuple[MCredit, ...] = ()
    ratings: tuple[MRating, ...] = ()
    offers: tuple[MOffer, ...] = ()
    ids: MIds | None = None
    original_title: MText | None = None


MSGSPEC_DECODER = msgspec.json.Decoder(MFilm)
MSGSPEC_ENCODER = msgspec.json.Encoder()


def msgspec_from_dict(doc: dict[str, Any]) -> MFilm:
    return msgspec.convert(doc, MFilm)


# ---------------------------------------------------------------------------------------
# pydantic v2

PText = Annotated[str, StringConstraints(min_length=1)]
PCode = Annotated[str, StringConstraints(min_length=1, max_length=40)]
PRegion = Annotated[str, StringConstraints(pattern=REGION)]
PId = Annotated[int, Field(gt=0)]


class _PModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PContentRating(_PModel):
    code: PCode
    country: PRegion
    system: PCode | None = None
    reason: PText | None = None


class PCredit(_PModel):
    name: PText
    role: Annotated[str, StringConstraints(pattern=ROLE)]
    character: PText | None = None


class PRating(_PModel):
    source: Annotated[str, StringConstraints(pattern=SOURCE)]
    value: float
    votes: Annotated[int, Field(ge=0)] | None = None
    best: float | None = None
    worst: float | None = None


class POffer(_PModel):
    provider: PText
    type: OfferType = Field(strict=False)
    region: PRegion | None = None
    price: decimal.Decimal | None = Field(default=None, strict=False)
    currency: Annotated[str, StringConstraints(pattern=CURRENCY)] | None = None
    quality: Quality | None = Field(default=None, strict=False)
    url: Annotated[str, StringConstraints(pattern=URL)] | None = None


class PIds(_PModel):
    imdb: Annotated[str, StringConstraints(pattern=IMDB)] | None = None
    tmdb: PId | None = None
    wikidata: Annotated[str, StringConstraints(pattern=WIKIDATA)] | None = None
    letterboxd: PText | None = None
    rotten_tomatoes: PText | None = None
    metacritic: PText | None = None
    justwatch: PId | None = None


class PFilm(_PModel):
    title: PText
    kind: Kind = Field(strict=False)
    release_date: Annotated[str, StringConstraints(pattern=DATE)] | None = None
    runtime: dt.timedelta | None = Field(default=None, strict=False)
    content_ratings: tuple[PContentRating, ...] = Field(default=(), strict=False)
    genres: tuple[PText, ...] = Field(default=(), strict=False)
    languages: tuple[Annotated[str, StringConstraints(pattern=LANGUAGE)], ...] = Field(
        default=(), strict=False
    )
    countries: tuple[PRegion, ...] = Field(default=(), strict=False)
    summary: PText | None = None
    credits: tuple[PCredit, ...] = Field(default=(), strict=False)
    ratings: tuple[PRating, ...] = Field(default=(), strict=False)
    offers: tuple[POffer, ...] = Field(default=(), strict=False)
    ids: PIds | None = None
    original_title: PText | None = None


def pydantic_to_dict(film: PFilm) -> dict[str, Any]:
    return film.model_dump(mode="json", exclude_defaults=True)


def pydantic_to_json(film: PFilm) -> str:
    return film.model_dump_json(exclude_defaults=True)


# ---------------------------------------------------------------------------------------
# stdlib dataclasses, converted by hand

_ISO = re.compile(r"PT(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?")
_KINDS = {k.value: k for k in Kind}
_OFFER_TYPES = {t.value: t for t in OfferType}
_QUALITIES = {q.value: q for q in Quality}


def _check_keys(doc: dict[str, Any], allowed: frozenset[str]) -> None:
    if not allowed.issuperset(doc):
        msg = f"unknown keys: {sorted(set(doc) - allowed)}"
        raise ValueError(msg)


def _runtime(text: str) -> dt.timedelta:
    match = _ISO.fullmatch(text)
    if match is None:
        msg = f"not an ISO 8601 duration: {text!r}"
        raise ValueError(msg)
    h, m, s = match.groups()
    return dt.timedelta(0, (int(h or 0) * 60 + int(m or 0)) * 60 + int(s or 0))


def _iso(td: dt.timedelta) -> str:
    minutes, seconds = divmod(int(td.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{seconds}S" if seconds or text == "PT" else "")


def _compact(pairs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in pairs.items() if v is not None}


@dataclass(frozen=True, slots=True)
class DContentRating:
    code: str
    country: str
    system: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class DCredit:
    name: str
    role: str
    character: str | None = None


@dataclass(frozen=True, slots=True)
class DRating:
    source: str
    value: float
    votes: int | None = None
    best: float | None = None
    worst: float | None = None


@dataclass(frozen=True, slots=True)
class DOffer:
    provider: str
    type: OfferType
    region: str | None = None
    price: decimal.Decimal | None = None
    currency: str | None = None
    quality: Quality | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> DOffer:
        _check_keys(doc, _OFFER_KEYS)
        price = doc.get("price")
        quality = doc.get("quality")
        return cls(
            doc["provider"],
            _OFFER_TYPES[doc["type"]],
            doc.get("region"),
            None if price is None else decimal.Decimal(price),
            doc.get("currency"),
            None if quality is None else _QUALITIES[quality],
            doc.get("url"),
        )

    def to_dict(self) -> dict[str, Any]:
        return _compact(
            {
                "provider": self.provider,
                "type": self.type.value,
                "region": self.region,
                "price": None if self.price is None else str(self.price),
                "currency": self.currency,
                "quality": None if self.quality is None else self.quality.value,
                "url": self.url,
            }
        )


@dataclass(frozen=True, slots=True)
class DIds:
    imdb: str | None = None
    tmdb: int | None = None
    wikidata: str | None = None
    letterboxd: str | None = None
    rotten_tomatoes: str | None = None
    metacritic: str | None = None
    justwatch: int | None = None


_CR_KEYS = frozenset(("code", "country", "system", "reason"))
_CREDIT_KEYS = frozenset(("name", "role", "character"))
_RATING_KEYS = frozenset(("source", "value", "votes", "best", "worst"))
_OFFER_KEYS = frozenset(("provider", "type", "region", "price", "currency", "quality", "url"))
_IDS_KEYS = frozenset(DIds.__slots__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class DFilm:
    title: str
    kind: Kind
    release_date: str | None = None
    runtime: dt.timedelta | None = None
    content_ratings: tuple[DContentRating, ...] = ()
    genres: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    summary: str | None = None
    credits: tuple[DCredit, ...] = ()
    ratings: tuple[DRating, ...] = ()
    offers: tuple[DOffer, ...] = ()
    ids: DIds | None = None
    original_title: str | None = None

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> DFilm:
        _check_keys(doc, _FILM_KEYS)
        runtime = doc.get("runtime")
        ids = doc.get("ids")
        for item in doc.get("content_ratings", ()):
            _check_keys(item, _CR_KEYS)
        for item in doc.get("credits", ()):
            _check_keys(item, _CREDIT_KEYS)
        for item in doc.get("ratings", ()):
            _check_keys(item, _RATING_KEYS)
        if ids is not None:
            _check_keys(ids, _IDS_KEYS)
        return cls(
            doc["title"],
            _KINDS[doc["kind"]],
            doc.get("release_date"),
            None if runtime is None else _runtime(runtime),
            tuple(DContentRating(**item) for item in doc.get("content_ratings", ())),
            tuple(doc.get("genres", ())),
            tuple(doc.get("languages", ())),
            tuple(doc.get("countries", ())),
            doc.get("summary"),
            tuple(DCredit(**item) for item in doc.get("credits", ())),
            tuple(DRating(**item) for item in doc.get("ratings", ())),
            tuple(map(DOffer.from_dict, doc.get("offers", ()))),
            None if ids is None else DIds(**ids),
            doc.get("original_title"),
        )

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"title": self.title, "kind": self.kind.value}
        if self.release_date is not None:
            doc["release_date"] = self.release_date
        if self.runtime is not None:
            doc["runtime"] = _iso(self.runtime)
        if self.content_ratings:
            doc["content_ratings"] = [
                _compact(
                    {"code": c.code, "country": c.country, "system": c.system, "reason": c.reason}
                )
                for c in self.content_ratings
            ]
        for key in ("genres", "languages", "countries"):
            if value := getattr(self, key):
                doc[key] = list(value)
        if self.summary is not None:
            doc["summary"] = self.summary
        if self.credits:
            doc["credits"] = [
                _compact({"name": c.name, "role": c.role, "character": c.character})
                for c in self.credits
            ]
        if self.ratings:
            doc["ratings"] = [
                _compact(
                    {
                        "source": r.source,
                        "value": r.value,
                        "votes": r.votes,
                        "best": r.best,
                        "worst": r.worst,
                    }
                )
                for r in self.ratings
            ]
        if self.offers:
            doc["offers"] = [o.to_dict() for o in self.offers]
        if self.ids is not None:
            doc["ids"] = _compact({k: getattr(self.ids, k) for k in _IDS_ORDER})
        if self.original_title is not None:
            doc["original_title"] = self.original_title
        return doc


_FILM_KEYS = frozenset(DFilm.__slots__)  # type: ignore[attr-defined]
_IDS_ORDER = DIds.__slots__  # type: ignore[attr-defined]


def dataclass_from_json(text: bytes | str) -> DFilm:
    return DFilm.from_dict(orjson.loads(text))


def dataclass_to_json(film: DFilm) -> bytes:
    return orjson.dumps(film.to_dict())
