from __future__ import annotations

import decimal
from typing import Any

import pytest

from filmmeta import (
    Collection,
    ExternalIds,
    FilmmetaWarning,
    Image,
    Money,
    PartialDate,
    Release,
    Title,
    ValidationError,
    Video,
)
from filmmeta.formats import _tmdb_extras as extras
from filmmeta.formats._tmdb_parts import release_entries

from .conftest import CORPUS, NO_CORPUS, load

POSTER = "https://image.tmdb.org/t/p/original/p.jpg"


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (
            [{"iso_3166_1": "US", "title": "Die Hard 5", "type": ""}],
            [Title("Die Hard 5", region="US")],
        ),
        (
            [{"iso_3166_1": "US", "title": "Die Hard 5: A Good Day", "type": "working title"}],
            [Title("Die Hard 5: A Good Day", region="US", kind="working")],
        ),
        (
            [{"iso_3166_1": "US", "title": "Die Hard 5", "type": "informal title"}],
            [Title("Die Hard 5", region="US", note="informal title")],
        ),
        (
            [{"iso_3166_1": "JP", "title": "Ōkami", "type": "Romaji"}],
            [Title("Ōkami", region="JP", note="Romaji")],
        ),
        ([{"iso_3166_1": "", "title": "X"}, {"title": "X"}], [Title("X")]),
        ([{"iso_3166_1": "FR", "title": ""}], []),
        (
            [{"iso_3166_1": "CA", "title": "A"}, {"iso_3166_1": "CA", "title": "A"}],
            [Title("A", region="CA")],
        ),
    ],
)
def test_titles(entries: list[dict[str, Any]], expected: list[Title]) -> None:
    assert extras.titles({"id": 1, "titles": entries}, "alternative_titles") == expected


def test_absent_parts_are_empty() -> None:
    assert extras.titles(None, "a") == read_releases(None) == []


def test_titles_of_gone_regions_are_kept_without_region() -> None:
    with pytest.warns(FilmmetaWarning, match="'SU' is not a known ISO 3166-1 region"):
        found = extras.titles({"titles": [{"iso_3166_1": "SU", "title": "X"}]}, "t")
    assert found == [Title("X")]  # the title is kept, without its region


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"titles": "X"}, "alternative_titles.titles"),
        ({"titles": [{"title": 5}]}, "alternative_titles.titles[0].title"),
        ({"titles": [{"title": "X", "type": 5}]}, "alternative_titles.titles[0].type"),
        ([], "alternative_titles"),
    ],
)
def test_titles_malformed(doc: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.titles(doc, "alternative_titles")
    assert info.value.errors[0][0] == path


def read_releases(doc: Any) -> list[Release]:
    return extras.releases(*release_entries(doc, "release_dates"))


def dates(*entries: dict[str, Any], country: str = "US") -> dict[str, Any]:
    return {"id": 1, "results": [{"iso_3166_1": country, "release_dates": list(entries)}]}


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            dates(
                {
                    "release_date": "1999-09-10T00:00:00.000Z",
                    "type": 1,
                    "note": "Venice Film Festival",
                },
                country="IT",
            ),
            [Release("1999-09-10", country="IT", kind="premiere", note="Venice Film Festival")],
        ),
        (
            dates(
                {
                    "release_date": "1999-10-15T00:00:00.000Z",
                    "type": 3,
                    "note": "",
                    "certification": "R",
                },
                {"release_date": "2000-06-06T00:00:00.000Z", "type": 5, "note": "DVD"},
                {"release_date": "2000-04-01T00:00:00.000Z", "type": 6},
                {"release_date": "2000-01-01T00:00:00.000Z", "type": 4},
                {"release_date": "1999-10-01T00:00:00.000Z", "type": 2},
            ),
            [
                Release("1999-10-15", country="US", kind="theatrical"),
                Release("2000-06-06", country="US", kind="physical", note="DVD"),
                Release("2000-04-01", country="US", kind="tv"),
                Release("2000-01-01", country="US", kind="digital"),
                Release("1999-10-01", country="US", kind="limited"),
            ],
        ),
        (dates({"release_date": "", "type": 3}), []),
        (
            dates(
                {"release_date": "1999-10-15T00:00:00.000Z", "type": 3},
                {"release_date": "1999-10-15", "type": 3},
            ),
            [Release("1999-10-15", country="US")],
        ),
        (
            {
                "id": 1,
                "countries": [{"iso_3166_1": "DE", "release_date": "2013-09-19", "primary": False}],
            },
            [Release("2013-09-19", country="DE", kind="theatrical")],
        ),
        ({"results": []}, []),
        (
            dates(
                {"release_date": "1999-10-15", "type": 3, "iso_639_1": "en"},
                {"release_date": "1999-10-15", "type": 3, "iso_639_1": "fr"},
                country="CA",
            ),
            [
                Release("1999-10-15", country="CA", language="en"),
                Release("1999-10-15", country="CA", language="fr"),
            ],
        ),
    ],
)
def test_releases(doc: dict[str, Any], expected: list[Release]) -> None:
    assert read_releases(doc) == expected


