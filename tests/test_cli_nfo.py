"""The command line with Kodi NFO files: libraries in, libraries out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from filmmeta import Film, from_json, to_json
from filmmeta._cli import main
from filmmeta.formats.nfo import from_nfo, to_nfo
from tests.conftest import FIXTURES

NFO = FIXTURES / "nfo"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Kodi library: a folder per film, a links-only NFO, a TV show, other files."""
    root = tmp_path / "library"
    (root / "Backstage (2000)").mkdir(parents=True)
    (root / "Backstage (2000)" / "movie.nfo").write_bytes((NFO / "backstage-kodi.nfo").read_bytes())
    (root / "Backstage (2000)" / "poster.jpg").write_bytes(b"\xff\xd8")
    (root / "Heat (1995)").mkdir()
    (root / "Heat (1995)" / "Heat.NFO").write_text(
        "<movie><title>Heat</title><year>1995</year><rating>15</rating></movie>", "utf-8"
    )
    (root / "Zz Endgame").mkdir()
    (root / "Zz Endgame" / "movie.nfo").write_text(
        "https://www.imdb.com/title/tt4154796/\n", "utf-8"
    )
    (root / "Zz Endgame" / "tvshow.nfo").write_text("<tvshow><title>x</title></tvshow>", "utf-8")
    monkeypatch.chdir(tmp_path)
    return root


def test_convert_a_library(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "convert", "--from", "nfo", "library")
    assert [from_json(line).title for line in out.splitlines()] == ["Backstage", "Heat"]
    heat = Path("library", "Heat (1995)", "Heat.NFO")
    links = Path("library", "Zz Endgame", "movie.nfo")
    show = Path("library", "Zz Endgame", "tvshow.nfo")
    assert err.splitlines() == [
        f"filmmeta: warning: {heat}: rating.value: 15 is above the scale's best 10: left out",
        f"filmmeta: warning: {links}: the NFO only links to a film "
        "(https://www.imdb.com/title/tt4154796/): no film to write",
        f"{show}: $: the NFO's root is <tvshow> (a TV show), not <movie>",
        "2 converted, 1 invalid, 0 unreadable",
    ]
    assert status == 1
    # Without --from, a folder is searched for every format's files, and XML is an NFO's.
    assert run(capsys, "convert", "library")[1] == out


def test_an_nfo_is_told_from_its_content(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "convert", library / "Backstage (2000)" / "movie.nfo")
    assert status == 0
    assert from_json(out) == from_nfo(NFO / "backstage-kodi.nfo")


def test_convert_to_nfo(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "convert", "--to", "nfo", library / "Backstage (2000)" / "movie.nfo"
    )
    assert status == 0
    assert out == to_nfo(from_nfo(NFO / "backstage-kodi.nfo"))  # type: ignore[arg-type]


def test_convert_into_a_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    films = [
        Film("Heat", release_date="1995"),
        Film("Heat", release_date="1995", runtime=170),
        Film("AC/DC: Let There Be Rock?"),
        Film(". . ."),
    ]
    (tmp_path / "films.jsonl").write_text("".join(to_json(f) + "\n" for f in films), "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    status, printed, _ = run(capsys, "convert", "--to", "nfo", tmp_path / "films.jsonl", "-o", out)
    assert (status, printed) == (0, "")
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.nfo"))
    assert written == [
        "AC_DC_ Let There Be Rock_/movie.nfo",
        "Heat (1995) 2/movie.nfo",
        "Heat (1995)/movie.nfo",
        "_/movie.nfo",
    ]
    assert from_nfo(out / "Heat (1995) 2" / "movie.nfo") == films[1]


def test_a_folder_is_no_output_for_one_stream(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "films.jsonl").write_text('{"title": "Heat"}\n', "utf-8")
    status, _, err = run(capsys, "convert", tmp_path / "films.jsonl", "-o", tmp_path)
    assert status == 1
    assert err == f"filmmeta: error: {tmp_path}: is a directory\n"


_AMELIE = "<movie><title>Le Fabuleux Destin d'Amélie Poulain</title><year>2001</year></movie>"


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("utf-8", _AMELIE.encode()),
        ("utf-8 with a byte order mark", b"\xef\xbb\xbf" + _AMELIE.encode()),
        (
            "latin-1, declared",
            b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + _AMELIE.encode("latin-1"),
        ),
        ("utf-16, its byte order mark", _AMELIE.encode("utf-16")),
        ("blank lines first", b"\n\n  " + _AMELIE.encode()),
    ],
)
def test_an_nfo_is_read_in_the_encoding_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, raw: bytes
) -> None:
    # Kodi and older scrapers wrote NFOs in Latin-1 with a declaration saying so: the
    # command line hands the bytes to from_nfo, as a library user would.
    (tmp_path / "movie.nfo").write_bytes(raw)
    for argv in (["--from", "nfo"], []):
        status, out, err = run(capsys, "convert", *argv, tmp_path / "movie.nfo")
        assert (status, err) == (0, "")
        assert from_json(out).title == "Le Fabuleux Destin d'Amélie Poulain"


def test_an_undeclared_latin1_nfo_is_named_not_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "movie.nfo").write_bytes(_AMELIE.encode("latin-1"))
    status, out, err = run(capsys, "convert", tmp_path / "movie.nfo")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"{tmp_path / 'movie.nfo'}: $: not UTF-8 (byte 37) and no encoding declared",
        "0 converted, 1 invalid, 0 unreadable",
    ]


def test_an_nfo_on_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + _AMELIE.encode("latin-1")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    status, out, _ = run(capsys, "convert", "-")
    assert status == 0
    assert from_json(out).year == 2001
