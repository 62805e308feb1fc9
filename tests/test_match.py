from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from filmmeta import Credit, ExternalIds, Film, FilmKind, Title, ValidationError, merge_films
from filmmeta.match import Match, match_catalogs, same_film, title_forms, title_key

from . import conftest
from .strategies import films

# Titles that a film person reads as one title, as different sources write them.
SAME_TITLE = [
    ("American President, The", "The American President"),
    ("Matrix, The", "The Matrix"),
    ("Cité des enfants perdus, La", "La Cité des enfants perdus"),
    ("Amélie", "Amelie"),
    ("AMELIE", "amélie"),
    ("Rocky II", "Rocky 2"),
    ("Pet Sematary II", "Pet Sematary Two"),
    ("Fast & Furious", "Fast and Furious"),
    ("Spider-Man", "Spider Man"),
    ("L'Immortel", "Immortel"),
    ("Straße", "Strasse"),
    ("Star Wars: Episode IV - A New Hope", "Star Wars Episode 4 A New Hope"),
]
# Titles that differ in a way that names another film.
OTHER_TITLE = [
    ("Rocky II", "Rocky III"),
    ("Rocky", "Rocky II"),
    ("Alien", "Aliens"),
    ("I, Frankenstein", "Frankenstein"),
    ("Heat", "The Heat"),  # an article alone is not dropped: the titles agree on "heat"
]


@pytest.mark.parametrize(("a", "b"), SAME_TITLE)
def test_title_keys_agree(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


@pytest.mark.parametrize(("a", "b"), OTHER_TITLE[:4])
def test_title_keys_differ(a: str, b: str) -> None:
    assert title_key(a) != title_key(b)


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("Heat", {"heat": 1.0}),
        ("The", {"the": 1.0}),  # a title that is only an article keeps it
        ("", {}),
        ("!!!", {"!!!": 1.0}),  # no letters or digits: compared as written
        (" \u2020  \u2020 ", {"\u2020 \u2020": 1.0}),
        ("Time Code", {"time code": 1.0, "timecode": 0.95}),
        ("Amelie (Fabuleux destin d'Amélie Poulain, Le)", None),
        ("Strike! (a.k.a. All I Wanna Do, The Hairy Bird)", None),
        ("Dr. Strangelove or: How I Learned to Stop Worrying", None),
        ("William Shakespeare's Romeo + Juliet", None),
        ("Schindler's List", {"schindler s list": 1.0, "schindlerslist": 0.95}),
    ],
)
def test_title_forms(text: str, forms: dict[str, float] | None) -> None:
    found = title_forms(text)
    if forms is not None:
        assert found == forms
    else:
        # Alternate titles, a main title, a title without its credit: more than one form.
        assert len([form for form, weight in found.items() if weight < 0.95 or weight == 1]) > 1


@pytest.mark.parametrize(
    ("a", "b", "weight"),
    [
        # An article both write agrees fully; one only one of them writes, a little less.
        ("The Hero", "Hero, The", 1.0),
        ("The Hero", "Hero", 0.98),
        ("Vitelloni, I", "I Vitelloni", 1.0),
        # A subtitle that only says it is a film is no subtitle.
        ("CB4 - The Movie", "CB4", 1.0),
        ("No Game, No Life: The Movie - Zero", "No Game No Life: Zero", 1.0),
        ("Kizumonogatari: Part III", "Kizumonogatari 3", 1.0),
        ("Guardians of the Galaxy Vol. 2", "Guardians of the Galaxy 2", 1.0),
        ("Part Time", "Time", 0.0),  # "Part" before a word is a word of the title
        ("Dr. Dolittle", "Doctor Dolittle", 1.0),
        ("Alien vs. Predator", "Alien Versus Predator", 1.0),
        # A main title that ends in its number names the entry without its subtitle.
        ("Kickboxer 2: The Road Back", "Kickboxer 2", 0.9),
        ("Kung Fu Panda: Secrets of the Furious Five", "Kung Fu Panda", 0.72),
        ("2001: A Space Odyssey", "2001", 0.72),
        # An episode number between a series title and the film's own title is left off
        # by some sources; the number alone is no film's title.
        ("Moon Wars: Episode VIII - The Last Pilot", "Moon Wars: The Last Pilot", 0.9),
        ("Moon Wars: Episode 2: Dark Tide", "Moon Wars - Dark Tide", 0.9),
        ("Moon Wars: Episode VIII - The Last Pilot", "Moon Wars: Episode VIII", 0.72),
        ("Comic Con Episode IV: A Fan's Hope", "Comic Con: A Fan's Hope", 0.0),
    ],
)
def test_title_forms_agree_by_weight(a: str, b: str, weight: float) -> None:
    forms_a, forms_b = title_forms(a), title_forms(b)
    assert (
        max((min(forms_a[k], forms_b[k]) for k in forms_a.keys() & forms_b.keys()), default=0.0)
        == weight
    )


