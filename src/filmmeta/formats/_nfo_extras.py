"""The Model 2 parts of a movie NFO, both ways: set, art, trailers, tags, tagline, editions.

Readers take the ``<movie>`` element; writers add lines to the NFO being written. Kodi's
art types map to :class:`~filmmeta.ImageKind` one to one where a kind exists, so that an
image written is read back as the same kind:

=========================  =============
NFO                        ImageKind
=========================  =============
``<thumb aspect="poster">``  poster (also ``keyart``, and a thumb without ``aspect``,
                           as Sonarr writes posters)
``<fanart><thumb>``        backdrop
``<thumb aspect="clearlogo">``  logo
``<thumb aspect="banner">``  banner
``<thumb aspect="thumb">``   still
any other aspect           other (``landscape``, ``clearart``, ``discart``, ...)
=========================  =============
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from filmmeta._model import (
    Collection,
    Edition,
    ExternalIds,
    Image,
    ImageKind,
    Video,
    VideoKind,
    check_text,
    check_url,
    shown,
)
from filmmeta.exceptions import ROOT, ValidationError
from filmmeta.formats._common import unique
from filmmeta.formats._nfo_read import keep, text, texts, value

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from filmmeta._model import Film
    from filmmeta.formats._nfo_write import Doc

__all__ = [
    "collection",
    "editions",
    "images",
    "keywords",
    "tagline",
    "videos",
    "write_art",
    "write_set",
    "write_tagline",
    "write_trailers",
]

_ASPECTS = {
    "poster": ImageKind.POSTER,
    "keyart": ImageKind.POSTER,
    "clearlogo": ImageKind.LOGO,
    "logo": ImageKind.LOGO,
    "banner": ImageKind.BANNER,
    "thumb": ImageKind.STILL,
}
_WRITTEN_ASPECTS = {
    ImageKind.POSTER: "poster",
    ImageKind.LOGO: "clearlogo",
    ImageKind.BANNER: "banner",
    ImageKind.STILL: "thumb",
    ImageKind.OTHER: "other",
}
# Kodi's YouTube add-on, in its current and its deprecated form (Jellyfin reads both).
_YOUTUBE_PLUGIN = re.compile(
    r"plugin://plugin\.video\.youtube/(?:play/\?video_id=|\?action=play_video&videoid=)"
    r"([A-Za-z0-9_-]{1,64})",
    re.IGNORECASE,
)
_YOUTUBE_WATCH = re.compile(
    r"https?://(?:www\.|m\.)?(?:youtube\.com/watch\?v=|youtu\.be/)([A-Za-z0-9_-]{1,64})",
    re.IGNORECASE,
)
_YOUTUBE = "https://www.youtube.com/watch?v="


# -- reading ------------------------------------------------------------------------------


def tagline(root: Element) -> str | None:
    """``<tagline>``."""
    return keep("tagline", _text, text(root, "tagline"))


def _text(found: str | None) -> str | None:
    check_text(ROOT, found, optional=True)
    return found


def keywords(root: Element) -> list[str]:
    """``<tag>``: Kodi's tags, the film's keywords."""
    return unique(found for path, found in texts(root, "tag") if keep(path, _text, found))


def editions(root: Element) -> list[Edition]:
    """Kodi v21's ``<videoassettitle>`` and tinyMediaManager's ``<edition>``."""
    found: list[Edition] = []
    for tag in ("videoassettitle", "edition"):
        for path, name in texts(root, tag):
            made = keep(path, Edition, name)
            if made is not None:
                found.append(made)
    return unique(found)


def collection(root: Element, tmdb: int | None) -> Collection | None:
    """``<set>``: a name (Kodi before v18, Jellyfin) or ``<name>`` and ``<overview>``.

    Args:
        root: The ``<movie>`` element.
        tmdb: The set's TMDb collection id, read with the film's ids.
    """
    for i, element in enumerate(root.iterfind("set")):
        path = f"set[{i}]"
        has_parts = element.find("name") is not None
        name = text(element, "name") if has_parts else value(element)
        if name is not None:
            return keep(path, _collection, name, text(element, "overview"), tmdb)
    return None


def _collection(name: str, overview: str | None, tmdb: int | None) -> Collection:
    return Collection(name, overview=overview, ids=ExternalIds(tmdb=tmdb))


def images(root: Element) -> list[Image]:
    """The film's art: ``<thumb>`` by its ``aspect``, ``<fanart><thumb>`` as backdrops."""
    found: list[Image] = []
    for i, element in enumerate(root.iterfind("thumb")):
        aspect = (element.get("aspect") or "poster").strip().lower()
        kind = _ASPECTS.get(aspect, ImageKind.OTHER)
        found.extend(_image(f"thumb[{i}]", value(element), kind))
    for i, element in enumerate(root.iterfind("fanart/thumb")):
        found.extend(_image(f"fanart.thumb[{i}]", value(element), ImageKind.BACKDROP))
    return unique(found)


