"""The layers' imports point one way, and what the model borrows from above is lent to it."""

from __future__ import annotations

import ast
import html
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import filmmeta
from filmmeta import Film, Offer, Rating
from filmmeta._model import handlers

PACKAGE = Path(filmmeta.__file__).parent
# What the model layer may import of filmmeta: itself, the exceptions and the locale
# helpers (which import nothing of filmmeta but the exceptions).
BELOW_THE_MODEL = ("filmmeta._model", "filmmeta.exceptions", "filmmeta._l10n")


def imported_modules(path: Path) -> list[str]:
    """Every filmmeta module that *path* imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            assert node.level == 0, f"{path.name}: a relative import"
            found += [node.module]
            # `from filmmeta import _words` reaches a layer as a name, not as a module.
            found += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return [name for name in found if name == "filmmeta" or name.startswith("filmmeta.")]


def _within(name: str, layers: tuple[str, ...]) -> bool:
    return any(name == layer or name.startswith(f"{layer}.") for layer in layers)


MODEL_MODULES = sorted((PACKAGE / "_model").glob("*.py"))


@pytest.mark.parametrize("path", MODEL_MODULES, ids=lambda path: path.name)
def test_the_model_imports_nothing_above_it(path: Path) -> None:
    above = [
        name
        for name in imported_modules(path)
        if name != "filmmeta" and not _within(name, BELOW_THE_MODEL)
    ]
    assert above == []


def test_the_walk_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import filmmeta.frames\n"
        "def f():\n    from filmmeta._words.html import film_html\n"
        "from filmmeta import _json\n"
    )
    assert imported_modules(module) == [
        "filmmeta.frames",
        "filmmeta",
        "filmmeta._json",
        "filmmeta._words.html",
        "filmmeta._words.html.film_html",
    ]


# -- what the layers above lend the model ----------------------------------------------------


class _Printer:
    def __init__(self) -> None:
        self.written: list[str] = []

    def text(self, obj: str) -> None:
        self.written.append(obj)


@pytest.fixture
def without(request: pytest.FixtureRequest) -> Iterator[None]:
    """Take the handlers named by the test's parameter back, and lend them again after."""
    names: tuple[str, ...] = request.param
    saved = {name: handlers._REGISTERED[name] for name in names}
    for name in names:
        handlers.unregister(name)
    yield
    for name, (module, attribute) in saved.items():
        handlers.register(name, module, attribute)


@pytest.mark.parametrize(
    "without", [("film_html", "film_pretty", "rating_pretty", "offer_pretty")], indirect=True
)
@pytest.mark.usefixtures("without")
def test_without_the_words_layer_a_value_shows_its_repr() -> None:
    film = Film("<Heat>")
    shown = film._repr_html_()
    assert shown == f"<pre>{html.escape(repr(film))}</pre>"
    assert "&lt;Heat&gt;" in shown
    assert "<Heat>" not in shown
    for value in (film, Rating("imdb", 5.7), Offer("Netflix", "subscription")):
        printer = _Printer()
        value._repr_pretty_(printer, False)
        assert printer.written == [repr(value)]


@pytest.mark.parametrize(
    "without", [("pydantic_core_schema", "pydantic_json_schema")], indirect=True
)
@pytest.mark.usefixtures("without")
def test_without_the_json_layer_pydantic_is_told_so() -> None:
    with pytest.raises(TypeError, match="Rating has no pydantic schema"):
        Rating.__get_pydantic_core_schema__(Rating, None)
    with pytest.raises(TypeError, match="Film has no pydantic schema"):
        Film.__get_pydantic_json_schema__({}, None)


def test_handlers_are_imported_on_first_use() -> None:
    # `import filmmeta` lends the handlers without importing the modules behind them.
    code = (
        "import sys, filmmeta\n"
        "from filmmeta._model import handlers\n"
        "print(repr((sorted(handlers._REGISTERED), 'filmmeta._words.html' in sys.modules,"
        " 'filmmeta._json.pydantic' in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ast.literal_eval(out.stdout) == (
        [
            "film_html",
            "film_pretty",
            "offer_pretty",
            "pydantic_core_schema",
            "pydantic_json_schema",
            "rating_pretty",
        ],
        False,
        False,
    )


def test_a_handler_registered_again_is_imported_again() -> None:
    first = handlers.handler("film_html")
    handlers.register("film_html", "filmmeta._words.html", "film_text")
    try:
        assert handlers.handler("film_html") is not first
    finally:
        handlers.register("film_html", "filmmeta._words.html", "film_html")
    assert handlers.handler("film_html") is first
    assert handlers.handler("no such handler") is None


# -- each layer imports what it uses of another from that layer's package --------------------

# The private sub-packages: each exports what the layers above use (some names on first
# use), so that no module reaches into another layer's modules.
LAYERS = ("_model", "_json", "_catalog", "_match")
# Modules of a layer taken whole by a public face, which calls their private helpers
# too (frames.py: arrow._check_size); left to the catalog's own work (issue 12's note).
TAKEN_WHOLE = {
    ("frames.py", "filmmeta._catalog.arrow"),
    ("frames.py", "filmmeta._catalog.columnar"),
}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _is_module(name: str) -> bool:
    parts = name.split(".")[1:]
    return (PACKAGE.joinpath(*parts).with_suffix(".py")).exists()


def cross_layer_imports() -> list[tuple[str, str]]:
    """(importing file, what it imports) for each import of another layer's module.

    ``from filmmeta._model import Film`` imports the package; ``from filmmeta._model.film
    import Film`` and ``from filmmeta._model import film`` import one of its modules.
    """
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE)
        here = _layer(".".join(("filmmeta", *where.parts)))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                layer = _layer(target)
                if layer not in (None, here) and target.count(".") > 1 and _is_module(target):
                    found.append((where.as_posix(), target))
    return found


def test_layers_are_imported_through_their_packages() -> None:
    reaching = [found for found in cross_layer_imports() if found not in TAKEN_WHOLE]
    assert reaching == []
    # The list is real: the exceptions are found, and still there.
    assert set(cross_layer_imports()) >= TAKEN_WHOLE


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_package_names_what_it_lacks(layer: str) -> None:
    package = importlib.import_module(f"filmmeta.{layer}")
    for name in package.__all__:
        assert getattr(package, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        package.nope  # noqa: B018
