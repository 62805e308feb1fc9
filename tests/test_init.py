from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import filmmeta


def test_all_is_sorted_and_complete() -> None:
    assert filmmeta.__all__ == sorted(filmmeta.__all__, key=lambda n: (not n.isupper(), n))
    for name in filmmeta.__all__:
        assert getattr(filmmeta, name) is not None
    assert set(filmmeta.__all__) <= set(dir(filmmeta))


def test_version() -> None:
    from importlib.metadata import version

    assert filmmeta.__version__ == version("filmmeta")


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        filmmeta.nope  # noqa: B018


# What `import filmmeta` leaves to the calls that need it (docs/performance.md, "Import"):
# the converters and cattrs, JSON libraries, the page text, the matcher, message catalogs
# and Babel, the optional libraries. A structural guard of the import time: no timing.
NOT_ON_IMPORT = (
    "babel",
    "cattrs",
    "dateutil",
    "difflib",
    "filmmeta._json",
    "filmmeta._l10n",
    "filmmeta._match.score",
    "filmmeta._match.titles",
    "filmmeta._words.describe",
    "filmmeta._words.reception",
    "filmmeta.converters",
    "gettext",
    "html",
    "importlib.metadata",
    "importlib.resources",
    "msgspec",
    "numpy",
    "orjson",
    "pandas",
    "pathlib",
    "pyarrow",
    "pydantic",
    "shutil",
    "tempfile",
)


def loaded(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of *modules* a fresh interpreter has loaded after running *code*."""
    check = f"{code}\nimport sys\nprint(sorted(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    found: list[str] = ast.literal_eval(out.stdout)
    return found


def test_import_is_lazy() -> None:
    assert loaded("import filmmeta", NOT_ON_IMPORT) == []
    # The check sees a module that is loaded.
    assert loaded("import filmmeta, difflib", NOT_ON_IMPORT) == ["difflib"]


def test_an_english_page_needs_no_babel_and_no_importlib_resources() -> None:
    code = (
        "import filmmeta\n"
        "film = filmmeta.Film('Heat', release_date=1995, countries=['US'])\n"
        "filmmeta.page(film, locale='en-GB')\n"
    )
    assert loaded(code, ("babel", "importlib.resources", "gettext")) == ["gettext"]


def test_merge_films_loads_the_matcher_when_it_compares_films() -> None:
    code = (
        "import filmmeta\n"
        "film = filmmeta.Film('Heat', release_date=1995)\n"
        "filmmeta.merge_films(film, force=True)\n"
    )
    assert loaded(code, ("filmmeta._match.score",)) == []
    compared = code.replace("force=True", "film")
    assert loaded(compared, ("filmmeta._match.score",)) == ["filmmeta._match.score"]