def test_title_forms_name_alternates_and_parts() -> None:
    assert "all i wanna do the hairy bird" in title_forms(
        "Strike! (a.k.a. All I Wanna Do, The Hairy Bird)"
    )
    assert title_forms("Dr. Strangelove or: How I Learned")["doctor strangelove"] < 1.0
    assert title_forms("William Shakespeare's Romeo + Juliet")["romeo juliet"] == 0.9
    assert title_forms("Amelie (Fabuleux destin d'Amélie Poulain, Le)")["amelie"] == 1.0


def _film(title: str, year: int | None = 1995, **more: object) -> Film:
    return Film(title, release_date=year, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "matched", "reason"),
    [
        # Ids decide first: agreeing ids match whatever the titles say, conflicting never.
        (
            _film("Heat", ids=ExternalIds(imdb="tt0113277")),
            _film("Heat (1995)", 2001, ids=ExternalIds(imdb="tt0113277")),
            True,
            "imdb ids agree (tt0113277)",
        ),
        (
            _film("Heat", ids=ExternalIds(imdb="tt0113277")),
            _film("Heat", ids=ExternalIds(imdb="tt0094357")),
            False,
            "imdb ids conflict (tt0113277 / tt0094357)",
        ),
        # Ids of different kinds say nothing: the rest is weighed.
        (
            _film("Heat", ids=ExternalIds(imdb="tt0113277")),
            _film("Heat", ids=ExternalIds(tmdb=949)),
            True,
            "titles agree as 'heat'",
        ),
        (_film("American President, The"), _film("The American President"), True, None),
        # A short title a year apart needs something more that agrees (genres here).
        (_film("Heat"), _film("Heat", 1996), False, "years 1995 and 1996 are 1 apart"),
        (
            _film("Dead Calm", genres=["Thriller"]),
            _film("Dead Calm", 1996, genres=["Drama", "Thriller"]),
            True,
            "100% of genres shared",  # one list inside the other: they agree
        ),
        # A title of one word a year apart needs more than one list inside the other: the
        # same genres, a runtime or a director (a namesake of the next year otherwise).
        (
            _film("Hush", 2016, genres=["Drama", "Thriller"]),
            _film("Hush", 2017, genres=["Drama"]),
            False,
            "a one-word title a year apart needs the same genres, a runtime or a director",
        ),
        (
            _film("The Chase", 2018, genres=["Comedy"]),
            _film("Chase, The", 2017, genres=["Action", "Comedy"]),
            False,
            "a one-word title a year apart needs",
        ),
        (
            _film("Hush", 2016, genres=["Drama", "Thriller"]),
            _film("Hush", 2017, genres=["Thriller", "Drama"]),
            True,
            "100% of genres shared",
        ),
        (
            _film("Hush", 2016, genres=["Drama", "Thriller"]),
            _film("Hush", 2017, genres=["Drama"], runtime=95),
            False,
            "a one-word title a year apart needs",  # a runtime on one side only
        ),
        (
            _film("Hush", 2016, genres=["Drama", "Thriller"], runtime=97),
            _film("Hush", 2017, genres=["Drama"], runtime=95),
            True,
            "runtimes within 2 min",
        ),
        (
            _film("Hush", 2016, credits=[Credit("Ann Lee", "director")]),
            _film("Hush", 2017, genres=["Drama"], credits=[Credit("Ann Lee", "director")]),
            True,
            "directors agree",
        ),
        # Words the genre vocabulary does not know (MovieLens's IMAX, a format) are not
        # compared: the genres are the same.
        (
            _film("Hush", 2016, genres=["Action", "IMAX"]),
            _film("Hush", 2017, genres=["Action"]),
            True,
            "100% of genres shared",
        ),
        # A documentary is not a film of fiction genres: namesakes of one year and title.
        (
            _film("Rivertown", 2017, genres=["Drama"]),
            _film("Rivertown", 2017, genres=["Documentary"]),
            False,
            "a documentary against fiction (Drama)",
        ),
        (
            _film("Rivertown", 2017, genres=["Documentary"]),
            _film("Rivertown", 2017, genres=["Comedy", "Crime", "Sport"]),
            False,
            "a documentary against fiction (Comedy, Crime)",
        ),
        (
            _film("Rivertown", 2017, genres=["Drama"], credits=[Credit("Ann Lee", "director")]),
            _film(
                "Rivertown", 2017, genres=["Documentary"], credits=[Credit("Ann Lee", "director")]
            ),
            True,
            "directors agree",  # the sources disagree on the genre, not on the film
        ),
        # A concert film is a documentary to one source, music to another; a docudrama
        # that one source calls a documentary shares its drama with the other.
        (
            _film("Rivertown", 2017, genres=["Documentary"]),
            _film("Rivertown", 2017, genres=["Music"]),
            True,
            "0% of genres shared",
        ),
        (
            _film("Rivertown", 2017, genres=["Documentary", "Drama"]),
            _film("Rivertown", 2017, genres=["Drama", "War"]),
            True,
            "50% of genres shared",
        ),
        (_film("Dead Man Walking"), _film("Dead Man Walking", 1996), True, "years 1995 and 1996"),
        (_film("Heat"), _film("Heat", 1997), False, "years 1995 and 1997 are 2 apart"),
        (_film("Heat"), _film("Heat", 1986), False, None),
        (_film("Heat"), _film("Heat", None), False, "a year is unknown"),
        # Three words or more name a film well enough to match without a year.
        (_film("Generation Iron 2"), _film("Generation Iron 2", None), True, "a year is unknown"),
        (_film("Heat"), _film("Casino"), False, "no title forms agree"),
        (_film("Shekarchi"), _film("Shekarchy"), True, "titles nearly agree"),
        # Near spellings with other numbers are other parts of a series.
        (_film("Toxic Avenger 3"), _film("Toxic Avenger 2"), False, "no title forms agree"),
        (_film("Shark Night 3D"), _film("Shark Night"), True, "titles nearly agree"),
        # A subtitle alone is not enough, with a director in common it is.
        (_film("Kung Fu Panda: Secrets of the Furious Five"), _film("Kung Fu Panda"), False, None),
        (
            _film(
                "Lagaan: Once Upon a Time in India", credits=[Credit("A. Gowariker", "director")]
            ),
            _film("Lagaan", credits=[Credit("a gowariker", "director")]),
            True,
            "directors agree",
        ),
        (
            _film("Heat", credits=[Credit("Michael Mann", "director")]),
            _film("Heat", credits=[Credit("Dick Richards", "director")]),
            False,
            "directors differ",
        ),
        (_film("Heat", runtime=170), _film("Heat", runtime=101), True, "runtimes differ by 69 min"),
        (_film("Heat", runtime=170), _film("Heat", runtime=171), True, "runtimes within 1 min"),
        (_film("Heat", runtime=170), _film("Heat", runtime=160), True, "same year (1995)"),
        (_film("Heat", original_title="Heat"), _film("Heat"), True, "titles agree as 'heat'"),
        (_film("Heat", kind="tv_movie"), _film("Heat"), True, "kinds differ (tv_movie / movie)"),
        (
            _film("Heat", genres=["Crime"]),
            _film("Heat", genres=["crime"]),
            True,
            "100% of genres shared",
        ),
    ],
)
def test_same_film(a: Film, b: Film, matched: bool, reason: str | None) -> None:
    match = same_film(a, b)
    assert match.matched is matched
    assert bool(match) is matched
    assert 0.0 <= match.score <= 1.0
    if reason is not None:
        assert any(r.startswith(reason) for r in match.reasons), match.reasons


