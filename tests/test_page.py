"""page(): the seed page rebuilt from the Backstage document, as text, Markdown and HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import ContentRating, Film, Offer, Rating, from_json, page
from filmmeta._words.watch import on_demand
from filmmeta.formats.schemaorg import from_jsonld, to_jsonld

from .conftest import NO_SHARED, SHARED
from .strategies import films

SEED = SHARED / "seed" / "backstage-page.txt"
# Lines of the seed that are the site's chrome, not the page's content: the breadcrumb
# title and the tab labels above the where-to-watch section.
SEED_CHROME = {"Backstage", "Description"}
NS = {"h": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def backstage(backstage_text: str) -> Film:
    return from_json(backstage_text)


def _norm(line: str) -> str:
    # Layout only: the seed's bullets and indentation, and the two spaces it sets between
    # a rating and its votes ("5.7  (347)"). Every word is compared as written.
    return " ".join(line.replace("•", " ").split())


def _seed_lines() -> list[str]:
    lines = [_norm(line) for line in SEED.read_text("utf-8").splitlines()]
    return [line for line in lines if line]


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_text_page_reproduces_the_seed_line_by_line(backstage: Film) -> None:
    seed = _seed_lines()
    ours = [_norm(line) for line in page(backstage).splitlines() if line.strip()]
    # The header line is one line here and five bullets in the seed.
    header = ours.index("R 2000 1 hr 26 min 5.7 (347) 29")
    start = seed.index("R")
    assert seed[start : start + 5] == ["R", "2000", "1 hr 26 min", "5.7 (347)", "29"]
    seed[start : start + 5] = [ours[header]]
    # The summary is data: the document's own, where the seed shows a longer description.
    assert ours[2] == backstage.summary
    described = next(i for i, line in enumerate(seed) if line.startswith("Backstage is a 2000"))
    description = seed[start + 1 : described]
    assert len(description) == 7  # the seed's seven paragraphs of description
    expected = [
        line for i, line in enumerate(seed) if not start < i < described and line not in SEED_CHROME
    ]
    # Every other line of the seed, in the seed's order, and nothing else.
    assert ours[:2] + ours[3:] == expected


def test_text_page_parts_in_order(backstage: Film) -> None:
    text = page(backstage)
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0] == "Watch Backstage"
    assert blocks[1] == "R • 2000 • 1 hr 26 min • 5.7 (347) • 29"
    assert blocks[3].startswith("Backstage is a 2000 tv movie")
    assert blocks[4] == "Where to Watch Backstage"
    assert blocks[5] == (
        "Backstage is available to watch, stream, download and buy on demand at Apple TV, "
        "Amazon, Google Play and Vudu. Some platforms allow you to rent Backstage for a "
        "limited time or purchase the movie and download it to your device."
    )
    assert blocks[6].splitlines()[:2] == ["Release Date", "  2000"]


def test_a_film_with_only_a_title() -> None:
    assert page(Film("Heat")) == "Watch Heat\n\nHeat is a movie.\n"
    assert page(Film("Heat"), format="markdown") == "# Watch Heat\n\nHeat is a movie.\n"


@pytest.mark.parametrize(
    ("offers", "sentence"),
    [
        # Purchases only: the seed's first sentence, without the rental one.
        (
            [Offer("Vudu", "buy")],
            "Heat is available to watch, stream, download and buy on demand at Vudu.",
        ),
        # Rentals only do not support "buy": the general sentence.
        ([Offer("Vudu", "rent")], "Heat is available to rent at Vudu."),
        # A subscription among them: the general sentence, clause by clause.
        (
            [Offer("Netflix", "subscription"), Offer("Vudu", "buy")],
            "Heat is available to stream with a subscription on Netflix and to buy at Vudu.",
        ),
    ],
)
def test_where_to_watch_follows_the_offers(offers: list[Offer], sentence: str) -> None:
    assert on_demand(Film("Heat", offers=offers)) == sentence


def test_where_to_watch_per_region_and_kind() -> None:
    film = Film(
        "Heat",
        kind="video",
        offers=[
            Offer("Vudu", "rent", region="US"),
            Offer("Vudu", "buy", region="US"),
            Offer("Sky", "subscription", region="GB"),
        ],
    )
    assert on_demand(film) == (
        "In the United States, Heat is available to watch, stream, download and buy on "
        "demand at Vudu. Some platforms allow you to rent Heat for a limited time or "
        "purchase the video and download it to your device. In the United Kingdom, Heat "
        "is available to stream with a subscription on Sky."
    )


def test_markdown_page(backstage: Film) -> None:
    text = page(backstage, format="markdown")
    assert text.startswith("# Watch Backstage\n\nR • 2000 • 1 hr 26 min • 5.7 (347) • 29\n")
    assert "\n## Where to Watch Backstage\n" in text
    assert text.endswith("- **IMDB Rating:** 5.7 (347)\n- **Metascore:** 29\n")


def test_markdown_escapes_data() -> None:
    film = Film("*Heat* <b>", summary="First [part].\n\nSecond\npart # not a heading")
    text = page(film, format="markdown")
    assert text.splitlines()[0] == r"# Watch \*Heat\* \<b\>"
    assert "\nFirst \\[part\\].\n\nSecond part \\# not a heading\n" in text


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown page format 'pdf'"):
        page(Film("Heat"), format="pdf")  # type: ignore[arg-type]


def _parse(fragment: str) -> ET.Element:
    # strict: any parse error (a stray end tag, a bad attribute) raises.
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    document = f"<!DOCTYPE html><html lang=en><title>t</title><body>{fragment}</body></html>"
    return parser.parse(document)


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_html_page_is_semantic_and_valid(backstage: Film) -> None:
    root = _parse(page(backstage, format="html"))
    article = root.find(".//h:article", NS)
    assert article is not None
    assert article.get("lang") == "en-US"
    assert [_text(h) for h in root.iterfind(".//h:h1", NS)] == ["Watch Backstage"]
    assert [_text(h) for h in root.iterfind(".//h:h2", NS)] == ["Where to Watch Backstage"]
    header = root.find(".//h:ul[@class='filmmeta-header']", NS)
    assert header is not None
    assert [_text(li) for li in header] == ["R", "2000", "1 hr 26 min", "5.7 (347)", "29"]
    offers = root.find(".//h:ul[@class='filmmeta-offers']", NS)
    assert offers is not None
    assert _text(next(iter(offers))) == "Apple TV: Rent, Buy"
    facts = root.find(".//h:dl", NS)
    assert facts is not None
    pairs = [(e.tag.split("}")[1], _text(e)) for e in facts]
    assert pairs[:4] == [("dt", "Release Date"), ("dd", "2000"), ("dt", "MPAA Rating"), ("dd", "R")]


def _jsonld(root: ET.Element) -> list[object]:
    scripts = root.findall(".//h:script", NS)
    return [json.loads(_text(s)) for s in scripts if s.get("type") == "application/ld+json"]


def test_html_page_leaves_out_what_is_unknown() -> None:
    root = _parse(page(Film("Heat"), format="html"))
    assert root.find(".//h:ul", NS) is None
    assert root.find(".//h:dl", NS) is None
    assert [_text(p) for p in root.iterfind(".//h:p", NS)] == ["Heat is a movie."]


def test_html_offers_list_each_provider_once() -> None:
    offers = [Offer("Vudu", "buy", region="US"), Offer("Vudu", "buy", region="CA")]
    root = _parse(page(Film("Heat", offers=offers), format="html"))
    offered = root.find(".//h:ul[@class='filmmeta-offers']", NS)
    assert offered is not None
    assert [_text(li) for li in offered] == ["Vudu: Buy"]


def test_html_embeds_the_jsonld_that_reads_back(backstage: Film) -> None:
    (doc,) = _jsonld(_parse(page(backstage, format="html")))
    assert doc == to_jsonld(backstage)
    film = from_jsonld(doc)
    assert (film.title, film.year, film.runtime) == (
        backstage.title,
        backstage.year,
        backstage.runtime,
    )
    assert film.content_ratings == backstage.content_ratings
    assert film.rating("imdb") == backstage.rating("imdb")
    assert {(o.provider, o.type) for o in film.offers} == {
        (o.provider, o.type) for o in backstage.offers
    }


HOSTILE = "</script><script>alert('x')</script><!-- & <b>"


def test_html_refuses_characters_html_does_not_allow() -> None:
    title = "Heat\x01\x85\ufdd0\U0001fffe"
    fragment = page(Film(title), format="html")
    root = _parse(fragment)  # strict: a control or noncharacter would be a parse error
    assert _text(root.find(".//h:h1", NS)) == "Watch Heat\ufffd\ufffd\ufffd\ufffd"  # type: ignore[arg-type]
    assert "\\u0001\\u0085\\ufdd0\\ud83f\\udffe" in fragment
    (doc,) = _jsonld(root)
    assert from_jsonld(doc).title == title


def test_html_escapes_every_piece_of_data() -> None:
    film = Film(
        HOSTILE,
        summary=HOSTILE,
        release_date="2000",
        ratings=[Rating("imdb", 5.7, votes=347)],
        content_ratings=[ContentRating("R", country="US")],
        offers=[Offer(HOSTILE, "buy", region="US")],
    )
    fragment = page(film, format="html")
    assert "<script>" not in fragment
    assert fragment.count("</script>") == 1
    root = _parse(fragment)
    assert len(root.findall(".//h:script", NS)) == 1
    assert _text(root.find(".//h:h1", NS)) == f"Watch {HOSTILE}"  # type: ignore[arg-type]
    assert f"{HOSTILE}: Buy" in [_text(li) for li in root.iterfind(".//h:li", NS)]
    (doc,) = _jsonld(root)
    assert from_jsonld(doc).title == HOSTILE
    # The escapes of the JSON: no "<", ">" or "&" is left raw inside the element.
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', fragment)
    assert script is not None
    assert not set("<>&") & set(script.group(1))
    assert "\\u003c/script\\u003e" in script.group(1)


@given(film=films, locale=st.sampled_from(["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP"]))
def test_any_film_makes_a_valid_page_in_every_format(film: Film, locale: str) -> None:
    text = page(film, locale=locale)
    assert text.endswith("\n")
    assert page(film, locale=locale, format="markdown").startswith("# ")
    root = _parse(page(film, locale=locale, format="html"))
    # The embedded JSON-LD is to_jsonld's, character for character.
    assert _jsonld(root) == [json.loads(json.dumps(to_jsonld(film)))]
