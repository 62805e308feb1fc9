from __future__ import annotations

import copy
import datetime as dt
import functools
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import (
    Collection,
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    FilmKind,
    FilmmetaError,
    FilmmetaWarning,
    Image,
    Money,
    Offer,
    PartialDate,
    Release,
    Title,
    UnsupportedDocumentError,
    ValidationError,
    Video,
    from_json,
    to_json,
)
from filmmeta.formats.tmdb import from_tmdb

from . import conftest, strategies
from .conftest import CORPUS, NO_CORPUS, corpus_files, load

fixture = functools.partial(conftest.fixture, "tmdb")


def details(**fields: Any) -> dict[str, Any]:
    """Minimal TMDb movie details with *fields* set."""
    return {"id": 550, "title": "Fight Club", **fields}


def dates(*countries: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """A /release_dates response."""
    return {"results": [{"iso_3166_1": c, "release_dates": r} for c, r in countries]}


def certs(film: Film) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.country, c.code, c.system, c.reason) for c in film.content_ratings]


# --- full fixtures ----------------------------------------------------------------------


def read_lighthouse(**kwargs: Any) -> Film:
    with pytest.warns(FilmmetaWarning) as record:
        film = from_tmdb(fixture("details.json"), **kwargs)
    assert sorted(str(w.message) for w in record) == [
        "production_countries[1].iso_3166_1: 'SU' is not a known ISO 3166-1 region: left out",
        "spoken_languages[3]: language 'qq' ('Ruritanian') is not known: left out",
    ]
    return film


def test_details() -> None:
    film = read_lighthouse()
    assert film.title == "The Lighthouse Keeper"
    assert film.original_title == "O Guardião do Farol"
    assert film.kind is FilmKind.MOVIE
    assert film.release_date == PartialDate(2019, 9, 5)
    assert film.runtime == dt.timedelta(minutes=104)
    assert film.genres == ("Drama", "Mystery")
    # "cn" is TMDb's own code for Cantonese; "xx" is "No Language".
    assert film.languages == ("pt", "yue")
    # production_countries first, then origin_country, each once.
    assert film.countries == ("PT", "GB", "FR")
    assert film.summary is not None
    assert film.summary.startswith("A lighthouse keeper")
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [("tmdb", 7.125, 311)]
    assert film.ids == ExternalIds(imdb="tt1234567", tmdb=424242)
    assert (film.content_ratings, film.offers, film.credits) == ((), (), ())
    assert from_json(to_json(film)) == film


def test_release_dates_pick_one_certification_per_country() -> None:
    film = read_lighthouse(release_dates=fixture("release_dates.json"))
    assert certs(film) == [
        ("PT", "M/12", "CCE", None),  # theatrical over an empty premiere
        ("US", "PG-13", "MPA", None),  # limited over premiere and digital
        ("DE", "12", "FSK", None),  # "FSK 12" normalised; the theatrical one is empty
        ("TR", "13+", None, None),
        ("JP", "PG12", "Eirin", None),  # trailing space gone; TV is all there is
    ]  # FR: only an empty certification
    rated = film.content_rating("TR")
    assert rated is not None
    assert rated.descriptors == ("Violence / Horror", "Negative examples")
    # Every dated release is one of the film's releases, with its kind and note.
    assert [(r.country, r.kind.value) for r in film.releases if r.country == "US"] == [
        ("US", k) for k in ("premiere", "limited", "digital")
    ]


def test_legacy_releases() -> None:
    film = read_lighthouse(release_dates=fixture("releases_legacy.json"))
    assert certs(film) == [
        ("PT", "M/12", "CCE", None),
        ("US", "R", "MPA", None),  # the primary release wins
        ("AU", "MA 15+", "ACB", None),
    ]


def test_providers_every_region() -> None:
    film = read_lighthouse(providers=fixture("watch_providers.json"))
    pt = "https://www.themoviedb.org/movie/424242/watch?locale=PT"
    assert film.offers == (
        Offer("Netflix", "subscription", region="PT", url=pt),
        Offer("Apple TV", "rent", region="PT", url=pt),
        Offer("Google Play Movies", "rent", region="PT", url=pt),
        Offer("Apple TV", "buy", region="PT", url=pt),
        Offer("Tubi TV", "ads", region="US"),  # the US link is null
        Offer("Pluto TV", "free", region="US"),
    )
    assert from_json(to_json(film)) == film


@pytest.mark.parametrize(
    ("region", "providers"),
    [
        ("US", ["Tubi TV", "Pluto TV"]),
        ("PT", ["Netflix", "Apple TV", "Google Play Movies", "Apple TV"]),
        ("GB", []),
    ],
)
def test_providers_one_region(region: str, providers: list[str]) -> None:
    film = read_lighthouse(providers=fixture("watch_providers.json"), region=region)
    assert [o.provider for o in film.offers] == providers
    assert {o.region for o in film.offers} <= {region}


