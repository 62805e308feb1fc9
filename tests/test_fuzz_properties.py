"""Hostile input, generated: every reader returns a value or raises a FilmmetaError.

Arbitrary JSON values go to ``from_json`` (as text), ``from_dict`` and every importer;
dicts are keyed mostly by the keys the readers know, with plausible values among the
arbitrary ones, so that generation gets past the first type check. A ``FilmmetaWarning``
is allowed (an importer leaving a value out); any other exception or warning fails.

The fuzz targets of ``fuzz/targets.py`` run here too, on arbitrary bytes and on their
seeds and regression inputs; those tests are skipped when the ``fuzz`` directory is not
there (an sdist).
"""

from __future__ import annotations

import inspect
import json
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import Film, FilmmetaError, FilmmetaWarning, Offer, from_dict, from_json, to_json
from filmmeta.formats.justwatch import offers_from_justwatch
from filmmeta.formats.omdb import from_omdb
from filmmeta.formats.schemaorg import from_jsonld
from filmmeta.formats.tmdb import from_tmdb

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"

# -- arbitrary JSON, shaped like the documents the readers know ----------------------------

FILM_KEYS = (
    "title",
    "kind",
    "release_date",
    "runtime",
    "content_ratings",
    "genres",
    "languages",
    "countries",
    "summary",
    "credits",
    "ratings",
    "offers",
    "ids",
    "original_title",
    "code",
    "country",
    "system",
    "reason",
    "name",
    "role",
    "character",
    "source",
    "value",
    "votes",
    "best",
    "worst",
    "provider",
    "type",
    "region",
    "price",
    "currency",
    "quality",
    "url",
    "imdb",
    "tmdb",
    "wikidata",
    "justwatch",
)
OMDB_KEYS = (
    "Title",
    "Year",
    "Rated",
    "Released",
    "Runtime",
    "Genre",
    "Director",
    "Writer",
    "Actors",
    "Plot",
    "Language",
    "Country",
    "Ratings",
    "Source",
    "Value",
    "Metascore",
    "imdbRating",
    "imdbVotes",
    "imdbID",
    "Type",
    "Response",
    "Error",
    "Season",
    "Episodes",
    "Search",
)
TMDB_KEYS = (
    "id",
    "title",
    "original_title",
    "release_date",
    "runtime",
    "vote_average",
    "vote_count",
    "overview",
    "imdb_id",
    "video",
    "genres",
    "name",
    "spoken_languages",
    "iso_639_1",
    "english_name",
    "production_countries",
    "iso_3166_1",
    "origin_country",
    "external_ids",
    "wikidata_id",
    "credits",
    "cast",
    "crew",
    "job",
    "department",
    "release_dates",
    "results",
    "certification",
    "descriptors",
    "releases",
    "countries",
    "primary",
    "watch/providers",
    "link",
    "flatrate",
    "rent",
    "buy",
    "provider_name",
    "success",
    "status_code",
    "status_message",
    "page",
)
JSONLD_KEYS = (
    "@context",
    "@type",
    "@id",
    "@graph",
    "mainEntity",
    "url",
    "name",
    "alternateName",
    "datePublished",
    "duration",
    "contentRating",
    "genre",
    "inLanguage",
    "countryOfOrigin",
    "description",
    "director",
    "creator",
    "actor",
    "characterName",
    "aggregateRating",
    "ratingValue",
    "ratingCount",
    "bestRating",
    "worstRating",
    "author",
    "offers",
    "seller",
    "category",
    "eligibleRegion",
    "price",
    "priceCurrency",
    "sameAs",
)
JUSTWATCH_KEYS = (
    "offers",
    "object_type",
    "objectType",
    "content",
    "full_path",
    "fullPath",
    "monetization_type",
    "monetizationType",
    "presentation_type",
    "presentationType",
    "provider_id",
    "retail_price",
    "retailPriceValue",
    "currency",
    "urls",
    "standard_web",
    "package",
    "clearName",
    "packageId",
    "country",
    "locale",
    "edges",
    "node",
    "items",
    "data",
    "__typename",
    "US",
)
# Values that get past a reader's first checks, so that the next ones are reached.
PLAUSIBLE = (
    "Backdrop",
    "N/A",
    "",
    "movie",
    "Movie",
    "PT1H33M",
    "93 min",
    "1998",
    "1998-06-12",
    "12 Jun 1998",
    "R",
    "PG-13",
    "US",
    "GB",
    "en",
    "English, Spanish",
    "imdb",
    "tt0234567",
    "/title/tt0234567/",
    "7.4/10",
    "87%",
    "76/100",
    "1,204",
    "rent",
    "flatrate",
    "hd",
    "USD",
    "3.99",
    "https://example.com/w",
    "/us/movie/backdrop",
    "Person",
    "Internet Movie Database",
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(PLAUSIBLE)
)


def documents(keys: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """JSON values whose objects are keyed mostly by *keys*."""
    key = st.sampled_from(keys) | st.text(max_size=6)
    values = st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(key, children, max_size=6)
        ),
        max_leaves=16,
    )
    return st.dictionaries(key, values, max_size=10) | values


