from __future__ import annotations

import datetime as dt
import decimal
import gc
import io
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Offer,
    Rating,
    ValidationError,
    dump_jsonl,
    frames,
    load_jsonl,
)
from filmmeta.frames import (
    arrow_schema,
    from_arrow,
    read_jsonl_partitions,
    read_parquet,
    to_arrow,
    to_dataframe,
    to_records,
    write_parquet,
)

from .strategies import films

FIXTURES = Path(__file__).parent / "fixtures"

BACKSTAGE = Film(
    "Backstage",
    kind="tv_movie",
    release_date="2000",
    runtime=86,
    content_ratings=[
        ContentRating("R", country="US", reason="for language"),
        ContentRating("15", country="GB"),
    ],
    genres=["Documentary", "Music"],
    languages=["en"],
    countries=["US"],
    summary="Hip-hop on tour.",
    credits=[Credit("Chris Fiore", "director")],
    ratings=[Rating("metacritic", 29), Rating("imdb", 5.7, votes=347)],
    offers=[
        Offer("Apple TV", "rent", region="US", price="3.99", currency="USD", quality="hd"),
        Offer("Apple TV", "buy", region="US", price="9.990", currency="USD"),
        Offer("Vudu", "rent", region="US", url="https://example.com/watch?id=1"),
    ],
    ids=ExternalIds(imdb="tt0250262", tmdb=20689, wikidata="Q4839471"),
    original_title="Backstage: A Hard Knock Life",
)
HEAT = Film(
    "Heat",
    release_date="1995-12-15",
    runtime=dt.timedelta(minutes=170, seconds=30),
    ratings=[Rating("imdb", 8.3, votes=700_000), Rating("my_site", 4, best=5)],
)
CATALOG = [BACKSTAGE, HEAT, Film("Untitled")]


@pytest.fixture
def pd() -> Any:
    return pytest.importorskip("pandas")


@pytest.fixture
def pa() -> Any:
    return pytest.importorskip("pyarrow")


# -- to_records ---------------------------------------------------------------------------


def test_records_have_the_same_keys_in_a_documented_order() -> None:
    records = to_records(CATALOG)
    assert [list(r) for r in records] == [list(records[0])] * 3
    assert list(records[0]) == [
        *("title", "original_title", "kind", "year", "release_date", "runtime_minutes"),
        *("content_rating", "genres", "languages", "countries"),
        # Known sources in the registry's order, then the others by name.
        *("imdb_rating", "imdb_votes", "metacritic_rating", "metacritic_votes"),
        *("my_site_rating", "my_site_votes"),
        *("offers_subscription", "offers_rent", "offers_buy", "offers_free", "offers_ads"),
        "offers_cinema",
        *("imdb_id", "tmdb_id", "wikidata_id", "letterboxd_id", "rotten_tomatoes_id"),
        *("metacritic_id", "justwatch_id"),
        # Model 2's parts (0.2.0), after the columns of 0.1.0.
        *("tagline", "collection", "budget", "budget_currency", "box_office_worldwide"),
        *("box_office_currency", "keywords", "title_count", "release_count", "award_count"),
        "poster_url",
    ]


def test_record_values() -> None:
    backstage, heat, untitled = to_records(iter(CATALOG))
    assert backstage == {
        "title": "Backstage",
        "original_title": "Backstage: A Hard Knock Life",
        "kind": "tv_movie",
        "year": 2000,
        "release_date": "2000",
        "runtime_minutes": 86,
        "content_rating": "R",
        "genres": ["Documentary", "Music"],
        "languages": ["en"],
        "countries": ["US"],
        "imdb_rating": 5.7,
        "imdb_votes": 347,
        "metacritic_rating": 29,
        "metacritic_votes": None,
        "my_site_rating": None,
        "my_site_votes": None,
        "offers_subscription": 0,
        "offers_rent": 2,
        "offers_buy": 1,
        "offers_free": 0,
        "offers_ads": 0,
        "offers_cinema": 0,
        "imdb_id": "tt0250262",
        "tmdb_id": 20689,
        "wikidata_id": "Q4839471",
        "letterboxd_id": None,
        "rotten_tomatoes_id": None,
        "metacritic_id": None,
        "justwatch_id": None,
        "tagline": None,
        "collection": None,
        "budget": None,
        "budget_currency": None,
        "box_office_worldwide": None,
        "box_office_currency": None,
        "keywords": [],
        "title_count": 0,
        "release_count": 0,
        "award_count": 0,
        "poster_url": None,
    }
    assert heat["release_date"] == "1995-12-15"
    assert heat["runtime_minutes"] == 171  # 170 min 30 s: half a minute rounds up
    assert heat["my_site_rating"] == 4
    assert heat["content_rating"] is None
    assert untitled["year"] is None
    assert untitled["runtime_minutes"] is None