def test_appended_parts() -> None:
    film = from_tmdb(fixture("appended.json"))
    assert film.kind is FilmKind.VIDEO
    assert (film.release_date, film.runtime, film.summary) == (PartialDate(2021), None, None)
    assert film.original_title is None  # the same as the title
    assert film.ratings == ()  # vote_count 0
    # release_dates wins over the legacy releases part.
    assert certs(film) == [("NO", "12", "Medietilsynet", None)]
    assert [(o.provider, o.type.value, o.region) for o in film.offers] == [
        ("NRK TV", "subscription", "NO")
    ]
    assert film.ids == ExternalIds(imdb="tt7654321", tmdb=424243, wikidata="Q123456")
    assert film.credits == (
        Credit("Siri Dahl", "director"),
        Credit("Siri Dahl", "writer"),  # Screenplay and Story: one writer credit
        Credit("Liv Aasen", "actor", character="The Captain"),
        Credit("Ole Berg", "actor"),
        Credit("Tor Eik", "composer"),
    )  # Stunts are not carried


def test_explicit_arguments_win_over_appended_parts() -> None:
    doc = fixture("appended.json")
    film = from_tmdb(
        doc,
        release_dates=dates(("NO", [{"certification": "7", "type": 3}])) | {"id": 424243},
        providers={"results": {"SE": {"link": None, "rent": [{"provider_name": "SF Anytime"}]}}},
    )
    assert certs(film) == [("NO", "7", "Medietilsynet", None)]
    assert [(o.provider, o.region) for o in film.offers] == [("SF Anytime", "SE")]


def test_legacy_part_used_without_release_dates() -> None:
    doc = fixture("appended.json")
    del doc["release_dates"]
    assert certs(from_tmdb(doc)) == [("NO", "15", "Medietilsynet", None)]


def test_details_imdb_id_wins_over_external_ids() -> None:
    doc = fixture("appended.json")
    doc["imdb_id"] = "tt0000001"
    assert from_tmdb(doc).ids.imdb == "tt0000001"


# --- mapping tables ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({"release_date": "1999-10-15"}, "release_date", PartialDate(1999, 10, 15)),
        ({"release_date": ""}, "release_date", None),
        ({"release_date": None}, "release_date", None),
        ({"runtime": 139}, "runtime", dt.timedelta(minutes=139)),
        ({"runtime": 0}, "runtime", None),
        ({"runtime": None}, "runtime", None),
        ({"overview": ""}, "summary", None),
        ({"overview": "Soap."}, "summary", "Soap."),
        ({"original_title": "Fight Club"}, "original_title", None),
        ({"original_title": "Clube da Luta"}, "original_title", "Clube da Luta"),
        ({"title": "", "original_title": "Fight Club"}, "title", "Fight Club"),
        ({"video": True}, "kind", FilmKind.VIDEO),
        ({"video": False}, "kind", FilmKind.MOVIE),
        ({"video": None}, "kind", FilmKind.MOVIE),
        ({"adult": True, "softcore": True}, "kind", FilmKind.MOVIE),  # not carried
        ({"imdb_id": "tt0137523"}, "ids", ExternalIds(imdb="tt0137523", tmdb=550)),
        ({"imdb_id": ""}, "ids", ExternalIds(tmdb=550)),
        ({"imdb_id": None}, "ids", ExternalIds(tmdb=550)),
        ({"id": None}, "ids", ExternalIds()),
        (
            {"genres": [{"id": 18, "name": "Drama"}, {"id": 18, "name": "Drama"}]},
            "genres",
            ("Drama",),
        ),
        ({"genres": None}, "genres", ()),
        ({"spoken_languages": [{"iso_639_1": "en", "name": "English"}]}, "languages", ("en",)),
        (
            {"spoken_languages": [{"iso_639_1": "xx", "english_name": "No Language"}]},
            "languages",
            (),
        ),
        (
            {"spoken_languages": [{"iso_639_1": "cn", "english_name": "Cantonese"}]},
            "languages",
            ("yue",),
        ),
        ({"spoken_languages": [{"iso_639_1": "", "english_name": "French"}]}, "languages", ("fr",)),
        ({"spoken_languages": [{"iso_639_1": "EN"}]}, "languages", ("en",)),
        (
            {"production_countries": [{"iso_3166_1": "DE"}, {"iso_3166_1": "US"}]},
            "countries",
            ("DE", "US"),
        ),
        (
            {"production_countries": [{"iso_3166_1": "US"}], "origin_country": ["US", "XK"]},
            "countries",
            ("US", "XK"),
        ),
        ({"origin_country": []}, "countries", ()),
        (
            {"credits": {"cast": [{"name": ""}], "crew": [{"name": "", "job": "Director"}]}},
            "credits",
            (),
        ),
    ],
)
def test_details_mapping(fields: dict[str, Any], attribute: str, expected: Any) -> None:
    assert getattr(from_tmdb(details(**fields)), attribute) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"vote_average": 8.4, "vote_count": 27917}, [("tmdb", 8.4, 27917)]),
        ({"vote_average": 7, "vote_count": 1}, [("tmdb", 7, 1)]),
        ({"vote_average": 0, "vote_count": 0}, []),  # a stub: no rating
        ({"vote_average": 0.0, "vote_count": 0}, []),
        ({"vote_average": None, "vote_count": 10}, []),
        ({}, []),
    ],
)
def test_rating(fields: dict[str, Any], expected: list[tuple[str, float, int]]) -> None:
    film = from_tmdb(details(**fields))
    assert [(r.source, r.value, r.votes) for r in film.ratings] == expected


