from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import (
    Award,
    ContentRating,
    Credit,
    FilmKind,
    FilmmetaError,
    FilmmetaWarning,
    Image,
    Money,
    PartialDate,
    Release,
    UnsupportedDocumentError,
    ValidationError,
    from_json,
    to_json,
)
from filmmeta.formats.omdb import from_omdb

from . import conftest, strategies
from .conftest import CORPUS, NO_CORPUS, corpus_files, load


def omdb(**fields: Any) -> dict[str, Any]:
    """A minimal OMDb movie response with *fields* set."""
    return {"Title": "Backstage", "Type": "movie", "Response": "True", **fields}


# --- the acceptance example -------------------------------------------------------------


def test_back_to_the_future() -> None:
    film = from_omdb(load(conftest.FIXTURES / "omdb" / "back-to-the-future.json"))

    assert film.title == "Back to the Future"
    assert film.kind is FilmKind.MOVIE
    assert film.release_date == PartialDate(1985, 7, 3)
    assert film.runtime == dt.timedelta(minutes=116)
    assert film.content_ratings == (ContentRating("PG", country="US", system="MPA"),)
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [
        ("imdb", 8.5, 1266466),
        ("rotten_tomatoes", 93, None),
        ("metacritic", 87, None),
    ]
    assert film.languages == ("en",)
    assert film.countries == ("US",)
    assert film.genres == ("Adventure", "Comedy", "Science Fiction")
    assert film.credited("director") == ("Robert Zemeckis",)
    assert film.credited("writer") == ("Robert Zemeckis", "Bob Gale")
    assert film.credited("actor") == ("Michael J. Fox", "Christopher Lloyd", "Lea Thompson")
    assert film.summary is not None
    assert film.summary.startswith("A teenager")
    assert film.ids.imdb == "tt0088763"
    assert from_json(to_json(film)) == film


def test_adapted_film_with_notes_fallbacks_and_warnings() -> None:
    with pytest.warns(FilmmetaWarning) as record:
        film = from_omdb(load(conftest.FIXTURES / "omdb" / "adapted.json"))

    assert sorted(str(w.message) for w in record) == [
        "Country: 'Atlantis' is not a known country: left out",
        "Language: 'Elvish' is not a known language: left out",
        "Ratings[1].Source: 'Letterboxd' is not a known rating source: left out",
    ]
    assert film.release_date == PartialDate(2011)  # Released is N/A: the Year
    assert film.runtime == dt.timedelta(minutes=103)
    assert film.content_ratings == (ContentRating("Not Rated", country="US", system="MPA"),)
    assert film.genres == ("Drama", "Mystery")
    assert film.credited("director") == ("Ana Lopes", "Ben Hart")
    assert film.credited("writer") == ("Ana Lopes", "Carl Weiss", "Dora Finch", "Eve Marsh")
    assert film.credited("actor") == ("Fay Dunn", "Gus Ortega")
    assert film.summary is None
    assert film.languages == ("en", "pt", "cmn")
    assert film.countries == ("GB", "PT", "US")
    # imdbRating is N/A: the Ratings entry gives the value, imdbVotes the votes.
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [("imdb", 6.8, 2305)]


# --- mapping tables ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"Released": "03 Jul 1985", "Year": "1985"}, PartialDate(1985, 7, 3)),
        ({"Released": "N/A", "Year": "1985"}, PartialDate(1985)),
        ({"Year": "1985"}, PartialDate(1985)),
        ({"Released": "Jul 1985"}, PartialDate(1985, 7)),
        ({"Released": "1997-07-27"}, PartialDate(1997, 7, 27)),
        # OMDb writes day first: its convention is passed, never guessed.
        ({"Released": "05/10/2018"}, PartialDate(2018, 10, 5)),
        ({"Released": "N/A", "Year": "N/A"}, None),
        ({}, None),
    ],
)
def test_release_date(fields: dict[str, str], expected: PartialDate | None) -> None:
    assert from_omdb(omdb(**fields)).release_date == expected


