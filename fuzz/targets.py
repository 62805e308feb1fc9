"""Fuzz targets: one plain function per target, each taking the fuzzer's bytes.

The property every target checks is the one the issue "Web apps and hostile input"
promises: the function under test returns a value or raises a ``FilmmetaError``
(``ValidationError``, ``UnsupportedDocumentError``). Anything else escapes the target and
is a finding: another exception, an ``AssertionError`` from a property below (a value
that does not round-trip), or a warning other than ``FilmmetaWarning`` (the targets turn
those into errors, as the test suite's ``filterwarnings = error`` does).

Nothing here imports atheris, so the same functions run under atheris (``fuzz/run.py
TARGET``), under the fallback random driver (``fuzz/run.py --smoke`` without atheris) and
under hypothesis (``tests/test_fuzz_properties.py``).

How the bytes are read:

- text targets (``parse_runtime``, ``partial_date``, ``normalize_certification``) take
  UTF-8 bytes as the text itself, so a seed is a plain text file; bytes that are not
  UTF-8 drive a :class:`Provider` that builds other inputs (ints, floats, lone
  surrogates, a country argument);
- JSON targets first give the bytes as they are to the function when it accepts text
  (``from_json``, ``from_jsonld``, ``offers_from_justwatch``), then decode them as JSON
  and give the decoded value; bytes that are not JSON drive a :class:`Provider` that
  builds a document from the format's own keys with fuzzed values, which reaches much
  deeper than random JSON does. For ``from_tmdb`` a JSON array ``[details,
  release_dates, providers, region]`` is spread over the arguments.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import json
import shutil
import struct
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import filmmeta
from filmmeta import (
    ContentRating,
    Film,
    FilmmetaError,
    FilmmetaWarning,
    PartialDate,
    ValidationError,
    format_runtime,
    from_dict,
    from_json,
    normalize_certification,
    parse_runtime,
    to_dict,
    to_json,
)
from filmmeta._model.certification_systems import SYSTEMS_BY_COUNTRY
from filmmeta.formats.imdb_csv import read_films as read_imdb_films
from filmmeta.formats.imdb_csv import read_ratings as read_imdb_ratings
from filmmeta.formats.justwatch import film_from_justwatch, offers_from_justwatch
from filmmeta.formats.letterboxd import read_export, read_films, read_viewings
from filmmeta.formats.movielens import read_movies
from filmmeta.formats.movielens import read_ratings as read_movielens_ratings
from filmmeta.formats.nfo import NfoLink, from_nfo, to_nfo
from filmmeta.formats.omdb import from_omdb
from filmmeta.formats.schemaorg import from_jsonld, to_jsonld
from filmmeta.formats.tmdb import from_tmdb
from filmmeta.formats.wikidata import from_wikidata

__all__ = ["TARGETS", "Provider", "run_target"]

T = TypeVar("T")

#: Target name -> function taking the fuzzer's bytes.
TARGETS: dict[str, Callable[[bytes], None]] = {}

_STYLES = ("short", "long", "compact", "minutes", "clock", "iso")


# -- turning bytes into values ------------------------------------------------------------


class Provider:
    """Structured values from fuzzer bytes, in the manner of ``atheris.FuzzedDataProvider``.

    Pure Python, so the same bytes build the same value under every driver. Once the bytes
    run out every draw gives its smallest value (0, False, the first choice, ""), so a
    short input builds a small document.
    """

    __slots__ = ("_data", "_pos")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    @property
    def remaining(self) -> int:
        return len(self._data) - self._pos

    def take(self, count: int) -> bytes:
        chunk = self._data[self._pos : self._pos + max(count, 0)]
        self._pos += len(chunk)
        return chunk

    def byte(self) -> int:
        if self._pos >= len(self._data):
            return 0
        self._pos += 1
        return self._data[self._pos - 1]

    def int_in_range(self, low: int, high: int) -> int:
        span = high - low
        if span <= 0:
            return low
        result = 0
        for _ in range((span.bit_length() + 7) // 8):
            result = (result << 8) | self.byte()
        return low + result % (span + 1)

    def flag(self) -> bool:
        return bool(self.byte() & 1)

    def pick(self, choices: Sequence[T]) -> T:
        return choices[self.int_in_range(0, len(choices) - 1)]

    def text(self, max_len: int | None = None) -> str:
        """Text of up to *max_len* characters (None: all the remaining bytes).

        The first byte picks the alphabet: ASCII, UTF-8 (invalid bytes become lone
        surrogates), UTF-16 code units (lone surrogates included) or any code point.
        """
        kind = self.byte() % 4
        width = (1, 1, 2, 3)[kind]
        count = self.remaining // width if max_len is None else self.int_in_range(0, max_len)
        raw = self.take(count * width)
        if kind == 0:
            return bytes(b & 0x7F for b in raw).decode("ascii")
        if kind == 1:
            return raw.decode("utf-8", "surrogateescape")
        step = width
        return "".join(
            chr(int.from_bytes(raw[i : i + step], "little") % 0x110000)
            for i in range(0, len(raw) - step + 1, step)
        )

    def number(self) -> int | float:
        kind = self.byte() % 6
        if kind == 0:
            return self.int_in_range(-10, 200)
        if kind == 1:
            return int.from_bytes(self.take(8).ljust(8, b"\0"), "little", signed=True)
        if kind == 2:
            return (-1) ** self.byte() * 10 ** self.int_in_range(15, 400)
        if kind == 3:
            value: float = struct.unpack("<d", self.take(8).ljust(8, b"\0"))[0]
            return value
        if kind == 4:
            return self.pick(_SPECIAL_FLOATS)
        return self.flag()

    def json_value(self, depth: int = 0, keys: Sequence[str] = ()) -> Any:
        """Any JSON value (NaN and infinities included, as ``json.loads`` gives them)."""
        kind = self.byte() % (8 if depth < 4 else 4)
        if kind == 0:
            return None
        if kind == 7:
            return self.nested()
        if kind == 1:
            return self.number()
        if kind in (2, 3):
            return self.text(12 if kind == 2 else 80)
        if kind == 4:
            return [self.json_value(depth + 1, keys) for _ in range(self.int_in_range(0, 4))]
        return {
            (self.pick(keys) if keys and self.flag() else self.text(10)): self.json_value(
                depth + 1, keys
            )
            for _ in range(self.int_in_range(0, 4))
        }

    def nested(self) -> Any:
        """Lists or one-key objects nested up to 1000 deep, as orjson reads them.

        orjson accepts 1024 levels whatever the caller's stack depth, so a reader that
        recurses once per level must not rely on the recursion limit to stop it.
        """
        depth = self.int_in_range(1, 1000)
        as_list = self.flag()
        key = self.text(4)
        value: Any = self.text(4)
        for _ in range(depth):
            value = [value] if as_list else {key: value}
        return value


_SPECIAL_FLOATS = (
    0.0,
    -0.0,
    0.5,
    5.7,
    10.0,
    86.0,
    1e308,
    -1e308,
    5e-324,
    float("inf"),
    float("-inf"),
    float("nan"),
    2.0**53,
    2.0**63,
)

#: A spec value: a tuple of plausible values, or a function building one.
Spec = dict[str, Any]


def _slot(p: Provider, pool: Any) -> Any:
    """A value for one key: mostly plausible, sometimes fuzzed text or the wrong type."""
    kind = p.byte() % 16
    if kind < 10:
        return pool(p) if callable(pool) else p.pick(pool)
    if kind < 12:
        return p.text(24)
    if kind == 12:
        base = pool(p) if callable(pool) else p.pick(pool)
        return base + p.text(6) if isinstance(base, str) else base
    if kind == 13:
        return p.number()
    return p.json_value(depth=2)


def _obj(p: Provider, spec: Spec) -> dict[str, Any]:
    """An object with some of *spec*'s keys, and now and then a key it does not know."""
    out: dict[str, Any] = {}
    for key, pool in spec.items():
        if p.byte() % 3:
            out[key] = _slot(p, pool)
    if p.byte() % 8 == 7:
        out[p.text(8)] = p.json_value(depth=2)
    return out


