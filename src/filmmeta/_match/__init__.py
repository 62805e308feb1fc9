"""The matching layer: title forms, the same-film decision and catalog pairing.

Built on the model layer only; :mod:`filmmeta.match` is its public face.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from filmmeta._match.merge import merge_films
from filmmeta._match.score import THRESHOLD, Match, same_film
from filmmeta._match.titles import title_forms, title_key

if TYPE_CHECKING:
    from filmmeta._match.catalogs import match_catalogs

__all__ = [
    "THRESHOLD",
    "Match",
    "match_catalogs",
    "merge_films",
    "same_film",
    "title_forms",
    "title_key",
]

# Catalog pairing loads when filmmeta.match asks for it: `import filmmeta` needs it not.
_LAZY = {"match_catalogs": "filmmeta._match.catalogs"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'filmmeta._match' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
