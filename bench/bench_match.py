"""Matching without ids, scored against the ids: MovieLens against the OMDb table.

    python bench/bench_match.py [--limit N] [--show K]

The left catalog is MovieLens ml-latest-small (``movies.csv`` + ``links.csv`` from
``../shared/corpus/movielens``); the right one the OMDb table that the ``bokeh-sampledata``
package ships (17,472 films from Wikidata, CC0). The ids are hidden from the matcher and
used only to score it: a predicted pair is right when both films have the same IMDb id.
Prints recall, precision, the wrong pairs and the time.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import sqlite3
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import attrs

from filmmeta import Credit, ExternalIds, Film, FilmmetaWarning, Title, ValidationError
from filmmeta.formats import imdb_csv
from filmmeta.formats import movielens as movielens_format
from filmmeta.match import Match, match_catalogs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "movielens"


def movielens(folder: Path = CORPUS) -> tuple[list[Film], list[str | None]]:
    """MovieLens films without their ids, and each film's IMDb id (the answers).

    Read with :func:`filmmeta.formats.movielens.read_movies`: the display title with its
    article in front, the title as MovieLens writes it and its alternate titles in
    ``titles``.
    """
    films, answers = [], []
    movies = folder / "priscillanzula_Recommendation_System_movies_movies.csv"
    links = folder / "priscillanzula_Recommendation_System_movies_links.csv"
    for film in movielens_format.read_movies(movies, links):
        films.append(attrs.evolve(film, ids=ExternalIds()))
        answers.append(film.ids.imdb)
    return films, answers


def imdb_exports(
    folder: Path = CORPUS.parent / "imdb-csv", pattern: str = "TylerGrossi_*.csv"
) -> tuple[list[Film], list[str]]:
    """The films of the corpus' IMDb CSV exports (ratings, watchlists), without their ids.

    Read with :func:`filmmeta.formats.imdb_csv.read_films` (series and episodes left
    out); a film that two exports both list is taken once. The default is one user's
    exports, whose titles are IMDb's English ones; the other user's watchlist has the
    titles IMDb showed in Italy ("Il re leone"), which MovieLens does not have.
    """
    films: list[Film] = []
    answers: list[str] = []
    seen: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)  # the rows that are not films
        for path in sorted(folder.glob(pattern)):
            for film in imdb_csv.read_films(path):
                if film.ids.imdb is not None and film.ids.imdb not in seen:
                    seen.add(film.ids.imdb)
                    films.append(attrs.evolve(film, ids=ExternalIds()))
                    answers.append(film.ids.imdb)
    return films, answers


def imdb_tsv(folder: Path = CORPUS.parent / "imdb-tsv") -> tuple[list[Film], list[str]]:
    """The films of the corpus' IMDb title.basics files, without their ids, and the ids.

    A title that two files both list is taken once (IMDb's catalog lists it once); the
    titles of ``title.akas`` are the films' ``titles``, as an importer gives them.
    """
    films, answers, seen = [], [], set()
    akas = _akas(folder)
    for path in sorted(folder.glob("*title.basics.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["titleType"] not in ("movie", "tvMovie", "video"):
                    continue
                if row["tconst"] in seen:
                    continue
                seen.add(row["tconst"])
                year = row["startYear"]
                runtime = row["runtimeMinutes"]
                original = row["originalTitle"]
                films.append(
                    Film(
                        row["primaryTitle"],
                        original_title=original if original != row["primaryTitle"] else None,
                        release_date=int(year) if year.isdigit() else None,
                        runtime=int(runtime) if runtime.isdigit() else None,
                        genres=[g for g in row["genres"].split(",") if g != "\\N"],
                        titles=akas.get(row["tconst"], ()),
                    )
                )
                answers.append(row["tconst"])
    return films, answers


_AKA_KINDS = {
    "original": "original",
    "imdbDisplay": "display",
    "working": "working",
    "festival": "festival",
    "tv": "tv",
    "dvd": "video",
    "video": "video",
}


def _akas(folder: Path) -> dict[str, list[Title]]:
    """Every title of title.akas, by IMDb id; a region or language the model does not
    take (IMDb's "XWW" for the world, former countries) is left off the title."""
    found: dict[str, dict[str, Title]] = {}
    for path in sorted(folder.glob("*title.akas.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
                kind = _AKA_KINDS.get(row["types"], "alternative")
                title = Title(row["title"], kind=kind)
                for field in ("region", "language"):
                    if row[field] != "\\N":
                        with contextlib.suppress(ValidationError):
                            title = attrs.evolve(title, **{field: row[field]})
                found.setdefault(row["titleId"], {}).setdefault(row["title"], title)
    return {key: list(titles.values()) for key, titles in found.items()}


class Scored(NamedTuple):
    both: int
    right: int
    wrong: list[tuple[Match, str | None, str | None]]
    misses: list[tuple[Match, str]]
    ties: int
    recall: float
    precision: float
    seconds: float


def score(
    left: list[Film],
    left_ids: Sequence[str | None],
    right: list[Film],
    right_ids: Sequence[str | None],
) -> Scored:
    """Match with the ids hidden, then count right and wrong pairs against them."""
    known = set(right_ids)
    position = {id(film): i for i, film in enumerate(right)}
    start = time.perf_counter()
    matches = list(match_catalogs(left, right))
    seconds = time.perf_counter() - start
    wrong_pairs: list[tuple[Match, str | None, str | None]] = []
    misses: list[tuple[Match, str]] = []
    right_pairs = ties = 0
    for match, answer in zip(matches, left_ids, strict=True):
        ties += bool(match.ties)
        if match.right is None:
            if answer in known:
                misses.append((match, answer))
            continue
        got = right_ids[position[id(match.right)]]
        if got == answer:
            right_pairs += 1
        else:
            wrong_pairs.append((match, answer, got))
    both = sum(1 for i in left_ids if i in known)
    predicted = right_pairs + len(wrong_pairs)
    return Scored(
        both,
        right_pairs,
        wrong_pairs,
        misses,
        ties,
        right_pairs / both if both else 1.0,
        right_pairs / predicted if predicted else 1.0,
        seconds,
    )


def omdb_table() -> tuple[list[Film], list[str]]:
    """The OMDb table's films without their ids, and each film's IMDb id."""
    from bokeh_sampledata.movies_data import movie_path

    films, answers = [], []
    # Closed, not only committed (sqlite3's own context manager leaves it open; Python
    # 3.13 warns), and read-only: the file lies in site-packages.
    with contextlib.closing(sqlite3.connect(f"file:{movie_path}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT imdbID, Title, Year, Runtime, Genre, Director FROM omdb"
        ).fetchall()
    for imdb_id, title, year, runtime, genre, director in rows:
        credits = [Credit(n.strip(), "director") for n in (director or "").split(",") if n.strip()]
        films.append(
            Film(
                str(title),
                release_date=year,
                runtime=int(runtime) if runtime else None,
                genres=[g.strip() for g in (genre or "").split(",") if g.strip()],
                credits=credits,
            )
        )
        answers.append(imdb_id)
    return films, answers


_VOCABULARY = """
night day love dark last house city blood man woman king queen war star dead girl boy
river road time home black white red blue summer winter fire ice ghost secret lost
little big american french story life death world heart dream moon sun shadow
angel devil heaven hell storm rain snow wind stone iron gold silver glass paper
mountain valley forest desert ocean island bridge tower castle garden street station
train ship plane car horse dog cat wolf bird tiger dragon lion snake spider
mother father brother sister son daughter wife husband friend stranger killer hunter
soldier doctor lawyer teacher thief spy witness judge priest saint sinner hero
first second third final lone wild silent hidden broken burning frozen golden
sweet bitter cold hot strange perfect beautiful dangerous deadly fatal private
paris london tokyo berlin rome texas chicago hollywood brooklyn harlem vegas
game play dance song music voice word letter book picture memory promise
revenge justice honor glory freedom power money fortune luck chance fate destiny
"""
_WORDS = _VOCABULARY.split()


def generated(n: int, seed: int = 7) -> tuple[list[Film], list[Film], list[int]]:
    """Two catalogs of *n* films each; answers[i] is the right index of left film i.

    Titles are drawn from a small vocabulary so that many collide: remakes (the same
    title in another year) and different films of one title and year both occur; the
    right catalog writes some titles with the article moved, roman numerals or a year
    off by one, as other sources do.
    """
    import random

    rng = random.Random(seed)
    left, right, answers = [], [], []
    for i in range(n):
        words = rng.sample(_WORDS, rng.choice((1, 2, 2, 3, 3, 4)))
        title = " ".join(words).title()
        year = rng.randint(1920, 2024)
        runtime = rng.randint(70, 180)
        director = Credit(f"Director {rng.randint(1, n // 3)}", "director")
        sequel = rng.random() < 0.05
        left_title = f"The {title}" if rng.random() < 0.2 else title
        right_title = left_title
        if left_title.startswith("The ") and rng.random() < 0.5:
            right_title = f"{title}, The"
        if sequel:
            left_title, right_title = f"{left_title} II", f"{right_title} 2"
        right_year = year + (1 if rng.random() < 0.05 else 0)
        left.append(Film(left_title, release_date=year, runtime=runtime, credits=[director]))
        right.append(
            Film(
                right_title,
                release_date=right_year,
                runtime=runtime + rng.randint(-3, 3),
                credits=[director],
            )
        )
        answers.append(i)
    order = list(range(n))
    rng.shuffle(order)
    shuffled = [right[i] for i in order]
    position = {old: new for new, old in enumerate(order)}
    return left, shuffled, [position[a] for a in answers]


def _load() -> str:
    import os

    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def scale(n: int) -> None:
    import resource

    left, right, answers = generated(n)
    start = time.perf_counter()
    matches = list(match_catalogs(left, right))
    seconds = time.perf_counter() - start
    # The process's peak resident memory, the generated catalogs included (Linux: KiB).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    position = {id(film): i for i, film in enumerate(right)}
    right_pairs = sum(
        1
        for m, a in zip(matches, answers, strict=True)
        if m.right is not None and position[id(m.right)] == a
    )
    wrong = sum(1 for m in matches if m.right is not None) - right_pairs
    ties = sum(1 for m in matches if m.ties)
    print(
        f"generated {n:,} x {n:,} films: {seconds:.1f} s (target < 60 s), "
        f"process peak memory {peak / 2**20:.0f} MiB (target < 2 GiB); load {_load()}"
    )
    print(f"  {right_pairs:,} right, {wrong:,} wrong, {ties:,} ties")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N MovieLens films")
    parser.add_argument("--show", type=int, default=30, help="wrong pairs and misses to print")
    parser.add_argument("--scale", type=int, default=0, help="also match N x N generated films")
    args = parser.parse_args(argv)
    if args.scale:
        scale(args.scale)
    if not CORPUS.is_dir():
        print(f"{CORPUS} is not here: the benchmark needs ../shared/corpus", file=sys.stderr)
        return 2
    left, left_ids = movielens()
    right, right_ids = omdb_table()
    if args.limit:
        left, left_ids = left[: args.limit], left_ids[: args.limit]
    found = score(left, left_ids, right, right_ids)
    print(
        f"MovieLens {len(left):,} films x OMDb table {len(right):,} films; {found.both:,} in both"
    )
    report(found, right, right_ids, args.show, targets=(0.98, 0.995))

    # Labelled pairs the benchmark does not contain. MovieLens against the corpus' IMDb
    # datasets (films of 2017 with their title.akas, and a director's list):
    tsv, tsv_ids = imdb_tsv()
    other = score(left, left_ids, tsv, tsv_ids)
    print(f"\nMovieLens x IMDb title.basics of the corpus ({len(tsv):,} films)")
    report(other, tsv, tsv_ids, args.show, targets=(found.recall - 0.01, found.precision - 0.01))
    # and the corpus' IMDb CSV exports (ratings and watchlists) against MovieLens.
    exports, export_ids = imdb_exports()
    third = score(exports, export_ids, left, left_ids)
    print(f"\nIMDb CSV exports of one user ({len(exports):,} films) x MovieLens")
    report(third, left, left_ids, args.show, targets=(found.recall - 0.01, found.precision - 0.01))
    # Titles in another language than the catalog's: no title evidence, figures for the record.
    italian, italian_ids = imdb_exports(pattern="quintavalle*.csv")
    fourth = score(italian, italian_ids, left, left_ids)
    print(
        f"\nAn IMDb watchlist with Italian titles ({len(italian):,} films) x MovieLens: "
        f"recall {fourth.recall:.2%}, precision {fourth.precision:.2%} "
        f"({fourth.both:,} labelled pairs, {len(fourth.wrong)} wrong; no target)"
    )
    return 0


def report(
    found: Scored,
    right: list[Film],
    right_ids: Sequence[str | None],
    show: int,
    *,
    targets: tuple[float, float],
) -> None:
    """Print one labelled set's figures, its wrong pairs and its misses."""
    print(
        f"{found.both:,} labelled pairs: matched {found.right:,} right and "
        f"{len(found.wrong):,} wrong; {found.ties:,} left as ties"
    )
    print(f"recall    {found.recall:.2%}  (target >= {targets[0]:.2%})")
    print(f"precision {found.precision:.2%}  (target >= {targets[1]:.2%})")
    print(f"time      {found.seconds:.2f} s")
    print(f"wrong pairs ({len(found.wrong)}):")
    for match, answer, got in found.wrong[:show]:
        partner = match.right
        assert partner is not None
        print(
            f"  {match.left.title} ({match.left.year}) [{answer}] -> "
            f"{partner.title} ({partner.year}) [{got}] score {match.score}: {match.reasons}"
        )
    print(f"misses ({len(found.misses)}), first {show}:")
    for match, answer in found.misses[:show]:
        truth = right[list(right_ids).index(answer)]
        print(
            f"  {match.left.title} ({match.left.year}) ~ {truth.title} ({truth.year}) [{answer}]"
            f" score {match.score} ties {len(match.ties)}: {match.reasons[:2]}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
