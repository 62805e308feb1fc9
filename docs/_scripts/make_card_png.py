"""Draw the notebook card of the notebook page: ``docs/_static/notebook-card.png``.

    python docs/_scripts/make_card_png.py [OUT.png]

Renders the HTML that a notebook shows for the bundled Backstage film (``film._repr_html_()``)
in headless Chromium, on a white page the size of the card. Needs a ``chromium`` (or
``chromium-browser``, ``google-chrome``) on the PATH; on Debian, ``apt-get install
chromium``. The test suite checks that :func:`card_page` holds the film's card and that the
committed picture is a PNG of :data:`SIZE`; it does not run a browser.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from filmmeta import Film, from_json

OUT = Path(__file__).resolve().parents[1] / "_static" / "notebook-card.png"
#: The picture's width and height in pixels: the card and a margin.
SIZE = (560, 220)
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def backstage() -> Film:
    """The film the picture shows."""
    return from_json((resources.files("filmmeta") / "data" / "backstage.json").read_bytes())


def card_page(film: Film) -> str:
    """A page holding the film's notebook card, as Jupyter's output area places it."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body style="margin: 16px; background: white; color: #111; font-size: 14px">'
        f"{film._repr_html_()}</body></html>"
    )


def make_card(out: Path = OUT) -> Path:
    """Render the card to *out* with headless Chromium and return *out*."""
    browser = next((found for name in _BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        sys.exit("no Chromium on the PATH: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "card.html"
        page.write_text(card_page(backstage()), encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={SIZE[0]},{SIZE[1]}",
                f"--screenshot={out.resolve()}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    return out


if __name__ == "__main__":
    print(make_card(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
