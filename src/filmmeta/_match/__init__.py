"""The matching layer: title forms, the same-film decision and catalog pairing.

Built on the model layer only; :mod:`filmmeta.match` is its public face.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from filmmeta._match.merge import merge_films

if TYPE_CHECKING:
    from filmmeta._match.catalogs import match_catalogs
    from filmmeta._match.score import THRESHOLD, Match, same_film
    from filmmeta._match.titles import title_forms, title_key

__all__ = [
    "THRESHOLD",
    "Match",
    "match_catalogs",
    "merge_films",
    "same_film",
    "title_forms",
    "title_key",
]

# The matcher loads when filmmeta.match or merge_films first asks for it: `import
# filmmeta` needs it not (its title rules, difflib and classes are some 4 ms).
_LAZY = {
    "match_catalogs": "filmmeta._match.catalogs",
    **dict.fromkeys(("THRESHOLD", "Match", "same_film"), "filmmeta._match.score"),
    **dict.fromkeys(("title_forms", "title_key"), "filmmeta._match.titles"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'filmmeta._match' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
