"""The parts of a TMDb movie that come from endpoints of their own.

:func:`~filmmeta.formats.tmdb.from_tmdb` takes ``/movie/{id}/release_dates`` (or the
legacy ``/releases``) and ``/movie/{id}/watch/providers`` as arguments, or finds them in
the details, embedded by ``append_to_response``. This module reads them: per country the
certification of the most telling release, per region the offers. It also holds what
every TMDb response shares, which the details reader uses too: ``""`` for unknown text,
the error response, ids, and lists that may be null.

The module is private: :mod:`filmmeta.formats.tmdb` is its only user.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from filmmeta._model import (
    ContentRating,
    Offer,
    OfferType,
    check_url,
    normalize_certification,
    shown_typed,
)
from filmmeta.exceptions import UnsupportedDocumentError, ValidationError
from filmmeta.formats._common import (
    expect_list,
    expect_mapping,
    field,
    region_code,
    text,
    unique,
    warn,
)

__all__ = [
    "NULLS",
    "check_error",
    "check_part",
    "objects",
    "offers_from_providers",
    "positive_int",
    "ratings_from_release_dates",
    "release_entries",
]

# TMDb writes "" for unknown text, never "N/A".
NULLS = frozenset({""})
# Release types, most telling first: theatrical (3), limited (2), premiere (1), digital
# (4), physical (5), TV (6). The certification of the first type found wins.
_TYPE_ORDER = {3: 0, 2: 1, 1: 2, 4: 3, 5: 4, 6: 5}
_OFFER_TYPES = {"flatrate": OfferType.SUBSCRIPTION} | {
    t: OfferType(t) for t in ("rent", "buy", "ads", "free")
}


def check_error(doc: Mapping[str, Any]) -> None:
    """Raise UnsupportedDocumentError for a TMDb error response."""
    if doc.get("success") is False or ("status_code" in doc and "status_message" in doc):
        message = f"TMDb error {doc.get('status_code')}: {doc.get('status_message')}"
        raise UnsupportedDocumentError(message)


def check_part(doc: object, path: str, film_id: int | None) -> None:
    """Check a part given apart from the details: no error, and the film's id."""
    doc = expect_mapping(doc, path)
    check_error(doc)
    part_id = positive_int(doc.get("id"), f"{path}.id")
    if None not in (part_id, film_id) and part_id != film_id:
        raise ValidationError.at(f"{path}.id", f"{part_id} is not the film's id {film_id}")


def positive_int(value: object, path: str) -> int | None:
    """Read an optional positive integer, as TMDb ids are."""
    if value is None:
        return None
    if type(value) is not int or value <= 0:
        raise ValidationError.at(path, f"expected a positive integer, got {shown_typed(value)}")
    return value


def objects(value: object, path: str) -> list[tuple[str, Mapping[str, Any]]]:
    """Return the objects of a list that may be null, with their paths."""
    if value is None:
        return []
    return [
        (f"{path}[{i}]", expect_mapping(item, f"{path}[{i}]"))
        for i, item in enumerate(expect_list(value, path))
    ]


#: A release of a /release_dates or /releases part: its path, country and object.
ReleaseEntry = tuple[str, str, Mapping[str, Any]]


def release_entries(doc: object, path: str) -> tuple[list[ReleaseEntry], bool]:
    """Read a ``/release_dates`` or legacy ``/releases`` part into its releases.

    Returns:
        The releases of the countries that are known regions (others are left out with
        a warning), and whether the part is the legacy one.
    """
    if doc is None:
        return [], False
    doc = expect_mapping(doc, path)
    check_error(doc)
    if "results" in doc:
        return [
            (rpath, country, rel)
            for cpath, entry in objects(doc["results"], f"{path}.results")
            if (country := region_code(entry.get("iso_3166_1"), f"{cpath}.iso_3166_1"))
            for rpath, rel in objects(entry.get("release_dates"), f"{cpath}.release_dates")
        ], False
    if "countries" in doc:
        return [
            (rpath, country, rel)
            for rpath, rel in objects(doc["countries"], f"{path}.countries")
            if (country := region_code(rel.get("iso_3166_1"), f"{rpath}.iso_3166_1"))
        ], True
    raise ValidationError.at(path, "expected a /release_dates or /releases response")


def ratings_from_release_dates(entries: list[ReleaseEntry], legacy: bool) -> list[ContentRating]:  # noqa: FBT001
    """One rating a country: the certification of its most telling release.

    Of the legacy ``/releases``, the primary release's certification wins.
    """
    best: dict[str, tuple[int, ContentRating]] = {}
    for rpath, country, rel in entries:
        rank = (0 if rel.get("primary") is True else 1) if legacy else _release_rank(rel, rpath)
        rating = _content_rating(country, rpath, rel)
        if rating is not None and (country not in best or rank < best[country][0]):
            best[country] = (rank, rating)
    return [rating for _, rating in best.values()]


def _release_rank(rel: Mapping[str, Any], path: str) -> int:
    kind = rel.get("type")
    if kind is not None and type(kind) is not int:
        raise ValidationError.at(
            f"{path}.type", f"expected a release type, got {shown_typed(kind)}"
        )
    return _TYPE_ORDER.get(kind, len(_TYPE_ORDER)) if kind is not None else len(_TYPE_ORDER)


def _content_rating(country: str, path: str, rel: Mapping[str, Any]) -> ContentRating | None:
    code = text(rel.get("certification"), f"{path}.certification", nulls=NULLS)
    if code is None:
        return None
    with field(f"{path}.certification", inner=False):
        rating = ContentRating(normalize_certification(code, country=country), country=country)
    descriptors = rel.get("descriptors")
    if descriptors is not None:
        listed = expect_list(descriptors, f"{path}.descriptors")
        words = [text(d, f"{path}.descriptors[{i}]") for i, d in enumerate(listed)]
        with field(f"{path}.descriptors", inner=False):
            rating = attrs.evolve(rating, descriptors=unique(w for w in words if w is not None))
    return rating


def offers_from_providers(doc: object, path: str, only: str | None) -> list[Offer]:
    """Read a ``/watch/providers`` part: the offers of every region, or of *only*."""
    if doc is None:
        return []
    doc = expect_mapping(doc, path)
    check_error(doc)
    offers: list[Offer] = []
    for code, value in expect_mapping(doc.get("results"), f"{path}.results").items():
        rpath = f"{path}.results.{code}"
        if (only is not None and code != only) or region_code(code, rpath) is None:
            continue
        entry = expect_mapping(value, rpath)
        link = text(entry.get("link"), f"{rpath}.link", nulls=NULLS)
        if link is not None:
            with field(f"{rpath}.link", inner=False):
                check_url("url", link)
        for key, items in entry.items():
            offer_type = _OFFER_TYPES.get(key)
            if offer_type is None:
                if key != "link":
                    warn(f"{rpath}.{key}: not a known kind of offer: left out")
                continue
            for ppath, item in objects(items, f"{rpath}.{key}"):
                name = text(item.get("provider_name"), f"{ppath}.provider_name", nulls=NULLS)
                if name is None:
                    raise ValidationError.at(f"{ppath}.provider_name", "an offer needs a provider")
                offers.append(Offer(name, offer_type, region=code, url=link))
    return unique(offers)