def test_a_higher_threshold_refuses_weaker_evidence() -> None:
    assert same_film(_film("Dead Man Walking"), _film("Dead Man Walking", 1996)).matched
    assert not same_film(
        _film("Dead Man Walking"), _film("Dead Man Walking", 1996), threshold=0.9
    ).matched


@given(films)
def test_a_film_is_the_same_film_as_itself(film: Film) -> None:
    # Without a year or an id a title alone cannot tell one "Heat" from another.
    match = same_film(film, film)
    assert match.matched or not title_forms(film.title) or (film.year is None and not film.ids)


@given(films, films)
def test_the_score_is_symmetric(a: Film, b: Film) -> None:
    assert same_film(a, b).score == same_film(b, a).score


def test_catalogs_pair_by_ids_titles_and_near_spellings() -> None:
    left = [
        _film("Heat", ids=ExternalIds(imdb="tt0113277")),
        _film("American President, The"),
        _film("Shekarchi", 2008),
        _film("Unknown Film Nobody Made"),
        _film("Casino", None),
    ]
    right = [
        _film("The American President"),
        _film("Heat (1995)", ids=ExternalIds(imdb="tt0113277")),
        _film("Shekarchy", 2008),
        _film("Casino"),
    ]
    matches = list(match_catalogs(left, right))
    assert [m.left for m in matches] == left
    assert [m.right.title if m.right else None for m in matches] == [
        "Heat (1995)",
        "The American President",
        "Shekarchy",
        None,
        None,  # no year: the title alone stays under the threshold
    ]
    assert matches[3].reasons == ("no candidate shares a title form or an id",)
    assert matches[4].score == 0.7


