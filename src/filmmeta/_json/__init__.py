"""The JSON layer: cattrs hooks, the fast decoding and encoding paths and the JSON Schema.

Built on the model layer; used by :mod:`filmmeta.converters`, which is its public face, and
by the formats (``why_not_json``). Its names load on first use: the hooks import cattrs,
which a program that only reads a TMDb document never needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filmmeta._json.decode import build, compiled_modules
    from filmmeta._json.documents import item_class, wrong_class_error
    from filmmeta._json.hooks import MAX_ERRORS, flatten, install
    from filmmeta._json.jsonl import JsonLines, OnError
    from filmmeta._json.jsonlib import dumps, loads, why_not_json
    from filmmeta._json.schema import json_schema

__all__ = [
    "MAX_ERRORS",
    "JsonLines",
    "OnError",
    "build",
    "compiled_modules",
    "dumps",
    "flatten",
    "install",
    "item_class",
    "json_schema",
    "loads",
    "why_not_json",
    "wrong_class_error",
]

_LAZY = {
    "build": "filmmeta._json.decode",
    "compiled_modules": "filmmeta._json.decode",
    "item_class": "filmmeta._json.documents",
    "wrong_class_error": "filmmeta._json.documents",
    "MAX_ERRORS": "filmmeta._json.hooks",
    "flatten": "filmmeta._json.hooks",
    "install": "filmmeta._json.hooks",
    "JsonLines": "filmmeta._json.jsonl",
    "OnError": "filmmeta._json.jsonl",
    "dumps": "filmmeta._json.jsonlib",
    "loads": "filmmeta._json.jsonlib",
    "why_not_json": "filmmeta._json.jsonlib",
    "json_schema": "filmmeta._json.schema",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'filmmeta._json' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
