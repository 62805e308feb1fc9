"""Write the published JSON Schema of a Film, ``docs/schema/film.schema.json``.

Usage::

    python scripts/gen_schema.py          # write the file
    python scripts/gen_schema.py --check  # exit 1 if the file is out of date

The schema comes from :func:`filmmeta.json_schema`; the file is pretty JSON (indent 2,
sorted keys, non-ASCII written as is, a trailing newline), so that a change to the model
shows up as a readable diff. ``tests/test_schema.py`` fails while the file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from filmmeta._json.schema import json_schema

PATH = Path(__file__).resolve().parent.parent / "docs" / "schema" / "film.schema.json"


def render(schema: dict[str, Any]) -> str:
    """Return the text of the published file for *schema*."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the file, or with ``--check`` only compare it; return the exit status."""
    text = render(json_schema())
    if "--check" in argv[1:]:
        current = PATH.read_text("utf-8") if PATH.exists() else ""
        if current != text:
            print(f"{PATH} is out of date: run python scripts/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    PATH.parent.mkdir(parents=True, exist_ok=True)
    PATH.write_text(text, "utf-8")
    print(f"wrote {PATH} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
