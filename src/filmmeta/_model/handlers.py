"""What the layers above lend the model: its notebook display and its pydantic schemas.

The model imports nothing above it (``tests/test_layers.py`` walks its imports), yet a
film shows itself in a notebook as the card that the words layer draws, and pydantic
asks a model class for the schema that the JSON layer writes. So those layers register
their functions here, by module and name, when ``filmmeta`` is imported, and the model
calls what is registered. A function is imported on its first call, so that
``import filmmeta`` loads neither the page text nor cattrs.

With nothing registered (a layer left out), a model value shows its plain ``repr``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["handler", "register", "show_html", "show_pretty", "unregister"]

# name -> (module, attribute), as registered; then the function itself once imported.
_REGISTERED: dict[str, tuple[str, str]] = {}
_LOADED: dict[str, Callable[..., Any]] = {}


def register(name: str, module: str, attribute: str) -> None:
    """Lend the model the function *attribute* of *module* as its handler *name*.

    Examples:
        >>> register("film_html", "filmmeta._words.html", "film_html")
        >>> handler("film_html").__name__
        'film_html'
    """
    _REGISTERED[name] = (module, attribute)
    _LOADED.pop(name, None)


def unregister(name: str) -> None:
    """Take the handler *name* back (tests show the model on its own with it)."""
    _REGISTERED.pop(name, None)
    _LOADED.pop(name, None)


def handler(name: str) -> Callable[..., Any] | None:
    """The function registered as *name*, imported on first use; None when there is none."""
    found = _LOADED.get(name)
    if found is None and name in _REGISTERED:
        module, attribute = _REGISTERED[name]
        found = _LOADED[name] = getattr(importlib.import_module(module), attribute)
    return found


def show_html(name: str, value: object) -> str:
    """*value* as HTML by the handler *name*, or its ``repr``, escaped, without one."""
    found = handler(name)
    if found is None:
        import html  # only without the words layer: html.entities is 1 ms of `import filmmeta`

        return f"<pre>{html.escape(repr(value))}</pre>"
    shown: str = found(value)
    return shown


def show_pretty(name: str, value: object, p: Any, cycle: bool) -> None:  # noqa: FBT001
    """*value* for IPython's pretty printer *p* by the handler *name*, or its ``repr``."""
    found = handler(name)
    if found is None:
        p.text(repr(value))
    else:
        found(value, p, cycle)
