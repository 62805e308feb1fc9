"""The shortcuts that keep decoding fast give what the long way gives (issue 12's speed)."""

from __future__ import annotations

import linecache

import attrs
import pytest

from filmmeta import Film, PartialDate, ValidationError, converters
from filmmeta._json.decode import make_structure_fn, render_module
from filmmeta._json.fast_parts import FALLBACKS
from filmmeta._json.jsonlib import loads


@attrs.frozen
class _Plain:
    name: str
    tags: tuple[str, ...] = ()


def _source(hook: object) -> str:
    code = hook.__code__  # type: ignore[attr-defined]
    return "".join(linecache.getlines(code.co_filename))


def test_a_class_without_later_fields_has_no_test_for_them() -> None:
    converter = converters.make_converter(detailed_validation=False)
    hook = make_structure_fn(_Plain, lambda o, t: None, converter)
    assert hook({"name": "x", "tags": ["a"]}, _Plain) == _Plain("x", ("a",))
    assert "isdisjoint" not in _source(hook)


def test_the_film_hook_skips_model_2_keys_in_one_test_while_none_is_given() -> None:
    converter = converters.make_converter(detailed_validation=False)
    hook = converter.get_structure_hook(Film)
    assert ".isdisjoint(o):" in render_module(Film, converter)
    before = sum(FALLBACKS.values())
    plain = hook({"title": "Heat"}, Film)
    with_one = hook({"title": "Heat", "tagline": "A Los Angeles crime saga"}, Film)
    assert sum(FALLBACKS.values()) == before  # both on the fast path
    assert plain == Film("Heat")
    assert with_one == Film("Heat", tagline="A Los Angeles crime saga")


# Full dates take the standard library's parser; every answer is the regex path's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2000-11-07", (2000, 11, 7)),
        ("0001-01-01", (1, 1, 1)),
        ("2000-02-29", (2000, 2, 29)),
        ("2001-02-29", None),  # no such day
        ("0000-01-01", None),  # no year 0
        ("2000-13-01", None),
        ("2000-W45-2", None),  # an ISO week date, which fromisoformat reads
        ("20001107xx", None),
        ("2000-11-0\uff17", None),  # a full-width digit
        ("2000-11", (2000, 11, None)),
        ("2000", (2000, None, None)),
    ],
)
def test_full_dates_read_as_the_rule_says(
    text: str, expected: tuple[int, int | None, int | None] | None
) -> None:
    if expected is None:
        with pytest.raises(ValidationError):
            PartialDate.fromisoformat(text)
    else:
        date = PartialDate.fromisoformat(text)
        assert (date.year, date.month, date.day) == expected
        assert date == PartialDate(*expected)


@pytest.mark.parametrize(
    ("text", "duplicate"),
    [
        ('{"title":"Heat","kind":"movie"}', False),  # as to_json writes it: no count
        ('{"title": "Heat", "kind": "movie"}', False),  # spaced: the colons are counted
        ('{"title":"Heat","title":"Ronin"}', True),
        ('{"title":"a\\u003a","title":"b"}', True),  # an escaped colon: the exact check
        ('{"title":"a\\u003a"}', False),
    ],
)
def test_strict_reading_finds_every_key_given_twice(text: str, *, duplicate: bool) -> None:
    if duplicate:
        with pytest.raises(ValidationError, match="duplicate key"):
            loads(text, strict=True)
    else:
        assert loads(text, strict=True) == loads(text)
