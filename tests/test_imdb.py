"""formats.imdb: IMDb's non-commercial datasets (TSV) into films, Arrow and Parquet."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import re
import shutil
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import (
    Credit,
    Film,
    FilmKind,
    FilmmetaWarning,
    Rating,
    Title,
    ValidationError,
    canonical_genres,
)
from filmmeta.formats import imdb
from filmmeta.frames import arrow_schema, from_arrow, read_parquet

from .conftest import CORPUS, FIXTURES, NO_CORPUS

pa = pytest.importorskip("pyarrow")

HERE = FIXTURES / "imdb"
SET = HERE / "set"
N = "\\N"
BASICS = (
    "tconst titleType primaryTitle originalTitle isAdult startYear endYear runtimeMinutes genres"
)
HEADERS = {
    "title.basics": BASICS,
    "title.ratings": "tconst averageRating numVotes",
    "title.akas": "titleId ordering title region language types attributes isOriginalTitle",
    "title.crew": "tconst directors writers",
    "title.principals": "tconst ordering nconst category job characters",
    "name.basics": "nconst primaryName birthYear deathYear primaryProfession knownForTitles",
}
MOVIE = f"tt0000009\tmovie\tMiss Jerry\tMiss Jerry\t0\t1894\t{N}\t45\tRomance"


def quiet(source: Any, **options: Any) -> list[Film]:
    """The films of *source*, with the warnings caught (the tests of warnings check them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        return list(imdb.read_films(source, **options))


def write(folder: Path, name: str, *rows: str, header: bool = True) -> Path:
    """Write one dataset file: its header (IMDb's, from the dataset's name) and *rows*."""
    dataset = name.removesuffix(".gz").removesuffix(".tsv").rsplit("_", 1)[-1]
    lines = [HEADERS[dataset].replace(" ", "\t")] if header else []
    path = folder / name
    path.write_text("\n".join([*lines, *rows]) + "\n", encoding="utf-8")
    return path


def test_read_films_gives_the_vocabularys_genre_names(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE.replace("\tRomance", "\tSci-Fi,Film-Noir,Hip-Hop"))
    (film,) = imdb.read_films(tmp_path)
    assert film.genres == canonical_genres(["Sci-Fi", "Film-Noir", "Hip-Hop"])
    assert film.genres == ("Science Fiction", "Film Noir", "Hip-Hop")
    (film,) = imdb.read_films(tmp_path, genres="source")
    assert film.genres == ("Sci-Fi", "Film-Noir", "Hip-Hop")
    with pytest.raises(ValidationError, match="genres: 'Source' is not"):
        next(imdb.read_films(tmp_path, genres="Source"))  # type: ignore[arg-type]


# -- the fixture set: every quirk of the datasets in a few rows ---------------------------


def test_fixture_set() -> None:
    with pytest.warns(FilmmetaWarning) as caught:
        films = list(imdb.read_films(SET))
    assert [(f.ids.imdb, f.kind, f.title, f.year) for f in films] == [
        ("tt0000001", FilmKind.SHORT, "Carmencita", 1894),
        ("tt0206000", FilmKind.TV_MOVIE, "Backstage", 2000),
        ("tt0245429", FilmKind.MOVIE, "Spirited Away", 2001),
        ("tt4135342", FilmKind.MOVIE, 'STAR [Space "Traveling" Alien Reject]', 2017),
        ("tt28642224", FilmKind.MOVIE, "Larry Mahoney", None),
        ("tt0000036", FilmKind.SHORT, "Awakening of Rip", 1896),
        ("tt1190072", FilmKind.VIDEO, "The Hunter", 2010),
        ("tt7000001", FilmKind.TV_SPECIAL, "A Special", 2019),
    ]
    carmencita, backstage, spirited, star, larry, rip, hunter, special = films
    assert carmencita.genres == ("Documentary", "Short")
    assert carmencita.runtime == dt.timedelta(minutes=1)
    assert backstage.ratings == (Rating("imdb", 5.7, votes=347),)
    assert backstage.credits == (
        Credit("Chris Fiore", "director"),
        Credit("Archive Person", "archive_footage"),
    )
    assert spirited.original_title == "Sen to Chihiro no kamikakushi"
    assert spirited.runtime == dt.timedelta(minutes=125)
    assert spirited.credits == (
        Credit("Hayao Miyazaki", "director"),
        Credit("Hayao Miyazaki", "writer"),
        Credit("Rumi Hiiragi", "actor", character="Chihiro Ogino"),
        Credit("Miyu Irino", "actor", character="Haku / Kohaku River"),
        Credit("Narrator Person", "self", character='Herself - "Narrator"'),
        Credit("Joe Hisaishi", "composer"),
    )
    assert spirited.titles == (
        Title("Sen to Chihiro no kamikakushi", kind="original"),
        Title("Spirited Away", language="en", kind="display"),
        Title("Spirited Away", region="US", kind="display"),
        Title("Le voyage de Chihiro", region="FR", kind="display"),
        Title(
            "Chihiros Reise ins Zauberland",
            note="literal title; informal title; IMDb region XEU; IMDb language qbn; "
            "IMDb types alternative, dvd",
        ),
        Title("Sen to Chihiro", region="XK", note="IMDb type premiere"),
    )
    assert spirited.title_for(region="FR") == "Le voyage de Chihiro"
    # A rating of 0.0 (outside IMDb's scale), runtime 0 and an empty genre are reported.
    assert (star.ratings, star.runtime, star.genres) == ((), None, ("Action", "Comedy"))
    assert star.credits == (Credit("Fred Astaire", "writer"), Credit("Hayao Miyazaki", "writer"))
    assert (larry.release_date, larry.runtime, larry.genres) == (None, None, ())
    assert rip.original_title is None  # the original title stands in for a blank one
    assert hunter.ratings == (Rating("imdb", 6),)
    assert hunter.original_title == "Shekarchi"
    assert special.genres == ("Music", "Comedy")
    assert sorted(str(w.message).split(" (")[0] for w in caught) == [
        "1 credit(s) left out: their people are not named in name.basics",
        "title.akas: 1 blank title(s) left out",
        "title.akas: 1 language code(s) that are not ISO read as titles without a language, "
        "the code in the note",
        "title.akas: 1 region code(s) that are not ISO read as titles without a region, "
        "the code in the note",
        "title.akas: 1 title type(s) that filmmeta does not know read as alternative titles, "
        "the type in the note",
        "title.basics: 1 empty genre(s) left out",
        "title.basics: 1 runtime(s) of 0 minutes read as unknown",
        "title.principals: 1 credit(s) left out: their category is not a role",
        "title.ratings: 1 rating(s) outside IMDb's 1 to 10 left out",
    ]
    assert "('nm9999999' 1)" in str(caught[-3].message) or any(
        "'nm9999999' 1" in str(w.message) for w in caught
    )


def test_table_and_films_agree(tmp_path: Path) -> None:
    films = quiet(SET)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        table = imdb.to_arrow(SET)
        count = imdb.write_parquet(SET, tmp_path / "films.parquet")
    assert table.schema.equals(arrow_schema(), check_metadata=True)
    assert count == table.num_rows == len(films)
    assert from_arrow(table) == films
    assert list(read_parquet(tmp_path / "films.parquet")) == films


def test_gzip_and_files_named_otherwise(tmp_path: Path) -> None:
    for path in SET.iterdir():
        with path.open("rb") as plain, gzip.open(tmp_path / f"{path.name}.gz", "wb") as packed:
            shutil.copyfileobj(plain, packed)
    assert quiet(tmp_path) == quiet(SET)
    # Files whose names say nothing are known by their headers.
    other = tmp_path / "other"
    other.mkdir()
    for i, path in enumerate(sorted(SET.iterdir())):
        shutil.copy(path, other / f"file{i}.txt")
    assert quiet(sorted(other.iterdir())) == quiet(SET)


def test_a_folder_reads_only_the_datasets(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE)
    (tmp_path / "README.md").write_text("not a dataset\n", encoding="utf-8")
    (tmp_path / "notes.tsv").write_text("x\ty\n", encoding="utf-8")
    assert [f.title for f in imdb.read_films(tmp_path)] == ["Miss Jerry"]


def test_parts_in_blocks(tmp_path: Path) -> None:
    parts = sorted(HERE.glob("parts/part-*"))
    films = quiet([*parts, HERE / "parts" / "title.ratings.tsv"], block_size=256, batch_size=2)
    by_set = quiet([SET / "title.basics.tsv", SET / "title.ratings.tsv"])
    assert films == by_set
    assert len(films) == 8
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        sizes = [len(b) for b in imdb.record_batches(parts, block_size=256, batch_size=2)]
    assert sizes == [2, 1, 4, 1]


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["tvSpecial"], ["tt7000001"]),
        ("video", ["tt1190072"]),
        (("short", "short"), ["tt0000001", "tt0000036"]),
        (["tvShort", "tvMovie"], ["tt0206000"]),
    ],
)
def test_title_types(types: Any, expected: list[str]) -> None:
    assert [f.ids.imdb for f in quiet(SET, title_types=types)] == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"title_types": ["tvSeries"]}, "not 'tvSeries'"),
        ({"title_types": []}, "not none"),
        ({"block_size": 0}, "a block size must be a positive integer, not 0"),
        ({"block_size": 1.5}, "not 1.5"),
        ({"batch_size": -1}, "a batch size must be a positive integer, not -1"),
    ],
)
def test_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        imdb.read_films(SET, **options)


