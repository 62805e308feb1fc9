"""schema.org JSON-LD: reading Movie blocks (IMDb 2018 and 2022+) and writing them."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import json
import re
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmmeta
from filmmeta import (
    Award,
    AwardOutcome,
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    FilmmetaError,
    FilmmetaWarning,
    Image,
    Offer,
    Rating,
    Release,
    Title,
    UnsupportedDocumentError,
    ValidationError,
    Video,
)
from filmmeta._model.certification_systems import SYSTEMS
from filmmeta.formats._common import unique
from filmmeta.formats._omdb_parts import parse_awards
from filmmeta.formats.schemaorg import from_jsonld, to_jsonld

from . import conftest, strategies
from .conftest import CORPUS, NO_CORPUS

fixture = functools.partial(conftest.fixture, "jsonld")


def movie(**fields: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "Movie", "name": "Backstage", **fields}


def read(doc: Any, **kwargs: Any) -> Film:
    return from_jsonld(doc, **kwargs)


def error_paths(doc: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(ValidationError) as info:
        from_jsonld(doc, **kwargs)
    return [path for path, _ in info.value.errors]


# -- the fixtures, one mapping rule at a time --------------------------------------------------


def test_2018_page_with_strings() -> None:
    film = read(fixture("legacy_strings"))
    assert film == Film(
        "Backstage",
        release_date="2000-11-07",
        runtime=86,
        content_ratings=[ContentRating("R", country="US")],
        genres=["Drama"],
        summary="A documentary about a hip-hop tour.",
        credits=[
            Credit("Chris Fiore", "director"),
            Credit("Dana Writer", "writer"),
            Credit("Ann Actor", "actor"),
            Credit("Bob Actor", "actor"),
        ],
        ratings=[Rating("imdb", 5.7, votes=347)],
        ids=ExternalIds(imdb="tt0234567"),
    )


def test_2022_page_with_entities() -> None:
    film = read(fixture("entities_2022"))
    assert film.title == "The Man & the Woman"
    assert film.original_title == 'L\'homme & la "femme"'
    assert film.summary == 'It\'s a "love" story.'
    assert film.credited("director") == ("Marie O'Neil",)
    assert film.credited("writer") == ("Marie O'Neil",)
    assert film.credited("actor") == ("Jean D'Arc",)
    assert film.runtime == dt.timedelta(hours=2)
    assert film.content_rating("US") == ContentRating("Not Rated", country="US")
    assert film.rating("imdb") == Rating("imdb", 6.6, votes=1200)


def test_creative_work_is_a_movie_without_duration() -> None:
    film = read(fixture("creative_work"))
    assert film.kind is FilmKind.MOVIE
    assert film.runtime is None
    assert film.rating("imdb") == Rating("imdb", 7.3, votes=15954)
    assert film.credited("director") == ("Pat Director",)


def test_minimal_block() -> None:
    assert read(fixture("minimal")) == Film("Quality Time", ids=ExternalIds(imdb="tt0567890"))


def test_graph_picks_the_movie_and_reads_ids_languages_countries() -> None:
    with pytest.warns(FilmmetaWarning, match="pass rating_source"):
        film = read(fixture("graph"))
    assert film.ids == ExternalIds(imdb="tt0234567", tmdb=47964, wikidata="Q4839468")
    assert film.languages == ("en", "fr")
    assert film.countries == ("US",)
    assert film.release_date == filmmeta.PartialDate(2000)
    assert film.runtime == dt.timedelta(minutes=86)
    assert film.ratings == ()
    # With the source named, schema.org's default scale (1..5) applies to an unknown one.
    film = read(fixture("graph"), rating_source="films_example")
    assert film.ratings == (Rating("films_example", 3.5, votes=12, best=5, worst=1),)


def test_offers() -> None:
    film = read(fixture("offers"))
    assert film.offers == (
        Offer(
            "Apple TV",
            "rent",
            region="US",
            price="3.99",
            currency="USD",
            url="https://tv.apple.com/movie/backstage?a=1&b=2",
        ),
        Offer("Google Play", "buy", region="DE", price="9.99", currency="EUR"),
        Offer("Google Play", "buy", region="FR", price="9.99", currency="EUR"),
        Offer("Netflix", "subscription", region="GB"),
        Offer("Tubi", "free", price="0", currency="USD"),
    )
    assert film.offers[1].price == decimal.Decimal("9.99")


def test_performance_roles_producers_composers_and_skipped_entries() -> None:
    film = read(fixture("roles"))
    assert film.credits == (
        Credit("Ann Actor", "actor", character="Herself"),
        Credit("Bob Actor", "actor"),
        Credit("Pam Producer", "producer"),
        Credit("Carl Composer", "composer"),
        Credit("The Band", "composer"),
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [("tv_series", "only TVSeries"), ("two_movies", "2 Movie nodes")],
)
def test_unsupported_fixtures(name: str, message: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=message):
        read(fixture(name))


# -- the text around the JSON ------------------------------------------------------------------

BODY = json.dumps(movie(duration="PT1H26M"))


TEXT_FORMS = {
    "json": BODY,
    "spaces": f"  \n{BODY}\n ",
    "cdata-comment": f"//<![CDATA[\n{BODY}\n//]]>",
    "cdata-comment-spaced": f"// <![CDATA[\n{BODY}\n// ]]>",
    "cdata": f"<![CDATA[{BODY}]]>",
    "cdata-block-comment": f"/*<![CDATA[*/{BODY}/*]]>*/",
    "script": f'<script type="application/ld+json">{BODY}</script>',
    "script-cdata": f'<SCRIPT type="application/ld+json">//<![CDATA[\n{BODY}\n//]]></SCRIPT>',
    "bytes": BODY.encode(),
    "bytes-bom": "\ufeff".encode() + BODY.encode(),
}


@pytest.mark.parametrize("text", TEXT_FORMS.values(), ids=TEXT_FORMS.keys())
def test_text_forms(text: str | bytes) -> None:
    assert read(text) == Film("Backstage", runtime=86)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        ("<![CDATA[ {] ]]>", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_text_that_is_not_json(text: str | bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read(text)


# -- finding the film node ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        movie(),
        [movie()],
        [{"@type": "BreadcrumbList"}, movie(), 3],
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, movie()]},
        {"@type": "WebPage", "mainEntity": movie()},
        movie(**{"@type": "schema:Movie"}),
        movie(**{"@type": "http://schema.org/Movie"}),
        movie(**{"@type": ["Thing", "Movie"]}),
        [movie(), {"@type": "CreativeWork", "name": "A review"}],  # Movie wins
    ],
)
def test_film_node(doc: Any) -> None:
    assert read(doc).title == "Backstage"


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (movie(**{"@type": "TVSeries"}), "TVSeries"),
        (movie(**{"@type": "TVEpisode"}), "TVEpisode"),
        ({"name": "Backstage"}, "no typed node"),
        ([], "no typed node"),
        ({"@graph": []}, "no typed node"),
        ([movie(), movie(name="Frontstage")], "2 Movie nodes"),
        ([{"@type": "CreativeWork", "name": "a"}, {"@type": "CreativeWork", "name": "b"}], "2"),
    ],
)
def test_no_single_film_node(doc: Any, message: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=message):
        read(doc)


@pytest.mark.parametrize("doc", [None, 3, 2.5, True, "null", '"Movie"'])
def test_not_an_object(doc: Any) -> None:
    with pytest.raises(ValidationError, match="expected a JSON-LD object"):
        read(doc)


# -- field by field ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({}, "original_title", None),
        ({"alternateName": "The Stage"}, "title", "The Stage"),
        ({"alternateName": "The Stage"}, "original_title", "Backstage"),
        ({"alternateName": "Backstage"}, "original_title", None),
        ({"alternateName": ["The Stage", "The Stage"]}, "title", "The Stage"),
        ({"alternateName": []}, "title", "Backstage"),
        ({"name": None, "alternateName": "The Stage"}, "original_title", None),
        ({"name": "  L&apos;immortel "}, "title", "L'immortel"),
        ({"name": "Tom &amp; Jerry &#38; Co &#x27;s"}, "title", "Tom & Jerry & Co 's"),
        ({"genre": "Drama"}, "genres", ("Drama",)),
        ({"genre": ["Drama", "Sci-Fi", "Drama", ""]}, "genres", ("Drama", "Science Fiction")),
        ({"genre": "Rock &amp; Roll"}, "genres", ("Rock & Roll",)),
        ({"inLanguage": "en"}, "languages", ("en",)),
        ({"inLanguage": ["en-US", "Mandarin"]}, "languages", ("en-US", "cmn")),
        ({"inLanguage": {"@type": "Language", "name": "English"}}, "languages", ("en",)),
        ({"countryOfOrigin": "USA"}, "countries", ("US",)),
        ({"countryOfOrigin": [{"@type": "Country", "name": "GB"}]}, "countries", ("GB",)),
        ({"description": " It&apos;s good. "}, "summary", "It's good."),
        ({"description": ""}, "summary", None),
        ({"duration": "PT2H"}, "runtime", dt.timedelta(hours=2)),
        ({"duration": "PT1H30M"}, "runtime", dt.timedelta(minutes=90)),
        ({"duration": None}, "runtime", None),
        ({"datePublished": "1999-03-31"}, "release_date", filmmeta.PartialDate(1999, 3, 31)),
        ({"datePublished": "1999-03"}, "release_date", filmmeta.PartialDate(1999, 3)),
        ({"datePublished": "2008-12-19T07:12:53Z"}, "year", 2008),
        ({"url": "/title/tt0133093/"}, "ids", ExternalIds(imdb="tt0133093")),
        (
            {"url": "https://m.imdb.com/title/tt0133093/?ref_=x"},
            "ids",
            ExternalIds(imdb="tt0133093"),
        ),
        ({"url": "https://example.com/title/tt0133093/"}, "ids", ExternalIds()),
        ({"@id": "https://www.imdb.com/title/tt10872600/"}, "ids", ExternalIds(imdb="tt10872600")),
        (
            {"sameAs": "https://letterboxd.com/film/backstage-2000/"},
            "ids",
            ExternalIds(letterboxd="backstage-2000"),
        ),
        (
            {"sameAs": ["https://www.metacritic.com/movie/backstage"]},
            "ids",
            ExternalIds(metacritic="backstage"),
        ),
        (
            {"sameAs": "https://www.rottentomatoes.com/m/backstage/"},
            "ids",
            ExternalIds(rotten_tomatoes="m/backstage"),
        ),
        ({"contentRating": "PG-13"}, "content_ratings", (ContentRating("PG-13", country="US"),)),
        ({"contentRating": "Rated R"}, "content_ratings", (ContentRating("R", country="US"),)),
        (
            {"contentRating": "TV-14"},
            "content_ratings",
            (ContentRating("TV-14", country="US", system="US TV"),),
        ),
        (
            {"contentRating": "Not Rated"},
            "content_ratings",
            (ContentRating("Not Rated", country="US"),),
        ),
        (
            {"contentRating": {"@type": "Rating", "name": "PG"}},
            "content_ratings",
            (ContentRating("PG", country="US"),),
        ),
        ({"contentRating": ["G"]}, "content_ratings", (ContentRating("G", country="US"),)),
        ({"contentRating": ""}, "content_ratings", ()),
        ({"director": "Chris Fiore"}, "credits", (Credit("Chris Fiore", "director"),)),
        (
            {"director": {"@type": "Person", "name": "Chris Fiore"}},
            "credits",
            (Credit("Chris Fiore", "director"),),
        ),
        ({"director": [{"@type": "Person", "url": "/name/nm1/"}]}, "credits", ()),
        ({"creator": {"@type": "Organization", "url": "/company/co1/"}}, "credits", ()),
        ({"creator": {"@type": "Organization", "name": "Pixar"}}, "credits", ()),
        ({"actor": None}, "credits", ()),
        # Letterboxd writes schema.org's superseded plurals.
        ({"actors": [{"@type": "Person", "name": "A"}]}, "credits", (Credit("A", "actor"),)),
        (
            {"directors": "B", "director": "C"},
            "credits",
            (Credit("C", "director"), Credit("B", "director")),
        ),
        # One credit per person and role, with every character (issue 12).
        ({"creator": ["A", "B", "A"]}, "credits", (Credit("A", "writer"), Credit("B", "writer"))),
        ({"director": "A", "directors": ["A"]}, "credits", (Credit("A", "director"),)),
        (
            {
                "actor": [
                    {"@type": "PerformanceRole", "actor": "A", "characterName": "X"},
                    {"@type": "PerformanceRole", "actor": "A", "characterName": "Y"},
                    {"@type": "PerformanceRole", "actor": "A", "characterName": "X"},
                    "A",
                ]
            },
            "credits",
            (Credit("A", "actor", character="X / Y"),),
        ),
        (
            {"actor": ["A", {"@type": "PerformanceRole", "actor": "A", "characterName": "X"}]},
            "credits",
            (Credit("A", "actor", character="X"),),
        ),
        # Model 2: image, trailer, keywords, releasedEvent, award, titleEIDR, more titles.
        ({"image": "https://example.com/p.jpg"}, "images", (Image("https://example.com/p.jpg"),)),
        (
            {
                "trailer": {"@type": "VideoObject", "embedUrl": "/video/imdb/vi1", "name": "T"},
                "url": "/title/tt0133093/",
            },
            "videos",
            (Video("https://www.imdb.com/video/imdb/vi1", name="T"),),
        ),
        ({"keywords": "spirit,bathhouse"}, "keywords", ("spirit", "bathhouse")),
        ({"keywords": ["war, peace"]}, "keywords", ("war, peace",)),
        (
            {
                "releasedEvent": [
                    {"@type": "PublicationEvent", "startDate": "1999", "location": {"name": "US"}}
                ]
            },
            "releases",
            (Release(1999, country="US"),),
        ),
        (
            {"releasedEvent": {"startDate": "1999-03-31"}},
            "release_date",
            filmmeta.PartialDate(1999, 3, 31),
        ),
        ({"releasedEvent": {"startDate": "2001"}, "datePublished": "1999"}, "year", 1999),
        ({"award": "Academy Awards; year: 2000"}, "awards", (Award("Academy Awards", year=2000),)),
        (
            {"titleEIDR": "10.5240/7791-8534-2C23-9030-8610-5"},
            "ids",
            ExternalIds(other={"eidr": "10.5240/7791-8534-2C23-9030-8610-5"}),
        ),
        ({"alternateName": ["The Stage", "Stage"]}, "titles", (Title("Stage"),)),
        ({"name": ["Backstage", "Back Stage"]}, "titles", (Title("Back Stage"),)),
        ({"alternateName": ["The Stage", "Backstage"]}, "titles", ()),
        # Any property may be a list: one that the model holds once reads its first value.
        ({"name": ["Backstage"]}, "title", "Backstage"),
        ({"description": ["Good."]}, "summary", "Good."),
        ({"datePublished": ["2000-11-07"]}, "year", 2000),
        ({"duration": ["PT86M"]}, "runtime", dt.timedelta(minutes=86)),
        ({"url": ["/title/tt0133093/"]}, "ids", ExternalIds(imdb="tt0133093")),
        ({"description": []}, "summary", None),
    ],
)
def test_fields(fields: dict[str, Any], attribute: str, expected: Any) -> None:
    assert getattr(read(movie(**fields)), attribute) == expected


@pytest.mark.parametrize(
    ("fields", "attribute", "expected", "left_out"),
    [
        (
            {"contentRating": ["G", "PG"]},
            "content_ratings",
            (ContentRating("G", country="US"),),
            "['PG']",
        ),
        ({"description": ["One.", "Two."]}, "summary", "One.", "['Two.']"),
        (
            {"aggregateRating": [{"ratingValue": 5}, {"ratingValue": 6}]},
            "ratings",
            (filmmeta.Rating("imdb", 5),),
            "ratingValue",
        ),
    ],
)
def test_lists_where_the_model_holds_one_value(
    fields: dict[str, Any], attribute: str, expected: Any, left_out: str
) -> None:
    with pytest.warns(FilmmetaWarning, match=re.escape(left_out)) as caught:
        film = read(movie(url=IMDB, **fields))
    assert getattr(film, attribute) == expected
    assert len(caught) == 1
    assert "of which the model keeps one: the first is read" in str(caught[0].message)


@pytest.mark.parametrize(
    ("country", "code", "expected"),
    [
        ("GB", "15", ContentRating("15", country="GB")),
        ("DE", "FSK 16", ContentRating("16", country="DE")),
    ],
)
def test_content_rating_country(country: str, code: str, expected: ContentRating) -> None:
    assert read(movie(contentRating=code), country=country).content_ratings == (expected,)


@pytest.mark.parametrize(
    ("fields", "warning"),
    [
        ({"inLanguage": ["English", "Elvish"]}, "'Elvish' is not a known language"),
        ({"countryOfOrigin": "Soviet Union"}, "'Soviet Union' is not a known country"),
    ],
)
def test_unknown_names_are_left_out_with_a_warning(fields: dict[str, Any], warning: str) -> None:
    with pytest.warns(FilmmetaWarning, match=warning):
        film = read(movie(**fields))
    assert film.countries == ()
    assert film.languages in {(), ("en",)}


# -- aggregateRating ---------------------------------------------------------------------------

IMDB = "/title/tt0133093/"


def agg(**fields: Any) -> dict[str, Any]:
    return {"@type": "AggregateRating", **fields}


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        (
            agg(ratingValue="8.6", bestRating="10.0", worstRating="1.0", ratingCount=10),
            Rating("imdb", 8.6, votes=10),
        ),
        (
            agg(ratingValue=8.6, bestRating=10, worstRating=1, ratingCount=10),
            Rating("imdb", 8.6, votes=10),
        ),
        (agg(ratingValue="10", bestRating="10"), Rating("imdb", 10)),
        (agg(ratingValue=" 7 ", ratingCount="1,234"), Rating("imdb", 7, votes=1234)),
        (agg(ratingValue=7.0, ratingCount=12.0), Rating("imdb", 7, votes=12)),
        (agg(ratingValue=7.5, reviewCount=3), Rating("imdb", 7.5, votes=3)),
        # The registry's scale wins over the page's worstRating.
        (agg(ratingValue=7.5, worstRating=0), Rating("imdb", 7.5)),
    ],
)
def test_rating_values(rating: dict[str, Any], expected: Rating) -> None:
    assert read(movie(url=IMDB, aggregateRating=rating)).ratings == (expected,)


@pytest.mark.parametrize(
    ("url", "author", "given", "expected"),
    [
        ("/title/tt0133093/", None, None, "imdb"),
        ("https://www.imdb.com/title/tt0133093/", None, None, "imdb"),
        ("https://m.imdb.com/title/tt0133093/", None, None, "imdb"),
        ("https://letterboxd.com/film/the-matrix/", None, None, "letterboxd"),
        ("https://www.rottentomatoes.com/m/the_matrix", None, None, "rotten_tomatoes"),
        ("https://www.metacritic.com/movie/the-matrix", None, None, "metacritic"),
        (None, "IMDb", None, "imdb"),
        (None, {"@type": "Organization", "name": "Letterboxd"}, None, "letterboxd"),
        ("/title/tt0133093/", "tmdb", None, "tmdb"),
        ("/title/tt0133093/", None, "tmdb", "tmdb"),
        ("https://example.com/x", "Someone", "trakt", "trakt"),
    ],
)
def test_rating_source(url: str | None, author: Any, given: str | None, expected: str) -> None:
    rating = agg(ratingValue=4.0, ratingCount=5) | ({"author": author} if author else {})
    fields = {"aggregateRating": rating} | ({"url": url} if url else {})
    film = read(movie(**fields), rating_source=given)
    assert [r.source for r in film.ratings] == [expected]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "cannot be told from the page"),
        ({"url": "https://example.com/films/1"}, "cannot be told from the page"),
        ({"url": IMDB, "author": "Some Blog"}, "'Some Blog' is no known rating source"),
    ],
)
def test_rating_without_source_is_left_out(fields: dict[str, Any], message: str) -> None:
    author = {"author": fields.pop("author")} if "author" in fields else {}
    doc = movie(aggregateRating=agg(ratingValue=4, **author), **fields)
    with pytest.warns(FilmmetaWarning, match=message):
        assert read(doc).ratings == ()


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        (agg(ratingValue=4), Rating("blog", 4, best=5, worst=1)),
        (
            agg(ratingValue="80", bestRating="100", worstRating="0"),
            Rating("blog", 80, best=100, worst=0),
        ),
        (agg(ratingValue=0.5, worstRating=0.5), Rating("blog", 0.5, best=5, worst=0.5)),
    ],
)
def test_unknown_source_takes_schemaorg_defaults(rating: dict[str, Any], expected: Rating) -> None:
    assert read(movie(aggregateRating=rating), rating_source="blog").ratings == (expected,)


# -- malformed values: the error names the JSON-LD path ----------------------------------------


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"name": None}, "name"),
        ({"name": "  "}, "name"),
        ({"name": 1776}, "name"),
        ({"alternateName": [3]}, "alternateName[0]"),
        ({"duration": "soon"}, "duration"),
        ({"duration": "P30M"}, "duration"),
        ({"duration": 86}, "duration"),
        ({"datePublished": "someday"}, "datePublished"),
        ({"datePublished": "2001-02-30"}, "datePublished"),
        ({"genre": ["Drama", 7]}, "genre[1]"),
        ({"description": {"text": "x"}}, "description"),
        ({"director": 7}, "director"),
        ({"actor": [{"@type": "Person", "name": 7}]}, "actor[0].name"),
        ({"actor": [{"@type": "PerformanceRole", "actor": 7}]}, "actor[0].actor"),
        ({"url": 7}, "url"),
        ({"sameAs": [7]}, "sameAs[0]"),
        ({"inLanguage": [7]}, "inLanguage[0]"),
        ({"contentRating": "R" * 41}, "contentRating"),
        ({"contentRating": 17}, "contentRating"),
        ({"aggregateRating": [agg(ratingValue="high")]}, "aggregateRating[0].ratingValue"),
        ({"aggregateRating": [5]}, "aggregateRating[0]"),
        ({"datePublished": ["someday"]}, "datePublished[0]"),
        ({"aggregateRating": agg()}, "aggregateRating.ratingValue"),
        ({"aggregateRating": agg(ratingValue="high")}, "aggregateRating.ratingValue"),
        ({"aggregateRating": agg(ratingValue=True)}, "aggregateRating.ratingValue"),
        ({"aggregateRating": agg(ratingValue=11)}, "aggregateRating.ratingValue"),
        ({"aggregateRating": agg(ratingValue="NaN")}, "aggregateRating.ratingValue"),
        ({"aggregateRating": agg(ratingValue=10**400)}, "aggregateRating.ratingValue"),
        ({"aggregateRating": agg(ratingValue=5, bestRating=5)}, "aggregateRating.bestRating"),
        ({"aggregateRating": agg(ratingValue=5, bestRating="ten")}, "aggregateRating.bestRating"),
        ({"aggregateRating": agg(ratingValue=5, ratingCount=-1)}, "aggregateRating.ratingCount"),
        (
            {"aggregateRating": agg(ratingValue=5, ratingCount="many")},
            "aggregateRating.ratingCount",
        ),
        ({"aggregateRating": agg(ratingValue=5, ratingCount=2.5)}, "aggregateRating.ratingCount"),
        ({"offers": 7}, "offers"),
        ({"offers": [{"category": "rent", "seller": "A", "price": "$3"}]}, "offers[0].price"),
        (
            {"offers": [{"category": "rent", "seller": "A", "price": -1, "priceCurrency": "USD"}]},
            "offers[0].price",
        ),
        ({"offers": [{"category": "rent", "seller": "A", "price": [1]}]}, "offers[0].price"),
        ({"offers": {"category": "rent", "seller": "A", "price": 3}}, "offers.priceCurrency"),
        (
            {"offers": [{"category": "rent", "seller": "A", "price": 3, "priceCurrency": "usd"}]},
            "offers[0].priceCurrency",
        ),
        ({"offers": [{"category": "rent", "seller": "A", "url": "/watch/1"}]}, "offers[0].url"),
        ({"offers": [{"category": "rent", "seller": {"name": 5}}]}, "offers[0].seller.name"),
        ({"offers": [{"category": 5, "seller": "A"}]}, "offers[0].category"),
    ],
)
def test_malformed_values(fields: dict[str, Any], path: str) -> None:
    assert error_paths(movie(**{"url": IMDB, **fields})) == [path]


@pytest.mark.parametrize("country", ["USA", "us", None, ["US"]])
def test_invalid_country_is_reported_as_the_argument(country: Any) -> None:
    assert error_paths(movie(), country=country) == ["country"]


def test_invalid_rating_source_is_reported_as_the_argument() -> None:
    doc = movie(aggregateRating=agg(ratingValue=5))
    assert error_paths(doc, rating_source="Not A Source") == ["rating_source"]


@pytest.mark.parametrize(
    ("offer", "message"),
    [
        ({"category": "rent"}, "no seller"),
        ({"seller": "Apple TV"}, "no category"),
        ({"seller": "Apple TV", "category": "lease"}, "'lease' is not an offer type"),
    ],
)
def test_offers_that_cannot_be_mapped_are_left_out(offer: dict[str, Any], message: str) -> None:
    with pytest.warns(FilmmetaWarning, match=message):
        assert read(movie(offers=offer)).offers == ()


@pytest.mark.parametrize(
    ("category", "kind"),
    [
        ("rent", "rent"),
        ("Rental", "rent"),
        ("buy", "buy"),
        ("purchase", "buy"),
        ("subscription", "subscription"),
        ("flatrate", "subscription"),
        ("free", "free"),
        ("ads", "ads"),
        ("cinema", "cinema"),
    ],
)
def test_offer_categories(category: str, kind: str) -> None:
    film = read(movie(offers={"@type": "Offer", "category": category, "seller": "X"}))
    assert film.offers == (Offer("X", kind),)


def test_offer_region_unknown_is_left_out_with_a_warning() -> None:
    doc = movie(offers={"category": "rent", "seller": "X", "eligibleRegion": "Narnia"})
    with pytest.warns(FilmmetaWarning, match="'Narnia' is not a known country"):
        assert read(doc).offers == (Offer("X", "rent"),)


# -- writing -----------------------------------------------------------------------------------


def test_to_jsonld_writes_a_movie() -> None:
    film = Film(
        "22 Bullets",
        original_title="L'immortel",
        release_date="2010-03-24",
        runtime=117,
        content_ratings=[ContentRating("16", country="DE"), ContentRating("R", country="US")],
        genres=["Action"],
        languages=["fr"],
        countries=["FR"],
        summary="A retired mobster & his revenge.",
        credits=[
            Credit("Richard Berry", "director"),
            Credit("Jean Reno", "actor", character="Charly Mattei"),
            Credit("Kad Merad", "actor"),
            Credit("Someone", "self"),
        ],
        ratings=[Rating("metacritic", 60), Rating("imdb", 6.6, votes=35051)],
        offers=[Offer("Apple TV", "rent", region="US", price="3.99", currency="USD", quality="hd")],
        ids=ExternalIds(imdb="tt1167638", tmdb=1234),
    )
    assert to_jsonld(film) == {
        "@context": "https://schema.org",
        "@type": "Movie",
        "url": "https://www.imdb.com/title/tt1167638/",
        "name": "L'immortel",
        "alternateName": "22 Bullets",
        "sameAs": ["https://www.themoviedb.org/movie/1234"],
        "genre": ["Action"],
        "contentRating": "R",
        "director": [{"@type": "Person", "name": "Richard Berry"}],
        "actor": [
            {
                "@type": "PerformanceRole",
                "actor": {"@type": "Person", "name": "Jean Reno"},
                "characterName": "Charly Mattei",
            },
            {"@type": "Person", "name": "Kad Merad"},
        ],
        "description": "A retired mobster & his revenge.",
        "datePublished": "2010-03-24",
        "inLanguage": "fr",
        "countryOfOrigin": [{"@type": "Country", "name": "FR"}],
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": 6.6,
            "bestRating": 10,
            "worstRating": 1,
            "ratingCount": 35051,
            "author": {"@type": "Organization", "name": "IMDb"},
        },
        "duration": "PT1H57M",
        "offers": [
            {
                "@type": "Offer",
                "category": "rent",
                "seller": {"@type": "Organization", "name": "Apple TV"},
                "price": "3.99",
                "priceCurrency": "USD",
                "eligibleRegion": "US",
            }
        ],
    }


def test_to_jsonld_minimal_and_json_serialisable() -> None:
    doc = to_jsonld(Film("Backstage"))
    assert doc == {"@context": "https://schema.org", "@type": "Movie", "name": "Backstage"}
    assert json.loads(json.dumps(doc)) == doc


@pytest.mark.parametrize(
    ("ratings", "source", "expected"),
    [
        ([Rating("metacritic", 29), Rating("imdb", 5.7, votes=347)], None, "imdb"),
        ([Rating("imdb", 5.7, votes=3), Rating("tmdb", 6.0, votes=3)], None, "imdb"),
        ([Rating("tmdb", 6.0, votes=3), Rating("imdb", 5.7, votes=3)], None, "tmdb"),
        ([Rating("metacritic", 29), Rating("rotten_tomatoes", 45)], None, "metacritic"),
        ([Rating("metacritic", 29), Rating("imdb", 5.7, votes=347)], "metacritic", "metacritic"),
        ([Rating("imdb", 5.7, votes=347)], "metacritic", None),
        ([], None, None),
    ],
)
def test_to_jsonld_picks_one_rating(
    ratings: list[Rating], source: str | None, expected: str | None
) -> None:
    doc = to_jsonld(Film("Backstage", ratings=ratings), rating_source=source)
    if expected is None:
        assert "aggregateRating" not in doc
    else:
        written = doc["aggregateRating"]
        rating = next(r for r in ratings if r.source == expected)
        assert written["ratingValue"] == rating.value
        assert (written["bestRating"], written["worstRating"]) == (rating.best, rating.worst)
        assert written["author"]["name"] == rating.display_name


def test_to_jsonld_content_rating_falls_back_to_the_first() -> None:
    film = Film(
        "Backstage",
        content_ratings=[ContentRating("15", country="GB"), ContentRating("16", country="DE")],
    )
    assert to_jsonld(film)["contentRating"] == "15"


def test_to_jsonld_several_languages_are_a_list() -> None:
    assert to_jsonld(Film("Backstage", languages=["en", "fr"]))["inLanguage"] == ["en", "fr"]


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ("Tom & Jerry", "Tom & Jerry"),
        ("AT&T", "AT&T"),
        ("Fish &amp; Chips", "Fish &amp;amp; Chips"),
        ("&copy 1999", "&amp;copy 1999"),
    ],
)
def test_to_jsonld_escapes_only_what_would_be_unescaped(title: str, written: str) -> None:
    doc = to_jsonld(Film(title))
    assert doc["name"] == written
    assert from_jsonld(doc).title == title


def test_to_jsonld_url_with_an_entity_reads_back() -> None:
    film = Film("X", offers=[Offer("A", "rent", url="https://a.example/?x=1&amp;y=2&copy=3")])
    assert from_jsonld(to_jsonld(film)) == film


def test_to_jsonld_leaves_out_ids_it_cannot_link() -> None:
    film = Film("X", ids=ExternalIds(letterboxd="a/b", justwatch=7, metacritic="ok"))
    assert to_jsonld(film)["sameAs"] == ["https://www.metacritic.com/movie/ok"]


def test_to_jsonld_rejects_other_values() -> None:
    with pytest.raises(ValidationError, match="expected a Film"):
        to_jsonld({"title": "Backstage"})  # type: ignore[arg-type]


# -- properties --------------------------------------------------------------------------------

_NULLS = {"N/A"}
clean = strategies.text.map(str.strip).filter(lambda s: bool(s) and s not in _NULLS)
CARRIED_ROLES = ("director", "writer", "actor", "producer", "composer")


@st.composite
def carried_content_ratings(draw: st.DrawFn) -> list[ContentRating]:
    if draw(st.booleans()):
        return []
    system = draw(st.sampled_from(sorted(SYSTEMS.values(), key=lambda s: s.name)))
    code = draw(st.sampled_from(system.codes) | st.just("Not Rated"))
    return [ContentRating.parse(code, country=system.country)]


@st.composite
def carried_credits(draw: st.DrawFn) -> list[Credit]:
    found = draw(
        st.lists(
            st.builds(Credit, clean, st.sampled_from(CARRIED_ROLES), character=st.none() | clean),
            max_size=5,
            unique_by=lambda c: (c.name, c.role),  # JSON-LD holds a person once a role
        )
    )
    return sorted(found, key=lambda c: CARRIED_ROLES.index(c.role))  # to_jsonld's order


# Model 2's terms of an offer: to_jsonld does not write them yet.
_NO_TERMS: dict[str, Any] = dict.fromkeys(("available_from", "available_until")) | dict.fromkeys(
    ("audio_languages", "subtitle_languages", "features"), ()
)
carried_ids = st.builds(
    ExternalIds,
    imdb=st.none() | st.from_regex(r"tt[0-9]{7,9}", fullmatch=True),
    tmdb=st.none() | st.integers(1, 10**9),
    wikidata=st.none() | st.from_regex(r"Q[1-9][0-9]{0,8}", fullmatch=True),
    letterboxd=st.none() | st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
    metacritic=st.none() | st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
    rotten_tomatoes=st.none() | st.from_regex(r"m/[a-z0-9_]{1,20}", fullmatch=True),
)
carried_offers = strategies.offers().map(
    lambda o: attrs.evolve(o, quality=None, provider=o.provider.strip() or "X", **_NO_TERMS)
)


carried_images = strategies.images.map(lambda i: attrs.evolve(i, kind="poster", language=None))
carried_videos = strategies.videos.map(
    lambda v: Video(v.url, name=(v.name and v.name.strip()) or None)
)
carried_releases = st.builds(
    Release, strategies.partial_dates(), country=st.none() | st.sampled_from(strategies.REGIONS)
)
carried_awards = st.builds(
    Award,
    clean.filter(lambda t: ";" not in t and parse_awards(t) is None),
    category=st.none() | clean.filter(lambda t: ";" not in t),
    year=st.none() | st.integers(1, 9999),
    outcome=st.sampled_from(AwardOutcome),
    count=st.integers(1, 100),
)


@st.composite
def carried_films(draw: st.DrawFn) -> Film:
    """Films that hold only what a schema.org Movie carries."""
    title = draw(clean)
    original = draw(st.none() | clean.filter(lambda t: t != title))
    film = Film(
        title,
        original_title=original,
        release_date=draw(st.none() | strategies.partial_dates()),
        runtime=draw(st.none() | strategies.runtimes),
        content_ratings=draw(carried_content_ratings()),
        genres=draw(st.lists(clean, max_size=3, unique=True)),
        languages=draw(st.lists(st.sampled_from(strategies.LANGUAGES), max_size=3, unique=True)),
        countries=draw(st.lists(st.sampled_from(strategies.REGIONS), max_size=3, unique=True)),
        summary=draw(st.none() | clean),
        credits=draw(carried_credits()),
        ratings=draw(st.lists(strategies.ratings(), max_size=1)),
        offers=draw(st.lists(carried_offers, max_size=3)),
        ids=attrs.evolve(
            draw(carried_ids),
            other={"eidr": "10.5240/7791-8534-2C23-9030-8610-5"} if draw(st.booleans()) else {},
        ),
        titles=[
            Title(t)
            for t in draw(st.lists(clean, max_size=2, unique=True))
            if t not in (title, original)
        ],
        images=draw(st.lists(carried_images, max_size=2, unique_by=lambda i: i.url)),
        videos=draw(st.lists(carried_videos, max_size=2, unique_by=lambda v: v.url)),
        keywords=draw(st.lists(clean, max_size=3, unique=True)),
        releases=draw(st.lists(carried_releases, max_size=2, unique=True)),
        awards=draw(st.lists(carried_awards, max_size=2, unique=True)),
    )
    # Without datePublished, a reader takes the first release's date.
    first = min((r.date for r in film.releases), default=None)
    return attrs.evolve(film, release_date=film.release_date or first)


def one_per_person(credits: list[Credit]) -> list[Credit]:
    """The JSON-LD reader's rule: a person once a role, with the characters joined."""
    parts: dict[tuple[str, str], list[str]] = {}
    for credit in credits:
        found = parts.setdefault((credit.name, credit.role), [])
        if credit.character and credit.character not in found:
            found.append(credit.character)
    return [Credit(n, r, character=" / ".join(p) or None) for (n, r), p in parts.items()]


