"""Optional libraries (pyarrow, pandas, Dask, Babel, ...), imported when a function needs them.

Used by every layer that reaches for an extra, so it lives beside them, not in one of them.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["require"]


def require(module: str, function: str, extra: str) -> Any:
    """Import an optional *module*, or raise an ImportError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.partition(".")[0]
        msg = f"{function} needs {package}: pip install 'filmmeta[{extra}]'"
        raise ImportError(msg, name=package) from exc