def test_tv_short_is_a_short(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE.replace("movie", "tvShort"))
    (film,) = imdb.read_films(tmp_path, title_types=["tvShort"])
    assert film.kind == FilmKind.SHORT


# -- values the model refuses: mapped by a rule, or left out and counted ------------------

_BAD_BASICS = [
    # row, the field, its value, the warning (None: none)
    (MOVIE.replace("Miss Jerry\tMiss Jerry", "Miss Jerry\t "), "original_title", None, "blank"),
    (MOVIE.replace("\t1894\t", "\t0000\t"), "release_date", None, "startYear 0000"),
    (MOVIE.replace("\t45\t", "\t0\t"), "runtime", None, "runtime(s) of 0"),
    (MOVIE.replace("Romance", ",Romance,"), "genres", ("Romance",), "2 empty genre(s)"),
    (MOVIE.replace("Romance", f"{N}"), "genres", (), None),
    (
        MOVIE.replace("Miss Jerry\tMiss Jerry", "Miss Jerry\tFräulein"),
        "original_title",
        "Fräulein",
        None,
    ),
    (MOVIE.replace("\t45\t", f"\t{N}\t"), "runtime", None, None),
]


@pytest.mark.parametrize(("row", "field", "value", "warning"), _BAD_BASICS)
def test_values_the_model_refuses(
    tmp_path: Path, row: str, field: str, value: Any, warning: str | None
) -> None:
    write(tmp_path, "title.basics.tsv", row)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (film,) = imdb.read_films(tmp_path)
    assert getattr(film, field) == value
    assert [str(w.message) for w in caught if warning and warning in str(w.message)] != [] or (
        warning is None and caught == []
    )