def carried(film: Film, rating_source: str | None = None) -> Film:
    """The part of *film* that to_jsonld writes."""
    original = film.original_title if film.original_title != film.title else None
    releases = unique(Release(r.date, country=r.country) for r in film.releases)
    eidr = film.ids.get("eidr")
    rated = film.content_rating("US") or next(iter(film.content_ratings), None)
    roles = [c for c in film.credits if c.role in CARRIED_ROLES]
    rating = (
        film.rating(rating_source)
        if rating_source
        else max(film.ratings, key=lambda r: r.votes or -1, default=None)
    )
    return attrs.evolve(
        film,
        kind=FilmKind.MOVIE,
        # The code alone is written (no reason, no system), and read back normalised.
        content_ratings=[ContentRating.parse(rated.code, country=rated.country)] if rated else [],
        genres=list(dict.fromkeys(film.genres)),
        languages=list(dict.fromkeys(film.languages)),
        countries=list(dict.fromkeys(film.countries)),
        credits=one_per_person(sorted(roles, key=lambda c: CARRIED_ROLES.index(c.role))),
        ratings=[rating] if rating else [],
        offers=[attrs.evolve(o, quality=None, **_NO_TERMS) for o in film.offers],
        ids=attrs.evolve(film.ids, justwatch=None, other={"eidr": eidr} if eidr else {}),
        original_title=original,
        release_date=film.release_date or min((r.date for r in releases), default=None),
        releases=releases,
        # What schema.org has a place for: titles as text, images as links with sizes,
        # trailers with names, releases with a date and country.
        titles=unique(Title(t.text) for t in film.titles if t.text not in (film.title, original)),
        images=unique(Image(i.url, width=i.width, height=i.height) for i in film.images),
        videos=unique(Video(v.url, name=v.name) for v in film.videos),
        keywords=unique(film.keywords),
        awards=unique(film.awards),
        editions=(),
        collection=None,
        budget=None,
        box_office=(),
        tagline=None,
    )