@pytest.mark.parametrize(
    ("year", "released"),
    [
        # Issue 12: the US release of these came a year or more after their own year.
        ("1971", "02 Feb 1972"),  # A Clockwork Orange
        ("2004", "26 Nov 2005"),  # A Very Long Engagement
        ("1995", "01 Jul 1997"),  # Bang
        ("2009", "01 Jan 2010"),  # Yahsi Bati, in the corpus
    ],
)
def test_the_year_is_the_films_own(year: str, released: str) -> None:
    film = from_omdb(omdb(Year=year, Released=released))
    assert film.year == int(year)
    assert film.release_date == PartialDate(int(year))
    assert film.releases == (Release(PartialDate.parse(released, dayfirst=True)),)


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({"DVD": "08 Aug 2013"}, "releases", (Release("2013-08-08", kind="physical"),)),
        (
            {"Released": "03 Jul 1985", "DVD": "N/A"},
            "releases",
            (Release("1985-07-03", kind="theatrical"),),
        ),
        ({"BoxOffice": "$212,836,762"}, "box_office", (Money(212836762, "USD", region="US"),)),
        ({"BoxOffice": "N/A"}, "box_office", ()),
        (
            {"Awards": "Won 1 Oscar. 23 wins & 25 nominations total"},
            "awards",
            (
                Award("Academy Awards"),
                Award("all awards", count=23),
                Award("all awards", outcome="nominated", count=25),
            ),
        ),
        ({"Awards": "N/A"}, "awards", ()),
        (
            {"Poster": "https://m.media-amazon.com/images/M/x.jpg"},
            "images",
            (Image("https://m.media-amazon.com/images/M/x.jpg"),),
        ),
        ({"Poster": "N/A"}, "images", ()),
    ],
)
def test_model_2_fields(fields: dict[str, str], attribute: str, expected: object) -> None:
    assert getattr(from_omdb(omdb(**fields)), attribute) == expected


@pytest.mark.parametrize(
    ("fields", "warning"),
    [
        ({"Awards": "Best film ever"}, "Awards: 'Best film ever' is not a sentence of OMDb's form"),
        ({"BoxOffice": "€1,234"}, "BoxOffice: '€1,234' is not a dollar amount"),
    ],
)
def test_model_2_values_left_out(fields: dict[str, str], warning: str) -> None:
    with pytest.warns(FilmmetaWarning, match=re.escape(warning)):
        film = from_omdb(omdb(**fields))
    assert film.awards == film.box_office == ()


@pytest.mark.parametrize(
    ("runtime", "minutes"),
    [("116 min", 116), ("1 h 43 min", 103), ("90", 90), ("N/A", None), ("0 min", None)],
)
def test_runtime(runtime: str, minutes: int | None) -> None:
    expected = None if minutes is None else dt.timedelta(minutes=minutes)
    assert from_omdb(omdb(Runtime=runtime)).runtime == expected


@pytest.mark.parametrize(
    ("rated", "code", "system"),
    [
        ("PG", "PG", "MPA"),
        ("PG-13", "PG-13", "MPA"),
        (" pg13 ", "PG-13", "MPA"),
        ("R", "R", "MPA"),
        ("TV-14", "TV-14", "US TV"),
        ("TV-PG", "TV-PG", "US TV"),
        # Real IMDb words, kept as codes the MPA does not rank.
        ("Not Rated", "Not Rated", "MPA"),
        ("Unrated", "Unrated", "MPA"),
        ("Approved", "Approved", "MPA"),
    ],
)
def test_rated(rated: str, code: str, system: str) -> None:
    (rating,) = from_omdb(omdb(Rated=rated)).content_ratings
    assert (rating.code, rating.country, rating.system) == (code, "US", system)


