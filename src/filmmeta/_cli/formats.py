"""The formats the command line reads and writes: two small tables that formats add to.

A format is added by one call, here or in the module that brings it::

    add_input(InputFormat("omdb", "OMDb API responses", detect=..., from_json=from_omdb))
    add_output(OutputFormat("jsonld", "schema.org JSON-LD", write=...))

and ``--from NAME`` / ``--to NAME`` then know it. An input format reads either one decoded
JSON document (``from_json``; the command line splits JSON Lines and arrays for it), the
text of a whole file (``from_text``, for CSV formats, which may hold many films), or its
bytes (``from_bytes``, for XML, whose declaration says how its bytes are text). ``detect``
tells a format's documents from all others' when ``--from`` is not given: it is given the
decoded JSON document for a JSON format, the file's text or bytes for the others. A
document that no format, or more than one, claims is an error: never a silent guess.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from filmmeta._json import dumps as json_dumps
from filmmeta._model import Film
from filmmeta.converters import from_dict, to_json
from filmmeta.exceptions import ROOT, ValidationError

__all__ = [
    "INPUTS",
    "OUTPUTS",
    "InputFormat",
    "OutputFormat",
    "add_input",
    "add_output",
    "detect_bytes",
    "detect_json",
    "detect_text",
    "unknown_file_message",
]


@attrs.frozen(kw_only=True)
class InputFormat:
    """A format ``--from`` reads.

    Attributes:
        name: The name given to ``--from``.
        help: A few words for ``--help``.
        detect: True for this format's documents (JSON value, or a text file's text).
        from_json: Reads one decoded JSON document into a film.
        from_text: Reads the text of a whole file into films.
        from_bytes: Reads the bytes of a whole file into films (XML: a Kodi NFO may
            be Latin-1, as its declaration says).
        suffixes: The file name endings a folder given on the command line is searched
            for, through all its subfolders (a Kodi library: a folder per film).
    """

    name: str
    help: str
    detect: Callable[[Any], bool]
    from_json: Callable[[Any], Film] | None = None
    from_text: Callable[[str], Iterable[Film]] | None = None
    from_bytes: Callable[[bytes], Iterable[Film]] | None = None
    suffixes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class OutputFormat:
    """A format ``--to`` writes.

    Attributes:
        name: The name given to ``--to``.
        help: A few words for ``--help``.
        write: The text of one film, ending with a newline.
        path: Where one film goes when ``-o`` is a folder (a Kodi library: a folder per
            film); None for formats written as one stream.
    """

    name: str
    help: str
    write: Callable[[Film], str]
    path: Callable[[Film], str] | None = None


INPUTS: dict[str, InputFormat] = {}
OUTPUTS: dict[str, OutputFormat] = {}


def add_input(fmt: InputFormat) -> None:
    """Make *fmt* known to ``--from`` (and to detection)."""
    INPUTS[fmt.name] = fmt


def add_output(fmt: OutputFormat) -> None:
    """Make *fmt* known to ``--to``."""
    OUTPUTS[fmt.name] = fmt


def _lazy(module: str, name: str) -> Callable[[Any], Film]:
    """A reader that imports its format module on first use: ``--help`` stays fast."""

    def read(value: Any) -> Film:
        reader: Callable[[Any], Film] = getattr(importlib.import_module(module), name)
        return reader(value)

    return read


def _keys(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_jsonld(value: Any) -> bool:
    return any(key in _keys(value) for key in ("@context", "@type", "@graph"))


def _is_omdb(value: Any) -> bool:
    # "Response" alone is OMDb's error document, which from_omdb explains.
    return "Title" in _keys(value) or "Response" in _keys(value)


_JUSTWATCH_KEYS = ("object_type", "objectType", "full_path")


def _is_justwatch(value: Any) -> bool:
    keys = _keys(value)
    if any(key in keys for key in _JUSTWATCH_KEYS):
        return True
    # A GraphQL response ({"data": {...}}): JustWatch's is the GraphQL API filmmeta reads.
    return isinstance(keys.get("data"), dict)


_TMDB_KEYS = ("vote_average", "overview", "imdb_id", "poster_path", "original_language")


def _is_tmdb(value: Any) -> bool:
    keys = _keys(value)
    if "status_code" in keys and "success" in keys:  # TMDb's error document
        return True
    return "id" in keys and any(key in keys for key in _TMDB_KEYS) and not _is_justwatch(keys)


def _is_canonical(value: Any) -> bool:
    keys = _keys(value)
    # Canonical documents have no "id" (ids live under "ids") and no "@" keys.
    return "title" in keys and "id" not in keys and not _is_jsonld(keys)


def detect_json(value: Any) -> InputFormat:
    """The one JSON input format whose ``detect`` claims *value*.

    Raises:
        ValidationError: No format, or more than one, claims it.
    """
    found = [f for f in INPUTS.values() if f.from_json is not None and f.detect(value)]
    if len(found) == 1:
        return found[0]
    names = [f.name for f in INPUTS.values() if f.from_json is not None]
    if not found:
        message = f"not a film document of a known format ({', '.join(names)}); give --from"
    else:
        message = f"could be {' or '.join(f.name for f in found)}; give --from"
    raise ValidationError.at(ROOT, message)


def detect_text(text: str) -> InputFormat | None:
    """The text input format that claims *text*, or None (then the text is read as JSON)."""
    for fmt in INPUTS.values():
        if fmt.from_text is not None and fmt.detect(text):
            return fmt
    return None


def unknown_file_message() -> str:
    """What to say of a file that is neither JSON nor of a file format ``--from`` knows."""
    files = [f.name for f in INPUTS.values() if f.from_text or f.from_bytes]
    return f"neither JSON nor a file of a known format ({', '.join(files)}); give --from"


def detect_bytes(raw: bytes) -> InputFormat | None:
    """The input format of whole files' bytes that claims *raw*, or None."""
    for fmt in INPUTS.values():
        if fmt.from_bytes is not None and fmt.detect(raw):
            return fmt
    return None


