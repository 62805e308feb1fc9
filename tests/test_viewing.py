"""Viewing: one entry of a person's film history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from filmmeta import Film, Rating, ValidationError, Viewing

from . import strategies

FILM = Film("Past Lives", release_date=2023)


def test_defaults_and_conversions() -> None:
    viewing = Viewing(FILM, watched_on="2023-09-03", logged_on=dt.date(2023, 9, 4), tags=["a"])
    assert (viewing.watched_on, viewing.logged_on) == (dt.date(2023, 9, 3), dt.date(2023, 9, 4))
    assert (viewing.rating, viewing.rewatch, viewing.liked) == (None, False, False)
    assert viewing.tags == ("a",)
    assert (viewing.review, viewing.user, viewing.url) == (None, None, None)
    assert attrs.evolve(viewing, liked=True).liked


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"film": "Past Lives"}, "film: expected a Film, got 'Past Lives'"),
        ({"watched_on": "2023-02-30"}, "watched_on: '2023-02-30' is not a date"),
        ({"watched_on": "3 Sep 2023"}, "watched_on: expected a date or an ISO date string"),
        ({"logged_on": 20230903}, "logged_on: expected a date or an ISO date string"),
        ({"logged_on": dt.datetime(2023, 9, 3, 20, 15)}, "logged_on: expected a date, got a"),
        ({"rating": 4.5}, "rating: expected a Rating, got 4.5"),
        ({"rewatch": 1}, "rewatch: expected True or False, got 1"),
        ({"liked": None}, "liked: expected True or False, got None"),
        ({"tags": "cinema"}, "tags"),
        ({"tags": ["ok", " "]}, r"tags\[1\]: must not be empty"),
        ({"review": ""}, "review: must not be empty"),
        ({"user": 7}, "user: expected a string, got int 7"),
        ({"url": "boxd.it/abc"}, "url: 'boxd.it/abc' is not an http"),
    ],
)
def test_invalid(kwargs: dict[str, Any], error: str) -> None:
    film = kwargs.pop("film", FILM)
    with pytest.raises(ValidationError, match=f"^{error}"):
        Viewing(film, **kwargs)


@given(strategies.viewings)
def test_viewings_are_values(viewing: Viewing) -> None:
    assert viewing == attrs.evolve(viewing)
    assert hash(viewing) == hash(attrs.evolve(viewing))
    assert isinstance(viewing.rating, Rating | None)
