"""The HTML page in a real browser: headless Chromium renders it and reports what it shows.

The page goes into a small document whose script, run by the browser once the page has
loaded, writes what a reader sees (``innerText``, which leaves out what CSS hides) and the
JSON-LD as the browser's own JSON parser reads it; ``--dump-dom`` prints the result.
Skipped where Chromium is not installed (CI installs it: see .ci/run).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from filmmeta import Film, from_json, page
from filmmeta.formats.schemaorg import from_jsonld

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium): the browser test is skipped",
)

_PROBE = """<script>
addEventListener("load", () => {
  const ld = document.querySelectorAll('script[type="application/ld+json"]');
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({
    text: document.querySelector("article").innerText,
    jsonld: Array.from(ld, (s) => JSON.parse(s.textContent)),
    headings: Array.from(document.querySelectorAll("h1"), (h) => h.innerText),
    scripts: document.scripts.length,
    alerted: window.alerted === true,
  });
  document.body.append(out);
});
window.alert = () => { window.alerted = true; };
</script>"""


def _render(fragment: str, folder: Path) -> dict[str, object]:
    document = folder / "page.html"
    document.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>page</title>'
        f"{_PROBE}</head><body>{fragment}</body></html>",
        encoding="utf-8",
    )
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={folder / 'profile'}",
        "--dump-dom",
        document.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    probe = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert probe is not None, done.stdout[-2000:]
    text = probe.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    result: dict[str, object] = json.loads(text)
    return result


def test_chromium_shows_the_page_and_reads_its_jsonld(backstage_text: str, tmp_path: Path) -> None:
    backstage = from_json(backstage_text)
    hostile = Film("</script><script>alert(1)</script>", release_date="2000")
    fragment = page(backstage, format="html") + page(hostile, format="html")
    shown = _render(fragment, tmp_path)
    lines = [line.strip() for line in str(shown["text"]).splitlines() if line.strip()]
    assert lines[:7] == [
        "Watch Backstage",
        "R",
        "2000",
        "1 hr 26 min",
        "5.7 (347)",
        "29",
        backstage.summary,
    ]
    assert "Where to Watch Backstage" in lines
    assert lines[-12:] == [
        "Release Date",
        "2000",
        "MPAA Rating",
        "R",
        "Runtime",
        "1 hr 26 min",
        "Language",
        "English",
        "IMDB Rating",
        "5.7 (347)",
        "Metascore",
        "29",
    ]
    # Two pages, one JSON-LD each; the hostile title broke nothing out and ran nothing.
    assert shown["scripts"] == 3  # the probe and the two JSON-LD elements
    assert shown["alerted"] is False
    assert shown["headings"] == ["Watch Backstage", f"Watch {hostile.title}"]
    first, second = shown["jsonld"]  # type: ignore[misc]
    read = from_jsonld(first)
    assert (read.title, read.year, read.runtime) == ("Backstage", 2000, backstage.runtime)
    assert read.rating("imdb") == backstage.rating("imdb")
    assert from_jsonld(second).title == hostile.title
