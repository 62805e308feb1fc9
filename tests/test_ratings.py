from __future__ import annotations

import pytest
from hypothesis import given

from filmmeta import SOURCES, Rating, RatingKind, ValidationError

from .strategies import ratings


@pytest.mark.parametrize(
    ("rating", "display"),
    [
        (Rating("imdb", 5.7, votes=347), "5.7 (347)"),
        (Rating("imdb", 8.5, votes=1266466), "8.5 (1,266,466)"),
        (Rating("imdb", 7.0), "7"),
        (Rating("metacritic", 29), "29"),
        (Rating("metacritic", 29, votes=12), "29"),
        (Rating("rotten_tomatoes", 93), "93%"),
        (Rating("rotten_tomatoes", 45, votes=120), "45%"),
        (Rating("rotten_tomatoes_audience", 88, votes=2500), "88% (2,500)"),
        (Rating("letterboxd", 3.6), "3.6/5"),
        (Rating("letterboxd", 3.1, votes=10000), "3.1/5 (10,000)"),
        (Rating("tmdb", 6.4, votes=25), "6.4 (25)"),
        (Rating("site", 4, best=5), "4/5"),
        (Rating("site", 8.5, best=10.0, worst=1), "8.5/10"),
    ],
)
def test_display(rating: Rating, display: str) -> None:
    assert rating.display == display


@pytest.mark.parametrize(
    ("rating", "percent", "normalized"),
    [
        (Rating("imdb", 5.7), 57.0, 52.2222222222),
        (Rating("imdb", 10), 100.0, 100.0),
        (Rating("imdb", 1), 10.0, 0.0),
        (Rating("metacritic", 29), 29.0, 29.0),
        (Rating("letterboxd", 3.1), 62.0, 57.7777777778),
        (Rating("letterboxd", 0.5), 10.0, 0.0),
        (Rating("site", 2, best=4), 50.0, 50.0),
    ],
)
def test_percent_and_normalized(rating: Rating, percent: float, normalized: float) -> None:
    assert rating.percent == percent
    assert rating.normalized == pytest.approx(normalized)


@pytest.mark.parametrize(
    ("args", "kwargs", "path", "message"),
    [
        (("imdb", 11.2), {}, "value", "11.2 is above the scale's best 10"),
        (("imdb", 0.5), {}, "value", "0.5 is below the scale's worst 1"),
        (("metacritic", 101), {}, "value", "101 is above the scale's best 100"),
        (("letterboxd", 0.4), {}, "value", "below the scale's worst 0.5"),
        (("imdb", 5), {"votes": -1}, "votes", "-1 is negative"),
        (("imdb", 5), {"votes": 3.0}, "votes", "expected an integer"),
        (("imdb", 5), {"votes": True}, "votes", "expected an integer"),
        (("imdb", "5.7"), {}, "value", "expected a number"),
        (("imdb", True), {}, "value", "expected a number"),
        (("imdb", float("nan")), {}, "value", "not a finite number"),
        (("site", 5), {}, "best", "not a known source"),
        (("site", 5), {"best": 5, "worst": 5}, "worst", "is not below the best"),
        (("site", 5), {"best": "5"}, "best", "expected a number"),
        (("IMDb", 5), {}, "source", "not a source name"),
        ((5, 5), {}, "source", "expected a string"),
        (("", 5), {}, "source", "not a source name"),
    ],
)
def test_rejects(
    args: tuple[object, ...], kwargs: dict[str, object], path: str, message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Rating(*args, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


def test_registry() -> None:
    assert SOURCES["imdb"].best == 10
    assert SOURCES["imdb"].worst == 1
    assert SOURCES["metacritic"].kind is RatingKind.CRITICS
    assert SOURCES["rotten_tomatoes"].display_name == "Tomatometer"
    assert Rating("metacritic", 29).known_source is SOURCES["metacritic"]
    assert Rating("site", 3, best=5).known_source is None
    assert Rating("site", 3, best=5).display_name == "site"
    assert Rating("site", 3, best=5).kind is RatingKind.AUDIENCE
    with pytest.raises(TypeError):
        SOURCES["x"] = SOURCES["imdb"]  # type: ignore[index]


@given(ratings())
def test_generated_ratings_are_on_their_scale(rating: Rating) -> None:
    assert rating.worst <= rating.value <= rating.best
    assert 0 <= rating.normalized <= 100


def test_votes_fit_json() -> None:
    assert Rating("imdb", 5, votes=2**63 - 1).votes == 2**63 - 1
    with pytest.raises(ValidationError, match=r"votes: .* is larger than"):
        Rating("imdb", 5, votes=2**64)
