from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    Offer,
    Rating,
    ValidationError,
    canonical_genres,
    merge_films,
    provider_name,
)

from . import conftest
from .strategies import films

IMDB = ExternalIds(imdb="tt0233044")


@pytest.mark.parametrize(
    ("first", "second", "field", "expected"),
    [
        # Single values: the first known wins; title and kind are the first film's.
        ({"title": "Backstage"}, {"title": "Backstage (2000)"}, "title", "Backstage"),
        ({"kind": "tv_movie"}, {"kind": "movie"}, "kind", FilmKind.TV_MOVIE),
        ({}, {"runtime": 86}, "runtime", dt.timedelta(minutes=86)),
        ({"runtime": 90}, {"runtime": 86}, "runtime", dt.timedelta(minutes=90)),
        ({}, {"summary": "A tour."}, "summary", "A tour."),
        ({"original_title": "A"}, {"original_title": "B"}, "original_title", "A"),
        # Release dates: the first, unless a later one says the same more precisely.
        ({"release_date": "2000"}, {"release_date": "2000-11-07"}, "release_date", "2000-11-07"),
        ({"release_date": "2000-11"}, {"release_date": "2000-11-07"}, "release_date", "2000-11-07"),
        ({"release_date": "2000-11-07"}, {"release_date": "2000"}, "release_date", "2000-11-07"),
        ({"release_date": "2000"}, {"release_date": "2001-11-07"}, "release_date", "2000"),
        ({"release_date": "2000-10"}, {"release_date": "2000-11-07"}, "release_date", "2000-10"),
        ({}, {"release_date": "2000"}, "release_date", "2000"),
        ({}, {}, "release_date", None),
        # Lists: joined, each item once, in order.
        (
            {"genres": ["Music", "Documentary"]},
            {"genres": ["Music", "Hip-Hop"]},
            "genres",
            ("Music", "Documentary", "Hip-Hop"),
        ),
        ({"languages": ["en"]}, {"languages": ["en", "es"]}, "languages", ("en", "es")),
        ({}, {"countries": ["US"]}, "countries", ("US",)),
        # Ratings one per source, content ratings one per country and system: first wins.
        (
            {"ratings": [Rating("imdb", 5.7, votes=347)]},
            {"ratings": [Rating("imdb", 5.6, votes=350), Rating("metacritic", 29)]},
            "ratings",
            (Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)),
        ),
        (
            {"content_ratings": [ContentRating("R", country="US")]},
            {
                "content_ratings": [
                    ContentRating("NC-17", country="US"),
                    ContentRating("TV-MA", country="US", system="US TV"),
                    ContentRating("15", country="GB"),
                ]
            },
            "content_ratings",
            (
                ContentRating("R", country="US"),
                ContentRating("TV-MA", country="US", system="US TV"),
                ContentRating("15", country="GB"),
            ),
        ),
        # Ids: joined field by field.
        (
            {"ids": IMDB},
            {"ids": ExternalIds(imdb="tt0233044", tmdb=21307)},
            "ids",
            ExternalIds(imdb="tt0233044", tmdb=21307),
        ),
    ],
)
def test_each_field(
    first: dict[str, Any], second: dict[str, Any], field: str, expected: Any
) -> None:
    # Two titles: the combining rules apply to whatever the caller forces together.
    merged = merge_films(
        Film(**{"title": "Backstage", **first}), Film(**{"title": "X", **second}), force=True
    )
    value = getattr(merged, field)
    assert (str(value) if field == "release_date" and value is not None else value) == expected


def test_credits_with_characters_take_the_place_of_those_without() -> None:
    omdb = [
        Credit("A", "actor"),
        Credit("B", "actor"),
        Credit("C", "actor"),
        Credit("D", "director"),
    ]
    tmdb = [
        Credit("B", "actor", character="Bea"),
        Credit("A", "actor", character="Al"),
        Credit("A", "actor", character="Al's twin"),
        Credit("E", "actor", character="Eve"),
        Credit("D", "director"),
    ]
    merged = merge_films(Film("X", credits=omdb), Film("X", credits=tmdb))
    assert [(c.name, c.role, c.character) for c in merged.credits] == [
        ("A", "actor", "Al"),
        ("A", "actor", "Al's twin"),
        ("B", "actor", "Bea"),
        ("C", "actor", None),
        ("D", "director", None),
        ("E", "actor", "Eve"),
    ]


