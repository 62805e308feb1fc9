"""formats.imdb_csv: IMDb's ratings and list exports in their three layouts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from filmmeta import Credit, FilmKind, FilmmetaWarning, PartialDate, Rating, ValidationError
from filmmeta.formats.imdb_csv import read_films, read_ratings

from .conftest import CORPUS, FIXTURES, NO_CORPUS

HERE = FIXTURES / "imdb_csv"
IMDB_CSV = CORPUS / "imdb-csv"
HEADER = "Const,Your Rating,Date Rated,Title,Title Type,Year,Release Date\n"


def test_modern_layout() -> None:
    with pytest.warns(
        FilmmetaWarning, match=r"1 row\(s\) that are not films left out \(1 'tvSeries'\)"
    ):
        viewings = list(read_ratings(HERE / "ratings-modern.csv"))
    assert [(v.film.title, v.rating, v.logged_on) for v in viewings] == [
        ("Back to the Future", Rating("imdb", 9), dt.date(2020, 1, 5)),
        ("Glengarry Glen Ross", Rating("imdb", 7), dt.date(2020, 1, 7)),
    ]
    film = viewings[0].film
    assert film.release_date == PartialDate(1985, 7, 3)
    assert (film.kind, film.runtime, film.ids.imdb) == (
        FilmKind.MOVIE,
        dt.timedelta(minutes=116),
        "tt0088763",
    )
    assert film.genres == ("Adventure", "Comedy", "Science Fiction")
    assert film.ratings == (Rating("imdb", 8.5, votes=1266466),)
    assert film.credits == (Credit("Robert Zemeckis", "director"),)
    # A release date from another year (a US release) gives way to the film's own year.
    assert viewings[1].film.release_date == PartialDate(1992)


def test_2024_layout() -> None:
    with pytest.warns(FilmmetaWarning, match="1 'TV Series'"):
        films = list(read_films(HERE / "ratings-2024.csv"))
    assert [(f.title, f.original_title, f.kind) for f in films] == [
        ("Iron Man 3", "Iron Man Three", FilmKind.MOVIE),
        ("Avengers: Infinity War", None, FilmKind.MOVIE),
        ("The Big Lebowski", None, FilmKind.TV_MOVIE),
    ]
    assert films[0].release_date == PartialDate(2013, 5, 3)
    assert films[1].credited("director") == ("Joe Russo", "Anthony Russo")
    with pytest.warns(FilmmetaWarning):
        viewings = list(read_ratings(HERE / "ratings-2024.csv"))
    assert [v.logged_on for v in viewings] == [
        dt.date(2026, 4, 18),
        dt.date(2026, 4, 17),
        dt.date(2025, 12, 31),
    ]


def test_lists() -> None:
    films = list(read_films(HERE / "watchlist-2024.csv"))
    assert [f.title for f in films] == ["Friday Night Lights", "22 Jump Street", "Untitled Sequel"]
    assert films[1].credited("director") == ("Phil Lord", "Christopher Miller")
    assert (films[2].release_date, films[2].ratings, films[2].runtime) == (
        PartialDate(2026),
        (),
        None,
    )
    viewings = list(read_ratings(HERE / "watchlist-2024.csv"))
    assert [(v.film.title, v.rating, v.logged_on) for v in viewings] == [
        ("Friday Night Lights", Rating("imdb", 7), dt.date(2026, 2, 15))
    ]


def test_legacy_layout() -> None:
    with pytest.warns(FilmmetaWarning, match="1 'TV Series'"):
        viewings = list(read_ratings(HERE / "watchlist-legacy.csv"))
    assert [(v.film.title, v.rating, v.logged_on) for v in viewings] == [
        ("Inception", Rating("imdb", 10), dt.date(2011, 4, 23)),
        ("Heat", Rating("imdb", 9), dt.date(2011, 5, 13)),
    ]
    assert viewings[0].film.genres == ("Action", "Mystery", "Science Fiction", "Thriller")
    assert viewings[0].film.kind is FilmKind.MOVIE
    with pytest.warns(FilmmetaWarning):
        films = list(read_films(HERE / "watchlist-legacy.csv"))
    assert films[1].genres == ("Crime", "Drama", "Film Noir")
    with pytest.warns(FilmmetaWarning):
        films = list(read_films(HERE / "watchlist-legacy.csv", genres="source"))
    # The legacy layout's "film_noir" as IMDb writes it today.
    assert films[1].genres == ("Crime", "Drama", "Film-Noir")
    assert films[1].release_date == PartialDate(1944, 4, 24)


def test_renamed_and_added_columns() -> None:
    text = (HERE / "ratings-2024.csv").read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    changed = header.replace("Num Votes", "Num. Votes").replace("Your Rating", "YOUR RATING")
    changed = "Watched," + changed.replace("URL,", "Link,")
    rest = "".join(f"x,{line}\n" for line in rest.splitlines())
    with pytest.warns(FilmmetaWarning):
        expected = list(read_ratings(HERE / "ratings-2024.csv"))
    with pytest.warns(FilmmetaWarning):
        assert list(read_ratings(f"{changed}\n{rest}".encode())) == expected


def test_other_encodings() -> None:
    text = "Const,Your Rating,Title,Year\ntt0211915,8,Le Fabuleux Destin d'Amélie Poulain,2001\n"
    with pytest.raises(ValidationError, match=r"^line 2: \$: not utf-8 text: b'\\xe9'.*cp1252"):
        list(read_ratings(text.encode("cp1252")))
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        data = text.encode(encoding)
        (viewing,) = read_ratings(data, encoding=encoding if encoding == "cp1252" else None)
        assert viewing.film.title == "Le Fabuleux Destin d'Amélie Poulain"


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ("tt123,8,2020-01-05,Heat,movie,1995,", "Const: 'tt123' is not an IMDb id"),
        (",8,2020-01-05,Heat,movie,1995,", "Const: None is not an IMDb id"),
        (
            "tt0113277,11,2020-01-05,Heat,movie,1995,",
            r"Your Rating: '11' is not an IMDb rating \(1 to 10\)",
        ),
        ("tt0113277,0,2020-01-05,Heat,movie,1995,", "Your Rating: '0' is not an IMDb rating"),
        ("tt0113277,8,13/1/2020,Heat,movie,1995,", "Date Rated: '13/1/2020' is not a date as IMDb"),
        ("tt0113277,8,Sat Foo 23 08:36:35 2011,Heat,movie,1995,", "Date Rated: 'Sat Foo 23"),
        ("tt0113277,8,2020-01-05,,movie,1995,", "Title: missing"),
        ("tt0113277,8,2020-01-05,Heat,movie,95,", "Year: '95' is not a number"),
        ("tt0113277,8,2020-01-05,Heat,movie,1995,1995-13", "Release Date: '1995-13' is not a date"),
    ],
)
def test_bad_rows(row: str, error: str) -> None:
    with pytest.raises(ValidationError, match=f"^line 2: {error}"):
        list(read_ratings((HEADER + row + "\n").encode()))


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"Const,Title,IMDb Rating\ntt0113277,Heat,11\n", "line 2: IMDb Rating: 11 is above"),
        (
            b"Const,Title,Runtime (mins)\ntt0113277,Heat,1h\n",
            r"line 2: Runtime \(mins\): '1h' is not a",
        ),
        (
            b"Const,Title,Genres\ntt0113277,Heat,%s\n" % (b"x" * 100_001),
            "line 2: Genres: is longer",
        ),
        (b"Const,Name\ntt0113277,Heat\n", "line 1: .*not an IMDb export: no title column"),
        (b"Title\nHeat\n", "line 1: .*no const or tconst column"),
    ],
)
def test_bad_films(data: bytes, error: str) -> None:
    with pytest.raises(ValidationError, match=f"^{error}"):
        list(read_films(data))


def test_ratings_need_a_rating_column() -> None:
    with pytest.raises(ValidationError, match="no Your Rating column: not an export of ratings"):
        list(read_ratings(b"Const,Title\n"))


def test_many_kinds_of_non_films() -> None:
    kinds = ["tvEpisode", "videoGame", "podcastSeries", "musicVideo", "tvPilot", "Podcast Episode"]
    rows = "".join(f"tt{i:07d},Title {i},{kind}\n" for i, kind in enumerate(kinds, 1))
    with pytest.warns(FilmmetaWarning, match=r"^IMDb export: 6 row\(s\) .*, \.\.\.\)$"):
        assert list(read_films(f"Const,Title,Title Type\n{rows}".encode())) == []


# -- the corpus: counts against the csv module's own reading ------------------------------

_NOT_FILMS = {"TV Episode", "TV Series", "TV Mini Series"}


def _corpus() -> list[object]:
    if not IMDB_CSV.is_dir():
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in sorted(IMDB_CSV.glob("*.csv"))]


@pytest.mark.parametrize("path", _corpus())
def test_corpus_counts(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    kind = next(k for k in rows[0] if k.lower() == "title type")
    rating = next(k for k in rows[0] if k in ("Your Rating", "You rated"))
    films_rows = [r for r in rows if r[kind] not in _NOT_FILMS]
    with pytest.warns(FilmmetaWarning, match=f"{len(rows) - len(films_rows)} row"):
        films = list(read_films(path))
    assert [f.ids.imdb for f in films] == [r.get("Const") or r["const"] for r in films_rows]
    with pytest.warns(FilmmetaWarning):
        viewings = list(read_ratings(path))
    assert [v.rating.value for v in viewings if v.rating] == [
        int(r[rating]) for r in films_rows if r[rating]
    ]
    assert all(v.logged_on is not None for v in viewings)


def test_stream_of_text() -> None:
    text = (HERE / "watchlist-2024.csv").read_text(encoding="utf-8")
    assert list(read_films(io.StringIO(text))) == list(read_films(HERE / "watchlist-2024.csv"))
