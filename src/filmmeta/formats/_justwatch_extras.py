"""JustWatch's offer windows, languages and picture/sound features, and a title's media.

An offer of the GraphQL API says when it starts and ends (``availableFromTime``,
``availableToTime``, ``availableTo``: "leaving soon"), its audio and subtitle languages
and its ``videoTechnology`` / ``audioTechnology`` (Dolby Vision, HDR10, Atmos, 5.1); the
legacy REST API gives the languages as ``audio_languages`` / ``subtitle_languages``. A
title gives its poster, backdrops and clips (trailers on YouTube). This module reads them
into the model's values; a value it cannot map is left out with a
:class:`~filmmeta.FilmmetaWarning`.

The module is private: :mod:`filmmeta.formats.justwatch` and ``_justwatch_offers`` are
its users.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Mapping
from typing import Any

from filmmeta._model import Image, ImageKind, OfferFeature, PartialDate, Video, VideoKind, shown
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import (
    expect_list,
    expect_mapping,
    field,
    language_codes,
    text,
    unique,
    warn,
)

__all__ = ["IMAGE_BASE", "offer_terms", "title_images", "title_videos"]

#: Where JustWatch serves images; a ``/poster/...`` or ``/backdrop/...`` path follows.
IMAGE_BASE = "https://images.justwatch.com"
# The sizes asked for in the {profile} of an image path: JustWatch's largest.
_PROFILES = {ImageKind.POSTER: "s718", ImageKind.BACKDROP: "s1920"}
# Technology names, compared without case, "_", "-", ":" or spaces ("DOLBY_VISION").
_FEATURES = {
    "hdr": OfferFeature.HDR,
    "hdr10": OfferFeature.HDR10,
    "hdr10plus": OfferFeature.HDR10_PLUS,
    "hdr10+": OfferFeature.HDR10_PLUS,
    "dolbyvision": OfferFeature.DOLBY_VISION,
    "dolbyatmos": OfferFeature.DOLBY_ATMOS,
    "dtsx": OfferFeature.DTS_X,
    "5point1": OfferFeature.SURROUND_5_1,
    "51": OfferFeature.SURROUND_5_1,
    "dolby51": OfferFeature.SURROUND_5_1,
    "dolbydigital51": OfferFeature.SURROUND_5_1,
}
_SEPARATORS = re.compile(r"[\s_:.-]+")
_CLIP_SITES = {"youtube": ("YouTube", "https://www.youtube.com/watch?v={}")}
_CLIP_KINDS = {kind.value: kind for kind in VideoKind}
# Offer field -> (legacy key, GraphQL key); None where a shape lacks it.
_LANGUAGE_KEYS = {
    "audio_languages": ("audio_languages", "audioLanguages"),
    "subtitle_languages": ("subtitle_languages", "subtitleLanguages"),
}


def _date(value: object, path: str) -> dt.date | None:
    """A day from ``"2024-12-31"`` or a timestamp ``"2024-12-31T23:00:00Z"``."""
    found = text(value, path)
    if found is None:
        return None
    with field(path):
        date = PartialDate.parse(found)
    if date.day is None or date.month is None:
        raise ValidationError.at(path, f"{shown(found)} is not a day")
    return dt.date(date.year, date.month, date.day)


def _strings(item: Mapping[str, Any], key: str, path: str) -> list[str]:
    value = item.get(key)
    if value is None:
        return []
    listed = expect_list(value, f"{path}.{key}")
    found = (text(v, f"{path}.{key}[{i}]") for i, v in enumerate(listed))
    return [v for v in found if v is not None]


def offer_terms(item: Mapping[str, Any], path: str, *, graphql: bool) -> dict[str, Any]:
    """Read an offer's window, languages and features, as :class:`~filmmeta.Offer` terms.

    The window is the days the offer starts and ends: GraphQL's ``availableFromTime``
    and ``availableToTime`` (their date), else ``availableTo``.
    """
    terms: dict[str, Any] = {}
    if graphql:
        start = _date(item.get("availableFromTime"), f"{path}.availableFromTime")
        end = _date(item.get("availableToTime"), f"{path}.availableToTime")
        end = end or _date(item.get("availableTo"), f"{path}.availableTo")
        terms |= {"available_from": start, "available_until": end}
    for name, keys in _LANGUAGE_KEYS.items():
        key = keys[graphql]
        terms[name] = language_codes(_strings(item, key, path), f"{path}.{key}")
    features: list[OfferFeature] = []
    for key in ("videoTechnology", "audioTechnology") if graphql else ():
        for i, given in enumerate(_strings(item, key, path)):
            feature = _FEATURES.get(_SEPARATORS.sub("", given.casefold()))
            if feature is None:
                warn(f"{path}.{key}[{i}]: {shown(given)} is not a known feature: left out")
            else:
                features.append(feature)
    terms["features"] = tuple(unique(features))
    return terms


def _image(value: object, path: str, kind: ImageKind) -> Image | None:
    found = text(value, path)
    if found is None:
        return None
    url = found.replace("{profile}", _PROFILES[kind]).replace("{format}", "jpg")
    if url.startswith("/"):
        url = IMAGE_BASE + url
    if "{" in url:
        warn(f"{path}: {shown(found)} has a placeholder that is not known: left out")
        return None
    with field(path, inner=False):
        return Image(url, kind=kind)


def title_images(info: Mapping[str, Any], *, graphql: bool) -> list[Image]:
    """Read a title's poster and backdrops (``poster``/``backdrops[].backdrop_url``)."""
    prefix = "content." if graphql else ""
    poster_key, url_key = ("posterUrl", "backdropUrl") if graphql else ("poster", "backdrop_url")
    found = [_image(info.get(poster_key), prefix + poster_key, ImageKind.POSTER)]
    backdrops = info.get("backdrops")
    for i, item in enumerate(
        expect_list(backdrops, prefix + "backdrops") if backdrops is not None else ()
    ):
        bpath = f"{prefix}backdrops[{i}]"
        entry = expect_mapping(item, bpath)
        found.append(_image(entry.get(url_key), f"{bpath}.{url_key}", ImageKind.BACKDROP))
    return unique(image for image in found if image is not None)


def title_videos(info: Mapping[str, Any], *, graphql: bool) -> list[Video]:
    """Read a title's ``clips``: trailers and the like, on YouTube."""
    prefix = "content." if graphql else ""
    clips = info.get("clips")
    found: list[Video] = []
    for i, item in enumerate(expect_list(clips, prefix + "clips") if clips is not None else ()):
        cpath = f"{prefix}clips[{i}]"
        entry = expect_mapping(item, cpath)
        key_name = "externalId" if graphql else "external_id"
        key = text(entry.get(key_name), f"{cpath}.{key_name}")
        provider = text(entry.get("provider"), f"{cpath}.provider")
        if key is None or provider is None:
            continue
        site = _CLIP_SITES.get(provider.casefold())
        if site is None:
            warn(f"{cpath}.provider: clips on {shown(provider)} have no known address: left out")
            continue
        kind_text = (text(entry.get("type"), f"{cpath}.type") or "").casefold()
        name = text(entry.get("name"), f"{cpath}.name")
        url = site[1].format(urllib.parse.quote(key, safe=""))
        kind = _CLIP_KINDS.get(kind_text, VideoKind.OTHER)
        found.append(Video(url, kind=kind, site=site[0], name=name))
    return unique(found)