def _list_of(spec: Spec, most: int = 3) -> Callable[[Provider], list[Any]]:
    def build(p: Provider) -> list[Any]:
        return [_obj(p, spec) for _ in range(p.int_in_range(0, most))]

    return build


def _texts(pool: Sequence[str], most: int = 3) -> Callable[[Provider], list[Any]]:
    def build(p: Provider) -> list[Any]:
        return [_slot(p, pool) for _ in range(p.int_in_range(0, most))]

    return build


def _one_of(*builders: Any) -> Callable[[Provider], Any]:
    def build(p: Provider) -> Any:
        chosen = p.pick(builders)
        return chosen(p) if callable(chosen) else p.pick(chosen)

    return build


_NOT_JSON = object()


def _json(data: bytes) -> Any:
    """The decoded JSON value of *data*, or _NOT_JSON."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, depth
        return _NOT_JSON


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


# -- running and checking -----------------------------------------------------------------


def _call(func: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Call *func*; None for a FilmmetaError, every other exception escapes."""
    try:
        return func(*args, **kwargs)
    except FilmmetaError:
        return None


def _check_film(film: object, where: str) -> None:
    """A film from any reader must be a Film that canonical JSON carries losslessly."""
    assert isinstance(film, Film), f"{where} returned {type(film).__name__}, not a Film"
    text = to_json(film)
    back = from_json(text)
    assert back == film, f"{where}: from_json(to_json(film)) != film\n{film!r}\n{back!r}"
    assert from_dict(to_dict(film)) == film, f"{where}: from_dict(to_dict(film)) != film"
    # JSON in, JSON-LD out: writing must work, reading it back may only refuse politely.
    doc = to_jsonld(film)
    json.dumps(doc)
    _call(from_jsonld, doc)


def _target(func: Callable[[bytes], None]) -> Callable[[bytes], None]:
    """Register *func* under its name without ``fuzz_``, with warnings made errors."""

    @functools.wraps(func)
    def run(data: bytes) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            warnings.simplefilter("ignore", FilmmetaWarning)
            func(data)

    TARGETS[func.__name__.removeprefix("fuzz_")] = run
    return run


def run_target(name: str, data: bytes) -> None:
    """Run target *name* on *data* (raises what the target lets escape)."""
    TARGETS[name](data)


# -- text parsers -------------------------------------------------------------------------


@_target
def fuzz_parse_runtime(data: bytes) -> None:
    value: Any = _utf8(data)
    if value is None:
        p = Provider(data)
        kind = p.byte() % 5
        if kind == 0:
            value = p.number()
        elif kind == 1:
            days = p.int_in_range(-999_999_999, 999_999_999)
            value = dt.timedelta(days=days, microseconds=p.int_in_range(0, 86_400 * 10**6))
        elif kind == 2:
            value = p.json_value()
        else:
            value = p.text()
    runtime = _call(parse_runtime, value)
    if runtime is None:
        return
    assert isinstance(runtime, dt.timedelta), f"parse_runtime gave {runtime!r}"
    assert runtime >= dt.timedelta(0), f"parse_runtime({value!r}) is negative: {runtime!r}"
    for style in _STYLES:
        format_runtime(runtime, style)  # type: ignore[arg-type]
    iso = format_runtime(runtime, "iso")
    assert parse_runtime(iso) == runtime, f"{value!r} -> {iso!r} does not read back"


@_target
def fuzz_partial_date(data: bytes) -> None:
    value: Any = _utf8(data)
    if value is None:
        p = Provider(data)
        value = p.text() if p.byte() % 4 else p.json_value()
    date = _call(PartialDate.parse, value)
    if date is None:
        return
    assert isinstance(date, PartialDate), f"PartialDate.parse gave {date!r}"
    iso = str(date)
    assert PartialDate.fromisoformat(iso) == date, f"{value!r} -> {iso!r} does not read back"
    assert PartialDate.parse(iso) == date, f"{value!r} -> {iso!r} parses to another date"
    date.to_date()


_COUNTRIES = (*sorted(SYSTEMS_BY_COUNTRY), "BE", "IS", "XK", "XX", "us", "USA", "", " US")


@_target
def fuzz_normalize_certification(data: bytes) -> None:
    code: Any = _utf8(data)
    country: Any = None
    if code is None:
        p = Provider(data)
        kind = p.byte() % 8
        if kind < 4:
            country = p.pick(_COUNTRIES)
        elif kind == 4:
            country = p.text(4)
        elif kind == 5:
            country = p.json_value(depth=3)
        code = p.text() if p.byte() % 8 else p.json_value(depth=3)
    result = _call(normalize_certification, code, country=country)
    if result is None:
        return
    assert type(result) is str, f"normalize_certification gave {result!r}"
    assert result, f"normalize_certification({code!r}) is empty"
    again = normalize_certification(result, country=country)
    assert again == result, f"not idempotent: {code!r} -> {result!r} -> {again!r}"
    if country is not None:
        rating = _call(ContentRating, result, country=country)
        if rating is not None:
            _ = rating.rank, rating.min_age, rating.label
        _call(ContentRating.parse, code, country=country)


# -- the canonical JSON -------------------------------------------------------------------

_CODES = ("R", "PG-13", "Not Rated", "15", "12A", "MA 15+", "16", "TV-MA", " R", "R\n")
_FILM_SPEC: Spec = {
    "title": ("Backdrop", "Amélie", " ", "", "x\x00y", "\ud800"),
    "kind": ("movie", "tv_movie", "short", "video", "tv_special", "film", "MOVIE"),
    "release_date": ("1998", "1998-06", "1998-06-12", "1998-02-30", "0000", "98", "1998-6"),
    "runtime": ("PT1H33M", "PT0S", "P1DT2H", "PT1.5H", "P30M", "PT", "93", "PT9999999999H"),
    "content_ratings": _list_of(
        {
            "code": _CODES,
            "country": ("US", "GB", "DE", "AU", "BE", "XX", "us"),
            "system": ("MPA", "BBFC", "FSK", "US TV", "Nope", ""),
            "reason": ("for language", " ", "x" * 1001),
        }
    ),
    "genres": _texts(("Drama", "Comedy", "", " ")),
    "languages": _texts(("en", "yue", "pt-BR", "pt-br", "zh-Hant", "english", "xx")),
    "countries": _texts(("US", "GB", "XK", "SU", "us", "USA")),
    "summary": ("A film.", "", "\u2028"),
    "credits": _list_of(
        {
            "name": ("Ann Lee", "", " "),
            "role": ("director", "actor", "Self", "second unit director", "", "a" * 200),
            "character": ("Herself", "", None),
        }
    ),
    "ratings": _list_of(
        {
            "source": ("imdb", "metacritic", "letterboxd", "my_site", "IMDb", ""),
            "value": (5.7, 29, 0, 10, 10.5, -1, 0.5, 1e308, True, "5.7"),
            "votes": (347, 0, -1, 2**63, 1.0, "347"),
            "best": (10, 5, 100, 0, -5, 4.0),
            "worst": (1, 0, 10, 0.5),
        }
    ),
    "offers": _list_of(
        {
            "provider": ("Vudu", "", "Apple TV"),
            "type": ("rent", "buy", "subscription", "free", "ads", "cinema", "flatrate"),
            "region": ("US", "GB", "us", "XX"),
            "price": ("3.99", "0", "-1", "1e5", "NaN", " 3.99", "Infinity", "3,99", 3.99),
            "currency": ("USD", "EUR", "usd", "XXX"),
            "quality": ("sd", "hd", "uhd", "4k"),
            "url": ("https://example.com/w?a=1&b=2", "ftp://x", "http://", "https://a b"),
        }
    ),
    "ids": lambda p: _obj(
        p,
        {
            "imdb": ("tt0234567", "tt123", "nm0000001"),
            "tmdb": (550, 0, -1, "550", 2**64),
            "wikidata": ("Q1", "Q0", "q1"),
            "letterboxd": ("backdrop", "a b", ""),
            "rotten_tomatoes": ("m/backdrop", "backdrop"),
            "metacritic": ("backdrop",),
            "justwatch": (1, 0),
        },
    ),
    "original_title": ("Backdrop", "Arrière-plan", ""),
}


