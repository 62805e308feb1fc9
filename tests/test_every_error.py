"""Every error at once (issue 13, defect 1): N independent problems give N errors in one pass."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

from filmmeta import Film, Rating, ValidationError, from_dict, from_json

IMDB_12 = {"source": "imdb", "value": 12}
IMDB_5 = {"source": "imdb", "value": 5}

# (id, the document, the paths of its problems in the order reported)
MULTI: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "issue-example",
        {"title": "", "runtime": "x", "ratings": [IMDB_12, IMDB_5]},
        ["title", "runtime", "ratings[0].value", "ratings[1].source"],
    ),
    ("empty-title-and-bad-kind", {"title": "", "kind": "series"}, ["title", "kind"]),
    ("empty-title-and-unknown-key", {"title": " ", "stars": 5}, ["title", "stars"]),
    (
        "blank-summary-and-runtime",
        {"title": "X", "summary": "", "runtime": 5},
        ["runtime", "summary"],
    ),
    (
        "duplicate-source-and-bad-date",
        {"title": "X", "release_date": "2000-13", "ratings": [IMDB_5, IMDB_5]},
        ["release_date", "ratings[1].source"],
    ),
    (
        "duplicate-source-beside-bad-votes",
        {"title": "", "ratings": [{"source": "imdb", "value": 5, "votes": "1"}, IMDB_5]},
        ["title", "ratings[0].votes", "ratings[1].source"],
    ),
    (
        "three-bad-ratings",
        {
            "title": "X",
            "ratings": [
                IMDB_12,
                {"source": "metacritic", "value": 101},
                {"source": "Tmdb", "value": 5},
            ],
        },
        ["ratings[0].value", "ratings[1].value", "ratings[2].source"],
    ),
    (
        "bad-languages-and-countries",
        {"title": "X", "languages": ["EN", "xx-yy-zz"], "countries": ["us"]},
        ["languages[0]", "languages[1]", "countries[0]"],
    ),
    # (name and year alone are an Award document now: a key no class has makes it no other)
    ("missing-title-and-unknown-keys", {"name": "X", "years": 2000}, ["title", "name", "years"]),
    (
        "empty-genre-and-empty-original-title",
        {"title": "X", "genres": ["Drama", ""], "original_title": ""},
        ["genres[1]", "original_title"],
    ),
    (
        "credit-problems",
        {
            "title": "",
            "credits": [{"name": "", "role": "Director"}, {"name": "A", "role": "actor", "x": 1}],
        },
        ["title", "credits[0].name", "credits[0].role", "credits[1].x"],
    ),
    (
        "offer-problems",
        {"title": "X", "offers": [{"provider": "", "type": "lease", "region": "USA"}]},
        ["offers[0].provider", "offers[0].type", "offers[0].region"],
    ),
    (
        "bad-ids",
        {"title": "", "ids": {"imdb": "tt1", "tmdb": -1, "wikidata": "X1"}},
        ["title", "ids.imdb", "ids.tmdb", "ids.wikidata"],
    ),
    (
        "content-rating-problems",
        {"title": "", "content_ratings": [{"code": "", "country": "USA"}]},
        ["title", "content_ratings[0].code", "content_ratings[0].country"],
    ),
    (
        "types-everywhere",
        {"title": 1, "kind": 2, "genres": "Drama", "summary": 3},
        ["title", "kind", "genres", "summary"],
    ),
    (
        "rating-without-scale-and-duplicate",
        {
            "title": "X",
            "ratings": [
                {"source": "mysite", "value": 3},
                {"source": "mysite", "value": 4, "best": 5},
            ],
        },
        ["ratings[0].best", "ratings[1].source"],
    ),
    (
        "votes-negative-and-title-empty",
        {"title": "", "ratings": [{"source": "imdb", "value": 5, "votes": -1}]},
        ["title", "ratings[0].votes"],
    ),
    (
        "two-duplicates",
        {
            "title": "X",
            "ratings": [
                IMDB_5,
                IMDB_5,
                {"source": "tmdb", "value": 5},
                {"source": "tmdb", "value": 6},
            ],
        },
        ["ratings[1].source", "ratings[3].source"],
    ),
    (
        "duplicate-after-a-list-item-that-is-no-object",
        {"title": "", "ratings": [5, IMDB_5, IMDB_5]},
        ["title", "ratings[0]", "ratings[2].source"],
    ),
    (
        "release-date-and-runtime-and-title",
        {"title": "", "release_date": "01/02/2003", "runtime": "-5"},
        ["title", "release_date", "runtime"],
    ),
    (
        "summary-surrogate-and-original-title-type",
        {"title": "X", "summary": "   ", "original_title": ["X"]},
        ["summary", "original_title"],
    ),
    (
        "kind-and-duplicate-and-unknown",
        {"title": "X", "kind": "film", "ratings": [IMDB_5, IMDB_5], "rating": 5},
        ["kind", "ratings[1].source", "rating"],
    ),
]


@pytest.mark.parametrize(("document", "paths"), [m[1:] for m in MULTI], ids=[m[0] for m in MULTI])
def test_every_problem_is_reported_in_one_pass(document: dict[str, Any], paths: list[str]) -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(document)
    assert [path for path, _ in caught.value.errors] == paths
    with pytest.raises(ValidationError) as again:
        from_json(json.dumps(document))
    assert again.value.errors == caught.value.errors


def test_the_table_is_large_enough() -> None:
    assert len(MULTI) >= 20
    assert sum(len(paths) for _, _, paths in MULTI) >= 60


def test_the_whole_object_rules_wait_for_valid_fields() -> None:
    # A rating's scale check needs its own fields right: an unknown key is reported first.
    with pytest.raises(ValidationError) as caught:
        from_dict({"source": "imdb", "value": 12, "stars": 1}, Rating)
    assert caught.value.errors == [("stars", "unknown key")]
    with pytest.raises(ValidationError, match="above the scale's best 10"):
        from_dict({"source": "imdb", "value": 12}, Rating)


def test_a_long_list_of_bad_ratings_is_not_checked_item_by_item() -> None:
    # More items than stand-ins are made for: the list's own rule is not run.
    ratings = [IMDB_12] * 1500
    with pytest.raises(ValidationError) as caught:
        from_dict({"title": "X", "ratings": ratings}, Film)
    assert all("duplicate" not in message for _, message in caught.value.errors)


def _picky(_: object, __: object, value: str) -> None:
    if value == "boom":
        raise TypeError("a check that stumbles")  # says nothing about the document
    if value == "bad":
        raise ValidationError.at("a", "is bad")


def _upper(value: str) -> str:
    if value == "no":
        raise ValidationError.at("$", "cannot be converted")
    return value.upper()


@attrs.frozen
class _Sample:
    a: str = attrs.field(validator=_picky)
    b: str = attrs.field(default="x", converter=_upper)
    c: list[str] = attrs.field(factory=list)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"a": "boom", "b": "no"}, [("b", "cannot be converted")]),
        ({"a": "bad", "b": "no"}, [("a", "is bad"), ("b", "cannot be converted")]),
        ({"a": "ok", "b": 1}, [("b", "expected a string, got int 1")]),
    ],
)
def test_every_error_on_any_attrs_class(
    data: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    from filmmeta._json.collect import every_error
    from filmmeta._json.hooks import flatten
    from filmmeta.converters import make_converter

    assert every_error(_Sample, data, make_converter(), {}, flatten) == errors