@pytest.mark.parametrize(
    ("releases", "expected"),
    [
        ([("R", 1), ("PG-13", 3)], "PG-13"),  # theatrical wins
        ([("PG-13", 3), ("R", 1)], "PG-13"),
        ([("R", 1), ("PG-13", 2)], "PG-13"),  # then limited
        ([("R", 4), ("PG-13", 1)], "PG-13"),  # then premiere
        ([("R", 5), ("PG-13", 4)], "PG-13"),  # then digital
        ([("R", 6), ("PG-13", 5)], "PG-13"),  # then physical, then TV
        ([("R", None), ("PG-13", 6)], "PG-13"),  # a missing type comes last
        ([("R", 9), ("PG-13", 6)], "PG-13"),  # and so does an unknown one
        ([("", 3), ("R", 6)], "R"),  # an empty certification is none
        ([("PG-13", 3), ("R", 3)], "PG-13"),  # the first of a type
        ([("nc17", 3)], "NC-17"),
        ([("Rated R ", 3)], "R"),
        ([("NR", 3)], "NR"),  # kept, unranked
        ([("", 3)], None),
        ([], None),
    ],
)
def test_certification_priority(
    releases: list[tuple[str, int | None]], expected: str | None
) -> None:
    entries = [{"certification": c, "type": t} for c, t in releases]
    film = from_tmdb(details(), release_dates=dates(("US", entries)))
    assert (film.content_rating("US").code if film.content_ratings else None) == expected  # type: ignore[union-attr]


def test_certification_across_repeated_country_entries() -> None:
    doc = dates(
        ("US", [{"certification": "R", "type": 4}]), ("US", [{"certification": "PG", "type": 3}])
    )
    assert certs(from_tmdb(details(), release_dates=doc)) == [("US", "PG", "MPA", None)]


@pytest.mark.parametrize(
    ("descriptors", "expected"),
    [
        (["Violence / Horror", "Sexuality"], ("Violence / Horror", "Sexuality")),
        (["Sexuality", "", "Sexuality"], ("Sexuality",)),
        ([], ()),
        (None, ()),
    ],
)
def test_descriptors(descriptors: list[str] | None, expected: tuple[str, ...]) -> None:
    entry = {"certification": "18+", "type": 3, "descriptors": descriptors}
    film = from_tmdb(details(), release_dates=dates(("TR", [entry])))
    assert certs(film) == [("TR", "18+", None, None)]
    assert film.content_ratings[0].descriptors == expected


@pytest.mark.parametrize(
    ("country", "code", "expected"),
    [
        ("KR", "15세 이상 관람가", "15"),
        ("AU", "MA15+", "MA 15+"),
        ("BR", "16 anos", "16"),
        ("MX", "C ", "C"),
        ("GR", "\u039a-15", "\u039a-15"),  # an unknown code is kept
    ],
)
def test_certification_normalised_per_country(country: str, code: str, expected: str) -> None:
    film = from_tmdb(
        details(), release_dates=dates((country, [{"certification": code, "type": 3}]))
    )
    assert film.content_rating(country).code == expected  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("category", "offer_type"),
    [
        ("flatrate", "subscription"),
        ("rent", "rent"),
        ("buy", "buy"),
        ("ads", "ads"),
        ("free", "free"),
    ],
)
def test_offer_types(category: str, offer_type: str) -> None:
    providers = {
        "results": {"US": {"link": "https://tmdb.example/w", category: [{"provider_name": "P"}]}}
    }
    (offer,) = from_tmdb(details(), providers=providers).offers
    assert offer == Offer("P", offer_type, region="US", url="https://tmdb.example/w")


def test_repeated_offers_once() -> None:
    entry = {"rent": [{"provider_name": "P"}, {"provider_name": "P"}]}
    assert len(from_tmdb(details(), providers={"results": {"US": entry}}).offers) == 1