@_target
def fuzz_from_json(data: bytes) -> None:
    strict = data[-1:] != b"\n"  # a trailing newline reads leniently: both get fuzzed
    film = _call(from_json, data, strict=strict)
    if film is not None:
        _check_film(film, "from_json")
    if _json(data) is not _NOT_JSON:
        return
    p = Provider(data)
    doc = _obj(p, _FILM_SPEC)
    film = _call(from_dict, doc, strict=strict)
    if film is not None:
        _check_film(film, "from_dict")
    try:
        text = json.dumps(doc)
    except (ValueError, TypeError, RecursionError):  # a value JSON cannot carry
        return
    film = _call(from_json, text, strict=strict)
    if film is not None:
        _check_film(film, "from_json")


# -- OMDb ---------------------------------------------------------------------------------

_OMDB_SPEC: Spec = {
    "Title": ("Backdrop", "N/A", "", "  "),
    "Year": ("1998", "1998\u2013", "1998\u20132003", "N/A", "98", "19x8"),  # en dashes
    "Rated": ("R", "PG-13", "Not Rated", "Rated R", "TV-MA", "N/A", "nc17", "Approved"),
    "Released": ("12 Jun 1998", "Jun 1998", "1998", "N/A", "32 Jun 1998", "1998-06-12"),
    "Runtime": ("93 min", "1h 33m", "1:33", "PT1H33M", "0 min", "N/A", "-5 min", "P30M"),
    "Genre": ("Drama, Comedy", "N/A", ",,", "Drama (1), (Comedy"),
    "Director": ("Ann Lee", "Ann Lee (co-director), Bo Ray", "N/A", "()()", "(", ")"),
    "Writer": ("Cy Dee (screenplay), Cy Dee (story)", "Ed Fox (novel (2nd))", "N/A"),
    "Actors": ("Gil Hay, Ida Jo", "N/A", ", ,"),
    "Plot": ("A film.", "N/A"),
    "Language": ("English, Spanish", "Mandarin, Elvish", "N/A", "None"),
    "Country": ("USA, UK", "Soviet Union, West Germany", "N/A", "Atlantis"),
    "Awards": (
        "1 win.",
        "N/A",
        "Won 7 Oscars. 19 wins & 32 nominations total",
        "Nominated for 2 Oscars. Another 10 wins & 31 nominations.",
        "Won 0 Oscars.",
        "Won 99999999 Oscars.",
        "Best film",
    ),
    "Poster": ("https://example.com/p.jpg", "N/A", "p.jpg", "javascript:x"),
    "Ratings": _list_of(
        {
            "Source": ("Internet Movie Database", "Rotten Tomatoes", "Metacritic", "Other"),
            "Value": ("7.4/10", "87%", "76/100", "7.4", "11/10", "101%", "101/100", "N/A"),
        }
    ),
    "Metascore": ("76", "N/A", "076", "1000", "-1", "7.6"),
    "imdbRating": ("7.4", "N/A", "10.5", "7,4", "0"),
    "imdbVotes": ("1,266,466", "347", "N/A", "12,34", ",", "1,000,000,000,000,000,000,000"),
    "imdbID": ("tt0234567", "tt123", "nm0000001", "N/A"),
    "Type": ("movie", "series", "episode", "game", "Movie", "N/A"),
    "DVD": ("N/A", "08 Aug 2013", "31 Feb 2013", "2013"),
    "BoxOffice": ("$1,000", "N/A", "$1,00", "€5", "$" + "9" * 200),
    "Production": ("N/A",),
    "Website": ("N/A",),
    "Response": ("True", "False", "false"),
    "Error": ("Movie not found!",),
    "Episodes": ((),),
    "Season": ("1",),
    "Search": ((),),
}


@_target
def fuzz_from_omdb(data: bytes) -> None:
    doc = _json(data)
    if doc is _NOT_JSON:
        doc = _obj(Provider(data), _OMDB_SPEC)
    film = _call(from_omdb, doc)
    if film is not None:
        _check_film(film, "from_omdb")


# -- TMDb ---------------------------------------------------------------------------------

_RELEASE_DATES_SPEC: Spec = {
    "id": (603, 1, 0, "603"),
    "results": _list_of(
        {
            "iso_3166_1": ("US", "GB", "DE", "SU", "XK", "us", ""),
            "release_dates": _list_of(
                {
                    "certification": ("R", "", "15", "FSK 16", "PG-13", "Rated R", "MA15+"),
                    "type": (1, 2, 3, 4, 5, 6, 7, 0, "3", None),
                    "descriptors": _texts(("violence", "", "language")),
                    "release_date": ("1999-03-31T00:00:00.000Z", "", "1999-02-30", 5),
                    "note": ("", "Blu-ray", 5),
                    "iso_639_1": ("", "en", "fr", "qq"),
                }
            ),
        }
    ),
}
_RELEASES_SPEC: Spec = {
    "id": (603,),
    "countries": _list_of(
        {
            "iso_3166_1": ("US", "GB", "YU"),
            "certification": ("R", "", "15"),
            "primary": (True, False, "true"),
            "release_date": ("1999-03-31",),
        }
    ),
}
_PROVIDER_LIST = _list_of(
    {"provider_name": ("Netflix", "", "Apple TV"), "provider_id": (8,), "display_priority": (1,)}
)


def _providers_doc(p: Provider) -> dict[str, Any]:
    regions = {}
    for _ in range(p.int_in_range(0, 3)):
        region = _slot(p, ("US", "GB", "DE", "XC", "us", "link"))
        if isinstance(region, str):
            regions[region] = _obj(
                p,
                {
                    "link": ("https://www.themoviedb.org/movie/603/watch?locale=US", "", "x"),
                    "flatrate": _PROVIDER_LIST,
                    "rent": _PROVIDER_LIST,
                    "buy": _PROVIDER_LIST,
                    "ads": _PROVIDER_LIST,
                    "free": _PROVIDER_LIST,
                    "cinema": _PROVIDER_LIST,
                },
            )
    doc: dict[str, Any] = {"results": regions}
    if p.flag():
        doc["id"] = _slot(p, (603, 604))
    return doc


