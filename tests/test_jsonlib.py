"""Strict JSON (issue 13, defect 7): keys given twice, and bodies that are not JSON text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import Film, ValidationError, from_json, load_jsonl
from filmmeta._json import jsonlib


@pytest.fixture(params=["orjson", "json"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json":
        monkeypatch.setattr(jsonlib, "orjson", None)
    elif jsonlib.orjson is None:  # pragma: no cover - orjson is a test dependency
        pytest.skip("orjson is not installed")
    return str(request.param)


DUPLICATES: list[tuple[str, list[str]]] = [
    # (JSON text, the paths of the keys given twice)
    ('{"title": "a", "title": "b"}', ["title"]),
    ('{"title":"a","title":"a"}', ["title"]),
    ('{"title": "a", "kind": "movie", "title": "a", "kind": "movie"}', ["title", "kind"]),
    (
        '{"title": "a", "ratings": [{"source": "imdb", "value": 5, "value": 6}]}',
        ["ratings[0].value"],
    ),
    ('{"title": "a", "ids": {"imdb": "tt0206000", "imdb": "tt0206001"}}', ["ids.imdb"]),
    ('{"title": "a", "title": "b", "title": "c"}', ["title"]),
    ('{"title" : "a", "title" : "b"}', ["title"]),  # white space before the colon
    ('{\n  "title"\n  :\n  "a",\n  "title": "b"\n}', ["title"]),
    ('{"title": "a", "ti\\u0074le": "b"}', ["title"]),  # the same key, spelled two ways
    ('{"title": "a:b", "summary": "x: y", "title": "c"}', ["title"]),  # colons in strings
    ('{"title": "a\\u003a", "title": "b"}', ["title"]),  # an escaped colon
    ('{"title": "say \\"a\\": b", "title": "c"}', ["title"]),  # a quote before a colon
    (
        '{"title": "a", "offers": [{"provider": "x", "type": "buy", "type": "rent"}]}',
        ["offers[0].type"],
    ),
    # Compact, as canonical JSON is, with a line's newline or other space around it.
    ('{"title":"a","title":"b"}\n', ["title"]),
    (' {"title":"a","ids":{"imdb":"tt0206000","imdb":"tt0206000"}}\r\n', ["ids.imdb"]),
    ('{"credits":[{"name":"A","role":"actor","name":"A"}],"title":"a"}\n', ["credits[0].name"]),
]
UNIQUE: list[str] = [
    '{"title": "a:b", "summary": "c: \\"d\\": e"}',
    '{"title": "a\\u003ab", "summary": "\\u0022:"}',
    '{"title" : "a" , "kind" : "movie"}',
    '{"title": "a", "ratings": [{"source": "imdb", "value": 5}, {"source": "tmdb", "value": 5}]}',
    '{"title": "Am\\u00e9lie"}',
    # Canonical text with space around it (a line of JSON Lines), escaped and colon keys.
    '{"title":"a","kind":"movie"}\n',
    '\t{"title":"a:b","ids":{"imdb":"tt0206000"}}\r\n',
    '{"ti\\u0074le":"a","kind":"movie"}\n',
]


@pytest.mark.parametrize(("text", "paths"), DUPLICATES)
def test_strict_reading_refuses_keys_given_twice(backend: str, text: str, paths: list[str]) -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(text)
    assert caught.value.errors == [(path, "duplicate key") for path in paths]
    with pytest.raises(ValidationError, match="duplicate key"):
        from_json(text.encode())


@pytest.mark.parametrize("text", [t for t, _ in DUPLICATES[:3]])
def test_lenient_reading_keeps_the_last_value(backend: str, text: str) -> None:
    assert from_json(text, strict=False).title in {"a", "b"}


@pytest.mark.parametrize("text", UNIQUE)
def test_documents_without_repeated_keys_are_read(backend: str, text: str) -> None:
    assert isinstance(from_json(text), Film)
    assert jsonlib.find_duplicate_keys(text) == []


def test_a_duplicate_in_a_json_lines_file_names_the_line(backend: str) -> None:
    import io

    films = load_jsonl(io.StringIO('{"title": "a"}\n{"title": "a", "title": "b"}\n'))
    assert next(films).title == "a"
    with pytest.raises(ValidationError, match=r"^line 2: title: duplicate key$"):
        next(films)


# A JSON object as key-value pairs, keys from a small set so that some repeat, written
# with any spacing and any escapes: the fast count must agree with the exact check.
_KEYS = st.sampled_from(["a", "b", "a:", 'a"', "\\", "é", ":"])
_LEAVES = st.one_of(st.integers(), st.sampled_from(["", ":", '":', '" :', "\\u003a", "x"]))
_TREES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.lists(st.tuples(_KEYS, inner), max_size=4).map(tuple)
    ),
    max_leaves=12,
)


def _write(value: Any, space: str, ascii_only: bool) -> str:
    if isinstance(value, tuple):
        items = [
            f"{json.dumps(k, ensure_ascii=ascii_only)}{space}:{space}{_write(v, space, ascii_only)}"
            for k, v in value
        ]
        return "{" + f",{space}".join(items) + "}"
    if isinstance(value, list):
        return "[" + f",{space}".join(_write(v, space, ascii_only) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


def _has_duplicates(value: Any) -> bool:
    if isinstance(value, tuple):
        keys = [k for k, _ in value]
        return len(set(keys)) != len(keys) or any(_has_duplicates(v) for _, v in value)
    if isinstance(value, list):
        return any(map(_has_duplicates, value))
    return False


@given(
    pairs=st.lists(st.tuples(_KEYS, _TREES), max_size=5).map(tuple),
    space=st.sampled_from(["", " ", "\n  "]),
    ascii_only=st.booleans(),
)
def test_the_fast_check_finds_every_repeated_key(
    pairs: tuple[tuple[str, Any], ...], space: str, ascii_only: bool
) -> None:
    # Space around the value too, as a line of JSON Lines has; as text and as bytes.
    text = _write(pairs, space, ascii_only) + space.strip(" ")
    for backend in (jsonlib.orjson, None):
        saved, jsonlib.orjson = jsonlib.orjson, backend
        try:
            for given_text in (text, text.encode(), bytearray(text.encode())):
                if _has_duplicates(pairs):
                    with pytest.raises(ValidationError, match="duplicate key"):
                        jsonlib.loads(given_text, strict=True)
                else:
                    assert jsonlib.loads(given_text, strict=True) == json.loads(text)
        finally:
            jsonlib.orjson = saved


NOT_JSON: list[tuple[str | bytes, str]] = [
    # (the body, the message)
    (
        b"title=Am\xe9lie&year=2001",
        "the text is not UTF-8 (byte 0xe9 at offset 8); JSON text is UTF-8",
    ),
    (b"\xff\xfe{\x00}\x00", "the text is not UTF-8 (byte 0xff at offset 0); JSON text is UTF-8"),
    ("title=Am\udce9lie", "the text has a lone surrogate '\\udce9' at 8"),
    ("title=Heat&year=1995", "the text is form-encoded (title=Heat&year=1995), not JSON"),
    (b"title=Heat", "the text is form-encoded (title=Heat), not JSON"),
    (
        "ratings[0][source]=imdb&" + "x=1&" * 20 + "y=2",
        "the text is form-encoded (ratings[0][source]=imdb&x=1&x=1&x=1&x...), not JSON",
    ),
    ("", "the text is empty"),
    (b" \n ", "the text is empty"),
]


@pytest.mark.parametrize(("body", "message"), NOT_JSON)
def test_a_body_that_is_not_json_text_is_described(
    backend: str, body: str | bytes, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(body)
    ((path, said),) = caught.value.errors
    assert path == "$"
    assert said.startswith(f"not valid JSON: {message}")
    assert "surrogates not allowed" not in said


def test_a_value_that_is_not_text_is_described() -> None:
    assert jsonlib.why_not_json(12, TypeError("x")) == "expected str or bytes, got int"


def test_other_bad_json_keeps_the_parser_s_words(backend: str) -> None:
    with pytest.raises(ValidationError, match=r"^\$: not valid JSON: .*line 1 column"):
        from_json('{"title": }')


@pytest.mark.parametrize("depth", [300, 1000])
def test_deep_documents_are_checked_or_refused_cleanly(backend: str, depth: int) -> None:
    # orjson reads 1024 levels but writes only 254: the exact check takes over.
    text = '{"title": "x", "ids": ' + '{"a":' * depth + "1" + "}" * depth + "}"
    with pytest.raises(ValidationError) as caught:
        from_json(text)
    assert caught.value.errors[0][0] in {"$", "ids", "ids.a"}
