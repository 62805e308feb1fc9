"""Write the modules that hold generated decoding hooks: ``src/filmmeta/_json/film_hook.py``.

Usage::

    python scripts/gen_hooks.py          # write the module
    python scripts/gen_hooks.py --check  # exit 1 if the module is out of date

:func:`filmmeta._json.decode.make_structure_fn` generates the film's fast hook from its
fields. The same source lives in a module of the package so that the compiled build
(mypyc, docs/performance.md) compiles it too; a field added to Film changes the source,
and ``tests/test_decode.py`` fails until this script is run again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from filmmeta import converters
from filmmeta._json.decode import MODULES, render_module

SRC = Path(__file__).resolve().parent.parent / "src"


def modules() -> dict[Path, str]:
    """The path and the text of each generated module."""
    converter = converters.make_converter(detailed_validation=False)
    return {
        SRC.joinpath(*module.__name__.split(".")).with_suffix(".py"): render_module(cls, converter)
        for cls, module in MODULES.items()
    }


def main(argv: list[str]) -> int:
    """Write the modules, or with ``--check`` only compare them; return the exit status."""
    stale = 0
    for path, text in modules().items():
        current = path.read_text("utf-8") if path.exists() else ""
        if current == text:
            continue
        if "--check" in argv[1:]:
            print(f"{path} is out of date: run python scripts/gen_hooks.py", file=sys.stderr)
            stale = 1
        else:
            path.write_text(text, "utf-8")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv))
