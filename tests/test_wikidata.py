"""formats.wikidata: a film entity (Special:EntityData, wbgetentities) into a film."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from filmmeta import (
    ContentRating,
    Credit,
    Film,
    FilmKind,
    FilmmetaWarning,
    PartialDate,
    UnsupportedDocumentError,
    ValidationError,
)
from filmmeta.formats.wikidata import from_wikidata

from .conftest import CORPUS, NO_CORPUS

WIKIDATA = CORPUS / "wikidata"


def snak(value: Any, prop: str = "P0") -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datavalue": {"value": value}}


def claim(value: Any, *, rank: str = "normal", **qualifiers: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {"mainsnak": snak(value), "type": "statement", "rank": rank}
    if qualifiers:
        found["qualifiers"] = {p: [snak(v, p) for v in vs] for p, vs in qualifiers.items()}
    return found


def item(q: str) -> dict[str, Any]:
    return {"entity-type": "item", "numeric-id": int(q[1:]), "id": q}


def time(text: str, precision: int) -> dict[str, Any]:
    return {"time": text, "precision": precision, "timezone": 0}


def entity(**claims: list[Any]) -> dict[str, Any]:
    return {
        "type": "item",
        "id": "Q2262932",
        "labels": {
            "en": {"language": "en", "value": "City Streets"},
            "fr": {"language": "fr", "value": "Les Carrefours de la ville"},
        },
        "aliases": {"en": [{"language": "en", "value": "Streets of the City"}]},
        "claims": {"P31": [claim(item("Q11424"))], **claims},
    }


def read(doc: Any, **kwargs: Any) -> tuple[Film, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        film = from_wikidata(doc, **kwargs)
    assert all(w.category is FilmmetaWarning for w in caught)
    return film, [str(w.message) for w in caught]


def test_a_film() -> None:
    doc = entity(
        P577=[
            claim(time("+1931-04-18T00:00:00Z", 11), P291=[item("Q30")]),
            claim(time("+1931-00-00T00:00:00Z", 9)),
            claim(time("+1932-05-00T00:00:00Z", 10), P291=[item("Q142")]),
        ],
        P2047=[claim({"amount": "+82", "unit": "http://www.wikidata.org/entity/Q7727"})],
        P345=[claim("tt0021749")],
        P4947=[claim("116228")],
        P1476=[claim({"text": "City Streets", "language": "en"})],
        P495=[claim(item("Q30"))],
        P364=[claim(item("Q1860"))],
    )
    film, _ = read(doc)
    assert film.title == "City Streets"
    assert film.original_title is None
    assert film.kind is FilmKind.MOVIE
    assert film.release_date == PartialDate(1931, 4, 18)
    assert film.runtime == dt.timedelta(minutes=82)
    assert (film.ids.imdb, film.ids.tmdb, film.ids.wikidata) == ("tt0021749", 116228, "Q2262932")
    assert (film.countries, film.languages) == (("US",), ("en",))
    assert read({"entities": {"Q2262932": doc}})[0] == film
    assert read(json.dumps(doc))[0] == film
    assert read(doc, language="fr")[0].title == "Les Carrefours de la ville"


def test_year_only_stays_a_year() -> None:
    film, _ = read(entity(P577=[claim(time("+1923-00-00T00:00:00Z", 9))]))
    assert film.release_date == PartialDate(1923)


def test_labels_resolve_people_genres_ratings() -> None:
    doc = entity(
        P57=[claim(item("Q51577"))],
        P161=[claim(item("Q95030"), P453=[item("Q1")]), claim(item("Q2"), P4633=["Nan"])],
        P136=[claim(item("Q130232"))],
        P1657=[claim(item("Q18665343"))],
        P495=[claim(item("Q99999"))],
    )
    labels = {
        "Q51577": "Rouben Mamoulian",
        "Q95030": "Gary Cooper",
        "Q1": "The Kid",
        "Q2": "Sylvia Sidney",
        "Q130232": "drama film",
        "Q18665343": "R",
        "Q99999": "Canada",
    }
    film, _ = read(doc, labels=labels)
    assert film.credits == (
        Credit("Rouben Mamoulian", "director"),
        Credit("Gary Cooper", "actor", character="The Kid"),
        Credit("Sylvia Sidney", "actor", character="Nan"),
    )
    assert film.genres == ("Drama",)
    assert read(doc, labels=labels, genres="source")[0].genres == ("drama film",)
    assert film.content_ratings == (ContentRating("R", country="US"),)
    assert film.countries == ("CA",)
    # A genre item the vocabulary knows needs no label; as the source's word, it does.
    film, said = read(doc)
    assert film.genres == ("Drama",)
    assert any("P1657, P57, P161 name items" in s for s in said)
    film, said = read(doc, genres="source")
    assert film.genres == ()
    assert any("P1657, P57, P161, P136 name items" in s for s in said)
    _, said = read(doc, labels={"Q51577": "Rouben Mamoulian"})
    assert any("Q95030 has no label" in s for s in said)


@pytest.mark.parametrize(
    ("claims", "warning"),
    [
        ({"P577": [claim(time("+1930-00-00T00:00:00Z", 8))]}, "at precision 8 is not a date"),
        ({"P577": [claim(time("-0050-00-00T00:00:00Z", 9))]}, "is not a date: left out"),
        (
            {"P2047": [claim({"amount": "+5", "unit": "http://www.wikidata.org/entity/Q1"})]},
            "is not a running time",
        ),
        (
            {"P2047": [claim({"amount": "x", "unit": "http://www.wikidata.org/entity/Q7727"})]},
            "is not a running time",
        ),
        ({"P345": [claim("tt1"), claim("tt0021749")]}, "is not an IMDb id"),
        ({"P345": [claim("tt0021749"), claim("tt0021750")]}, "a second imdb id"),
        ({"P2603": [claim("a b")]}, "'a b' is not an id"),
        ({"P495": [claim(item("Q99999"))]}, "Q99999 is not known"),
        (
            {"P577": [claim(time("+1931-00-00T00:00:00Z", 9), P291=[item("Q99999")])]},
            "Q99999 is not a country",
        ),
        (
            {
                "P2047": [
                    claim({"amount": "+82", "unit": "http://www.wikidata.org/entity/Q7727"}),
                    claim({"amount": "+90", "unit": "http://www.wikidata.org/entity/Q7727"}),
                ]
            },
            "other running times left out",
        ),
    ],
)
def test_left_out_with_a_warning(claims: dict[str, Any], warning: str) -> None:
    _, said = read(entity(**claims))
    assert any(warning in s for s in said), said


def test_ranks_and_snaks() -> None:
    doc = entity(
        P2047=[
            claim(
                {"amount": "+90", "unit": "http://www.wikidata.org/entity/Q7727"}, rank="deprecated"
            ),
            claim({"amount": "+5400", "unit": "http://www.wikidata.org/entity/Q11574"}),
            claim(
                {"amount": "+1.5", "unit": "http://www.wikidata.org/entity/Q25235"},
                rank="preferred",
            ),
        ],
        P345=[{"mainsnak": {"snaktype": "somevalue"}, "rank": "normal"}],
    )
    film, _ = read(doc)
    assert film.runtime == dt.timedelta(minutes=90)
    assert film.ids.imdb is None


@pytest.mark.parametrize(
    ("doc", "error"),
    [
        (
            {"claims": {"P31": [claim(item("Q5"))]}, "id": "Q1"},
            "Q1 is not a film: it is an instance of Q5",
        ),
        ({"claims": {}}, "does not say what it is"),
        ({"type": "property", "id": "P31"}, "a Wikidata 'property', not an item"),
    ],
)
def test_not_films(doc: dict[str, Any], error: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=error):
        from_wikidata(doc)


def test_more_film_classes() -> None:
    doc = {**entity(), "claims": {"P31": [claim(item("Q3331189"))]}}
    assert read(doc, film_classes={"Q3331189": "video"})[0].kind is FilmKind.VIDEO
    with pytest.raises(ValidationError, match="film_classes"):
        from_wikidata(doc, film_classes={"Q3331189": "film"})


@pytest.mark.parametrize(
    ("doc", "kwargs", "error"),
    [
        ([], {}, r"\$: expected an object"),
        ({"entities": {"Q1": {}, "Q2": {}}}, {}, "2 entities .*: give entity_id"),
        ({"entities": {"Q1": {}}}, {"entity_id": "Q2"}, "no entity 'Q2'"),
        ({"claims": {"P31": [claim("Q11424")]}}, {}, r"claims\.P31\[0\]\..*expected an item"),
        ({"claims": {"P31": [claim({"id": "P5"})]}}, {}, "expected an item"),
        ({**entity(), "labels": {}, "aliases": {}}, {}, "a film needs a title"),
        (entity(P577=[claim(time("1931", 9))]), {}, "is not a Wikidata time"),
        (entity(P345=[claim(12)]), {}, "expected a string, got 12"),
        (
            {**entity(), "labels": {"en": {"language": "en", "value": " "}}},
            {},
            r"labels\.en\.value",
        ),
        (
            entity(P161=[{**claim(item("Q2")), "qualifiers": {"P453": 5}}]),
            {"labels": {"Q2": "Nan"}},
            r"claims\.P161\[0\]\.qualifiers\.P453: expected a list, got int",
        ),
        (
            entity(P161=[{**claim(item("Q2")), "qualifiers": ["P453"]}]),
            {"labels": {"Q2": "Nan"}},
            r"claims\.P161\[0\]\.qualifiers: expected an object",
        ),
        (
            entity(P161=[{**claim(item("Q2")), "qualifiers": {"P4633": [7]}}]),
            {"labels": {"Q2": "Nan"}},
            r"claims\.P161\[0\]\.qualifiers\.P4633\[0\]: expected an object",
        ),
        # A fuzz finding: an alias group that is no list raised TypeError from inside.
        ({**entity(), "aliases": {"en": 1.5}}, {}, r"aliases\.en: expected a list, got float"),
        ({**entity(), "aliases": {"en": "Streets"}}, {}, r"aliases\.en: expected a list"),
    ],
)
def test_bad_documents(doc: Any, kwargs: dict[str, Any], error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        read(doc, **kwargs)


def test_wiki_language_codes() -> None:
    doc = entity()
    doc["labels"] = {
        "en": {"language": "en", "value": "City Streets"},
        "sr-el": {"language": "sr-el", "value": "Gradske ulice"},
        "xx-nonsense": {"language": "xx-nonsense", "value": "?"},
    }
    _, said = read(doc)
    assert any("'xx-nonsense' is not a known language" in s for s in said)


# -- the corpus: JavaScript object literals, read as Python literals -----------------------


def js_object(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    body = text[text.index("{") : text.rindex("}") + 1]
    body = re.sub(r"(?m)^(\s*)([A-Za-z_$][\w$]*):", r'\1"\2":', body)
    body = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", body))
    return ast.literal_eval(re.sub(r"\bnull\b", "None", body))


def _corpus() -> list[Any]:
    if not WIKIDATA.is_dir():
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in sorted(WIKIDATA.glob("*"))]


@pytest.mark.parametrize("path", _corpus())
def test_corpus(path: Path) -> None:
    doc = js_object(path)
    if "Q56222548" in path.name:  # a version of a work (P31 Q3331189), not a film
        with pytest.raises(UnsupportedDocumentError, match="Q3331189"):
            from_wikidata(doc)
        return
    film, _ = read(doc)
    assert (film.title, film.year, film.ids.wikidata) == ("City Streets", 1931, "Q2262932")
    assert film.release_date == PartialDate(1931)
    assert film.runtime == dt.timedelta(minutes=82)
    assert film.ids.imdb is not None
    languages = {label["language"] for label in doc["labels"].values()}
    assert len(languages) >= 10
    assert len({t.language for t in film.titles}) >= 10


def test_odd_but_valid_shapes() -> None:
    doc = entity(
        P161=[claim(item("Q95030")), claim(item("Q2"), P453=[item("Q404")])],
        P577=[
            claim(
                time("+1931-04-18T00:00:00Z", 11),
                P291=[item("Q99999")],
            ),
            {
                "mainsnak": snak(time("+1931-05-01T00:00:00Z", 11)),
                "qualifiers": {"P291": [{"snaktype": "novalue"}]},
            },
        ],
    )
    doc["claims"]["P31"] = [claim({"numeric-id": 11424})]
    del doc["id"]
    labels = {"Q95030": "Gary Cooper", "Q2": "Sylvia Sidney", "Q99999": "Japan"}
    both = {"entities": {"Q2262932": doc, "Q3": {"missing": ""}, "Q4": {"id": "Q4"}}}
    film, _ = read(both, labels=labels, entity_id="Q2262932")
    assert film.credits == (Credit("Gary Cooper", "actor"), Credit("Sylvia Sidney", "actor"))
    assert film.ids.wikidata is None
    assert film.release_date == PartialDate(1931, 4, 18)
