"""load_jsonl's on_error and progress (filmmeta._json.jsonl)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import IO, Any

import pytest

from filmmeta import FilmmetaWarning, JsonLines, ValidationError, load_jsonl

TEXT = '{"title": "A"}\n\n{"title": ""}\n{"title": "B", "votes": 1}\n{nope\n{"title": "C"}\n'
BAD = [
    (3, [("title", "must not be empty")]),
    (4, [("votes", "unknown key")]),
    (5, [("$", "not valid JSON: ...")]),
]


def _shown(err: ValidationError) -> tuple[int | None, list[tuple[str, str]]]:
    # The JSON parser's own words vary with the backend.
    messages = [
        (p, "not valid JSON: ..." if m.startswith("not valid JSON") else m) for p, m in err.errors
    ]
    return err.line, messages


@pytest.fixture(params=["text", "binary", "path"])
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param == "text":
        return io.StringIO(TEXT)
    if request.param == "binary":
        return io.BytesIO(TEXT.encode())
    path = tmp_path / "films.jsonl"
    path.write_text(TEXT, "utf-8")
    return path


def test_raise_stops_at_the_first_bad_line(source: Any) -> None:
    films = load_jsonl(source)
    assert next(films).title == "A"
    with pytest.raises(ValidationError) as info:
        next(films)
    assert _shown(info.value) == BAD[0]
    assert info.value.file == (str(source) if isinstance(source, Path) else None)


def test_collect_keeps_every_bad_line(source: Any) -> None:
    films = load_jsonl(source, on_error="collect")
    assert isinstance(films, JsonLines)
    assert [f.title for f in films] == ["A", "C"]
    assert [_shown(err) for err in films.errors] == BAD
    if isinstance(source, Path):
        assert {err.file for err in films.errors} == {str(source)}


def test_skip_warns_for_every_bad_line(source: Any) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        films = load_jsonl(source, on_error="skip")
        assert [f.title for f in films] == ["A", "C"]
    assert all(w.category is FilmmetaWarning for w in caught)
    assert all(w.filename == __file__ for w in caught)  # points at the caller's loop
    messages = [str(w.message) for w in caught]
    assert len(messages) == 3
    assert messages[0].startswith("left out: ")
    assert messages[0].endswith("line 3: title: must not be empty")
    assert messages[1].endswith("line 4: votes: unknown key")
    assert films.errors == []


def test_skip_warnings_are_errors_where_warnings_are() -> None:
    # The suite's own filterwarnings = error: a caller who wants to stop, stops.
    with pytest.raises(FilmmetaWarning, match="line 3: title: must not be empty"):
        list(load_jsonl(io.StringIO(TEXT), on_error="skip"))


def test_an_unknown_on_error_is_refused() -> None:
    with pytest.raises(ValueError, match="on_error must be one of 'raise', 'skip', 'collect'"):
        load_jsonl(io.StringIO(TEXT), on_error="warn")  # type: ignore[arg-type]


def test_progress_hears_every_line(tmp_path: Path) -> None:
    path = tmp_path / "films.jsonl"
    path.write_text(TEXT, "utf-8")
    sizes: list[int] = []
    films = list(load_jsonl(path, on_error="collect", progress=sizes.append))
    assert len(films) == 2
    # Blank and bad lines included: the sizes add up to the file's, for a bar's total.
    assert sum(sizes) == path.stat().st_size
    assert len(sizes) == len(path.read_bytes().splitlines())


def test_progress_of_a_text_file_counts_characters() -> None:
    sizes: list[int] = []
    list(load_jsonl(io.StringIO('{"title": "Amélie"}\n'), progress=sizes.append))
    assert sizes == [len('{"title": "Amélie"}\n')]


def test_close_stops_the_read(tmp_path: Path) -> None:
    path = tmp_path / "films.jsonl"
    path.write_text('{"title": "A"}\n{"title": "B"}\n', "utf-8")
    films = load_jsonl(path)
    assert next(films).title == "A"
    films.close()
    assert list(films) == []


def test_other_classes_per_line() -> None:
    from filmmeta import Rating

    lines: IO[str] = io.StringIO(
        '{"source": "imdb", "value": 5.7}\n{"source": "imdb", "value": 57}\n'
    )
    ratings = load_jsonl(lines, Rating, on_error="collect")
    assert [r.value for r in ratings] == [5.7]
    assert [_shown(e) for e in ratings.errors] == [
        (2, [("value", "57 is above the scale's best 10")])
    ]
