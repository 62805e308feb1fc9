"""Read TMDb v3 movie responses into films.

:func:`from_tmdb` reads ``GET /3/movie/{id}`` (the details), with the certifications of
``/movie/{id}/release_dates`` (or the legacy ``/releases``) and the offers of
``/movie/{id}/watch/providers``, given as arguments or embedded in the details by
``append_to_response``. ``docs/formats/tmdb.md`` has the field-by-field table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from filmmeta._model import (
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    PartialDate,
    Rating,
    Role,
    check_region,
    is_language_tag,
    language_from_name,
    parse_runtime,
    shown_typed,
)
from filmmeta.exceptions import UnsupportedDocumentError, ValidationError
from filmmeta.formats._common import (
    expect_list,
    expect_mapping,
    field,
    guard_depth,
    load_json,
    region_code,
    text,
    unique,
    warn,
)
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names
from filmmeta.formats._tmdb_extras import film_parts
from filmmeta.formats._tmdb_parts import (
    NULLS,
    check_error,
    check_part,
    objects,
    offers_from_providers,
    positive_int,
    ratings_from_release_dates,
    release_entries,
)

__all__ = ["from_tmdb"]

# Crew jobs (or, for writers, the department) carried as credits; other jobs are not.
_CREW_JOBS = {
    "Director": Role.DIRECTOR,
    "Producer": Role.PRODUCER,
    "Original Music Composer": Role.COMPOSER,
    "Director of Photography": Role.CINEMATOGRAPHER,
    "Editor": Role.EDITOR,
}
# external_ids' "<key>_id" fields kept as ExternalIds.other["<key>"].
_OTHER_IDS = ("facebook", "instagram", "twitter")
# Credits come grouped by role, in the order of Role: directors, writers, producers, actors.
_ROLE_ORDER = tuple(Role)
# What a document without a title is, by a key that only it has.
_NOT_DETAILS = (
    ("page", "a search result page"),
    ("first_air_date", "a TV show"),
    ("name", "a TV show"),
    ("countries", "a /releases response: pass it as release_dates="),
    ("titles", "an /alternative_titles response"),
    ("translations", "a /translations response"),
    ("certifications", "the certification list"),
    ("wikidata_id", "an /external_ids response"),
    ("iso_3166_1", "one country of a /release_dates response"),
    ("link", "one region of a /watch/providers response"),
)


@guard_depth
def from_tmdb(
    details: Mapping[str, Any],
    *,
    release_dates: Mapping[str, Any] | None = None,
    providers: Mapping[str, Any] | None = None,
    region: str | None = None,
    alternative_titles: Mapping[str, Any] | None = None,
    external_ids: Mapping[str, Any] | None = None,
    keywords: Mapping[str, Any] | None = None,
    images: Mapping[str, Any] | None = None,
    videos: Mapping[str, Any] | None = None,
    genres: GenreNames = "canonical",
) -> Film:
    """Read TMDb movie details, with certifications and offers when given.

    ``""`` and ``null`` are unknown, and so are a runtime of 0 and a ``vote_count`` of 0
    (no ``tmdb`` rating then). Per country, the certification of the theatrical release
    wins, then limited, premiere, digital, physical and TV, with its ``descriptors``;
    every dated release becomes one of the film's releases. A region or language code
    that maps to nothing is left out with a
    :class:`~filmmeta.FilmmetaWarning`.

    Args:
        details: The ``/movie/{id}`` response, possibly with ``append_to_response``
            parts (``release_dates``, ``releases``, ``watch/providers``,
            ``external_ids``, ``credits``) inside it.
        release_dates: The ``/movie/{id}/release_dates`` response, or the legacy
            ``/movie/{id}/releases`` one; wins over a part embedded in *details*.
        providers: The ``/movie/{id}/watch/providers`` response; wins over an embedded
            ``watch/providers`` part.
        region: Read only this region's offers (``"US"``); None reads every region.
        alternative_titles: The ``/movie/{id}/alternative_titles`` response; like every
            part below, it wins over the part of that name embedded in *details*.
        external_ids: The ``/movie/{id}/external_ids`` response.
        keywords: The ``/movie/{id}/keywords`` response.
        images: The ``/movie/{id}/images`` response.
        videos: The ``/movie/{id}/videos`` response (without one, the legacy
            ``trailers`` part embedded in *details* is read).
        genres: ``"canonical"`` gives the genre vocabulary's names ("Science Fiction";
            a genre it does not know is kept as written), ``"source"`` TMDb's own words
            (its names in the language of the request).

    .. versionchanged:: 0.2.0
       The titles, releases, collection, budget and revenue, images, videos, keywords,
       tagline and the ids of other services are read; the ``alternative_titles``,
       ``external_ids``, ``keywords``, ``images``, ``videos`` and ``genres`` arguments.

    Returns:
        The film.

    Raises:
        UnsupportedDocumentError: A TMDb error (``"success": false``), a TV show, a
            search result page or another response that is not movie details.
        ValidationError: A value is present but malformed; each path names the TMDb
            field (``runtime``, ``vote_average``,
            ``release_dates.results[2].release_dates[0].certification``), or the
            argument (``region``, ``genres``). Parts whose ``id`` differs from the details' are
            refused too, at ``release_dates.id`` or ``providers.id``.

    Examples:
        >>> from filmmeta.formats.tmdb import from_tmdb
        >>> film = from_tmdb(
        ...     {
        ...         "id": 550,
        ...         "title": "Fight Club",
        ...         "release_date": "1999-10-15",
        ...         "runtime": 139,
        ...         "vote_average": 8.4,
        ...         "vote_count": 27917,
        ...     },
        ...     release_dates={
        ...         "results": [
        ...             {
        ...                 "iso_3166_1": "US",
        ...                 "release_dates": [
        ...                     {"certification": "R", "type": 1},
        ...                     {"certification": "R", "type": 3},
        ...                 ],
        ...             }
        ...         ]
        ...     },
        ...     providers={
        ...         "results": {"US": {"link": None, "rent": [{"provider_name": "Apple TV"}]}}
        ...     },
        ... )
        >>> film.year, film.runtime, film.content_rating("US").code, film.ids.tmdb
        (1999, datetime.timedelta(seconds=8340), 'R', 550)
        >>> tmdb = film.rating("tmdb")
        >>> tmdb.value, tmdb.votes, film.offers[0].provider, film.offers[0].type.value
        (8.4, 27917, 'Apple TV', 'rent')
        >>> from_tmdb({"success": False, "status_code": 34, "status_message": "Not found."})
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.UnsupportedDocumentError: TMDb error 34: Not found.
        >>> dune = {"id": 438631, "title": "Dune", "genres": [{"id": 878, "name": "Sci-Fi"}]}
        >>> from_tmdb(dune).genres, from_tmdb(dune, genres="source").genres
        (('Science Fiction',), ('Sci-Fi',))
    """
    genre_words = check_genre_names(genres)
    details = expect_mapping(load_json(details))
    release_dates = load_json(release_dates, "release_dates")
    providers = load_json(providers, "providers")
    _check_document(details)
    if region is not None:
        check_region("region", region)
    film_id = positive_int(details.get("id"), "id")
    title = text(details.get("title"), "title", nulls=NULLS)
    original = text(details.get("original_title"), "original_title", nulls=NULLS)
    if title is None:
        title, original = original, None
    if title is None:
        raise ValidationError.at("title", "a film needs a title")

    dates_doc, dates_path = release_dates, "release_dates"
    if dates_doc is None and details.get("release_dates") is None:
        dates_doc, dates_path = details.get("releases"), "releases"
    elif dates_doc is None:
        dates_doc = details.get("release_dates")
    offers_doc, offers_path = providers, "providers"
    if offers_doc is None:
        offers_doc, offers_path = details.get("watch/providers"), "watch/providers"
    given = {
        "alternative_titles": alternative_titles,
        "external_ids": external_ids,
        "keywords": keywords,
        "images": images,
        "videos": videos,
    }
    for doc, path in (
        (release_dates, "release_dates"),
        (providers, "providers"),
        *((doc, name) for name, doc in given.items()),
    ):
        if doc is not None:
            check_part(doc, path, film_id)
    dates = release_entries(dates_doc, dates_path)
    # Typed as Any: mypy cannot solve the generic converter of Film's tuple fields.
    collections: dict[str, Any] = {
        "content_ratings": ratings_from_release_dates(*dates),
        "genres": genre_names(_genres(details.get("genres")), genre_words, source="tmdb"),
        "languages": _languages(details.get("spoken_languages")),
        "countries": _countries(details),
        "credits": _credits(details.get("credits")),
        "ratings": _ratings(details),
        "offers": offers_from_providers(offers_doc, offers_path, region),
        **film_parts(details, given, dates),
    }
    return Film(
        title,
        kind=FilmKind.VIDEO if _flag(details, "video") else FilmKind.MOVIE,
        release_date=_release_date(details),
        runtime=_runtime(details.get("runtime")),
        summary=text(details.get("overview"), "overview", nulls=NULLS),
        ids=_ids(details, film_id, external_ids),
        original_title=original if original != title else None,
        **collections,
    )


def _check_document(details: Mapping[str, Any]) -> None:
    check_error(details)
    if "page" in details or "title" not in details:
        found = (what for key, what in _NOT_DETAILS if key in details)
        results = details.get("results")
        if isinstance(results, Mapping):
            default = "a /watch/providers response: pass it as providers="
        elif results is not None:
            default = "a list of results (a /release_dates response goes in release_dates=)"
        else:
            default = "a document without a title"
        raise UnsupportedDocumentError(
            f"TMDb document is {next(found, default)}, not movie details"
        )


def _flag(details: Mapping[str, Any], key: str) -> bool:
    value = details.get(key)
    if value is not None and type(value) is not bool:
        raise ValidationError.at(key, f"expected true or false, got {shown_typed(value)}")
    return value is True


def _release_date(details: Mapping[str, Any]) -> PartialDate | None:
    value = text(details.get("release_date"), "release_date", nulls=NULLS)
    if value is None:
        return None
    with field("release_date"):
        # ISO 8601 only ("1999-10-15"): no convention to pass, and nothing else is guessed.
        return PartialDate.parse(value)


def _runtime(value: object) -> dt.timedelta | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError.at("runtime", f"expected minutes, got {shown_typed(value)}")
    with field("runtime"):
        return parse_runtime(value) or None


def _genres(value: object) -> list[str]:
    names = (text(g.get("name"), f"{p}.name", nulls=NULLS) for p, g in objects(value, "genres"))
    return unique(name for name in names if name is not None)


def _languages(value: object) -> list[str]:
    tags: list[str] = []
    for path, entry in objects(value, "spoken_languages"):
        code = text(entry.get("iso_639_1"), f"{path}.iso_639_1", nulls=NULLS)
        if code == "xx":  # TMDb's "No Language"
            continue
        names = [text(entry.get(key), f"{path}.{key}") for key in ("english_name", "name")]
        if code is not None and is_language_tag(code):
            tags.append(code)
        elif found := next(
            filter(None, (language_from_name(n) for n in (code, *names) if n)), None
        ):
            tags.append(found)
        else:
            warn(f"{path}: language {code!r} ({names[0]!r}) is not known: left out")
    return unique(tags)


def _countries(details: Mapping[str, Any]) -> list[str]:
    codes = [
        region_code(entry.get("iso_3166_1"), f"{path}.iso_3166_1")
        for path, entry in objects(details.get("production_countries"), "production_countries")
    ]
    origin = details.get("origin_country")
    if origin is not None:
        listed = expect_list(origin, "origin_country")
        codes += (region_code(code, f"origin_country[{i}]") for i, code in enumerate(listed))
    return unique(code for code in codes if code is not None)


def _ratings(details: Mapping[str, Any]) -> list[Rating]:
    votes = details.get("vote_count")
    if votes is not None and not (type(votes) is int and votes >= 0):
        raise ValidationError.at("vote_count", f"expected a count, got {shown_typed(votes)}")
    value = details.get("vote_average")
    if not votes or value is None:
        return []  # a vote_count of 0 comes with a meaningless vote_average of 0
    if type(value) not in (int, float):
        raise ValidationError.at("vote_average", f"expected a number, got {shown_typed(value)}")
    with field("vote_average", inner=False):
        return [Rating("tmdb", value, votes=votes)]


def _ids(details: Mapping[str, Any], film_id: int | None, given: object) -> ExternalIds:
    external = given if given is not None else details.get("external_ids")
    external = {} if external is None else expect_mapping(external, "external_ids")
    found: dict[str, Any] = {"tmdb": film_id}
    other = {}
    for key in _OTHER_IDS:  # the social media ids, under their own keys
        value = text(external.get(f"{key}_id"), f"external_ids.{key}_id", nulls=NULLS)
        if value is not None:
            other[key] = value
    # The details' own imdb_id wins over the one in an embedded external_ids part.
    for key, path, raw in (
        ("imdb", "imdb_id", details.get("imdb_id")),
        ("imdb", "external_ids.imdb_id", external.get("imdb_id")),
        ("wikidata", "external_ids.wikidata_id", external.get("wikidata_id")),
    ):
        value = text(raw, path, nulls=NULLS)
        if value is not None and found.get(key) is None:
            with field(path, inner=False):
                ExternalIds(**{key: value})  # type: ignore[arg-type]
            found[key] = value
    with field("external_ids", inner=False):
        return ExternalIds(**found, other=other)


def _credits(doc: object) -> list[Credit]:
    if doc is None:
        return []
    doc = expect_mapping(doc, "credits")
    found: list[Credit] = []
    for path, person in objects(doc.get("cast"), "credits.cast"):
        name = text(person.get("name"), f"{path}.name", nulls=NULLS)
        character = text(person.get("character"), f"{path}.character", nulls=NULLS)
        if name is not None:
            found.append(Credit(name, Role.ACTOR, character=character))
    for path, person in objects(doc.get("crew"), "credits.crew"):
        name = text(person.get("name"), f"{path}.name", nulls=NULLS)
        job = text(person.get("job"), f"{path}.job", nulls=NULLS)
        department = text(person.get("department"), f"{path}.department", nulls=NULLS)
        role = Role.WRITER if department == "Writing" else _CREW_JOBS.get(job or "")
        if name is not None and role is not None:
            found.append(Credit(name, role))
    # Grouped by role, people in TMDb's order within each; a writer with two jobs once.
    found = unique(found)
    return [credit for role in _ROLE_ORDER for credit in found if credit.role == role]