def outcome(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call *func*: its value, or None for a FilmmetaError; anything else escapes."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        try:
            return func(*args, **kwargs)
        except FilmmetaError:
            return None


#: Generating nested documents costs more than reading them: whatever the profile asks
#: for, 200 examples are plenty here.
at_most_200 = settings(max_examples=min(settings().max_examples, 200))


def check_film(film: Any) -> None:
    if film is None:
        return
    assert isinstance(film, Film)
    assert from_json(to_json(film)) == film


@at_most_200
@given(documents(FILM_KEYS))
def test_from_json_text(value: Any) -> None:
    text = json.dumps(value)  # NaN and lone surrogates too: from_json must refuse them
    check_film(outcome(from_json, text))
    check_film(outcome(from_json, text, strict=False))


@at_most_200
@given(documents(FILM_KEYS))
def test_from_dict(value: Any) -> None:
    check_film(outcome(from_dict, value))
    check_film(outcome(from_dict, value, strict=False))


@at_most_200
@given(documents(OMDB_KEYS))
def test_from_omdb(value: Any) -> None:
    check_film(outcome(from_omdb, value))


@at_most_200
@given(
    documents(TMDB_KEYS),
    st.none() | documents(TMDB_KEYS),
    st.none() | documents(TMDB_KEYS),
    st.none() | st.sampled_from(("US", "GB", "us", "")) | scalars,
)
def test_from_tmdb(details: Any, release_dates: Any, providers: Any, region: Any) -> None:
    check_film(outcome(from_tmdb, details))
    film = outcome(
        from_tmdb, details, release_dates=release_dates, providers=providers, region=region
    )
    check_film(film)


@at_most_200
@given(
    documents(JSONLD_KEYS),
    st.none() | st.sampled_from(("imdb", "letterboxd", "my_site", "")),
    st.sampled_from(("US", "GB", "DE", "XX")),
)
def test_from_jsonld(value: Any, rating_source: str | None, country: str) -> None:
    check_film(outcome(from_jsonld, value, rating_source=rating_source, country=country))


@at_most_200
@given(documents(JSONLD_KEYS))
def test_from_jsonld_text(value: Any) -> None:
    text = json.dumps(value)
    for wrapped in (text, f'<script type="application/ld+json">//<![CDATA[\n{text}\n//]]>'):
        check_film(outcome(from_jsonld, wrapped))


@at_most_200
@given(documents(JUSTWATCH_KEYS), st.none() | documents(("id", "clear_name", "packageId")))
def test_offers_from_justwatch(value: Any, providers: Any) -> None:
    offers = outcome(offers_from_justwatch, value, providers=providers)
    if offers is not None:
        assert isinstance(offers, tuple)
        assert all(isinstance(offer, Offer) for offer in offers)


# -- nesting: orjson reads 1024 levels whatever the caller's stack depth -------------------


def nested(depth: int, *, as_list: bool) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value] if as_list else {"a": value}
    return value


DEEP_READERS: list[tuple[str, Callable[[Any], Any], Callable[[Any], Any]]] = [
    ("from_dict", from_dict, lambda v: {"title": "x", "genres": v}),
    ("from_omdb", from_omdb, lambda v: {"Title": "x", "Ratings": v}),
    ("from_tmdb", from_tmdb, lambda v: {"title": "x", "genres": v}),
    ("from_jsonld.name", from_jsonld, lambda v: {"@type": "Movie", "name": v}),
    ("from_jsonld.alternateName", from_jsonld, lambda v: {"@type": "Movie", "alternateName": v}),
    ("offers_from_justwatch", offers_from_justwatch, lambda v: v),
    ("offers_from_justwatch.offers", offers_from_justwatch, lambda v: {"offers": v}),
]


@pytest.mark.parametrize("as_list", [True, False], ids=["lists", "objects"])
@pytest.mark.parametrize(
    ("reader", "doc"), [(r, d) for _, r, d in DEEP_READERS], ids=[n for n, _, _ in DEEP_READERS]
)
def test_deep_nesting_with_little_stack_left(
    reader: Callable[[Any], Any], doc: Callable[[Any], Any], as_list: bool
) -> None:
    # A web app calls the reader from deep inside its framework: leave 250 frames, then
    # give a document 400 levels deep (orjson would have read it).
    value = doc(nested(400, as_list=as_list))
    limit = sys.getrecursionlimit()
    here = len(inspect.stack(0))
    sys.setrecursionlimit(here + 250)
    try:
        outcome(reader, value)
    finally:
        sys.setrecursionlimit(limit)


# -- the fuzz targets, on arbitrary bytes and on their own inputs --------------------------


def _load_fuzz() -> tuple[dict[str, Callable[[bytes], None]], tuple[str, ...]] | None:
    if not (FUZZ / "targets.py").exists():  # pragma: no cover - only in an sdist
        return None
    sys.path.insert(0, str(FUZZ))
    try:
        import run
        import targets
    finally:
        sys.path.remove(str(FUZZ))
    return targets.TARGETS, run.TARGET_NAMES


FUZZ_LOADED = _load_fuzz()
TARGETS = FUZZ_LOADED[0] if FUZZ_LOADED else {}
needs_fuzz = pytest.mark.skipif(FUZZ_LOADED is None, reason="no fuzz/ directory (an sdist)")


def fuzz_inputs() -> list[Any]:
    found = []
    for kind in ("seeds", "regressions"):
        for path in sorted((FUZZ / kind).glob("*/*")):
            if path.is_file() and path.parent.name in TARGETS:
                where = f"{kind}/{path.parent.name}/{path.name}"
                found.append(pytest.param(path.parent.name, path, id=where))
    return found


@needs_fuzz
def test_fuzz_targets_are_the_runners() -> None:
    assert FUZZ_LOADED is not None
    assert tuple(TARGETS) == FUZZ_LOADED[1]


@needs_fuzz
@pytest.mark.parametrize("name", sorted(TARGETS))
@at_most_200
@given(data=st.binary(max_size=512))
def test_fuzz_target_on_bytes(name: str, data: bytes) -> None:
    TARGETS[name](data)


@needs_fuzz
@pytest.mark.parametrize(("name", "path"), fuzz_inputs())
def test_fuzz_target_on_its_inputs(name: str, path: Path) -> None:
    TARGETS[name](path.read_bytes())