_TMDB_SPEC: Spec = {
    "id": (603, 1, 0, -1, "603", 2**70),
    "title": ("Backdrop", "", " "),
    "original_title": ("Backdrop", "Arrière-plan", ""),
    "release_date": ("1999-03-30", "1999-03-30T00:00:00.000Z", "", "1999", "30/03/1999"),
    "runtime": (136, 0, -1, 136.5, 10**30, "136", True),
    "vote_average": (8.2, 0, 10, 10.5, -1, "8.2"),
    "vote_count": (25000, 0, -1, 1.5, "25000"),
    "overview": ("A film.", ""),
    "imdb_id": ("tt0133093", "", "tt1", None),
    "video": (False, True, "false"),
    "adult": (False,),
    "genres": _list_of({"id": (28,), "name": ("Action", "", " ")}),
    "spoken_languages": _list_of(
        {
            "iso_639_1": ("en", "xx", "", "cn", "zz"),
            "english_name": ("English", "No Language", "Klingon", ""),
            "name": ("English", "", "普通话"),
        }
    ),
    "production_countries": _list_of({"iso_3166_1": ("US", "SU", "XC", ""), "name": ("X",)}),
    "origin_country": _texts(("US", "AU", "", "SU")),
    "external_ids": lambda p: _obj(
        p, {"imdb_id": ("tt0133093", "", "x"), "wikidata_id": ("Q83495", "Q0", "")}
    ),
    "credits": lambda p: _obj(
        p,
        {
            "cast": _list_of({"name": ("Ann Lee", ""), "character": ("Neo", "", None)}),
            "crew": _list_of(
                {
                    "name": ("Bo Ray", ""),
                    "job": ("Director", "Producer", "Editor", "Grip", ""),
                    "department": ("Writing", "Directing", ""),
                }
            ),
        },
    ),
    "release_dates": lambda p: _obj(p, _RELEASE_DATES_SPEC),
    "releases": lambda p: _obj(p, _RELEASES_SPEC),
    "watch/providers": _providers_doc,
    "belongs_to_collection": lambda p: _obj(
        p, {"id": (2344, 0, "2344"), "name": ("The Matrix Collection", ""), "overview": ("",)}
    ),
    "budget": (63000000, 0, -1, 1.5, "63000000", 2**70),
    "revenue": (463517383, 0, None),
    "tagline": ("Free your mind.", "", 5),
    "poster_path": ("/p.jpg", "p.jpg", "", None),
    "backdrop_path": ("/b.jpg", None),
    "alternative_titles": lambda p: _obj(
        p,
        {
            "titles": _list_of(
                {
                    "iso_3166_1": ("US", "SU", "", None),
                    "title": ("The Matrix 1", "", 5),
                    "type": ("", "working title", "informal title", None),
                }
            )
        },
    ),
    "keywords": lambda p: _obj(p, {"keywords": _list_of({"id": (1,), "name": ("dystopia", "")})}),
    "images": lambda p: _obj(
        p,
        {
            kind: _list_of(
                {
                    "file_path": ("/p.jpg", "p.jpg", ""),
                    "width": (1000, 0, -1, "1000"),
                    "height": (1500, None),
                    "iso_639_1": ("en", "xx", "qq", None),
                    "iso_3166_1": ("US", "ZZ"),
                }
            )
            for kind in ("posters", "backdrops", "logos")
        },
    ),
    "videos": lambda p: _obj(
        p,
        {
            "results": _list_of(
                {
                    "key": ("SUXWAEX2jlg", "", "a b"),
                    "site": ("YouTube", "Vimeo", "Dailymotion", ""),
                    "type": ("Trailer", "Teaser", "Bloopers", ""),
                    "name": ("Official Trailer", 5),
                    "iso_639_1": ("en", "xx"),
                }
            )
        },
    ),
    "trailers": lambda p: _obj(
        p,
        {
            "youtube": _list_of({"source": ("zH3O-CeZckE", ""), "name": ("Trailer 1",)}),
            "quicktime": _list_of({"name": ("T",)}),
        },
    ),
    "success": (False, True),
    "status_code": (34, 7),
    "status_message": ("The resource you requested could not be found.",),
    "page": (1,),
    "results": ((), {}),
    "name": ("A show",),
    "first_air_date": ("2000-01-01",),
}


def _tmdb_args(p: Provider) -> tuple[Any, dict[str, Any]]:
    details = _obj(p, _TMDB_SPEC)
    if p.byte() % 4 == 0:
        details.setdefault("title", "Backdrop")  # past the document check, most of the time
    kwargs: dict[str, Any] = {}
    if p.flag():
        kwargs["release_dates"] = _one_of(
            lambda q: _obj(q, _RELEASE_DATES_SPEC), lambda q: _obj(q, _RELEASES_SPEC)
        )(p)
    if p.flag():
        kwargs["providers"] = _providers_doc(p)
    if p.flag():
        kwargs["region"] = _slot(p, ("US", "GB", "XX", "us"))
    return details, kwargs


@_target
def fuzz_from_tmdb(data: bytes) -> None:
    doc = _json(data)
    if doc is _NOT_JSON:
        details, kwargs = _tmdb_args(Provider(data))
    elif isinstance(doc, list) and 1 <= len(doc) <= 4:
        details = doc[0]
        kwargs = dict(zip(("release_dates", "providers", "region"), doc[1:], strict=False))
    else:
        details, kwargs = doc, {}
    film = _call(from_tmdb, details, **kwargs)
    if film is not None:
        _check_film(film, "from_tmdb")


# -- schema.org JSON-LD -------------------------------------------------------------------


def _person(p: Provider) -> Any:
    return _one_of(
        ("Ann Lee", "", "L&apos;homme", "&#0;", "&amp;amp;"),
        lambda q: _obj(q, {"@type": ("Person", "Organization", "Thing"), "name": ("Ann Lee", "")}),
        lambda q: _obj(
            q,
            {
                "@type": ("PerformanceRole",),
                "actor": lambda r: _obj(r, {"@type": ("Person",), "name": ("Bo Ray",)}),
                "characterName": ("Neo", "", "&lt;b&gt;"),
            },
        ),
    )(p)


def _people(p: Provider) -> Any:
    return _one_of(_person, lambda q: [_person(q) for _ in range(q.int_in_range(0, 3))])(p)


_OFFER_SPEC: Spec = {
    "@type": ("Offer",),
    "seller": _one_of(("Vudu", ""), lambda q: _obj(q, {"name": ("Vudu", "", "A&amp;B")})),
    "offeredBy": ("Apple TV",),
    "provider": lambda q: _obj(q, {"name": ("Amazon",)}),
    "category": ("rent", "buy", "subscription", "flatrate", "rental", "purchase", "RENT", "x"),
    "eligibleRegion": _one_of(
        ("US", "United Kingdom", "Atlantis", ""),
        lambda q: [_slot(q, ("US", "GB", "Narnia")) for _ in range(q.int_in_range(0, 3))],
        lambda q: _obj(q, {"@type": ("Country",), "name": ("US", "Germany", "")}),
    ),
    "price": ("3.99", 3.99, 0, -1, "NaN", "1e999", "", True),
    "priceCurrency": ("USD", "usd", "XXX", ""),
    "url": ("https://example.com/w?a=1&amp;b=2", "https://example.com/&copy=1", "ftp://x"),
}
_JSONLD_SPEC: Spec = {
    "@context": ("https://schema.org", "http://schema.org"),
    "@type": ("Movie", "CreativeWork", "schema:Movie", "TVSeries", ["Movie", "Thing"], 1),
    "@id": ("https://www.imdb.com/title/tt0133093/", "_:b0"),
    "url": (
        "/title/tt0133093/",
        "https://www.imdb.com/title/tt0133093/",
        "https://letterboxd.com/film/backdrop/",
        "https://www.rottentomatoes.com/m/backdrop",
        "https://www.metacritic.com/movie/backdrop",
        "https://example.com/",
        "&amp;",
    ),
    "name": ("Backdrop", "L&apos;immortel", "", "&", "&#x110000;", "&#xd800;"),
    "alternateName": _one_of(
        ("22 Bullets", ""), lambda q: [_slot(q, ("22 Bullets", "")) for _ in range(2)], ((),)
    ),
    "datePublished": ("1999-03-31", "1999", "March 31, 1999", "31/03/1999", ""),
    "duration": ("PT2H16M", "PT136M", "P30M", "136", "PT", "-PT1H"),
    "contentRating": _one_of(
        ("R", "Rated R", "Not Rated", "TV-MA", ""),
        lambda q: [_slot(q, ("R", "PG")) for _ in range(q.int_in_range(0, 2))],
        lambda q: _obj(q, {"@type": ("Rating",), "name": ("R", "")}),
    ),
    "genre": _one_of(("Action", ""), _texts(("Action", "Sci-Fi", ""))),
    "inLanguage": _one_of(
        ("en", "English", "Klingon"),
        lambda q: [_slot(q, ("en", "fr")) for _ in range(q.int_in_range(0, 3))],
        lambda q: _obj(q, {"@type": ("Language",), "name": ("English", "")}),
    ),
    "countryOfOrigin": _one_of(
        ("US", "United States"),
        lambda q: [
            _obj(q, {"@type": ("Country",), "name": ("US", "Narnia")})
            for _ in range(q.int_in_range(0, 3))
        ],
    ),
    "description": ("A film.", "", "&lt;p&gt;"),
    "image": _one_of(
        ("https://example.com/p.jpg", "/p.jpg", "p.jpg", ""),
        lambda q: _obj(q, {"url": ("https://example.com/p.jpg",), "width": (500, "500", -1)}),
    ),
    "trailer": lambda q: _obj(
        q, {"@type": ("VideoObject",), "embedUrl": ("/video/imdb/vi1", "x"), "name": ("T",)}
    ),
    "keywords": _one_of(("war,peace", " , ", ""), _texts(("war", "peace, love", ""))),
    "releasedEvent": _list_of(
        {"startDate": ("1999", "1999-03-31", "someday", 5), "location": ("US", "Narnia", "")}
    ),
    "award": _one_of(
        ("Academy Awards; year: 2000", "Oscar; year: 20000", "Won 1 Oscar.", "Won 0 Oscars."),
        _texts(("Prize", "Prize; count: 0")),
    ),
    "titleEIDR": ("10.5240/7791-8534-2C23-9030-8610-5", "", "a b"),
    "director": _people,
    "creator": _people,
    "actor": _people,
    "producer": _people,
    "musicBy": _people,
    "aggregateRating": lambda q: _obj(
        q,
        {
            "@type": ("AggregateRating",),
            "ratingValue": (8.7, "8.7", 87, "", "8,7", "1e3", " 8.7 ", 2**60),
            "ratingCount": (1_900_000, "1,900,000", "1.9M", 1.5, -1),
            "reviewCount": (12, "12"),
            "bestRating": (10, "10", 5, 100, 0),
            "worstRating": (1, "1", 0, 11),
            "author": _one_of(
                ("IMDb", "Letterboxd", "Nobody"), lambda r: _obj(r, {"name": ("IMDb", "")})
            ),
        },
    ),
    "offers": _one_of(
        lambda q: _obj(q, _OFFER_SPEC),
        lambda q: [_obj(q, _OFFER_SPEC) for _ in range(q.int_in_range(0, 3))],
    ),
    "sameAs": _texts(
        (
            "https://www.themoviedb.org/movie/603",
            "https://www.wikidata.org/wiki/Q83495",
            "https://letterboxd.com/film/the-matrix/",
            "https://www.themoviedb.org/movie/0",
            "https://www.imdb.com/title/tt1/",
        )
    ),
}


