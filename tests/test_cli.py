from __future__ import annotations

import io
import json
import os
import re
import runpy
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from filmmeta import Film, ValidationError, dump_jsonl, from_json, to_json
from filmmeta._cli import commands, main
from filmmeta._cli import progress as progress_module
from filmmeta._cli.formats import INPUTS, InputFormat, detect_json
from filmmeta.exceptions import UnsupportedDocumentError
from tests.conftest import COMPILED_BUILD, FIXTURES

BACKSTAGE = FIXTURES.parent.parent / "src" / "filmmeta" / "data" / "backstage.json"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of good, bad and unreadable files, made the working directory."""
    (tmp_path / "ok.json").write_bytes(BACKSTAGE.read_bytes())
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe{}")
    (tmp_path / "latin1.json").write_bytes(b'{"title": "Am\xe9lie"}')
    (tmp_path / "trunc.json").write_bytes(b'{"title": "Backs')
    (tmp_path / "bom.json").write_bytes(b'\xef\xbb\xbf{"title": "Heat"}')
    (tmp_path / "somedir").mkdir()
    (tmp_path / "films.jsonl").write_bytes(
        b'\xef\xbb\xbf{"title": "A"}\n'
        b"\n"
        b'{"title": "B", "kind": "x", "votes": 1}\n'
        b'{"title": "\xff"}\n'
        b'[{"title": "C"}, {"title": ""}]\n'
        b"{nope\n"
    )
    (tmp_path / "array.json").write_text('[{"title": "D"}, {"title": 1}, 5]', "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- show ------------------------------------------------------------------------------


def test_show_the_bundled_film(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show")
    assert status == 0
    assert out.startswith("Backstage\n")
    assert "MPAA Rating   R" in out
    assert "Runtime       1 hr 26 min" in out
    assert "Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes." in out
    assert "mostly poor reviews" in out
    assert "Apple TV, Amazon, Google Play and Vudu." in out


def test_show_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "heat.json"
    path.write_text(to_json(Film("Heat", release_date="1995")), "utf-8")
    status, out, err = run(capsys, "show", path)
    assert (status, err) == (0, "")
    assert "Heat is a 1995 movie." in out
    assert "None" not in out


def test_show_reads_a_byte_order_mark(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show", "bom.json") == (0, "Heat\n\n\nHeat is a movie.\n", "")


def test_show_every_film_of_a_list(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "array.json", "ok.json")
    assert status == 1
    assert out.startswith("D\n\n\nD is a movie.\n\nBackstage\n")
    assert err.splitlines() == [
        "array.json: [1].title: expected a string, got int 1",
        "array.json: [2]: not a film document of a known format "
        "(json, omdb, tmdb, jsonld, justwatch, wikidata); give --from",
    ]


def test_show_bad_and_missing_files(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "bad.json").write_text('{"title": 5}', "utf-8")
    assert run(capsys, "show", "bad.json") == (
        1,
        "",
        "bad.json: title: expected a string, got int 5\n",
    )
    assert run(capsys, "show", "missing.json") == (
        1,
        "",
        "missing.json: cannot read: no such file or directory\n",
    )


def test_show_a_foreign_format(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "omdb" / "back-to-the-future.json"
    for argv in (["show", path], ["show", "--from", "omdb", path]):
        status, out, _ = run(capsys, *argv)
        assert status == 0
        assert out.startswith("Back to the Future\n")


def test_show_to_a_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show", "-o", "out.txt", "bom.json") == (0, "", "")
    assert (files / "out.txt").read_text("utf-8") == "Heat\n\n\nHeat is a movie.\n"


def test_an_error_outside_any_document(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(film: Film, *, country: str) -> dict[str, str]:
        raise ValidationError.at("country", f"{country!r} is not a region")

    monkeypatch.setattr(commands, "fact_sheet", refuse)
    status, out, err = run(capsys, "show", "--country", "ZZ")
    assert (status, err) == (1, "filmmeta: error: country: 'ZZ' is not a region\n")
    assert out == "Backstage\n\n"


# -- validate ---------------------------------------------------------------------------


def test_validate_checks_every_file_to_the_end(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(
        capsys, "validate", "bin.json", "ok.json", "trunc.json", "somedir", "missing.json"
    )
    assert status == 1
    assert out == "1 valid, 1 invalid, 3 unreadable\n"
    assert err.splitlines() == [
        "bin.json: cannot read: not UTF-8 text: it starts with a UTF-16 byte order mark; "
        "save it as UTF-8",
        "trunc.json: $: not valid JSON: unexpected end of data: line 1 column 17 (char 16)",
        "somedir: cannot read: is a directory",
        "missing.json: cannot read: no such file or directory",
    ]
    assert "Traceback" not in err


def test_validate_json_lines(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "validate", "films.jsonl", "latin1.json", "array.json")
    assert status == 1
    assert out == "3 valid, 6 invalid, 1 unreadable\n"
    # The JSON parser's own words vary with the backend.
    shown = [re.sub(r"(not valid JSON: ).*", r"\1...", line) for line in err.splitlines()]
    assert shown == [
        "films.jsonl:3: kind: 'x' is not one of movie, tv_movie, short, video, tv_special",
        "films.jsonl:3: votes: unknown key",
        "films.jsonl:4: $: not UTF-8 text: byte 0xff at offset 11",
        "films.jsonl:5: [1].title: must not be empty",
        "films.jsonl:6: $: not valid JSON: ...",
        "latin1.json: cannot read: not UTF-8 text: byte 0xe9 at offset 13",
        "array.json: [1].title: expected a string, got int 1",
        "array.json: [2]: expected a JSON object, got int 5",
    ]


def test_validate_all_good(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", "ok.json", "bom.json") == (
        0,
        "2 valid, 0 invalid, 0 unreadable\n",
        "",
    )


def test_validate_lenient(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "validate", "--lenient", "films.jsonl")
    assert status == 1
    assert "votes" not in err
    assert "films.jsonl:3: kind:" in err


@pytest.mark.parametrize(
    ("argv", "out", "err"),
    [
        (
            ["films.jsonl", "ok.json"],
            "1 valid, 1 invalid, 0 unreadable\n",
            [
                "films.jsonl:3: kind: 'x' is not one of movie, tv_movie, short, video, tv_special",
                "films.jsonl:3: votes: unknown key",
            ],
        ),
        (
            ["missing.json", "ok.json"],
            "0 valid, 0 invalid, 1 unreadable\n",
            ["missing.json: cannot read: no such file or directory"],
        ),
    ],
)
def test_validate_errors_first_stops(
    files: Path, capsys: pytest.CaptureFixture[str], argv: list[str], out: str, err: list[str]
) -> None:
    status, got_out, got_err = run(capsys, "validate", "--errors=first", *argv)
    assert (status, got_out, got_err.splitlines()) == (1, out, err)


# -- convert ----------------------------------------------------------------------------


def test_convert_json_to_jsonl_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    films = [Film("A", release_date="2000"), Film("B", runtime=90)]
    source = tmp_path / "films.jsonl"
    dump_jsonl(films, source)
    status, out, _ = run(capsys, "convert", "--to", "json", source)
    assert status == 0
    assert out.count('"title"') == 2
    status, out, _ = run(capsys, "convert", source)
    assert [from_json(line) for line in out.splitlines()] == films


def test_convert_goes_on_after_a_bad_document(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "convert", "films.jsonl", "missing.json", "array.json")
    assert status == 1
    assert [from_json(line).title for line in out.splitlines()] == ["A", "C", "D"]
    assert err.splitlines()[-1] == "3 converted, 6 invalid, 1 unreadable"
    status, out, err = run(capsys, "convert", "--errors", "first", "films.jsonl")
    assert [from_json(line).title for line in out.splitlines()] == ["A"]
    assert err.splitlines()[-1] == "1 converted, 1 invalid, 0 unreadable"


def test_convert_to_a_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "convert", "--output", "out.jsonl", "bom.json", "ok.json") == (0, "", "")
    lines = (files / "out.jsonl").read_text("utf-8").splitlines()
    assert [from_json(line).title for line in lines] == ["Heat", "Backstage"]
    assert run(capsys, "convert", "-o", "-", "bom.json") == (
        0,
        '{"title":"Heat","kind":"movie"}\n',
        "",
    )


def test_convert_to_an_unwritable_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "convert", "-o", "somedir", "ok.json")
    assert (status, out) == (1, "")
    assert err == "filmmeta: error: somedir: is a directory\n"


@pytest.mark.parametrize(
    ("source", "path", "title"),
    [
        ("omdb", FIXTURES / "omdb" / "back-to-the-future.json", "Back to the Future"),
        ("tmdb", FIXTURES / "tmdb" / "details.json", None),
        ("jsonld", FIXTURES / "jsonld" / "minimal.json", None),
        ("justwatch", FIXTURES / "justwatch" / "legacy_movie.json", None),
    ],
)
@pytest.mark.parametrize("given", [True, False])
@pytest.mark.filterwarnings("ignore::filmmeta.FilmmetaWarning")
def test_convert_from_foreign_formats(
    source: str, path: Path, title: str | None, given: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = ["--from", source] if given else []
    status, out, _ = run(capsys, "convert", *chosen, "--to", "jsonl", path)
    assert status == 0
    film = from_json(out)
    if title is not None:
        assert film.title == title
    status, out, _ = run(capsys, "convert", *chosen, "--to", "jsonld", path)
    jsonld = json.loads(out)
    assert jsonld["@type"] == "Movie"
    assert jsonld["name"] in {film.title, film.original_title}


# Each fixture and the format it is told to be, by its content alone.
DETECTED = [
    ("omdb/back-to-the-future.json", "omdb"),
    ("omdb/not-found.json", "omdb"),
    ("omdb/series.json", "omdb"),
    ("tmdb/details.json", "tmdb"),
    ("tmdb/appended.json", "tmdb"),
    ("tmdb/error.json", "tmdb"),
    ("tmdb/tv_show.json", "tmdb"),
    ("jsonld/minimal.json", "jsonld"),
    ("jsonld/graph.json", "jsonld"),
    ("justwatch/legacy_movie.json", "justwatch"),
    ("justwatch/legacy_show.json", "justwatch"),
    ("justwatch/graphql_title.json", "justwatch"),
    ("justwatch/graphql_by_country.json", "justwatch"),
    ("../../src/filmmeta/data/backstage.json", "json"),
]


@pytest.mark.parametrize(("path", "name"), DETECTED)
def test_formats_are_told_from_the_content(path: str, name: str) -> None:
    assert detect_json(json.loads((FIXTURES / path).read_text("utf-8"))).name == name


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"Title": "X", "@type": "Movie"}, "$: could be omdb or jsonld; give --from"),
        ({"name": "X"}, "$: not a film document of a known format"),
        ("X", "$: not a film document of a known format"),
        ({"id": 1, "results": []}, "$: not a film document of a known format"),
    ],
)
def test_undetectable_documents(doc: Any, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        detect_json(doc)
    assert str(info.value).startswith(message)


def test_unsupported_documents_are_invalid(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "convert", "--from", "omdb", FIXTURES / "omdb" / "series.json")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"{FIXTURES / 'omdb' / 'series.json'}: $: OMDb document is a series (Type 'series'), "
        "not a film",
        "0 converted, 1 invalid, 0 unreadable",
    ]


def test_importer_warnings_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads((FIXTURES / "omdb" / "back-to-the-future.json").read_text("utf-8"))
    doc["Language"] = "English, Elvish"
    path = tmp_path / "omdb.json"
    path.write_text(json.dumps(doc), "utf-8")
    status, _, err = run(capsys, "convert", "--from", "omdb", path)
    assert status == 0
    assert err.startswith("filmmeta: warning: ")
    assert "Elvish" in err


# -- standard input -----------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    ("data", "titles", "err"),
    [
        # JSON Lines stream: the first line is a document by itself.
        (b'\n{"title": "A"}\n{"title": ""}\n{"title": "B"}\n', ["A", "B"], "<stdin>:3: title:"),
        # One document over several lines.
        (b'{\n  "title": "A"\n}\n', ["A"], ""),
        (b'\xef\xbb\xbf[\n{"title": "A"},\n{"title": "B"}\n]', ["A", "B"], ""),
        (b"", [], "<stdin>: $: not valid JSON"),
        (b"\xff\xfe{}", [], "<stdin>: cannot read: not UTF-8 text"),
    ],
)
def test_standard_input(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    titles: list[str],
    err: str,
) -> None:
    _stdin(monkeypatch, data)
    status, out, got_err = run(capsys, "convert", "-")
    assert [from_json(line).title for line in out.splitlines()] == titles
    assert got_err.startswith(err)
    assert status == (1 if err else 0)


# -- formats read from whole text ---------------------------------------------------------


def _lines_format(text: str) -> Iterable[Film]:
    if "bad" in text:
        raise ValidationError.at("line 2", "bad film")
    if "show" in text:
        raise UnsupportedDocumentError("a show")
    return [Film(line.removeprefix("film: ")) for line in text.splitlines()[1:] if line]


@pytest.fixture
def text_format(monkeypatch: pytest.MonkeyPatch) -> InputFormat:
    fmt = InputFormat(
        name="films-txt",
        help="a header line, then one title per line",
        detect=lambda text: text.startswith("FILMS\n"),
        from_text=_lines_format,
    )
    monkeypatch.setitem(INPUTS, fmt.name, fmt)
    return fmt


@pytest.mark.parametrize(
    ("text", "titles", "err"),
    [
        ("FILMS\nfilm: A\nfilm: B\n", ["A", "B"], ""),
        ("FILMS\nbad\n", [], "x.txt: line 2: bad film\n"),
        ("FILMS\nshow\n", [], "x.txt: $: a show\n"),
    ],
)
@pytest.mark.parametrize("given", [True, False])
@pytest.mark.usefixtures("text_format")
def test_text_formats(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    titles: list[str],
    err: str,
    given: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text(text, "utf-8")
    chosen = ["--from", "films-txt"] if given else []
    status, out, got_err = run(capsys, "convert", *chosen, "x.txt")
    assert [from_json(line).title for line in out.splitlines()] == titles
    assert got_err.startswith(err)
    assert status == (1 if err else 0)
    # From standard input, the same.
    _stdin(monkeypatch, text.encode())
    status, out, _ = run(capsys, "convert", "--from", "films-txt", "-")
    assert [from_json(line).title for line in out.splitlines()] == titles


# -- the program --------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    # .ci/run's step for the compiled wheel says which build it installed: that the
    # suite there tests what it means to.
    build = "compiled: fast_parts, film_hook, untrack" if COMPILED_BUILD else "pure Python"
    assert capsys.readouterr().out == f"filmmeta {version('filmmeta')} ({build})\n"


def test_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_interrupted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupt(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "validate", interrupt)
    assert run(capsys, "validate", "x.json") == (130, "", "filmmeta: interrupted\n")


def test_a_closed_pipe_ends_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sink = os.open(tmp_path / "sink", os.O_WRONLY | os.O_CREAT)

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

        def fileno(self) -> int:
            return sink

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    try:
        assert main(["convert", str(BACKSTAGE)]) == 1
    finally:
        os.close(sink)
    assert capsys.readouterr().err == ""


def test_python_dash_m(files: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "filmmeta", "validate", "bin.json", "ok.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == "1 valid, 0 invalid, 1 unreadable\n"
    assert result.stderr.startswith("bin.json: cannot read: ")
    assert "Traceback" not in result.stderr


def test_main_module_exits_with_the_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In this process, so that coverage sees __main__.py; the subprocess test above
    # shows the same from the outside.
    monkeypatch.setattr(sys, "argv", ["filmmeta", "validate", "/nonexistent.json"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("filmmeta", run_name="__main__")
    assert info.value.code == 1
    assert capsys.readouterr().err.startswith("/nonexistent.json: cannot read: ")


# -- progress ------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch: pytest.MonkeyPatch) -> _Terminal:
    # Set in the test itself: pytest's capture sets sys.stderr anew for each phase.
    stream = _Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def _catalog(tmp_path: Path, count: int = 50) -> Path:
    source = tmp_path / "films.jsonl"
    dump_jsonl([Film(f"Film {i}") for i in range(count)], source)
    return source


def test_a_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _terminal(monkeypatch)
    source = _catalog(tmp_path)
    assert main(["validate", str(source)]) == 0
    shown = terminal.getvalue()
    size = f"{source.stat().st_size / 1024:.2f}k"
    assert f"{source}: 100%" in shown
    assert f"{size}/{size}" in shown  # bytes read of the file's size
    assert "B/s]" in shown  # the rate
    assert shown.endswith("\n")
    assert shown.count("\n") == 1  # the last state, once


def test_no_progress_when_quiet_or_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _catalog(tmp_path)
    assert main(["convert", str(source)]) == 0
    assert capsys.readouterr().err == ""
    terminal = _terminal(monkeypatch)
    assert main(["convert", "--quiet", str(source)]) == 0
    assert terminal.getvalue() == ""


def test_progress_without_tqdm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setitem(sys.modules, "tqdm", None)
    source = _catalog(tmp_path, 3)
    assert main(["validate", str(source)]) == 0
    shown = terminal.getvalue()
    assert shown.startswith(f"\r{source}: ")
    assert shown.endswith(f"\r{source}: 100%\n")
    # A size that is not known (standard input): MiB read.
    display = progress_module.make_progress("<stdin>", None)
    with display:
        display.update(1)
        display.update(3 << 20)
        display.update(1)  # the same MiB: nothing new to show
    assert terminal.getvalue().endswith("\r<stdin>: 0 MiB\r<stdin>: 3 MiB\n")
    # Closed before anything was read: no line of its own.
    before = terminal.getvalue()
    progress_module.make_progress("empty", 0).close()
    assert terminal.getvalue() == before


@pytest.mark.parametrize(
    ("argv", "first", "last"),
    [
        (["--locale", "de-DE"], "Backstage ansehen", "  29"),
        (
            ["--locale", "de-DE", "--format", "markdown"],
            "# Backstage ansehen",
            "- **Metascore:** 29",
        ),
        (["--format", "html"], '<article class="filmmeta-page" lang="en-US">', "</article>"),
        (["--format", "text", "--country", "DE"], "Watch Backstage", "  29"),
    ],
)
def test_show_writes_the_page(
    capsys: pytest.CaptureFixture[str], argv: list[str], first: str, last: str
) -> None:
    status, out, err = run(capsys, "show", *argv, BACKSTAGE)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert (lines[0], lines[-1]) == (first, last)
    assert ("MPAA Rating" in out) is ("DE" not in argv and "de-DE" not in argv)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A CSV file whose header no format claims: not "invalid literal, expected 'true'".
        (
            "title,year\nHeat,1995\n",
            "neither JSON nor a file of a known format (nfo, letterboxd, imdb-csv, "
            "movielens); give --from",
        ),
        ("42", "not a film document of a known format"),
        ("{", "not valid JSON"),
        (" ", "not valid JSON: the text is empty"),
    ],
)
def test_a_file_of_no_known_format_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (tmp_path / "films.txt").write_text(text, "utf-8")
    status, out, err = run(capsys, "convert", tmp_path / "films.txt")
    assert (status, out) == (1, "")
    assert err.startswith(f"{tmp_path / 'films.txt'}: $: {message}")
