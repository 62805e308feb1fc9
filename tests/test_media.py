from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from filmmeta import Image, ImageKind, OfferFeature, ValidationError, Video, VideoKind

from .strategies import images, videos

URL = "https://image.tmdb.org/t/p/original/x.jpg"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, Image(URL, kind=ImageKind.POSTER)),
        ({"kind": "backdrop"}, Image(URL, kind=ImageKind.BACKDROP)),
        ({"width": 1, "height": 3000}, Image(URL, width=1, height=3000)),
        ({"language": "pt-BR"}, Image(URL, language="pt-BR")),
    ],
)
def test_image_accepts(kwargs: dict[str, object], expected: Image) -> None:
    assert Image(URL, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "kwargs", "path", "message"),
    [
        ("x.jpg", {}, "url", "not an http(s) URL"),
        ("/t/p/x.jpg", {}, "url", "not an http(s) URL"),
        ("javascript:alert(1)", {}, "url", "not an http(s) URL"),
        (None, {}, "url", "expected a string"),
        (URL, {"kind": "thumbnail"}, "kind", "is not an image kind (poster, backdrop,"),
        (URL, {"width": 0}, "width", "not an integer of 1 or more"),
        (URL, {"height": -1}, "height", "not an integer of 1 or more"),
        (URL, {"width": "2000"}, "width", "expected an integer"),
        (URL, {"height": True}, "height", "expected an integer"),
        (URL, {"language": "xx"}, "language", "BCP 47"),
    ],
)
def test_image_rejects(url: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Image(url, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


TRAILER = "https://www.youtube.com/watch?v=SUXWAEX2jlg"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, Video(TRAILER, kind=VideoKind.TRAILER)),
        (
            {"kind": "teaser", "site": "YouTube"},
            Video(TRAILER, kind=VideoKind.TEASER, site="YouTube"),
        ),
        (
            {"name": "Official Trailer", "language": "en"},
            Video(TRAILER, name="Official Trailer", language="en"),
        ),
    ],
)
def test_video_accepts(kwargs: dict[str, object], expected: Video) -> None:
    assert Video(TRAILER, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "kwargs", "path", "message"),
    [
        ("SUXWAEX2jlg", {}, "url", "not an http(s) URL"),
        (TRAILER, {"kind": "Trailer"}, "kind", "is not a video kind"),
        (TRAILER, {"site": ""}, "site", "must not be empty"),
        (TRAILER, {"name": 1}, "name", "expected a string"),
        (TRAILER, {"language": "en_US"}, "language", "BCP 47"),
    ],
)
def test_video_rejects(url: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Video(url, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


def test_offer_features_are_lowercase_names() -> None:
    assert OfferFeature("dolby_vision") is OfferFeature.DOLBY_VISION
    assert all(f.value == f.name.lower() for f in OfferFeature)


@given(images)
def test_stored_values_rebuild_the_same_image(image: Image) -> None:
    again = Image(**attrs.asdict(image, recurse=False))
    assert again == image
    assert hash(again) == hash(image)


@given(videos)
def test_stored_values_rebuild_the_same_video(video: Video) -> None:
    again = Video(**attrs.asdict(video, recurse=False))
    assert again == video
    assert hash(again) == hash(video)
