"""Hostile shapes: each either works or raises ValidationError, under both JSON backends."""

from __future__ import annotations

import pytest

from filmmeta import Film, ValidationError, _jsonlib, from_json, to_json

DEPTH = 100_000

HOSTILE: list[tuple[str, str, bool]] = [
    # (id, JSON text, whether it is a valid film)
    ("nested-lists", '{"title": "x", "ids": ' + "[" * DEPTH + "]" * DEPTH + "}", False),
    ("nested-objects", '{"title": "x", "ids": ' + '{"a":' * DEPTH + "1" + "}" * DEPTH + "}", False),
    ("nested-document", "[" * DEPTH + "]" * DEPTH, False),
    ("huge-float", '{"title": "x", "ratings": [{"source": "imdb", "value": 1e400}]}', False),
    (
        "huge-int",
        '{"title": "x", "ratings": [{"source": "imdb", "value": 1' + "0" * 100_000 + "}]}",
        False,
    ),
    ("nan", '{"title": "x", "ratings": [{"source": "imdb", "value": NaN}]}', False),
    ("infinity", '{"title": "x", "ratings": [{"source": "imdb", "value": -Infinity}]}', False),
    ("long-title", '{"title": "' + "x" * 1_000_000 + '"}', False),
    ("long-genre", '{"title": "x", "genres": ["' + "x" * 1_000_000 + '"]}', False),
    ("lone-surrogate", '{"title": "\\ud800"}', False),
    ("lone-low-surrogate", '{"title": "ok", "summary": "a\\udc00b"}', False),
    ("duplicate-keys", '{"title": "a", "title": "b"}', True),
    ("million-genres", '{"title": "x", "genres": [' + ",".join(['"g"'] * 1_000_000) + "]}", True),
    ("million-bad-items", '{"title": "x", "genres": [' + ",".join(["1"] * 100_000) + "]}", False),
    ("null-bytes", '{"title": "a\\u0000b"}', True),
    ("empty", "", False),
    ("bom", '\ufeff{"title": "x"}', False),
    ("truncated", '{"title": "x", "ratings": [{"source"', False),
    ("long-runtime", '{"title": "x", "runtime": "PT' + "9" * 90 + 'H"}', False),
    ("long-date", '{"title": "x", "release_date": "' + "9" * 10_000 + '"}', False),
]


@pytest.fixture(params=["orjson", "json"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json":
        monkeypatch.setattr(_jsonlib, "orjson", None)
    elif _jsonlib.orjson is None:  # pragma: no cover - orjson is a test dependency
        pytest.skip("orjson is not installed")
    return str(request.param)


@pytest.mark.parametrize(
    ("text", "valid"), [(t, v) for _, t, v in HOSTILE], ids=[i for i, _, _ in HOSTILE]
)
def test_hostile_documents(backend: str, text: str, valid: bool) -> None:
    if valid:
        film = from_json(text)
        assert from_json(to_json(film)) == film
        return
    with pytest.raises(ValidationError) as info:
        from_json(text)
    assert info.value.errors
    # Messages stay readable however large the input was.
    assert all(len(message) < 500 for _, message in info.value.errors)


def test_a_long_list_of_bad_items_is_reported_briefly() -> None:
    from filmmeta.converters import MAX_ERRORS

    with pytest.raises(ValidationError) as info:
        from_json('{"title": "x", "offers": [' + ",".join(["1"] * 500_000) + "]}")
    errors = info.value.errors
    assert len(errors) == MAX_ERRORS + 1
    assert errors[MAX_ERRORS - 1][0] == f"offers[{MAX_ERRORS - 1}]"
    assert errors[-1] == ("offers", f"more errors may follow; checking stopped after {MAX_ERRORS}")


def test_deep_python_values_from_dict() -> None:
    from filmmeta import from_dict

    value: object = []
    for _ in range(DEPTH):
        value = [value]
    with pytest.raises(ValidationError):
        from_dict({"title": "x", "genres": value})
    assert Film("x") == from_dict({"title": "x"})


def test_a_value_whose_repr_recurses_is_described() -> None:
    from filmmeta import from_dict

    class Endless:
        def __repr__(self) -> str:
            return repr(self)

    # Describing the value for the message would recurse without end: the message says
    # what it can instead.
    with pytest.raises(ValidationError, match=r"^title: expected a string, got Endless <Endless"):
        from_dict({"title": Endless()})