def _jsonld_input(p: Provider) -> Any:
    node = _obj(p, _JSONLD_SPEC)
    if p.byte() % 4 == 0:
        node.setdefault("@type", "Movie")
    shape = p.byte() % 8
    if shape == 1:
        return [node, _obj(p, {"@type": ("WebPage", "Movie"), "name": ("Page",)})]
    if shape == 2:
        return {"@context": "https://schema.org", "@graph": [node]}
    if shape == 3:
        return {"@type": "WebPage", "mainEntity": node}
    if shape >= 4:
        try:
            text = json.dumps(node)
        except (ValueError, TypeError, RecursionError):
            return node
        opener, closer = p.pick(
            (
                ("", ""),
                ('<script type="application/ld+json">', "</script>"),
                ("<![CDATA[", "]]>"),
                ("//<![CDATA[\n", "\n//]]>"),
                ("/*<![CDATA[*/", "/*]]>*/"),
                ("<SCRIPT>", ""),
            )
        )
        text = opener + text + closer
        return text.encode("utf-8", "surrogatepass") if shape == 7 else text
    return node


@_target
def fuzz_from_jsonld(data: bytes) -> None:
    # The bytes as a page gives them: JSON, a <script> body, CDATA, or none of these.
    film = _call(from_jsonld, data)
    if film is not None:
        _check_film(film, "from_jsonld")
    doc = _json(data)
    kwargs: dict[str, Any] = {}
    if doc is _NOT_JSON:
        p = Provider(data)
        doc = _jsonld_input(p)
        if p.flag():
            kwargs["rating_source"] = _slot(p, ("imdb", "letterboxd", "my_site", ""))
        if p.flag():
            kwargs["country"] = _slot(p, ("US", "GB", "XX", "us"))
    film = _call(from_jsonld, doc, **kwargs)
    if film is not None:
        _check_film(film, "from_jsonld")


# -- JustWatch ----------------------------------------------------------------------------

_LEGACY_OFFER: Spec = {
    "monetization_type": ("flatrate", "rent", "buy", "free", "ads", "cinema", "FLATRATE", "x"),
    "presentation_type": ("sd", "hd", "4k", "_4k", "8k"),
    "provider_id": (8, 2, 0, -1, "8", 2**70),
    "retail_price": (3.99, 0, -1, 1e308, "3.99", float("nan"), float("inf"), 2**70),
    "currency": ("USD", "usd", ""),
    "urls": lambda q: _obj(q, {"standard_web": ("https://example.com/w", "ftp://x", "")}),
    "country": ("US", "GB", "XX", ""),
    "locale": ("en_US", "en", "en_XX", "_"),
}
_GRAPHQL_OFFER: Spec = {
    "monetizationType": ("FLATRATE", "RENT", "BUY", "FREE", "ADS", "CINEMA", "FAST"),
    "presentationType": ("SD", "HD", "_4K", "CANVAS"),
    "retailPriceValue": (3.99, None, "3.99", -1),
    "currency": ("USD",),
    "standardWebURL": ("https://example.com/w", ""),
    "package": lambda q: _obj(q, {"clearName": ("Netflix", "", None), "packageId": (8, "8", None)}),
    "country": ("US", "GB", "XX"),
    "availableTo": ("2025-01-31", "2025", "soon", None),
    "availableFromTime": ("2024-01-01T00:00:00Z", "x"),
    "availableToTime": ("2025-01-31T23:59:00Z", None),
    "audioLanguages": _texts(("en", "de", "Elvish", "")),
    "subtitleLanguages": _texts(("en", "pt-BR")),
    "videoTechnology": _texts(("DOLBY_VISION", "HDR_10", "_3D")),
    "audioTechnology": _texts(("DOLBY_ATMOS", "_5_POINT_1", "")),
}
_CONTENT_SPEC: Spec = {
    "title": ("Backdrop", ""),
    "originalTitle": ("Backdrop",),
    "fullPath": ("/us/movie/backdrop", "/xx/movie/b", "/US/", "us"),
    "originalReleaseYear": (1999, 1999.0, 0, "1999", 10**5),
    "originalReleaseDate": ("1999-03-31", "", "1999"),
    "runtime": (136, 0, -1, 1.5, "136"),
    "ageCertification": ("R", "", "16"),
    "shortDescription": ("A film.",),
    "originalLanguage": ("en", "xx", ""),
    "scoring": lambda q: _obj(
        q,
        {
            "imdbScore": (8.7, 11, "8.7"),
            "imdbVotes": (1956171.0, 1.5, -1),
            "tmdbScore": (8.2,),
            "tomatoMeter": (83, 101),
        },
    ),
    "credits": _list_of(
        {"name": ("Ann Lee", ""), "role": ("ACTOR", "DIRECTOR", ""), "characterName": ("Neo",)}
    ),
    "externalIds": lambda q: _obj(
        q, {"imdbId": ("tt0133093", "x"), "tmdbId": ("603", 603, "0", "x")}
    ),
    "posterUrl": ("/poster/1/{profile}/b.{format}", "/poster/{x}", ""),
    "backdrops": _list_of({"backdropUrl": ("/backdrop/2/{profile}", None)}),
    "clips": _list_of({"externalId": ("z", ""), "provider": ("YOUTUBE", "x")}),
}
_LEGACY_TITLE: Spec = {
    "id": (1, 0, "1"),
    "object_type": ("movie", "show", "show_season", "MOVIE"),
    "full_path": ("/us/movie/backdrop", "/gb/film/x", "/xx/", "", "/us"),
    "title": ("Backdrop", ""),
    "original_title": ("Arrière-plan",),
    "original_release_year": (1999, 0, 10000, 1999.5, "1999"),
    "runtime": (136, 0, -1),
    "age_certification": ("R", "FSK 16", ""),
    "short_description": ("A film.",),
    "original_language": ("en", "xx"),
    "offers": _list_of(_LEGACY_OFFER, 4),
    "scoring": _list_of(
        {
            "provider_type": ("imdb:score", "imdb:votes", "tmdb:score", "tomato:meter", "x"),
            "value": (8.7, 347, 101, -1, "8.7", 1.5),
        }
    ),
    "credits": _list_of(
        {"name": ("Ann Lee", ""), "role": ("ACTOR", "Director", ""), "character_name": ("Neo",)}
    ),
    "external_ids": _list_of(
        {"provider": ("imdb", "tmdb", "x"), "external_id": ("tt0133093", "603", "0", 603)}
    ),
    "US": _list_of(_GRAPHQL_OFFER),
    "poster": ("/poster/8539293/{profile}", "poster.jpg"),
    "backdrops": _list_of({"backdrop_url": ("/backdrop/8539292/{profile}", 5)}),
    "clips": _list_of(
        {"type": ("trailer", "clip"), "provider": ("youtube", "vimeo"), "external_id": ("x", "")}
    ),
}
_GRAPHQL_TITLE: Spec = {
    "__typename": ("Movie", "Show"),
    "objectType": ("MOVIE", "SHOW", "SHOW_EPISODE"),
    "objectId": (1, "1", 0),
    "id": ("tm1",),
    "content": lambda q: _obj(q, _CONTENT_SPEC),
    "offers": _list_of(_GRAPHQL_OFFER, 4),
    "GB": _list_of(_LEGACY_OFFER),
}


