"""The Model 2 parts of a movie NFO: set, art, trailers, tags, tagline and editions."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from defusedxml.ElementTree import fromstring

from filmmeta import Collection, Edition, ExternalIds, FilmmetaWarning, Image, ImageKind, Video
from filmmeta.formats import _nfo_extras as extras
from filmmeta.formats._nfo_write import Doc


def root(body: str) -> Any:
    return fromstring(f"<movie><title>Backstage</title>{body}</movie>")


@pytest.mark.parametrize(
    ("body", "tmdb", "expected"),
    [
        (
            "<set>Lilo &amp; Stitch Collection</set>",
            97020,
            Collection("Lilo & Stitch Collection", ids=ExternalIds(tmdb=97020)),
        ),
        (
            "<set><name>Divergent Collection</name><overview>Dystopian.</overview></set>",
            None,
            Collection("Divergent Collection", overview="Dystopian."),
        ),
        (
            "<set><name></name><overview>x</overview></set><set>Second</set>",
            None,
            Collection("Second"),
        ),
        ("<set></set>", None, None),
        ("", 1, None),
    ],
)
def test_collection(body: str, tmdb: int | None, expected: Collection | None) -> None:
    assert extras.collection(root(body), tmdb) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '<thumb aspect="poster" preview="https://x/p-small.jpg">https://x/p.jpg</thumb>'
            "<thumb>https://x/sonarr.jpg</thumb>"
            '<thumb aspect="keyart">https://x/k.jpg</thumb>'
            '<thumb aspect="clearlogo">https://x/l.png</thumb>'
            '<thumb aspect="Banner">https://x/b.jpg</thumb>'
            '<thumb aspect="thumb">https://x/s.jpg</thumb>'
            '<thumb aspect="landscape">https://x/o.jpg</thumb>'
            '<thumb aspect="poster">https://x/p.jpg</thumb>'
            "<fanart><thumb preview='https://x/f-small.jpg'>https://x/f.jpg</thumb><thumb/></fanart>"
            "<actor><name>A</name><thumb>https://x/actor.jpg</thumb></actor>",
            [
                Image("https://x/p.jpg", kind="poster"),
                Image("https://x/sonarr.jpg", kind="poster"),
                Image("https://x/k.jpg", kind="poster"),
                Image("https://x/l.png", kind="logo"),
                Image("https://x/b.jpg", kind="banner"),
                Image("https://x/s.jpg", kind="still"),
                Image("https://x/o.jpg", kind="other"),
                Image("https://x/f.jpg", kind="backdrop"),
            ],
        ),
    ],
)
def test_images(body: str, expected: list[Image]) -> None:
    assert extras.images(root(body)) == expected


def test_local_art_is_left_out() -> None:
    with pytest.warns(
        FilmmetaWarning, match=r"thumb\[0\]: 'folder.jpg' is not an http\(s\) URL: left out"
    ):
        assert extras.images(root("<thumb>folder.jpg</thumb>")) == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "plugin://plugin.video.youtube/?action=play_video&amp;videoid=097uj1HjkbM",
            Video("https://www.youtube.com/watch?v=097uj1HjkbM", site="YouTube"),
        ),
        (
            "plugin://plugin.video.youtube/play/?video_id=dQw4w9WgXcQ",
            Video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", site="YouTube"),
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            Video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", site="YouTube"),
        ),
        ("https://example.com/trailer.mp4", Video("https://example.com/trailer.mp4")),
    ],
)
def test_trailers(written: str, expected: Video) -> None:
    assert extras.videos(root(f"<trailer>{written}</trailer>")) == [expected]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("TmovieFc19", r"trailer\[0\]: 'TmovieFc19' is not a web address"),
        ("smb://nas/trailer.mkv", r"'smb://nas/trailer.mkv' is not a web address"),
        ("https://", r"'https://' is not an http\(s\) URL"),
    ],
)
def test_trailers_left_out(written: str, message: str) -> None:
    with pytest.warns(FilmmetaWarning, match=message):
        assert extras.videos(root(f"<trailer>{written}</trailer>")) == []


def test_texts() -> None:
    body = (
        "<tagline>Break the boundaries</tagline><tag>Best Tag</tag><tag>TV Recording</tag>"
        "<tag>Best Tag</tag><tag/><videoassettitle>Director's Cut</videoassettitle>"
        "<edition>Director's Cut</edition><edition>Extended</edition>"
    )
    element = root(body)
    assert extras.tagline(element) == "Break the boundaries"
    assert extras.keywords(element) == ["Best Tag", "TV Recording"]
    assert extras.editions(element) == [Edition("Director's Cut"), Edition("Extended")]
    assert extras.tagline(root("<tagline> </tagline>")) is None


def test_overlong_texts_are_left_out() -> None:
    long = "x" * 100_001
    with pytest.warns(FilmmetaWarning, match=r"tagline: is longer than"):
        assert extras.tagline(root(f"<tagline>{long}</tagline>")) is None
    with pytest.warns(FilmmetaWarning, match=r"tag\[0\]: is longer than"):
        assert extras.keywords(root(f"<tag>{long}</tag>")) == []
    with pytest.warns(FilmmetaWarning, match=r"edition\[0\].name: is longer than"):
        assert extras.editions(root(f"<edition>{long}</edition>")) == []
    with pytest.warns(FilmmetaWarning, match=r"set\[0\].name: is longer than"):
        assert extras.collection(root(f"<set>{long}</set>"), None) is None


# --- writing ------------------------------------------------------------------------------
# Film has these fields from Model 2 on; a stand-in with them tests the writers until then.


def written(**fields: Any) -> Any:
    doc = Doc()
    stand_in = SimpleNamespace(**fields)
    extras.write_tagline(doc, stand_in)
    extras.write_art(doc, stand_in)
    extras.write_set(doc, stand_in)
    extras.write_trailers(doc, stand_in)
    return fromstring("\n".join([*doc.lines, "</movie>"]))


def test_writers_write_what_the_readers_read() -> None:
    images = [Image(f"https://x/{kind}.jpg", kind=kind) for kind in ImageKind]
    backdrops_last = sorted(images, key=lambda image: image.kind is ImageKind.BACKDROP)
    videos = [
        Video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", site="YouTube"),
        Video("https://example.com/t.mp4"),
        Video("https://example.com/clip.mp4", kind="clip"),
    ]
    collection = Collection("Hip-Hop Tours", overview="Tours.", ids=ExternalIds(tmdb=7))
    editions = [Edition("Director's Cut"), Edition("Extended")]
    element = written(
        tagline="Hard knock life",
        images=images,
        collection=collection,
        keywords=["concert", "tour"],
        editions=editions,
        videos=videos,
    )
    assert element.find("set").get("tmdbcolid") == "7"
    assert element.findtext("trailer") == "plugin://plugin.video.youtube/play/?video_id=dQw4w9WgXcQ"
    assert extras.tagline(element) == "Hard knock life"
    assert extras.images(element) == backdrops_last
    assert extras.collection(element, 7) == collection
    assert extras.keywords(element) == ["concert", "tour"]
    assert extras.editions(element) == editions
    assert extras.videos(element) == videos[:2]  # Kodi has no place for clips


def test_writers_of_a_film_without_them() -> None:
    element = written(
        tagline=None, images=[], collection=Collection("x"), keywords=[], editions=[], videos=[]
    )
    assert element.find("fanart") is None
    assert element.find("set").get("tmdbcolid") is None
    assert extras.collection(element, None) == Collection("x")