def round_trip(film: Film, *, rating_source: str | None = None) -> Film:
    doc = json.loads(json.dumps(to_jsonld(film, rating_source=rating_source)))
    rated = film.content_rating("US") or next(iter(film.content_ratings), None)
    # The film's own genre words come back: the round trip is not where they are renamed.
    return from_jsonld(
        doc,
        rating_source=rating_source,
        country=rated.country if rated else "US",
        genres="source",
    )


@given(carried_films())
def test_round_trip_keeps_every_carried_field(film: Film) -> None:
    source = film.ratings[0].source if film.ratings else None
    assert round_trip(film, rating_source=source) == film


@given(carried_films().filter(lambda f: all(r.known_source for r in f.ratings)))
def test_round_trip_of_known_sources_needs_no_rating_source(film: Film) -> None:
    assert round_trip(film) == film


@given(strategies.films)
def test_round_trip_of_any_film_keeps_the_carried_part(film: Film) -> None:
    film = attrs.evolve(film, title=film.title.strip() or "X")
    expected = carried(film)
    got = round_trip(film, rating_source=expected.ratings[0].source if expected.ratings else None)
    # Text is stripped and "N/A" is read as missing; compare where neither happens.
    if all(s == s.strip() and s != "N/A" for s in _strings(expected)):
        assert got == expected


