from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from filmmeta import FilmmetaWarning, Image, OfferFeature, ValidationError, Video
from filmmeta.formats._justwatch_extras import offer_terms, title_images, title_videos

from .conftest import CORPUS, NO_CORPUS, load

F = OfferFeature
EMPTY = {"audio_languages": (), "subtitle_languages": (), "features": ()}


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({}, {"available_from": None, "available_until": None}),
        (
            {
                "availableFromTime": "2024-01-01T08:00:00Z",
                "availableToTime": "2025-01-31T23:59:00Z",
            },
            {"available_from": dt.date(2024, 1, 1), "available_until": dt.date(2025, 1, 31)},
        ),
        (
            {"availableTo": "2025-01-31"},
            {"available_from": None, "available_until": dt.date(2025, 1, 31)},
        ),
        (
            {"availableTo": "2025-01-31", "availableToTime": "2025-01-30T00:00:00Z"},
            {"available_from": None, "available_until": dt.date(2025, 1, 30)},
        ),
        (
            {"audioLanguages": ["en", "de", "en"], "subtitleLanguages": ["pt-BR", "English"]},
            {
                "available_from": None,
                "available_until": None,
                "audio_languages": ("en", "de"),
                "subtitle_languages": ("pt-BR", "en"),
            },
        ),
        (
            {
                "videoTechnology": ["DOLBY_VISION", "HDR_10", "HDR10_PLUS", "HDR"],
                "audioTechnology": ["DOLBY_ATMOS", "_5_POINT_1", "DTS:X"],
            },
            {
                "available_from": None,
                "available_until": None,
                "features": (
                    F.DOLBY_VISION,
                    F.HDR10,
                    F.HDR10_PLUS,
                    F.HDR,
                    F.DOLBY_ATMOS,
                    F.SURROUND_5_1,
                    F.DTS_X,
                ),
            },
        ),
        (
            {"videoTechnology": [], "audioTechnology": None, "availableTo": None},
            {"available_from": None, "available_until": None},
        ),
    ],
)
def test_graphql_terms(item: dict[str, Any], expected: dict[str, Any]) -> None:
    assert offer_terms(item, "offers[0]", graphql=True) == EMPTY | expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({}, {}),
        (
            {"audio_languages": ["en"], "subtitle_languages": ["fr", "de"]},
            {"audio_languages": ("en",), "subtitle_languages": ("fr", "de")},
        ),
        # The legacy API has no technologies and no windows: those keys mean nothing there.
        ({"videoTechnology": ["HDR"], "availableTo": "2025-01-31"}, {}),
    ],
)
def test_legacy_terms(item: dict[str, Any], expected: dict[str, Any]) -> None:
    assert offer_terms(item, "offers[0]", graphql=False) == EMPTY | expected


@pytest.mark.parametrize(
    ("item", "warning"),
    [
        (
            {"videoTechnology": ["_3D"]},
            r"offers\[0\].videoTechnology\[0\]: '_3D' is not a known feature",
        ),
        (
            {"audioLanguages": ["Elvish"]},
            r"offers\[0\].audioLanguages: 'Elvish' is not a known language",
        ),
    ],
)
def test_terms_left_out(item: dict[str, Any], warning: str) -> None:
    with pytest.warns(FilmmetaWarning, match=warning):
        found = offer_terms(item, "offers[0]", graphql=True)
    assert found["features"] == found["audio_languages"] == ()