def test_catalogs_look_for_films_of_unknown_year_among_every_year() -> None:
    right = [_film("Casino", None, genres=["Crime"]), _film("Shekarchi", 2008)]
    matches = list(match_catalogs([_film("Shekarchy", None), _film("Casino", None)], right))
    # Near spellings are looked for within a year only; an unknown year has no window.
    assert matches[0].reasons == ("no candidate shares a title form or an id",)
    assert matches[1].right is None  # equal titles, no years: 0.7, under the threshold
    assert matches[1].score == 0.7


def test_catalogs_report_ties_and_never_guess() -> None:
    remakes = [_film("Heat", runtime=101), _film("Heat", runtime=170)]
    (match,) = match_catalogs([_film("Heat")], remakes)
    assert match == Match(match.left, None, match.score, False, match.reasons, ties=tuple(remakes))
    # Two partners whose ids both agree are a tie too (a catalog that lists a film twice).
    twice = [_film("Heat", ids=ExternalIds(imdb="tt0113277"))] * 2
    (match,) = match_catalogs([_film("Heat", ids=ExternalIds(imdb="tt0113277"))], twice)
    assert match.ties == tuple(twice)
    assert not match


def test_catalogs_never_pair_conflicting_ids() -> None:
    left = [_film("Heat", ids=ExternalIds(imdb="tt0113277"))]
    right = [_film("Heat", ids=ExternalIds(imdb="tt0094357"))]
    (match,) = match_catalogs(left, right)
    assert match.right is None
    assert match.reasons == ("no candidate shares a title form or an id",)


def test_catalogs_weigh_beyond_a_full_score() -> None:
    # Both reach 1 with the genres; the article both write still tells them apart.
    right = [_film("Hero", genres=["Drama"]), _film("The Hero", genres=["Comedy", "Drama"])]
    (match,) = match_catalogs([_film("Hero, The", genres=["Drama"])], right)
    assert match.right is right[1]
    assert match.score == 1.0


def test_catalogs_weigh_a_films_other_titles_less() -> None:
    # "Quest" is one film's title and only a regional title of the other.
    right = [
        _film("Tawai: A Voice from the Forest", titles=[Title("Quest", region="GB")]),
        _film("Quest"),
    ]
    (match,) = match_catalogs([_film("Quest")], right)
    assert match.right is right[1]
    (match,) = match_catalogs([_film("Quest", None)], [*right[:1], _film("Tawai")])
    assert match.right is None


