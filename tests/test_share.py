"""Equal parts held once by a read (load_jsonl, read_parquet): the films stay equal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import ContentRating, Credit, Film, Offer, dump_jsonl, load_jsonl, to_json
from filmmeta._model.share import Shared
from tests import strategies

FILMS = [
    Film(
        title,
        genres=["Drama", "Music"],
        content_ratings=[ContentRating("R", country="US")],
        credits=[Credit("Chris Fiore", "director"), Credit(title, "actor")],
        offers=[Offer("Netflix", "subscription", region="US")],
    )
    for title in ("A", "B")
]


def _blob(films: list[Film]) -> bytes:
    return b"".join(to_json(film).encode() + b"\n" for film in films)


def test_load_jsonl_shares_equal_parts_and_keeps_the_films() -> None:
    a, b = load_jsonl(io.BytesIO(_blob(FILMS)))
    assert [a, b] == FILMS
    assert a.genres is b.genres
    assert a.content_ratings is b.content_ratings
    assert a.credits[0] is b.credits[0]
    assert a.credits[1] is not b.credits[1]  # equal only in part: each its own
    c, d = load_jsonl(io.BytesIO(_blob(FILMS)), share=False)
    assert [c, d] == FILMS
    assert c.genres is not d.genres


def test_read_parquet_shares_too(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from filmmeta.frames import read_parquet, write_parquet

    write_parquet(FILMS, tmp_path / "c.parquet")
    a, b = read_parquet(tmp_path / "c.parquet")
    assert a.offers[0] is b.offers[0]
    c, d = read_parquet(tmp_path / "c.parquet", share=False)
    assert [c, d] == FILMS
    assert c.offers[0] is not d.offers[0]


def test_the_table_is_bounded_and_what_it_holds_stays_shared() -> None:
    shared = Shared(limit=2)  # "Drama" and ("Drama",)
    first = shared.film(Film("A", genres=["Drama"]))
    other = shared.film(Film("B", languages=["en"]))  # the table is full: not remembered
    assert shared.film(Film("C", genres=["Drama"])).genres is first.genres
    assert shared.film(Film("D", languages=["en"])).languages is not other.languages
    assert shared.film(first).genres is first.genres  # a film read twice: nothing to set


@given(st.lists(strategies.films, max_size=4))
def test_shared_films_equal_their_own(films: list[Film]) -> None:
    shared = Shared()
    assert [shared.film(film) for film in load_jsonl(io.BytesIO(_blob(films)))] == films


def test_other_classes_are_read_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "credits.jsonl"
    dump_jsonl([Credit("A", "actor")] * 2, path)
    a, b = load_jsonl(path, Credit)
    assert a == b
    assert a is not b