@pytest.mark.parametrize(
    ("runtime", "minutes"),
    [
        (dt.timedelta(0), 0),
        (dt.timedelta(seconds=29, microseconds=999_999), 0),
        (dt.timedelta(seconds=30), 1),
        (dt.timedelta(minutes=85, seconds=30), 86),
        (dt.timedelta(minutes=86, seconds=29), 86),
        (dt.timedelta(hours=3), 180),
    ],
)
def test_runtime_minutes_round_half_up(runtime: dt.timedelta, minutes: int) -> None:
    assert to_records([Film("F", runtime=runtime)])[0]["runtime_minutes"] == minutes


def test_content_rating_is_for_the_country_asked() -> None:
    assert to_records([BACKSTAGE], country="GB")[0]["content_rating"] == "15"
    assert to_records([BACKSTAGE], country="DE")[0]["content_rating"] is None


def test_records_of_an_empty_catalog() -> None:
    assert to_records([]) == []


def test_a_source_whose_columns_clash_is_an_error() -> None:
    film = Film("F", ratings=[Rating("content", 3, best=5)])
    with pytest.raises(ValueError, match="'content_rating'"):
        to_records([film])


# -- missing optional libraries -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "module", "extra"),
    [
        ("to_dataframe", ([],), "pandas", "pandas"),
        ("arrow_schema", (), "pyarrow", "arrow"),
        ("to_arrow", ([],), "pyarrow", "arrow"),
        ("from_arrow", (None,), "pyarrow", "arrow"),
        ("write_parquet", ([], "x"), "pyarrow", "arrow"),
        ("write_parquet", ([], "x"), "pyarrow.parquet", "arrow"),
        ("read_parquet", ("x",), "pyarrow.parquet", "arrow"),
        ("read_jsonl_partitions", ([],), "dask.bag", "dask"),
    ],
)
def test_a_missing_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, name: str, args: tuple[Any, ...], module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    package = module.partition(".")[0]
    with pytest.raises(ImportError) as info:
        getattr(frames, name)(*args)
    assert str(info.value) == f"{name} needs {package}: pip install 'filmmeta[{extra}]'"
    assert info.value.name == package
    assert isinstance(info.value.__cause__, ImportError)


# -- pandas -------------------------------------------------------------------------------


def test_dataframe_dtypes_column_by_column(pd: Any) -> None:
    df = to_dataframe(CATALOG)
    dtypes = {column: str(dtype) for column, dtype in df.dtypes.items()}
    ints = ["year", "runtime_minutes", "imdb_votes", "metacritic_votes", "my_site_votes"]
    ints += [f"offers_{t}" for t in ("subscription", "rent", "buy", "free", "ads", "cinema")]
    expected = {
        **dict.fromkeys(["title", "original_title", "release_date", "tagline"], "string"),
        **dict.fromkeys(["collection", "poster_url"], "string"),
        **dict.fromkeys(["budget_currency", "box_office_currency"], "category"),
        **dict.fromkeys(["budget", "box_office_worldwide"], "Float64"),
        **dict.fromkeys(["keywords"], "object"),
        **dict.fromkeys(["title_count", "release_count", "award_count"], "Int64"),
        **dict.fromkeys(["imdb_id", "wikidata_id", "letterboxd_id"], "string"),
        **dict.fromkeys(["rotten_tomatoes_id", "metacritic_id"], "string"),
        **dict.fromkeys(["kind", "content_rating"], "category"),
        **dict.fromkeys(["genres", "languages", "countries"], "object"),
        **dict.fromkeys(["imdb_rating", "metacritic_rating", "my_site_rating"], "Float64"),
        **dict.fromkeys([*ints, "tmdb_id", "justwatch_id"], "Int64"),
    }
    assert dtypes == {column: expected[column] for column in df.columns}
    assert list(df.columns) == list(to_records(CATALOG)[0])
    for column in ("title", "original_title", "release_date", "imdb_id"):
        assert isinstance(df[column].dtype, pd.StringDtype)
        assert df[column].dtype.na_value is pd.NA  # the nullable string, not NaN-backed
    assert list(df["kind"].cat.categories) == [
        "movie",
        "tv_movie",
        "short",
        "video",
        "tv_special",
    ]
    assert list(df["content_rating"].cat.categories) == ["R"]