def _image(path: str, url: str | None, kind: ImageKind) -> list[Image]:
    if url is None:
        return []
    # Local files ("folder.jpg", "smb://...") are the library's copies, not the film's art.
    made = keep(path, _url_image, url, kind)
    return [] if made is None else [made]


def _url_image(url: str, kind: ImageKind) -> Image:
    check_url(ROOT, url)
    return Image(url, kind=kind)


def videos(root: Element) -> list[Video]:
    """``<trailer>``: Kodi's YouTube add-on links as YouTube pages, other web links as given."""
    found: list[Video] = []
    for path, url in texts(root, "trailer"):
        made = keep(path, _trailer, url)
        if made is not None:
            found.append(made)
    return unique(found)


def _trailer(url: str) -> Video:
    if (match := _YOUTUBE_PLUGIN.match(url)) is not None:
        return Video(_YOUTUBE + match[1], site="YouTube")
    if not url.lower().startswith(("http://", "https://")):
        raise ValidationError.at(ROOT, f"{shown(url)} is not a web address")
    check_url(ROOT, url)
    if (match := _YOUTUBE_WATCH.match(url)) is not None:
        return Video(_YOUTUBE + match[1], site="YouTube")
    return Video(url)


# -- writing ------------------------------------------------------------------------------
# Film has these fields from Model 2 on: until then, a film has none of them to write.


def _trailer_url(video: Video) -> str:
    match = _YOUTUBE_WATCH.match(video.url)
    # Kodi plays a trailer through its YouTube add-on; a web page it cannot play.
    if match is not None:
        return f"plugin://plugin.video.youtube/play/?video_id={match[1]}"
    return video.url


def write_tagline(doc: Doc, film: Film) -> None:
    """``<tagline>``."""
    doc.leaf("tagline", getattr(film, "tagline", None), "tagline")


def write_art(doc: Doc, film: Film) -> None:
    """``<thumb aspect>`` for every image but the backdrops, which go in ``<fanart>``."""
    backdrops: list[tuple[int, Image]] = []
    for i, image in enumerate(getattr(film, "images", ())):
        if image.kind is ImageKind.BACKDROP:
            backdrops.append((i, image))
        else:
            aspect = {"aspect": _WRITTEN_ASPECTS[image.kind]}
            doc.leaf("thumb", image.url, f"images[{i}].url", 1, aspect)
    if backdrops:
        doc.open("fanart", "images")
        for i, image in backdrops:
            doc.leaf("thumb", image.url, f"images[{i}].url", 2)
        doc.close("fanart")


def write_set(doc: Doc, film: Film) -> None:
    """``<set>`` with its TMDb id, the tags and the editions."""
    found: Collection | None = getattr(film, "collection", None)
    if found is not None:
        extra = {} if found.ids.tmdb is None else {"tmdbcolid": str(found.ids.tmdb)}
        doc.open("set", "collection", 1, extra)
        doc.leaf("name", found.name, "collection.name", 2)
        doc.leaf("overview", found.overview, "collection.overview", 2)
        doc.close("set")
    for i, keyword in enumerate(getattr(film, "keywords", ())):
        doc.leaf("tag", keyword, f"keywords[{i}]")
    for i, edition in enumerate(getattr(film, "editions", ())):
        # Kodi v21 names the version of the file; tinyMediaManager reads <edition>.
        if i == 0:
            doc.leaf("videoassettitle", edition.name, "editions[0].name")
        doc.leaf("edition", edition.name, f"editions[{i}].name")


def write_trailers(doc: Doc, film: Film) -> None:
    """``<trailer>`` for every trailer (Kodi has no place for teasers or clips)."""
    for i, video in enumerate(getattr(film, "videos", ())):
        if video.kind is VideoKind.TRAILER:
            doc.leaf("trailer", _trailer_url(video), f"videos[{i}].url")
