"""Render the Backstage page in headless Chromium for docs/page.md.

    PYTHONPATH=src python docs/_scripts/make_page_screenshot.py

writes docs/_static/page-backstage.png: the English and the German page side by side, as
the HTML fragment of filmmeta.page() shows them with a few lines of the reader's own CSS
(the fragment itself carries no styles).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from filmmeta import from_json, page

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "_static" / "page-backstage.png"
CSS = """
body { font: 15px/1.45 sans-serif; margin: 0; padding: 16px; display: flex; gap: 24px; }
article { flex: 1; border: 1px solid #ccc; border-radius: 6px; padding: 0 16px 8px; }
h1 { font-size: 22px; } h2 { font-size: 17px; }
ul.filmmeta-header { list-style: none; padding: 0; display: flex; gap: 14px; color: #555; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dt { color: #666; } dd { margin: 0; }
"""


def main() -> None:
    film = from_json((ROOT / "src" / "filmmeta" / "data" / "backstage.json").read_text("utf-8"))
    body = page(film, format="html") + page(film, locale="de-DE", format="html")
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium is not installed")
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "page.html"
        document.write_text(
            f'<!DOCTYPE html><html lang="en"><meta charset="utf-8"><style>{CSS}</style>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={folder}/profile",
                f"--screenshot={OUT}",
                "--window-size=1200,680",
                document.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(OUT)


if __name__ == "__main__":
    main()
