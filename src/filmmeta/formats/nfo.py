"""Kodi movie NFO files, both ways: the ``.nfo`` beside every film in a media library.

Kodi (v17 to v21), Jellyfin, Emby, MediaElch and tinyMediaManager keep a film's metadata
in an XML file next to the video, ``<movie>`` at its root. :func:`from_nfo` reads such a
file as any of them writes it, and also the NFOs that hold only links to the film's
IMDb or TMDb page; :func:`to_nfo` writes one that Kodi and Jellyfin read.
``docs/formats/nfo.md`` has the tag-by-tag table.

XML is parsed with `defusedxml <https://pypi.org/project/defusedxml/>`_ (the ``nfo``
extra): NFO files come from the internet (scrapers, release groups, shared libraries),
and the standard library's parser expands entities, which lets a few hundred bytes
become gigabytes. Without defusedxml, :func:`from_nfo` raises an ``ImportError`` naming
the extra; it never falls back to an unsafe parser.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import IO, Any

import attrs

from filmmeta._model import (
    NO_IDS,
    ExternalIds,
    Film,
    FilmKind,
    check_region,
    check_text,
    file_name,
    shown,
)
from filmmeta.exceptions import ROOT, UnsupportedDocumentError, ValidationError
from filmmeta.formats import _nfo_extras as extras
from filmmeta.formats import _nfo_read as read
from filmmeta.formats._common import field, guard_depth, warn
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names
from filmmeta.formats._nfo_write import write
from filmmeta.formats._nfo_xml import Links, read_document

__all__ = ["NfoLink", "from_nfo", "to_nfo"]

# uniqueid types (lowercase) of ExternalIds' fields; Kodi's and the tools' spellings.
_ID_FIELDS = {
    "imdb": "imdb",
    "tmdb": "tmdb",
    "themoviedb": "tmdb",
    "wikidata": "wikidata",
    "letterboxd": "letterboxd",
    "rotten_tomatoes": "rotten_tomatoes",
    "rottentomatoes": "rotten_tomatoes",
    "metacritic": "metacritic",
    "justwatch": "justwatch",
}
_COLLECTION_IDS = frozenset({"tmdbcol", "tmdbcolid", "tmdbcollection", "tmdbset"})
_WIKIDATA = re.compile(r"Q[1-9][0-9]{0,15}", re.ASCII)
# Tags that hold facts about the film, for the warning about a file without a title.
_FACTS = (
    "plot",
    "outline",
    "tagline",
    "ratings",
    "rating",
    "runtime",
    "mpaa",
    "genre",
    "country",
    "director",
    "credits",
    "actor",
    "premiered",
    "year",
    "set",
    "tag",
)


def _to_tuple(urls: Iterable[str]) -> tuple[str, ...]:
    return tuple(urls)


@attrs.frozen
class NfoLink:
    r"""An NFO that names a film without describing it: a link, not a film.

    Kodi calls a file that holds only the URL of the film's page a "parsing NFO": it
    tells the scraper which film the video is. :func:`from_nfo` returns an ``NfoLink``
    for such a file, and for a ``<movie>`` NFO without a title (an empty template), since
    a :class:`~filmmeta.Film` always has its title. Fetch the film by its ids, then
    combine: ``merge_films(fetched, link.film(fetched.title))`` also checks that the ids
    agree.

    Args:
        ids: The ids the links (or the XML) give.
        urls: The film links found, in order.

    Examples:
        >>> from filmmeta.formats.nfo import from_nfo
        >>> link = from_nfo("https://www.imdb.com/title/tt0233044/\n")
        >>> link.ids.imdb, link.urls
        ('tt0233044', ('https://www.imdb.com/title/tt0233044/',))
        >>> link.film("Backstage").ids.imdb
        'tt0233044'

    .. versionadded:: 0.2.0
    """

    ids: ExternalIds = attrs.field(default=NO_IDS)
    urls: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)

    def film(self, title: str) -> Film:
        """Return a film of *title* with this link's ids, to merge with a fetched one."""
        return Film(title, ids=self.ids)


def _source_bytes(source: Any) -> tuple[Any, str | None]:
    if isinstance(source, os.PathLike):
        with open(source, "rb") as file:
            return file.read(), os.fspath(source)
    if hasattr(source, "read"):
        stream: IO[Any] = source
        return stream.read(), file_name(stream)
    return source, None