# --- errors and warnings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"details": {"id": 550, "title": 1}}, "title"),
        ({"details": {"id": 550, "title": ""}}, "title"),
        ({"details": details(id="550")}, "id"),
        ({"details": details(id=0)}, "id"),
        ({"details": details(id=True)}, "id"),
        ({"details": details(runtime=-1)}, "runtime"),
        ({"details": details(runtime="139")}, "runtime"),
        ({"details": details(runtime=True)}, "runtime"),
        ({"details": details(runtime=float("nan"))}, "runtime"),
        ({"details": details(vote_average="8.4", vote_count=3)}, "vote_average"),
        ({"details": details(vote_average=11.0, vote_count=3)}, "vote_average"),
        ({"details": details(vote_average=8.4, vote_count=-3)}, "vote_count"),
        ({"details": details(vote_average=8.4, vote_count=3.0)}, "vote_count"),
        ({"details": details(release_date="soon")}, "release_date"),
        ({"details": details(release_date=1999)}, "release_date"),
        ({"details": details(imdb_id="0137523")}, "imdb_id"),
        ({"details": details(video="yes")}, "video"),
        ({"details": details(overview=["Soap."])}, "overview"),
        ({"details": details(genres={"name": "Drama"})}, "genres"),
        ({"details": details(genres=["Drama"])}, "genres[0]"),
        ({"details": details(genres=[{"id": 18, "name": 18}])}, "genres[0].name"),
        (
            {"details": details(spoken_languages=[{"iso_639_1": 1}])},
            "spoken_languages[0].iso_639_1",
        ),
        (
            {"details": details(production_countries=[{"iso_3166_1": None}])},
            "production_countries[0].iso_3166_1",
        ),
        ({"details": details(origin_country="US")}, "origin_country"),
        ({"details": details(origin_country=[1])}, "origin_country[0]"),
        ({"details": details(external_ids={"wikidata_id": "190050"})}, "external_ids.wikidata_id"),
        ({"details": details(external_ids=[])}, "external_ids"),
        ({"details": details(credits={"cast": [{"name": 5}]})}, "credits.cast[0].name"),
        ({"details": details(credits={"crew": {}})}, "credits.crew"),
        ({"release_dates": []}, "release_dates"),
        ({"release_dates": {"id": 550}}, "release_dates"),
        ({"release_dates": {"id": 13, "results": []}}, "release_dates.id"),
        ({"release_dates": {"results": {}}}, "release_dates.results"),
        (
            {"release_dates": {"results": [{"iso_3166_1": "US", "release_dates": "R"}]}},
            "release_dates.results[0].release_dates",
        ),
        (
            {"release_dates": dates(("US", [{"certification": "R", "type": "3"}]))},
            "release_dates.results[0].release_dates[0].type",
        ),
        (
            {"release_dates": dates(("US", [{"certification": 18, "type": 3}]))},
            "release_dates.results[0].release_dates[0].certification",
        ),
        (
            {"release_dates": dates(("US", [{"certification": "R" * 60, "type": 3}]))},
            "release_dates.results[0].release_dates[0].certification",
        ),
        (
            {"release_dates": dates(("US", [{"certification": "R", "descriptors": "Violence"}]))},
            "release_dates.results[0].release_dates[0].descriptors",
        ),
        (
            {"release_dates": dates(("US", [{"certification": "R", "descriptors": [1]}]))},
            "release_dates.results[0].release_dates[0].descriptors[0]",
        ),
        (
            {"release_dates": dates(("US", [{"certification": "R", "descriptors": ["\ud800"]}]))},
            "release_dates.results[0].release_dates[0].descriptors[0]",
        ),
        (
            {"release_dates": {"countries": [{"iso_3166_1": "US", "certification": 1}]}},
            "release_dates.countries[0].certification",
        ),
        ({"providers": {"results": []}}, "providers.results"),
        ({"providers": {"id": 13, "results": {}}}, "providers.id"),
        ({"providers": {}}, "providers.results"),
        ({"providers": {"results": {"US": []}}}, "providers.results.US"),
        ({"providers": {"results": {"US": {"link": "tmdb"}}}}, "providers.results.US.link"),
        ({"providers": {"results": {"US": {"rent": {}}}}}, "providers.results.US.rent"),
        (
            {"providers": {"results": {"US": {"rent": [{"provider_id": 2}]}}}},
            "providers.results.US.rent[0].provider_name",
        ),
        (
            {"details": details(**{"watch/providers": {"results": {"US": {"rent": [{}]}}}})},
            "watch/providers.results.US.rent[0].provider_name",
        ),
        (
            {"details": details(releases={"countries": [{"iso_3166_1": 7}]})},
            "releases.countries[0].iso_3166_1",
        ),
        ({"region": "USA"}, "region"),
        ({"region": "us"}, "region"),
    ],
)
def test_malformed_values_name_the_source_field(kwargs: dict[str, Any], path: str) -> None:
    kwargs = {"details": details(), **kwargs}
    with pytest.raises(ValidationError) as info:
        from_tmdb(kwargs.pop("details"), **kwargs)
    assert [p for p, _ in info.value.errors] == [path]