def _strings(film: Film) -> list[str]:
    found = [film.title, film.original_title or "x", film.summary or "x", *film.genres]
    found += [t.text for t in film.titles] + list(film.keywords)
    found += [v.name or "x" for v in film.videos]
    found += [t or "x" for a in film.awards for t in (a.name, a.category, a.recipient)]
    found += [c.name for c in film.credits] + [c.character or "x" for c in film.credits]
    return found + [o.provider for o in film.offers]


json_values = strategies.json_values()
KEYS = [
    "name", "alternateName", "url", "@id", "sameAs", "genre", "inLanguage", "countryOfOrigin",
    "description", "duration", "datePublished", "contentRating", "director", "creator",
    "actor", "producer", "musicBy",
]  # fmt: skip
field_values = json_values | st.sampled_from(
    ["PT1H", "2000-01-01", "/title/tt0133093/", "Movie", "R", "en", "&amp;", "Person"]
)
rating_docs = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(
        ("ratingValue", "bestRating", "worstRating", "ratingCount", "author"),
        field_values | st.integers(-5, 20),
    ),
)
offer_docs = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(
        ("category", "seller", "price", "priceCurrency", "eligibleRegion", "url"), field_values
    ),
)
movie_docs = st.fixed_dictionaries(
    {"@type": st.sampled_from(["Movie", "CreativeWork", "TVSeries"]) | json_values},
    optional=dict.fromkeys(KEYS, field_values)
    | {"aggregateRating": rating_docs | json_values, "offers": st.lists(offer_docs) | offer_docs},
)


