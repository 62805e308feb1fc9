"""Read OMDb API responses (``https://www.omdbapi.com/?i=tt...``) into films.

OMDb writes every value as a string and ``"N/A"`` for unknown; numbers carry thousands
separators (``"1,266,466"``), lists are comma-joined (``"Adventure, Comedy"``) and ratings
come on three scales (``"8.5/10"``, ``"93%"``, ``"87/100"``). :func:`from_omdb` reads all
of it; ``docs/formats/omdb.md`` has the field-by-field table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from filmmeta._model import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    PartialDate,
    Rating,
    Release,
    ReleaseKind,
    Role,
    normalize_certification,
    parse_runtime,
    read_float,
    read_int,
    shown,
)
from filmmeta.exceptions import UnsupportedDocumentError, ValidationError
from filmmeta.formats._common import (
    country_codes,
    expect_list,
    expect_mapping,
    field,
    guard_depth,
    language_codes,
    load_json,
    split_list,
    text,
    unique,
    warn,
)
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names
from filmmeta.formats._omdb_parts import awards, box_office, poster

__all__ = ["from_omdb"]

# The names OMDb gives its rating sources in ``Ratings[].Source``.
_SOURCES = {
    "Internet Movie Database": "imdb",
    "Rotten Tomatoes": "rotten_tomatoes",
    "Metacritic": "metacritic",
}
# How each source writes its value in ``Ratings[].Value``; the group is the number.
_VALUE_FORMS = {
    "imdb": (re.compile(r"(\d+(?:\.\d+)?)/10", re.ASCII), '"8.5/10"'),
    "rotten_tomatoes": (re.compile(r"(\d+)%", re.ASCII), '"93%"'),
    "metacritic": (re.compile(r"(\d+)/100", re.ASCII), '"87/100"'),
}
_DECIMAL = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_INTEGER = re.compile(r"\d+", re.ASCII)
_VOTES = re.compile(r"\d{1,3}(?:,\d{3})+|\d+", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)
_NOT_FILMS = {"series": "a series", "episode": "an episode", "game": "a game"}
_CREDIT_FIELDS = (("Director", Role.DIRECTOR), ("Writer", Role.WRITER), ("Actors", Role.ACTOR))


@guard_depth
def from_omdb(obj: Mapping[str, Any], *, genres: GenreNames = "canonical") -> Film:
    """Read an OMDb API response for one movie.

    ``"N/A"``, empty and absent values are unknown. Languages and countries are mapped
    from English names to codes; a name that maps to nothing is left out with a
    :class:`~filmmeta.FilmmetaWarning`, and so is a rating from a source other than IMDb,
    Rotten Tomatoes and Metacritic.

    Args:
        obj: The decoded JSON response (``json.loads`` of ``?i=tt...&r=json``).
        genres: ``"canonical"`` gives the genre vocabulary's names ("Sci-Fi" is
            "Science Fiction"; a genre it does not know is kept as written), ``"source"``
            OMDb's own words.

    Returns:
        The film.

    Raises:
        UnsupportedDocumentError: The response is an error (``"Response": "False"``), a
            series, an episode, a game, a season's episode list or a search result.
        ValidationError: A value is present but malformed; each path names the OMDb
            field (``Runtime``, ``imdbRating``, ``Ratings[1].Value``, ``$`` for an *obj*
            that is not an object), or *genres* that is neither name (path ``genres``).

    Examples:
        >>> from filmmeta.formats.omdb import from_omdb
        >>> film = from_omdb(
        ...     {
        ...         "Title": "Back to the Future",
        ...         "Year": "1985",
        ...         "Rated": "PG",
        ...         "Released": "03 Jul 1985",
        ...         "Runtime": "116 min",
        ...         "Language": "English",
        ...         "Ratings": [{"Source": "Rotten Tomatoes", "Value": "93%"}],
        ...         "imdbRating": "8.5",
        ...         "imdbVotes": "1,266,466",
        ...         "imdbID": "tt0088763",
        ...         "Type": "movie",
        ...         "Response": "True",
        ...     }
        ... )
        >>> film.title, str(film.release_date), film.runtime, film.content_rating().code
        ('Back to the Future', '1985-07-03', datetime.timedelta(seconds=6960), 'PG')
        >>> [(r.source, r.value, r.votes) for r in film.ratings]
        [('imdb', 8.5, 1266466), ('rotten_tomatoes', 93, None)]
        >>> from_omdb({"Response": "False", "Error": "Movie not found!"})
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.UnsupportedDocumentError: OMDb error: Movie not found!
        >>> alien = {"Title": "Alien", "Genre": "Horror, Sci-Fi", "Response": "True"}
        >>> from_omdb(alien).genres, from_omdb(alien, genres="source").genres
        (('Horror', 'Science Fiction'), ('Horror', 'Sci-Fi'))

    .. versionchanged:: 0.2.0
       Genres take the genre vocabulary's names unless ``genres="source"``.
    """
    genre_words = check_genre_names(genres)
    obj = expect_mapping(load_json(obj))
    _check_document(obj)
    title = text(obj.get("Title"), "Title")
    if title is None:
        raise ValidationError.at("Title", "a film needs a title")
    # Typed as Any: mypy cannot solve the generic converter of Film's tuple fields.
    collections: dict[str, Any] = {
        "content_ratings": _content_ratings(obj),
        "genres": genre_names(_list(obj, "Genre"), genre_words, source="imdb"),
        "languages": language_codes(_list(obj, "Language"), "Language"),
        "countries": country_codes(_list(obj, "Country"), "Country"),
        "credits": _credits(obj),
        "ratings": _ratings(obj),
        "awards": awards(text(obj.get("Awards"), "Awards")),
        "box_office": box_office(text(obj.get("BoxOffice"), "BoxOffice")),
        "images": poster(text(obj.get("Poster"), "Poster")),
    }
    release_date, collections["releases"] = _release_dates(obj)
    return Film(
        title,
        kind=FilmKind.MOVIE,
        release_date=release_date,
        runtime=_runtime(obj),
        summary=text(obj.get("Plot"), "Plot"),
        ids=_ids(obj),
        **collections,
    )


def _check_document(obj: Mapping[str, Any]) -> None:
    """Raise UnsupportedDocumentError for an OMDb document that is not one movie."""
    response = text(obj.get("Response"), "Response")
    if response is not None and response.casefold() == "false":
        error = text(obj.get("Error"), "Error") or "no error message"
        raise UnsupportedDocumentError(f"OMDb error: {error}")
    kind = text(obj.get("Type"), "Type")
    if kind is None:
        # Seasons (?Season=1) and searches (?s=) have no Type; a bare movie may lack it.
        if "Episodes" in obj or "Season" in obj:
            raise UnsupportedDocumentError("OMDb season episode list, not a film")
        if "Search" in obj:
            raise UnsupportedDocumentError("OMDb search result, not a film")
        return
    if kind.casefold() != "movie":
        what = _NOT_FILMS.get(kind.casefold(), f"of Type {shown(kind)}")
        raise UnsupportedDocumentError(f"OMDb document is {what} (Type {shown(kind)}), not a film")


def _list(obj: Mapping[str, Any], key: str) -> list[str]:
    value = text(obj.get(key), key)
    return [] if value is None else split_list(value)


def _number(value: str, pattern: re.Pattern[str], path: str, form: str) -> str:
    if not pattern.fullmatch(value):
        raise ValidationError.at(path, f"{shown(value)} is not a number like {form}")
    return value


def _release_dates(obj: Mapping[str, Any]) -> tuple[PartialDate | None, list[Release]]:
    """The film's release date, and its releases: ``Released`` and ``DVD``."""
    year = text(obj.get("Year"), "Year")
    if year is not None:
        # A movie has a plain year; a range belongs to a series, rejected before.
        _number(year, _YEAR, "Year", '"1985"')
        with field("Year"):  # "0000" is four digits, but no year
            year_date = PartialDate.parse(year)
    releases = []
    for key, kind in (("Released", ReleaseKind.THEATRICAL), ("DVD", ReleaseKind.PHYSICAL)):
        if (given := text(obj.get(key), key)) is not None:
            with field(key):
                # OMDb writes day first ("07 Nov 2000"), and always four digits of year.
                releases.append(Release(PartialDate.parse(given, dayfirst=True), kind=kind))
    released = releases[0].date if releases and releases[0].kind is ReleaseKind.THEATRICAL else None
    if year is None:
        return released, releases
    # Year is the film's own year; Released is the US release, which may come later
    # (A Clockwork Orange: 1971, released in the US in 1972): it is one of the releases.
    return (
        released if released is not None and released.year == year_date.year else year_date
    ), releases


