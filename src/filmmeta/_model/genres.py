"""One vocabulary of genres, and how each source's genre words map into it.

The same genre arrives as "Sci-Fi" (IMDb, OMDb), "Science Fiction" (TMDb, Letterboxd),
``878`` (TMDb's id), "sci_fi" (IMDb's legacy exports), "Science-Fiction" (Kodi scrapers)
and ``Q471839`` (Wikidata). :func:`canonical_genres` gives each one name, so that films
merged from several sources list a genre once.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

from filmmeta._model.validate import shown
from filmmeta.exceptions import FilmmetaWarning, ValidationError

__all__ = ["GENRES", "GENRE_SOURCES", "canonical_genre", "canonical_genres"]

#: The sources whose genre words and ids the vocabulary knows.
GENRE_SOURCES = ("imdb", "tmdb", "movielens", "letterboxd", "kodi", "jellyfin", "wikidata")

# Canonical name, then the words sources write for it (compared folded: case, spaces and
# punctuation ignored), TMDb's movie and TV genre ids, and Wikidata's genre items. Only ids
# confirmed in the sources' own lists are here; an unknown id is not guessed.
_TABLE: tuple[tuple[str, tuple[str, ...], tuple[int, ...], tuple[str, ...]], ...] = (
    ("Action", ("action film",), (28,), ("Q188473",)),
    ("Adventure", ("adventure film",), (12,), ("Q319221",)),
    ("Animation", ("animated", "animated film"), (16,), ("Q202866",)),
    ("Biography", ("biographical", "biographical film", "biopic"), (), ("Q645928",)),
    ("Comedy", ("comedy film",), (35,), ("Q157443",)),
    ("Crime", ("crime film",), (80,), ("Q959790",)),
    ("Documentary", ("documentary film",), (99,), ("Q93204",)),
    ("Drama", ("drama film",), (18,), ("Q130232",)),
    ("Family", ("children", "children's", "kids", "family film"), (10751, 10762), ("Q1361932",)),
    ("Fantasy", ("fantasy film",), (14,), ("Q157394",)),
    ("Film Noir", ("film-noir", "noir", "film_noir"), (), ()),
    ("History", ("historical", "historical film"), (36,), ("Q17013749",)),
    ("Horror", ("horror film",), (27,), ("Q200092",)),
    ("Music", (), (10402,), ()),
    ("Musical", ("musical film",), (), ("Q842256",)),
    ("Mystery", ("mystery film",), (9648,), ("Q1200678",)),
    ("Romance", ("romantic", "romance film"), (10749,), ("Q1054574",)),
    (
        "Science Fiction",
        ("sci-fi", "scifi", "sci_fi", "science-fiction", "sf"),
        (878,),
        ("Q471839",),
    ),
    ("Sport", ("sports",), (), ()),
    ("Thriller", ("suspense", "thriller film"), (53,), ("Q2484376",)),
    ("TV Movie", ("tv-movie", "television film"), (10770,), ()),
    ("War", ("war film",), (10752,), ("Q369747",)),
    ("Western", ("western film",), (37,), ("Q172980",)),
    ("Adult", (), (), ()),
    ("News", (), (10763,), ()),
    ("Reality TV", ("reality-tv", "reality"), (10764,), ()),
    ("Talk Show", ("talk-show", "talk"), (10767,), ()),
    ("Game Show", ("game-show",), (), ()),
    ("Short", ("short film",), (), ()),
)
# Genres that sources join into one word: TMDb's TV genres.
_JOINED = {
    "action&adventure": ("Action", "Adventure"),
    "actionadventure": ("Action", "Adventure"),
    "scifi&fantasy": ("Science Fiction", "Fantasy"),
    "scififantasy": ("Science Fiction", "Fantasy"),
    "war&politics": ("War",),
    "warpolitics": ("War",),
}
_TMDB_JOINED = {
    10759: ("Action", "Adventure"),
    10765: ("Science Fiction", "Fantasy"),
    10768: ("War",),
}

#: The canonical genre names, in the vocabulary's order.
GENRES = tuple(name for name, *_ in _TABLE)

_FOLD = re.compile(r"[\s\-_/.']+")


def _fold(word: str) -> str:
    return _FOLD.sub("", word.casefold())


_BY_WORD: dict[str, tuple[str, ...]] = {}
_BY_TMDB: dict[int, tuple[str, ...]] = dict(_TMDB_JOINED)
_BY_WIKIDATA: dict[str, tuple[str, ...]] = {}
for _name, _words, _tmdb, _items in _TABLE:
    for _word in (_name, *_words):
        _BY_WORD[_fold(_word)] = (_name,)
    _BY_TMDB.update(dict.fromkeys(_tmdb, (_name,)))
    _BY_WIKIDATA.update(dict.fromkeys(_items, (_name,)))
_BY_WORD.update(_JOINED)


def _is_item(genre: str) -> bool:
    return genre.startswith("Q") and genre[1:].isdigit()


def _lookup(genre: object, source: str | None) -> tuple[str, ...] | None:
    if source is not None and source not in GENRE_SOURCES:
        raise ValidationError.at(
            "source", f"{shown(source)} is not a genre source ({', '.join(GENRE_SOURCES)})"
        )
    if type(genre) is int:
        return _BY_TMDB.get(genre) if source in (None, "tmdb") else None
    if type(genre) is not str:
        raise ValidationError.at("genre", f"{shown(genre)} is not a genre name or TMDb id")
    if _is_item(genre):
        return _BY_WIKIDATA.get(genre)
    return _BY_WORD.get(_fold(genre))


def canonical_genre(genre: str | int, *, source: str | None = None) -> str | None:
    """Return the vocabulary's name for one genre word or id, or None if it has none.

    Args:
        genre: A genre as a source gives it: a name in any of the sources' spellings, a
            TMDb genre id (int) or a Wikidata item ("Q471839").
        source: The source, one of :data:`GENRE_SOURCES`, when known: an int is then read
            as a TMDb id only for ``"tmdb"``.

    Returns:
        The canonical name; for a word that joins two genres ("Action & Adventure") the
        first of them. None for a word the vocabulary does not know.

    Raises:
        ValidationError: *source* is not a known source, or *genre* is neither str nor int.

    Examples:
        >>> canonical_genre("Sci-Fi"), canonical_genre(878), canonical_genre("Q471839")
        ('Science Fiction', 'Science Fiction', 'Science Fiction')
        >>> canonical_genre("Children", source="movielens"), canonical_genre("IMAX")
        ('Family', None)

    .. versionadded:: 0.2.0
    """
    found = _lookup(genre, source)
    return found[0] if found else None


def canonical_genres(
    genres: Iterable[str | int], *, source: str | None = None, keep_unknown: bool = True
) -> tuple[str, ...]:
    """Return the vocabulary's names for a film's genres, each once, in order.

    Args:
        genres: The genres as a source gives them (names, TMDb ids, Wikidata items).
        source: The source, as for :func:`canonical_genre`.
        keep_unknown: Keep a genre name the vocabulary does not know as it is written (the
            default: nothing is lost), or leave it out. An id the vocabulary does not know
            has no name to keep: it is left out with a :class:`FilmmetaWarning`.

    Returns:
        The canonical names; "Action & Adventure" gives both genres.

    Examples:
        >>> canonical_genres(["Sci-Fi", "Science Fiction", "science_fiction", "IMAX"])
        ('Science Fiction', 'IMAX')
        >>> canonical_genres([10759, 18], source="tmdb")
        ('Action', 'Adventure', 'Drama')

    .. versionadded:: 0.2.0
    """
    names: dict[str, None] = {}
    for genre in genres:
        found = _lookup(genre, source)
        if found:
            names.update(dict.fromkeys(found))
        elif not isinstance(genre, str) or _is_item(genre):
            warnings.warn(
                f"genre id {genre} is not in filmmeta's vocabulary: left out",
                FilmmetaWarning,
                stacklevel=2,
            )
        elif keep_unknown and genre.strip():
            names[genre.strip()] = None
    return tuple(names)
