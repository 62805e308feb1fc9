"""filmmeta's model classes as pydantic types (filmmeta._json.pydantic)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import Phase, find, given, settings
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

import filmmeta
from filmmeta import Film, PartialDate, Rating, Viewing, from_json, json_schema, to_dict, to_json
from filmmeta._json.pydantic import core_schema_of, json_schema_of, loc
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta.converters import MODEL_CLASSES
from filmmeta.formats.omdb import from_omdb

from .conftest import FIXTURES
from .strategies import films


def test_importing_filmmeta_does_not_import_pydantic() -> None:
    code = (
        "import sys, filmmeta\n"
        "film = filmmeta.from_json(filmmeta.to_json(filmmeta.Film('X', release_date='2000')))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'pydantic_core'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def _walk(value: Any) -> Any:
    """Every model value inside *value*, itself included."""
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _walk(item)


def _samples() -> dict[type[Any], Any]:
    omdb = json.loads((FIXTURES / "omdb" / "back-to-the-future.json").read_text("utf-8"))
    backstage = from_json((FIXTURES.parents[1] / "src/filmmeta/data/backstage.json").read_text())
    found: dict[type[Any], Any] = {}
    for film in (backstage, from_omdb(omdb)):
        for value in _walk(film):
            found.setdefault(type(value), value)
    # A person's history holds films; no film holds a viewing.
    found[Viewing] = Viewing(
        backstage, watched_on="2024-01-01", rating=Rating("letterboxd", 4.5), tags=["vhs"]
    )
    return found


SAMPLES = _samples()


def _sample(cls: type[Any]) -> Any:
    """A value of *cls*: from the sample films, else from a generated film that holds one."""
    if cls in SAMPLES:
        return SAMPLES[cls]
    film = find(  # pragma: no cover - for classes the sample films do not hold
        films,
        lambda f: any(type(v) is cls for v in _walk(f)),
        # The first film that holds one: shrinking a film of model 2 would take minutes.
        settings=settings(max_examples=2000, database=None, phases=[Phase.generate]),
    )
    return next(v for v in _walk(film) if type(v) is cls)  # pragma: no cover


def _canonical(value: Any) -> Any:
    return str(value) if isinstance(value, PartialDate) else to_dict(value)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_model_class_is_a_pydantic_type(cls: type[Any]) -> None:
    value = _sample(cls)
    adapter = TypeAdapter(cls)
    canonical = _canonical(value)
    assert adapter.validate_python(value) is value
    assert adapter.validate_python(canonical) == value
    assert adapter.validate_json(json.dumps(canonical)) == value
    assert adapter.dump_python(value) == canonical
    written = json.dumps(canonical, separators=(",", ":"), ensure_ascii=False)
    assert adapter.dump_json(value) == written.encode()
    schema = adapter.json_schema()
    assert schema == json_schema_of(cls)
    assert "$ref" not in json.dumps(schema)
    jsonschema.Draft202012Validator(schema).validate(canonical)


@given(films)
def test_films_through_pydantic_are_filmmeta_films(film: Film) -> None:
    adapter = TypeAdapter(Film)
    assert adapter.validate_json(to_json(film)) == film
    assert adapter.dump_json(film).decode() == to_json(film)


@given(films)
def test_the_self_contained_schema_accepts_what_the_schema_accepts(film: Film) -> None:
    doc = to_dict(film)
    jsonschema.Draft202012Validator(json_schema()).validate(doc)
    jsonschema.Draft202012Validator(json_schema_of(Film)).validate(doc)


def test_the_self_contained_schema_refuses_what_the_schema_refuses() -> None:
    inlined = jsonschema.Draft202012Validator(json_schema_of(Film))
    for bad in (
        {"title": ""},
        {"title": "X", "countries": ["ZZ"]},
        {"title": "X", "ratings": [{"source": "imdb"}]},
        {"title": "X", "release_date": "2000-13"},
    ):
        assert not jsonschema.Draft202012Validator(json_schema()).is_valid(bad)
        assert not inlined.is_valid(bad)


class Request(BaseModel):
    film: Film
    others: list[Film] = []
    date: PartialDate | None = None


def test_every_error_in_pydantic_shape() -> None:
    body = {
        "film": {"title": 5, "genre": "Drama", "ratings": [{"source": "imdb", "value": 12}]},
        "others": [{"title": "X"}, {"title": {"a": "{b}"}}],
        "date": "2000-13",
    }
    with pytest.raises(PydanticValidationError) as info:
        Request.model_validate(body)
    errors = [{k: e[k] for k in ("type", "loc", "msg", "input")} for e in info.value.errors()]
    assert sorted(errors, key=lambda e: e["loc"]) == [
        {
            "type": "filmmeta",
            "loc": ("date",),
            "msg": "'2000-13': 13 is not a month (1 to 12)",
            "input": "2000-13",
        },
        {
            "type": "extra_forbidden",
            "loc": ("film", "genre"),
            "msg": "unknown key",
            "input": "Drama",
        },
        {
            "type": "filmmeta",
            "loc": ("film", "ratings", 0, "value"),
            "msg": "12 is above the scale's best 10",
            "input": 12,
        },
        {
            "type": "filmmeta",
            "loc": ("film", "title"),
            "msg": "expected a string, got int 5",
            "input": 5,
        },
        {
            "type": "filmmeta",
            "loc": ("others", 1, "title"),
            "msg": "expected a string, got dict {'a': '{b}'}",
            "input": {"a": "{b}"},
        },
    ]


def test_a_missing_key_points_at_its_place_and_gives_the_object() -> None:
    with pytest.raises(PydanticValidationError) as info:
        TypeAdapter(Film).validate_python({"kind": "movie"})
    (error,) = info.value.errors()
    assert (error["type"], error["loc"], error["input"]) == (
        "missing",
        ("title",),
        {"kind": "movie"},
    )


def test_a_model_with_films_round_trips() -> None:
    request = Request(film=SAMPLES[Film], date="2000")  # type: ignore[arg-type]
    assert request.date == PartialDate(2000)
    dumped = request.model_dump_json()
    assert json.loads(dumped)["film"] == to_dict(SAMPLES[Film])
    assert Request.model_validate_json(dumped) == request
    schema = Request.model_json_schema()
    assert schema["properties"]["film"] == {"$ref": "#/$defs/Film"}
    assert schema["$defs"]["Film"] == json_schema_of(Film)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$", ()),
        ("title", ("title",)),
        ("ratings[1].value", ("ratings", 1, "value")),
        ("[0].title", (0, "title")),
        ("ids.other.trakt", ("ids", "other", "trakt")),
        ("offers[2].audio_languages[0]", ("offers", 2, "audio_languages", 0)),
    ],
)
def test_loc(path: str, expected: tuple[str | int, ...]) -> None:
    assert loc(path) == expected


def test_every_public_model_class_has_the_hooks() -> None:
    # Classes not in MODEL_CLASSES yet get them too, ready for when their JSON form lands.
    public = [getattr(filmmeta, name) for name in filmmeta.__all__]
    models = [c for c in public if isinstance(c, type) and attrs.has(c)]
    assert set(MODEL_CLASSES) <= set(models)
    without = [c.__name__ for c in models if not issubclass(c, PydanticHooks)]
    # Provider is a vocabulary entry, not a part of a film document.
    assert without == ["CertificationSystem", "Provider", "RatingSource", "RatingSummary"]


def test_only_model_classes() -> None:
    with pytest.raises(TypeError, match="not a filmmeta model class"):
        core_schema_of(str)