@given(json_values | movie_docs | st.lists(movie_docs, max_size=2) | st.text())
def test_any_json_gives_a_film_or_a_filmmeta_error(doc: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        for rating_source in (None, "blog"):
            try:
                film = from_jsonld(doc, rating_source=rating_source)
            except FilmmetaError:
                continue
            assert isinstance(film, Film)


# -- the shared corpus, read in place ----------------------------------------------------------

JSONLD_FILES = sorted((CORPUS / "jsonld").glob("*.json")) if CORPUS.is_dir() else []

SPIRITED = "Sen to Chihiro no kamikakushi"
FUTURAMA = "Futurama: Into the Wild Green Yonder"
# "<id> <fetched>": (title, original title, year, minutes, US rating, IMDb value, votes)
EXPECTED: dict[str, tuple[Any, ...]] = {
    "tt0133093 2018-08": ("The Matrix", None, 1999, 136, "R", 8.7, 1424877),
    "tt0133093 2023-05": ("The Matrix", None, 1999, 136, "R", 8.7, 1956171),
    "tt1167638 2018-08": ("L'immortel", None, 2010, 117, "Not Rated", 6.7, 29056),
    "tt1167638 2022-10": ("22 Bullets", "L'immortel", 2010, 117, "Not Rated", 6.6, 35051),
    "tt0185183 2022-10": ("Battlefield Earth", None, 2000, 118, "PG-13", 2.5, 80407),
    "tt0245429 2018-08": (SPIRITED, None, 2001, 125, "PG", 8.6, 520129),
    "tt0245429 2022-10": ("Spirited Away", SPIRITED, 2003, 125, "PG", 8.6, 755373),
    "tt0468492 2018-08": ("Gwoemul", None, 2006, 120, "R", 7.0, 80906),
    "tt1054487 2018-08": (FUTURAMA, None, 2009, None, "Not Rated", 7.3, 15954),
    "tt1190072 2022-10": ("The Hunter", "Shekarchi", 2010, 90, None, 6.2, 1544),
    "tt1300562 2022-03": ("Adieu mères", None, None, 115, None, 7.4, 50),
    "tt3303790 2018-08": ("Master of None", None, None, None, None, None, None),
    "tt7462422 2023-05": ("Quality of Life", None, None, None, None, None, None),
}


def key(path: Path) -> str:
    parts = path.stem.split("_")
    return f"{parts[1]} {parts[-1]}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_expectations_name_real_files() -> None:
    assert set(EXPECTED) <= {key(p) for p in JSONLD_FILES}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("path", JSONLD_FILES, ids=lambda p: p.stem)
def test_corpus_jsonld(path: Path) -> None:
    film = from_jsonld(path.read_text("utf-8"))
    assert film.ids.imdb == re.search(r"tt\d+", path.name)[0]  # type: ignore[index]
    assert film.kind is FilmKind.MOVIE
    assert not any("&" in s and ";" in s for s in _strings(film))  # entities are unescaped
    people = [(c.name, c.role) for c in film.credits]
    assert len(people) == len(set(people))  # issue 12: a person once in each role
    # Issue 12: the model 2 fields that the page carries are filled.
    doc = json.loads(path.read_text("utf-8"))
    assert bool(film.images) == bool(doc.get("image"))
    assert bool(film.videos) == bool((doc.get("trailer") or {}).get("embedUrl"))
    assert bool(film.keywords) == bool(doc.get("keywords"))
    assert all(v.url.startswith("https://www.imdb.com/video/") for v in film.videos)
    if key(path) in EXPECTED:
        title, original, year, minutes, code, value, votes = EXPECTED[key(path)]
        assert (film.title, film.original_title, film.year) == (title, original, year)
        assert film.runtime == (None if minutes is None else dt.timedelta(minutes=minutes))
        rated = film.content_rating("US")
        assert (rated.code if rated else None) == code
        imdb = film.rating("imdb")
        assert ((imdb.value, imdb.votes) if imdb else (None, None)) == (value, votes)
    # Back out as JSON-LD, and in again; then through the canonical JSON.
    doc = json.loads(json.dumps(to_jsonld(film)))
    assert from_jsonld(doc) == carried(film)
    assert filmmeta.from_json(filmmeta.to_json(film)) == film


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_the_matrix_2018_credits() -> None:
    film = from_jsonld((CORPUS / "jsonld" / "imdb_tt0133093_the-matrix_2018-08.json").read_bytes())
    assert film.credited("director") == ("Lana Wachowski", "Lilly Wachowski")
    assert film.credited("writer") == ("Lilly Wachowski", "Lana Wachowski")  # companies dropped
    assert film.credited("actor") == (
        "Keanu Reeves",
        "Laurence Fishburne",
        "Carrie-Anne Moss",
        "Hugo Weaving",
    )
    assert film.genres == ("Action", "Science Fiction")
    assert film.release_date == filmmeta.PartialDate(1999, 3, 31)
    assert (film.summary or "").startswith("A computer hacker")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_writers_credited_once_per_credit_are_one_credit() -> None:
    # The 2018 page lists each writer once per writing credit (story, screenplay, ...).
    path = CORPUS / "jsonld" / "imdb_tt1054487_futurama-wild-green-yonder_2018-08.json"
    listed = [c.get("name") for c in json.loads(path.read_text("utf-8"))["creator"]]
    assert listed.count("Ken Keeler") == 3
    film = from_jsonld(path.read_text("utf-8"))
    assert film.credited("writer") == ("Matt Groening", "David X. Cohen", "Ken Keeler")


def test_the_bundled_backstage_as_jsonld(backstage_text: str) -> None:
    film = filmmeta.from_json(backstage_text)
    doc = to_jsonld(film)
    assert doc["@type"] == "Movie"
    assert doc["name"] == "Backstage"
    assert doc["duration"] == "PT1H26M"
    assert doc["contentRating"] == "R"
    assert doc["aggregateRating"]["ratingValue"] == 5.7
    assert doc["aggregateRating"]["ratingCount"] == 347
    assert (doc["aggregateRating"]["bestRating"], doc["aggregateRating"]["worstRating"]) == (10, 1)
    back = from_jsonld(json.dumps(doc))
    assert (back.title, back.year, back.runtime, back.content_rating("US")) == (
        film.title,
        film.year,
        film.runtime,
        film.content_rating("US"),
    )
    assert back.rating("imdb") == film.rating("imdb")
    assert back.credited("director") == ("Chris Fiore",)