def test_dataframe_values(pd: Any) -> None:
    df = to_dataframe(CATALOG)
    assert df["title"].tolist() == ["Backstage", "Heat", "Untitled"]
    assert df["year"].tolist() == [2000, 1995, pd.NA]
    assert df["imdb_rating"].tolist() == [5.7, 8.3, pd.NA]
    assert df["metacritic_rating"].tolist() == [29.0, pd.NA, pd.NA]
    assert df["genres"].tolist() == [["Documentary", "Music"], [], []]
    assert df["kind"].tolist() == ["tv_movie", "movie", "movie"]
    assert df["content_rating"].isna().tolist() == [False, True, True]
    assert df["offers_rent"].tolist() == [2, 0, 0]
    assert df.groupby("kind", observed=True)["imdb_rating"].mean().to_dict() == {
        "movie": 8.3,
        "tv_movie": 5.7,
    }


def test_dataframe_of_an_empty_catalog(pd: Any) -> None:
    df = to_dataframe([], country="GB")
    assert len(df) == 0
    assert str(df["year"].dtype) == "Int64"
    assert str(df["kind"].dtype) == "category"
    assert "imdb_rating" not in df.columns


# -- Arrow --------------------------------------------------------------------------------


def test_arrow_schema(pa: Any) -> None:
    schema = arrow_schema()
    assert schema.names == [
        *("title", "kind", "release_date", "runtime", "content_ratings", "genres"),
        *("languages", "countries", "summary", "credits", "ratings", "offers", "ids"),
        "original_title",
        *("titles", "releases", "editions", "collection", "budget", "box_office"),
        *("awards", "images", "videos", "keywords", "tagline"),
    ]
    assert schema.metadata == {b"filmmeta": b"2"}
    assert schema.field("runtime").type == pa.duration("us")
    assert schema.field("release_date").type == pa.string()
    assert schema.field("genres").type == pa.list_(pa.field("element", pa.string(), False))
    rating = schema.field("ratings").type.value_type
    assert [(f.name, str(f.type), f.nullable) for f in rating] == [
        ("source", "string", False),
        ("value", "double", False),
        ("votes", "int64", True),
        ("best", "double", False),
        ("worst", "double", False),
    ]
    offer = schema.field("offers").type.value_type
    assert offer.field("price").type == pa.string()
    ids = schema.field("ids").type
    assert [f.name for f in ids] == [
        *("imdb", "tmdb", "wikidata", "letterboxd", "rotten_tomatoes", "metacritic"),
        *("justwatch", "other"),
    ]
    assert ids.field("tmdb").type == pa.int64()
    assert not schema.field("title").nullable
    assert schema.field("original_title").nullable


def test_arrow_round_trip_of_examples(pa: Any) -> None:
    table = to_arrow(CATALOG, batch_size=2)
    assert table.schema.equals(arrow_schema(), check_metadata=True)
    assert table.num_rows == 3
    assert table.column("runtime").num_chunks == 2
    assert from_arrow(table) == CATALOG


def test_prices_keep_their_exact_text(pa: Any) -> None:
    table = to_arrow([BACKSTAGE])
    prices = table.column("offers").to_pylist()[0]
    assert [o["price"] for o in prices] == ["3.99", "9.990", None]
    back = from_arrow(table)[0]
    assert [str(o.price) for o in back.offers] == ["3.99", "9.990", "None"]
    assert back.offers[0].price == decimal.Decimal("3.99")


def test_integral_rating_values_come_back_as_ints(pa: Any) -> None:
    (back,) = from_arrow(to_arrow([BACKSTAGE]))
    metascore, imdb = back.ratings
    assert type(metascore.value) is int
    assert type(metascore.best) is int
    assert type(imdb.value) is float
    assert imdb.best == 10


# Generated films to Arrow and back: test_arrow_columns.py, and the Parquet round trip below.


