"""Lists of model values and documents of the wrong class (issue 13, defect 6)."""

from __future__ import annotations

from typing import Any

import pytest

from filmmeta import (
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Offer,
    Rating,
    ValidationError,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from filmmeta.converters import MAX_ERRORS

HEAT = Film("Heat", release_date="1995", ratings=[Rating("imdb", 8.3)])
RONIN = Film("Ronin", runtime=122)

# (a value of one model class, a class asked for in its place)
WRONG_CLASS: list[tuple[Any, type[Any], str]] = [
    (Rating("imdb", 5.7), Film, "a Rating (keys source, value), not a Film"),
    (Rating("imdb", 5.7, votes=347), Film, "a Rating (keys source, value, votes), not a Film"),
    (
        ContentRating("R", country="US"),
        Film,
        "a ContentRating (keys code, country, system), not a Film",
    ),
    (Credit("Chris Fiore", "director"), Rating, "a Credit (keys name, role), not a Rating"),
    (Offer("Vudu", "buy"), Film, "an Offer (keys provider, type), not a Film"),
    (ExternalIds(imdb="tt0206000"), Film, "an ExternalIds (keys imdb), not a Film"),
    (HEAT, Rating, "a Film (keys kind, ratings, release_date, title), not a Rating"),
]


@pytest.mark.parametrize(("value", "cls", "message"), WRONG_CLASS)
def test_a_document_of_another_class_says_so(value: Any, cls: type[Any], message: str) -> None:
    name = type(value).__name__
    with pytest.raises(ValidationError) as caught:
        from_dict(to_dict(value), cls)
    assert caught.value.errors == [
        ("$", f"the document is {message}: read it with from_dict(data, {name})")
    ]
    with pytest.raises(ValidationError, match="the document is"):
        from_json(to_json(value), cls)
    assert from_dict(to_dict(value), type(value)) == value


@pytest.mark.parametrize(
    "document",
    [
        {"title": "x", "source": "imdb"},  # a film with an unknown key: not another class
        {"title": ""},
        {"value": 5.7},  # no class has only these keys with all its required ones
    ],
)
def test_a_bad_film_is_not_taken_for_another_class(document: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(document)
    assert "the document is" not in str(caught.value)


def test_lists_of_films_both_ways() -> None:
    films = [HEAT, RONIN]
    text = to_json(films)
    assert text == "[" + ",".join(map(to_json, films)) + "]"
    assert to_json(tuple(films)) == text
    assert to_json(films, indent=2).startswith("[\n")
    assert from_json(text, list[Film]) == films
    assert to_dict(films) == [to_dict(HEAT), to_dict(RONIN)]
    assert from_dict(to_dict(films), list[Film]) == films
    assert from_json("[]", list[Film]) == []
    assert from_json('[{"source": "imdb", "value": 5.7}]', list[Rating]) == [Rating("imdb", 5.7)]


def test_a_list_reports_every_item_with_its_index() -> None:
    text = '[{"title": "ok"}, {"title": ""}, 5, {"title": "x", "runtime": 3}]'
    with pytest.raises(ValidationError) as caught:
        from_json(text, list[Film])
    assert caught.value.errors == [
        ("[1].title", "must not be empty"),
        ("[2]", "expected a JSON object, got int 5"),
        ("[3].runtime", "expected an ISO 8601 duration string, got int 3"),
    ]


def test_a_long_list_of_bad_films_is_reported_briefly() -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict([{"title": ""}] * (MAX_ERRORS * 3), list[Film])
    assert len(caught.value.errors) == MAX_ERRORS + 1
    assert caught.value.errors[-1][1].startswith("more errors may follow")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "x"}, "$: expected a JSON array of Film documents, got dict"),
        ("x", "$: expected a JSON array of Film documents, got str"),
    ],
)
def test_a_list_is_asked_for(data: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("$", "\\$")):
        from_dict(data, list[Film])


@pytest.mark.parametrize(
    "cls", [list[int], list, list[Film | Rating], dict[str, Film], int], ids=repr
)
def test_other_types_are_not_model_classes(cls: Any) -> None:
    with pytest.raises(ValidationError, match="is not a filmmeta model class"):
        from_dict([], cls)
    with pytest.raises(ValidationError, match="is not a filmmeta model class"):
        json_schema(cls)


@pytest.mark.parametrize("writer", [to_json, to_dict])
def test_a_list_holding_no_model_value_is_refused_at_its_index(writer: Any) -> None:
    with pytest.raises(ValidationError, match=r"^\[1\]: expected a filmmeta model value"):
        writer([HEAT, {"title": "x"}])


def test_json_schema_of_a_list() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(list[Film])
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["items"] == {"$ref": "#/$defs/Film"}
    assert "$id" not in schema
    one = json_schema(Film)
    assert schema["$defs"]["Film"]["properties"] == one["properties"]
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(to_dict([HEAT, RONIN]))
    assert not validator.is_valid([{"title": 1}])
    assert not validator.is_valid(to_dict(HEAT))
    assert json_schema(list[Rating])["$defs"]["Rating"]["required"] == ["source", "value"]
