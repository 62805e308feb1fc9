from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from filmmeta import Award, FilmmetaWarning, Image, Release, ValidationError, Video
from filmmeta.formats import _jsonld_extras as extras
from filmmeta.formats._omdb_parts import parse_awards

from .strategies import awards as award_values

IMDB = "/title/tt0133093/"
M = "https://m.media-amazon.com/images/M/x.jpg"


@pytest.mark.parametrize(
    ("image", "page", "expected"),
    [
        (None, IMDB, []),
        (M, IMDB, [Image(M)]),
        ([M, M, {"@type": "ImageObject", "url": M}], None, [Image(M)]),
        (
            {"@type": "ImageObject", "contentUrl": M, "width": "1000", "height": {"value": 1500}},
            None,
            [Image(M, width=1000, height=1500)],
        ),
        (
            "/images/p.jpg",
            "https://www.imdb.com/title/tt0133093/",
            [Image("https://www.imdb.com/images/p.jpg")],
        ),
        ("", IMDB, []),
    ],
)
def test_images(image: Any, page: str | None, expected: list[Image]) -> None:
    assert extras.images({"image": image}, page) == expected


def test_relative_image_of_an_unknown_page() -> None:
    with pytest.warns(FilmmetaWarning, match="relative to a page whose address is unknown"):
        assert extras.images({"image": "/p.jpg"}, "https://example.com/film") == []


@pytest.mark.parametrize(
    ("image", "path"),
    [
        ({"url": M, "width": "wide"}, "image.width"),
        ({"url": M, "height": -3}, "image.height"),
        ([5], "image[0]"),
        ({"url": "poster.jpg"}, "image"),
    ],
)
def test_images_malformed(image: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.images({"image": image}, None)
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("trailer", "page", "expected"),
    [
        (
            {
                "@type": "VideoObject",
                "name": "Theatrical Trailer",
                "embedUrl": "https://www.imdb.com/video/imdb/vi1032782617",
            },
            IMDB,
            [Video("https://www.imdb.com/video/imdb/vi1032782617", name="Theatrical Trailer")],
        ),
        (
            {
                "@type": "VideoObject",
                "name": "Spirited Away",
                "embedUrl": "/video/imdb/vi3619684633",
            },
            IMDB,
            [Video("https://www.imdb.com/video/imdb/vi3619684633", name="Spirited Away")],
        ),
        (
            {"url": "https://example.com/t", "embedUrl": "https://example.com/e"},
            None,
            [Video("https://example.com/t")],
        ),
        (
            ["https://example.com/t", "https://example.com/t"],
            None,
            [Video("https://example.com/t")],
        ),
        ({"@type": "VideoObject", "name": "No link"}, None, []),
    ],
)
def test_videos(trailer: Any, page: str | None, expected: list[Video]) -> None:
    assert extras.videos({"trailer": trailer}, page) == expected


def test_videos_malformed() -> None:
    with pytest.raises(ValidationError) as info:
        extras.videos({"trailer": {"embedUrl": "javascript:x"}}, None)
    assert info.value.errors[0][0] == "trailer.embedUrl"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "artificial reality,war with machines,simulated reality",
            ["artificial reality", "war with machines", "simulated reality"],
        ),
        (["spirit", "bathhouse", "spirit"], ["spirit", "bathhouse"]),
        # The words of a list are kept whole: only a single text is split.
        ([{"@type": "DefinedTerm", "name": "anime"}, "anime, ghibli"], ["anime", "anime, ghibli"]),
        (" , ,", []),
        (["", "a"], ["a"]),
        (None, []),
    ],
)
def test_keywords(value: Any, expected: list[str]) -> None:
    assert extras.keywords({"keywords": value}) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([{"@type": "PublicationEvent", "startDate": "1999"}], [Release(1999)]),
        (
            {
                "@type": "PublicationEvent",
                "startDate": "1999-03-31",
                "location": {"@type": "Country", "name": "USA"},
            },
            [Release("1999-03-31", country="US")],
        ),
        (
            {"@type": "PublicationEvent", "startDate": "2001", "location": "JP"},
            [Release(2001, country="JP")],
        ),
        ([{"startDate": "1999"}, {"startDate": "1999"}, {"startDate": ""}], [Release(1999)]),
    ],
)
def test_releases(value: Any, expected: list[Release]) -> None:
    assert extras.releases({"releasedEvent": value}) == expected


def test_release_in_an_unknown_place() -> None:
    with pytest.warns(FilmmetaWarning, match="'Atlantis' is not a known country"):
        found = extras.releases({"releasedEvent": {"startDate": "1999", "location": "Atlantis"}})
    assert found == [Release(1999)]


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("1999", "releasedEvent"),
        ({"startDate": "someday"}, "releasedEvent.startDate"),
        ({"startDate": 1999}, "releasedEvent.startDate"),
    ],
)
def test_releases_malformed(value: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.releases({"releasedEvent": value})
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Academy Award for Best Picture", [Award("Academy Award for Best Picture")]),
        (
            "Academy Awards; category: Best Cinematography; year: 2008; recipient: Robert Elswit",
            [
                Award(
                    "Academy Awards",
                    category="Best Cinematography",
                    year=2008,
                    recipient="Robert Elswit",
                )
            ],
        ),
        (
            "all awards; outcome: nominated; count: 32",
            [Award("all awards", outcome="nominated", count=32)],
        ),
        (
            "Won 7 Oscars. 19 wins & 32 nominations total",
            [
                Award("Academy Awards", count=7),
                Award("all awards", count=19),
                Award("all awards", outcome="nominated", count=32),
            ],
        ),
        ("Cannes; Palme d'Or", [Award("Cannes; Palme d'Or")]),  # not our parts: one name
        (["Prize", "Prize", ""], [Award("Prize")]),
    ],
)
def test_awards(value: Any, expected: list[Award]) -> None:
    assert extras.awards({"award": value}) == expected


@pytest.mark.parametrize(
    ("value", "path", "message"),
    [
        ("Oscar; year: 20080", "award", "not a year"),
        ("Oscar; count: many", "award", "expected an integer"),
        ("Oscar; outcome: lost", "award", "not an award outcome"),
        ("Won 0 Oscars.", "award", "is not an integer of 1 or more"),
        ([5], "award[0]", "expected a string"),
        ("Oscar; year: " + "1" * 50, "award.year", "too long"),
    ],
)
def test_awards_malformed(value: Any, path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.awards({"award": value})
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


def _plain(award: Award) -> bool:
    texts = [t for t in (award.name, award.category, award.recipient) if t is not None]
    # Text that JSON-LD reading changes (entities, "N/A", spaces) or that holds our
    # separator is not what to_jsonld's awards are made of.
    return (
        all(t == t.strip() and ";" not in t and "&" not in t and t != "N/A" for t in texts)
        and parse_awards(award.name) is None
    )


@given(award_values.filter(_plain))
def test_award_text_reads_back(award: Award) -> None:
    assert extras.awards({"award": extras.award_text(award)}) == [award]
