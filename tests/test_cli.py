from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from filmmeta import Film, dump_jsonl, from_json, to_json
from filmmeta._cli import main
from tests.conftest import FIXTURES


def test_show_the_bundled_film(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Backstage\n")
    assert "MPAA Rating   R" in out
    assert "Runtime       1 hr 26 min" in out
    assert "Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes." in out
    assert "mostly poor reviews" in out
    assert "Apple TV, Amazon, Google Play and Vudu." in out


def test_show_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "heat.json"
    path.write_text(to_json(Film("Heat", content_ratings=[], release_date="1995")), "utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Heat is a 1995 movie." in out
    assert "None" not in out


def test_show_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": 5}', "utf-8")
    assert main(["show", str(path)]) == 1
    assert capsys.readouterr().err == "filmmeta: error: title: expected a string, got int 5\n"
    assert main(["show", str(tmp_path / "missing.json")]) == 1
    assert "No such file" in capsys.readouterr().err


def test_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(to_json(Film("Heat")), "utf-8")
    lines = tmp_path / "films.jsonl"
    lines.write_text(
        '{"title": "A"}\n\n{"title": "B", "kind": "x", "votes": 1}\n{"title": "C"}\n', "utf-8"
    )
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out == "1 valid, 0 invalid\n"
    assert main(["validate", str(good), str(lines)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "3 valid, 1 invalid\n"
    assert captured.err.splitlines() == [
        f"{lines}:3: kind: 'x' is not one of movie, tv_movie, short, video, tv_special",
        f"{lines}:3: votes: unknown key",
    ]
    assert main(["validate", "--lenient", str(lines)]) == 1
    assert "votes" not in capsys.readouterr().err


def test_convert_json_to_jsonl_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    films = [Film("A", release_date="2000"), Film("B", runtime=90)]
    source = tmp_path / "films.jsonl"
    dump_jsonl(films, source)
    assert main(["convert", "--to", "json", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.count('"title"') == 2
    assert main(["convert", str(source)]) == 0
    assert [from_json(line) for line in capsys.readouterr().out.splitlines()] == films


def test_convert_error_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "films.jsonl"
    source.write_text('{"title": "A"}\n{"title": ""}\n', "utf-8")
    assert main(["convert", str(source)]) == 1
    err = capsys.readouterr().err
    assert err == f"filmmeta: error: {source}, line 2: title: must not be empty\n"


def test_convert_error_names_the_json_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "film.json"
    source.write_text('{"title": ""}', "utf-8")
    assert main(["convert", str(source)]) == 1
    assert capsys.readouterr().err == f"filmmeta: error: {source}: title: must not be empty\n"


def test_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "filmmeta", "show"], capture_output=True, text=True, check=True
    )
    assert "Backstage is a 2000 tv movie" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "filmmeta", "validate", "/nonexistent.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("filmmeta: error: ")
    assert "Traceback" not in bad.stderr


def test_main_module_exits_with_the_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In this process, so that coverage sees __main__.py; the subprocess test above
    # shows the same from the outside.
    monkeypatch.setattr(sys, "argv", ["filmmeta", "validate", "/nonexistent.json"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("filmmeta", run_name="__main__")
    assert info.value.code == 1
    assert capsys.readouterr().err.startswith("filmmeta: error: ")


class _Terminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filmmeta import _cli

    terminal = _Terminal()
    monkeypatch.setattr(_cli.sys, "stderr", terminal)
    monkeypatch.setattr(_cli._Progress, "EVERY", 2)
    source = tmp_path / "films.jsonl"
    dump_jsonl([Film(str(i)) for i in range(5)], source)
    assert main(["validate", str(source)]) == 0
    assert terminal.text == "\r2 lines\r4 lines\r5 lines\n"


def test_no_progress_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "films.jsonl"
    dump_jsonl([Film(str(i)) for i in range(3)], source)
    assert main(["convert", str(source)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("source", "path", "title"),
    [
        ("omdb", FIXTURES / "omdb" / "back-to-the-future.json", "Back to the Future"),
        ("tmdb", FIXTURES / "tmdb" / "details.json", None),
        ("jsonld", FIXTURES / "jsonld" / "minimal.json", None),
    ],
)
def test_convert_from_foreign_formats(
    source: str, path: Path, title: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", "--from", source, "--to", "jsonl", str(path)]) == 0
    film = from_json(capsys.readouterr().out)
    if title is not None:
        assert film.title == title
    assert main(["convert", "--from", source, "--to", "jsonld", str(path)]) == 0
    jsonld = json.loads(capsys.readouterr().out)
    assert jsonld["@type"] == "Movie"
    assert jsonld["name"] in {film.title, film.original_title}


def test_convert_a_non_film_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--from", "omdb", str(FIXTURES / "omdb" / "series.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("filmmeta: error: ")
    assert "Traceback" not in err


def test_importer_warnings_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads((FIXTURES / "omdb" / "back-to-the-future.json").read_text("utf-8"))
    doc["Language"] = "English, Elvish"
    path = tmp_path / "omdb.json"
    path.write_text(json.dumps(doc), "utf-8")
    assert main(["convert", "--from", "omdb", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("filmmeta: warning: ")
    assert "Elvish" in err
