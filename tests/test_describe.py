from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given

from filmmeta import (
    ContentRating,
    Film,
    Offer,
    Rating,
    Release,
    describe,
    fact_sheet,
    from_json,
    reception,
    where_to_watch,
)
from filmmeta._words.common import article as _article
from filmmeta._words.describe import join_words

from .conftest import NO_SHARED, SHARED
from .strategies import films


@pytest.fixture
def backstage(backstage_text: str) -> Film:
    return from_json(backstage_text)


def test_backstage_fact_sheet(backstage: Film) -> None:
    assert fact_sheet(backstage) == {
        "Release Date": "2000",
        "MPAA Rating": "R",
        "Runtime": "1 hr 26 min",
        "Language": "English",
        "IMDB Rating": "5.7 (347)",
        "Metascore": "29",
    }
    assert list(fact_sheet(backstage)) == [
        "Release Date",
        "MPAA Rating",
        "Runtime",
        "Language",
        "IMDB Rating",
        "Metascore",
    ]


def test_backstage_sentences(backstage: Film) -> None:
    assert describe(backstage) == (
        "Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes."
    )
    text = reception(backstage)
    assert "mostly poor reviews" in text
    assert "IMDb score of 5.7" in text
    assert "MetaScore of 29" in text
    watch = where_to_watch(backstage)
    assert "Apple TV, Amazon, Google Play and Vudu" in watch
    assert "rent" in watch
    assert "buy" in watch


@pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)
def test_the_seed_page_is_reproduced(backstage: Film) -> None:
    page = (SHARED / "seed" / "backstage-page.txt").read_text("utf-8")
    flat = re.sub(r"\s+", " ", page)
    assert describe(backstage) in flat
    # The page's own spellings, "MetaScore" in its sentence and "IMDB" in its fact box.
    assert reception(backstage) in flat
    assert "Apple TV, Amazon, Google Play and Vudu." in flat
    for label, value in fact_sheet(backstage).items():
        assert f"{label} {value}" in flat.replace("  ", " ")


@pytest.mark.parametrize(
    ("film", "sentence"),
    [
        (Film("Heat"), "Heat is a movie."),
        (Film("Heat", release_date="1995"), "Heat is a 1995 movie."),
        (Film("Heat", runtime=170), "Heat is a movie with a runtime of 2 hours and 50 minutes."),
        (
            Film("Heat", kind="short", runtime=61),
            "Heat is a short film with a runtime of 1 hour and 1 minute.",
        ),
        (Film("Up", release_date="1800", kind="video"), "Up is an 1800 video."),
        (Film("Up", release_date="2018", kind="tv_special"), "Up is a 2018 tv special."),
        (Film("Up", release_date="1100"), "Up is an 1100 movie."),
        (Film("Up", release_date="800"), "Up is an 800 movie."),
    ],
)
def test_describe(film: Film, sentence: str) -> None:
    assert describe(film) == sentence


@pytest.mark.parametrize(
    ("ratings", "sentence"),
    [
        ([], ""),
        (
            [Rating("metacritic", 90)],
            "It has received universal acclaim from critics, who have given it a MetaScore of 90.",
        ),
        (
            [Rating("imdb", 6.5, votes=10)],
            "It has received mixed reviews from viewers, who have given it an IMDb score of 6.5.",
        ),
        (
            [Rating("rotten_tomatoes", 93), Rating("letterboxd", 3.6), Rating("imdb", 7.5)],
            # critics level 4, audience 73.5% level 3: the tie goes to the critics
            "It has received universal acclaim from critics and viewers, who have given"
            " it a Tomatometer score of 93%, a Letterboxd score of 3.6/5 and an IMDb score of 7.5.",
        ),
        (
            [Rating("imdb", 2.0)],
            "It has received overwhelming dislike from viewers,"
            " who have given it an IMDb score of 2.",
        ),
    ],
)
def test_reception(ratings: list[Rating], sentence: str) -> None:
    assert reception(Film("X", ratings=ratings)) == sentence


