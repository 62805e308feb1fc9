"""Rules and branches that only a hand-made value reaches.

Generated documents and the importers never give these values (the strategies draw valid
parts, the readers build parts the model accepts, the converter collects errors itself),
so each rule has its own test here.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from filmmeta import ExternalIds, Film, Title, ValidationError, merge_films
from filmmeta._json.decode import make_structure_fn
from filmmeta._model.duration import format_iso_duration
from filmmeta.converters import make_converter


@pytest.mark.parametrize(
    ("other", "path", "message"),
    [
        ({f"k{i}": "1" for i in range(101)}, "other", "holds 101 ids; at most 100"),
        ([("trakt", "1"), ("trakt", "2")], "other.trakt", "given twice"),
        ([("trakt", "1", "x")], "other", "is not a (key, id) pair"),
        ({"Trakt": "1"}, "other", "is not an id key"),
        ({"imdb": "tt0206000"}, "other.imdb", "have a field of their own"),
        ("trakt=1", "other", "expected a mapping of ids"),
    ],
)
def test_other_ids_rejected(other: object, path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        ExternalIds(other=other)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


def test_merging_films_with_two_values_of_one_other_id_is_refused() -> None:
    a = Film("Backstage", release_date="2000", ids=ExternalIds(other={"trakt": "1"}))
    b = Film("Backstage", release_date="2000", ids=ExternalIds(other={"trakt": "2"}))
    with pytest.raises(ValidationError) as info:
        merge_films(a, b, force=True)
    assert info.value.errors == [("ids.other.trakt", "'1' and '2' are different titles")]


def test_title_for_without_region_or_language_is_the_display_title() -> None:
    film = Film("Amélie", titles=[Title("Die fabelhafte Welt der Amélie", region="DE")])
    assert film.title_for() == "Amélie"


def test_format_iso_duration_refuses_what_is_not_a_timedelta() -> None:
    with pytest.raises(ValidationError, match="expected a timedelta, got int"):
        format_iso_duration(90)  # type: ignore[arg-type]


def test_the_fast_decoder_refuses_a_field_type_it_has_no_rule_for() -> None:
    # A field type the generator does not know is a bug to fix in the generator, found
    # when the hook is made, never a document quietly sent down the slow path.
    @attrs.frozen
    class Odd:
        table: dict[str, int]

    with pytest.raises(TypeError, match="the fast decoder has no rule for table"):
        make_structure_fn(Odd, lambda o, t: o, make_converter())


def test_a_day_given_as_a_date_stays_that_date() -> None:
    from filmmeta import Offer

    day = dt.date(2027, 1, 31)
    assert Offer("Netflix", "subscription", available_until=day).available_until is day


def test_cattrs_error_groups_are_flattened_to_paths() -> None:
    from cattrs.errors import AttributeValidationNote as Note
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

    from filmmeta._json.hooks import flatten

    extra = ForbiddenExtraKeysError("", Film, {"colour", "aspect"})
    group = ClassValidationError(
        "Film", [_noted(ValueError("bad"), Note("at runtime", "runtime", int)), extra], Film
    )
    assert flatten(group, "$") == [
        ("runtime", "invalid value (ValueError: bad)"),
        ("aspect", "unknown key"),
        ("colour", "unknown key"),
    ]


def _noted(exc: Exception, note: object) -> Exception:
    exc.add_note(note)  # type: ignore[arg-type]
    return exc


def test_a_rating_source_that_is_not_a_name_is_refused() -> None:
    from filmmeta.formats.schemaorg import from_jsonld

    with pytest.raises(ValidationError) as info:
        from_jsonld({"@type": "Movie", "name": "Heat"}, rating_source=5)  # type: ignore[arg-type]
    assert info.value.errors == [("rating_source", "expected a source name, got int 5")]
