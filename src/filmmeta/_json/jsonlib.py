"""The JSON backend: orjson when it is installed, the standard library otherwise.

Both write the same text: compact output has no spaces, non-ASCII characters are written
as they are, and an indent of 2 is the only indent orjson knows (others use the standard
library).
"""

from __future__ import annotations

import json
from typing import Any

from filmmeta.exceptions import ROOT, ValidationError

orjson: Any
try:
    import orjson
except ImportError:  # pragma: no cover - exercised in CI's pass without the extra
    orjson = None

__all__ = ["dumps", "loads"]


def dumps(value: Any, *, indent: int | None = None) -> str:
    """Write *value* (JSON-ready) as JSON text."""
    if orjson is not None:
        # Compact first, with no option to pass: to_json's common case, and small films
        # make the overhead count.
        if indent is None:
            text: str = orjson.dumps(value).decode()
            return text
        if indent == 2:
            text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
            return text  # noqa: RET504
    if indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=indent)


def loads(text: str | bytes | bytearray) -> Any:
    """Read JSON text, raising ValidationError for anything that is not JSON."""
    try:
        if orjson is not None:
            return orjson.loads(text)
        return json.loads(text)
    except RecursionError:
        raise ValidationError.at(ROOT, "not valid JSON: nested too deeply") from None
    except (ValueError, TypeError) as exc:
        raise ValidationError.at(ROOT, f"not valid JSON: {exc}") from None