def test_from_arrow_takes_a_record_batch_and_ignores_extra_columns(pa: Any) -> None:
    table = to_arrow(CATALOG).append_column("score", pa.array([1, 2, 3]))
    assert from_arrow(table.to_batches()[0]) == CATALOG


def test_from_arrow_casts_foreign_types(pa: Any) -> None:
    # As Polars writes tables: large strings, large lists; DuckDB writes runtime as int64.
    table = pa.table(
        {
            "title": pa.array(["Heat"], pa.large_string()),
            "kind": ["movie"],
            "release_date": ["1995"],
            "runtime": pa.array([10_200_000_000], pa.int64()),
            **{name: [[]] for name in ("content_ratings", "credits", "ratings", "offers")},
            **{name: pa.array([["en"]], pa.large_list(pa.string())) for name in ("genres",)},
            "languages": [None],
            "countries": [[]],
            "summary": [None],
            # The struct as written: pyarrow < 18 cannot add or reorder struct fields.
            "ids": pa.array([{"imdb": "tt0113277"}], arrow_schema().field("ids").type),
            "original_title": [None],
        }
    )
    assert from_arrow(table) == [
        Film(
            "Heat",
            release_date="1995",
            runtime=170,
            genres=["en"],
            ids=ExternalIds(imdb="tt0113277"),
        )
    ]


def test_from_arrow_reports_missing_columns(pa: Any) -> None:
    table = to_arrow(CATALOG).drop_columns(["ratings", "ids"])
    with pytest.raises(ValidationError, match=r"^\$: missing columns: ratings, ids$"):
        from_arrow(table)


def test_from_arrow_reports_columns_that_cannot_be_cast(pa: Any) -> None:
    table = to_arrow(CATALOG)
    table = table.set_column(3, "runtime", pa.array(["long"] * 3))
    with pytest.raises(ValidationError, match=r"^\$: not a catalog in filmmeta's schema: "):
        from_arrow(table)


def _rows_with(**changes: Any) -> list[dict[str, Any]]:
    rows = to_arrow([HEAT, BACKSTAGE]).to_pylist()
    rows[1].update(changes)
    return rows


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"title": " "}, "[1].title: must not be empty"),
        ({"kind": "series"}, "[1].kind: 'series' is not a film kind"),
        ({"release_date": "2000-13"}, "[1].release_date: "),
        ({"genres": ["Drama", ""]}, "[1].genres[1]: must not be empty"),
        (
            {"ratings": [{"source": "imdb", "value": 11.0, "votes": 1, "best": 10, "worst": 1}]},
            "[1].ratings[0].value: 11 is above the scale's best 10",
        ),
        ({"ids": {"imdb": "tt1"}}, "[1].ids.imdb: 'tt1' is not an IMDb id"),
        (
            {"offers": [{"provider": "A", "type": "rent", "price": "x", "currency": "USD"}]},
            "[1].offers[0].price: 'x' is not a decimal number",
        ),
        (
            {"credits": [{"name": "A", "role": "Director"}]},
            "[1].credits[0].role: 'Director' is not a lowercase role name",
        ),
        (
            {"content_ratings": [{"code": "R", "country": "USA"}]},
            "[1].content_ratings[0].country: ",
        ),
    ],
)
def test_from_arrow_reports_invalid_rows_with_paths(
    pa: Any, changes: dict[str, Any], error: str
) -> None:
    table = pa.Table.from_pylist(_rows_with(**changes), schema=arrow_schema())
    with pytest.raises(ValidationError) as info:
        from_arrow(table)
    assert str(info.value).startswith(error)


def test_the_garbage_collector_is_left_as_it_was(pa: Any) -> None:
    assert from_arrow(to_arrow(CATALOG)) == CATALOG
    assert gc.isenabled()
    gc.disable()
    try:
        assert from_arrow(to_arrow(CATALOG)) == CATALOG
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("size", [0, -1, 2.5, True])
def test_batch_sizes_must_be_positive_integers(pa: Any, size: Any) -> None:
    with pytest.raises(ValueError, match="a batch size must be a positive integer"):
        to_arrow(CATALOG, batch_size=size)
    with pytest.raises(ValueError, match="a batch size must be a positive integer"):
        read_parquet("never-opened.parquet", batch_size=size)