def test_no_title_at_all(tmp_path: Path) -> None:
    blank = MOVIE.replace("Miss Jerry\tMiss Jerry", " \t\u3000").replace("09", "10")
    write(tmp_path, "title.basics.tsv", blank, MOVIE)
    with pytest.warns(FilmmetaWarning, match=r"1 title\(s\) without a title left out"):
        films = list(imdb.read_films(tmp_path))
    assert len(films) == 1


def test_report_shows_five_values(tmp_path: Path) -> None:
    rows = [MOVIE.replace("tt0000009", f"tt000001{i}").replace("\t45\t", "\t0\t") for i in range(7)]
    write(tmp_path, "title.basics.tsv", *rows)
    with pytest.warns(FilmmetaWarning, match=r"7 runtime\(s\) .*'tt0000014' 1, \.\.\.\)$"):
        list(imdb.read_films(tmp_path))


# -- files that are not IMDb's, and bad values: refused with the file and line ------------

_BASICS_ERRORS = [
    (MOVIE.replace("tt0000009", "tt123"), "line 2: tconst: 'tt123' is not an IMDb id"),
    (MOVIE.replace("tt0000009", N), "line 2: tconst: '\\\\N' is not an IMDb id"),
    (MOVIE.replace("1894", "94"), "line 2: startYear: '94' is not a year"),
    (MOVIE.replace("\t45\t", "\t1h\t"), "line 2: runtimeMinutes: '1h' is not minutes"),
    (MOVIE + "\textra", "line 2: $: has 10 field(s), the header 9"),
    (f"\n{MOVIE[:-1]}\tx", "line 3: $: has 10 field(s), the header 9"),
    (f"\n\n{MOVIE.replace('94', '9')}", "line 4: startYear: '189' is not a year"),
]


