"""Re-extract the page's sentence templates and recompile the message catalogs.

Run it after changing a marked message (``_``, ``n_``, ``p_``, ``N_`` in filmmeta/_l10n.py)
or a translation::

    python scripts/update_catalogs.py            # extract, update every .po, compile
    python scripts/update_catalogs.py --compile  # only compile the .po files to .mo

It calls Babel's own commands (``pybabel extract``, ``update``, ``compile``): new
messages appear in each ``filmmeta/locale/<lang>/LC_MESSAGES/filmmeta.po`` untranslated,
for a translator to fill in; tests/test_locales.py fails until every message has a
translation and every .mo matches its .po.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "filmmeta"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "filmmeta.pot"
# The marker functions of filmmeta._l10n and the argument that holds the message.
KEYWORDS = ("_:2", "n_:2,3", "p_:2c,3", "N_", "NP_:1c,2")


def pybabel(*args: str) -> None:
    """Run one of Babel's commands with this Python."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True)  # noqa: S603


def extract() -> None:
    """Extract the marked messages to the template and merge them into every catalog."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    pybabel(
        "extract",
        "--no-default-keywords",
        *keywords,
        "--add-comments=TRANSLATORS:",
        "--ignore-dirs=__pycache__ .*",
        "--no-location",
        "--sort-output",
        "--omit-header",
        "--project=filmmeta",
        "-o",
        str(TEMPLATE),
        str(PACKAGE),
    )
    if not any(LOCALE.glob("*/LC_MESSAGES/filmmeta.po")):
        return  # the first catalogs are made with pybabel init
    pybabel(
        "update", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", "filmmeta",
        "--no-fuzzy-matching", "--no-wrap",
    )  # fmt: skip


def compile_catalogs() -> None:
    """Compile every .po to its .mo."""
    pybabel("compile", "-d", str(LOCALE), "-D", "filmmeta", "--statistics")


def main() -> None:
    """Extract, update and compile (or only compile)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile .po to .mo")
    args = parser.parse_args()
    if not args.compile:
        extract()
    compile_catalogs()


if __name__ == "__main__":
    main()
