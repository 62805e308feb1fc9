from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from filmmeta import Title, TitleKind, ValidationError

from .strategies import titles


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, Title("Spirited Away", kind=TitleKind.ALTERNATIVE)),
        ({"kind": "original"}, Title("Spirited Away", kind=TitleKind.ORIGINAL)),
        ({"kind": TitleKind.TV}, Title("Spirited Away", kind="tv")),
        ({"region": "XK", "language": "sq"}, Title("Spirited Away", region="XK", language="sq")),
        ({"language": "zh-Hant"}, Title("Spirited Away", language="zh-Hant")),
        ({"note": "literal title"}, Title("Spirited Away", note="literal title")),
    ],
)
def test_accepts(kwargs: dict[str, object], expected: Title) -> None:
    assert Title("Spirited Away", **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kwargs", "path", "message"),
    [
        ("", {}, "text", "must not be empty"),
        ("  ", {}, "text", "must not be empty"),
        (None, {}, "text", "expected a string"),
        ("A", {"region": "UK"}, "region", "ISO 3166-1"),
        ("A", {"region": "us"}, "region", "ISO 3166-1"),
        ("A", {"language": "EN"}, "language", "BCP 47"),
        ("A", {"language": ["en"]}, "language", "BCP 47"),
        ("A", {"kind": "aka"}, "kind", "is not a title kind (original, display,"),
        ("A", {"kind": ["original"]}, "kind", "is not a title kind"),
        ("A", {"note": ""}, "note", "must not be empty"),
        ("A", {"note": 1}, "note", "expected a string"),
    ],
)
def test_rejects(text: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Title(text, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


@given(titles)
def test_stored_values_rebuild_the_same_title(title: Title) -> None:
    again = Title(**attrs.asdict(title, recurse=False))
    assert again == title
    assert hash(again) == hash(title)
