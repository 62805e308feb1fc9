"""Lookups by name (issue 13, defect 5): case is ignored, a typo is refused with the near name."""

from __future__ import annotations

from pathlib import Path

import pytest

from filmmeta import ContentRating, Film, Rating, ValidationError, fact_sheet, to_json
from filmmeta._cli import main
from filmmeta._model.ratings import source_key
from filmmeta._model.validate import to_region

FILM = Film(
    "Heat",
    ratings=[Rating("imdb", 8.3), Rating("metacritic", 76), Rating("my_site", 4, best=5)],
    content_ratings=[ContentRating("R", country="US"), ContentRating("15", country="GB")],
)

# (the name asked for, the source found or None, or the error's text)
SOURCE_LOOKUPS: list[tuple[str, str | None]] = [
    ("imdb", "imdb"),
    ("IMDb", "imdb"),
    ("IMDB", "imdb"),
    (" Metacritic ", "metacritic"),
    ("My_Site", "my_site"),
    ("letterboxd", None),  # known, and the film has none
    ("criterion", None),  # a source the film has no rating from
]
SOURCE_TYPOS: list[tuple[object, str]] = [
    ("imbd", "'imbd' is not a rating source; did you mean 'imdb'?"),
    ("metacritc", "did you mean 'metacritic'?"),
    ("Metascore", "did you mean 'metacritic'?"),  # the display name
    ("Tomatometer", "did you mean 'rotten_tomatoes'?"),
    ("Rotten Tomatoes", "did you mean 'rotten_tomatoes'?"),
    ("my_stie", "did you mean 'my_site'?"),  # the film's own source
    ("x y", "'x y' is not a rating source$"),
    ("", "'' is not a rating source$"),
    (None, "expected a source name, got NoneType None"),
]


@pytest.mark.parametrize(("name", "found"), SOURCE_LOOKUPS)
def test_rating_lookup_ignores_case(name: str, found: str | None) -> None:
    rating = FILM.rating(name)
    assert (rating and rating.source) == found


@pytest.mark.parametrize(("name", "message"), SOURCE_TYPOS)
def test_rating_lookup_refuses_a_typo_with_the_near_name(name: object, message: str) -> None:
    with pytest.raises(ValidationError, match=f"^source: .*{message}"):
        FILM.rating(name)  # type: ignore[arg-type]


def test_source_key_without_ratings_at_hand() -> None:
    assert source_key("Letterboxd") == "letterboxd"
    with pytest.raises(ValidationError, match="did you mean 'letterboxd'"):
        source_key("leterboxd")


# (the country asked for, the code found, or None for an error and its text)
COUNTRIES: list[tuple[object, str | None, str]] = [
    ("GB", "GB", ""),
    ("gb", "GB", ""),
    ("Gb", "GB", ""),
    (" us ", "US", ""),
    ("UK", "GB", ""),
    ("uk", "GB", ""),
    ("GBR", None, "'GBR' is not an ISO 3166-1 alpha-2 code; did you mean 'GB'\\?"),
    ("USA", None, "did you mean 'US'\\?"),
    ("DEU", None, "did you mean 'DE'\\?"),
    ("Germany", None, "did you mean 'DE'\\?"),
    ("XX", None, "'XX' is not an ISO 3166-1 alpha-2 code$"),
    ("QQQ", None, "'QQQ' is not an ISO 3166-1 alpha-2 code$"),
    ("", None, "'' is not an ISO 3166-1 alpha-2 code$"),
    ("x" * 100, None, "is not an ISO 3166-1 alpha-2 code$"),
    (1, None, "expected a region code, got int 1"),
]


@pytest.mark.parametrize(("country", "code", "message"), COUNTRIES)
def test_country_lookups_take_one_rule(country: object, code: str | None, message: str) -> None:
    if code is not None:
        assert to_region(country, "country") == code
        rated = FILM.content_rating(country)  # type: ignore[arg-type]
        assert rated is not None
        assert rated.country == code
        assert fact_sheet(FILM, country=country)[rated.label] == rated.code  # type: ignore[arg-type]
        return
    for lookup in (
        lambda: FILM.content_rating(country),  # type: ignore[arg-type]
        lambda: fact_sheet(FILM, country=country),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValidationError, match=f"^country: .*{message}"):
            lookup()


def test_a_country_without_a_rating_is_none() -> None:
    assert FILM.content_rating("fr") is None


def test_to_dataframe_takes_the_same_rule() -> None:
    pytest.importorskip("pandas")
    from filmmeta.frames import to_dataframe, to_records

    assert list(to_dataframe([FILM], country="gb")["content_rating"]) == ["15"]
    assert to_records([FILM], country="uk")[0]["content_rating"] == "15"
    with pytest.raises(ValidationError, match="did you mean 'GB'"):
        to_dataframe([], country="GBR")  # refused even with no film to look in


def test_cli_show_country_takes_the_same_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "heat.json"
    path.write_text(to_json(FILM), encoding="utf-8")
    assert main(["show", "--country", "gb", str(path)]) == 0
    assert "BBFC Rating  15" in capsys.readouterr().out
    assert main(["show", "--country", "GBR", str(path)]) == 1
    assert "did you mean 'GB'?" in capsys.readouterr().err