@pytest.mark.parametrize("rated", ["N/A", "", "  "])
def test_rated_unknown(rated: str) -> None:
    assert from_omdb(omdb(Rated=rated)).content_ratings == ()


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("Genre", "Adventure, Comedy, Sci-Fi", ("Adventure", "Comedy", "Science Fiction")),
        ("Genre", "Sci-Fi, Hip-Hop", ("Science Fiction", "Hip-Hop")),
        ("Genre", "Drama,Drama", ("Drama",)),
        ("Genre", "N/A", ()),
        ("Language", "English, Mandarin, Cantonese", ("en", "cmn", "yue")),
        ("Language", "English, english", ("en",)),
        ("Language", "Swiss German, Persian", ("gsw", "fa")),
        ("Country", "USA, UK", ("US", "GB")),
        ("Country", "United States, United Kingdom, West Germany", ("US", "GB", "DE")),
        ("Country", "South Korea, USA, United States", ("KR", "US")),
    ],
)
def test_lists(key: str, value: str, expected: tuple[str, ...]) -> None:
    attribute = {"Genre": "genres", "Language": "languages", "Country": "countries"}[key]
    assert getattr(from_omdb(omdb(**{key: value})), attribute) == expected


@pytest.mark.parametrize(
    ("key", "value", "role", "names"),
    [
        ("Director", "Anthony Russo, Joe Russo", "director", ("Anthony Russo", "Joe Russo")),
        ("Director", "N/A", "director", ()),
        (
            "Writer",
            "David Koepp (screenplay), Dan Brown (novel)",
            "writer",
            ("David Koepp", "Dan Brown"),
        ),
        (
            "Writer",
            "Stan Lee (based on the Marvel comics by), Jack Kirby (based on the Marvel Comics by)",
            "writer",
            ("Stan Lee", "Jack Kirby"),
        ),
        # A note within a note is one note.
        ("Writer", "Dan Brown (novel (2003))", "writer", ("Dan Brown",)),
        # The same person under several notes is one writer credit.
        (
            "Writer",
            "Ted Elliott (screenplay), Ted Elliott (screen story)",
            "writer",
            ("Ted Elliott",),
        ),
        # A comma inside the note does not split the name.
        (
            "Writer",
            "Jim Starlin (Thanos,  Gamora and Drax created by), Stan Lee",
            "writer",
            ("Jim Starlin", "Stan Lee"),
        ),
        (
            "Writer",
            'Jordan Mechner (video game series "Prince of Persia")',
            "writer",
            ("Jordan Mechner",),
        ),
        ("Writer", "Ann Lee (story) (uncredited)", "writer", ("Ann Lee",)),
        # Parentheses that are not a trailing note are part of the name.
        ("Writer", "Dwayne (The Rock) Johnson", "writer", ("Dwayne (The Rock) Johnson",)),
        ("Writer", "Unbalanced (note", "writer", ("Unbalanced (note",)),
        ("Writer", "Unbalanced note), Ann Lee", "writer", ("Unbalanced note)", "Ann Lee")),
        ("Writer", "(uncredited), Ann Lee", "writer", ("Ann Lee",)),
        (
            "Actors",
            "Michael J. Fox, Christopher Lloyd",
            "actor",
            ("Michael J. Fox", "Christopher Lloyd"),
        ),
    ],
)
def test_credits(key: str, value: str, role: str, names: tuple[str, ...]) -> None:
    film = from_omdb(omdb(**{key: value}))
    assert film.credits == tuple(Credit(name, role) for name in names)


