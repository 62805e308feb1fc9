"""The web app example in docs/examples/webapp.py, through FastAPI's TestClient."""

from __future__ import annotations

import importlib.util
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmmeta import Film, from_json, json_schema, to_dict
from filmmeta.converters import MAX_ERRORS

from .strategies import films

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    # Starlette 1.x wants httpx2 for its TestClient and warns when it falls back to httpx.
    warnings.filterwarnings("ignore", message=r".*install `httpx2`")
    try:
        from fastapi.testclient import TestClient
    except (ImportError, RuntimeError):  # pragma: no cover - neither httpx2 nor httpx
        pytest.skip("the TestClient needs httpx2 (or httpx)", allow_module_level=True)

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "webapp.py"
if not EXAMPLE.exists():  # pragma: no cover - an installed package without docs
    pytest.skip("docs/examples is not here", allow_module_level=True)


def _load_example() -> Any:
    spec = importlib.util.spec_from_file_location("filmmeta_webapp_example", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


webapp = _load_example()


@pytest.fixture
def client() -> Any:
    # A fresh app per test: each has its own store. Server errors are raised, not
    # turned into a 500, so that a crash inside filmmeta fails the test loudly.
    with TestClient(webapp.create_app(), raise_server_exceptions=True) as c:
        yield c


def _post(client: Any, body: Any) -> Any:
    content = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post("/films", content=content, headers={"content-type": "application/json"})


def test_post_then_get(client: Any, backstage_text: str) -> None:
    created = _post(client, backstage_text)
    assert created.status_code == 201
    assert created.headers["location"] == "/films/backstage-2000"
    assert created.headers["content-type"] == "application/json"
    assert created.json() == json.loads(backstage_text)

    got = client.get("/films/backstage-2000")
    assert got.status_code == 200
    assert got.headers["content-type"] == "application/json"
    assert from_json(got.content) == from_json(backstage_text)


def test_post_returns_the_canonical_form(client: Any) -> None:
    created = _post(client, {"title": "Heat", "runtime": "P0DT2H50M0S", "summary": None})
    assert created.status_code == 201
    assert created.json() == {"title": "Heat", "kind": "movie", "runtime": "PT2H50M"}


def test_ids_are_unique_slugs(client: Any) -> None:
    locations = [_post(client, {"title": "Léon: The Professional"}).headers["location"]]
    locations.append(_post(client, {"title": "Léon: The Professional"}).headers["location"])
    locations.append(_post(client, {"title": "千と千尋"}).headers["location"])
    assert locations == [
        "/films/leon-the-professional",
        "/films/leon-the-professional-2",
        "/films/film",
    ]
    for location in locations:
        assert client.get(location).status_code == 200


def test_jsonld(client: Any, backstage_text: str) -> None:
    _post(client, backstage_text)
    got = client.get("/films/backstage-2000.jsonld")
    assert got.status_code == 200
    assert got.headers["content-type"] == "application/ld+json"
    doc = got.json()
    assert doc["@type"] == "Movie"
    assert doc["name"] == "Backstage"
    assert doc["aggregateRating"]["ratingValue"] == 5.7
    assert doc["aggregateRating"]["bestRating"] == 10


def test_schema(client: Any) -> None:
    got = client.get("/schema")
    assert got.status_code == 200
    assert got.headers["content-type"] == "application/schema+json"
    assert got.json() == json_schema()


@pytest.mark.parametrize("path", ["/films/nope", "/films/nope.jsonld", "/films/nope/more"])
def test_unknown_ids(client: Any, path: str) -> None:
    assert client.get(path).status_code == 404


# -- bad bodies ----------------------------------------------------------------------------

BAD_BODIES: list[tuple[str, Any, int, list[list[str | int]]]] = [
    # (id, body, status, the locs of the errors, in order)
    ("not-json", b"title=Backstage", 422, [["body", 0]]),
    ("empty", b"", 422, [["body"]]),
    ("truncated", b'{"title": "Backs', 422, [["body", 10]]),
    ("invalid-utf8", b'{"title": "\xff"}', 400, [[]]),
    ("list", [{"title": "Backstage"}], 422, [["body"]]),
    ("not-json-text", "Backstage", 422, [["body", 0]]),
    ("string", b'"Backstage"', 422, [["body"]]),
    ("null", None, 422, [["body"]]),
    ("number", 1e400, 422, [["body"]]),
    ("title-int", {"title": 1}, 422, [["body", "title"]]),
    (
        "wrong-types",
        {"title": "X", "runtime": 86, "genres": "Drama"},
        422,
        [["body", "runtime"], ["body", "genres"]],
    ),
    (
        "unknown-keys",
        {"title": "X", "rating": 5, "ids": {"netflix": "1"}},
        422,
        [["body", "ids", "netflix"], ["body", "rating"]],
    ),
    (
        "imdb-11.2",
        {
            "title": "X",
            "ratings": [{"source": "metacritic", "value": 29}, {"source": "imdb", "value": 11.2}],
        },
        422,
        [["body", "ratings", 1, "value"]],
    ),
    ("deeply-nested", b"[" * 100_000 + b"]" * 100_000, 400, [[]]),
    ("nan", b'{"title": NaN}', 422, [["body", "title"]]),
]


@pytest.mark.parametrize(
    ("body", "status", "locs"),
    [(b, s, loc) for _, b, s, loc in BAD_BODIES],
    ids=[i for i, _, _, _ in BAD_BODIES],
)
def test_bad_bodies_get_one_error_shape(
    client: Any, body: Any, status: int, locs: list[list[str | int]]
) -> None:
    response = _post(client, body)
    assert response.status_code == status
    errors = response.json()["detail"]
    assert [e["loc"] for e in errors] == locs
    assert all(sorted(e) == ["loc", "msg", "type"] for e in errors)
    assert all(isinstance(e["msg"], str) and e["msg"] for e in errors)


def test_the_spec_error_message(client: Any) -> None:
    body = {"title": "X", "ratings": [{"source": "imdb", "value": 11.2}]}
    assert _post(client, body).json() == {
        "detail": [
            {
                "type": "filmmeta",
                "loc": ["body", "ratings", 0, "value"],
                "msg": "11.2 is above the scale's best 10",
            }
        ]
    }


def test_missing_and_unknown_keys_have_pydantic_types(client: Any) -> None:
    errors = _post(client, {"ratings": [{"source": "imdb", "value": 5, "stars": 4}]}).json()
    assert sorted(errors["detail"], key=lambda e: e["type"]) == [
        {"type": "extra_forbidden", "loc": ["body", "ratings", 0, "stars"], "msg": "unknown key"},
        {"type": "missing", "loc": ["body", "title"], "msg": "required key missing"},
    ]


def test_a_rejected_film_is_not_stored(client: Any) -> None:
    _post(client, {"title": "Backstage", "kind": "series"})
    assert client.get("/films/backstage").json() == {
        "detail": [{"type": "not_found", "loc": ["path", "film_id"], "msg": "no film 'backstage'"}]
    }


def test_other_statuses_have_the_same_shape(client: Any) -> None:
    assert client.get("/nowhere").json() == {
        "detail": [{"type": "not_found", "loc": [], "msg": "Not Found"}]
    }
    assert client.delete("/films").json() == {
        "detail": [{"type": "method_not_allowed", "loc": [], "msg": "Method Not Allowed"}]
    }


def test_body_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webapp, "MAX_BODY", 100)
    too_large = {"detail": [{"type": "too_large", "loc": ["body"], "msg": "body too large"}]}
    with TestClient(webapp.create_app(), raise_server_exceptions=True) as client:
        response = _post(client, to_dict(Film("X", summary="y" * 200)))
        assert (response.status_code, response.json()) == (413, too_large)

        # A body sent in chunks, with no Content-Length, is cut off just the same.
        def chunks() -> Any:
            yield b'{"title": "X", "summary": "'
            yield b"y" * 200
            yield b'"}'

        response = client.post("/films", content=chunks())
        assert (response.status_code, response.json()) == (413, too_large)
        assert _post(client, {"title": "X"}).status_code == 201


