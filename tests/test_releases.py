from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from filmmeta import Edition, PartialDate, Release, ReleaseKind, ValidationError

from .strategies import editions, releases


@pytest.mark.parametrize(
    ("date", "kwargs", "expected"),
    [
        ("2001-07-20", {}, Release(PartialDate(2001, 7, 20), kind=ReleaseKind.THEATRICAL)),
        ("2001-07-20T00:00:00.000Z", {}, Release(PartialDate(2001, 7, 20))),
        ("20 Jul 2001", {}, Release(PartialDate(2001, 7, 20))),
        (dt.date(2001, 7, 20), {}, Release(PartialDate(2001, 7, 20))),
        (2001, {}, Release(PartialDate(2001))),
        ("2001-07", {}, Release(PartialDate(2001, 7))),
        (
            "2001",
            {"kind": "physical", "note": "Blu-ray"},
            Release(2001, kind="physical", note="Blu-ray"),
        ),
        ("2001", {"kind": ReleaseKind.TV, "country": "JP"}, Release(2001, kind="tv", country="JP")),
        ("1999", {"country": "CA", "language": "fr"}, Release(1999, country="CA", language="fr")),
    ],
)
def test_release_accepts(date: object, kwargs: dict[str, object], expected: Release) -> None:
    assert Release(date, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "kwargs", "path", "message"),
    [
        (None, {}, "date", "a release needs a date"),
        ("", {}, "date", ""),
        ("N/A", {}, "date", "N/A"),
        ("2001-02-30", {}, "date", "has no day 30"),
        ([2001], {}, "date", "expected a date"),
        (2001, {"country": "JPN"}, "country", "ISO 3166-1"),
        (2001, {"kind": 3}, "kind", "is not a release kind (premiere, limited,"),
        (2001, {"kind": "dvd"}, "kind", "is not a release kind"),
        (2001, {"note": " "}, "note", "must not be empty"),
        (2001, {"language": "FR"}, "language", "BCP 47"),
    ],
)
def test_release_rejects(date: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Release(date, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


def test_release_kinds_are_tmdb_types_in_order() -> None:
    # TMDb's release types 1..6 are these kinds in this order; the importer relies on it.
    assert [k.value for k in ReleaseKind] == [
        "premiere",
        "limited",
        "theatrical",
        "digital",
        "physical",
        "tv",
    ]


@pytest.mark.parametrize(
    ("runtime", "expected"),
    [
        (None, None),
        (178, dt.timedelta(minutes=178)),
        ("2h 58m", dt.timedelta(minutes=178)),
        ("PT3H48M", dt.timedelta(minutes=228)),
        (dt.timedelta(minutes=5), dt.timedelta(minutes=5)),
    ],
)
def test_edition_runtime(runtime: object, expected: dt.timedelta | None) -> None:
    assert Edition("Extended", runtime=runtime).runtime == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "kwargs", "path", "message"),
    [
        ("", {}, "name", "must not be empty"),
        (None, {}, "name", "expected a string"),
        ("Cut", {"runtime": -1}, "runtime", "is negative"),
        ("Cut", {"runtime": "long"}, "runtime", ""),
        ("Cut", {"runtime": [90]}, "runtime", "expected text"),
        ("Cut", {"note": ""}, "note", "must not be empty"),
    ],
)
def test_edition_rejects(name: object, kwargs: dict[str, object], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Edition(name, **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path
    assert message in info.value.errors[0][1]


@given(releases)
def test_stored_values_rebuild_the_same_release(release: Release) -> None:
    again = Release(**attrs.asdict(release, recurse=False))
    assert again == release
    assert hash(again) == hash(release)


@given(editions)
def test_stored_values_rebuild_the_same_edition(edition: Edition) -> None:
    again = Edition(**attrs.asdict(edition, recurse=False))
    assert again == edition
    assert hash(again) == hash(edition)