def _from_canonical(value: Any) -> Film:
    return from_dict(value)


add_input(
    InputFormat(
        name="json",
        help="filmmeta's canonical JSON, read strictly",
        detect=_is_canonical,
        from_json=_from_canonical,
    )
)
add_input(
    InputFormat(
        name="omdb",
        help="OMDb API responses",
        detect=_is_omdb,
        from_json=_lazy("filmmeta.formats.omdb", "from_omdb"),
    )
)
add_input(
    InputFormat(
        name="tmdb",
        help="TMDb movie details",
        detect=_is_tmdb,
        from_json=_lazy("filmmeta.formats.tmdb", "from_tmdb"),
    )
)
add_input(
    InputFormat(
        name="jsonld",
        help="schema.org JSON-LD Movie objects",
        detect=_is_jsonld,
        from_json=_lazy("filmmeta.formats.schemaorg", "from_jsonld"),
    )
)
add_input(
    InputFormat(
        name="justwatch",
        help="JustWatch titles (legacy REST or GraphQL)",
        detect=_is_justwatch,
        from_json=_lazy("filmmeta.formats.justwatch", "film_from_justwatch"),
    )
)


def _is_xml(raw: bytes) -> bool:
    # JSON never starts with "<"; a Kodi NFO of any root is claimed, so that a <tvshow> is
    # refused by name rather than reported as bad JSON.
    from filmmeta.formats._nfo_xml import starts_as_xml

    return starts_as_xml(raw)


def _from_nfo(raw: bytes) -> list[Film]:
    from filmmeta.formats._common import warn
    from filmmeta.formats.nfo import NfoLink, from_nfo

    found = from_nfo(raw)
    if isinstance(found, NfoLink):
        ids = ", ".join(found.urls) or "no ids"
        warn(f"the NFO only links to a film ({ids}): no film to write")
        return []
    return [found]