def test_credit_order_is_directors_writers_actors() -> None:
    film = from_omdb(omdb(Actors="C", Writer="B", Director="A"))
    assert [(c.name, c.role) for c in film.credits] == [
        ("A", "director"),
        ("B", "writer"),
        ("C", "actor"),
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"Ratings": [{"Source": "Internet Movie Database", "Value": "8.5/10"}]},
            [("imdb", 8.5, None)],
        ),
        (
            {"Ratings": [{"Source": "Rotten Tomatoes", "Value": "93%"}]},
            [("rotten_tomatoes", 93, None)],
        ),
        ({"Ratings": [{"Source": "Metacritic", "Value": "87/100"}]}, [("metacritic", 87, None)]),
        ({"imdbRating": "8.5", "imdbVotes": "1,266,466"}, [("imdb", 8.5, 1266466)]),
        ({"imdbRating": "5.7", "imdbVotes": "347"}, [("imdb", 5.7, 347)]),
        ({"imdbRating": "N/A", "imdbVotes": "N/A"}, []),
        ({"imdbVotes": "1,000"}, []),  # votes without a rating are dropped
        ({"Metascore": "87"}, [("metacritic", 87, None)]),
        ({"Metascore": "N/A"}, []),
        # Merged without duplicates; the top-level fields win.
        (
            {
                "Ratings": [
                    {"Source": "Metacritic", "Value": "86/100"},
                    {"Source": "Internet Movie Database", "Value": "8.4/10"},
                ],
                "imdbRating": "8.5",
                "imdbVotes": "12",
                "Metascore": "87",
            },
            [("imdb", 8.5, 12), ("metacritic", 87, None)],
        ),
        ({"Ratings": [{"Source": "Rotten Tomatoes", "Value": "N/A"}]}, []),
        ({"Ratings": []}, []),
        ({"Ratings": None}, []),
    ],
)
def test_ratings(fields: dict[str, Any], expected: list[tuple[str, float, int | None]]) -> None:
    film = from_omdb(omdb(**fields))
    assert [(r.source, r.value, r.votes) for r in film.ratings] == expected


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"imdbRating": "8.5/100"}, "imdbRating"),
        ({"imdbRating": "11"}, "imdbRating"),
        ({"imdbRating": "-1"}, "imdbRating"),
        ({"imdbVotes": "12 votes"}, "imdbVotes"),
        ({"imdbVotes": "1,26,466"}, "imdbVotes"),
        ({"Metascore": "87/100"}, "Metascore"),
        ({"Metascore": "101"}, "Metascore"),
        ({"Runtime": "abc"}, "Runtime"),
        ({"Runtime": "-5 min"}, "Runtime"),
        ({"Released": "someday"}, "Released"),
        ({"Year": "1985\u20131990"}, "Year"),
        ({"Year": "85"}, "Year"),
        ({"Year": "0000"}, "Year"),
        ({"DVD": "someday"}, "DVD"),
        ({"Poster": "poster.jpg"}, "Poster"),
        ({"Awards": "Won 0 Oscars."}, "Awards"),
        ({"imdbID": "tt12"}, "imdbID"),
        ({"Rated": "R" * 60}, "Rated"),
        ({"Ratings": [{"Source": "Internet Movie Database", "Value": "abc"}]}, "Ratings[0].Value"),
        (
            {
                "Ratings": [
                    {"Source": "Metacritic", "Value": "87/100"},
                    {"Source": "Rotten Tomatoes", "Value": "abc"},
                ]
            },
            "Ratings[1].Value",
        ),
        ({"Ratings": [{"Source": "Rotten Tomatoes", "Value": "93/100"}]}, "Ratings[0].Value"),
        ({"Ratings": [{"Source": "Rotten Tomatoes", "Value": "193%"}]}, "Ratings[0].Value"),
        ({"Ratings": [{"Source": "Internet Movie Database", "Value": "8.5"}]}, "Ratings[0].Value"),
        ({"Ratings": [{"Source": "Metacritic", "Value": 87}]}, "Ratings[0].Value"),
        ({"Ratings": [{"Source": 1, "Value": "87/100"}]}, "Ratings[0].Source"),
        ({"Ratings": ["8.5/10"]}, "Ratings[0]"),
        ({"Ratings": "8.5/10"}, "Ratings"),
        ({"Ratings": {"Source": "Metacritic"}}, "Ratings"),
        ({"Title": "N/A"}, "Title"),
        ({"Title": 1985}, "Title"),
        ({"Genre": ["Drama"]}, "Genre"),
        ({"Plot": 3}, "Plot"),
        ({"Type": 1}, "Type"),
        ({"Response": True}, "Response"),
    ],
)
def test_malformed_values_name_the_source_field(fields: dict[str, Any], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_omdb(omdb(**fields))
    assert [p for p, _ in info.value.errors] == [path]


def test_missing_title() -> None:
    with pytest.raises(ValidationError, match=r"^Title: a film needs a title$"):
        from_omdb({"Type": "movie", "Year": "1985"})


@pytest.mark.parametrize("obj", [None, [], "Back to the Future", 1985, ["Title"]])
def test_not_an_object(obj: Any) -> None:
    with pytest.raises(ValidationError) as info:
        from_omdb(obj)
    assert info.value.errors[0][0] == "$"


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"Response": "False", "Error": "Movie not found!"}, "OMDb error: Movie not found!"),
        ({"Response": "False", "Error": "Incorrect IMDb ID."}, "Incorrect IMDb ID."),
        ({"Response": "False"}, "no error message"),
        (omdb(Type="series"), "series"),
        (omdb(Type="episode"), "episode"),
        (omdb(Type="game"), "game"),
        (omdb(Type="podcast"), "'podcast'"),
        ({"Title": "Stargate SG-1", "Season": "1", "Episodes": []}, "season"),
        ({"Search": [{"Title": "Venom"}], "totalResults": "1", "Response": "True"}, "search"),
    ],
)
def test_unsupported_documents(obj: dict[str, Any], message: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=re.escape(message)):
        from_omdb(obj)


