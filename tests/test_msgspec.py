"""The msgspec recipe of docs/webapp.md: filmmeta's canonical form through msgspec."""

from __future__ import annotations

import msgspec
from hypothesis import given

from filmmeta import Film, from_dict, from_json, to_dict, to_json

from .strategies import films


class Page(msgspec.Struct):
    number: int
    film: msgspec.Raw


@given(films)
def test_encoding_the_canonical_dict_is_to_json(film: Film) -> None:
    assert msgspec.json.encode(to_dict(film)) == to_json(film).encode()
    assert from_dict(msgspec.json.decode(to_json(film))) == film


@given(films)
def test_a_film_inside_a_struct_as_raw(film: Film) -> None:
    data = msgspec.json.encode(Page(1, msgspec.Raw(to_json(film))))
    page = msgspec.json.decode(data, type=Page)
    assert from_json(bytes(page.film)) == film
    assert bytes(page.film) == to_json(film).encode()


def test_msgspec_on_its_own_is_not_the_canonical_form(backstage_text: str) -> None:
    # Why the recipe: msgspec writes attrs classes field by field, without filmmeta's rules.
    film = from_json(backstage_text)
    native = msgspec.json.decode(msgspec.json.encode(film))
    assert native != to_dict(film)
    assert native["original_title"] is None  # every field written, empty or not
    assert native["ids"] == {**dict.fromkeys(native["ids"]), "other": []}  # nulls, no ids
    assert native["runtime"] == "PT5160S"  # seconds, not PT1H26M