def test_an_empty_catalog(pa: Any) -> None:
    table = to_arrow([])
    assert table.num_rows == 0
    assert table.schema.equals(arrow_schema())
    assert from_arrow(table) == []


# -- Parquet ------------------------------------------------------------------------------


def test_parquet_round_trip_in_row_groups(pa: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "catalog.parquet"
    catalog = CATALOG * 5
    assert write_parquet(iter(catalog), path, row_group_size=4) == 15
    metadata = pq.ParquetFile(path).metadata
    assert metadata.num_row_groups == 4
    assert [metadata.row_group(i).num_rows for i in range(4)] == [4, 4, 4, 3]
    assert pq.ParquetFile(path).schema_arrow.equals(arrow_schema(), check_metadata=True)
    films_read = read_parquet(str(path), batch_size=2)
    assert next(films_read) == BACKSTAGE
    assert list(films_read) == catalog[1:]


@settings(max_examples=50)
@given(st.lists(films, max_size=3), st.integers(1, 3))
def test_parquet_round_trip(catalog: list[Film], row_group_size: int) -> None:
    pytest.importorskip("pyarrow")
    out = io.BytesIO()
    assert write_parquet(catalog, out, row_group_size=row_group_size) == len(catalog)
    assert list(read_parquet(io.BytesIO(out.getvalue()))) == catalog


def test_parquet_compression_and_an_empty_file(pa: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    assert write_parquet([], path, compression="snappy") == 0
    assert pq.ParquetFile(path).metadata.num_rows == 0
    assert list(read_parquet(path)) == []
    write_parquet(CATALOG, path, compression="snappy")
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "SNAPPY"


def test_read_parquet_reports_rows_counted_from_the_start(pa: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    rows = to_arrow(CATALOG * 2).to_pylist()
    rows[4]["title"] = " "
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), path)
    films_read = read_parquet(path, batch_size=3)
    assert [f.title for f in itertools_take(films_read, 4)] == [
        "Backstage",
        "Heat",
        "Untitled",
        "Backstage",
    ]
    with pytest.raises(ValidationError) as info:
        next(films_read)
    assert str(info.value) == f"{path}: [4].title: must not be empty"
    # An open file names itself; a file-like object without a name leaves the name out.
    with path.open("rb") as file, pytest.raises(ValidationError) as info:
        list(read_parquet(file))
    assert info.value.file == str(path)
    with pytest.raises(ValidationError) as info:
        list(read_parquet(io.BytesIO(path.read_bytes())))
    assert (info.value.file, str(info.value)) == (None, "[4].title: must not be empty")


def itertools_take(iterator: Any, n: int) -> list[Any]:
    return [next(iterator) for _ in range(n)]


def test_parquet_from_duckdb(pa: Any, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "catalog.parquet"
    write_parquet(CATALOG, path)
    rows = duckdb.sql(
        f"""
        SELECT title, kind, r.value AS imdb, to_microseconds(runtime) AS runtime
        FROM (SELECT *, unnest(ratings) AS r FROM read_parquet('{path}'))
        WHERE r.source = 'imdb'
        ORDER BY title
        """
    ).fetchall()
    assert rows == [
        ("Backstage", "tv_movie", 5.7, dt.timedelta(minutes=86)),
        ("Heat", "movie", 8.3, dt.timedelta(minutes=170, seconds=30)),
    ]
    # A file DuckDB writes back reads as the same films.
    copy = tmp_path / "copy.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_parquet('{path}')) TO '{copy}' (FORMAT parquet)")
    assert list(read_parquet(copy)) == CATALOG


def test_parquet_from_polars(pa: Any, tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    path = tmp_path / "catalog.parquet"
    write_parquet(CATALOG, path)
    df = pl.read_parquet(path)
    assert df["title"].to_list() == ["Backstage", "Heat", "Untitled"]
    assert df["runtime"].dtype == pl.Duration("us")
    imdb = df.select(
        pl.col("title"),
        pl.col("ratings")
        .list.eval(pl.element().filter(pl.element().struct.field("source") == "imdb"))
        .list.first()
        .struct.field("value")
        .alias("imdb"),
    )
    assert imdb.rows() == [("Backstage", 5.7), ("Heat", 8.3), ("Untitled", None)]
    copy = tmp_path / "copy.parquet"
    df.write_parquet(copy)
    assert list(read_parquet(copy)) == CATALOG


# -- Dask ---------------------------------------------------------------------------------


@pytest.fixture
def jsonl_files(tmp_path: Path) -> list[Path]:
    catalog = [
        Film(
            f"Film {i}",
            kind=("movie", "tv_movie", "short")[i % 3],
            ratings=[Rating("imdb", (i % 90) / 10 + 1, votes=i)] if i % 4 else [],
        )
        for i in range(60)
    ]
    paths = [tmp_path / f"part-{n}.jsonl" for n in range(3)]
    for n, path in enumerate(paths):
        dump_jsonl(catalog[n * 20 : (n + 1) * 20], path)
    return paths


def _summary(bag: Any, scheduler: str, **options: Any) -> tuple[Any, ...]:
    import dask

    kinds = bag.map(lambda f: f.kind.value).frequencies()
    imdb = bag.map(lambda f: f.rating("imdb")).filter(lambda r: r is not None)
    return dask.compute(
        kinds, imdb.map(lambda r: r.value).mean(), imdb.count(), scheduler=scheduler, **options
    )


def test_dask_in_processes_matches_one_process(jsonl_files: list[Path]) -> None:
    pytest.importorskip("dask.bag")
    bag = read_jsonl_partitions(jsonl_files)
    assert bag.npartitions == 3
    kinds, mean, count = _summary(bag, "processes", num_workers=2)
    catalog = [f for path in jsonl_files for f in load_jsonl(path)]
    values = [f.rating("imdb").value for f in catalog if f.rating("imdb") is not None]
    assert dict(kinds) == Counter(f.kind.value for f in catalog)
    assert count == len(values) == 45
    assert mean == pytest.approx(sum(values) / len(values))
    assert _summary(bag, "sync") == (kinds, mean, count)


def test_dask_takes_one_path_and_is_lazy(jsonl_files: list[Path], tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    assert read_jsonl_partitions(str(jsonl_files[0])).count().compute(scheduler="sync") == 20
    assert read_jsonl_partitions(jsonl_files[1]).npartitions == 1
    read_jsonl_partitions(tmp_path / "missing.jsonl")  # nothing is read yet


def test_dask_errors_name_the_file_and_line(jsonl_files: list[Path]) -> None:
    pytest.importorskip("dask.bag")
    with jsonl_files[2].open("a") as file:
        file.write('{"title": "Bad", "kind": "series"}\n')
    bag = read_jsonl_partitions(jsonl_files)
    with pytest.raises(
        ValidationError, match=r"^.*part-2\.jsonl, line 21: kind: 'series' is"
    ) as info:
        bag.count().compute(scheduler="processes", num_workers=2)
    # Of many files, the error names the one to look at.
    assert (info.value.file, info.value.line) == (str(jsonl_files[2]), 21)
    assert read_jsonl_partitions(jsonl_files[:2]).count().compute(scheduler="sync") == 40


def test_films_and_errors_pickle() -> None:
    for film in CATALOG:
        assert pickle.loads(pickle.dumps(film)) == film
    err = ValidationError([("ratings[1].value", "too high")], line=3)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.errors, back.line) == (ValidationError, err.errors, 3)


def test_module_exports() -> None:
    assert sorted(frames.__all__) == frames.__all__
    assert all(callable(getattr(frames, name)) for name in frames.__all__)


def test_parquet_written_by_schema_version_1_reads(pa: Any) -> None:
    # Written by filmmeta 0.1.0 (schema "1", before model 2), with the same films as JSON
    # Lines beside it: the columns and struct fields added since take their defaults.
    pq = pytest.importorskip("pyarrow.parquet")
    path = FIXTURES / "parquet" / "films-v1.parquet"
    assert pq.ParquetFile(path).schema_arrow.metadata == {b"filmmeta": b"1"}
    expected = list(load_jsonl(FIXTURES / "parquet" / "films-v1.jsonl"))
    assert list(read_parquet(path)) == expected
    assert from_arrow(pq.read_table(path)) == expected
    assert len(expected) == 3


def test_only_columns_added_since_version_1_may_be_missing(pa: Any) -> None:
    table = to_arrow(CATALOG)
    assert from_arrow(table.drop_columns(["titles", "tagline"]))[0] == BACKSTAGE
    with pytest.raises(ValidationError, match=r"missing columns: genres$"):
        from_arrow(table.drop_columns(["genres", "titles"]))