def _runtime(obj: Mapping[str, Any]) -> dt.timedelta | None:
    value = text(obj.get("Runtime"), "Runtime")
    if value is None:
        return None
    with field("Runtime"):
        runtime = parse_runtime(value)
    # "0 min" is how a missing runtime looks in some IMDb data, never a real film's.
    return runtime or None


def _content_ratings(obj: Mapping[str, Any]) -> tuple[ContentRating, ...]:
    value = text(obj.get("Rated"), "Rated")
    if value is None:
        return ()
    # OMDb's Rated is IMDb's US certificate: MPA codes, US TV codes, and the words
    # "Not Rated", "Unrated", "Approved", ... which are kept as codes the MPA lacks.
    with field("Rated", inner=False):
        return (ContentRating(normalize_certification(value, country="US"), country="US"),)


def _strip_notes(name: str) -> str:
    """Remove trailing parenthesised notes: "Dan Brown (novel)" -> "Dan Brown"."""
    # One pass from the end, linear even for "x ()()()...": each balanced group that
    # is followed only by other groups and spaces is cut; an unbalanced one is kept.
    depth = 0
    cut = len(name)
    for i in range(len(name) - 1, -1, -1):
        char = name[i]
        if char == ")":
            depth += 1
        elif char == "(" and depth > 0:
            depth -= 1
            if depth == 0:
                cut = i
        elif depth == 0 and not char.isspace():
            break
    return name[:cut].rstrip()


