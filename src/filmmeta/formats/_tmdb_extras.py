"""TMDb's other titles, releases, collection, money, keywords, images and videos.

Each reader takes the part as TMDb writes it, given alone or embedded in the details by
``append_to_response`` (``alternative_titles``, ``release_dates``, ``releases``,
``keywords``, ``images``, ``videos``, the legacy ``trailers``), with its path for
errors, and returns the model's values. Values the model cannot hold (a video on a site
whose address is unknown, a date that is no date) are left out with a
:class:`~filmmeta.FilmmetaWarning`; a value of the wrong JSON type is an error.

The module is private: :mod:`filmmeta.formats.tmdb` is its only user.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from typing import Any

from filmmeta._model import (
    MAX_INT,
    Collection,
    ExternalIds,
    Image,
    ImageKind,
    Money,
    PartialDate,
    Release,
    ReleaseKind,
    Title,
    TitleKind,
    Video,
    VideoKind,
    is_language_tag,
    shown,
    shown_typed,
)
from filmmeta.exceptions import ValidationError
from filmmeta.formats._common import expect_mapping, field, region_code, text, unique, warn
from filmmeta.formats._tmdb_parts import NULLS, ReleaseEntry, objects, positive_int

__all__ = [
    "IMAGE_BASE",
    "PARTS",
    "collection",
    "film_parts",
    "images",
    "keywords",
    "money",
    "releases",
    "titles",
    "videos",
]

#: Where TMDb serves images at their original size; a ``file_path`` follows.
IMAGE_BASE = "https://image.tmdb.org/t/p/original"
# alternative_titles' "type" -> the kind of title; other types are kept as the note.
_TITLE_TYPES = {
    "working title": TitleKind.WORKING,
    "festival title": TitleKind.FESTIVAL,
    "short title": TitleKind.SHORT,
    "tv title": TitleKind.TV,
    "video title": TitleKind.VIDEO,
    "dvd title": TitleKind.VIDEO,
}
# release_dates' "type": 1 premiere, 2 limited, 3 theatrical, 4 digital, 5 physical, 6 TV.
_RELEASE_TYPES = dict(enumerate(ReleaseKind, start=1))
_IMAGE_KINDS = {
    "posters": ImageKind.POSTER,
    "backdrops": ImageKind.BACKDROP,
    "logos": ImageKind.LOGO,
    "stills": ImageKind.STILL,
}
_VIDEO_KINDS = {
    "trailer": VideoKind.TRAILER,
    "teaser": VideoKind.TEASER,
    "clip": VideoKind.CLIP,
    "featurette": VideoKind.FEATURETTE,
}
_VIDEO_SITES = {
    "YouTube": "https://www.youtube.com/watch?v={}",
    "Vimeo": "https://vimeo.com/{}",
}


def titles(doc: object, path: str) -> list[Title]:
    """Read an ``/alternative_titles`` part: one title per entry, each once."""
    if doc is None:
        return []
    doc = expect_mapping(doc, path)
    found: list[Title] = []
    for tpath, entry in objects(doc.get("titles"), f"{path}.titles"):
        name = text(entry.get("title"), f"{tpath}.title", nulls=NULLS)
        if name is None:
            continue
        code = entry.get("iso_3166_1")
        region = None if code in (None, "") else region_code(code, f"{tpath}.iso_3166_1")
        kind_text = text(entry.get("type"), f"{tpath}.type", nulls=NULLS)
        kind = _TITLE_TYPES.get(kind_text.casefold()) if kind_text else None
        note = kind_text if kind is None else None  # "informal title", "Romaji"
        with field(tpath, inner=False):
            found.append(Title(name, region=region, kind=kind or TitleKind.ALTERNATIVE, note=note))
    return unique(found)


def _release_kind(value: object, path: str) -> ReleaseKind:
    if type(value) is not int or value not in _RELEASE_TYPES:
        raise ValidationError.at(path, f"{shown(value)} is not a release type (1 to 6)")
    return _RELEASE_TYPES[value]


def _date(value: object, path: str) -> PartialDate | None:
    found = text(value, path, nulls=NULLS)
    if found is None:
        return None
    with field(path):
        return PartialDate.parse(found)


def releases(entries: list[ReleaseEntry], legacy: bool) -> list[Release]:  # noqa: FBT001
    """Read the dated releases of a ``/release_dates`` or legacy ``/releases`` part.

    A release of the same country, kind, date and language as one before is the same
    release: the first is kept, and a different note of the later one is warned about.
    """
    found: dict[tuple[str, ReleaseKind, PartialDate, str | None], Release] = {}
    for rpath, country, rel in entries:
        date = _date(rel.get("release_date"), f"{rpath}.release_date")
        if date is None:
            continue
        if legacy:
            kind = ReleaseKind.THEATRICAL  # the legacy endpoint's dates: no types
        elif rel.get("type") is None:
            warn(f"{rpath}: a release without a type: left out")
            continue
        else:
            kind = _release_kind(rel.get("type"), f"{rpath}.type")
        note = text(rel.get("note"), f"{rpath}.note", nulls=NULLS)
        language = text(rel.get("iso_639_1"), f"{rpath}.iso_639_1", nulls=NULLS)
        if language is not None and not is_language_tag(language):
            warn(f"{rpath}.iso_639_1: {language!r} is not a known language: left out")
            language = None
        release = Release(date, country=country, kind=kind, note=note, language=language)
        kept = found.setdefault((country, kind, date, language), release)
        if kept.note != release.note and release.note is not None:
            warn(
                f"{rpath}.note: {note!r} of a release already read with note "
                f"{kept.note!r}: left out"
            )
    return list(found.values())


def collection(value: object, path: str) -> Collection | None:
    """Read ``belongs_to_collection``: its name and TMDb id (its pictures are its own)."""
    if value is None:
        return None
    entry = expect_mapping(value, path)
    name = text(entry.get("name"), f"{path}.name", nulls=NULLS)
    if name is None:
        return None
    ids = ExternalIds(tmdb=positive_int(entry.get("id"), f"{path}.id"))
    overview = text(entry.get("overview"), f"{path}.overview", nulls=NULLS)
    return Collection(name, ids=ids, overview=overview)


def money(value: object, path: str) -> Money | None:
    """Read ``budget`` or ``revenue``: whole US dollars, worldwide; 0 is unknown."""
    if value is None or value == 0:
        return None
    if type(value) is not int or not 0 < value <= MAX_INT:
        raise ValidationError.at(path, f"expected whole dollars, got {shown_typed(value)}")
    return Money(value, "USD")


def keywords(doc: object, path: str) -> list[str]:
    """Read a ``/keywords`` part (``keywords`` for a movie, ``results`` for a show)."""
    if doc is None:
        return []
    doc = expect_mapping(doc, path)
    key = "keywords" if "keywords" in doc else "results"
    names = (
        text(entry.get("name"), f"{kpath}.name", nulls=NULLS)
        for kpath, entry in objects(doc.get(key), f"{path}.{key}")
    )
    return unique(name for name in names if name is not None)


def _size(value: object, path: str) -> int | None:
    if value is None or value == 0:  # 0: not measured
        return None
    if type(value) is not int or not 0 < value <= MAX_INT:
        raise ValidationError.at(path, f"expected a size in pixels, got {shown_typed(value)}")
    return value


def _language(entry: Mapping[str, Any], path: str) -> str | None:
    """The language of an image or video: iso_639_1 and, when given, iso_3166_1."""
    code = text(entry.get("iso_639_1"), f"{path}.iso_639_1", nulls=NULLS)
    if code is None or code == "xx":  # "xx": no language (a poster without text)
        return None
    region = text(entry.get("iso_3166_1"), f"{path}.iso_3166_1", nulls=NULLS)
    tag = f"{code}-{region}" if region is not None else code
    if is_language_tag(tag):
        return tag
    if is_language_tag(code):
        warn(f"{path}.iso_3166_1: {region!r} is not a region of language {code!r}: left out")
        return code
    warn(f"{path}.iso_639_1: {code!r} is not a known language: left out")
    return None


def _image(file_path: str, kind: ImageKind, path: str, entry: Mapping[str, Any]) -> Image:
    if not file_path.startswith("/"):
        raise ValidationError.at(path, f"{shown(file_path)} is not a TMDb file path (/...)")
    width = _size(entry.get("width"), f"{path}.width")
    height = _size(entry.get("height"), f"{path}.height")
    language = _language(entry, path)
    with field(path, inner=False):
        return Image(
            IMAGE_BASE + file_path, kind=kind, width=width, height=height, language=language
        )


def images(details: Mapping[str, Any], doc: object, path: str) -> list[Image]:
    """Read the details' ``poster_path`` and ``backdrop_path``, then an ``/images`` part.

    The main poster and backdrop come first, with the size and language the part gives
    them; every image is kept once.
    """
    found: dict[str, Image] = {}
    for key, kind in (("poster_path", ImageKind.POSTER), ("backdrop_path", ImageKind.BACKDROP)):
        file_path = text(details.get(key), key, nulls=NULLS)
        if file_path is not None:
            image = _image(file_path, kind, key, {})
            found.setdefault(image.url, image)
    if doc is not None:
        doc = expect_mapping(doc, path)
        for key, kind in _IMAGE_KINDS.items():
            for ipath, entry in objects(doc.get(key), f"{path}.{key}"):
                file_path = text(entry.get("file_path"), f"{ipath}.file_path", nulls=NULLS)
                if file_path is None:
                    continue
                image = _image(file_path, kind, ipath, entry)
                kept = found.get(image.url)
                # The part knows more about the main poster than the details do.
                if kept is None or (kept.width is None and kept.kind is image.kind):
                    found[image.url] = image
    return list(found.values())


def videos(doc: object, path: str, *, legacy: bool = False) -> list[Video]:
    """Read a ``/videos`` part, or with *legacy* the old ``trailers`` one."""
    if doc is None:
        return []
    doc = expect_mapping(doc, path)
    entries: list[tuple[str, str | None, object, Mapping[str, Any]]]
    if legacy:
        for qpath, _ in objects(doc.get("quicktime"), f"{path}.quicktime"):
            warn(f"{qpath}: a QuickTime trailer, which TMDb no longer serves: left out")
        entries = [
            (vpath, "YouTube", entry.get("source"), entry)
            for vpath, entry in objects(doc.get("youtube"), f"{path}.youtube")
        ]
    else:
        entries = [
            (vpath, text(entry.get("site"), f"{vpath}.site", nulls=NULLS), entry.get("key"), entry)
            for vpath, entry in objects(doc.get("results"), f"{path}.results")
        ]
    found: list[Video] = []
    for vpath, site, key, entry in entries:
        code = text(key, f"{vpath}.{'source' if legacy else 'key'}", nulls=NULLS)
        if code is None or site is None:
            continue
        if site not in _VIDEO_SITES:
            warn(f"{vpath}.site: videos on {site!r} have no known address: left out")
            continue
        kind_text = text(entry.get("type"), f"{vpath}.type", nulls=NULLS) or ""
        name = text(entry.get("name"), f"{vpath}.name", nulls=NULLS)
        language = None if legacy else _language(entry, vpath)
        url = _VIDEO_SITES[site].format(urllib.parse.quote(code, safe=""))
        kind = _VIDEO_KINDS.get(kind_text.casefold(), VideoKind.OTHER)
        found.append(Video(url, kind=kind, site=site, language=language, name=name))
    return unique(found)


#: The parts that :func:`film_parts` reads, by their ``append_to_response`` name.
PARTS = ("alternative_titles", "keywords", "images", "videos")


def film_parts(
    details: Mapping[str, Any],
    given: Mapping[str, object],
    dates: tuple[list[ReleaseEntry], bool],
) -> dict[str, Any]:
    """Read the model 2 fields of a film: the Film arguments, from the details and parts.

    Args:
        details: The ``/movie/{id}`` response.
        given: The parts passed apart, by name (None where not passed); a part passed
            wins over the one embedded in *details*.
        dates: The releases of the ``/release_dates`` (or legacy ``/releases``) part,
            and whether it is the legacy one.
    """

    def part(name: str) -> tuple[object, str]:
        if given.get(name) is not None:
            return given[name], name
        return details.get(name), name

    revenue = money(details.get("revenue"), "revenue")
    legacy = details.get("trailers") if part("videos")[0] is None else None
    return {
        "titles": titles(*part("alternative_titles")),
        "releases": releases(*dates),
        "collection": collection(details.get("belongs_to_collection"), "belongs_to_collection"),
        "budget": money(details.get("budget"), "budget"),
        "box_office": [] if revenue is None else [revenue],
        "images": images(details, *part("images")),
        "videos": videos(*part("videos")) or videos(legacy, "trailers", legacy=True),
        "keywords": keywords(*part("keywords")),
        "tagline": text(details.get("tagline"), "tagline", nulls=NULLS),
    }
