"""The columnar path (JSON Lines -> Arrow without films) against the object path.

The model is the one authority: on generated, mutated and hostile catalogs, the columnar
path must give the same table, or the same error at the same line and path, as
``to_arrow(load_jsonl(...))``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import Film, ValidationError, dump_jsonl, load_jsonl, to_dict, to_json
from filmmeta import frames as fr
from filmmeta._model import MAX_TEXT
from tests import strategies
from tests.conftest import ROUND_TRIP_EXAMPLES
from tests.test_decode import _VALUE, FILMS

pa = pytest.importorskip("pyarrow")
pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")


def _line(doc: Any) -> bytes:
    # json, not orjson: it also writes what is not JSON (NaN, Infinity, lone surrogates
    # escaped), which a hostile file holds.
    return json.dumps(doc).encode()


def _objects(blob: bytes, strict: bool) -> Any:
    try:
        return fr.to_arrow(list(load_jsonl(io.BytesIO(blob), strict=strict)))
    except ValidationError as err:
        return (err.line, err.errors)


def _columns(blob: bytes, strict: bool, batch_size: int) -> Any:
    try:
        return fr.to_arrow(io.BytesIO(blob), strict=strict, batch_size=batch_size)
    except ValidationError as err:
        return (err.line, err.errors)


def _agree(blob: bytes, *, strict: bool = True, batch_size: int = 1000) -> Any:
    expected = _objects(blob, strict)
    found = _columns(blob, strict, batch_size)
    if isinstance(expected, tuple):
        assert found == expected
    else:
        assert isinstance(found, pa.Table)
        assert found.schema.equals(expected.schema)
        assert found.equals(expected), (found.to_pylist(), expected.to_pylist())
        # Parquet checks what equality does not: no null under a non-nullable field.
        pa.parquet.write_table(found, io.BytesIO())
    return expected


LINES = st.one_of(
    strategies.films.map(lambda film: to_json(film).encode()),
    FILMS.map(_line),
    strategies.films.flatmap(
        lambda film: st.sampled_from(sorted(to_dict(film))).flatmap(
            lambda key: _VALUE.map(lambda value: _line({**to_dict(film), key: value}))
        )
    ),
    st.sampled_from([b"", b"   ", b"{}", b"null", b"[1]", b'{"title": "A"} {"title": "B"}']),
)


# The profile's number of examples: each catalog costs a few batches of Arrow calls. Up to
# five films (was eight): batches of 1 and 3 still join several, and drawing the films was
# most of this test's time, the suite's longest, which its three minutes decide.
@given(
    st.lists(strategies.films, max_size=5),
    st.sampled_from([1, 3, 1000]),
)
def test_valid_catalogs_give_the_object_paths_table(films: list[Film], size: int) -> None:
    blob = b"".join(to_json(film).encode() + b"\n" for film in films)
    assert not isinstance(_agree(blob, batch_size=size), tuple)


@given(st.lists(LINES, max_size=6), st.sampled_from([1, 2, 1000]), st.booleans())
def test_mutated_and_hostile_catalogs_give_the_object_paths_verdict(
    lines: list[bytes], size: int, strict: bool
) -> None:
    _agree(b"\n".join(lines), strict=strict, batch_size=size)


GOOD = (
    b'{"title":"Heat","kind":"movie","runtime":"PT2H50M","ratings":[{"source":"imdb","value":8.3}]}'
)


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        b"\n\n",
        GOOD,
        GOOD + b"\n\n  \n" + GOOD + b"\n",
        GOOD + b"\r\n" + GOOD,
        b'{"title": "A"} {"title": "B"}\n' + GOOD,
        b'{"title":\n"A"}',
        b"\xef\xbb\xbf" + GOOD,
        b'{"title": "A\xff"}',
        b'{"title": "A", "of\x9b": 1}',
        b'{"title": "A", "x": -Infinity}',
        b'{"title": "Inferno"}',
        b'{"title": "\\ud800"}',
        b'{"title": "A", "title": "B"}',
        b'{"title": "A", "summary": null}',
        b'{"title": "A", "genres": null}',
        b'{"title": "A", "ratings": [{"source": "imdb", "value": NaN}]}',
        b'{"title": "A", "ratings": [{"source": "imdb", "value": 8}, '
        b'{"source": "imdb", "value": 7}]}',
        b'{"title": "A", "ratings": [{"source": "imdb", "value": 8, "stars": 5}]}',
        b'{"title": "A", "ratings": [{"source": "imdb", "value": 8, "best": 10}]}',
        b'{"title": "A", "ratings": [{"source": "stars", "value": 8, "best": 10}]}',
        b'{"title": "A", "release_date": "2000-02-29"}',
        b'{"title": "A", "release_date": "2001-02-29"}',
        b'{"title": "A", "release_date": "0999"}',
        b'{"title": "A", "runtime": "PT90M"}',
        b'{"title": "A", "runtime": "P30M"}',
        b'{"title": "A", "offers": [{"provider": "X", "type": "rent", "price": "03.99", '
        b'"currency": "USD"}]}',
        b'{"title": "A", "offers": [{"provider": "X", "type": "rent", "price": "3.99"}]}',
        b'{"title": "A", "content_ratings": [{"code": "R", "country": "US"}]}',
        b'{"title": "A", "content_ratings": [{"code": "pg13", "country": "US"}]}',
        b'{"title": "A", "content_ratings": [{"code": "R", "country": "XX", "system": "MPA"}]}',
        b'{"title": "A", "content_ratings": [{"code": "R\\u001fUS", "country": "US"}]}',
        b'{"title": "A", "credits": [{"name": "\\u3000", "role": "actor"}]}',
        b'{"title": "A", "credits": [{"name": "B", "role": "Best Boy"}]}',
        b'{"title": "\\u001c"}',
        # Texts whose first byte does not settle that they are not blank (masks.text_ok).
        '{"title": "Ágúst", "summary": " Offset", "genres": ["\u00a0Drama", "\u3000"]}'.encode(),
        b'{"title": "", "credits": [{"name": "\\u2028", "role": "actor"}]}',
        b'{"title": "A", "tagline": "' + b"x" * (MAX_TEXT + 1) + b'"}',
        b'{"title": "A", "ids": {"imdb": "tt123"}}',
        b'{"title": "A", "ids": {"tmdb": 0}}',
        b'{"title": "A", "languages": ["EN"], "countries": ["UK"]}',
        b'{"title": "A", "kind": "series"}',
        b'{"title": "A", "votes": 1}',
        b"[1]\n" + GOOD,
        # One batch read whole, one line of it decided, one left to the object path
        # (valid, but the system is inferred): both, in line order.
        b'{"title": "A", "content_ratings": [{"code": "R", "country": "US"}]}\n' + GOOD,
        # Model 2's parts (issue 12): each rule once, and what a canonical writer gives.
        b'{"title": "A", "titles": [{"text": "B"}, {"text": "B", "kind": "alternative"}]}',
        b'{"title": "A", "titles": [{"text": "B", "region": "UK", "kind": "tv"}]}',
        b'{"title": "A", "releases": [{"date": "2001", "country": "US"}, '
        b'{"date": "2001", "country": "US", "kind": "theatrical"}]}',
        b'{"title": "A", "releases": [{"date": "2001-02-29", "kind": "digital"}]}',
        b'{"title": "A", "editions": [{"name": "Cut", "runtime": "P30M"}]}',
        b'{"title": "A", "editions": [{"name": "Cut", "runtime": "PT2H"}]}',
        b'{"title": "A", "collection": {"name": "C", "ids": {"tmdb": 3}}}',
        b'{"title": "A", "collection": {"name": "C", "ids": {"other": {"trakt": "1"}}}}',
        b'{"title": "A", "collection": {"overview": "C"}}',
        b'{"title": "A", "budget": {"amount": "-1", "currency": "USD"}}',
        b'{"title": "A", "budget": {"amount": 1.5, "currency": "USD"}}',
        b'{"title": "A", "box_office": [{"amount": "5", "currency": "usd", "region": "US"}]}',
        b'{"title": "A", "awards": [{"name": "O", "year": 0}, {"name": "O", "count": 0}]}',
        b'{"title": "A", "awards": [{"name": "O", "outcome": "nominated", "count": 3}]}',
        b'{"title": "A", "images": [{"url": "poster.jpg"}]}',
        b'{"title": "A", "images": [{"url": "https://x.org/p.jpg", "width": 0}]}',
        b'{"title": "A", "videos": [{"url": "https://x.org/v", "kind": "making-of"}]}',
        b'{"title": "A", "keywords": ["k", ""], "tagline": "   "}',
        b'{"title": "A", "offers": [{"provider": "X", "type": "rent", '
        b'"available_from": "2020-02-01", "available_until": "2020-01-31"}]}',
        b'{"title": "A", "offers": [{"provider": "X", "type": "rent", '
        b'"audio_languages": ["en", "en"], "features": ["hdr", "3d"]}]}',
        b'{"title": "A", "offers": [{"provider": "X", "type": "rent", '
        b'"available_from": "2020-02-30", "subtitle_languages": ["EN"]}]}',
        b'{"title": "A", "content_ratings": [{"code": "R", "country": "US", "system": "MPA", '
        b'"descriptors": ["violence", ""]}]}',
        b'{"title": "A", "ids": {"imdb": "tt0250262", "other": {"trakt": "12"}}}',
        b'{"title": "A", "ids": {"oth\\u0065r": {"trakt": "12"}}}',
    ],
)
@pytest.mark.parametrize("strict", [True, False])
def test_hostile_lines(blob: bytes, strict: bool) -> None:
    _agree(blob, strict=strict)
    _agree(blob, strict=strict, batch_size=1)


@given(
    st.lists(st.none() | st.text(max_size=8) | st.sampled_from([" a", "\u3000b", "x" * 8])),
    st.integers(0, 3),
)
def test_the_cheap_text_test_gives_the_exact_tests_mask(texts: list[str | None], at: int) -> None:
    from filmmeta._catalog import checks, masks

    pc = pytest.importorskip("pyarrow.compute")

    def exact(values: Any) -> Any:  # checks._exact_text, at most 7 bytes
        return pc.and_(
            pc.match_substring_regex(values, checks._NOT_BLANK),
            pc.less_equal(pc.binary_length(values), 7),
        )

    # A slice: the arrays of struct_field and list_flatten need not begin at 0.
    values = pa.array(["pad"] * at + texts, pa.string()).slice(at)
    found = masks.text_ok(pa, pc, values, 7, exact)
    assert found.equals(exact(values))
    assert found.to_pylist() == [
        None if text is None else bool(text.strip()) and len(text.encode()) <= 7 for text in texts
    ]


# -- blocks of lines: the bytes of a binary file cut as iterating over it cuts them ---------

_BYTES = st.lists(
    st.sampled_from([b"{", b"}", b"\n", b"\r", b" ", b"null", b'"other"', b"nu", b"ll", b"x"]),
    max_size=40,
).map(b"".join)


@given(_BYTES, st.integers(1, 4), st.integers(1, 9), st.integers(1, 9))
def test_blocks_cut_a_file_as_its_lines(data: bytes, lines: int, first: int, stride: int) -> None:
    from unittest import mock

    from filmmeta._catalog import blocks

    # Reads and strides of a few bytes: lines across reads, words across strides.
    with (
        mock.patch.object(blocks, "_FIRST_READ", first),
        mock.patch.object(blocks, "_STRIDE", stride),
    ):
        found = list(blocks.line_blocks(io.BytesIO(data), lines))
        words = (b"null", b'"other"')
        assert [blocks.holds_any(block, words) for block, _ in found] == [
            any(word in bytes(block) for word in words) for block, _ in found
        ]
    assert b"".join(bytes(block) for block, _ in found) == data
    cut = [blocks.lines_of(block) for block, _ in found]
    assert [line for part in cut for line in part] == io.BytesIO(data).readlines()
    assert all(len(part) == lines for part in cut[:-1])
    assert all(cut)
    for (block, ends), part in zip(found, cut, strict=True):
        assert [int(end) for end in ends] == [
            sum(map(len, part[: i + 1])) for i, line in enumerate(part) if line.endswith(b"\n")
        ]
        plain = all(line.startswith(b"{") and line.endswith(b"}\n") for line in part[:-1])
        last = part[-1].startswith(b"{") and part[-1].endswith((b"}", b"}\n"))
        assert blocks.canonical(block, ends) == (plain and last)


def test_a_field_the_checks_do_not_cover_sends_every_line_the_object_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from filmmeta._catalog import checks, columnar

    covered = {**checks.COVERED, "": checks.COVERED[""][:-1]}  # as if tagline were new
    monkeypatch.setattr(checks, "COVERED", covered)
    calls: list[Any] = []
    decode = columnar.from_json

    def counted(line: Any, cls: Any, *, strict: bool) -> Film:
        calls.append(line)
        return decode(line, cls, strict=strict)

    monkeypatch.setattr(columnar, "from_json", counted)
    table = fr.to_arrow(io.BytesIO(GOOD + b"\n" + GOOD))
    assert len(calls) == 2
    assert table.equals(fr.to_arrow(list(load_jsonl(io.BytesIO(GOOD + b"\n" + GOOD)))))


def test_an_error_names_the_line_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    path.write_bytes(GOOD + b"\n\n" + b'{"title": "A", "kind": "series"}\n')
    with pytest.raises(ValidationError) as info:
        fr.write_parquet(path, tmp_path / "out.parquet")
    assert (info.value.file, info.value.line) == (str(path), 3)
    assert info.value.errors[0][0] == "kind"


def test_text_files_and_paths_read_alike(tmp_path: Path) -> None:
    films = [Film("Heat", runtime=170), Film("Zoë", genres=["Drama"])]
    path = tmp_path / "catalog.jsonl"
    dump_jsonl(films, path)
    text = io.StringIO(path.read_text(encoding="utf-8"))
    expected = fr.to_arrow(films)
    assert fr.to_arrow(path).equals(expected)
    assert fr.to_arrow(str(path)).equals(expected)
    assert fr.to_arrow(text).equals(expected)
    assert fr.write_parquet(path, tmp_path / "out.parquet", row_group_size=1) == 2
    assert list(fr.read_parquet(tmp_path / "out.parquet")) == films


@settings(max_examples=ROUND_TRIP_EXAMPLES // 4)
@given(st.lists(strategies.films, max_size=6), st.sampled_from(["US", "GB"]))
def test_dataframes_of_jsonl_are_the_object_paths(films: list[Film], country: str) -> None:
    blob = b"".join(to_json(film).encode() + b"\n" for film in films)
    expected = fr.to_dataframe(films, country=country)
    found = fr.to_dataframe(io.BytesIO(blob), country=country)
    pd.testing.assert_frame_equal(found, expected)


def test_a_dataframe_refuses_a_source_that_clashes_like_the_object_path() -> None:
    line = b'{"title": "A", "ratings": [{"source": "content", "value": 3, "best": 5}]}'
    with pytest.raises(ValueError, match="content_rating"):
        fr.to_dataframe(io.BytesIO(line))


def test_the_model_2_columns_of_both_paths() -> None:
    from filmmeta import Award, Collection, Image, Money, Release, Title

    films = [
        Film(
            "Heat",
            tagline="A Los Angeles crime saga",
            collection=Collection("Heat Collection"),
            budget=Money("60000000", "USD"),
            box_office=[Money("67436818", "USD", region="US"), Money("187436818.5", "USD")],
            keywords=["heist"],
            titles=[Title("Fuego contra fuego", region="MX")],
            releases=[Release("1995-12-15", country="US")],
            awards=[Award("Saturn Awards", outcome="nominated", count=2)],
            images=[Image("https://x.org/b.jpg", kind="backdrop"), Image("https://x.org/p.jpg")],
        ),
        Film("Untitled"),
    ]
    blob = b"".join(to_json(film).encode() + b"\n" for film in films)
    expected = fr.to_dataframe(films)
    pd.testing.assert_frame_equal(fr.to_dataframe(io.BytesIO(blob)), expected)
    heat = fr.to_records(films)[0]
    assert (heat["budget"], heat["budget_currency"]) == (60_000_000.0, "USD")
    assert (heat["box_office_worldwide"], heat["collection"]) == (187_436_818.5, "Heat Collection")
    assert heat["poster_url"] == "https://x.org/p.jpg"
    assert (heat["title_count"], heat["release_count"], heat["award_count"]) == (1, 1, 1)
    assert list(expected.columns[-11:]) == [
        "tagline", "collection", "budget", "budget_currency", "box_office_worldwide",
        "box_office_currency", "keywords", "title_count", "release_count", "award_count",
        "poster_url",
    ]  # fmt: skip


def test_a_dataframe_read_in_batches_joins_sources_that_come_and_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from filmmeta import Rating

    monkeypatch.setattr(fr, "_FRAME_BATCH", 1)
    films = [
        Film("A", ratings=[Rating("imdb", 7.5, votes=10)]),
        Film("B"),
        Film("C", ratings=[Rating("letterboxd", 4.0)]),
    ]
    blob = b"".join(to_json(film).encode() + b"\n" for film in films)
    found = fr.to_dataframe(io.BytesIO(blob))
    pd.testing.assert_frame_equal(found, fr.to_dataframe(films))
    assert found["letterboxd_rating"].tolist() == [pd.NA, pd.NA, 4.0]
