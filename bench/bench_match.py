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
import csv
import re
import sqlite3
import sys
import time
from pathlib import Path
from typing import NamedTuple

from filmmeta import Credit, Film
from filmmeta.match import Match, match_catalogs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "movielens"
_YEAR = re.compile(r"\s*\((\d{4})(?:[-\u2013]\d{0,4})?\)\s*$")


def movielens(folder: Path = CORPUS) -> tuple[list[Film], list[str | None]]:
    """MovieLens films without their ids, and each film's IMDb id (the answers)."""
    movies = folder / "priscillanzula_Recommendation_System_movies_movies.csv"
    links = folder / "priscillanzula_Recommendation_System_movies_links.csv"
    with links.open(encoding="utf-8", newline="") as file:
        imdb = {row["movieId"]: f"tt{int(row['imdbId']):07d}" for row in csv.DictReader(file)}
    films, answers = [], []
    with movies.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            title, year = row["title"].strip(), None
            found = _YEAR.search(title)
            if found:
                title, year = title[: found.start()].strip(), int(found[1])
            genres = [g for g in row["genres"].split("|") if g != "(no genres listed)"]
            films.append(Film(title, release_date=year, genres=genres))
            answers.append(imdb.get(row["movieId"]))
    return films, answers


def imdb_tsv(folder: Path = CORPUS.parent / "imdb-tsv") -> tuple[list[Film], list[str]]:
    """The films of the corpus' IMDb title.basics files, without their ids, and the ids."""
    films, answers = [], []
    for path in sorted(folder.glob("*title.basics.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["titleType"] not in ("movie", "tvMovie", "video"):
                    continue
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
                    )
                )
                answers.append(row["tconst"])
    return films, answers


class Scored(NamedTuple):
    both: int
    right: int
    wrong: list[tuple[Match, str | None, str]]
    misses: list[tuple[Match, str]]
    ties: int
    recall: float
    precision: float
    seconds: float


def score(
    left: list[Film], left_ids: list[str | None], right: list[Film], right_ids: list[str]
) -> Scored:
    """Match with the ids hidden, then count right and wrong pairs against them."""
    known = set(right_ids)
    position = {id(film): i for i, film in enumerate(right)}
    start = time.perf_counter()
    matches = list(match_catalogs(left, right))
    seconds = time.perf_counter() - start
    wrong_pairs: list[tuple[Match, str | None, str]] = []
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
    with sqlite3.connect(movie_path) as db:
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
    wrong, misses = found.wrong, found.misses
    print(
        f"MovieLens {len(left):,} films x OMDb table {len(right):,} films; {found.both:,} in both"
    )
    print(f"matched {found.right:,} right and {len(wrong):,} wrong; {found.ties:,} left as ties")
    print(f"recall    {found.recall:.2%}  (target >= 98%)")
    print(f"precision {found.precision:.2%}  (target >= 99.5%)")
    print(f"time      {found.seconds:.2f} s")
    print(f"\nwrong pairs ({len(wrong)}):")
    for match, answer, got in wrong[: args.show]:
        partner = match.right
        print(
            f"  {match.left.title} ({match.left.year}) [{answer}] -> "
            f"{partner.title} ({partner.year}) [{got}] score {match.score}: {match.reasons}"
        )
    print(f"\nmisses ({len(misses)}), first {args.show}:")
    for match, answer in misses[: args.show]:
        truth = right[right_ids.index(answer)]
        print(
            f"  {match.left.title} ({match.left.year}) ~ {truth.title} ({truth.year}) [{answer}]"
            f" score {match.score} ties {len(match.ties)}: {match.reasons[:2]}"
        )

    # Labelled pairs the benchmark does not contain: MovieLens against the corpus' IMDb
    # datasets (films of 2017-2018, and a director's list).
    tsv, tsv_ids = imdb_tsv()
    other = score(left, left_ids, tsv, tsv_ids)
    print(
        f"\nMovieLens x IMDb title.basics of the corpus ({len(tsv):,} films): "
        f"{other.both} labelled pairs"
    )
    print(
        f"recall    {other.recall:.2%}, precision {other.precision:.2%} "
        f"(target: within 1 point of the benchmark's)"
    )
    for match, answer, got in other.wrong[: args.show]:
        print(
            f"  wrong: {match.left.title} ({match.left.year}) [{answer}] -> "
            f"{match.right.title} ({match.right.year}) [{got}]"
        )
    for match, answer in other.misses[: args.show]:
        truth = tsv[tsv_ids.index(answer)]
        print(f"  missed: {match.left.title} ({match.left.year}) ~ {truth.title} ({truth.year})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
