from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from filmmeta import Collection, ExternalIds, ValidationError

from .strategies import collections


def test_defaults_and_ids() -> None:
    lotr = Collection("The Lord of the Rings Collection", ids=ExternalIds(tmdb=119))
    assert lotr.ids.tmdb == 119
    assert lotr.overview is None
    assert not Collection("Alien Collection").ids


@pytest.mark.parametrize(
    ("name", "kwargs", "path", "message"),
    [
        ("", {}, "name", "must not be empty"),
        (None, {}, "name", "expected a string"),
        ("A", {"ids": {"tmdb": 119}}, "ids", "expected ExternalIds, got dict"),
        ("A", {"ids": None}, "ids", "expected ExternalIds"),
        ("A", {"overview": " "}, "overview", "must not be empty"),
    ],
)
def test_rejects(name: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Collection(name, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


@given(collections)
def test_stored_values_rebuild_the_same_collection(collection: Collection) -> None:
    again = Collection(**attrs.asdict(collection, recurse=False))
    assert again == collection
    assert hash(again) == hash(collection)