def test_catalogs_tell_namesakes_a_year_apart_by_their_genres() -> None:
    # Two films of one word a year away: the one whose genres are the same is the partner,
    # the one that shares two of three is not (it was a tie before the one-word rule).
    right = [
        _film("The Ring", 2017, genres=["Drama", "Horror", "Thriller"]),
        _film("The Ring", 2017, genres=["Drama", "Sci-Fi", "Thriller"]),
    ]
    (match,) = match_catalogs(
        [_film("Ring, The", 2016, genres=["Drama", "Science Fiction", "Thriller"])], right
    )
    assert match.right is right[1]
    assert match.score == 0.75
    # Without the film of the right genres, the other is not taken for it.
    (match,) = match_catalogs([match.left], right[:1])
    assert match.right is None
    assert "a one-word title a year apart needs" in " ".join(match.reasons)


def test_catalogs_prefer_the_closer_year() -> None:
    right = [_film("Heat", 1986), _film("Heat", 1995), _film("Heat", 1996)]
    (match,) = match_catalogs([_film("Heat")], right)
    assert match.right is right[1]


def test_merge_refuses_films_that_do_not_match() -> None:
    backstage = Film("Backstage", release_date=2000, kind=FilmKind.TV_MOVIE)
    with pytest.raises(ValidationError) as info:
        merge_films(
            backstage, Film("Backstage", release_date=2000), Film("Heat", release_date=1995)
        )
    assert [path for path, _ in info.value.errors] == ["films[2]"]
    assert "force=True" in str(info.value)
    assert merge_films(backstage, Film("Heat", release_date=1995), force=True).title == "Backstage"
    # A film without a year says little, but nothing against: it is merged.
    assert merge_films(backstage, Film("Backstage")).year == 2000


def test_merge_still_type_checks() -> None:
    with pytest.raises(TypeError, match="argument 2 is"):
        merge_films(Film("X"), "X")  # type: ignore[arg-type]


def _bench() -> Any:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        import bench_match
    finally:
        sys.path.pop(0)
    return bench_match


@pytest.fixture(scope="module")
def movielens() -> tuple[list[Film], list[str | None]]:
    films: tuple[list[Film], list[str | None]] = _bench().movielens()
    return films


@pytest.mark.skipif(not conftest.CORPUS.is_dir(), reason=conftest.NO_CORPUS)
def test_the_labelled_benchmark_on_a_slice(movielens: tuple[list[Film], list[str]]) -> None:
    """MovieLens against the OMDb table, ids hidden, on the first 1,500 MovieLens films."""
    bench_match = _bench()
    left, left_ids = movielens
    right, right_ids = bench_match.omdb_table()
    found = bench_match.score(left[:1500], left_ids[:1500], right, right_ids)
    assert found.recall >= 0.98
    assert found.precision >= 0.995


@pytest.mark.skipif(not conftest.CORPUS.is_dir(), reason=conftest.NO_CORPUS)
def test_the_other_labelled_sets_on_a_slice(movielens: tuple[list[Film], list[str]]) -> None:
    """The pairs the benchmark does not contain: MovieLens films of 2016 to 2018 against
    the corpus' IMDb datasets, and one user's IMDb exports against MovieLens."""
    bench_match = _bench()
    left, left_ids = movielens
    recent = [i for i, film in enumerate(left) if film.year in (2016, 2017, 2018)]
    tsv, tsv_ids = bench_match.imdb_tsv()
    found = bench_match.score(
        [left[i] for i in recent], [left_ids[i] for i in recent], tsv, tsv_ids
    )
    # 119 of the 130 pairs of bench_match.py's second set (one pair is 0.8 points); the
    # target, within a point of the benchmark's, allows one wrong pair.
    assert found.both > 100
    assert found.recall >= 0.97
    assert found.precision >= 0.985
    exports, export_ids = bench_match.imdb_exports()
    found = bench_match.score(exports[:300], export_ids[:300], left, left_ids)
    assert found.recall >= 0.98
    assert found.precision >= 0.99
