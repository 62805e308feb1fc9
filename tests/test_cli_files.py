"""The command line on the CSV files people keep: Letterboxd, IMDb and MovieLens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from filmmeta import from_json
from filmmeta._cli import main

from .conftest import FIXTURES

CASES = [
    ("letterboxd", FIXTURES / "letterboxd" / "export" / "diary.csv", "No Hard Feelings"),
    ("letterboxd", FIXTURES / "letterboxd" / "export" / "watched.csv", "On the Line"),
    (
        "letterboxd",
        FIXTURES / "letterboxd" / "export" / "lists" / "all-time-favorites.csv",
        "Sonatine",
    ),
    ("imdb-csv", FIXTURES / "imdb_csv" / "ratings-2024.csv", "Iron Man 3"),
    ("imdb-csv", FIXTURES / "imdb_csv" / "watchlist-legacy.csv", "Inception"),
    ("movielens", FIXTURES / "movielens" / "movies.csv", "Toy Story"),
]


@pytest.mark.parametrize(("name", "path", "first"), CASES)
@pytest.mark.parametrize("given", [True, False])
def test_convert(
    capsys: pytest.CaptureFixture[str], name: str, path: Path, first: str, given: bool
) -> None:
    argv = ["convert", *(["--from", name] if given else []), str(path)]
    status = main(argv)
    out = capsys.readouterr().out
    films = [from_json(line) for line in out.splitlines()]
    assert status == 0
    assert films[0].title == first


def test_a_bad_row_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text("Const,Your Rating,Title\ntt0113277,8,Heat\ntt1,8,Bad\n", encoding="utf-8")
    assert main(["convert", "--from", "imdb-csv", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:3: Const: 'tt1' is not an IMDb id" in err


def test_wikidata(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from .test_wikidata import entity

    path = tmp_path / "Q2262932.json"
    path.write_text(json.dumps({"entities": {"Q2262932": entity()}}), encoding="utf-8")
    for argv in (["convert", str(path)], ["convert", "--from", "wikidata", str(path)]):
        assert main(argv) == 0
        (line,) = capsys.readouterr().out.splitlines()
        assert from_json(line).title == "City Streets"