@pytest.mark.parametrize(("row", "error"), _BASICS_ERRORS)
def test_bad_basics(tmp_path: Path, row: str, error: str) -> None:
    write(tmp_path, "title.basics.tsv", row, MOVIE.replace("tt0000009", "tt0000010"))
    with pytest.raises(ValidationError, match=f"^title.basics.tsv, {re.escape(error)}"):
        list(imdb.read_films(tmp_path))


def test_errors_in_later_blocks(tmp_path: Path) -> None:
    rows = [MOVIE.replace("tt0000009", f"tt{i:07}") for i in range(10, 40)]
    path = write(tmp_path, "title.basics.tsv", *rows)
    # The last line, without a line end, has a field too many.
    path.write_bytes(path.read_bytes() + MOVIE.replace("09", "99").encode() + b"\tx")
    with pytest.raises(ValidationError, match=r"^title.basics.tsv, line 32: \$: has 10 field"):
        list(imdb.read_films(tmp_path, block_size=256))


def test_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "title.basics.tsv", MOVIE, MOVIE.replace("tt0000009", "tt0000010"))
    path.write_bytes(path.read_bytes().replace(b"Miss", b"M\xe9ss", 1))
    with pytest.raises(ValidationError, match=r"line 2: \$: is not UTF-8 text \(byte 18\)"):
        list(imdb.read_films(tmp_path))