@pytest.mark.parametrize(
    ("rel", "warning"),
    [
        ({"release_date": "1999-10-15", "type": None}, "a release without a type"),
        (
            {"release_date": "1999-10-15", "type": 3, "iso_639_1": "qq"},
            "'qq' is not a known language",
        ),
    ],
)
def test_releases_left_out_with_a_warning(rel: dict[str, Any], warning: str) -> None:
    with pytest.warns(FilmmetaWarning, match=warning):
        found = read_releases(dates(rel))
    assert len(found) == (0 if rel["type"] is None else 1)


def test_releases_second_note_warned() -> None:
    doc = dates(
        {"release_date": "1999-10-15", "type": 5, "note": "DVD"},
        {"release_date": "1999-10-15", "type": 5, "note": "Blu-ray"},
    )
    with pytest.warns(FilmmetaWarning, match="'Blu-ray' of a release already read with note 'DVD'"):
        found = read_releases(doc)
    assert found == [Release("1999-10-15", country="US", kind="physical", note="DVD")]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        (
            dates({"release_date": "1999-10-15", "type": 7}),
            "release_dates.results[0].release_dates[0].type",
        ),
        (
            dates({"release_date": "1999-10-15", "type": "3"}),
            "release_dates.results[0].release_dates[0].type",
        ),
        (
            dates({"release_date": "someday", "type": 3}),
            "release_dates.results[0].release_dates[0].release_date",
        ),
        (
            dates({"release_date": "1999", "type": 3, "note": 5}),
            "release_dates.results[0].release_dates[0].note",
        ),
        ({"id": 1}, "release_dates"),
        ("x", "release_dates"),
    ],
)
def test_releases_malformed(doc: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        read_releases(doc)
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (
            {
                "id": 2344,
                "name": "The Matrix Collection",
                "poster_path": "/p.jpg",
                "backdrop_path": None,
            },
            Collection("The Matrix Collection", ids=ExternalIds(tmdb=2344)),
        ),
        (
            {"id": 1, "name": "C", "overview": "Films."},
            Collection("C", ids=ExternalIds(tmdb=1), overview="Films."),
        ),
        ({"name": "C"}, Collection("C")),
        ({"id": 1, "name": ""}, None),
    ],
)
def test_collection(value: Any, expected: Collection | None) -> None:
    assert extras.collection(value, "belongs_to_collection") == expected


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("The Matrix Collection", "belongs_to_collection"),
        ({"id": "2344", "name": "C"}, "belongs_to_collection.id"),
        ({"id": 1, "name": 5}, "belongs_to_collection.name"),
    ],
)
def test_collection_malformed(value: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.collection(value, "belongs_to_collection")
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (0, None),
        (63000000, Money(decimal.Decimal(63000000), "USD")),
        (1, Money(1, "USD")),
    ],
)
def test_money(value: Any, expected: Money | None) -> None:
    assert extras.money(value, "budget") == expected


