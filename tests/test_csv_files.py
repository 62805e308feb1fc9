"""formats._csv: the sources, encodings and delimiters every CSV format reads."""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import Any

import pytest

from filmmeta import ValidationError
from filmmeta.formats._csv import MAX_LINE, Source, open_table


def read(source: Source, **kwargs: Any) -> tuple[tuple[str, ...], list[list[str | None]]]:
    with open_table(source, **kwargs) as table:
        rows = [[row.get(c) for c in table.header] for row in table.rows()]
        return table.header, rows


TEXT = "Name,Year\nAmélie,2001\n"
EXPECTED = (("Name", "Year"), [["Amélie", "2001"]])


class _Reader:
    """A file-like object that is neither an io class nor peekable."""

    def __init__(self, data: Any) -> None:
        self._data = data

    def read(self, size: int = -1) -> Any:
        return self._data[:0] if size == 0 else self._data

    def __iter__(self) -> Any:
        return iter(self._data.splitlines(keepends=True))


@pytest.mark.parametrize(
    "source",
    [
        TEXT.encode(),
        bytearray(TEXT.encode()),
        codecs.BOM_UTF8 + TEXT.encode(),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        io.BytesIO(TEXT.encode()),
        io.StringIO("\ufeff" + TEXT),
        io.StringIO(TEXT.replace("\n", "\r\n")),
        _Reader(TEXT),
        _Reader(TEXT.encode()),
        TEXT.replace(",", ";").encode(),
        TEXT.replace(",", "\t").encode("utf-16-le").join([codecs.BOM_UTF16_LE, b""]),
        ("\n\n" + TEXT).encode(),
        (TEXT + "\n,\n").encode(),
    ],
)
def test_sources(source: Source) -> None:
    assert read(source) == EXPECTED


def test_paths(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert read(path) == read(str(path)) == EXPECTED


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "mac_roman", "utf-16", "UTF-8"])
def test_named_encodings(encoding: str) -> None:
    assert read(TEXT.encode(encoding), encoding=encoding) == EXPECTED


def test_a_bom_wins_over_a_named_encoding() -> None:
    assert read(codecs.BOM_UTF8 + TEXT.encode(), encoding="cp1252") == EXPECTED


@pytest.mark.parametrize(
    ("source", "kwargs", "message"),
    [
        (
            TEXT.encode("cp1252"),
            {},
            r"line 2: \$: not utf-8 text: b'\\xe9' at byte 3 .*encoding='cp1252'",
        ),
        (TEXT.encode(), {"encoding": "klingon"}, "'klingon' is not a known encoding"),
        (TEXT.encode(), {"encoding": "ascii"}, r"line 2: \$: not ascii text: b'\\xc3'"),
        (codecs.BOM_UTF16_LE + b"N\x00\x00\xd8a\x00", {}, "not utf-16-le text"),
        (
            io.TextIOWrapper(io.BytesIO(b"a\n\xff\n"), encoding="utf-8"),
            {},
            r"^\$: not utf-8 text: b'\\xff'",
        ),
        (12, {}, "expected a path, bytes or an open file, got int 12"),
        (b'Name,Year\n"a\rb"x\rc,1\n', {}, r"line 2: \$: not CSV"),
    ],
)
def test_refused(source: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read(source, **kwargs)


def test_empty_and_header_only() -> None:
    assert read(b"") == ((), [])
    assert read(b"Name,Year\r\n") == (("Name", "Year"), [])


def test_next_header_and_short_rows() -> None:
    data = b"Date,Name,Tags\n2019-09-19,Favourites\n\nPosition,Name,Year\n1,Sonatine\n"
    with open_table(data) as table:
        assert [r.get("Name") for r in table.rows()][:1] == ["Favourites"]
    with open_table(data) as table:
        first = next(table.rows())
        assert (first.line, first.get("Date"), first.get("Nope"), first.get(None)) == (
            2,
            "2019-09-19",
            None,
            None,
        )
        table.next_header()
        rows = list(table.rows())
        assert table.header == ("Position", "Name", "Year")
        assert [(r.line, r.get("Name"), r.get("Year")) for r in rows] == [(5, "Sonatine", None)]
        table.next_header()
        assert table.header == ()


def test_decoding_error_of_a_named_text_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a\n\xff\n")
    with open(path, encoding="utf-8") as file, pytest.raises(ValidationError) as caught:
        read(file)
    assert caught.value.file == str(path)


def test_an_endless_line_is_refused() -> None:
    data = b"Name\n" + b"x" * (MAX_LINE + 1)
    with pytest.raises(ValidationError, match=r"^line 2: .*longer than 1,000,000 characters"):
        read(data)
    with pytest.raises(ValidationError, match=r"^line 2: "):
        read(io.StringIO(data.decode()))
    assert read(b"Name\n" + b"x" * 100_000)[1] == [["x" * 100_000]]
