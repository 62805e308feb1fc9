from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import (
    Rating,
    ValidationError,
    metacritic_label,
    summarize_ratings,
    tomatometer_label,
    weighted_rating,
)
from filmmeta._words.reception import LEVEL_LABELS

from .strategies import rating_sets


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (100, "universal acclaim"),
        (81, "universal acclaim"),
        (80.9, "generally favorable"),
        (80, "generally favorable"),
        (61, "generally favorable"),
        (60, "mixed or average"),
        (40, "mixed or average"),
        (39, "generally unfavorable"),
        (29, "generally unfavorable"),
        (20, "generally unfavorable"),
        (19, "overwhelming dislike"),
        (0, "overwhelming dislike"),
    ],
)
def test_metacritic_band_edges(score: float, label: str) -> None:
    assert metacritic_label(score) == label


@pytest.mark.parametrize(
    ("percent", "reviews", "label"),
    [
        (59, None, "rotten"),
        (59.9, 500, "rotten"),
        (60, None, "fresh"),
        (74, 500, "fresh"),
        (75, None, "fresh"),
        (75, 79, "fresh"),
        (75, 80, "certified fresh"),
        (100, 300, "certified fresh"),
        (0, 300, "rotten"),
    ],
)
def test_tomatometer_edges(percent: float, reviews: int | None, label: str) -> None:
    assert tomatometer_label(percent, reviews=reviews) == label


def test_tomatometer_limited_release() -> None:
    assert tomatometer_label(80, reviews=40, min_reviews=40) == "certified fresh"


@pytest.mark.parametrize("bad", [-1, 101])
def test_labels_reject_out_of_range(bad: float) -> None:
    with pytest.raises(ValidationError):
        metacritic_label(bad)
    with pytest.raises(ValidationError):
        tomatometer_label(bad)


def test_weighted_rating() -> None:
    assert round(weighted_rating(5.7, 347, mean=7.0, min_votes=25000), 3) == 6.982
    assert weighted_rating(9.0, 0, mean=7.0, min_votes=25000) == 7.0
    assert weighted_rating(9.0, 0, mean=7.0, min_votes=0) == 9.0
    assert weighted_rating(8.0, 10**9, mean=7.0, min_votes=1) == pytest.approx(8.0)
    with pytest.raises(ValidationError):
        weighted_rating(5, -1, mean=7, min_votes=10)


def test_backstage_summary() -> None:
    summary = summarize_ratings([Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)])
    assert summary.label == "mostly poor"
    assert summary.score == pytest.approx(43)
    assert (summary.critics, summary.audience, summary.votes, summary.count) == (29, 57, 347, 2)
    assert summary.critics_label == "mostly poor"
    assert summary.audience_label == "mostly poor"


@pytest.mark.parametrize(
    ("ratings", "label"),
    [
        ([Rating("metacritic", 81)], "universal acclaim"),
        ([Rating("metacritic", 80)], "generally favorable"),
        ([Rating("metacritic", 19)], "overwhelming dislike"),
        ([Rating("imdb", 8.0)], "universal acclaim"),
        ([Rating("imdb", 7.9)], "generally favorable"),
        ([Rating("imdb", 6.0)], "mixed"),
        ([Rating("imdb", 5.9)], "mostly poor"),
        ([Rating("imdb", 3.9)], "overwhelming dislike"),
        # critics level 1, audience level 2: the tie goes to the critics
        ([Rating("metacritic", 30), Rating("imdb", 6.5)], "mostly poor"),
        # critics level 3, audience level 2: the tie goes to the critics
        ([Rating("metacritic", 70), Rating("imdb", 6.5)], "generally favorable"),
        # critics 4, audience 0: mean 2
        ([Rating("metacritic", 90), Rating("imdb", 2.0)], "mixed"),
    ],
)
def test_labels(ratings: list[Rating], label: str) -> None:
    assert summarize_ratings(ratings).label == label


def test_vote_weighting_within_a_kind() -> None:
    weighted = summarize_ratings([Rating("imdb", 8.0, votes=900), Rating("tmdb", 6.0, votes=100)])
    assert weighted.audience == pytest.approx(78)
    plain = summarize_ratings([Rating("imdb", 8.0, votes=900), Rating("tmdb", 6.0)])
    assert plain.audience == pytest.approx(70)


def test_empty_summary() -> None:
    summary = summarize_ratings([])
    assert (summary.score, summary.level, summary.label, summary.votes) == (None, None, None, 0)
    assert summary.critics_label is None
    assert summary.audience_label is None


@given(rating_sets())
def test_summary_is_always_in_range(ratings: tuple[Rating, ...]) -> None:
    summary = summarize_ratings(ratings)
    if ratings:
        assert summary.score is not None
        assert 0 <= summary.score <= 100
        assert summary.label in LEVEL_LABELS
    else:
        assert summary.label is None


@given(st.floats(0, 100))
def test_metacritic_label_total(score: float) -> None:
    assert metacritic_label(score)