@pytest.mark.parametrize("value", [-1, 1.5e6, "63000000", True, 2**63])
def test_money_malformed(value: Any) -> None:
    with pytest.raises(ValidationError, match="budget: expected whole dollars"):
        extras.money(value, "budget")


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (None, []),
        (
            {"id": 1, "keywords": [{"id": 1, "name": "planet"}, {"id": 2, "name": "aliens"}]},
            ["planet", "aliens"],
        ),
        (
            {
                "id": 1,
                "results": [{"id": 1, "name": "space"}, {"id": 1, "name": "space"}, {"name": ""}],
            },
            ["space"],
        ),
        ({"id": 1, "keywords": []}, []),
    ],
)
def test_keywords(doc: Any, expected: list[str]) -> None:
    assert extras.keywords(doc, "keywords") == expected


def test_keywords_malformed() -> None:
    with pytest.raises(ValidationError, match=r"keywords\.keywords\[0\]\.name: expected a string"):
        extras.keywords({"keywords": [{"name": 5}]}, "keywords")


@pytest.mark.parametrize(
    ("details", "doc", "expected"),
    [
        ({}, None, []),
        ({"poster_path": "/p.jpg", "backdrop_path": ""}, None, [Image(POSTER)]),
        (
            {"poster_path": "/p.jpg", "backdrop_path": "/b.jpg"},
            {
                "backdrops": [
                    {"file_path": "/b.jpg", "width": 1920, "height": 1080, "iso_639_1": "xx"}
                ],
                "posters": [
                    {
                        "file_path": "/q.jpg",
                        "width": 1000,
                        "height": 1500,
                        "iso_639_1": "de",
                        "iso_3166_1": "DE",
                    },
                    {"file_path": "/p.jpg", "width": 2000, "height": 3000, "iso_639_1": "en"},
                ],
                "logos": [
                    {"file_path": "/l.png", "width": 0, "height": None, "iso_639_1": None},
                    {"file_path": "/q.jpg", "width": 10, "height": 15},  # seen as a poster
                ],
                "stills": [{"file_path": ""}],
            },
            [
                Image(POSTER, width=2000, height=3000, language="en"),
                Image(
                    "https://image.tmdb.org/t/p/original/b.jpg",
                    kind="backdrop",
                    width=1920,
                    height=1080,
                ),
                Image(
                    "https://image.tmdb.org/t/p/original/q.jpg",
                    width=1000,
                    height=1500,
                    language="de-DE",
                ),
                Image("https://image.tmdb.org/t/p/original/l.png", kind="logo"),
            ],
        ),
    ],
)
def test_images(details: dict[str, Any], doc: Any, expected: list[Image]) -> None:
    assert extras.images(details, doc, "images") == expected


@pytest.mark.parametrize(
    ("entry", "warning", "language"),
    [
        ({"iso_639_1": "en", "iso_3166_1": "ZZ"}, "'ZZ' is not a region of language 'en'", "en"),
        ({"iso_639_1": "qq"}, "'qq' is not a known language", None),
    ],
)
def test_image_languages_left_out(
    entry: dict[str, Any], warning: str, language: str | None
) -> None:
    with pytest.warns(FilmmetaWarning, match=warning):
        found = extras.images({}, {"posters": [{"file_path": "/p.jpg", **entry}]}, "images")
    assert [i.language for i in found] == [language]