@pytest.mark.parametrize("obj", [None, [], "Fight Club", 550])
def test_not_an_object(obj: Any) -> None:
    with pytest.raises(ValidationError) as info:
        from_tmdb(obj)
    assert info.value.errors[0][0] == "$"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("error.json", "TMDb error 34: The resource you requested could not be found."),
        ("tv_show.json", "a TV show"),
        ("search.json", "a search result page"),
        ("release_dates.json", "release_dates="),
        ("releases_legacy.json", "release_dates="),
        ("watch_providers.json", "providers="),
    ],
)
def test_unsupported_documents(name: str, message: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=re.escape(message)):
        from_tmdb(fixture(name))


@pytest.mark.parametrize("argument", ["release_dates", "providers"])
def test_error_response_as_a_part(argument: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match="TMDb error 34"):
        from_tmdb(details(), **{argument: fixture("error.json")})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"release_dates": dates(("SU", [{"certification": "16", "type": 3}]))},
            "release_dates.results[0].iso_3166_1: 'SU'",
        ),
        (
            {"release_dates": {"countries": [{"iso_3166_1": "YU", "certification": "16"}]}},
            "release_dates.countries[0].iso_3166_1: 'YU'",
        ),
        (
            {"providers": {"results": {"XX": {"rent": [{"provider_name": "P"}]}}}},
            "providers.results.XX: 'XX'",
        ),
        (
            {"providers": {"results": {"US": {"flatrate_and_buy": [{"provider_name": "P"}]}}}},
            "providers.results.US.flatrate_and_buy",
        ),
        ({"details": details(origin_country=["CS"])}, "origin_country[0]: 'CS'"),
        (
            {
                "details": details(
                    spoken_languages=[{"iso_639_1": "qq", "english_name": "Ruritanian"}]
                )
            },
            "'Ruritanian'",
        ),
    ],
)
def test_unknown_codes_warn(kwargs: dict[str, Any], message: str) -> None:
    kwargs = {"details": details(), **kwargs}
    with pytest.warns(FilmmetaWarning, match=re.escape(message)) as record:
        film = from_tmdb(kwargs.pop("details"), **kwargs)
    assert len(record) == 1
    assert record[0].filename == __file__
    assert (film.content_ratings, film.offers, film.countries, film.languages) == ((), (), (), ())


def test_input_is_not_changed() -> None:
    doc = fixture("appended.json")
    before = copy.deepcopy(doc)
    from_tmdb(doc)
    assert doc == before


# --- the real corpus --------------------------------------------------------------------


def read_any(doc: Any) -> Film:
    """Read a corpus document with the argument it is made for."""
    if isinstance(doc, dict) and "title" not in doc:
        minimal = {"id": doc.get("id") or 1, "title": "Corpus film"}
        results = doc.get("results")
        if isinstance(results, list) and all("release_dates" in r for r in results):
            return from_tmdb(minimal, release_dates=doc)
        if isinstance(results, dict) or "link" in doc:
            return from_tmdb(minimal, providers=doc if results else {"results": {"US": doc}})
        if "countries" in doc:
            return from_tmdb(minimal, release_dates=doc)
        if "iso_3166_1" in doc and "release_dates" in doc:  # one country's entry
            return from_tmdb(minimal, release_dates={"results": [doc]})
        if "titles" in doc and "id" in doc:
            return from_tmdb(minimal, alternative_titles=doc)
        if "wikidata_id" in doc:
            return from_tmdb(minimal, external_ids=doc)
    return from_tmdb(doc)


def _dated(doc: Any) -> list[Any]:
    """The release objects of a /release_dates, /releases or one-country document."""
    results = doc.get("results")
    countries = [doc] if "iso_3166_1" in doc else results if isinstance(results, list) else []
    return [rel for c in countries for rel in c.get("release_dates") or []] + list(
        doc.get("countries") or []
    )


def carries(doc: Any) -> dict[str, bool]:
    """Which model 2 fields a corpus document holds values for."""
    if not isinstance(doc, dict):
        return {}
    details = "title" in doc
    titles = (doc.get("alternative_titles") or {}) if details else doc
    dated = _dated((doc.get("release_dates") or doc.get("releases") or {}) if details else doc)
    return {
        "titles": bool(titles.get("titles")),
        "releases": any(rel.get("release_date") for rel in dated),
        "collection": bool((doc.get("belongs_to_collection") or {}).get("name")),
        "budget": bool(doc.get("budget")),
        "box_office": bool(doc.get("revenue")),
        "images": bool(doc.get("poster_path") or doc.get("backdrop_path") or doc.get("images")),
        "videos": bool((doc.get("trailers") or {}).get("youtube")),
        "keywords": bool((doc.get("keywords") or {}).get("keywords")),
        "tagline": bool(doc.get("tagline")),
    }


