r"""Seeded synthetic IMDb datasets: title.basics and title.ratings with IMDb's columns.

``write(folder, rows, seed=...)`` writes ``title.basics.tsv`` (*rows* titles) and
``title.ratings.tsv`` into *folder*, for the benchmarks; the files are never committed
(``python bench/gen_imdb.py /tmp/imdb 10000000`` writes 10^7 rows, about 750 MB, in a few
minutes). The values follow the real dump's distributions, as published in IMDb's
datasets of 2024-2026:

- title types: about 70% ``tvEpisode``, 10% ``movie``, 9% ``short``, 2.5% ``video``, 2.5%
  ``tvSeries``, and ``tvMovie``, ``tvMiniSeries``, ``tvSpecial``, ``videoGame``, ``tvShort``,
  ``tvPilot`` in their small shares;
- tconsts ``tt`` and 7 (later 8) digits, ascending with gaps, as IMDb sorts its files;
- ``\N`` for a third of the runtimes (most episodes), a tenth of the years and a twentieth
  of the genres; runtimes around 90 minutes for films, 22-60 for episodes, a few ``0``;
- one to three of IMDb's 28 genres, comma-joined; years from 1890, most of them recent;
- ``endYear`` only for series; ``isAdult`` 1 for about 2%;
- a rating for about one title in seven (1.5 million of 11 million in the real dump),
  1.0 to 10.0 with one decimal, votes from 5 to millions on a long tail.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

__all__ = ["write"]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


TYPES = (
    ("tvEpisode", 0.70),
    ("movie", 0.10),
    ("short", 0.09),
    ("video", 0.025),
    ("tvSeries", 0.025),
    ("tvMovie", 0.014),
    ("tvMiniSeries", 0.005),
    ("tvSpecial", 0.004),
    ("videoGame", 0.004),
    ("tvShort", 0.002),
    ("tvPilot", 0.001),
)
GENRES = _words(
    "Drama Comedy Documentary Action Romance Thriller Crime Horror Adventure Family "
    "Animation Reality-TV Mystery Music Talk-Show Fantasy History Biography Sci-Fi Sport "
    "Musical Adult War Game-Show News Western Film-Noir Short"
)
WORDS = _words(
    "The Night Last Summer City River Garden Silent Long Road Home Ghost Blue Red House Of "
    "Lost Stars Dark Light Hour Empire Shadow Paper Glass Moon Sun Wild Storm Iron Golden "
    "Little Secret Strange Broken Hidden Kingdom Episode Part Love Life Day World Man Woman "
    'A "Quoted" Über Chihiro Été Noël 1917'
)
_CHUNK = 100_000
_N = "\\N"


def _runtime(rng: random.Random, kind: str) -> str:
    if rng.random() < (0.6 if kind == "tvEpisode" else 0.2):
        return _N
    if rng.random() < 0.003:
        return "0"
    if kind in ("movie", "tvMovie", "video", "tvSpecial"):
        return str(max(1, int(rng.gauss(92, 22))))
    if kind in ("short", "tvShort"):
        return str(rng.randint(1, 40))
    return str(rng.choice((11, 22, 24, 30, 42, 45, 60)))


def _year(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return _N
    # Most titles are recent: a triangular distribution leaning on the last decades.
    return str(int(rng.triangular(1890, 2027, 2024)))


def _genres(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return _N
    return ",".join(sorted(rng.sample(GENRES, rng.choice((1, 1, 2, 3, 3)))))


def _title(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(1, 5)))


def write(folder: Path, rows: int, *, seed: int = 2000) -> None:
    """Write title.basics.tsv (*rows* titles) and title.ratings.tsv into *folder*."""
    rng = random.Random(seed)
    names, weights = zip(*TYPES, strict=True)
    header = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\t"
    number = 0
    with (
        (folder / "title.basics.tsv").open("w", encoding="utf-8", newline="\n") as basics,
        (folder / "title.ratings.tsv").open("w", encoding="utf-8", newline="\n") as ratings,
    ):
        basics.write(header + "runtimeMinutes\tgenres\n")
        ratings.write("tconst\taverageRating\tnumVotes\n")
        for start in range(0, rows, _CHUNK):
            kinds = rng.choices(names, weights, k=min(_CHUNK, rows - start))
            lines, rated = [], []
            for kind in kinds:
                number += rng.randint(1, 3)
                tconst = f"tt{number:07}"
                title = _title(rng)
                original = title if rng.random() < 0.85 else _title(rng)
                year = _year(rng)
                end = year if kind == "tvSeries" and year != _N and rng.random() < 0.5 else _N
                adult = "1" if rng.random() < 0.02 else "0"
                runtime, genres = _runtime(rng, kind), _genres(rng)
                lines.append(
                    f"{tconst}\t{kind}\t{title}\t{original}\t{adult}\t{year}\t{end}\t"
                    f"{runtime}\t{genres}\n"
                )
                if rng.random() < 0.14:
                    votes = int(rng.paretovariate(0.9) * 5)
                    rating = rng.randint(10, 100) / 10
                    rated.append(f"{tconst}\t{rating:.1f}\t{min(votes, 3_000_000)}\n")
            basics.write("".join(lines))
            ratings.write("".join(rated))


if __name__ == "__main__":
    where = Path(sys.argv[1])
    where.mkdir(parents=True, exist_ok=True)
    write(where, int(sys.argv[2]), seed=int(sys.argv[3]) if len(sys.argv) > 3 else 2000)
