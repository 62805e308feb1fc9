"""Equal parts held once by a read (load_jsonl, read_parquet): the films stay equal."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import ContentRating, Credit, Film, Offer, dump_jsonl, from_json, load_jsonl, to_json
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


# -- sharing as the decoder reads (load_jsonl), and the post-hoc pass (read_parquet) ---------

_PRICED = [
    Film(title, offers=[Offer("Netflix", "buy", price=price, currency="USD")])
    for title, price in (("A", "3.99"), ("B", "3.990"), ("C", "3.99"))
]


def test_equal_prices_written_differently_are_not_shared() -> None:
    # Decimal("3.99") == Decimal("3.990"): sharing must not make B write "3.99".
    blob = _blob(_PRICED)
    shared = Shared()
    after = [shared.film(attrs.evolve(film)) for film in _PRICED]
    for films in (list(load_jsonl(io.BytesIO(blob))), after):
        assert _blob(films) == blob
        assert films[0].offers[0] is films[2].offers[0]
        assert films[0].offers[0] is not films[1].offers[0]


def test_the_decoder_shares_credits_and_offers_until_the_table_is_full() -> None:
    from filmmeta.converters import _decode_shared

    line = _blob(FILMS[:1])
    shared = Shared()
    a, b = (_decode_shared(line, strict=True, shared=shared) for _ in range(2))
    assert a.credits[0] is b.credits[0]
    assert a.offers[0] is b.offers[0]
    full = Shared(limit=0)
    c, d = (_decode_shared(line, strict=True, shared=full) for _ in range(2))
    assert c == d == a
    assert c.credits[0] is not d.credits[0]
    assert c.offers[0] is not d.offers[0]


def test_a_full_table_still_gives_what_it_holds_after_the_fact() -> None:
    shared = Shared(limit=3)  # Chris Fiore, A (actor) and the offer; then full
    first = shared.film(Film("A", credits=FILMS[0].credits, offers=FILMS[0].offers))
    again = shared.film(Film("B", credits=[*FILMS[0].credits, Credit("New", "actor")]))
    assert again.credits[:2] == first.credits
    assert again.credits[0] is first.credits[0]


@pytest.mark.parametrize(
    ("line", "message"),
    [("[1]", "expected a JSON object"), ('{"title": ""}', "must not be empty")],
)
def test_a_shared_read_reports_bad_lines(line: str, message: str) -> None:
    from filmmeta import ValidationError

    with pytest.raises(ValidationError, match=message):
        list(load_jsonl(io.StringIO(line)))


def test_a_shared_read_builds_the_hooks_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from filmmeta import converters

    monkeypatch.setattr(converters, "_FROM_DICT", {True: {}, False: {}})
    assert list(load_jsonl(io.BytesIO(_blob(FILMS)))) == FILMS


def test_a_full_price_table_reads_prices_all_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from filmmeta._json import fast_parts

    monkeypatch.setattr(fast_parts, "_MAX_CACHED", 0)
    film = Film("A", offers=[Offer("Netflix", "buy", price="123.4567", currency="USD")])
    assert from_json(to_json(film)) == film
    assert "123.4567" not in fast_parts._PRICES


def test_a_film_shared_twice_keeps_its_parts() -> None:
    shared = Shared()
    film = shared.film(attrs.evolve(FILMS[0]))
    parts = film.content_ratings, film.genres, film.credits[0], film.offers[0]
    again = shared.film(film)
    assert (again.content_ratings, again.genres, again.credits[0], again.offers[0]) == parts
    assert again.content_ratings is parts[0]
