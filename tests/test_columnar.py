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
from tests import strategies
from tests.conftest import ROUND_TRIP_EXAMPLES
from tests.test_decode import _VALUE, FILMS

pa = pytest.importorskip("pyarrow")
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


@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(
    st.lists(strategies.films, max_size=8),
    st.sampled_from([1, 3, 1000]),
)
def test_valid_catalogs_give_the_object_paths_table(films: list[Film], size: int) -> None:
    blob = b"".join(to_json(film).encode() + b"\n" for film in films)
    assert not isinstance(_agree(blob, batch_size=size), tuple)


@settings(max_examples=ROUND_TRIP_EXAMPLES)
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
        b'{"title": "A", "ids": {"imdb": "tt123"}}',
        b'{"title": "A", "ids": {"tmdb": 0}}',
        b'{"title": "A", "languages": ["EN"], "countries": ["UK"]}',
        b'{"title": "A", "kind": "series"}',
        b'{"title": "A", "votes": 1}',
        b"[1]\n" + GOOD,
    ],
)
@pytest.mark.parametrize("strict", [True, False])
def test_hostile_lines(blob: bytes, strict: bool) -> None:
    _agree(blob, strict=strict)
    _agree(blob, strict=strict, batch_size=1)


def test_a_field_the_checks_do_not_cover_sends_every_line_the_object_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from filmmeta._catalog import checks, columnar

    def without_original_title(pa: Any) -> Any:
        return checks.read_schema(pa).remove(13)

    monkeypatch.setattr(columnar, "read_schema", without_original_title)
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
