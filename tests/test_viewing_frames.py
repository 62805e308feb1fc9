"""Viewings as records and DataFrames (frames.viewing_records, viewings_to_dataframe)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import ExternalIds, Film, Rating, ValidationError, Viewing
from filmmeta.formats.letterboxd import read_viewings
from filmmeta.frames import viewing_records, viewings_to_dataframe

from . import strategies
from .conftest import FIXTURES

pd = pytest.importorskip("pandas")

HEAT = Film("Heat", release_date=1995, ids=ExternalIds(imdb="tt0113277", tmdb=949))


def test_records() -> None:
    (record,) = viewing_records(
        [
            Viewing(
                HEAT,
                watched_on="2023-09-03",
                rating=Rating("imdb", 9),
                tags=["cinema"],
                user="42",
            )
        ]
    )
    assert record["title"] == "Heat"
    assert (record["year"], record["kind"], record["imdb_id"], record["tmdb_id"]) == (
        1995,
        "movie",
        "tt0113277",
        949,
    )
    assert (record["watched_on"], record["logged_on"]) == (dt.date(2023, 9, 3), None)
    assert (record["rating_source"], record["rating"], record["rating_best"]) == ("imdb", 9, 10)
    assert (record["rating_percent"], record["tags"], record["user"]) == (90.0, ["cinema"], "42")


def test_dataframe_of_a_diary() -> None:
    df = viewings_to_dataframe(read_viewings(FIXTURES / "letterboxd" / "export" / "diary.csv"))
    assert list(df.columns)[:5] == ["title", "year", "kind", "watched_on", "logged_on"]
    assert str(df.watched_on.dtype) == "datetime64[s]"
    assert df.watched_on.dt.year.tolist() == [2023, 2023, 2017]
    assert df.rating.tolist()[:2] == [4.5, 4.0]
    assert df.rating.isna().tolist() == [False, False, True]
    assert df.rewatch.sum() == 1
    assert str(df.rating_source.dtype) == "category"


def test_empty_and_wrong_items() -> None:
    df = viewings_to_dataframe([])
    assert len(df) == 0
    assert str(df.logged_on.dtype) == "datetime64[s]"
    with pytest.raises(ValidationError, match="expected a Viewing, got Film"):
        viewing_records([HEAT])  # type: ignore[list-item]


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pandas"):
        viewings_to_dataframe([])


# A viewing's film is drawn whole, though only its title becomes a column here.
@settings(max_examples=25)
@given(st.lists(strategies.viewings, max_size=4))
def test_every_viewing_makes_a_row(viewings: list[Viewing]) -> None:
    df = viewings_to_dataframe(viewings)
    assert len(df) == len(viewings)
    assert df.title.tolist() == [v.film.title for v in viewings]
    assert [None if pd.isna(d) else d.date() for d in df.watched_on] == [
        v.watched_on for v in viewings
    ]
