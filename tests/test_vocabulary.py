from __future__ import annotations

import json

import pytest

from filmmeta import (
    GENRES,
    Film,
    FilmmetaWarning,
    Offer,
    ValidationError,
    canonical_genre,
    canonical_genres,
    canonical_provider,
    group_offers,
    merge_films,
    provider_name,
    where_to_watch,
)
from filmmeta._model.providers import PROVIDERS

from . import conftest


@pytest.mark.parametrize(
    ("genre", "source", "expected"),
    [
        # IMDb / OMDb words, and IMDb's legacy export spellings
        ("Sci-Fi", "imdb", "Science Fiction"),
        ("sci_fi", "imdb", "Science Fiction"),
        ("Film-Noir", "imdb", "Film Noir"),
        ("Biography", "imdb", "Biography"),
        ("Reality-TV", "imdb", "Reality TV"),
        ("Talk-Show", "imdb", "Talk Show"),
        # TMDb names and ids (movie and TV genre lists)
        ("Science Fiction", "tmdb", "Science Fiction"),
        (878, "tmdb", "Science Fiction"),
        (10751, "tmdb", "Family"),
        (10770, "tmdb", "TV Movie"),
        (10759, "tmdb", "Action"),
        # MovieLens, Letterboxd (TMDb's words), Kodi / Jellyfin scrapers
        ("Children", "movielens", "Family"),
        ("Film-Noir", "movielens", "Film Noir"),
        ("IMAX", "movielens", None),
        ("History", "letterboxd", "History"),
        ("Science-Fiction", "kodi", "Science Fiction"),
        ("science fiction", "jellyfin", "Science Fiction"),
        # Wikidata items
        ("Q471839", "wikidata", "Science Fiction"),
        ("Q130232", "wikidata", "Drama"),
        ("Q959790", None, "Crime"),
        ("Q1", "wikidata", None),
        # An int read as a TMDb id only where the source is TMDb (or not said)
        (878, None, "Science Fiction"),
        (878, "imdb", None),
        ("", None, None),
    ],
)
def test_canonical_genre(genre: str | int, source: str | None, expected: str | None) -> None:
    assert canonical_genre(genre, source=source) == expected
    assert expected is None or expected in GENRES


def test_canonical_genres_join_and_keep_order() -> None:
    assert canonical_genres(["Sci-Fi", "Drama", "Science Fiction", "science_fiction"]) == (
        "Science Fiction",
        "Drama",
    )
    assert canonical_genres(["Action & Adventure", "Hip-Hop", " "]) == (
        "Action",
        "Adventure",
        "Hip-Hop",
    )
    assert canonical_genres(["Hip-Hop", "Drama"], keep_unknown=False) == ("Drama",)


def test_an_unknown_genre_id_is_left_out_with_a_warning() -> None:
    with pytest.warns(FilmmetaWarning, match="genre id 4242 is not in"):
        assert canonical_genres([4242, 18]) == ("Drama",)
    with pytest.warns(FilmmetaWarning, match="Q1 is not in"):
        assert canonical_genres(["Q1"]) == ()


@pytest.mark.parametrize(
    ("genre", "source", "path"),
    [("Drama", "netflix", "source"), (["Drama"], None, "genre"), (1.5, None, "genre")],
)
def test_bad_genre_arguments(genre: object, source: str | None, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        canonical_genre(genre, source=source)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("name", "region", "expected"),
    [
        ("Amazon Video", None, "amazon"),
        ("Amazon Prime Video", "US", "amazon"),
        ("amazon", None, "amazon"),
        ("Apple iTunes", None, "apple_tv"),
        ("Apple TV Store", None, "apple_tv"),
        ("Apple TV Plus", None, "apple_tv_plus"),
        ("Apple TV+", None, "apple_tv_plus"),
        ("Google Play Movies", None, "google_play"),
        ("Fandango At Home", "US", "vudu"),
        ("Netflix basic with Ads", None, "netflix"),
        ("Disney Plus", None, "disney_plus"),
        ("Disney+ Hotstar", "IN", "hotstar"),
        ("Disney+ Hotstar", "ID", "disney_plus"),
        ("Disney+ Hotstar", None, None),
        ("Max", None, "hbo_max"),
        ("Kanopy", None, None),
        (7, None, "vudu"),
        (2, None, "apple_tv"),
        (999_999, None, None),
    ],
)
def test_canonical_provider(name: str | int, region: str | None, expected: str | None) -> None:
    provider = canonical_provider(name, region=region)
    assert (provider.id if provider else None) == expected


def test_provider_ids_and_names_are_unique() -> None:
    ids = [tmdb for provider in PROVIDERS.values() for tmdb in provider.tmdb_ids]
    assert len(ids) == len(set(ids))
    assert all(canonical_provider(p.name) is p for p in PROVIDERS.values())
    with pytest.raises(ValidationError, match="provider"):
        canonical_provider(None)  # type: ignore[arg-type]


def test_the_backstage_providers_are_known_by_their_page_names() -> None:
    for name in ("Apple TV", "Amazon", "Google Play", "Vudu"):
        assert provider_name(name) == name


def test_group_offers_and_where_to_watch_list_a_service_once() -> None:
    offers = [
        Offer("Amazon Video", "rent", region="US"),
        Offer("Amazon Prime Video", "rent", region="US"),
        Offer("Apple iTunes", "buy", region="US"),
        Offer("Apple TV", "buy", region="US"),
    ]
    grouped = group_offers(offers)["US"]
    assert [list(v) for v in grouped.values()] == [["Amazon"], ["Apple TV"]]
    sentence = where_to_watch(Film("Backstage", offers=offers))
    assert sentence.count("Amazon") == 1
    assert sentence.count("Apple TV") == 1


@pytest.mark.skipif(not conftest.CORPUS.is_dir(), reason=conftest.NO_CORPUS)
@pytest.mark.filterwarnings("ignore::filmmeta.FilmmetaWarning")
def test_merged_sources_list_no_genre_or_provider_twice() -> None:
    """The Matrix from an IMDb page, TMDb details and TMDb's providers, merged."""
    from filmmeta.formats.schemaorg import from_jsonld
    from filmmeta.formats.tmdb import from_tmdb

    corpus = conftest.CORPUS
    page = from_jsonld((corpus / "jsonld" / "imdb_tt0133093_the-matrix_2023-05.json").read_text())
    details = json.loads((corpus / "tmdb" / "flexget_movie_603_the-matrix_2016.json").read_text())
    tmdb = from_tmdb(details)
    renamed = [
        Offer("Amazon Video", "rent", region="US"),
        Offer("Amazon Prime Video", "subscription", region="US"),
        Offer("Apple iTunes", "buy", region="US"),
    ]
    extra = Film("The Matrix", release_date=1999, genres=["Sci-Fi"], offers=renamed)
    merged = merge_films(page, tmdb, extra)
    folded = [canonical_genre(g) or g for g in merged.genres]
    assert len(folded) == len(set(folded))
    assert "Science Fiction" in merged.genres
    names = [(o.provider, o.type, o.region) for o in merged.offers]
    assert len(names) == len(set(names))
    assert {o.provider for o in merged.offers} == {"Amazon", "Apple TV"}