def test_error_list_is_capped(client: Any) -> None:
    response = _post(client, {"title": "X", "genres": list(range(500))})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert len(errors) == MAX_ERRORS + 1
    assert errors[0] == {
        "type": "filmmeta",
        "loc": ["body", "genres", 0],
        "msg": "expected a string, got int 0",
    }
    assert errors[-1]["loc"] == ["body", "genres"]
    assert errors[-1]["msg"].startswith("more errors may follow")


# -- the OpenAPI document ------------------------------------------------------------------


def test_openapi_documents_body_and_response_with_filmmeta_schema(client: Any) -> None:
    doc = client.get("/openapi.json").json()
    post = doc["paths"]["/films"]["post"]
    film_ref = {"$ref": "#/components/schemas/Film"}
    assert post["requestBody"]["content"]["application/json"]["schema"] == film_ref
    assert post["requestBody"]["required"] is True
    assert post["responses"]["201"]["content"]["application/json"]["schema"] == film_ref
    got = doc["paths"]["/films/{film_id}"]["get"]["responses"]["200"]
    assert got["content"]["application/json"]["schema"] == film_ref
    component = doc["components"]["schemas"]["Film"]
    schema = json_schema()
    assert component["title"] == "Film"
    assert component["required"] == schema["required"]
    assert component["properties"].keys() == schema["properties"].keys()
    assert "$ref" not in json.dumps(component)  # self-contained inside the document


# -- generated junk -----------------------------------------------------------------------

_KEYS = st.sampled_from(
    ["title", "kind", "ratings", "source", "value", "best", "votes", "offers", "price", "ids"]
)
_junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS | st.text(), inner),
    max_leaves=20,
)


@st.composite
def _damaged_films(draw: st.DrawFn) -> Any:
    """A valid film document with one value somewhere replaced by junk."""
    doc = to_dict(draw(films))
    parent: Any = doc
    key: Any = draw(st.sampled_from(sorted(doc)))
    while isinstance(parent[key], dict | list) and parent[key] and draw(st.booleans()):
        parent = parent[key]
        key = draw(
            st.sampled_from(sorted(parent) if isinstance(parent, dict) else range(len(parent)))
        )
    parent[key] = draw(_junk)
    return doc


@settings(max_examples=50)
@given(body=_junk | _damaged_films() | st.binary(max_size=40))
def test_generated_junk_gets_201_or_an_error_list(body: Any) -> None:
    with TestClient(webapp.create_app(), raise_server_exceptions=True) as c:
        response = _post(c, body)
    assert response.status_code in {201, 400, 422}
    if response.status_code == 201:
        assert from_json(response.content) == from_json(json.dumps(body))
    else:
        assert all(e["type"] and e["msg"] for e in response.json()["detail"])