@guard_depth
def from_nfo(
    source: Any, *, country: str | None = None, genres: GenreNames = "canonical"
) -> Film | NfoLink:
    """Read a movie NFO: its text, its bytes, an open file or a path.

    A ``str`` is the NFO's text, never a file name: give a path as a
    :class:`pathlib.Path`. Bytes are decoded as the byte order mark or the XML
    declaration says, else as UTF-8.

    Values that cannot be read (a rating above its scale, a date that is no date, an id
    of the wrong shape, a certification without a country) are left out with a
    :class:`~filmmeta.FilmmetaWarning` naming the tag, as Kodi skips them.

    Args:
        source: The NFO as text, bytes, a binary or text file, or a path-like.
        country: The country whose certification a bare ``<mpaa>`` code is (the
            scraper's certification country). Without it a bare code is taken as a US
            code when it is one (``R``, ``PG-13``, ``TV-14``), else left out.
        genres: ``"canonical"`` gives the genre vocabulary's names (a scraper's
            "Science-Fiction" is "Science Fiction"; a genre it does not know is kept as
            written), ``"source"`` the file's own words.

    Returns:
        The film; or, for a file that only links to a film (or a ``<movie>`` without a
        title), an :class:`NfoLink` holding the ids it names.

    Raises:
        UnsupportedDocumentError: The root is not ``<movie>`` (``<tvshow>``,
            ``<episodedetails>``, ``<musicvideo>``, ...), or the file links only to a TV
            show.
        ValidationError: The file is neither well-formed XML nor links to a film, its XML
            declares entities (refused: that is how XML bombs work), or its title is
            invalid. Read from a path or a named file, the error names the file. Also
            for *genres* that is neither name (path ``genres``).
        ImportError: defusedxml is not installed (``pip install 'filmmeta[nfo]'``).
        OSError: A path could not be read.

    Examples:
        >>> from filmmeta.formats.nfo import from_nfo
        >>> film = from_nfo('''<?xml version="1.0" encoding="UTF-8"?>
        ... <movie>
        ...     <title>Backstage</title>
        ...     <ratings>
        ...         <rating name="imdb" max="10" default="true">
        ...             <value>5.7</value><votes>347</votes>
        ...         </rating>
        ...         <rating name="metacritic" max="10"><value>2.9</value></rating>
        ...     </ratings>
        ...     <mpaa>Rated R</mpaa>
        ...     <uniqueid type="IMDB" default="true">tt0233044</uniqueid>
        ...     <premiered>2000-11-07</premiered>
        ... </movie>''')
        >>> [(r.source, r.value, r.votes) for r in film.ratings]
        [('imdb', 5.7, 347), ('metacritic', 29, None)]
        >>> film.content_rating("US").code, film.ids.imdb, str(film.release_date)
        ('R', 'tt0233044', '2000-11-07')
        >>> from_nfo("<tvshow><title>Torchwood</title></tvshow>")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.UnsupportedDocumentError: the NFO's root is <tvshow> (a TV show), not <movie>
        >>> alien = "<movie><title>Alien</title><genre>Horror / Science-Fiction</genre></movie>"
        >>> from_nfo(alien).genres, from_nfo(alien, genres="source").genres
        (('Horror', 'Science Fiction'), ('Horror', 'Science-Fiction'))

    .. versionadded:: 0.2.0
    """  # noqa: E501
    genre_words = check_genre_names(genres)
    data, name = _source_bytes(source)
    try:
        return _read(data, country, genre_words)
    except ValidationError as err:
        raise (err if name is None else err.with_file(name)) from None


def _read(data: Any, country: str | None, genre_words: GenreNames) -> Film | NfoLink:
    if country is not None:
        check_region("country", country)
    root, links = read_document(data)
    if root is None:
        return _link_only(links)
    found = read.ids(root)
    ids = _ids(found, links)
    title = read.text(root, "title", "localtitle", "originaltitle")
    if title is None:
        # A template's zeros ("<year>0</year>", "<top250>-1</top250>") are no facts.
        facts = [tag for tag in _FACTS if (read.text(root, tag) or "0").strip("0.-")]
        if facts:
            shown_tags = ", ".join(f"<{tag}>" for tag in facts[:5])
            warn(f"title: empty, so the NFO only names a film: {shown_tags} left out")
        return NfoLink(ids, links.urls)
    with field("title", inner=False):
        check_text("title", title)
    original = read.text(root, "originaltitle")
    # Typed as Any: mypy cannot solve the generic converter of Film's tuple fields.
    collections: dict[str, Any] = {
        "content_ratings": read.content_ratings(root, country),
        "genres": genre_names(read.genres(root), genre_words, source="kodi"),
        "countries": read.countries(root),
        "credits": read.credits(root),
        "ratings": read.ratings(root),
    }
    collections |= {
        "editions": extras.editions(root),
        "images": extras.images(root),
        "videos": extras.videos(root),
        "keywords": extras.keywords(root),
        "collection": extras.collection(root, _collection_id(found)),
        "tagline": extras.tagline(root),
    }
    return Film(
        title,
        kind=FilmKind.MOVIE,
        release_date=read.release_date(root),
        runtime=read.runtime(root),
        summary=read.keep("plot", _summary, root),
        ids=ids,
        original_title=read.keep("originaltitle", _text, original) if original != title else None,
        **collections,
    )


def _text(found: str | None) -> str | None:
    check_text("$", found, optional=True)
    return found


def _summary(root: Any) -> str | None:
    return _text(read.text(root, "plot", "outline"))


