"""The notebook card's Model 2 facts: each part shown in its words, only when known."""

from __future__ import annotations

import pytest

from filmmeta import Award, Collection, Edition, Film, Image, Money, Video
from filmmeta._words.html import film_html, more_facts


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({}, {}),
        ({"collection": Collection("Heat Collection")}, {"Collection": "Heat Collection"}),
        (
            {"editions": [Edition("Director's Cut", runtime=180), Edition("Theatrical")]},
            {"Editions": "Director's Cut (3 hr), Theatrical"},
        ),
        (
            {"box_office": [Money(187_436_818, "USD"), Money("67436818", "USD", region="US")]},
            {"Box Office": "187,436,818 USD; 67,436,818 USD (US)"},
        ),
        (
            {
                "awards": [
                    Award("Academy Awards", count=7),
                    Award("all awards", outcome="nominated", count=32),
                    Award(
                        "BAFTA",
                        category="Best Actor",
                        recipient="Al Pacino",
                        year=1996,
                        outcome="nominated",
                    ),
                    Award("Saturn Award"),
                ]
            },
            {
                "Awards": "Academy Awards: won 7; all awards: nominated 32; "
                "BAFTA: nominated (Best Actor, Al Pacino, 1996); Saturn Award: won"
            },
        ),
        ({"keywords": [f"k{i}" for i in range(8)]}, {"Keywords": "k0, k1, k2, k3, k4, k5, k6, k7"}),
        (
            {"keywords": [f"k{i}" for i in range(9)]},
            {"Keywords": "k0, k1, k2, k3, k4, k5, k6, k7, ..."},
        ),
    ],
)
def test_more_facts(parts: dict[str, object], expected: dict[str, str]) -> None:
    assert more_facts(Film("Heat", **parts)) == expected  # type: ignore[arg-type]


def test_the_card_shows_the_poster_tagline_and_trailer_escaped() -> None:
    film = Film(
        "Heat",
        tagline="A Los Angeles <crime> saga",
        images=[
            Image("https://img.example/backdrop.jpg", kind="backdrop"),
            Image("https://img.example/poster.jpg?a=1&b=2"),
        ],
        videos=[
            Video("https://video.example/teaser", kind="teaser"),
            Video("https://video.example/trailer?a=1&b=2"),
        ],
    )
    card = film_html(film)
    assert '<img src="https://img.example/poster.jpg?a=1&amp;b=2" alt=""' in card
    assert "backdrop" not in card
    assert "<br><q>A Los Angeles &lt;crime&gt; saga</q>" in card
    assert '<p><a href="https://video.example/trailer?a=1&amp;b=2">Trailer</a></p>' in card
    assert "teaser" not in card


def test_the_card_leaves_out_media_it_does_not_show() -> None:
    film = Film(
        "Heat",
        images=[Image("https://img.example/still.jpg", kind="still")],
        videos=[Video("https://video.example/clip", kind="clip")],
    )
    card = film_html(film)
    assert "<img" not in card
    assert "Trailer" not in card