add_input(
    InputFormat(
        name="nfo",
        help="Kodi movie NFO files, or folders of them (a library)",
        detect=_is_xml,
        from_bytes=_from_nfo,
        suffixes=(".nfo",),
    )
)


def _write_jsonld(film: Film) -> str:
    from filmmeta.formats.schemaorg import to_jsonld

    return json_dumps(to_jsonld(film), indent=2) + "\n"


add_output(
    OutputFormat(
        name="jsonl",
        help="compact canonical JSON, one film per line",
        write=lambda film: to_json(film) + "\n",
    )
)
add_output(
    OutputFormat(
        name="json",
        help="canonical JSON indented by two spaces, one document after another",
        write=lambda film: to_json(film, indent=2) + "\n",
    )
)
add_output(OutputFormat(name="jsonld", help="schema.org JSON-LD, indented", write=_write_jsonld))


def _write_nfo(film: Film) -> str:
    from filmmeta.formats.nfo import to_nfo

    return to_nfo(film)


_NOT_IN_NAMES = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


def _nfo_path(film: Film) -> str:
    """Kodi's layout: ``Title (Year)/movie.nfo``, the title made safe for every system."""
    name = _NOT_IN_NAMES.sub("_", film.title)[:200].strip(" .") or "_"
    if film.year is not None:
        name = f"{name} ({film.year})"
    return f"{name}/movie.nfo"


add_output(
    OutputFormat(
        name="nfo",
        help="Kodi movie NFO; with -o FOLDER, one Title (Year)/movie.nfo per film",
        write=_write_nfo,
        path=_nfo_path,
    )
)


# -- CSV files people keep: the films they name ---------------------------------------------


def _header(text: str) -> set[str]:
    """The first non-blank line's fields, lowercased without spaces, quotes or dots."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    return {"".join(c for c in f.lower() if c.isalnum()) for f in first.split(delimiter)}


def _is_letterboxd(text: str) -> bool:
    header = _header(text)
    return "letterboxduri" in header or header == {"date", "name", "tags", "url", "description"}


def _is_imdb_csv(text: str) -> bool:
    header = _header(text)
    return "title" in header and ("const" in header or "tconst" in header)


def _is_movielens(text: str) -> bool:
    header = _header(text)
    return "movieid" in header and "title" in header


def _csv_reader(module: str, name: str) -> Callable[[str], Iterable[Film]]:
    """A reader of a CSV file's text (the CSV formats read files, streams or bytes)."""

    def read(text: str) -> Iterable[Film]:
        import io

        reader: Callable[[Any], Iterable[Film]] = getattr(importlib.import_module(module), name)
        return reader(io.StringIO(text))

    return read


add_input(
    InputFormat(
        name="letterboxd",
        help="a file of a Letterboxd export (the films it names)",
        detect=_is_letterboxd,
        from_text=_csv_reader("filmmeta.formats.letterboxd", "read_films"),
    )
)
add_input(
    InputFormat(
        name="imdb-csv",
        help="an IMDb ratings, list or watchlist CSV export (its films)",
        detect=_is_imdb_csv,
        from_text=_csv_reader("filmmeta.formats.imdb_csv", "read_films"),
    )
)
add_input(
    InputFormat(
        name="movielens",
        help="MovieLens movies.csv",
        detect=_is_movielens,
        from_text=_csv_reader("filmmeta.formats.movielens", "read_movies"),
    )
)


def _is_wikidata(value: Any) -> bool:
    keys = _keys(value)
    # Special:EntityData and wbgetentities wrap entities; an entity alone has claims.
    return isinstance(keys.get("entities"), dict) or ("claims" in keys and "labels" in keys)


add_input(
    InputFormat(
        name="wikidata",
        help="Wikidata film entities (Special:EntityData, wbgetentities)",
        detect=_is_wikidata,
        from_json=_lazy("filmmeta.formats.wikidata", "from_wikidata"),
    )
)