@pytest.mark.parametrize("path", corpus_files("tmdb"))
def test_corpus_file(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        try:
            film = read_any(load(path))
        except UnsupportedDocumentError:
            return
    assert from_json(to_json(film)) == film
    # Issue 12: every model 2 field that the document carries is filled.
    for name, carried in carries(load(path)).items():
        assert bool(getattr(film, name)) == carried, name


def corpus(name: str) -> Any:
    path = CORPUS / "tmdb" / name
    if not path.is_file():
        pytest.skip(NO_CORPUS)
    return load(path)


def test_corpus_die_hard_with_release_dates_and_providers() -> None:
    film = from_tmdb(
        corpus("tmdblib_movie_47964_a-good-day-to-die-hard.json"),
        release_dates=corpus("tmdblib_movie_47964_release_dates.json"),
        providers=corpus("tmdblib_movie_47964_watch_providers.json"),
        region="US",
    )
    assert (film.title, film.year, film.runtime) == (
        "A Good Day to Die Hard",
        2013,
        dt.timedelta(minutes=98),
    )
    assert film.content_rating("US") == ContentRating("R", country="US", system="MPA")
    assert film.content_rating("GB") == ContentRating("12A", country="GB")
    assert film.content_rating("DE") == ContentRating("16", country="DE")
    assert film.ratings == ()  # the recording zeroes vote_count
    assert film.ids == ExternalIds(imdb="tt1606378", tmdb=47964)
    assert (film.languages, film.countries, film.genres) == (
        ("en", "ru"),
        ("US",),
        ("Action", "Thriller"),
    )
    assert film.offers
    assert {o.region for o in film.offers} == {"US"}
    assert all(o.url and o.url.endswith("locale=US") for o in film.offers)


def test_corpus_die_hard_legacy_releases_agree() -> None:
    doc = corpus("tmdblib_movie_47964_a-good-day-to-die-hard.json")
    new = from_tmdb(doc, release_dates=corpus("tmdblib_movie_47964_release_dates.json"))
    old = from_tmdb(doc, release_dates=corpus("tmdblib_movie_47964_releases_legacy.json"))
    assert sorted(certs(new)) == sorted(certs(old))


def test_corpus_italian_title() -> None:
    film = from_tmdb(corpus("tmdblib_movie_47964_language-it.json"))
    assert film.title == "Die Hard - Un buon giorno per morire"
    assert film.original_title == "A Good Day to Die Hard"


def test_corpus_fight_club() -> None:
    film = from_tmdb(corpus("jdrouet_movie-details.json"))
    assert (film.title, film.release_date, film.runtime) == (
        "Fight Club",
        PartialDate(1999, 10, 15),
        dt.timedelta(minutes=139),
    )
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [("tmdb", 8.44, 27917)]
    assert film.ids == ExternalIds(imdb="tt0137523", tmdb=550)


def test_corpus_stub() -> None:
    film = from_tmdb(corpus("jdrouet_movie-latest.json"))
    assert (film.release_date, film.runtime, film.summary, film.ratings) == (None, None, None, ())
    assert film.ids == ExternalIds(tmdb=1236474)


def test_corpus_riddick_appended() -> None:
    film = from_tmdb(corpus("php-tmdb_movie_all_riddick.json"))
    # release_dates wins over releases: only it has the Australian certification.
    assert film.content_rating("AU") == ContentRating("MA 15+", country="AU")
    assert film.content_rating("KR") == ContentRating("15", country="KR")
    assert film.content_rating("US") == ContentRating("R", country="US")
    assert film.credited("director") == ("David Twohy",)
    assert film.credits[film.credits.index(Credit("Vin Diesel", "actor", character="Riddick"))]
    assert len({o.region for o in film.offers}) > 10


def test_corpus_descriptors() -> None:
    film = from_tmdb(details(id=550), release_dates=corpus("adamayoung_movie-release-dates.json"))
    assert film.content_rating("TR").descriptors == (  # type: ignore[union-attr]
        "Violence / Horror",
        "Sexuality",
        "Negative examples",
    )


def test_corpus_null_link() -> None:
    doc = {"results": {"US": corpus("adamayoung_show-watch-provider-null-link.json")}}
    assert from_tmdb(details(), providers=doc).offers == (
        Offer("Netflix", "subscription", region="US"),
    )


@pytest.mark.parametrize(
    "name",
    [
        "tmdblib_movie_999999999_not-found_404.json",
        "jdrouet_search-movie.json",
        "jdrouet_tv-content-ratings.json",
        "jdrouet_movie-translations.json",
        "jdrouet_certification-movie-list.json",
        "jdrouet_movie-external-ids.json",
    ],
)
def test_corpus_not_movie_details(name: str) -> None:
    with pytest.raises(UnsupportedDocumentError):
        from_tmdb(corpus(name))


# --- properties -------------------------------------------------------------------------

KEYS = [
    "id",
    "title",
    "original_title",
    "release_date",
    "runtime",
    "genres",
    "spoken_languages",
    "production_countries",
    "origin_country",
    "overview",
    "vote_average",
    "vote_count",
    "imdb_id",
    "video",
    "credits",
    "external_ids",
    "release_dates",
    "releases",
    "watch/providers",
    "success",
    "status_code",
    "status_message",
    "results",
    "page",
    "belongs_to_collection",
    "budget",
    "revenue",
    "tagline",
    "poster_path",
    "alternative_titles",
    "keywords",
    "images",
    "videos",
    "trailers",
]
json_values = strategies.json_values(
    keys=st.sampled_from(["name", "iso_3166_1", "iso_639_1", "US"]) | st.text(max_size=5),
    size=3,
    leaves=10,
)


def check_total(doc: Any, release_dates: Any, providers: Any) -> None:
    """from_tmdb returns a film or raises a FilmmetaError: never anything else."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        try:
            film = from_tmdb(doc, release_dates=release_dates, providers=providers)
        except FilmmetaError:
            return
    assert from_json(to_json(film)) == film


@settings(deadline=None)
@given(
    st.dictionaries(st.sampled_from(KEYS), json_values),
    st.none() | json_values,
    st.none() | json_values,
)
def test_arbitrary_json_gives_a_film_or_a_filmmeta_error(doc: Any, rd: Any, pr: Any) -> None:
    check_total(doc, rd, pr)


codes = st.sampled_from(["US", "DE", "GB", "KR", "SU", "us", "", "XK"])
certifications = st.sampled_from(["", "R", "PG-13", "FSK 16", "MA15+", " 12 ", "15세 이상 관람가"])
release_entries = st.fixed_dictionaries(
    {},
    optional={
        "certification": certifications,
        "type": st.integers(0, 7),
        "descriptors": st.lists(st.text(max_size=10), max_size=2),
        "primary": st.booleans(),
        "iso_3166_1": codes,
    },
)
release_dates_docs = st.fixed_dictionaries(
    {
        "results": st.lists(
            st.fixed_dictionaries(
                {"iso_3166_1": codes, "release_dates": st.lists(release_entries, max_size=3)}
            ),
            max_size=3,
        )
    }
) | st.fixed_dictionaries(
    {"countries": st.lists(release_entries.map(lambda e: {"iso_3166_1": "US", **e}), max_size=3)}
)
provider_lists = st.lists(
    st.fixed_dictionaries({"provider_name": st.text(max_size=10) | json_values}), max_size=2
)
providers_docs = st.fixed_dictionaries(
    {
        "results": st.dictionaries(
            codes,
            st.fixed_dictionaries(
                {"link": st.sampled_from([None, "", "https://tmdb.example/w"])},
                optional=dict.fromkeys(("flatrate", "rent", "x"), provider_lists | json_values),
            ),
            max_size=3,
        )
    }
)
movie_details = st.fixed_dictionaries(
    {"title": st.just("Fight Club") | st.text(min_size=1, max_size=20)},
    optional={
        "original_title": st.none() | st.text(max_size=10),
        "overview": st.text(max_size=10),
        "imdb_id": st.sampled_from([None, "", "tt0137523", "tt1"]),
        "video": st.booleans() | json_values,
        "genres": st.lists(st.fixed_dictionaries({"name": st.text(max_size=5)}), max_size=2),
    }
    | {
        "id": st.integers(0, 10**6),
        "release_date": st.sampled_from(["", "1999-10-15", "1999", "soon"]),
        "runtime": st.integers(-1, 300) | st.floats(),
        "vote_average": st.floats(0, 10) | st.floats(),
        "vote_count": st.integers(0, 10**6) | st.integers(),
        "spoken_languages": st.lists(
            st.fixed_dictionaries({"iso_639_1": st.sampled_from(["en", "xx", "cn", "qq", ""])}),
            max_size=3,
        ),
        "production_countries": st.lists(st.fixed_dictionaries({"iso_3166_1": codes}), max_size=3),
        "origin_country": st.lists(codes, max_size=3),
    },
)


@settings(deadline=None)
@given(movie_details, st.none() | release_dates_docs, st.none() | providers_docs)
def test_movie_like_documents_give_a_film_or_a_filmmeta_error(doc: Any, rd: Any, pr: Any) -> None:
    check_total(doc, rd, pr)


# -- model 2: titles, releases, collection, money, media, keywords, tagline, other ids --


POSTER = "https://image.tmdb.org/t/p/original/p.jpg"


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        (
            {
                "belongs_to_collection": {
                    "id": 10,
                    "name": "Star Wars Collection",
                    "poster_path": None,
                }
            },
            "collection",
            Collection("Star Wars Collection", ids=ExternalIds(tmdb=10)),
        ),
        ({"belongs_to_collection": None}, "collection", None),
        ({"budget": 63000000}, "budget", Money(63000000, "USD")),
        ({"budget": 0}, "budget", None),
        ({"revenue": 100853753}, "box_office", (Money(100853753, "USD"),)),
        ({"revenue": 0}, "box_office", ()),
        ({"tagline": "Mischief. Mayhem. Soap."}, "tagline", "Mischief. Mayhem. Soap."),
        ({"tagline": ""}, "tagline", None),
        ({"poster_path": "/p.jpg", "backdrop_path": None}, "images", (Image(POSTER),)),
        (
            {
                "alternative_titles": {
                    "titles": [{"iso_3166_1": "DE", "title": "Kampfklub", "type": ""}]
                }
            },
            "titles",
            (Title("Kampfklub", region="DE"),),
        ),
        (
            {"keywords": {"keywords": [{"id": 1, "name": "dual identity"}]}},
            "keywords",
            ("dual identity",),
        ),
        (
            {
                "videos": {
                    "results": [
                        {
                            "key": "qtRKdVHc-cE",
                            "site": "YouTube",
                            "type": "Trailer",
                            "iso_639_1": "en",
                        }
                    ]
                }
            },
            "videos",
            (Video("https://www.youtube.com/watch?v=qtRKdVHc-cE", site="YouTube", language="en"),),
        ),
        (
            {
                "trailers": {
                    "quicktime": [],
                    "youtube": [{"name": "T", "source": "abc", "type": "Trailer"}],
                }
            },
            "videos",
            (Video("https://www.youtube.com/watch?v=abc", site="YouTube", name="T"),),
        ),
        (
            {
                "images": {
                    "posters": [
                        {"file_path": "/p.jpg", "width": 500, "height": 750, "iso_639_1": "en"}
                    ]
                }
            },
            "images",
            (Image(POSTER, width=500, height=750, language="en"),),
        ),
        (
            {
                "external_ids": {
                    "imdb_id": "tt0137523",
                    "facebook_id": "FightClub",
                    "twitter_id": "",
                }
            },
            "ids",
            ExternalIds(imdb="tt0137523", tmdb=550, other={"facebook": "FightClub"}),
        ),
        (
            {
                "release_dates": dates(
                    (
                        "GB",
                        [
                            {
                                "release_date": "1999-11-12T00:00:00.000Z",
                                "type": 3,
                                "note": "",
                                "certification": "18",
                            }
                        ],
                    )
                )
            },
            "releases",
            (Release("1999-11-12", country="GB"),),
        ),
    ],
)
def test_model_2_fields(fields: dict[str, Any], attribute: str, expected: Any) -> None:
    assert getattr(from_tmdb(details(**fields)), attribute) == expected


@pytest.mark.parametrize(
    ("name", "part", "attribute", "expected"),
    [
        (
            "alternative_titles",
            {"id": 550, "titles": [{"iso_3166_1": "FR", "title": "Le Club"}]},
            "titles",
            (Title("Le Club", region="FR"),),
        ),
        ("keywords", {"id": 550, "keywords": [{"name": "fight"}]}, "keywords", ("fight",)),
        (
            "images",
            {"id": 550, "backdrops": [{"file_path": "/p.jpg"}]},
            "images",
            (Image(POSTER, kind="backdrop"),),
        ),
        (
            "videos",
            {"id": 550, "results": [{"key": "k", "site": "Vimeo"}]},
            "videos",
            (Video("https://vimeo.com/k", kind="other", site="Vimeo"),),
        ),
        (
            "external_ids",
            {"id": 550, "instagram_id": "fightclub"},
            "ids",
            ExternalIds(tmdb=550, other={"instagram": "fightclub"}),
        ),
    ],
)
def test_parts_given_apart_win(
    name: str, part: dict[str, Any], attribute: str, expected: Any
) -> None:
    embedded = details(**{name: {"id": 550}})
    assert getattr(from_tmdb(embedded, **{name: part}), attribute) == expected


def test_parts_given_apart_are_the_films() -> None:
    with pytest.raises(ValidationError, match=r"keywords\.id: 551 is not the film's id 550"):
        from_tmdb(details(), keywords={"id": 551, "keywords": []})


def test_corpus_riddick_model_2() -> None:
    film = from_tmdb(corpus("php-tmdb_movie_all_riddick.json"))
    assert film.collection == Collection(
        "The Chronicles of Riddick Collection", ids=ExternalIds(tmdb=2794)
    )
    assert (film.budget, film.box_office) == (Money(38000000, "USD"), (Money(42025135, "USD"),))
    assert film.tagline == "Survival Is His Revenge"
    assert film.keywords == ("planet", "aliens", "revenge", "riddick")
    assert Title("Riddick 3", region="BR") in film.titles
    assert Release("2013-11-28", country="KR") in film.releases
    assert film.images[0] == Image(
        "https://image.tmdb.org/t/p/original/1NfhdnQAEqcBRCulEhOFSkRrrLv.jpg",
        width=1000,
        height=1500,
    ) or film.images[0].url.endswith("/1NfhdnQAEqcBRCulEhOFSkRrrLv.jpg")
    assert [v.name for v in film.videos] == ["Trailer 1", "Red Band"]


def test_corpus_external_ids_other() -> None:
    film = from_tmdb(details(), external_ids=corpus("jdrouet_movie-external-ids.json"))
    assert film.ids == ExternalIds(
        imdb="tt0137523", tmdb=550, wikidata="Q190050", other={"facebook": "FightClub"}
    )