def test_broken_gzip(tmp_path: Path) -> None:
    packed = gzip.compress(("\t".join(BASICS.split()) + "\n" + MOVIE + "\n").encode() * 50)
    (tmp_path / "title.basics.tsv.gz").write_bytes(packed[: len(packed) // 2])
    with pytest.raises(ValidationError, match=r"^title.basics.tsv.gz: \$: cannot be read"):
        list(imdb.read_films(tmp_path))
    rows = "".join(MOVIE.replace("tt0000009", f"tt{i:07}") + "\n" for i in range(10, 30_000))
    packed = gzip.compress(("\t".join(BASICS.split()) + "\n" + rows).encode())
    (tmp_path / "title.basics.tsv.gz").write_bytes(packed[: len(packed) // 2])
    with pytest.raises(ValidationError, match=r"^title.basics.tsv.gz: \$: cannot be read"):
        list(imdb.read_films(tmp_path))
    (tmp_path / "title.basics.tsv.gz").write_bytes(b"\x1f\x8b" + b"\0" * 40)
    with pytest.raises(ValidationError, match="cannot be read"):
        list(imdb.read_films(tmp_path))


_OTHER_ERRORS = [
    ("title.ratings.tsv", "tt0000009\t7,5\t10", "line 2: averageRating: '7,5' is not a rating"),
    ("title.ratings.tsv", "tt0000009\t7.5\t1e3", "numVotes: '1e3' is not a number of votes"),
    (
        "title.ratings.tsv",
        "tt0000009\t7.5\t3\ntt0000009\t7.1\t3",
        "'tt0000009' is in title.ratings 2 times",
    ),
    (
        "title.akas.tsv",
        f"tt0000009\tone\tJerry\tUS\t{N}\t{N}\t{N}\t0",
        "ordering: 'one' is not a number",
    ),
    (
        "title.akas.tsv",
        f"tt0000009\t1\tJerry\tUS\t{N}\t{N}\t{N}\t2",
        "isOriginalTitle: '2' is not 0 or 1",
    ),
    ("title.crew.tsv", f"tt0000009\tnm1;nm2\t{N}", "directors: 'nm1;nm2' is not nconsts joined"),
    ("title.crew.tsv", f"tt0000009\t{N}\t{N}\ntt0000009\t{N}\t{N}", "in title.crew 2 times"),
    (
        "title.principals.tsv",
        f"tt0000009\t1\tnm1\tactor\t{N}\t[Jerry]",
        "characters: '\\[Jerry\\]' is not a JSON list",
    ),
    (
        "title.principals.tsv",
        f'tt0000009\t1\tnm1\tactor\t{N}\t{{"a": 1}}',
        "is not a JSON list of names",
    ),
    ("title.principals.tsv", f"tt0000009\t1\tx1\tactor\t{N}\t{N}", "nconst: 'x1' is not an nconst"),
]


@pytest.mark.parametrize(("name", "rows", "error"), _OTHER_ERRORS)
def test_bad_other_files(tmp_path: Path, name: str, rows: str, error: str) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE)
    write(tmp_path, name, rows)
    with pytest.raises(ValidationError, match=f"^{name}.*{error}"):
        list(imdb.read_films(tmp_path))


def test_repeated_titles_and_people(tmp_path: Path) -> None:
    write(tmp_path, "a_title.basics.tsv", MOVIE)
    write(tmp_path, "b_title.basics.tsv", MOVIE)
    with pytest.raises(
        ValidationError,
        match=r"^a_title.basics.tsv, b_title.basics.tsv: tconst: 'tt0000009' is in "
        r"title.basics 2 times",
    ):
        imdb.to_arrow(tmp_path)
    (tmp_path / "b_title.basics.tsv").unlink()
    write(tmp_path, "title.crew.tsv", f"tt0000009\tnm1\t{N}")
    write(tmp_path, "name.basics.tsv", "nm1\tA\t\\N\t\\N\t\\N\t\\N", "nm1\tB\t\\N\t\\N\t\\N\t\\N")
    with pytest.raises(ValidationError, match=r"'nm1' is in name.basics 2 times"):
        imdb.to_arrow(tmp_path)


def test_files_that_are_not_imdbs(tmp_path: Path) -> None:
    semicolons = tmp_path / "name.basics.tsv"
    semicolons.write_text("nm0000001;Fred Astaire;1899;;\n", encoding="utf-8")
    with pytest.raises(
        ValidationError,
        match=r"^name.basics.tsv, line 1: \$: not IMDb's name.basics: no column nconst, "
        r"primaryName \(IMDb's files are tab-separated with a header line; line 1 is "
        r"'nm0000001;Fred Astaire;1899;;'\)$",
    ):
        imdb.read_films(tmp_path)
    semicolons.unlink()
    other = tmp_path / "films.csv"
    other.write_text("title,year\nX,2000\n", encoding="utf-8")
    with pytest.raises(
        ValidationError, match=r"^films.csv, line 1: \$: not one of IMDb's datasets"
    ):
        imdb.read_films([other])
    empty = tmp_path / "title.basics.tsv"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="no column tconst, titleType"):
        imdb.read_films(empty)
    with pytest.raises(ValidationError, match=r"^\$: no title.basics file in "):
        imdb.read_films([SET / "title.ratings.tsv"])
    with pytest.raises(ValidationError, match=r"no title.basics file in nothing"):
        imdb.read_films([])
    with pytest.raises(FileNotFoundError):
        imdb.read_films(tmp_path / "missing.tsv")


# -- the join's edges ---------------------------------------------------------------------


def test_principals_without_crew_and_names_without_people(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE)
    write(
        tmp_path,
        "title.principals.tsv",
        f'tt0000009\t2\tnm2\tactress\t{N}\t["Jerry"]',
        f"tt0000009\t1\tnm1\tdirector\t{N}\t{N}",
        f'tt0000009\t3\tnm3\tactor\t{N}\t["A\\\\B","\\u00e9"]',
        f'tt0000009\t4\tnm1\tactor\t{N}\t[" "]',
    )
    write(
        tmp_path,
        "name.basics.tsv",
        f"nm1\tBlanche Bayliss\t{N}\t{N}\t{N}\t{N}",
        f"nm2\t \t{N}\t{N}\t{N}\t{N}",
        f"nm3\tWilliam Courtenay\t{N}\t{N}\t{N}\t{N}",
    )
    with pytest.warns(FilmmetaWarning, match=r"1 credit\(s\) left out: .* \('nm2' 1\)"):
        (film,) = imdb.read_films(tmp_path)
    assert film.credits == (
        Credit("Blanche Bayliss", "director"),
        Credit("William Courtenay", "actor", character="A\\B / é"),
        Credit("Blanche Bayliss", "actor"),
    )


def test_characters_in_plain_json(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE)
    write(tmp_path, "title.principals.tsv", f'tt0000009\t1\tnm1\tself\t{N}\t["Self","Host"]')
    write(tmp_path, "name.basics.tsv", f"nm1\tA\t{N}\t{N}\t{N}\t{N}")
    (film,) = imdb.read_films(tmp_path)
    assert film.credits == (Credit("A", "self", character="Self / Host"),)


def test_credits_without_name_basics(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE)
    write(tmp_path, "title.crew.tsv", "tt0000009\tnm1,nm2\tnm1")
    with pytest.warns(FilmmetaWarning, match=r"3 credit\(s\) left out: .*\('nm1' 2, 'nm2' 1\)"):
        (film,) = imdb.read_films(tmp_path)
    assert film.credits == ()


def test_other_files_without_selected_titles(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE)
    for name in ("title.ratings", "title.akas", "title.crew", "title.principals"):
        write(tmp_path, f"{name}.tsv")
    write(tmp_path, "title.ratings.tsv", "tt9999999\t5.0\t3")
    (film,) = imdb.read_films(tmp_path)
    assert (film.ratings, film.titles, film.credits) == ((), (), ())


def test_no_selected_titles(tmp_path: Path) -> None:
    write(tmp_path, "title.basics.tsv", MOVIE.replace("movie", "tvEpisode"))
    assert imdb.to_arrow(tmp_path).num_rows == 0
    assert imdb.write_parquet(tmp_path, tmp_path / "none.parquet") == 0
    assert list(read_parquet(tmp_path / "none.parquet")) == []


def test_without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    for function in (imdb.read_films, imdb.to_arrow, imdb.record_batches):
        with pytest.raises(ImportError, match=r"pip install 'filmmeta\[arrow\]'"):
            function(SET)
    with pytest.raises(ImportError, match=r"imdb.write_parquet needs pyarrow"):
        imdb.write_parquet(SET, "x.parquet")


@given(st.characters(codec="utf-8"))
def test_blank_is_pythons_isspace(char: str) -> None:
    from filmmeta.formats._imdb_columns import is_text

    assert is_text(pa.array([char * 2])).to_pylist() == [not char.isspace()]


# -- other engines read the Parquet -------------------------------------------------------


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imdb") / "films.parquet"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        imdb.write_parquet(SET, path)
    return path


def test_duckdb_reads_it(parquet: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    rows = duckdb.sql(
        f"SELECT ids.imdb, title, ratings[1].value, len(titles) FROM '{parquet}' "
        "WHERE kind = 'movie' ORDER BY ids.imdb"
    ).fetchall()
    assert rows[0] == ("tt0245429", "Spirited Away", 8.6, 6)
    assert len(rows) == 3


def test_polars_reads_it(parquet: Path) -> None:
    pl = pytest.importorskip("polars", reason="polars is not installed")
    frame = pl.read_parquet(parquet)
    assert frame.height == 8
    spirited = frame.filter(pl.col("title") == "Spirited Away")
    assert spirited["credits"].list.len().to_list() == [6]
    assert spirited["runtime"].to_list() == [dt.timedelta(minutes=125)]


# -- the corpus: the values the rows hold -------------------------------------------------

IMDB_TSV = CORPUS / "imdb-tsv"
_SETS = [
    "Kashery_python-data-engineer-intern-recruitment-test",
    "MPMarshall1_DirectorProfile",
    "MichalWozniczka_movieDB",
]


def _corpus_set(prefix: str) -> list[Path]:
    if not IMDB_TSV.is_dir():
        pytest.skip(NO_CORPUS)
    return sorted(IMDB_TSV.glob(f"{prefix}_*"))


def _rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


@functools.cache
def _corpus_table(prefix: str) -> Any:
    """One read of a corpus set as a table (films are built from it: tested above)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = imdb.to_arrow(_corpus_set(prefix))
    return table, [str(w.message) for w in caught]


@pytest.mark.parametrize("prefix", _SETS)
def test_corpus_sets(prefix: str) -> None:
    files = _corpus_set(prefix)
    rows = (
        _corpus_table(prefix)[0]
        .select(["ids", "title", "release_date", "runtime", "genres", "ratings"])
        .to_pylist()
    )
    basics = [
        r
        for r in _rows(next(p for p in files if "title.basics" in p.name))
        if r["titleType"] in imdb.FILM_TYPES
    ]
    assert [f["ids"]["imdb"] for f in rows] == [r["tconst"] for r in basics]
    assert [f["title"] for f in rows] == [r["primaryTitle"] for r in basics]
    assert [f["release_date"] for f in rows] == [
        None if r["startYear"] == N else r["startYear"] for r in basics
    ]
    assert [tuple(f["genres"]) for f in rows] == [
        () if r["genres"] == N else tuple(r["genres"].split(",")) for r in basics
    ]
    minutes = [
        None if r["runtimeMinutes"] in (N, "0") else int(r["runtimeMinutes"]) for r in basics
    ]
    assert [f["runtime"] and f["runtime"] // dt.timedelta(minutes=1) for f in rows] == minutes
    ratings = {r["tconst"]: r for r in _rows(next(p for p in files if "title.ratings" in p.name))}
    assert [f["ratings"] for f in rows] == [
        [
            {
                "source": "imdb",
                "value": float(ratings[r["tconst"]]["averageRating"]),
                "votes": int(ratings[r["tconst"]]["numVotes"]),
                "best": 10.0,
                "worst": 1.0,
            }
        ]
        if r["tconst"] in ratings
        else []
        for r in basics
    ]
    # The films of the first rows, as objects, say the same.
    films = from_arrow(_corpus_table(prefix)[0].slice(0, 20))
    assert [f.ids.imdb for f in films] == [r["tconst"] for r in basics[:20]]


def test_corpus_directors() -> None:
    files = _corpus_set("MPMarshall1_DirectorProfile")
    with pytest.warns(FilmmetaWarning, match=r"credit\(s\) left out: their people are not named"):
        films = {f.ids.imdb: f for f in imdb.read_films(files)}
    dark_knight = films["tt0468569"]
    assert (dark_knight.title, dark_knight.rating("imdb")) == (
        "The Dark Knight",
        Rating("imdb", 9.0, votes=2991391),
    )
    assert dark_knight.credits == (
        Credit("Christopher Nolan", "director"),
        Credit("Christopher Nolan", "writer"),
    )
    assert films["tt28642224"].credits == (Credit("Christopher Nolan", "director"),)


def test_corpus_akas() -> None:
    files = _corpus_set("MichalWozniczka_movieDB")
    table, caught = _corpus_table("MichalWozniczka_movieDB")
    assert caught == [
        "title.akas: 60 region code(s) that are not ISO read as titles without a region, "
        "the code in the note ('XEU' 51, 'XAS' 5, 'XSA' 2, 'CSXX' 1, 'XKO' 1)",
        "title.akas: 2 language code(s) that are not ISO read as titles without a language, "
        "the code in the note ('qal' 1, 'qbn' 1)",
    ]
    akas = list(_rows(next(p for p in files if "akas" in p.name)))
    assert pa.compute.sum(pa.compute.list_value_length(table["titles"])).as_py() == len(akas)
    ids = pa.compute.struct_field(table["ids"], "imdb")
    (film,) = from_arrow(table.filter(pa.compute.equal(ids, "tt0100275")))
    assert film.titles == (
        Title("La Telenovela Errante", kind="original"),
        Title("The Wandering Soap Opera", language="en", kind="display"),
        Title("La Telenovela Errante", region="CL"),
        Title("La novela errante", region="CL", note="informal alternative title"),
    )


def test_corpus_episodes_and_a_file_not_in_imdbs_format() -> None:
    files = sorted(p for p in _corpus_set("qoparu_movies_sql") if "name.basics" not in p.name)
    assert quiet(files) == []  # every title is a tvEpisode
    assert len(quiet(files, title_types=["movie", "short"])) == 0
    with pytest.raises(
        ValidationError,
        match=r"qoparu_movies_sql_name.basics.tsv, line 1: .*not IMDb's name.basics: "
        r"no column nconst, primaryName",
    ):
        imdb.read_films(IMDB_TSV / "qoparu_movies_sql_name.basics.tsv")


def test_an_error_not_found_on_any_line() -> None:
    from filmmeta.formats._imdb_files import DataFile, _locate

    file = DataFile(str(SET / "title.ratings.tsv"), "title.ratings")
    error = _locate(file, OSError("disk on fire"))
    assert str(error) == "title.ratings.tsv: $: cannot be read: disk on fire"


@pytest.mark.parametrize(
    "extra",
    [[], ["tt1234567890"], ["tt300000000"]],
    ids=["bitmap", "ten-digit id: hashed", "past the bitmap's range: hashed"],
)
def test_members_is_is_in(extra: list[str]) -> None:
    from filmmeta.formats._imdb_columns import Members

    ids = pa.array([f"tt{n * 3:07}" for n in range(10_000)] + extra + [None])
    members = Members(ids, "tt")
    near = ["tt0000000", "tt0000003", "tt0000004", "tt0029997", "tt0030000", "tt99999999"]
    values = pa.array([*near, "tt1234567890", "tt300000000", "nm0000003", "x", "", None])
    expected = pa.compute.is_in(values, value_set=ids, skip_nulls=True)
    assert members(values).to_pylist() == expected.to_pylist()
    assert (members._bits is None) == bool(extra)
