"""The command line, ``python -m filmmeta``: see :func:`filmmeta._cli.main.main`."""

from filmmeta._cli.main import main

__all__ = ["main"]
