"""JustWatch: offers and titles from the legacy REST API and the GraphQL API."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmmeta
from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmmetaError,
    FilmmetaWarning,
    Offer,
    OfferFeature,
    PartialDate,
    Rating,
    UnsupportedDocumentError,
    ValidationError,
)
from filmmeta.formats.justwatch import film_from_justwatch, offers_from_justwatch

from . import conftest, strategies
from .conftest import CORPUS, NO_CORPUS

fixture = functools.partial(conftest.fixture, "justwatch")


PROVIDERS = fixture("legacy_providers")


def offer(**fields: Any) -> dict[str, Any]:
    return {"monetization_type": "buy", "provider_id": 2, **fields}


def node(*offers: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"object_type": "movie", "title": "Backstage", "offers": list(offers), **fields}


def one(item: dict[str, Any], **kwargs: Any) -> Offer:
    (found,) = offers_from_justwatch(node(item), providers=PROVIDERS, **kwargs)
    return found


# -- the legacy REST shape ---------------------------------------------------------------------


def test_legacy_offers() -> None:
    with pytest.warns(FilmmetaWarning) as caught:
        offers = offers_from_justwatch(fixture("legacy_movie"), providers=PROVIDERS)
    assert offers == (
        Offer(
            "Netflix",
            "subscription",
            region="GB",
            quality="hd",
            url="https://www.netflix.com/title/1",
        ),
        Offer(
            "Apple TV",
            "rent",
            region="GB",
            price="3.49",
            currency="GBP",
            quality="sd",
            url="https://itunes.apple.com/gb/movie/backstage/id1",
        ),
        Offer("Apple TV", "buy", region="GB", price="7.99", currency="GBP", quality="uhd"),
        Offer("provider 99", "free", region="IE", quality="sd"),
        Offer("Netflix", "ads", region="US", quality="hd"),
        Offer("Apple TV", "cinema", region="GB"),
    )
    messages = sorted(str(w.message) for w in caught)
    assert messages == [
        "offers: no name for provider id 99; pass providers= (the /providers list): "
        "named 'provider <id>'",
        "offers[6].monetization_type: 'fast' is not a known offer type: left out",
    ]


def test_legacy_film() -> None:
    with pytest.warns(FilmmetaWarning, match="'fast'"):
        film = film_from_justwatch(
            fixture("legacy_movie"), providers={2: "Apple TV", 8: "Netflix", 99: "BBC"}
        )
    assert film == Film(
        "Backstage",
        release_date=2000,
        runtime=86,
        content_ratings=[ContentRating("15", country="GB")],
        languages=["en"],
        summary="A documentary about a hip-hop tour.",
        credits=[Credit("Chris Fiore", "director"), Credit("Jay-Z", "actor", character="Himself")],
        ratings=[Rating("imdb", 5.7, votes=347), Rating("rotten_tomatoes", 45)],
        offers=film.offers,
        ids=ExternalIds(imdb="tt0234567", tmdb=47964, justwatch=42),
    )
    assert [o.provider for o in film.offers] == [
        "Netflix",
        "Apple TV",
        "Apple TV",
        "BBC",
        "Netflix",
        "Apple TV",
    ]


def test_legacy_show_offers_are_read_but_it_is_not_a_film() -> None:
    doc = fixture("legacy_show")
    assert offers_from_justwatch(doc, providers=PROVIDERS) == (
        Offer("Apple TV", "buy", region="US", price="19.99", currency="USD", quality="hd"),
    )
    with pytest.raises(UnsupportedDocumentError, match="a JustWatch show, not a film"):
        film_from_justwatch(doc)


# -- the GraphQL shape -------------------------------------------------------------------------


def test_graphql_offers() -> None:
    with pytest.warns(FilmmetaWarning) as caught:
        offers = offers_from_justwatch(fixture("graphql_title"), providers={3: "Google Play"})
    assert offers == (
        Offer(
            "Netflix",
            "subscription",
            region="US",
            quality="hd",
            url="https://www.netflix.com/title/1",
        ),
        Offer(
            "Apple TV",
            "rent",
            region="US",
            price="3.99",
            currency="USD",
            quality="uhd",
            url="https://tv.apple.com/movie/1",
        ),
        Offer("Google Play", "buy", region="US", price="9.99", currency="USD", quality="sd"),
        Offer("Tubi", "ads", region="US", quality="hd"),
        Offer("Kanopy", "free", region="US"),
        Offer("AMC", "cinema", region="US"),
    )
    assert sorted(str(w.message) for w in caught) == [
        "offers[4].presentationType: 'DVD' is not a known quality: left out",
        "offers[6].monetizationType: 'FLATRATE_AND_BUY' is not a known offer type: left out",
    ]


def test_graphql_film() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        film = film_from_justwatch(json.dumps(fixture("graphql_title")))
    assert film.title == "Backstage"
    assert film.original_title == "Backstage: The Tour"
    assert film.release_date == PartialDate(2000, 11, 7)  # the date wins over the year
    assert film.runtime == dt.timedelta(minutes=86)
    assert film.content_ratings == (ContentRating("R", country="US"),)
    assert film.ratings == (Rating("imdb", 5.7, votes=347), Rating("tmdb", 6.1))
    assert film.ids == ExternalIds(imdb="tt0234567", tmdb=47964, justwatch=42)
    assert film.summary == "A documentary about a hip-hop tour."
    assert len(film.offers) == 6


def test_graphql_offers_by_country() -> None:
    assert offers_from_justwatch(fixture("graphql_by_country")) == (
        Offer("Apple TV", "rent", region="US", price="3.99", currency="USD", quality="hd"),
        Offer("Netflix", "subscription", region="DE", quality="hd"),
    )


def test_graphql_edges_with_one_node() -> None:
    doc = fixture("graphql_search")
    doc["data"]["popularTitles"]["edges"].pop()
    assert offers_from_justwatch(doc) == ()
    assert film_from_justwatch(doc) == Film("Backstage")


def test_a_bare_list_of_offers() -> None:
    items = [{"monetizationType": "RENT", "package": {"clearName": "Vudu"}}, offer(country="US")]
    assert offers_from_justwatch(items, providers=PROVIDERS) == (
        Offer("Vudu", "rent"),
        Offer("Apple TV", "buy", region="US"),
    )
    assert offers_from_justwatch([]) == ()


# -- field by field ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("monetization", "kind"),
    [
        ("flatrate", "subscription"),
        ("FLATRATE", "subscription"),
        ("rent", "rent"),
        ("buy", "buy"),
        ("free", "free"),
        ("ads", "ads"),
        ("ADS", "ads"),
        ("cinema", "cinema"),
    ],
)
def test_monetization_types(monetization: str, kind: str) -> None:
    assert one(offer(monetization_type=monetization)).type == kind


@pytest.mark.parametrize(
    ("presentation", "quality"),
    [
        ("sd", "sd"),
        ("hd", "hd"),
        ("4k", "uhd"),
        ("SD", "sd"),
        ("HD", "hd"),
        ("_4K", "uhd"),
        (None, None),
    ],
)
def test_presentation_types(presentation: str | None, quality: str | None) -> None:
    assert one(offer(presentation_type=presentation)).quality == quality


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"retail_price": 3.99, "currency": "USD"}, ("3.99", "USD")),
        ({"retail_price": 0.1 + 0.2, "currency": "USD"}, ("0.30000000000000004", "USD")),
        ({"retail_price": 4, "currency": "EUR"}, ("4", "EUR")),
        ({"retail_price": 0.0, "currency": "EUR"}, ("0.0", "EUR")),
        ({"currency": "USD"}, (None, None)),  # a currency without a price is dropped
        ({"retail_price": None, "currency": "USD"}, (None, None)),
    ],
)
def test_prices(fields: dict[str, Any], expected: tuple[str | None, str | None]) -> None:
    found = one(offer(**fields))
    price = None if expected[0] is None else decimal.Decimal(expected[0])
    assert (found.price, found.currency) == (price, expected[1])


@pytest.mark.parametrize(
    ("fields", "doc", "region"),
    [
        ({}, {}, None),
        ({}, {"full_path": "/us/movie/backstage"}, "US"),
        ({}, {"full_path": "/uk/movie/backstage"}, None),  # not a region code: unknown
        ({"country": "DE"}, {"full_path": "/us/movie/backstage"}, "DE"),
        ({"locale": "en_CA"}, {}, "CA"),
        ({"locale": "en"}, {"full_path": "/us/movie/backstage"}, "US"),
    ],
)
def test_regions(fields: dict[str, Any], doc: dict[str, Any], region: str | None) -> None:
    (found,) = offers_from_justwatch(node(offer(**fields), **doc), providers=PROVIDERS)
    assert found.region == region


def test_unknown_region_is_left_out_with_a_warning() -> None:
    with pytest.warns(FilmmetaWarning, match="'SU' is not a known ISO 3166-1 region"):
        assert one(offer(country="SU")).region is None


@pytest.mark.parametrize(
    ("providers", "name"),
    [
        (PROVIDERS, "Apple TV"),
        ({2: "iTunes"}, "iTunes"),
        ([{"packageId": 2, "clearName": "Apple"}], "Apple"),
        ([{"id": 2, "clear_name": None}, {"id": 2, "clear_name": "TV"}], "TV"),
    ],
)
def test_provider_names(providers: Any, name: str) -> None:
    (found,) = offers_from_justwatch(node(offer()), providers=providers)
    assert found.provider == name


def test_unnamed_providers_warn_once() -> None:
    with pytest.warns(FilmmetaWarning, match="no name for provider id 2, 5;") as caught:
        found = offers_from_justwatch(node(offer(), offer(provider_id=5), offer()))
    assert [o.provider for o in found] == ["provider 2", "provider 5", "provider 2"]
    assert len(caught) == 1


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        (node(offer(retail_price="3.99")), "offers[0].retail_price"),
        (node(offer(retail_price=True)), "offers[0].retail_price"),
        (node(offer(retail_price=-1.0, currency="USD")), "offers[0].retail_price"),
        (node(offer(retail_price=float("nan"), currency="USD")), "offers[0].retail_price"),
        (node(offer(retail_price=1.0, currency="usd")), "offers[0].currency"),
        (node(offer(retail_price=1.0)), "offers[0].currency"),
        (node(offer(urls={"standard_web": "/movie/1"})), "offers[0].urls.standard_web"),
        (node(offer(urls="https://x.example")), "offers[0].urls"),
        (node(offer(monetization_type=5)), "offers[0].monetization_type"),
        (node(offer(presentation_type=4)), "offers[0].presentation_type"),
        (node(offer(provider_id="2")), "offers[0].provider_id"),
        (node(offer(country=1)), "offers[0].country"),
        (node({"monetizationType": "RENT", "package": 3}), "offers[0].package"),
        (node({"monetizationType": "RENT", "package": {}}), "offers[0].package.packageId"),
        (
            node(
                {
                    "monetizationType": "RENT",
                    "package": {"clearName": "A"},
                    "retailPriceValue": 1,
                    "currency": "x",
                }
            ),
            "offers[0].currency",
        ),
        (node(7), "offers[0]"),
        (node(offers="none"), "offers"),
        ({"title": "x", "offers": {"a": 1}}, "offers"),
        ({"data": {"node": {"offers": 3}}}, "offers"),
    ],
)
def test_malformed_offers(doc: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        offers_from_justwatch(doc, providers=PROVIDERS)
    assert [p for p, _ in info.value.errors] == [path]


@pytest.mark.parametrize(
    ("providers", "path"),
    [
        ("Netflix", "providers"),
        ([3], "providers[0]"),
        ([{"id": 2, "clear_name": 4}], "providers[0].clear_name"),
        ([{"id": [2], "clear_name": "A"}], "providers[0].id"),
        ([{"clear_name": "A"}], "providers[0].id"),
    ],
)
def test_malformed_providers(providers: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        offers_from_justwatch(node(), providers=providers)
    assert [p for p, _ in info.value.errors] == [path]


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"title": None}, "title"),
        ({"title": 3}, "title"),
        ({"runtime": "86"}, "runtime"),
        ({"original_release_year": [2000]}, "original_release_year"),
        ({"original_release_year": "MM"}, "original_release_year"),
        ({"original_release_year": 0}, "original_release_year"),
        ({"age_certification": "R" * 41, "full_path": "/us/"}, "age_certification"),
        ({"scoring": {"imdb:score": 5}}, "scoring"),
        ({"scoring": [{"provider_type": "imdb:score", "value": 11}]}, "scoring.imdb:score"),
        (
            {
                "scoring": [
                    {
                        "provider_type": "imdb:score",
                        "value": 5,
                    },
                    {"provider_type": "imdb:votes", "value": "many"},
                ]
            },
            "scoring.imdb:votes",
        ),
        ({"credits": [{"role": "ACTOR", "name": 3}]}, "credits[0].name"),
        ({"credits": [{"role": "!!", "name": "A"}]}, "credits[0].role"),
        ({"external_ids": [{"provider": "imdb", "external_id": "123"}]}, "external_ids.imdb"),
        ({"external_ids": [{"provider": "tmdb", "external_id": "4194:6:1"}]}, "external_ids.tmdb"),
        ({"external_ids": "tt0234567"}, "external_ids"),
    ],
)
def test_malformed_titles(fields: dict[str, Any], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        film_from_justwatch(node(**fields))
    assert [p for p, _ in info.value.errors] == [path]


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"title": None}, "content.title"),
        ({"originalReleaseDate": "soon"}, "content.originalReleaseDate"),
        ({"scoring": [1]}, "content.scoring"),
        ({"externalIds": {"imdbId": "x"}}, "content.externalIds.imdb"),
    ],
)
def test_malformed_graphql_titles(fields: dict[str, Any], path: str) -> None:
    doc = {"objectType": "MOVIE", "content": {"title": "Backstage", **fields}}
    with pytest.raises(ValidationError) as info:
        film_from_justwatch(doc)
    assert [p for p, _ in info.value.errors] == [path]


def test_certification_without_a_country_is_left_out() -> None:
    with pytest.warns(FilmmetaWarning, match="'PG' has no country"):
        assert film_from_justwatch(node(age_certification="PG")).content_ratings == ()


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({"runtime": 0}, "runtime", None),
        ({"original_title": "Backstage"}, "original_title", None),
        ({"original_title": "Coulisses"}, "original_title", "Coulisses"),
        ({"original_language": "fr"}, "languages", ("fr",)),
        ({"scoring": [{"provider_type": "imdb:votes", "value": 3}]}, "ratings", ()),
        (
            {"scoring": [{"provider_type": "tmdb:score", "value": 7.1}]},
            "ratings",
            (Rating("tmdb", 7.1),),
        ),
        ({"id": "tm1"}, "ids", ExternalIds()),
        ({"external_ids": [{"provider": "tvdb", "external_id": "1"}]}, "ids", ExternalIds()),
        ({"credits": [{"role": "DIRECTOR"}]}, "credits", ()),
    ],
)
def test_title_fields(fields: dict[str, Any], attribute: str, expected: Any) -> None:
    assert getattr(film_from_justwatch(node(**fields)), attribute) == expected


# -- documents that are not titles -------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (fixture("genres"), "a genre list"),
        (PROVIDERS, "a provider list"),
        ([{"technical_name": "U", "organization": "BBFC"}], "an age certification list"),
        ([1, 2], "a list"),
        (fixture("graphql_search"), "2 titles"),
        ({"items": []}, "0 titles"),
        ({"data": None, "errors": [{"message": "bad query"}]}, "GraphQL error"),
        ({"page": 1, "total": 0}, "not a JustWatch title"),
    ],
)
def test_not_titles(doc: Any, message: str) -> None:
    for read in (offers_from_justwatch, film_from_justwatch):
        with pytest.raises(UnsupportedDocumentError, match=message):
            read(doc)


@pytest.mark.parametrize("doc", [3, None, "nope", b"\xff"])
def test_not_json_objects(doc: Any) -> None:
    with pytest.raises(ValidationError):
        offers_from_justwatch(doc)


@pytest.mark.parametrize("kind", ["show_episode", "show_season", "SHOW"])
def test_shows_are_not_films(kind: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match="not a film"):
        film_from_justwatch(node(object_type=kind))


# -- properties --------------------------------------------------------------------------------

json_values = strategies.json_values(strings=st.text(max_size=12), keys=st.text(max_size=8))
keys = st.sampled_from(
    ["monetization_type", "monetizationType", "presentation_type", "presentationType",
     "retail_price", "retailPriceValue", "currency", "urls", "standardWebURL", "package",
     "provider_id", "country", "locale"]
)  # fmt: skip
words = st.sampled_from(["buy", "RENT", "hd", "_4K", "USD", "en_US", "US", 3.99, 2, "Netflix"])
offer_docs = st.dictionaries(keys, json_values | words, max_size=6)
title_docs = st.fixed_dictionaries(
    {"offers": st.lists(offer_docs, max_size=3)},
    optional={
        "object_type": st.sampled_from(["movie", "show"]) | json_values,
        "title": st.text(max_size=5) | json_values,
        "full_path": st.just("/us/movie/x") | json_values,
        "runtime": json_values,
        "original_release_year": json_values,
        "scoring": json_values,
        "credits": json_values,
        "external_ids": json_values,
        "age_certification": json_values,
    },
)


@given(json_values | title_docs | st.builds(lambda n: {"data": {"node": n}}, title_docs))
def test_any_json_gives_offers_or_a_filmmeta_error(doc: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        for read in (offers_from_justwatch, film_from_justwatch):
            try:
                found = read(doc, providers=PROVIDERS)
            except FilmmetaError:
                continue
            assert isinstance(found, Film | tuple)


# -- the shared corpus, read in place ----------------------------------------------------------

JUSTWATCH_FILES = sorted((CORPUS / "justwatch").glob("*.json")) if CORPUS.is_dir() else []

# file: what offers_from_justwatch gives (the offers, or the error's type), with the corpus'
# own provider list (which names ids 8 and 9 only: the others are "provider <id>").
CORPUS_OFFERS: dict[str, Any] = {
    "owenvoke_AgeCertifications": UnsupportedDocumentError,
    "owenvoke_Genres": UnsupportedDocumentError,
    "owenvoke_Providers": UnsupportedDocumentError,
    "owenvoke_Episodes": (
        Offer(
            "provider 7",
            "buy",
            price="2.99",
            currency="USD",
            quality="hd",
            url="http://www.vudu.com/movies/#!content/597572/Star-Wars-The-Clone-Wars-The-Unknown",
        ),
    ),
    "owenvoke_Movies": (
        Offer(
            "provider 18",
            "buy",
            region="US",
            price="19.99",
            currency="USD",
            quality="hd",
            url="https://store.playstation.com/#!/en-us/cid=UV0010-NPVB08438_CN-0000000000270544",
        ),
    ),
    "owenvoke_Shows": (
        Offer(
            "provider 2",
            "buy",
            region="US",
            price="134.94",
            currency="USD",
            quality="sd",
            url="https://itunes.apple.com/us/tv-season/star-wars-the-clone-wars-season-6/id864107574?uo=4&at=1000l3V2",
        ),
    ),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_expectations_cover_every_file() -> None:
    assert set(CORPUS_OFFERS) == {p.stem for p in JUSTWATCH_FILES}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("path", JUSTWATCH_FILES, ids=lambda p: p.stem)
def test_corpus_justwatch(path: Path) -> None:
    providers = json.loads((CORPUS / "justwatch" / "owenvoke_Providers.json").read_text("utf-8"))
    expected = CORPUS_OFFERS[path.stem]
    doc = json.loads(path.read_text("utf-8"))
    if isinstance(expected, type):
        with pytest.raises(expected):
            offers_from_justwatch(doc, providers=providers)
        return
    with pytest.warns(FilmmetaWarning, match="no name for provider id"):
        assert offers_from_justwatch(doc, providers=providers) == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
def test_corpus_star_wars() -> None:
    doc = json.loads((CORPUS / "justwatch" / "owenvoke_Movies.json").read_text("utf-8"))
    film = film_from_justwatch(doc, providers={18: "PlayStation Store"})
    assert (film.title, film.year, film.runtime) == ("Star Wars", 1977, dt.timedelta(minutes=121))
    assert film.content_ratings == (ContentRating("PG", country="US"),)
    assert film.ratings == (Rating("rotten_tomatoes", 93),)
    assert film.ids == ExternalIds(imdb="tt0076759", tmdb=11, justwatch=1)
    assert film.credited("actor") == ("Mark Hamill", "Harrison Ford", "Carrie Fisher")
    assert film.credits[1].character == "Han Solo"
    assert film.languages == ("en",)
    assert [o.provider for o in film.offers] == ["PlayStation Store"]
    # Issue 12: the poster, the backdrop and the two YouTube trailers the title carries.
    assert [i.url for i in film.images] == [
        "https://images.justwatch.com/poster/8539293/s718",
        "https://images.justwatch.com/backdrop/8539292/s1920",
    ]
    assert [(v.kind.value, v.site) for v in film.videos] == [("trailer", "YouTube")] * 2
    assert filmmeta.from_json(filmmeta.to_json(film)) == film


GRAPHQL_OFFER = {
    "monetizationType": "FLATRATE",
    "presentationType": "_4K",
    "package": {"clearName": "Netflix"},
    "availableFromTime": "2024-01-01T00:00:00Z",
    "availableTo": "2025-01-31",
    "audioLanguages": ["en", "de"],
    "subtitleLanguages": ["en"],
    "videoTechnology": ["DOLBY_VISION"],
    "audioTechnology": ["DOLBY_ATMOS"],
}


def test_offer_windows_languages_and_features() -> None:
    (offer,) = offers_from_justwatch({"objectType": "MOVIE", "offers": [GRAPHQL_OFFER]})
    assert (offer.available_from, offer.available_until) == (
        dt.date(2024, 1, 1),
        dt.date(2025, 1, 31),
    )
    assert (offer.audio_languages, offer.subtitle_languages) == (("en", "de"), ("en",))
    assert offer.features == (OfferFeature.DOLBY_VISION, OfferFeature.DOLBY_ATMOS)


def test_offer_terms_path_in_errors() -> None:
    bad = {**GRAPHQL_OFFER, "availableTo": "soon"}
    with pytest.raises(ValidationError, match=r"offers\[0\]\.availableTo"):
        offers_from_justwatch({"objectType": "MOVIE", "offers": [bad]})


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize("name", ["owenvoke_Shows", "owenvoke_Episodes"])
def test_corpus_shows_are_not_films(name: str) -> None:
    doc = json.loads((CORPUS / "justwatch" / f"{name}.json").read_text("utf-8"))
    with pytest.raises(UnsupportedDocumentError, match="not a film"):
        film_from_justwatch(doc)
