"""Pictures and videos of a film, and the picture and sound features of an offer.

Posters, backdrops and trailers belong to the film; HDR, Dolby Vision and Atmos to the
way an offer delivers it.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_count, check_language, check_text, check_url, to_member

__all__ = ["Image", "ImageKind", "OfferFeature", "Video", "VideoKind"]


class ImageKind(enum.StrEnum):
    """What an image shows: a poster, a backdrop, a still from the film, a logo, ...

    .. versionadded:: 0.2.0
    """

    POSTER = "poster"
    BACKDROP = "backdrop"
    STILL = "still"
    LOGO = "logo"
    BANNER = "banner"
    OTHER = "other"


class VideoKind(enum.StrEnum):
    """What a video is: a trailer, a teaser, a clip from the film, a featurette, ...

    .. versionadded:: 0.2.0
    """

    TRAILER = "trailer"
    TEASER = "teaser"
    CLIP = "clip"
    FEATURETTE = "featurette"
    OTHER = "other"


class OfferFeature(enum.StrEnum):
    """A picture or sound feature of an offer: HDR formats, Dolby Atmos, 5.1 sound.

    .. versionadded:: 0.2.0
    """

    HDR = "hdr"
    HDR10 = "hdr10"
    HDR10_PLUS = "hdr10_plus"
    DOLBY_VISION = "dolby_vision"
    DOLBY_ATMOS = "dolby_atmos"
    DTS_X = "dts_x"
    SURROUND_5_1 = "surround_5_1"


_IMAGE_KINDS = {kind.value: kind for kind in ImageKind}
_VIDEO_KINDS = {kind.value: kind for kind in VideoKind}


def _to_image_kind(value: ImageKind | str) -> ImageKind:
    return to_member(_IMAGE_KINDS, value, "kind", "an image kind")


def _to_video_kind(value: VideoKind | str) -> VideoKind:
    return to_member(_VIDEO_KINDS, value, "kind", "a video kind")


def _check_url(inst: Any, attribute: attrs.Attribute[str], value: str) -> None:
    check_url("url", value)


def _check_size(inst: Image, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None:
        check_count(attribute.name, value)


def _check_language(inst: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        check_language("language", value)


def _check_text(inst: Video, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    check_text(attribute.name, value, optional=True)


@attrs.frozen
class Image(PydanticHooks):
    """A picture of a film: a poster, a backdrop, a still, ...

    Args:
        url: Where the image is, an absolute http(s) URL.
        kind: poster (the default), backdrop, still, logo, banner or other; a string is
            converted.
        width: Its width in pixels, when known.
        height: Its height in pixels, when known.
        language: The language of the text on it, a BCP 47 tag ("en"); None for an
            image without text, or when not said.

    Raises:
        ValidationError: A URL that is not http(s), a size below 1, a language such as
            "EN", an unknown kind; the path names the field.

    Examples:
        >>> Image("https://image.tmdb.org/t/p/original/x.jpg", width=2000, height=3000)
        Image(url='https://image.tmdb.org/t/p/original/x.jpg', kind=<ImageKind.POSTER: 'poster'>, width=2000, height=3000, language=None)
        >>> Image("poster.jpg")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: url: 'poster.jpg' is not an http(s) URL

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    url: str = attrs.field(validator=_check_url)
    kind: ImageKind = attrs.field(default=ImageKind.POSTER, kw_only=True, converter=_to_image_kind)
    width: int | None = attrs.field(default=None, kw_only=True, validator=_check_size)
    height: int | None = attrs.field(default=None, kw_only=True, validator=_check_size)
    language: str | None = attrs.field(default=None, kw_only=True, validator=_check_language)


@attrs.frozen
class Video(PydanticHooks):
    """A video about a film: a trailer, a teaser, a clip, ...

    Args:
        url: Where to watch it, an absolute http(s) URL.
        kind: trailer (the default), teaser, clip, featurette or other; a string is
            converted.
        site: The site that hosts it ("YouTube", "Vimeo").
        language: Its language, a BCP 47 tag ("en").
        name: Its title ("Official Trailer").

    Raises:
        ValidationError: A URL that is not http(s), an empty site or name, a language
            such as "EN", an unknown kind; the path names the field.

    Examples:
        >>> Video("https://www.youtube.com/watch?v=SUXWAEX2jlg", site="YouTube").kind
        <VideoKind.TRAILER: 'trailer'>
        >>> Video("https://example.com/v", kind="making-of")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: kind: 'making-of' is not a video kind (trailer, teaser, clip, featurette, other)

    .. versionadded:: 0.2.0
    """  # noqa: E501

    __repr__ = fields_repr

    url: str = attrs.field(validator=_check_url)
    kind: VideoKind = attrs.field(default=VideoKind.TRAILER, kw_only=True, converter=_to_video_kind)
    site: str | None = attrs.field(default=None, kw_only=True, validator=_check_text)
    language: str | None = attrs.field(default=None, kw_only=True, validator=_check_language)
    name: str | None = attrs.field(default=None, kw_only=True, validator=_check_text)