def _link_only(links: Links) -> NfoLink:
    if not links.urls:
        if links.tv:
            raise UnsupportedDocumentError(
                f"the NFO links only to a TV show ({shown(links.tv[0])})"
            )
        raise ValidationError.at(ROOT, "neither XML nor a link to an IMDb or TMDb film")
    for kind, found in (("IMDb", links.imdb), ("TMDb", links.tmdb)):
        if len(set(found)) > 1:
            raise ValidationError.at(
                ROOT,
                f"links to {len(set(found))} {kind} titles ({shown(found[0])}, ...): not one film",
            )
    with field(ROOT, inner=False):
        ids = ExternalIds(
            imdb=links.imdb[0] if links.imdb else None, tmdb=links.tmdb[0] if links.tmdb else None
        )
    return NfoLink(ids, links.urls)


def _id_value(name: str, written: str) -> Any:
    if name == "imdb":
        return read.imdb_id(written, ROOT)
    if name in {"tmdb", "justwatch"}:
        return read.tmdb_id(written, ROOT)
    if name == "wikidata" and not _WIKIDATA.fullmatch(written.upper()):
        raise ValidationError.at(ROOT, f"{shown(written)} is not a Wikidata id")
    value = written.upper() if name == "wikidata" else written
    check: dict[str, Any] = {name: value}
    with field(ROOT, inner=False):
        ExternalIds(**check)  # the model's own check of slugs
    return value


def _collection_id(found: dict[str, list[tuple[str, str]]]) -> int | None:
    """The TMDb id of the film's collection (``tmdbcolid``, a ``tmdbcol`` uniqueid)."""
    for kind in sorted(_COLLECTION_IDS):
        for path, written in found.get(kind, ()):
            tmdb = read.keep(path, read.tmdb_id, written, ROOT)
            if tmdb is not None:
                return tmdb
    return None


def _other(kind: str, written: str) -> str:
    with field(ROOT, inner=False):
        ExternalIds(other={kind: written})
    return written


def _ids(found: dict[str, list[tuple[str, str]]], links: Links) -> ExternalIds:
    values: dict[str, Any] = {}
    other: dict[str, str] = {}
    paths: dict[str, str] = {}
    # Kodi's <id> repeats the default uniqueid's value; only an unrepeated one is news.
    repeated = {
        w.lower() for kind, entries in found.items() if kind != read.UNTYPED for _, w in entries
    }
    for kind, entries in found.items():
        name = _ID_FIELDS.get(kind)
        if kind in _COLLECTION_IDS:
            continue  # the collection's, read with the set
        if kind == read.UNTYPED:
            for path, written in entries:
                if written.lower() not in repeated:
                    warn(
                        f"{path}: {shown(written)} does not say which database it is from: left out"
                    )
            continue
        if name is None:
            # Any other database's id (tvdb, trakt, a home movie's "home001"), by its type.
            for path, written in entries:
                kept = read.keep(path, _other, kind, written)
                if kept is not None and other.setdefault(kind, kept) != kept:
                    warn(f"{path}: {shown(written)} is a second {kind} id: left out")
            continue
        for path, written in entries:
            value = read.keep(path, _id_value, name, written)
            if value is None:
                continue
            if name not in values:
                values[name], paths[name] = value, path
            elif values[name] != value:
                first = f"the first is at {paths[name]}"
                warn(f"{path}: {shown(written)} is a second {name} id ({first}): left out")
    for name, linked in (("imdb", links.imdb), ("tmdb", links.tmdb)):
        for value in linked:
            if name not in values:
                values[name] = value
            elif values[name] != value:
                warn(f"link: {shown(value)} is a second {name} id: left out")
    return ExternalIds(**values, other=other)


def to_nfo(film: Film) -> str:
    """Write *film* as a Kodi movie NFO, which Kodi (v17 to v21) and Jellyfin read.

    Every rating is written on its own scale with its ``max`` (a Metascore as 29 of
    100), the first marked ``default``; ids as ``<uniqueid>`` with the IMDb id (else
    the first) as the default; content ratings as ``US:R``; credits in the film's order
    (directors as ``<director>``, writers as ``<credits>``, everyone else as ``<actor>``
    with ``<role>``, ``<order>`` and, for parts other than acting, Jellyfin's
    ``<type>``). What NFO has no place for (kind, languages, offers, a rating's
    ``worst`` other than 0 for an unknown source, seconds of the runtime) is not written:
    ``docs/formats/nfo.md`` lists it. :func:`from_nfo` reads back every fact written.

    Args:
        film: The film.

    Returns:
        The NFO, as text ending with a new line (write it as UTF-8).

    Raises:
        ValidationError: A text holds a character XML 1.0 cannot (a control character),
            at its path (``summary``).
        TypeError: *film* is not a :class:`~filmmeta.Film`.

    Examples:
        >>> from filmmeta import Film, Rating
        >>> from filmmeta.formats.nfo import to_nfo
        >>> print(to_nfo(Film("Backstage", ratings=[Rating("metacritic", 29)])))
        <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
        <movie>
            <title>Backstage</title>
            <ratings>
                <rating name="metacritic" max="100" default="true">
                    <value>29</value>
                </rating>
            </ratings>
        </movie>
        <BLANKLINE>

    .. versionadded:: 0.2.0
    """
    return write(film)
