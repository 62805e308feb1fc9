"""Every JSON importer takes a dict, JSON text or bytes alike (issue 13, defect 8)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from filmmeta import ValidationError
from filmmeta.formats.justwatch import film_from_justwatch, offers_from_justwatch
from filmmeta.formats.omdb import from_omdb
from filmmeta.formats.schemaorg import from_jsonld
from filmmeta.formats.tmdb import from_tmdb

from .conftest import fixture

IMPORTERS: list[tuple[str, Callable[[Any], Any], Any]] = [
    ("omdb", from_omdb, {"Title": "Backstage", "Year": "2000", "Type": "movie"}),
    ("tmdb", from_tmdb, {"id": 10000, "title": "Backstage", "release_date": "2000-01-01"}),
    ("jsonld", from_jsonld, fixture("jsonld", "minimal")),
    ("justwatch-film", film_from_justwatch, fixture("justwatch", "legacy_movie")),
    ("justwatch-offers", offers_from_justwatch, fixture("justwatch", "legacy_movie")),
]
IDS = [name for name, _, _ in IMPORTERS]


def _forms(document: Any) -> dict[str, Any]:
    text = json.dumps(document, ensure_ascii=False)
    return {
        "text": text,
        "bytes": text.encode(),
        "bytearray": bytearray(text.encode()),
        "bytes with a BOM": b"\xef\xbb\xbf" + text.encode(),
        "indented text": json.dumps(document, indent=2),
    }


# The JustWatch fixture holds offer types filmmeta leaves out, with a warning each time.
@pytest.mark.filterwarnings("ignore::filmmeta.FilmmetaWarning")
@pytest.mark.parametrize(("read", "document"), [i[1:] for i in IMPORTERS], ids=IDS)
def test_a_dict_text_and_bytes_give_the_same_film(
    read: Callable[[Any], Any], document: Any
) -> None:
    expected = read(document)
    for form, given in _forms(document).items():
        assert read(given) == expected, form


NOT_JSON: list[tuple[str | bytes, str]] = [
    ("{", "not valid JSON: Expecting property name enclosed in double quotes"),
    ("", "not valid JSON: the text is empty"),
    (
        "Title=Backstage&Year=2000",
        "not valid JSON: the text is form-encoded (Title=Backstage&Year=2000)",
    ),
    (b"Title=Backst\xe4ge", "not valid JSON: the text is not UTF-8 (byte 0xe4 at offset 12)"),
    ("[" * 100_000, "not valid JSON: nested too deeply"),
]


@pytest.mark.parametrize("read", [i[1] for i in IMPORTERS], ids=IDS)
@pytest.mark.parametrize(("given", "message"), NOT_JSON)
def test_text_that_is_not_json_is_refused_in_one_wording(
    read: Callable[[Any], Any], given: str | bytes, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        read(given)
    ((path, said),) = caught.value.errors
    assert path == "$"
    assert said.startswith(message)


@pytest.mark.parametrize("part", ["release_dates", "providers"])
def test_tmdb_parts_take_text_too(part: str) -> None:
    details = {"id": 550, "title": "Fight Club"}
    documents = {
        "release_dates": {
            "id": 550,
            "results": [{"iso_3166_1": "US", "release_dates": [{"certification": "R", "type": 3}]}],
        },
        "providers": {"id": 550, "results": {"US": {"rent": [{"provider_name": "Apple TV"}]}}},
    }
    expected = from_tmdb(details, **{part: documents[part]})
    assert (
        from_tmdb(json.dumps(details), **{part: json.dumps(documents[part]).encode()}) == expected
    )
    with pytest.raises(ValidationError, match=f"^{part}: not valid JSON: the text is empty$"):
        from_tmdb(details, **{part: " "})