@pytest.mark.parametrize(
    ("item", "path"),
    [
        ({"availableTo": "2025"}, "offers[0].availableTo"),
        ({"availableTo": "soon"}, "offers[0].availableTo"),
        ({"availableFromTime": 5}, "offers[0].availableFromTime"),
        ({"audioLanguages": "en"}, "offers[0].audioLanguages"),
        ({"videoTechnology": [5]}, "offers[0].videoTechnology[0]"),
    ],
)
def test_terms_malformed(item: dict[str, Any], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        offer_terms(item, "offers[0]", graphql=True)
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("info", "graphql", "expected"),
    [
        ({}, False, []),
        (
            {
                "poster": "/poster/8539293/{profile}",
                "backdrops": [{"backdrop_url": "/backdrop/8539292/{profile}"}],
            },
            False,
            [
                Image("https://images.justwatch.com/poster/8539293/s718"),
                Image("https://images.justwatch.com/backdrop/8539292/s1920", kind="backdrop"),
            ],
        ),
        (
            {
                "posterUrl": "/poster/1/{profile}/backstage.{format}",
                "backdrops": [
                    {"backdropUrl": "/backdrop/2/{profile}/b.{format}"},
                    {"backdropUrl": None},
                ],
            },
            True,
            [
                Image("https://images.justwatch.com/poster/1/s718/backstage.jpg"),
                Image("https://images.justwatch.com/backdrop/2/s1920/b.jpg", kind="backdrop"),
            ],
        ),
        ({"poster": "https://example.com/p.jpg"}, False, [Image("https://example.com/p.jpg")]),
    ],
)
def test_images(info: dict[str, Any], graphql: bool, expected: list[Image]) -> None:
    assert title_images(info, graphql=graphql) == expected


def test_image_with_unknown_placeholder() -> None:
    with pytest.warns(FilmmetaWarning, match="has a placeholder that is not known"):
        assert title_images({"poster": "/poster/1/{size}"}, graphql=False) == []


@pytest.mark.parametrize(
    ("info", "path"),
    [
        ({"poster": 5}, "poster"),
        ({"poster": "poster.jpg"}, "poster"),
        ({"backdrops": "x"}, "backdrops"),
        ({"backdrops": [5]}, "backdrops[0]"),
    ],
)
def test_images_malformed(info: dict[str, Any], path: str) -> None:
    with pytest.raises(ValidationError) as err:
        title_images(info, graphql=False)
    assert err.value.errors[0][0] == path


YOUTUBE = "https://www.youtube.com/watch?v="


@pytest.mark.parametrize(
    ("info", "graphql", "expected"),
    [
        ({}, False, []),
        (
            {
                "clips": [
                    {
                        "type": "trailer",
                        "provider": "youtube",
                        "external_id": "i-vsILeJ8_8",
                        "name": "Teaser Trailer",
                    },
                    {"type": "featurette", "provider": "youtube", "external_id": "x"},
                    {"type": "behind the scenes", "provider": "youtube", "external_id": "y"},
                    {
                        "type": "trailer",
                        "provider": "youtube",
                        "external_id": "i-vsILeJ8_8",
                        "name": "Teaser Trailer",
                    },
                    {"type": "trailer", "provider": "youtube"},
                ]
            },
            False,
            [
                Video(YOUTUBE + "i-vsILeJ8_8", site="YouTube", name="Teaser Trailer"),
                Video(YOUTUBE + "x", kind="featurette", site="YouTube"),
                Video(YOUTUBE + "y", kind="other", site="YouTube"),
            ],
        ),
        (
            {"clips": [{"provider": "YOUTUBE", "externalId": "z"}]},
            True,
            [Video(YOUTUBE + "z", kind="other", site="YouTube")],
        ),
    ],
)
def test_videos(info: dict[str, Any], graphql: bool, expected: list[Video]) -> None:
    assert title_videos(info, graphql=graphql) == expected


def test_videos_on_unknown_sites() -> None:
    with pytest.warns(FilmmetaWarning, match="clips on 'dailymotion' have no known address"):
        assert (
            title_videos(
                {"clips": [{"provider": "dailymotion", "external_id": "1"}]}, graphql=False
            )
            == []
        )


@pytest.mark.parametrize(
    ("info", "path"),
    [
        ({"clips": {}}, "clips"),
        ({"clips": [[]]}, "clips[0]"),
        ({"clips": [{"provider": "youtube", "external_id": "a", "name": 5}]}, "clips[0].name"),
    ],
)
def test_videos_malformed(info: dict[str, Any], path: str) -> None:
    with pytest.raises(ValidationError) as err:
        title_videos(info, graphql=False)
    assert err.value.errors[0][0] == path


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_star_wars_media() -> None:
    doc = load(CORPUS / "justwatch" / "owenvoke_Movies.json")
    assert [i.kind.value for i in title_images(doc, graphql=False)] == ["poster", "backdrop"]
    assert [v.name for v in title_videos(doc, graphql=False)] == [
        "Star Wars: Teaser Trailer",
        "Star Wars Episode IV: A New Hope - Trailer",
    ]
