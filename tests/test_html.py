from __future__ import annotations

import pytest

from filmmeta import ContentRating, Film, Offer, Rating
from filmmeta._words.html import film_html, film_pretty, film_text

BACKSTAGE = Film(
    "Backstage",
    kind="tv_movie",
    release_date="2000",
    runtime=86,
    languages=["en"],
    content_ratings=[ContentRating("R", country="US"), ContentRating("15", country="GB")],
    ratings=[Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)],
    offers=[Offer(p, "rent", region="US") for p in ("Apple TV", "Vudu")],
)


def test_html_card() -> None:
    assert film_html(BACKSTAGE).splitlines() == [
        '<div class="filmmeta-film" style="font-family: sans-serif; max-width: 36em">',
        "<strong>Backstage</strong> (2000, tv movie)",
        "<table>",
        *(
            f'<tr><th style="text-align: left; padding-right: 1em; font-weight: normal; '
            f'opacity: 0.7" scope="row">{label}</th><td>{value}</td></tr>'
            for label, value in [
                ("Release Date", "2000"),
                ("MPAA Rating", "R"),
                ("Runtime", "1 hr 26 min"),
                ("Language", "English"),
                ("IMDB Rating", "5.7 (347)"),
                ("Metascore", "29"),
            ]
        ),
        "</table>",
        "<p>Backstage is available to rent at Apple TV and Vudu.</p>",
        "</div>",
    ]


def test_html_escapes_every_text_from_the_film() -> None:
    film = Film(
        "<script>alert('x')</script>",
        original_title='"Q" & <A>',
        genres=["<i>"],
        offers=[Offer("Tom & Jerry's <TV>", "free")],
    )
    card = film_html(film)
    assert "<script>" not in card
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in card
    assert "<br><em>&quot;Q&quot; &amp; &lt;A&gt;</em>" in card
    assert "Tom &amp; Jerry&#x27;s &lt;TV&gt;" in card
    assert "<table>" not in card  # no facts: no empty table


def test_html_leaves_out_what_is_unknown_or_repeated() -> None:
    card = film_html(Film("Heat", original_title="Heat"))
    assert card.splitlines() == [
        '<div class="filmmeta-film" style="font-family: sans-serif; max-width: 36em">',
        "<strong>Heat</strong> (movie)",
        "</div>",
    ]


def test_html_content_rating_for_a_country() -> None:
    assert ">BBFC Rating</th><td>15</td>" in film_html(BACKSTAGE, country="GB")
    assert "MPAA" not in film_html(BACKSTAGE, country="GB")


def test_text_is_the_fact_sheet() -> None:
    assert film_text(BACKSTAGE, country="GB").splitlines() == [
        "Backstage (2000, tv movie)",
        "  Release Date  2000",
        "  BBFC Rating   15",
        "  Runtime       1 hr 26 min",
        "  Language      English",
        "  IMDB Rating   5.7 (347)",
        "  Metascore     29",
        "  Backstage is available to rent at Apple TV and Vudu.",
    ]
    assert film_text(Film("Heat")) == "Heat (movie)"


class _Printer:
    def __init__(self) -> None:
        self.written: list[str] = []

    def text(self, obj: str) -> None:
        self.written.append(obj)


@pytest.mark.parametrize(
    ("cycle", "expected"), [(False, film_text(BACKSTAGE)), (True, "Film('Backstage')")]
)
def test_pretty(cycle: bool, expected: str) -> None:
    printer = _Printer()
    film_pretty(BACKSTAGE, printer, cycle)
    assert printer.written == [expected]


def test_pretty_through_ipython() -> None:
    pretty = pytest.importorskip("IPython.lib.pretty")

    class Shown:
        def _repr_pretty_(self, p: object, cycle: bool) -> None:
            film_pretty(BACKSTAGE, p, cycle)  # type: ignore[arg-type]

    assert pretty.pretty(Shown()) == film_text(BACKSTAGE)


def test_film_hands_its_notebook_display_to_these_functions() -> None:
    assert BACKSTAGE._repr_html_() == film_html(BACKSTAGE)
    printer = _Printer()
    BACKSTAGE._repr_pretty_(printer, False)
    assert printer.written == [film_text(BACKSTAGE)]


# -- reprs in IPython ---------------------------------------------------------------------


def test_ratings_offers_and_lists_of_films_in_ipython() -> None:
    pretty = pytest.importorskip("IPython.lib.pretty").pretty
    assert pretty(BACKSTAGE.ratings) == "(IMDb 5.7 (347), Metascore 29)"
    offers = [Offer("Apple TV", "rent", region="US"), Offer("Netflix", "subscription")]
    assert pretty(offers) == "[Apple TV: rent (US), Netflix: subscription]"
    offer = Offer("Apple TV", "rent", region="US", price="3.99", currency="USD", quality="uhd")
    assert pretty(offer) == "Apple TV: rent, UHD, 3.99 USD (US)"
    heat = Film("Heat", release_date="1995")
    # A film alone shows its fact text; in a list, its title line.
    assert pretty(heat) == film_text(heat)
    assert pretty([BACKSTAGE, heat]) == "[Backstage (2000, tv movie), Heat (1995, movie)]"
    assert pretty({"best": heat}) == "{'best': Heat (1995, movie)}"
    # repr() stays the constructor call, which doctests and logs rely on.
    assert repr(offer).startswith("Offer(provider='Apple TV', type=<OfferType.RENT: 'rent'>")