def test_offers_with_more_details_take_the_place_of_those_with_fewer() -> None:
    tmdb = [Offer("Apple TV", "rent", region="US"), Offer("Netflix", "subscription", region="US")]
    justwatch = [
        Offer("Amazon", "buy", region="US", price="9.99", currency="USD"),
        Offer("Apple TV", "rent", region="US", price="3.99", currency="USD", quality="hd"),
        Offer("Apple TV", "rent", region="US", price="4.99", currency="USD", quality="uhd"),
        Offer("Apple TV", "rent", region="GB", price="3.49", currency="GBP"),
    ]
    merged = merge_films(Film("X", offers=tmdb), Film("X", offers=justwatch))
    assert merged.offers == (
        justwatch[1],
        justwatch[2],
        tmdb[1],
        justwatch[0],
        justwatch[3],
    )
    # Completed in steps: only the fullest is kept, at the first one's place.
    steps = [
        Offer("Apple TV", "rent"),
        Offer("Apple TV", "rent", region="US"),
        Offer("Apple TV", "rent", region="US", price="3.99", currency="USD"),
    ]
    assert merge_films(*(Film("X", offers=[offer]) for offer in steps)).offers == (steps[2],)
    # The offer with a price of its own is not completed by one with another price.
    assert merge_films(Film("X", offers=justwatch[1:3])).offers == tuple(justwatch[1:3])


def test_different_ids_of_one_kind_are_different_titles() -> None:
    with pytest.raises(ValidationError) as info:
        merge_films(Film("X", ids=IMDB), Film("X"), Film("X", ids=ExternalIds(imdb="tt0113277")))
    assert info.value.errors == [("ids.imdb", "'tt0233044' and 'tt0113277' are different titles")]


@pytest.mark.parametrize("other", [None, {"title": "X"}, "X"])
def test_only_films_merge(other: object) -> None:
    with pytest.raises(TypeError, match=r"^merge_films\(\) takes films; argument 2 is "):
        merge_films(Film("X"), other)  # type: ignore[arg-type]


@given(films)
def test_a_film_merged_with_itself_is_itself_without_repeats(film: Film) -> None:
    once = merge_films(film)
    assert merge_films(film, film) == once
    assert merge_films(once) == once
    assert (once.title, once.ratings, once.ids) == (film.title, film.ratings, film.ids)
    # Offers and credits lose only those another of the film completes.
    assert set(once.offers) <= set(film.offers)
    assert set(once.credits) <= set(film.credits)


# Three full films an example: half the profile's examples keep the suite's minutes.
# A generated genre id the vocabulary does not know ("Q0") is left out with a warning.
@pytest.mark.filterwarnings("ignore::filmmeta.FilmmetaWarning")
@settings(max_examples=max(settings().max_examples // 2, 10))
@given(films, films, films)
def test_merging_in_steps_is_merging_at_once(a: Film, b: Film, c: Film) -> None:
    # The combining rules are a left fold; the matching guard (a check against the first
    # film) is not, and is tested in test_match.py.
    def merged(*parts: Film) -> Film | str:
        try:
            return merge_films(*parts, force=True)
        except ValidationError as err:
            return str(err)

    at_once = merged(a, b, c)
    ab = merged(a, b)
    if isinstance(ab, str):
        assert isinstance(at_once, str)
        return
    assert merged(ab, c) == at_once


@pytest.mark.filterwarnings("ignore::filmmeta.FilmmetaWarning")
def test_importers_films_combine() -> None:
    from filmmeta.formats.justwatch import offers_from_justwatch
    from filmmeta.formats.omdb import from_omdb

    omdb = from_omdb(conftest.fixture("omdb", "back-to-the-future"))
    providers = conftest.fixture("justwatch", "legacy_providers")
    offers = offers_from_justwatch(
        conftest.fixture("justwatch", "legacy_movie"), providers=providers
    )
    merged = merge_films(omdb, Film(omdb.title, offers=offers))
    # Genres and providers take the vocabularies' names ("Sci-Fi" is "Science Fiction").
    named = tuple(attrs.evolve(o, provider=provider_name(o.provider)) for o in offers)
    assert merged == attrs.evolve(omdb, offers=named, genres=canonical_genres(omdb.genres))
    assert "Science Fiction" in merged.genres


_SAME_TITLES = [
    ("imdb_tt0133093_the-matrix_2023-05.json", "flexget_movie_603_the-matrix_2016.json"),
    ("imdb_tt0936501_taken_2022-10.json", "flexget_movie_by-imdb-id_tt0936501_taken_2014.json"),
]


@pytest.mark.parametrize(("page", "details"), _SAME_TITLES, ids=["the-matrix", "taken"])
@pytest.mark.filterwarnings("ignore::filmmeta.FilmmetaWarning")
def test_an_imdb_page_and_tmdb_details_combine(page: str, details: str) -> None:
    if not conftest.CORPUS.is_dir():
        pytest.skip(conftest.NO_CORPUS)
    from filmmeta.formats.schemaorg import from_jsonld
    from filmmeta.formats.tmdb import from_tmdb

    imdb = from_jsonld((conftest.CORPUS / "jsonld" / page).read_text("utf-8"))
    tmdb = from_tmdb(conftest.load(conftest.CORPUS / "tmdb" / details))
    merged = merge_films(imdb, tmdb)
    assert merged.ids == attrs.evolve(imdb.ids, tmdb=tmdb.ids.tmdb)
    assert [r.source for r in merged.ratings] == ["imdb", "tmdb"]
    assert merged.release_date == imdb.release_date  # the page's date, the first source's
    assert merged.credits == imdb.credits  # TMDb's details list no credits
    assert merged.genres == canonical_genres((*imdb.genres, *tmdb.genres))
