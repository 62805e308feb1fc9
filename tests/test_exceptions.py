from __future__ import annotations

import pickle

import pytest

from filmmeta import FilmmetaError, FilmmetaWarning, UnsupportedDocumentError, ValidationError
from filmmeta.exceptions import join_path


def test_hierarchy() -> None:
    assert issubclass(ValidationError, FilmmetaError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(UnsupportedDocumentError, FilmmetaError)
    assert issubclass(UnsupportedDocumentError, ValueError)
    assert issubclass(FilmmetaWarning, UserWarning)


def test_messages_and_paths() -> None:
    err = ValidationError([("ratings[1].value", "too high"), ("title", "empty")])
    assert str(err) == "ratings[1].value: too high\ntitle: empty"
    assert err.with_prefix("films[0]").errors == [
        ("films[0].ratings[1].value", "too high"),
        ("films[0].title", "empty"),
    ]
    assert ValidationError([]).errors == [("$", "invalid value")]
    assert join_path("", "x") == "x"
    assert join_path("$", "$") == "$"


@pytest.mark.parametrize(
    "err",
    [
        ValidationError.at("title", "must not be empty"),
        ValidationError.at("kind", "bad").with_line(7),
        ValidationError.at("kind", "bad").with_line(7, "films.jsonl"),
        UnsupportedDocumentError("an OMDb series"),
    ],
)
def test_errors_pickle(err: FilmmetaError) -> None:
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is type(err)
    assert str(copy) == str(err)
    if isinstance(err, ValidationError):
        assert isinstance(copy, ValidationError)
        assert (copy.errors, copy.line, copy.file) == (err.errors, err.line, err.file)


@pytest.mark.parametrize(
    ("err", "expected"),
    [
        (ValidationError.at("title", "empty"), "title: empty"),
        (ValidationError.at("title", "empty").with_line(3), "line 3: title: empty"),
        (
            ValidationError.at("title", "empty").with_line(3, "a.jsonl"),
            "a.jsonl, line 3: title: empty",
        ),
        (ValidationError([("title", "empty")], file="a.json"), "a.json: title: empty"),
        (
            ValidationError.at("value", "high").with_line(3, "a.jsonl").with_prefix("ratings[0]"),
            "a.jsonl, line 3: ratings[0].value: high",
        ),
    ],
)
def test_errors_say_where_they_are(err: ValidationError, expected: str) -> None:
    assert str(err) == expected