def _justwatch_input(p: Provider) -> tuple[Any, Any]:
    title = _obj(p, _LEGACY_TITLE if p.flag() else _GRAPHQL_TITLE)
    shape = p.byte() % 8
    doc: Any = title
    if shape == 1:
        doc = {"data": {"urlV2": {"node": title}}, "extensions": {}}
    elif shape == 2:
        doc = {"edges": [{"node": title}] * p.int_in_range(0, 2)}
    elif shape == 3:
        doc = {"items": [title]}
    elif shape == 4:
        doc = title.get("offers") if isinstance(title.get("offers"), list) else []
    elif shape == 5:
        doc = [{"clear_name": "Netflix"}] if p.flag() else [{"translation": "Drama"}]
    elif shape == 6:
        doc = {"errors": [{"message": p.text(20)}]}
    elif shape == 7:
        try:
            doc = json.dumps(title)
        except (ValueError, TypeError, RecursionError):
            doc = title
    kind = p.byte() % 4
    providers: Any = None
    if kind == 1:
        providers = _list_of({"id": (8, 2, "8"), "clear_name": ("Netflix", "", None)})(p)
    elif kind == 2:
        providers = {8: "Netflix", 2: p.text(8), "x": 1}
    elif kind == 3:
        providers = p.json_value(depth=2)
    return doc, providers


def _justwatch(data: bytes, func: Callable[..., T]) -> list[T | None]:
    results = [_call(func, data)]  # bytes are JSON text to it
    doc = _json(data)
    providers = None
    if doc is _NOT_JSON:
        doc, providers = _justwatch_input(Provider(data))
    results.append(_call(func, doc, providers=providers))
    return results


@_target
def fuzz_offers_from_justwatch(data: bytes) -> None:
    for offers in _justwatch(data, offers_from_justwatch):
        if offers is None:
            continue
        assert isinstance(offers, tuple), f"offers_from_justwatch gave {offers!r}"
        assert all(isinstance(o, filmmeta.Offer) for o in offers), repr(offers)
        # An offer read from any source is one the canonical JSON carries.
        for offer in offers:
            assert from_dict(to_dict(offer), filmmeta.Offer) == offer, repr(offer)


@_target
def fuzz_film_from_justwatch(data: bytes) -> None:
    for film in _justwatch(data, film_from_justwatch):
        if film is not None:
            _check_film(film, "film_from_justwatch")


# -- the files people keep: MovieLens, Letterboxd, IMDb exports, Wikidata ----------------


def _parts(data: bytes, count: int) -> list[bytes | None]:
    """*data* split at blank-line pairs into *count* files (None for the missing ones)."""
    parts: list[bytes | None] = [*data.split(b"\n\n\n", count - 1)]
    return parts + [None] * (count - len(parts))


@_target
def fuzz_read_movies(data: bytes) -> None:
    movies, links, ratings = _parts(data, 3)
    assert movies is not None
    for film in _call(list, read_movies(movies, links)) or []:
        _check_film(film, "read_movies")
    if ratings is not None:
        for viewing in _call(list, read_movielens_ratings(ratings, movies, links)) or []:
            _check_viewing(viewing, "movielens.read_ratings")


# -- NFO ----------------------------------------------------------------------------------

_NFO_LEAVES: Spec = {
    "title": ("Backstage", "", "Tom & Jerry", "L&apos;immortel", "&eacute;t&eacute;", "x]]>"),
    "originaltitle": ("Backstage", "Arri\u00e8re-plan"),
    "plot": ("A film.", "<![CDATA[a & b]]>", ""),
    "outline": ("Short.",),
    "runtime": ("86", "0", "86 min", "1:26", "-5", "9" * 50, "PT1H"),
    "premiered": ("2000-11-07", "2000", "2000-13-45", "07/11/2000", "2016-03-09 00:00:00"),
    "releasedate": ("2000-11-07",),
    "year": ("2000", "0", "20000", "-1"),
    "mpaa": ("Rated R", "US:PG-13", "Australia:M", "16", "Narnia:PG", ":", "R / UK:15"),
    "certification": ("US:R / DE:16", "FSK 16"),
    "genre": ("Drama", "Drama / Music", "/", ""),
    "country": ("USA", "United States of America", "Narnia", "US / GB"),
    "director": ("Chris Fiore", "A / B", "Zack Snyder,", ","),
    "credits": ("Chris Terrio",),
    "writer": ("Chris Terrio",),
    "id": ("tt0233044", "21307", "x", "tt1"),
    "imdbid": ("tt0233044", "TT0233044"),
    "tmdbid": ("21307", "0", "-1"),
    "rating": ("5.7", "7,5", "15.5", "0", "x", "1e5"),
    "votes": ("347", "1,641", "1.641", "x", "9" * 30),
    "criticrating": ("29", "7.6", "101"),
    "trailer": (
        "plugin://plugin.video.youtube/?action=play_video&amp;videoid=abc",
        "https://youtu.be/abc",
        "https://example.com/t.mp4",
        "TmovieFc19",
    ),
    "tagline": ("Break the boundaries", ""),
    "tag": ("TV Recording", ""),
    "set": ("Hip-Hop Tours", "<name>Tours</name><overview>x</overview>", ""),
    "edition": ("Director's Cut",),
    "videoassettitle": ("Director's Cut", "Extended"),
    "thumb": ("https://image.example/p.jpg", "folder.jpg"),
    "fanart": ("<thumb>https://image.example/f.jpg</thumb>",),
}
_NFO_NAMES = (
    "imdb",
    "themoviedb",
    "tmdb",
    "metacritic",
    "trakt",
    "tomatometerallcritics",
    "x y",
    "",
)
_NFO_MAX = ("10", "100", "5", "0", "-1", "x", "10,0")
_NFO_TYPES = ("imdb", "IMDB", "tmdb", "Tmdb", "tmdbcol", "tvdb", "", "wikidata", "letterboxd")


def _xml_text(value: Any) -> str:
    # The text as it is (fuzzed, so maybe not well-formed); other JSON values, made by
    # _slot, as some text (a list nested 1000 deep has no str() within the stack).
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int | float) else "[]"


