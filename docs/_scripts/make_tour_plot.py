"""Draw the runtime plot of the tour: ``docs/_static/tour-runtime.png``.

    python docs/_scripts/make_tour_plot.py [OUT.png]

The catalog is made up, from a seeded random generator, so the picture is the same on
every run: 2,000 films whose runtimes are spread around typical lengths for their kind.
Needs pandas and matplotlib. The test suite runs :func:`make_plot` into a temporary
directory when both are installed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from filmmeta import Film

OUT = Path(__file__).resolve().parents[1] / "_static" / "tour-runtime.png"
# Kind: (share of the catalog, mean runtime, spread, shortest, longest), in minutes.
KINDS = {
    "movie": (0.7, 104, 17, 60, 180),
    "tv_movie": (0.2, 88, 8, 60, 130),
    "short": (0.1, 14, 7, 2, 40),
}


def made_up_catalog(n: int = 2000, seed: int = 2000) -> list[Film]:
    """Return *n* films with a kind, a year and a runtime, the same ones for one seed."""
    rng = random.Random(seed)
    kinds = rng.choices(list(KINDS), weights=[k[0] for k in KINDS.values()], k=n)
    films = []
    for i, kind in enumerate(kinds):
        _, mean, spread, shortest, longest = KINDS[kind]
        minutes = min(max(round(rng.gauss(mean, spread)), shortest), longest)
        year = rng.randint(1970, 2025)
        films.append(Film(f"Film {i}", kind=kind, release_date=year, runtime=minutes))
    return films


def plot_runtimes(df: Any) -> Any:
    """Draw one histogram of ``runtime_minutes`` per kind, stacked; return the figure."""
    import matplotlib.pyplot as plt

    kinds = [kind for kind in df["kind"].cat.categories if (df["kind"] == kind).any()]
    runtimes = [df.loc[df["kind"] == kind, "runtime_minutes"].dropna() for kind in kinds]
    fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
    ax.hist(runtimes, bins=range(0, 185, 5), stacked=True, label=kinds)
    ax.set_xlabel("Runtime (minutes)")
    ax.set_ylabel("Films")
    ax.set_title(f"Runtimes of {len(df):,} films by kind")
    ax.legend(title="kind")
    return fig


def make_plot(path: Path = OUT) -> Path:
    """Build the made-up catalog, its DataFrame and the plot; save it as *path*."""
    import matplotlib as mpl

    mpl.use("Agg")  # a file, no window
    import matplotlib.pyplot as plt

    from filmmeta.frames import to_dataframe

    fig = plot_runtimes(to_dataframe(made_up_catalog()))
    # No "Software" entry: the PNG changes only when the picture does.
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)
    return path


if __name__ == "__main__":
    print(make_plot(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
