"""formats.letterboxd: every file of an export, one at a time or the whole ZIP."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest

from filmmeta import Film, Rating, UnsupportedDocumentError, ValidationError, Viewing
from filmmeta.formats._html_text import html_to_text
from filmmeta.formats.letterboxd import Export, read_export, read_films, read_viewings

from .conftest import CORPUS, FIXTURES, NO_CORPUS

EXPORT = FIXTURES / "letterboxd" / "export"
LETTERBOXD = CORPUS / "letterboxd"
DIARY_HEADER = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"


def test_diary() -> None:
    viewings = list(read_viewings(EXPORT / "diary.csv"))
    assert viewings[1] == Viewing(
        Film("The Wonderful Story of Henry Sugar", release_date=2023),
        watched_on=dt.date(2023, 9, 29),
        logged_on=dt.date(2023, 9, 30),
        rating=Rating("letterboxd", 4),
        rewatch=True,
        tags=("on-netflix", "short"),
        url="https://boxd.it/4UNbuZ",
    )
    assert viewings[0].rating == Rating("letterboxd", 4.5)
    assert viewings[2].film == Film("One of the Roughs, a Kosmos")
    assert viewings[2].rating is None


def test_ratings_watched_likes() -> None:
    ratings = list(read_viewings(EXPORT / "ratings.csv"))
    assert [(v.film.title, v.rating, v.logged_on, v.url) for v in ratings] == [
        ("On the Line", Rating("letterboxd", 1.5), dt.date(2023, 9, 2), None),
        ("Remember Me", Rating("letterboxd", 5), dt.date(2023, 9, 12), None),
    ]
    watched = list(read_viewings(EXPORT / "watched.csv"))
    assert [(v.film.title, v.liked, v.watched_on) for v in watched] == [
        ("On the Line", False, None),
        ("Past Lives", False, None),
    ]
    likes = list(read_viewings(EXPORT / "likes" / "films.csv"))
    assert [(v.film.title, v.liked) for v in likes] == [("Past Lives", True)]
    data = (EXPORT / "watched.csv").read_bytes()
    assert list(read_viewings(data, kind="likes"))[1].liked


def test_reviews_are_text() -> None:
    reviews = list(read_viewings(EXPORT / "reviews.csv"))
    assert reviews[0].review == (
        "“What kind of B-grade movie bullshit is this?”\n\n"
        "¿Se supone que el giro final justifica todo?"
    )
    assert reviews[1].review == 'KIEFO LOL & it\'s "fine"'
    assert (reviews[1].rewatch, reviews[1].url) == (True, "https://boxd.it/mDmq7")


def test_watchlist_and_lists() -> None:
    assert [(f.title, f.year) for f in read_films(EXPORT / "watchlist.csv")] == [
        ("Mystic River", 2003)
    ]
    films = list(read_films(EXPORT / "lists" / "all-time-favorites.csv"))
    assert [f.title for f in films] == ["Sonatine", "2001: A Space Odyssey"]
    assert len(list(read_films(EXPORT / "diary.csv"))) == 3
    with pytest.raises(UnsupportedDocumentError, match="watchlist holds films"):
        list(read_viewings(EXPORT / "watchlist.csv"))
    with pytest.raises(UnsupportedDocumentError, match="list holds films"):
        list(read_viewings(EXPORT / "lists" / "all-time-favorites.csv"))


def _zip(root: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(root.rglob("*")):
            archive.write(path, path.relative_to(root).as_posix())
    return out.getvalue()


def test_the_whole_export(tmp_path: Path) -> None:
    export = read_export(EXPORT)
    assert (len(export.diary), len(export.ratings), len(export.watched)) == (3, 2, 2)
    assert (len(export.reviews), len(export.likes), len(export.watchlist)) == (2, 1, 1)
    assert [(name, len(films)) for name, films in export.lists] == [("all-time-favorites", 2)]
    data = _zip(EXPORT)
    assert read_export(data) == export
    path = tmp_path / "letterboxd.zip"
    path.write_bytes(data)
    assert read_export(path) == read_export(str(path)) == export
    with open(path, "rb") as file:
        assert read_export(file) == export
    assert read_export(_zip(EXPORT / "likes")) == Export()


def test_export_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "diary.csv").write_text(DIARY_HEADER + "2023-09-10,Heat,1995,,9,,,\n")
    with pytest.raises(ValidationError) as caught:
        read_export(tmp_path)
    assert (caught.value.file, caught.value.line) == ("diary.csv", 2)
    message = "'9' is not a Letterboxd rating (0.5 to 5 in halves)"
    assert caught.value.errors == [("Rating", message)]
    with pytest.raises(ValidationError) as caught:
        read_export(_zip(tmp_path))
    assert (caught.value.file, caught.value.line) == ("diary.csv", 2)
    with pytest.raises(ValidationError, match="not a readable ZIP file"):
        read_export(b"PK nothing")
    with pytest.raises(FileNotFoundError):
        read_export(tmp_path / "missing.zip")
    broken = bytearray(_zip(EXPORT))
    start = broken.index(b"Date,Name")
    broken[start : start + 9] = b"\xff" * 9
    with pytest.raises(ValidationError, match=r"^\$: not a readable ZIP file \(Bad CRC-32"):
        read_export(bytes(broken))


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ("2023-09-10,Heat,1995,,0,,,", "Rating: '0' is not a Letterboxd rating"),
        ("2023-09-10,Heat,1995,,4.3,,,", "Rating: '4.3' is not a Letterboxd rating"),
        ("2023-09-10,Heat,1995,,10,,,", "Rating: '10' is not a Letterboxd rating"),
        ("2023-09-10,Heat,95,,,,,", "Year: '95' is not a year"),
        ("2023-09-10,Heat,0000,,,,,", "Year: '0000' is not a year"),
        ("2023-09-10,,1995,,,,,", "Name: missing"),
        ("2023-09-10,Heat,1995,,,Maybe,,", "Rewatch: 'Maybe' is not Yes or empty"),
        ("10/09/2023,Heat,1995,,,,,", r"Date: '10/09/2023' is not a date \(YYYY-MM-DD\)"),
        ("2023-09-10,Heat,1995,,,,,2023-02-30", "Watched Date: '2023-02-30' is not a date"),
        ("2023-09-10,Heat,1995,boxd.it/x,,,,", "Letterboxd URI: 'boxd.it/x' is not an http"),
    ],
)
def test_bad_rows(row: str, error: str) -> None:
    with pytest.raises(ValidationError, match=f"^line 2: {error}"):
        list(read_viewings((DIARY_HEADER + row + "\n").encode()))


def test_bad_texts() -> None:
    long = "x" * 100_001
    with pytest.raises(ValidationError, match=r"^line 2: Name: is longer than"):
        list(read_films(f"Name\n{long}\n".encode()))
    header = "Name,Review,Letterboxd URI\n"
    with pytest.raises(ValidationError, match=r"^line 2: Review: is longer than"):
        list(read_viewings(f"{header}Heat,{long},\n".encode()))


@pytest.mark.parametrize(
    ("data", "kind", "error"),
    [
        (b"Date,Name,Year,Letterboxd URI\n", None, "kind: a file of films with dates"),
        (b"Date,Title\n", None, "kind: a file of films with dates"),
        (b"Date,Title,Rating\n", None, r"no Name column \(the header is 'Date,Title,Rating'\)"),
        (b"Name\n", "seen", "kind: 'seen' is not one of diary, ratings"),
    ],
)
def test_bad_files(data: bytes, kind: str | None, error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        list(read_viewings(data, kind=kind))  # type: ignore[arg-type]


def test_true_and_false_flags() -> None:
    rows = "".join(f"2023-09-10,Heat,1995,,,{flag},,\n" for flag in ("yes", "No", "true", "0"))
    assert [v.rewatch for v in read_viewings((DIARY_HEADER + rows).encode())] == [
        True,
        False,
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("a<br/>b<br>c", "a\nb\nc"),
        ("<a href='x'>link</a> <img src='y'>", "link"),
        ("<style>p{}</style><script>x()</script>seen</style>", "seen"),
        ("&amp;amp;quot;", '"'),
        ("&amp;amp;amp;amp;lt;", "&lt;"),
        ("line \r\nnext\r\n\r\n\r\n\r\nlast", "line\nnext\n\nlast"),
        ("<i></i>", ""),
    ],
)
def test_html_to_text(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


# -- the corpus: counts checked against the csv module's own reading ----------------------


def _corpus(kind: str) -> list[object]:
    if not LETTERBOXD.is_dir():
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in sorted(LETTERBOXD.glob(f"*_{kind}.csv"))]


_TAG = re.compile(r"<[a-zA-Z/][^>]*>|&(?:[a-zA-Z]+|#\d+);")


@pytest.mark.parametrize(
    "path", [*_corpus("diary"), *_corpus("ratings"), *_corpus("watched"), *_corpus("reviews")]
)
def test_corpus_counts(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    viewings = list(read_viewings(path))
    assert len(viewings) == len(rows)
    assert sum(v.rewatch for v in viewings) == sum(r.get("Rewatch") == "Yes" for r in rows)
    assert sum(v.rating is not None for v in viewings) == sum(bool(r.get("Rating")) for r in rows)
    assert [v.rating.value * 2 for v in viewings if v.rating] == [
        float(r["Rating"]) * 2 for r in rows if r.get("Rating")
    ]
    assert all(0.5 <= v.rating.value <= 5 for v in viewings if v.rating)
    assert [v.watched_on and v.watched_on.isoformat() for v in viewings] == [
        r.get("Watched Date") or None for r in rows
    ]
    assert [v.logged_on and v.logged_on.isoformat() for v in viewings] == [r["Date"] for r in rows]
    assert not any(_TAG.search(v.review) for v in viewings if v.review)


@pytest.mark.parametrize("path", [*_corpus("watchlist"), *_corpus("lists-all-time-favorites")])
def test_corpus_films(path: Path) -> None:
    films = list(read_films(path))
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text.split("\n\n")[-1].lstrip())))
    assert [f.title for f in films] == [r["Name"] for r in rows]


def test_film_links_as_ids() -> None:
    (watched, _) = read_viewings(EXPORT / "watched.csv")
    diary = next(read_viewings(EXPORT / "diary.csv"))
    assert not diary.film.ids  # a diary's link is the entry's own page
    assert watched.film.ids.get("letterboxd_id") == "B0DK"
    assert watched.film.title == "On the Line"