@pytest.mark.parametrize(
    ("details", "doc", "path"),
    [
        ({"poster_path": "p.jpg"}, None, "poster_path"),
        ({"poster_path": 5}, None, "poster_path"),
        ({}, {"posters": [{"file_path": "/p.jpg", "width": "1000"}]}, "images.posters[0].width"),
        ({}, {"posters": [{"file_path": "/p.jpg", "height": -1}]}, "images.posters[0].height"),
        ({}, {"posters": {}}, "images.posters"),
        ({}, [], "images"),
    ],
)
def test_images_malformed(details: dict[str, Any], doc: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.images(details, doc, "images")
    assert info.value.errors[0][0] == path


YOUTUBE = "https://www.youtube.com/watch?v="


@pytest.mark.parametrize(
    ("doc", "legacy", "expected"),
    [
        (None, False, []),
        (
            {
                "results": [
                    {
                        "iso_639_1": "en",
                        "iso_3166_1": "US",
                        "name": "Official Trailer",
                        "key": "SUX",
                        "site": "YouTube",
                        "type": "Trailer",
                    },
                    {
                        "iso_639_1": "en",
                        "name": "Teaser",
                        "key": "123",
                        "site": "Vimeo",
                        "type": "Teaser",
                    },
                    {"name": "Bloopers", "key": "b", "site": "YouTube", "type": "Bloopers"},
                    {"key": "c", "site": "YouTube", "type": "Clip"},
                    {"key": "f", "site": "YouTube", "type": "Featurette"},
                    {"key": "", "site": "YouTube", "type": "Clip"},
                ]
            },
            False,
            [
                Video(YOUTUBE + "SUX", site="YouTube", language="en-US", name="Official Trailer"),
                Video(
                    "https://vimeo.com/123",
                    kind="teaser",
                    site="Vimeo",
                    language="en",
                    name="Teaser",
                ),
                Video(YOUTUBE + "b", kind="other", site="YouTube", name="Bloopers"),
                Video(YOUTUBE + "c", kind="clip", site="YouTube"),
                Video(YOUTUBE + "f", kind="featurette", site="YouTube"),
            ],
        ),
        (
            {
                "quicktime": [],
                "youtube": [
                    {"name": "Trailer 1", "size": "HD", "source": "zH3O-CeZckE", "type": "Trailer"}
                ],
            },
            True,
            [Video(YOUTUBE + "zH3O-CeZckE", site="YouTube", name="Trailer 1")],
        ),
        (
            {"results": [{"key": "a b?", "site": "YouTube"}]},
            False,
            [Video(YOUTUBE + "a%20b%3F", kind="other", site="YouTube")],
        ),
    ],
)
def test_videos(doc: Any, legacy: bool, expected: list[Video]) -> None:
    assert extras.videos(doc, "videos", legacy=legacy) == expected


@pytest.mark.parametrize(
    ("doc", "legacy", "warning"),
    [
        (
            {"results": [{"key": "x", "site": "Dailymotion"}]},
            False,
            "videos on 'Dailymotion' have no known address",
        ),
        ({"quicktime": [{"name": "T", "sources": []}], "youtube": []}, True, "a QuickTime trailer"),
    ],
)
def test_videos_left_out(doc: Any, legacy: bool, warning: str) -> None:
    with pytest.warns(FilmmetaWarning, match=warning):
        assert extras.videos(doc, "videos", legacy=legacy) == []


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"results": [{"key": 5, "site": "YouTube"}]}, "videos.results[0].key"),
        ({"results": [{"key": "k", "site": "YouTube", "name": 1}]}, "videos.results[0].name"),
        ({"results": "x"}, "videos.results"),
    ],
)
def test_videos_malformed(doc: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        extras.videos(doc, "videos")
    assert info.value.errors[0][0] == path


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_riddick_parts() -> None:
    doc = load(CORPUS / "tmdb" / "php-tmdb_movie_all_riddick.json")
    assert Title("Riddick: Domptez les ténèbres", region="FR") in extras.titles(
        doc["alternative_titles"], "a"
    )
    found = read_releases(doc["release_dates"])
    assert Release("2013-11-28", country="KR") in found
    assert extras.collection(doc["belongs_to_collection"], "c") == Collection(
        "The Chronicles of Riddick Collection", ids=ExternalIds(tmdb=2794)
    )
    assert (extras.money(doc["budget"], "b"), extras.money(doc["revenue"], "r")) == (
        Money(38000000, "USD"),
        Money(42025135, "USD"),
    )
    assert extras.keywords(doc["keywords"], "k") == ["planet", "aliens", "revenge", "riddick"]
    images = extras.images(doc, doc["images"], "images")
    assert images[0].url.endswith(doc["poster_path"])
    assert len({i.url for i in images}) == len(images) > 10
    videos = extras.videos(doc["trailers"], "trailers", legacy=True)
    assert [v.name for v in videos] == ["Trailer 1", "Red Band"]
    assert PartialDate(2013) <= found[0].date