def _nfo_input(p: Provider) -> str:
    """A movie NFO from Kodi's tags with fuzzed values, or one of the known attacks."""
    shape = p.byte() % 10
    if shape == 9:
        return p.pick(_NFO_ATTACKS)
    root = p.pick(("movie", "movie", "movie", "tvshow", "episodedetails", "Movie"))
    parts = [f"<{root}>"]
    for key, pool in _NFO_LEAVES.items():
        count = p.int_in_range(0, 2)
        parts.extend(f"<{key}>{_xml_text(_slot(p, pool))}</{key}>" for _ in range(count))
    parts.append("<ratings>")
    for _ in range(p.int_in_range(0, 3)):
        name, top = _slot(p, _NFO_NAMES), _slot(p, _NFO_MAX)
        value, votes = _slot(p, ("5.7", "4.5", "29", "7,5", "11", "")), _slot(p, ("347", "", "x"))
        parts.append(
            f'<rating name="{_xml_text(name)}" max="{_xml_text(top)}"><value>{_xml_text(value)}'
            f"</value><votes>{_xml_text(votes)}</votes></rating>"
        )
    parts.append("</ratings>")
    for _ in range(p.int_in_range(0, 3)):
        kind, value = _slot(p, _NFO_TYPES), _slot(p, ("tt0233044", "21307", "Q1", "x", "", "0"))
        parts.append(f'<uniqueid type="{_xml_text(kind)}">{_xml_text(value)}</uniqueid>')
    for _ in range(p.int_in_range(0, 3)):
        name, role, order = (
            _slot(p, ("Jay-Z", "", ",")),
            _slot(p, ("Himself", "")),
            _slot(p, ("0", "1", "x")),
        )
        kind = _slot(p, ("Actor", "Director", "GuestStar", "Self", "no role!", ""))
        parts.append(
            f"<actor><name>{_xml_text(name)}</name><role>{_xml_text(role)}</role>"
            f"<order>{_xml_text(order)}</order><type>{_xml_text(kind)}</type></actor>"
        )
    parts.append(f"</{root}>")
    if p.flag():
        parts.append(p.pick(("\nhttps://www.imdb.com/title/tt0233044/", "\nx", "<movie/>")))
    return "".join(parts)


_NFO_ATTACKS = (
    '<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    "<movie><title>&b;</title></movie>",
    '<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]><movie><title>&e;</title></movie>',
    '<!DOCTYPE movie SYSTEM "http://127.0.0.1:9/x.dtd"><movie><title>x</title></movie>',
    "https://www.themoviedb.org/movie/21307 https://www.imdb.com/title/tt0233044",
    "https://www.imdb.com/title/tt0233044 https://www.imdb.com/title/tt0233045",
    "https://thetvdb.com/?tab=series&id=1",
    "<movie><title>x</title></movie><movie><title>y</title></movie>",
    "<movie>" + "<a>" * 3000 + "</a>" * 3000 + "</movie>",
)


def _nfo_facts(film: Film) -> tuple[Any, ...]:
    """What an NFO holds of a film read from one: writing it and reading it back keeps it."""
    # Kodi's runtime is whole minutes: "5.7" minutes is written as 6.
    minutes = None if film.runtime is None else round(film.runtime.total_seconds() / 60)
    return (
        film.title,
        film.original_title,
        film.release_date,
        minutes or None,
        film.summary,
        film.genres,
        film.countries,
        film.credits,
        film.ratings,
        film.content_ratings,
        film.ids,
        # Model 2's parts, when Film has them.
        *(getattr(film, name, None) for name in _NFO_MODEL2),
    )


_NFO_MODEL2 = ("collection", "images", "videos", "keywords", "tagline", "editions")


@_target
def fuzz_from_nfo(data: bytes) -> None:
    inputs: list[Any] = [data]
    text = _utf8(data)
    if text is not None:
        inputs.append(text)
    else:
        inputs.append(_nfo_input(Provider(data)))
    for source in inputs:
        result = _call(from_nfo, source)
        if result is None or isinstance(result, NfoLink):
            continue
        _check_film(result, "from_nfo")
        written = _call(to_nfo, result)
        if written is None:  # a control character XML cannot hold, refused by name
            continue
        again = from_nfo(written)
        assert isinstance(again, Film), f"to_nfo wrote a film from_nfo reads as {again!r}"
        assert _nfo_facts(again) == _nfo_facts(result), f"NFO round trip lost facts:\n{written}"


def _check_viewing(viewing: object, where: str) -> None:
    assert isinstance(viewing, filmmeta.Viewing), f"{where} returned {viewing!r}"
    _check_film(viewing.film, where)
    back = from_json(to_json(viewing), filmmeta.Viewing)
    assert back == viewing, f"{where}: from_json(to_json(viewing)) != viewing\n{viewing!r}"


@_target
def fuzz_read_letterboxd(data: bytes) -> None:
    for kind in (None, "likes"):
        for viewing in _call(list, read_viewings(data, kind=kind)) or []:  # type: ignore[arg-type]
            _check_viewing(viewing, "read_viewings")
    for film in _call(list, read_films(data)) or []:
        _check_film(film, "read_films")
    export = _call(read_export, data)
    if export is not None:
        for viewing in export.diary + export.ratings + export.watched + export.reviews:
            _check_viewing(viewing, "read_export")


@_target
def fuzz_read_imdb_csv(data: bytes) -> None:
    for film in _call(list, read_imdb_films(data)) or []:
        _check_film(film, "imdb_csv.read_films")
    for viewing in _call(list, read_imdb_ratings(data)) or []:
        _check_viewing(viewing, "imdb_csv.read_ratings")
    for viewing in _call(list, read_imdb_ratings(data, encoding="cp1252")) or []:
        _check_viewing(viewing, "imdb_csv.read_ratings")


# -- the command line's file reading ---------------------------------------------------

# One folder for the target's files, made once: the reader under test opens real files.
_CLI_FILES = Path(tempfile.mkdtemp(prefix="filmmeta-fuzz-cli-"))
atexit.register(shutil.rmtree, _CLI_FILES, ignore_errors=True)


@_target
def fuzz_cli_read(data: bytes) -> None:
    """``filmmeta validate / convert``'s reading: items or one UnreadableError, nothing else.

    The bytes are written as a ``.json`` and as a ``.jsonl`` file and read with every
    format told from the content, so detection and every JSON importer are fuzzed too.
    """
    from filmmeta._cli.inputs import UnreadableError, read_items
    from filmmeta._cli.progress import Progress

    for suffix in (".json", ".jsonl"):
        path = _CLI_FILES / f"input{suffix}"
        path.write_bytes(data)
        try:
            for item in read_items(str(path), None, progress=lambda name, size: Progress()):
                if item.film is not None:
                    _check_film(item.film, f"the command line's {suffix} reader")
                else:
                    assert item.problems(), "an item with neither a film nor problems"
        except UnreadableError as err:
            message = str(err)
        else:
            continue
        assert message.startswith(f"{path}: cannot read: "), message


_WIKIDATA_CLAIM = {
    "mainsnak": lambda q: _obj(
        q,
        {
            "snaktype": ("value", "somevalue", "novalue"),
            "datavalue": lambda r: {
                "value": r.pick(
                    (
                        {"id": "Q11424"},
                        {"numeric-id": 30},
                        {"time": "+1931-04-18T00:00:00Z", "precision": 11},
                        {"time": "+1931-00-00T00:00:00Z", "precision": 9},
                        {"time": "-0050-00-00T00:00:00Z", "precision": 7},
                        {"amount": "+82", "unit": "http://www.wikidata.org/entity/Q7727"},
                        {"text": "City Streets", "language": "en"},
                        "tt0021749",
                        "116228",
                        "a b",
                        12,
                    )
                )
            },
        },
    ),
    "rank": ("normal", "preferred", "deprecated"),
    "qualifiers": lambda q: {
        "P291": [{"snaktype": "value", "datavalue": {"value": {"id": "Q30"}}}]
    },
}
_WIKIDATA_ENTITY: Spec = {
    "type": ("item", "property"),
    "id": ("Q2262932", "X"),
    "labels": lambda q: {
        q.pick(("en", "fr", "sr-el", "xx-yy", "simple")): {"language": "en", "value": q.text(12)}
    },
    "aliases": lambda q: {"en": [{"language": "en", "value": q.text(8)}]},
    "claims": lambda q: {
        q.pick(
            ("P31", "P577", "P2047", "P345", "P4947", "P1476", "P495", "P57", "P1657", "P2603")
        ): [_obj(q, _WIKIDATA_CLAIM) for _ in range(q.int_in_range(0, 2))]
        for _ in range(q.int_in_range(0, 5))
    },
}


