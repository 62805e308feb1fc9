"""The JSON backend: orjson when it is installed, the standard library otherwise.

Both write the same text: compact output has no spaces, non-ASCII characters are written
as they are, and an indent of 2 is the only indent orjson knows (others use the standard
library).
"""

from __future__ import annotations

import json
import re
from typing import Any

from filmmeta.exceptions import ROOT, ValidationError, join_path

orjson: Any
try:
    import orjson
except ImportError:  # pragma: no cover - exercised in CI's pass without the extra
    orjson = None

__all__ = ["dumps", "find_duplicate_keys", "loads", "why_not_json"]


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


def loads(text: str | bytes | bytearray, *, strict: bool = False) -> Any:
    """Read JSON text, raising ValidationError for anything that is not JSON.

    With *strict*, an object with a key given twice is refused, with the key's path:
    neither backend says so itself (both keep the last value).
    """
    try:
        if orjson is not None:
            value = orjson.loads(text)
        else:
            # UTF-8 only, as orjson and RFC 8259 read JSON: json.loads would take UTF-16
            # and UTF-32 bytes too.
            value = json.loads(text if isinstance(text, str) else bytes(text).decode())
    except RecursionError:
        raise ValidationError.at(ROOT, "not valid JSON: nested too deeply") from None
    except (ValueError, TypeError) as exc:
        raise ValidationError.at(ROOT, f"not valid JSON: {why_not_json(text, exc)}") from None
    if strict and type(value) is dict and not _surely_unique(text, value):
        try:
            duplicates = find_duplicate_keys(text)
        except RecursionError:
            raise ValidationError.at(ROOT, "not valid JSON: nested too deeply") from None
        if duplicates:
            raise ValidationError([(path, "duplicate key") for path in duplicates])
    return value


def _surely_unique(text: str | bytes | bytearray, value: Any) -> bool:
    r"""Whether *text*, read as *value*, certainly has no key twice in one object.

    A key given twice is lost in *value*, and with it the colon after it: *value*
    written out again has one colon fewer than *text*. Every other colon is inside a
    string, written back as it was, unless *text* spells it as a ``\u003a`` escape,
    which sends the document to the exact check, as does a difference in the counts.
    One C-speed write and two byte counts: a tenth of reading a film. Text that is what
    *value* writes (canonical JSON, as to_json writes it) needs no count at all: the
    writer never writes a key twice, so neither does the text.
    """
    try:
        written = orjson.dumps(value) if orjson is not None else _compact(value)
    except (TypeError, ValueError, RecursionError):  # orjson writes 254 levels, reads 1024
        return False
    if type(text) is bytes:  # as from_json and load_jsonl mostly get it: no copy
        data = text
    else:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    if written == data or written == data.strip(_BLANK):
        # A line of JSON Lines ends in a newline: space around the value holds no key.
        return True
    if b"\\u003" in data:  # perhaps an escaped colon, which the count cannot see
        return False
    return data.count(b":") == written.count(b":")


#: JSON's whitespace (RFC 8259), which may surround a value.
_BLANK = b" \t\n\r"


def _compact(value: Any) -> bytes:
    """*value* written as compact JSON by the standard library (orjson is not installed)."""
    # surrogatepass: a lone surrogate read from a \ud800 escape is refused later, by the model.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


class _Pairs(list[tuple[str, Any]]):
    """An object's key-value pairs in order, duplicates kept (json's object_pairs_hook)."""


def find_duplicate_keys(text: str | bytes | bytearray) -> list[str]:
    """The paths of the keys given twice in one object of valid JSON *text*, in order.

    Examples:
        >>> find_duplicate_keys('{"title": "a", "ratings": [{"source": "x", "source": "y"}]}')
        ['ratings[0].source']
    """
    found: list[str] = []
    _walk(json.loads(text, object_pairs_hook=_Pairs), ROOT, found)
    return found


def _walk(value: Any, path: str, found: list[str]) -> None:
    if type(value) is _Pairs:
        seen: set[str] = set()
        for key, item in value:
            if key in seen and join_path(path, key) not in found:
                found.append(join_path(path, key))
            seen.add(key)
            _walk(item, join_path(path, key), found)
    elif type(value) is list:
        for index, item in enumerate(value):
            _walk(item, f"[{index}]" if path == ROOT else f"{path}[{index}]", found)


# Bytes that cannot be UTF-8, or a lone surrogate in text: what a Latin-1 or binary body
# gives. A form body: `title=Heat&year=1995`.
_FORM = re.compile(r"[\w.%+\-\[\]]+=[^&]*(?:&[\w.%+\-\[\]]+=[^&]*)*", re.ASCII)


def why_not_json(text: object, error: BaseException) -> str:
    r"""Why *text* is not JSON, in words about the text rather than the parser's internals.

    Examples:
        >>> why_not_json(b"title=Am\xe9lie", ValueError())
        'the text is not UTF-8 (byte 0xe9 at offset 8); JSON text is UTF-8'
        >>> why_not_json("title=Heat&year=1995", ValueError())
        'the text is form-encoded (title=Heat&year=1995), not JSON'
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            bad = f"byte 0x{text[err.start]:02x} at offset {err.start}"
            return f"the text is not UTF-8 ({bad}); JSON text is UTF-8"
    if not isinstance(text, str):
        return f"expected str or bytes, got {type(text).__name__}"
    if match := _SURROGATE.search(text):
        return (
            f"the text has a lone surrogate {match.group()!r} at {match.start()}"
            " (bytes that were not UTF-8, decoded with surrogateescape?); JSON text is UTF-8"
        )
    stripped = text.strip()
    if not stripped:
        return "the text is empty"
    if _FORM.fullmatch(stripped):
        return f"the text is form-encoded ({shown_text(stripped)}), not JSON"
    return str(error)


_SURROGATE = re.compile("[\ud800-\udfff]")


def shown_text(text: str) -> str:
    """The start of *text* for a message: at most 40 characters."""
    return text if len(text) <= 40 else text[:37] + "..."