@pytest.mark.parametrize("name", ["series.json", "season.json", "not-found.json"])
def test_unsupported_fixtures(name: str) -> None:
    with pytest.raises(UnsupportedDocumentError):
        from_omdb(load(conftest.FIXTURES / "omdb" / name))


def test_type_is_case_insensitive_and_optional() -> None:
    assert from_omdb(omdb(Type="Movie")).kind is FilmKind.MOVIE
    assert from_omdb({"Title": "Backstage"}).kind is FilmKind.MOVIE


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"Language": "English, Elvish"}, "Language: 'Elvish' is not a known language"),
        ({"Country": "USA, Soviet Union"}, "Country: 'Soviet Union' is not a known country"),
        (
            {"Ratings": [{"Source": "Letterboxd", "Value": "3.4/5"}]},
            "Ratings[0].Source: 'Letterboxd' is not a known rating source",
        ),
    ],
)
def test_unmapped_names_warn(fields: dict[str, Any], message: str) -> None:
    with pytest.warns(FilmmetaWarning, match=re.escape(message)) as record:
        film = from_omdb(omdb(**fields))
    assert len(record) == 1
    assert record[0].filename == __file__  # the warning points at the caller
    assert film.languages in {(), ("en",)}
    assert film.countries in {(), ("US",)}
    assert film.ratings == ()


def test_not_carried() -> None:
    film = from_omdb(omdb(Website="https://example.org", Production="Universal", totalSeasons="1"))
    assert film == from_omdb(omdb())


