from __future__ import annotations

import contextlib
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given

from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    Offer,
    PartialDate,
    Rating,
    Role,
    ValidationError,
    from_json,
    to_json,
)

from .strategies import films


def test_obvious_inputs_are_converted() -> None:
    film = Film(
        "Backstage",
        kind="tv_movie",
        release_date="2000",
        runtime=86,
        genres=["Documentary"],
        languages=["en"],
        countries=["US"],
        credits=[Credit("Chris Fiore", Role.DIRECTOR)],
    )
    assert film.kind is FilmKind.TV_MOVIE
    assert film.release_date == PartialDate(2000)
    assert film.runtime == dt.timedelta(minutes=86)
    assert film.genres == ("Documentary",)
    assert film.credits[0].role == "director"
    assert type(film.credits[0].role) is str
    assert (
        Film("X", runtime="1h 26m").runtime == Film("X", runtime=dt.timedelta(minutes=86)).runtime
    )
    assert Film("X", release_date=dt.date(2000, 11, 7)).year == 2000
    assert Film("X", genres=(g for g in ["A", "B"])).genres == ("A", "B")


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"title": "X", "kind": "series"}, "kind"),
        ({"title": "X", "release_date": "2000-13"}, "release_date"),
        ({"title": "X", "release_date": 2000.5}, "release_date"),
        ({"title": "X", "runtime": -5}, "runtime"),
        ({"title": "X", "runtime": "N/A"}, "runtime"),
        ({"title": "X", "genres": "Drama"}, "genres"),
        ({"title": "X", "genres": 5}, "genres"),
        ({"title": "X", "genres": ["Drama", ""]}, "genres[1]"),
        ({"title": "X", "languages": ["english"]}, "languages[0]"),
        ({"title": "X", "countries": ["GBR"]}, "countries[0]"),
        ({"title": "X", "countries": ["US", "Germany"]}, "countries[1]"),
        ({"title": "X", "languages": ["en", "EN_", 5]}, "languages[1]"),
        ({"title": "X", "ratings": [{"source": "imdb"}]}, "ratings[0]"),
        ({"title": "X", "ratings": [Rating("imdb", 5), Rating("imdb", 6)]}, "ratings[1].source"),
        ({"title": "X", "offers": ["Netflix"]}, "offers[0]"),
        ({"title": "X", "credits": [("A", "actor")]}, "credits[0]"),
        ({"title": "X", "content_ratings": ["R"]}, "content_ratings[0]"),
        ({"title": "X", "ids": {"imdb": "tt0088"}}, "ids.imdb"),
        ({"title": "X", "ids": {"imbd": "tt0088763"}}, "ids.imbd"),
        ({"title": "X", "ids": {1: "tt0088763"}}, "ids"),
        ({"title": "X", "ids": ["tt0088763"]}, "ids"),
        ({"title": "X", "summary": ""}, "summary"),
        ({"title": "X", "original_title": 5}, "original_title"),
    ],
)
def test_bad_values_raise_validation_error_with_the_field(
    kwargs: dict[str, object], path: str
) -> None:
    title = kwargs.pop("title")
    with pytest.raises(ValidationError) as info:
        Film(title, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path


def test_evolve_validates() -> None:
    film = Film("Backstage")
    assert attrs.evolve(film, runtime=90).runtime == dt.timedelta(minutes=90)
    with pytest.raises(ValidationError, match=r"^runtime: -0:01:00 is negative$"):
        attrs.evolve(film, runtime=dt.timedelta(minutes=-1))


def test_frozen_and_hashable() -> None:
    film = Film("Backstage", genres=["Music"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        film.title = "Other"  # type: ignore[misc]
    assert hash(film) == hash(Film("Backstage", genres=("Music",)))


def test_lookups() -> None:
    film = Film(
        "Backstage",
        ratings=[Rating("imdb", 5.7, votes=347)],
        content_ratings=[ContentRating("15", country="GB"), ContentRating("R", country="US")],
        credits=[Credit("A", "director"), Credit("B", "self"), Credit("C", "director")],
    )
    assert film.rating("imdb") is film.ratings[0]
    assert film.rating("letterboxd") is None
    assert film.content_rating().code == "R"  # type: ignore[union-attr]
    assert film.content_rating("GB").code == "15"  # type: ignore[union-attr]
    assert film.content_rating("DE") is None
    assert film.credited("director") == ("A", "C")
    assert Film("X").year is None
    assert FilmKind.TV_MOVIE.words == "tv movie"


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"imdb": "tt123"}, "imdb"),
        ({"imdb": "nm0000001"}, "imdb"),
        ({"tmdb": 0}, "tmdb"),
        ({"tmdb": "603"}, "tmdb"),
        ({"tmdb": True}, "tmdb"),
        ({"wikidata": "q42"}, "wikidata"),
        ({"letterboxd": "two words"}, "letterboxd"),
        ({"justwatch": -1}, "justwatch"),
    ],
)
def test_external_ids_are_checked(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        ExternalIds(**kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path


def test_credits_are_checked() -> None:
    with pytest.raises(ValidationError, match="role: 'Director' is not a lowercase role name"):
        Credit("A", "Director")
    with pytest.raises(ValidationError, match="name: must not be empty"):
        Credit(" ", "actor")
    assert Credit("A", "second unit director").role == "second unit director"
    # An unhashable role once escaped as a bare TypeError from the set of roles seen.
    for role in ([], {}, ["actor"]):
        with pytest.raises(ValidationError, match="role: expected a string"):
            Credit("A", role)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["gaffer", "best boy", "stunt/double", "a" * 300, "Gaffer"])
def test_credits_leave_the_common_roles_as_they_found_them(role: str) -> None:
    from filmmeta._model import film as _film

    before = _film.COMMON_ROLES
    with contextlib.suppress(ValidationError):
        Credit("A", role)
    assert _film.COMMON_ROLES is before
    assert before == {r.value for r in Role}


def test_instances_of_subclasses_are_accepted() -> None:
    @attrs.frozen
    class SourcedRating(Rating):
        note: str = "from a press kit"

    rating = SourcedRating("imdb", 5.7, votes=347)
    assert Film("Backstage", ratings=[rating]).ratings == (rating,)


@given(films)
def test_films_pickle(film: Film) -> None:
    assert pickle.loads(pickle.dumps(film)) == film


def test_offers_on_film() -> None:
    film = Film("X", offers=[Offer("Netflix", "subscription", region="US")])
    assert film.offers[0].type.value == "subscription"


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Film("\ud800"), "title"),
        (lambda: Film("X", genres=["ok", "bad \udfff"]), "genres[1]"),
        (lambda: Film("X", summary="é\ud800"), "summary"),
        (lambda: ContentRating("R", country="US", reason="\ud800"), "reason"),
        (lambda: Credit("A\ud800", "actor"), "name"),
    ],
)
def test_lone_surrogates_are_not_text(build: object, path: str) -> None:
    with pytest.raises(ValidationError, match="lone surrogate") as info:
        build()  # type: ignore[operator]
    assert info.value.errors[0][0] == path


