"""Viewing: one entry of a person's film history."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import attrs
import pytest
from hypothesis import given

from filmmeta import (
    Film,
    Rating,
    ValidationError,
    Viewing,
    dump_jsonl,
    from_dict,
    from_json,
    load_jsonl,
    to_dict,
    to_json,
)

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


@given(strategies.viewings)
def test_canonical_json_round_trip(viewing: Viewing) -> None:
    assert from_json(to_json(viewing), Viewing) == viewing
    assert from_dict(to_dict(viewing), Viewing) == viewing


def test_json_lines_of_viewings() -> None:
    viewings = [
        Viewing(FILM, watched_on="2023-09-03", rating=Rating("letterboxd", 4.5), rewatch=True),
        Viewing(FILM, user="7", rating=Rating("movielens", 3, best=5, worst=0.5)),
    ]
    out = io.StringIO()
    assert dump_jsonl(viewings, out) == 2
    assert out.getvalue().splitlines()[0] == (
        '{"film":{"title":"Past Lives","kind":"movie","release_date":"2023"},'
        '"watched_on":"2023-09-03","rating":{"source":"letterboxd","value":4.5},"rewatch":true}'
    )
    assert list(load_jsonl(io.StringIO(out.getvalue()), Viewing)) == viewings


@pytest.mark.parametrize(
    ("doc", "error"),
    [
        ({"film": {"title": "x"}, "watched_on": "2023-9-3"}, "watched_on: expected an ISO date"),
        ({"film": {"title": "x"}, "watched_on": 20230903}, "watched_on: expected an ISO date"),
        ({"film": {"title": "x"}, "watched_on": "2023-W01-1"}, "watched_on: expected an ISO"),
        ({"film": {"title": "x"}, "logged_on": "2023-02-30"}, "logged_on: '2023-02-30' is not"),
        ({"film": {"title": "x"}, "rewatch": "yes"}, "rewatch: expected true or false"),
        ({"watched_on": "2023-09-03"}, "film: required key missing"),
    ],
)
def test_invalid_json(doc: dict[str, Any], error: str) -> None:
    with pytest.raises(ValidationError, match=f"^{error}"):
        from_dict(doc, Viewing)