def _credits(obj: Mapping[str, Any]) -> list[Credit]:
    credits: list[Credit] = []
    for key, role in _CREDIT_FIELDS:
        # A writer credited twice ("(screenplay)", "(characters)") is one credit.
        names = unique(filter(None, map(_strip_notes, _list(obj, key))))
        credits.extend(Credit(name, role) for name in names)
    return credits


def _ratings(obj: Mapping[str, Any]) -> list[Rating]:
    found = _listed_ratings(obj.get("Ratings"))
    # The top-level fields win: imdbRating comes with its votes, Metascore is exact.
    votes = _integer(obj, "imdbVotes", _VOTES, '"1,266,466"')
    imdb = text(obj.get("imdbRating"), "imdbRating")
    if imdb is not None:
        with field("imdbRating", inner=False):
            number = read_float(_number(imdb, _DECIMAL, "imdbRating", '"8.5"'), "imdbRating")
            found["imdb"] = Rating("imdb", number)
    if votes is not None and "imdb" in found:
        found["imdb"] = Rating("imdb", found["imdb"].value, votes=votes)
    metascore = _integer(obj, "Metascore", _INTEGER, '"87"')
    if metascore is not None:
        with field("Metascore", inner=False):
            found["metacritic"] = Rating("metacritic", metascore)
    # One order whatever OMDb's: IMDb, Tomatometer, Metascore.
    return [found[source] for source in _SOURCES.values() if source in found]


def _listed_ratings(listed: object) -> dict[str, Rating]:
    found: dict[str, Rating] = {}
    for i, item in enumerate(expect_list(listed, "Ratings") if listed is not None else ()):
        path = f"Ratings[{i}]"
        entry = expect_mapping(item, path)
        source_name = text(entry.get("Source"), f"{path}.Source")
        value = text(entry.get("Value"), f"{path}.Value")
        if source_name is None or value is None:
            continue
        source = _SOURCES.get(source_name)
        if source is None:
            warn(f"{path}.Source: {source_name!r} is not a known rating source: left out")
            continue
        pattern, form = _VALUE_FORMS[source]
        match = pattern.fullmatch(value)
        if match is None:
            raise ValidationError.at(f"{path}.Value", f"{shown(value)} is not a rating like {form}")
        read = read_float if source == "imdb" else read_int
        number = read(match[1], f"{path}.Value")
        with field(f"{path}.Value", inner=False):
            found.setdefault(source, Rating(source, number))
    return found


def _integer(obj: Mapping[str, Any], key: str, pattern: re.Pattern[str], form: str) -> int | None:
    value = text(obj.get(key), key)
    if value is None:
        return None
    return read_int(_number(value, pattern, key, form).replace(",", ""), key)


def _ids(obj: Mapping[str, Any]) -> ExternalIds:
    imdb = text(obj.get("imdbID"), "imdbID")
    with field("imdbID", inner=False):
        return ExternalIds(imdb=imdb)