# Conveniences of the constructor (issue 13, defect 8): the obvious inputs, made canonical.
@pytest.mark.parametrize(
    ("kwargs", "field", "expected"),
    [
        ({"languages": ["EN"]}, "languages", ("en",)),
        (
            {"languages": ["en-us", "PT_br", "eng", "yue"]},
            "languages",
            ("en-US", "pt-BR", "en", "yue"),
        ),
        ({"languages": ("zh-hant-tw",)}, "languages", ("zh-Hant-TW",)),
        ({"countries": ["us"]}, "countries", ("US",)),
        ({"countries": ["UK", "uk", " gb "]}, "countries", ("GB", "GB", "GB")),
        ({"ids": {"imdb": "tt0206000"}}, "ids", ExternalIds(imdb="tt0206000")),
        (
            {"ids": {"imdb": "tt0206000", "tmdb": 10000}},
            "ids",
            ExternalIds(imdb="tt0206000", tmdb=10000),
        ),
        ({"ids": {}}, "ids", ExternalIds()),
    ],
)
def test_the_constructor_makes_obvious_inputs_canonical(
    kwargs: dict[str, Any], field: str, expected: object
) -> None:
    film = Film("X", **kwargs)
    assert getattr(film, field) == expected
    assert from_json(to_json(film)) == film


def test_an_unknown_id_name_suggests_the_near_one() -> None:
    with pytest.raises(ValidationError) as caught:
        Film("X", ids={"imbd": "tt0206000", "tmbd": 5})
    assert caught.value.errors == [
        ("ids.imbd", "not an id of ExternalIds; did you mean 'imdb'?"),
        ("ids.tmbd", "not an id of ExternalIds; did you mean 'tmdb'?"),
    ]