@pytest.mark.parametrize(
    ("offers", "sentence"),
    [
        ([], ""),
        (
            [Offer("Netflix", "subscription")],
            "X is available to stream with a subscription on Netflix.",
        ),
        ([Offer("Vudu", "rent"), Offer("Vudu", "buy")], "X is available to rent or buy at Vudu."),
        (
            [Offer("Netflix", "subscription"), Offer("Apple TV", "rent"), Offer("Tubi", "ads")],
            "X is available to stream with a subscription on Netflix, to rent at Apple TV"
            " and to watch free with ads on Tubi.",
        ),
        (
            [Offer("Apple TV", "rent"), Offer("Apple TV", "buy"), Offer("Amazon", "buy")],
            "X is available to rent at Apple TV and to buy at Apple TV and Amazon.",
        ),
        (
            [Offer("Netflix", "subscription", region="US"), Offer("Sky", "buy", region="GB")],
            "In the United States, X is available to stream with a subscription on Netflix."
            " In the United Kingdom, X is available to buy at Sky.",
        ),
        (
            [Offer("Kino", "cinema", region="DE"), Offer("Kino", "free", region="DE")],
            "X is available to see in cinemas or watch for free at Kino.",
        ),
    ],
)
def test_where_to_watch(offers: list[Offer], sentence: str) -> None:
    assert where_to_watch(Film("X", offers=offers)) == sentence


def test_fact_sheet_other_countries_and_missing_facts() -> None:
    film = Film(
        "X",
        release_date="2000-11-07",
        languages=["en", "yue"],
        content_ratings=[ContentRating("15", country="GB"), ContentRating("16", country="DE")],
        ratings=[Rating("letterboxd", 3.6), Rating("metacritic", 50), Rating("imdb", 7.1)],
    )
    assert fact_sheet(film, country="GB") == {
        "Release Date": "November 7, 2000",
        "BBFC Rating": "15",
        "Languages": "English, Cantonese",
        "IMDB Rating": "7.1",
        "Metascore": "50",
        "Letterboxd": "3.6/5",
    }
    assert fact_sheet(film, country="DE")["FSK Rating"] == "16"
    assert not [
        k for k in fact_sheet(film, country="FR") if k.endswith(" Rating") and "IMDB" not in k
    ]
    assert fact_sheet(Film("X", release_date="2000-11"))["Release Date"] == "November 2000"
    assert fact_sheet(Film("X")) == {}


@given(films)
def test_sentences_never_show_missing_facts(film: Film) -> None:
    # Names are the data's own text: give them plain words so that the sentence is what
    # the test reads.
    film = attrs.evolve(
        film,
        title="Title",
        offers=[attrs.evolve(o, provider=f"P{i}") for i, o in enumerate(film.offers)],
    )
    for text in (describe(film), reception(film), where_to_watch(film), *fact_sheet(film).values()):
        assert "None" not in text
        assert " and ." not in text
        assert ", ." not in text
        assert "  " not in text


def test_words() -> None:
    assert join_words(["a", "b", "c"], "or") == "a, b or c"
    assert [_article(w) for w in ("IMDb", "Metascore", "8", "18", "1800", "2000", "11", "110")] == [
        "an",
        "a",
        "an",
        "an",
        "an",
        "a",
        "an",
        "a",
    ]


def test_fact_sheet_shows_the_countrys_release_date() -> None:
    film = Film(
        "Amélie",
        release_date="2001-04-25",
        releases=[
            Release("2001-04-25", country="FR"),
            Release("2001-08-16", country="DE"),
            Release("2001-06", country="DE", kind="premiere"),
            Release("2001-11-02", country="US", kind="limited"),
        ],
    )
    assert fact_sheet(film)["Release Date"] == "November 2, 2001"  # the US release
    # The earliest release in Germany, as precise as it is known.
    assert fact_sheet(film, country="DE")["Release Date"] == "June 2001"
    # No release in Japan: the film's own release date.
    assert fact_sheet(film, country="JP")["Release Date"] == "April 25, 2001"
    only_french = Film("X", releases=[Release("2001", country="FR")])
    assert fact_sheet(only_french, country="FR") == {"Release Date": "2001"}
    assert fact_sheet(only_french) == {}
