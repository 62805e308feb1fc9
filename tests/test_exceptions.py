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
        UnsupportedDocumentError("an OMDb series"),
    ],
)
def test_errors_pickle(err: FilmmetaError) -> None:
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is type(err)
    assert str(copy) == str(err)
    if isinstance(err, ValidationError):
        assert isinstance(copy, ValidationError)
        assert (copy.errors, copy.line) == (err.errors, err.line)
