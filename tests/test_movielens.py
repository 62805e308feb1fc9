"""formats.movielens: movies.csv + links.csv into films, and the title splitting."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from filmmeta import Film, FilmmetaWarning, Rating, ValidationError
from filmmeta.formats._titles import SplitTitle, restore_article, split_title
from filmmeta.formats.movielens import read_movies, read_ratings

from .conftest import CORPUS, FIXTURES, NO_CORPUS

MOVIES = FIXTURES / "movielens" / "movies.csv"
LINKS = FIXTURES / "movielens" / "links.csv"
MOVIELENS = CORPUS / "movielens"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toy Story (1995)", SplitTitle("Toy Story", 1995, "Toy Story")),
        (
            "American President, The (1995)",
            SplitTitle("The American President", 1995, "American President, The"),
        ),
        (
            "City of Lost Children, The (Cité des enfants perdus, La) (1995)",
            SplitTitle(
                "The City of Lost Children",
                1995,
                "City of Lost Children, The",
                ("La Cité des enfants perdus",),
            ),
        ),
        (
            "Léon: The Professional (a.k.a. The Professional) (Léon) (1994)",
            SplitTitle(
                "Léon: The Professional",
                1994,
                "Léon: The Professional",
                ("The Professional", "Léon"),
            ),
        ),
        (
            "Auberge espagnole, L' (2002)",
            SplitTitle("L'Auberge espagnole", 2002, "Auberge espagnole, L'"),
        ),
        (
            "Good, the Bad and the Ugly, The (Buono, il brutto, il cattivo, Il) (1966)",
            SplitTitle(
                "The Good, the Bad and the Ugly",
                1966,
                "Good, the Bad and the Ugly, The",
                ("Il Buono, il brutto, il cattivo",),
            ),
        ),
        (
            "(500) Days of Summer (2009)",
            SplitTitle("(500) Days of Summer", 2009, "(500) Days of Summer"),
        ),
        (
            "Death Note: Desu nôto (2006\u20132007)",
            SplitTitle("Death Note: Desu nôto", 2006, "Death Note: Desu nôto"),
        ),
        ("Babylon 5", SplitTitle("Babylon 5", None, "Babylon 5")),
        ("Texas Blood Money (1999) ", SplitTitle("Texas Blood Money", 1999, "Texas Blood Money")),
        ("(1995)", SplitTitle("(1995)", None, "(1995)")),
        ("(Untitled) ()", SplitTitle("(Untitled)", None, "(Untitled)")),
        (
            "Crouching Tiger, Hidden Dragon (Wo hu cang long) (2000)",
            SplitTitle(
                "Crouching Tiger, Hidden Dragon",
                2000,
                "Crouching Tiger, Hidden Dragon",
                ("Wo hu cang long",),
            ),
        ),
    ],
)
def test_split_title(text: str, expected: SplitTitle) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Usual Suspects, The", "The Usual Suspects"),
        ("Misérables, Les", "Les Misérables"),
        ("Ocean's Eleven", "Ocean's Eleven"),
        ("Paris, Texas", "Paris, Texas"),
    ],
)
def test_restore_article(text: str, expected: str) -> None:
    assert restore_article(text) == expected


def test_fixture_films() -> None:
    films = list(read_movies(MOVIES, LINKS))
    assert [f.title for f in films] == [
        "Toy Story",
        "The American President",
        "The City of Lost Children",
        "Seven",
        "11'09\"01 - September 11",
        "From Dusk Till Dawn 2: Texas Blood Money",
        "Babylon 5",
        "Hyena Road",
        "Death Note: Desu nôto",
    ]
    assert [f.year for f in films] == [1995, 1995, 1995, 1995, 2002, 1999, None, None, 2006]
    assert films[0].genres == ("Adventure", "Animation", "Family", "Comedy", "Fantasy")
    assert films[7].genres == ()
    assert (films[0].ids.imdb, films[0].ids.tmdb) == ("tt0114709", 862)
    assert (films[4].ids.imdb, films[4].ids.tmdb) == ("tt0328802", None)


def test_without_links_and_semicolons() -> None:
    text = MOVIES.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    links = LINKS.read_bytes().replace(b",", b";")
    films = list(read_movies(out.getvalue().encode(), links))
    assert films == list(read_movies(MOVIES, LINKS))
    assert all(not f.ids for f in read_movies(io.StringIO(text)))


@pytest.mark.parametrize(
    ("imdb", "tmdb", "expected"),
    [
        ("114709", "862", ("tt0114709", 862)),
        ("10324144", "862.0", ("tt10324144", 862)),
        ("", "", (None, None)),
    ],
)
def test_link_ids(imdb: str, tmdb: str, expected: tuple[object, object]) -> None:
    links = f"movieId,imdbId,tmdbId\n1,{imdb},{tmdb}\n".encode()
    film = next(read_movies(b"movieId,title,genres\n1,Toy Story (1995),\n", links))
    assert (film.ids.imdb, film.ids.tmdb) == expected


@pytest.mark.parametrize(
    ("movies", "links", "message"),
    [
        (b"id,name\n1,x\n", None, "line 1: $: not a MovieLens file: no movieId, title column"),
        (b"movieId,title\nx,Heat\n", None, "line 2: movieId: 'x' is not a whole number"),
        (b"movieId,title\n0,Heat\n", None, "line 2: movieId: '0' is not a positive id"),
        (b"movieId,title\n,Heat\n", None, "line 2: movieId: missing"),
        (b"movieId,title\n1,\n", None, "line 2: title: missing"),
        (b"movieId,title\n1,Heat,x,y\n", None, "line 2: $: 4 fields for the 2 columns"),
        (
            b"movieId,title\n1,Heat\n",
            b"movieId,imdbId,tmdbId\n1,1,1\n1,2,2\n",
            "line 3: movieId: 1 is given twice",
        ),
        (b"movieId,title\n1,Heat\n", b"movieId,imdbId\n", "no tmdbId column"),
        (b"movieId,title\n1,Heat\n", b"movieId,imdbId,tmdbId\n1,1,-5\n", "'-5' is not a whole"),
    ],
)
def test_bad_files(movies: bytes, links: bytes | None, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("$", r"\$")):
        list(read_movies(movies, links))


def test_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "movies.csv"
    path.write_bytes(b"movieId,title\n1,Heat\n2,\n")
    with pytest.raises(ValidationError) as caught:
        list(read_movies(path))
    assert (caught.value.file, caught.value.line) == (str(path), 3)


def test_links_of_unknown_movies_warn() -> None:
    links = b"movieId,imdbId,tmdbId\n" + b"".join(f"{i},{i},{i}\n".encode() for i in range(1, 8))
    message = r"links: 6 movieId\(s\) \(2, 3, 4, 5, 6, \.\.\.\) not in movies"
    with pytest.warns(FilmmetaWarning, match=message):
        films = list(read_movies(b"movieId,title\n1,Heat\n", links))
    assert films == [Film("Heat", ids=films[0].ids)]
    with pytest.warns(FilmmetaWarning, match=r"\(2\) not in movies: left out"):
        list(read_movies(b"movieId,title\n1,Heat\n", b"movieId,imdbId,tmdbId\n1,1,1\n2,2,2\n"))


@pytest.mark.skipif(not MOVIELENS.is_dir(), reason=NO_CORPUS)
@pytest.mark.parametrize(
    "prefix", ["Juanal07_SistemaRecomendador", "priscillanzula_Recommendation_System_movies"]
)
def test_corpus(prefix: str) -> None:
    films = list(read_movies(MOVIELENS / f"{prefix}_movies.csv", MOVIELENS / f"{prefix}_links.csv"))
    assert len(films) == 9742
    assert all(f.ids.imdb for f in films)
    assert sum(f.ids.tmdb is not None for f in films) == 9734
    american = films[10]
    assert (american.title, american.year, american.ids.imdb) == (
        "The American President",
        1995,
        "tt0112346",
    )


RATINGS = FIXTURES / "movielens" / "ratings.csv"


def test_ratings() -> None:
    with pytest.warns(FilmmetaWarning, match=r"ratings of 1 movieId\(s\) \(999999\) not in"):
        viewings = list(read_ratings(RATINGS, MOVIES, LINKS))
    assert [(v.user, v.film.title, v.rating, v.logged_on) for v in viewings] == [
        ("1", "Toy Story", Rating("movielens", 4, best=5, worst=0.5), dt.date(2000, 7, 30)),
        (
            "1",
            "The American President",
            Rating("movielens", 0.5, best=5, worst=0.5),
            dt.date(2000, 7, 30),
        ),
        ("2", "Seven", Rating("movielens", 5, best=5, worst=0.5), dt.date(2015, 10, 24)),
    ]
    assert viewings[0].film.ids.imdb == "tt0114709"
    films = {1: Film("Toy Story")}
    text = "userId,movieId,rating\n3,1,2.5\n"
    (viewing,) = read_ratings(text.encode(), films)
    assert (viewing.film, viewing.logged_on, viewing.rating.value) == (films[1], None, 2.5)


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ("1,1,6,964982703", "rating: '6' is not a MovieLens rating"),
        ("1,1,0,964982703", "rating: '0' is not a MovieLens rating"),
        ("1,1,,964982703", "rating: None is not a MovieLens rating"),
        ("1,1,4.0,-5", "timestamp: '-5' is not a Unix timestamp"),
        ("1,1,4.0,999999999999", "timestamp: '999999999999' is not a Unix timestamp"),
        (",1,4.0,964982703", "userId: missing"),
    ],
)
def test_bad_ratings(row: str, error: str) -> None:
    data = f"userId,movieId,rating,timestamp\n{row}\n".encode()
    with pytest.raises(ValidationError, match=f"^line 2: {error}"):
        list(read_ratings(data, {1: Film("Toy Story")}))


def test_model2_parts() -> None:
    films = list(read_movies(MOVIES, LINKS))
    assert films[0].ids.get("movielens") == "1"
    assert [t.text for t in films[2].titles] == [
        "City of Lost Children, The",
        "La Cité des enfants perdus",
    ]
    assert films[0].title == "Toy Story"
