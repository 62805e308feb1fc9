"""Every importer that reads genres gives the vocabulary's names, or the source's words."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from filmmeta import Film, ValidationError
from filmmeta.formats import imdb_csv, movielens, nfo, omdb, schemaorg, tmdb, wikidata

# Each importer, reading one document whose genres are written the source's way, with a
# word the vocabulary does not know ("Hip-Hop").
IMDB_CSV = (
    b"Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,"
    b"Genres,Num Votes,Release Date,Directors\ntt0078748,9,2023-05-01,Alien,,movie,8.5,117,"
    b'1979,"Horror, Sci-Fi, Hip-Hop",900000,1979-05-25,Ridley Scott\n'
)
MOVIELENS = b"movieId,title,genres\n1,Alien (1979),Horror|Sci-Fi|Hip-Hop\n"
WIKIDATA = {
    "id": "Q103569",
    "labels": {"en": {"language": "en", "value": "Alien"}},
    "claims": {
        "P31": [{"mainsnak": {"snaktype": "value", "datavalue": {"value": {"id": "Q11424"}}}}],
        "P136": [
            {"mainsnak": {"snaktype": "value", "datavalue": {"value": {"id": item}}}}
            for item in ("Q200092", "Q471839", "Q11401")
        ],
    },
}
WIKIDATA_LABELS = {"Q200092": "horror film", "Q471839": "science fiction film", "Q11401": "Hip-Hop"}

READERS: dict[str, Callable[..., Film]] = {
    "omdb": lambda **kw: omdb.from_omdb(
        {"Title": "Alien", "Genre": "Horror, Sci-Fi, Hip-Hop", "Response": "True"}, **kw
    ),
    "tmdb": lambda **kw: tmdb.from_tmdb(
        {
            "id": 348,
            "title": "Alien",
            "genres": [{"name": n} for n in ("Horror", "Sci-Fi", "Hip-Hop")],
        },
        **kw,
    ),
    "jsonld": lambda **kw: schemaorg.from_jsonld(
        json.dumps({"@type": "Movie", "name": "Alien", "genre": ["Horror", "Sci-Fi", "Hip-Hop"]}),
        **kw,
    ),
    "nfo": lambda **kw: nfo.from_nfo(  # type: ignore[return-value]
        "<movie><title>Alien</title><genre>Horror / Science-Fiction / Hip-Hop</genre></movie>",
        **kw,
    ),
    "imdb_csv": lambda **kw: next(imdb_csv.read_films(IMDB_CSV, **kw)),
    "imdb_csv ratings": lambda **kw: next(imdb_csv.read_ratings(IMDB_CSV, **kw)).film,
    "movielens": lambda **kw: next(movielens.read_movies(MOVIELENS, **kw)),
    "movielens ratings": lambda **kw: (
        next(movielens.read_ratings(b"userId,movieId,rating\n7,1,4.5\n", MOVIELENS, **kw)).film
    ),
    "wikidata": lambda **kw: wikidata.from_wikidata(WIKIDATA, labels=WIKIDATA_LABELS, **kw),
}
SOURCE_WORDS = {
    "nfo": ("Horror", "Science-Fiction", "Hip-Hop"),
    "wikidata": ("horror film", "science fiction film", "Hip-Hop"),
}


@pytest.mark.parametrize("reader", READERS)
def test_genres_take_the_vocabularys_names_by_default(reader: str) -> None:
    # An unknown genre is kept as the source writes it: nothing is lost.
    assert READERS[reader]().genres == ("Horror", "Science Fiction", "Hip-Hop")
    assert READERS[reader](genres="canonical").genres == ("Horror", "Science Fiction", "Hip-Hop")


@pytest.mark.parametrize("reader", READERS)
def test_genres_source_keeps_the_sources_words(reader: str) -> None:
    expected = SOURCE_WORDS.get(reader, ("Horror", "Sci-Fi", "Hip-Hop"))
    assert READERS[reader](genres="source").genres == expected


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("value", ["Canonical", "imdb", None, 1])
def test_genres_takes_only_the_two_names(reader: str, value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        READERS[reader](genres=value)
    assert [path for path, _ in info.value.errors] == ["genres"]


def test_wikidata_names_a_known_genre_item_without_labels() -> None:
    with pytest.warns(Warning, match="P136 name items"):
        film = wikidata.from_wikidata(WIKIDATA)
    assert film.genres == ("Horror", "Science Fiction")  # Q11401 has no name to keep


def test_wikidata_leaves_out_a_genre_item_without_a_label() -> None:
    with pytest.warns(Warning, match="Q11401 has no label"):
        film = wikidata.from_wikidata(WIKIDATA, labels={"Q200092": "horror film"})
    assert film.genres == ("Horror", "Science Fiction")