# --- the real corpus --------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_files("omdb"))
def test_corpus_file(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        try:
            film = from_omdb(load(path))
        except UnsupportedDocumentError:
            return
    assert from_json(to_json(film)) == film
    assert film.ids.imdb is not None
    assert film.ids.imdb in path.name
    doc = load(path)
    assert film.year == (int(doc["Year"]) if doc.get("Year", "N/A") != "N/A" else None)
    # Issue 12: every model 2 field that the document carries is filled.
    carried = {
        key: doc.get(key, "N/A") != "N/A" for key in ("Released", "DVD", "BoxOffice", "Poster")
    }
    assert len(film.releases) == carried["Released"] + carried["DVD"]
    assert len(film.box_office) == carried["BoxOffice"]
    assert len(film.images) == carried["Poster"]
    assert bool(film.awards) == (doc.get("Awards", "N/A") != "N/A")


def corpus(name: str) -> Any:
    path = CORPUS / "omdb" / name
    if not path.is_file():
        pytest.skip(NO_CORPUS)
    return load(path)


def test_corpus_back_to_the_future() -> None:
    film = from_omdb(corpus("back-to-the-future_tt0088763.json"))
    assert (film.title, film.year, film.runtime) == (
        "Back to the Future",
        1985,
        dt.timedelta(minutes=116),
    )
    assert film.content_rating("US") == ContentRating("PG", country="US")
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [
        ("imdb", 8.5, 1266466),
        ("rotten_tomatoes", 93, None),
        ("metacritic", 87, None),
    ]
    assert (film.languages, film.countries, film.ids.imdb) == (("en",), ("US",), "tt0088763")


def test_corpus_writer_notes() -> None:
    film = from_omdb(corpus("avengers-infinity-war_tt4154756.json"))
    writers = film.credited("writer")
    assert writers[:4] == ("Christopher Markus", "Stephen McFeely", "Stan Lee", "Jack Kirby")
    assert len(writers) == len(set(writers)) == 12
    assert "Jim Starlin" in writers  # "(Thanos,  Gamora and Drax created by)"
    assert not any("(" in name for name in writers)
    assert film.credited("director") == ("Anthony Russo", "Joe Russo")


def test_corpus_fan_short_without_rating() -> None:
    film = from_omdb(corpus("captain-marvel_tt3959390.json"))
    assert (film.year, film.runtime, film.content_ratings) == (1962, dt.timedelta(minutes=10), ())
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [("imdb", 6.1, 27)]


def test_corpus_unmapped_language() -> None:
    with pytest.warns(FilmmetaWarning, match="'Kalmyk-Oirat'"):
        film = from_omdb(corpus("star-wars-episode-vi-return-of-the-jedi_tt0086190.json"))
    assert film.languages == ("en", "ki", "tl", "qu", "pl")


@pytest.mark.parametrize(
    "name",
    [
        "inhumans_tt4154858.json",
        "stargate-sg-1_series_tt0118480_2017.json",
        "stargate-sg-1_season-1_tt0118480_2017.json",
    ],
)
def test_corpus_series(name: str) -> None:
    with pytest.raises(UnsupportedDocumentError):
        from_omdb(corpus(name))


# --- properties -------------------------------------------------------------------------

KEYS = [
    "Title",
    "Year",
    "Rated",
    "Released",
    "Runtime",
    "Genre",
    "Director",
    "Writer",
    "Actors",
    "Plot",
    "Language",
    "Country",
    "Ratings",
    "Metascore",
    "imdbRating",
    "imdbVotes",
    "imdbID",
    "Type",
    "Response",
    "Error",
    "Season",
    "Episodes",
    "Search",
    "Awards",
    "BoxOffice",
    "DVD",
    "Poster",
]
SAMPLES = [
    "N/A",
    "",
    "movie",
    "series",
    "False",
    "8.5",
    "8.5/10",
    "93%",
    "87",
    "1,266,466",
    "116 min",
    "03 Jul 1985",
    "1985",
    "PG-13",
    "Not Rated",
    "English, Elvish",
    "USA, Atlantis",
    "tt0088763",
    "A (b, c), D (e)",
    "Won 7 Oscars. 19 wins & 32 nominations total",
    "$158,300,000",
    "https://m.media-amazon.com/images/M/x.jpg",
    "((",
    "))(",
]
strings = st.one_of(st.sampled_from(SAMPLES), st.text(max_size=30))
json_values = strategies.json_values(strings=strings, keys=strings, size=3, leaves=10)
rating_entries = st.fixed_dictionaries(
    {},
    optional={
        "Source": st.sampled_from(
            ["Internet Movie Database", "Rotten Tomatoes", "Metacritic", "X"]
        ),
        "Value": strings,
    },
)


def check_total(obj: Any) -> None:
    """from_omdb returns a film or raises a FilmmetaError: never anything else."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        try:
            film = from_omdb(obj)
        except FilmmetaError:
            return
    assert from_json(to_json(film)) == film


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), strings))
def test_string_dicts_give_a_film_or_a_filmmeta_error(obj: dict[str, str]) -> None:
    check_total(obj)


@settings(deadline=None)
@given(
    st.fixed_dictionaries(
        {"Title": strings},
        optional={k: strings for k in KEYS if k != "Title"}
        | {"Ratings": st.lists(rating_entries, max_size=4)},
    )
)
def test_movie_like_dicts_give_a_film_or_a_filmmeta_error(obj: dict[str, Any]) -> None:
    check_total(obj)


@settings(deadline=None)
@given(json_values | st.dictionaries(st.sampled_from(KEYS), json_values))
def test_json_values_give_a_film_or_a_filmmeta_error(obj: Any) -> None:
    check_total(obj)
