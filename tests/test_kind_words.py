"""A film's kind in words: FilmKind.words, the page's phrases made of them, every locale's."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import filmmeta
from filmmeta import Film, FilmKind, Offer, describe
from filmmeta._words import common
from filmmeta._words.common import KIND_PHRASES, kind_phrases
from filmmeta._words.watch import on_demand

CATALOGS = sorted((Path(filmmeta.__file__).parent / "locale").glob("*/LC_MESSAGES/filmmeta.po"))


@pytest.mark.parametrize("kind", list(FilmKind))
def test_the_phrases_are_made_of_the_models_words(kind: FilmKind) -> None:
    bare, dated, _bought = KIND_PHRASES[kind]
    assert (bare, dated) == (f"a {kind.words}", f"a {{year}} {kind.words}")


def test_every_locale_has_words_for_every_kind() -> None:
    assert len(CATALOGS) >= 7  # en_GB, de, es, fr, it, ja, pt: the catalogs are found
    for path in CATALOGS:
        with path.open("rb") as file:
            catalog = read_po(file)
        english = path.parts[-3].startswith("en")  # an empty string keeps the English
        for kind in FilmKind:
            for message in kind_phrases(kind):
                entry = catalog.get(message)
                assert entry is not None, f"{path.parts[-3]}: {message!r}"
                assert english or entry.string, f"{path.parts[-3]}: {message!r}"


SHORT_ON_DEMAND = Film(
    "Henry Sugar",
    kind="short",
    release_date="2023",
    offers=[Offer("Apple TV", "rent", region="US"), Offer("Apple TV", "buy", region="US")],
)


def test_a_kind_without_phrases_reads_as_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # A kind added to the model before its phrases: the page names it, never a KeyError.
    with_phrases = (describe(SHORT_ON_DEMAND), on_demand(SHORT_ON_DEMAND))
    german = describe(SHORT_ON_DEMAND, locale="de-DE")
    monkeypatch.setattr(common, "KIND_PHRASES", {})
    assert kind_phrases(FilmKind.SHORT) == (
        "a short film",
        "a {year} short film",
        "the short film",
    )
    assert (describe(SHORT_ON_DEMAND), on_demand(SHORT_ON_DEMAND)) == with_phrases
    assert "a 2023 short film" in with_phrases[0]
    assert "purchase the short film" in with_phrases[1]
    # The messages made of the words are the catalogs' own, so a catalog translates them.
    assert describe(SHORT_ON_DEMAND, locale="de-DE") == german
    assert "Kurzfilm" in german