@_target
def fuzz_from_wikidata(data: bytes) -> None:
    docs: list[Any] = [data]
    value = _json(data)
    if value is _NOT_JSON:
        p = Provider(data)
        doc = _obj(p, _WIKIDATA_ENTITY)
        claims = doc.get("claims")
        if isinstance(claims, dict):
            claims.setdefault("P31", [{"mainsnak": {"datavalue": {"value": {"id": "Q11424"}}}}])
        docs.append({"entities": {"Q1": doc}} if p.flag() else doc)
    else:
        docs.append(value)
    for doc in docs:
        for labels in (None, {"Q30": "United States", "Q51577": "Rouben Mamoulian"}):
            film = _call(from_wikidata, doc, labels=labels)
            if film is not None:
                _check_film(film, "from_wikidata")


# -- JSON Lines read in columns ---------------------------------------------------------------


def _table_or_error(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except filmmeta.ValidationError as err:
        return (err.line, err.errors)


@_target
def fuzz_read_jsonl_columns(data: bytes) -> None:
    """``frames.to_arrow(file)`` (the columnar path) against ``to_arrow(load_jsonl(file))``.

    The bytes are a JSON Lines file, read strictly and, when they end in a newline,
    leniently: both paths must give the same table, or the same error at the same line.
    """
    import io

    from filmmeta import frames, load_jsonl

    strict = data[-1:] != b"\n"
    expected = _table_or_error(
        lambda: frames.to_arrow(list(load_jsonl(io.BytesIO(data), strict=strict)))
    )
    found = _table_or_error(lambda: frames.to_arrow(io.BytesIO(data), strict=strict, batch_size=2))
    if isinstance(expected, tuple):
        assert found == expected, f"columnar {found!r} != objects {expected!r}"
    else:
        assert not isinstance(found, tuple), f"columnar refused what objects accept: {found}"
        assert found.equals(expected), "columnar table != the object path's"


# Texts that the model gives meaning to, drawn as often as any text: a row of them is
# mostly valid, so the fuzzer reaches the documents' every branch, not just the first refusal.
_ARROW_WORDS = (
    *("", " ", "Heat", "movie", "tv_movie", "series", "director", "Director", "imdb"),
    *("metacritic", "own", "US", "USA", "gb", "en", "R", "rent", "hd", "tt0113277", "tt1"),
    *("3.99", "1e3", "x", "USD", "2000", "2000-13", "1995-12-15", "mubi", "other"),
)


def _arrow_value(p: Provider, type_: Any, pa: Any) -> Any:
    """A value of the Arrow type *type_* for ``Table.from_pylist``: often null or odd."""
    if p.byte() % 8 == 0:
        return None
    if pa.types.is_struct(type_):
        return {field.name: _arrow_value(p, field.type, pa) for field in type_}
    if pa.types.is_list(type_):
        return [_arrow_value(p, type_.value_type, pa) for _ in range(p.int_in_range(0, 3))]
    if pa.types.is_string(type_):
        return p.pick(_ARROW_WORDS) if p.flag() else p.text(8)
    if pa.types.is_integer(type_):
        return p.int_in_range(-(2**63), 2**63 - 1) if p.flag() else p.int_in_range(-2, 200)
    if pa.types.is_floating(type_):
        number = p.number()
        return float(number) if abs(number) < 1e300 else float("inf")
    if pa.types.is_duration(type_):
        return dt.timedelta(microseconds=p.int_in_range(-(10**10), 10**11))
    return dt.date.fromordinal(p.int_in_range(1, 800_000))  # date32: an offer's window


@_target
def fuzz_read_arrow_rows(data: bytes) -> None:
    """``from_arrow`` of rows drawn in the catalog's Arrow schema, against the constructors.

    ``from_arrow`` reads a row's canonical document with ``from_dict``'s fast hooks and
    leaves the rows they refuse to the model's constructors: the films, or the error,
    must be those of the constructors reading every row, as before documents.
    """
    import pyarrow as pa

    from filmmeta._catalog import reading
    from filmmeta.frames import arrow_schema, from_arrow, to_arrow

    p = Provider(data)
    schema = arrow_schema()
    # Rows of valid films, some with a cell or two drawn anew, and now and then a row
    # drawn whole: most rows are valid or nearly, as catalogs are.
    drawn = [
        _call(from_dict, _obj(p, _FILM_SPEC), strict=False) for _ in range(p.int_in_range(1, 3))
    ]
    rows = to_arrow([film for film in drawn if film is not None]).to_pylist()
    for row in rows:
        for _ in range(p.int_in_range(0, 2)):
            field = schema.field(p.pick(schema.names))
            row[field.name] = _arrow_value(p, field.type, pa)
    if p.byte() % 4 == 0:
        rows.append({field.name: _arrow_value(p, field.type, pa) for field in schema})
    for row in rows:  # the fields that Parquet never holds null
        for field in schema:
            if not field.nullable and row[field.name] is None:
                row[field.name] = "Heat" if pa.types.is_string(field.type) else []
    try:
        table = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowException, OverflowError, ValueError):
        return  # not a table: no reader's business

    def constructors() -> list[Film]:
        built = []
        for i, row in enumerate(table.to_pylist()):
            try:
                built.append(reading._film(row))
            except ValidationError as err:
                raise err.with_prefix(f"[{i}]") from None
        return built

    expected, found = _films_or_error(constructors), _films_or_error(lambda: from_arrow(table))
    assert found == expected, f"from_arrow {found!r} != the constructors' {expected!r}"


def _films_or_error(read: Callable[[], list[Film]]) -> list[Film] | str:
    try:
        return read()
    except ValidationError as err:
        return str(err)


# -- IMDb's datasets ----------------------------------------------------------------------

# One folder for the target's files, made once: the reader under test reads real files.
_IMDB_FILES = Path(tempfile.mkdtemp(prefix="filmmeta-fuzz-imdb-"))
atexit.register(shutil.rmtree, _IMDB_FILES, ignore_errors=True)
_IMDB_NAMES = (
    "title.basics.tsv",
    "title.ratings.tsv",
    "title.akas.tsv",
    "title.crew.tsv",
    "title.principals.tsv",
    "name.basics.tsv",
)


@_target
def fuzz_read_imdb_tsv(data: bytes) -> None:
    """``formats.imdb``: the bytes as IMDb's six datasets, each after two blank lines.

    The table and the films must agree: the same verdict, and ``from_arrow`` of the table
    equal to ``read_films``, every film carried losslessly by canonical JSON.
    """
    import attrs

    from filmmeta import canonical_genres
    from filmmeta.formats import imdb
    from filmmeta.frames import from_arrow

    for old in _IMDB_FILES.iterdir():
        old.unlink()
    for name, part in zip(_IMDB_NAMES, _parts(data, len(_IMDB_NAMES)), strict=True):
        if part is not None:
            (_IMDB_FILES / name).write_bytes(part)
    table = _call(imdb.to_arrow, _IMDB_FILES)
    # The tables keep IMDb's genre words; read_films gives the vocabulary's by default.
    films = _call(lambda: list(imdb.read_films(_IMDB_FILES, genres="source")))
    if table is None:
        assert films is None, "read_films accepted what to_arrow refused"
        return
    assert films is not None, "read_films refused what to_arrow accepted"
    assert from_arrow(table) == films, "the table and the films differ"
    named = list(imdb.read_films(_IMDB_FILES))
    assert named == [
        attrs.evolve(film, genres=canonical_genres(film.genres, source="imdb")) for film in films
    ], "genres='canonical' is not the vocabulary's names of IMDb's words"
    for film in named:
        _check_film(film, "imdb.read_films")
