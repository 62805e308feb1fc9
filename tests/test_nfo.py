"""Kodi movie NFO files: reading every writer's quirks, the XML attacks, writing, round trips."""

from __future__ import annotations

import io
import re
import socket
import sys
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta import (
    SOURCES,
    Collection,
    ContentRating,
    Credit,
    Edition,
    ExternalIds,
    Film,
    FilmmetaError,
    FilmmetaWarning,
    Image,
    ImageKind,
    PartialDate,
    Rating,
    UnsupportedDocumentError,
    ValidationError,
    Video,
    from_json,
    normalize_certification,
    to_json,
)
from filmmeta.formats._nfo_read import RATING_SOURCES
from filmmeta.formats.nfo import _COLLECTION_IDS, _ID_FIELDS, NfoLink, from_nfo, to_nfo

from . import strategies
from .conftest import CORPUS, FIXTURES, NO_CORPUS

NFO = FIXTURES / "nfo"


def movie(body: str) -> str:
    """A movie NFO with *body* inside its root."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<movie><title>Backstage</title>{body}</movie>'


def read(body: str, **kwargs: Any) -> Film:
    """The film of a movie NFO with *body*; warnings must not be raised."""
    film = from_nfo(movie(body), **kwargs)
    assert isinstance(film, Film)
    return film


def read_warned(body: str, pattern: str, **kwargs: Any) -> Film:
    """The film of a movie NFO with *body*, which must warn with *pattern*."""
    with pytest.warns(FilmmetaWarning, match=pattern):
        return read(body, **kwargs)


# --- the acceptance example -------------------------------------------------------------


def test_backstage_as_kodi_writes_it() -> None:
    film = from_nfo(NFO / "backstage-kodi.nfo")
    assert isinstance(film, Film)
    assert film.title == "Backstage"
    assert film.original_title is None  # the same as the title
    assert str(film.release_date) == "2000-11-07"
    assert film.runtime is not None
    assert film.runtime.seconds == 86 * 60
    assert film.content_ratings == (ContentRating("R", country="US"),)
    assert film.genres == ("Documentary", "Music")
    assert film.countries == ("US",)
    assert film.summary is not None
    assert film.summary.endswith('"Hard Knock Life Tour".')
    assert [(r.source, r.value, r.votes) for r in film.ratings] == [
        ("imdb", 5.7, 347),
        ("metacritic", 29, None),
        ("tmdb", 5.2, 12),
    ]
    assert film.ids == ExternalIds(imdb="tt0233044", tmdb=21307)
    # Writers without the trailing comma; actors in their <order>.
    assert film.credits == (
        Credit("Chris Fiore", "writer"),
        Credit("Chris Fiore", "director"),
        Credit("Jay-Z", "actor", character="Himself"),
        Credit("DMX", "actor", character="Himself"),
    )


# --- ratings ----------------------------------------------------------------------------


def block(name: str | None, value: str, *, max: str | None = "10", votes: str = "") -> str:
    attributes = "".join(
        f' {key}="{found}"' for key, found in (("name", name), ("max", max)) if found is not None
    )
    votes_tag = f"<votes>{votes}</votes>" if votes else ""
    return f"<ratings><rating{attributes}><value>{value}</value>{votes_tag}</rating></ratings>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A source rescaled to max="10" is read on its own scale.
        (block("metacritic", "4.5"), Rating("metacritic", 45)),
        (block("Metacritic", "45", max="100"), Rating("metacritic", 45)),
        (
            block("tomatometerallcritics", "7.6", votes="71"),
            Rating("rotten_tomatoes", 76, votes=71),
        ),
        (block("tomatometerallaudience", "6.2"), Rating("rotten_tomatoes_audience", 62)),
        (block("rottenTomatoes", "93", max="100"), Rating("rotten_tomatoes", 93)),
        (block("trakt", "8.195670"), Rating("trakt", 81.9567)),
        (block("letterboxd", "7.2"), Rating("letterboxd", 3.6)),
        (block("imdb", "8.300000", votes="197786"), Rating("imdb", 8.3, votes=197786)),
        (block("themoviedb", "8"), Rating("tmdb", 8)),
        (block("imdb", "7,5"), Rating("imdb", 7.5)),
        (block("imdb", "6.5", max=None), Rating("imdb", 6.5)),  # Kodi: no max is 10
        (block("imdb", "6.5e0"), Rating("imdb", 6.5)),
        # Votes with thousands separators, as locales write them.
        (block("imdb", "5.8", votes="1,641"), Rating("imdb", 5.8, votes=1641)),
        (block("imdb", "5.8", votes="1.641.000"), Rating("imdb", 5.8, votes=1641000)),
        # Sources filmmeta does not know keep the NFO's scale.
        (block("someOther", "4.2", votes="784"), Rating("someother", 4.2, votes=784, best=10)),
        (block("My Site!", "3", max="5"), Rating("my_site", 3, best=5)),
        (block("123", "3", max="5.0"), Rating("nfo_123", 3, best=5.0)),
        (block("9" * 70, "3"), Rating("nfo_" + "9" * 60, 3, best=10)),
        (block(None, "6.1"), Rating("community", 6.1, best=10)),
        # Kodi's legacy flat rating, Jellyfin's community and critic ratings.
        ("<rating>6.5</rating><votes>100</votes>", Rating("community", 6.5, votes=100, best=10)),
        ("<communityrating>7,5</communityrating>", Rating("community", 7.5, best=10)),
        ("<criticrating>29</criticrating>", Rating("rotten_tomatoes", 29)),
    ],
)
def test_ratings(body: str, expected: Rating) -> None:
    assert read(body).ratings == (expected,)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "<communityrating>15.5</communityrating>",
            r"^rating.value: 15.5 is above the scale's best 10: left out$",
        ),
        (block("metacritic", "45", max=None), r"value: 450 is above the scale's best 100"),
        (block("imdb", "high"), r"ratings.rating\[0\].value: 'high' is not a number"),
        (block("imdb", "5", max="0"), r"ratings.rating\[0\].max: '0' is not a scale's best"),
        (block("imdb", "5", max="ten"), r"ratings.rating\[0\].max: 'ten' is not a number"),
        (block("imdb", "1e999"), r"ratings.rating\[0\].value: .* too large|not a finite"),
        ("<criticrating>7.6</criticrating>", r"criticrating: '7.6' is not a Tomatometer"),
    ],
)
def test_ratings_out_of_range_are_left_out(body: str, message: str) -> None:
    assert read_warned(body, message).ratings == ()


def test_bad_votes_keep_the_rating() -> None:
    film = read_warned(block("imdb", "5.7", votes="many"), r"votes: 'many' is not a count")
    assert film.ratings == (Rating("imdb", 5.7),)


def test_a_second_rating_of_one_source_is_left_out() -> None:
    body = block("imdb", "5.7") + block("IMDb", "6.1") + block("imdb", "5.7")
    film = read_warned(body, r"rating\[1\]: a second imdb rating \(6.1\)")
    assert film.ratings == (Rating("imdb", 5.7),)


def test_empty_template_ratings_are_no_ratings() -> None:
    assert read(block("imdb", "0") + block("tmdb", "0.0", votes="0") + block("x", "")).ratings == ()
    assert read(block("tmdb", "0", votes="3")).ratings == (Rating("tmdb", 0, votes=3),)


def test_flat_rating_beside_blocks() -> None:
    blocks = '<ratings><rating name="imdb" default="true"><value>5.7</value></rating></ratings>'
    assert read(blocks + "<rating>5.7</rating>").ratings == (Rating("imdb", 5.7),)
    both = read(blocks + "<rating>6.0</rating>").ratings
    assert both == (Rating("imdb", 5.7), Rating("community", 6.0, best=10))
    no_default = '<ratings><rating name="imdb"><value>5.7</value></rating></ratings>'
    assert read(no_default + "<rating>9</rating>").ratings == (Rating("imdb", 5.7),)
    # The Tomatometer of a block wins over Jellyfin's mirror of it.
    tomato = block("tomatometerallcritics", "7.6") + "<criticrating>7.6</criticrating>"
    assert read(tomato).ratings == (Rating("rotten_tomatoes", 76),)


def test_every_kodi_rating_name_is_a_known_source() -> None:
    assert set(RATING_SOURCES.values()) <= set(SOURCES)


# --- certifications ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "country", "expected"),
    [
        ("Rated R", None, [("R", "US")]),
        ("R", None, [("R", "US")]),
        ("TV-14", None, [("TV-14", "US")]),
        ("US:PG-13", None, [("PG-13", "US")]),
        ("Australia:M", None, [("M", "AU")]),
        ("Germany:FSK 16", None, [("16", "DE")]),
        ("UK: 15", None, [("15", "GB")]),
        ("US:R / Australia:MA15+", None, [("R", "US"), ("MA 15+", "AU")]),
        ("16", "DE", [("16", "DE")]),
        ("Rated M", "AU", [("M", "AU")]),
    ],
)
def test_mpaa(written: str, country: str | None, expected: list[tuple[str, str]]) -> None:
    film = read(f"<mpaa>{written}</mpaa>", country=country)
    assert [(r.code, r.country) for r in film.content_ratings] == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("16", r"mpaa\[0\]: '16' names no country \(give from_nfo a country="),
        ("Rated M", r"'Rated M' names no country"),
        ("Narnia:PG", r"'Narnia' is not a known country"),
    ],
)
def test_mpaa_left_out(written: str, message: str) -> None:
    assert read_warned(f"<mpaa>{written}</mpaa>", message).content_ratings == ()


def test_certification_tag_joins_mpaa_once() -> None:
    body = "<mpaa>US:R</mpaa><certification>US:R / DE:16</certification>"
    film = read(body)
    assert [(r.code, r.country) for r in film.content_ratings] == [("R", "US"), ("16", "DE")]


def test_country_argument_is_checked() -> None:
    with pytest.raises(ValidationError, match="country: 'USA' is not an ISO 3166-1"):
        from_nfo(movie(""), country="USA")


# --- ids --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<uniqueid type="IMDB">tt0233044</uniqueid>', ExternalIds(imdb="tt0233044")),
        ('<uniqueid type="Tmdb">21307</uniqueid>', ExternalIds(tmdb=21307)),
        ('<uniqueid type="themoviedb">21307</uniqueid>', ExternalIds(tmdb=21307)),
        ("<uniqueid>TT0233044</uniqueid>", ExternalIds(imdb="tt0233044")),
        ('<uniqueid type="wikidata">q1</uniqueid>', ExternalIds(wikidata="Q1")),
        (
            '<uniqueid type="letterboxd">backstage-2000</uniqueid>',
            ExternalIds(letterboxd="backstage-2000"),
        ),
        ('<uniqueid type="justwatch">42</uniqueid>', ExternalIds(justwatch=42)),
        ("<id>tt0233044</id>", ExternalIds(imdb="tt0233044")),
        (
            "<imdbid>tt0233044</imdbid><tmdbid>21307</tmdbid>",
            ExternalIds(imdb="tt0233044", tmdb=21307),
        ),
        ("<imdb>tt0233044</imdb>", ExternalIds(imdb="tt0233044")),
        ('<id IMDB="tt0233044" TMDB="21307"/>', ExternalIds(imdb="tt0233044", tmdb=21307)),
        # Kodi's <id> repeats the default id, whatever its database.
        (
            '<id>21307</id><uniqueid type="tmdb" default="true">21307</uniqueid>',
            ExternalIds(tmdb=21307),
        ),
        # The collection's id is not the film's.
        ('<uniqueid type="tmdbcol">97020</uniqueid><set tmdbcolid="1"/>', ExternalIds()),
        ("<tmdbcolid>1</tmdbcolid><collectionnumber>1</collectionnumber>", ExternalIds()),
        ('<uniqueid type="imdb"/>', ExternalIds()),
        # A type is its letters and digits: other characters do not make it another kind.
        (
            '<uniqueid type="Rotten Tomatoes">m/heat</uniqueid>',
            ExternalIds(rotten_tomatoes="m/heat"),
        ),
        ('<uniqueid type="tmdbcol\u2013">97020</uniqueid>', ExternalIds()),
    ],
)
def test_ids(body: str, expected: ExternalIds) -> None:
    assert read(body).ids == expected


@pytest.mark.parametrize(
    ("body", "message", "expected"),
    [
        ("<id>21307</id>", r"id\[0\]: '21307' does not say which database", ExternalIds()),
        (
            '<uniqueid type="imdb">tt12</uniqueid>',
            r"uniqueid\[0\]: 'tt12' is not an IMDb id",
            ExternalIds(),
        ),
        ('<uniqueid type="tmdb">0</uniqueid>', r"'0' is not a TMDb id", ExternalIds()),
        ('<uniqueid type="wikidata">P31</uniqueid>', r"'P31' is not a Wikidata id", ExternalIds()),
        ('<uniqueid type="letterboxd">a b</uniqueid>', r"contains white space", ExternalIds()),
        ("<uniqueid>home001</uniqueid>", r"uniqueid\[0\]: 'home001' has no type", ExternalIds()),
        (
            '<uniqueid type=""/><director>' + "x" * 100_001 + "</director>",
            r"director\[0\].name: is longer than 100,000",
            ExternalIds(),
        ),
        ('<uniqueid type="tmdbcol">x</uniqueid>', r"'x' is not a TMDb id", ExternalIds()),
        # Found by fuzzing: kept as an "other" id "tmdbcol", it came back as the collection's.
        ('<uniqueid type="tmdbcol쐯">0</uniqueid>', r"'0' is not a TMDb id", ExternalIds()),
        (
            '<uniqueid type="imdb">tt0233044</uniqueid><id>tt0000001</id>',
            r"id\[0\]: 'tt0000001' is a second imdb id \(the first is at uniqueid\[0\]\)",
            ExternalIds(imdb="tt0233044"),
        ),
    ],
)
def test_ids_left_out(body: str, message: str, expected: ExternalIds) -> None:
    assert read_warned(body, message).ids == expected


def test_other_ids() -> None:
    body = '<uniqueid type="TVDB">121361</uniqueid><uniqueid type="Home Movie">home001</uniqueid>'
    expected: dict[str, Any] = {"other": {"tvdb": "121361", "home_movie": "home001"}}
    assert read(body).ids == ExternalIds(**expected)
    with pytest.warns(FilmmetaWarning, match=r"uniqueid\[0\]: .*'123'"):
        read('<uniqueid type="123">1</uniqueid>')
    with pytest.warns(FilmmetaWarning, match=r"uniqueid\[1\]: '2' is a second tvdb id"):
        read('<uniqueid type="tvdb">1</uniqueid><uniqueid type="TVDB">2</uniqueid>')


def test_links_after_the_xml_add_ids() -> None:
    text = movie('<uniqueid type="imdb">tt0233044</uniqueid>')
    film = from_nfo(text + "\nhttps://www.themoviedb.org/movie/21307-backstage\n")
    assert isinstance(film, Film)
    assert film.ids == ExternalIds(imdb="tt0233044", tmdb=21307)
    with pytest.warns(FilmmetaWarning, match=r"link: 'tt0000001' is a second imdb id"):
        from_nfo(text + "\nhttps://www.imdb.com/title/tt0000001/ https://imdb.com/title/tt0233044")


# --- dates, runtime, texts ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<premiered>2000-11-07</premiered><year>1999</year>", "2000-11-07"),
        ("<premiered></premiered><releasedate>2000-11-07</releasedate>", "2000-11-07"),
        ("<premiered>2016-03-09 00:00:00</premiered>", "2016-03-09"),
        ("<year>0</year>", None),
        ("<year>2000</year>", "2000"),
        ("<premiered>2000-11</premiered>", "2000-11"),
    ],
)
def test_release_date(body: str, expected: str | None) -> None:
    found = read(body).release_date
    assert (None if found is None else str(found)) == expected


def test_bad_date_falls_back_to_year() -> None:
    film = read_warned("<premiered>2000-13-45</premiered><year>2000</year>", r"premiered: ")
    assert film.release_date == PartialDate(2000)


@pytest.mark.parametrize(
    ("written", "minutes"), [("88", 88), ("88 min", 88), ("0", None), ("", None)]
)
def test_runtime(written: str, minutes: int | None) -> None:
    runtime = read(f"<runtime>{written}</runtime>").runtime
    assert (None if runtime is None else runtime.seconds // 60) == minutes


def test_bad_runtime_is_left_out() -> None:
    assert read_warned("<runtime>long</runtime>", r"runtime: .*left out").runtime is None


def test_texts() -> None:
    film = read(
        "<originaltitle>Arrière-scène</originaltitle><outline>Short.</outline>"
        "<genre>Documentary / Music</genre><genre>Music /</genre><genre> </genre>"
        "<country>USA / United Kingdom</country>"
    )
    assert film.original_title == "Arrière-scène"
    assert film.summary == "Short."  # the outline, when there is no plot
    assert film.genres == ("Documentary", "Music")
    assert film.countries == ("US", "GB")
    assert read("<plot>Long.</plot><outline>Short.</outline>").summary == "Long."


def test_unknown_country_is_left_out() -> None:
    assert read_warned("<country>Narnia</country>", r"country\[0\]: 'Narnia'").countries == ()


def test_overlong_plot_is_left_out() -> None:
    film = read_warned(f"<plot>{'x' * 100_001}</plot>", r"plot: is longer than 100,000")
    assert film.summary is None


# --- people -----------------------------------------------------------------------------


def test_credits() -> None:
    film = read(
        "<director>A. Smith / B. Jones,</director><director>,</director>"
        "<credits>C. Writer</credits><writer>C. Writer</writer>"
        "<actor><name>Ann</name><role>Herself</role><type>Self</type></actor>"
        "<actor><name>Bo</name><type>GuestStar</type></actor>"
        "<actor><name>Cy</name><role>Narrator</role><type>Director</type></actor>"
        "<actor><name> </name><role>Nobody</role></actor>"
        "<producer><name>Dee</name><role>Executive</role></producer>"
    )
    assert film.credits == (
        Credit("A. Smith", "director"),
        Credit("B. Jones", "director"),
        Credit("C. Writer", "writer"),
        Credit("Ann", "self", character="Herself"),
        Credit("Bo", "actor"),
        Credit("Cy", "director", character="Narrator"),
        Credit("Dee", "producer", character="Executive"),
    )


def test_actors_keep_their_place_without_a_full_order() -> None:
    body = (
        "<actor><name>B</name><order>1</order></actor><actor><name>A</name><order>²</order></actor>"
    )
    assert [c.name for c in read(body).credits] == ["B", "A"]
    same = (
        "<actor><name>B</name><order>0</order></actor><actor><name>A</name><order>0</order></actor>"
    )
    assert [c.name for c in read(same).credits] == ["B", "A"]


def test_bad_person_type_is_left_out() -> None:
    body = "<actor><name>Ann</name><type>no role!</type></actor>"
    assert read_warned(body, r"actor\[0\].type: 'no role!' is not a role").credits == ()


# --- documents --------------------------------------------------------------------------


def test_bytes_in_every_encoding() -> None:
    text = movie("<plot>Arrière-scène</plot>")
    for data in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("utf-16"),
        text.replace("UTF-8", "ISO-8859-1").encode("latin-1"),
    ):
        film = from_nfo(data)
        assert isinstance(film, Film)
        assert film.summary == "Arrière-scène"
    assert isinstance(from_nfo("\ufeff" + text), Film)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<movie><title>\xe9</title></movie>",
            r"\$: not UTF-8 \(byte 14\) and no encoding declared",
        ),
        (b'<?xml version="1.0" encoding="klingon"?><movie/>', r"'klingon', named by the XML"),
        (b'<?xml version="1.0" encoding="utf-8"?><movie>\xff</movie>', r"not utf-8 as the XML"),
        ("<movie><title>x</title>", r"\$: not well-formed XML: "),
        ("<movie>\ud800</movie>", r"\$: has a lone surrogate at 7"),
        ("", r"neither XML nor a link"),
        ("Ripped by nobody", r"neither XML nor a link"),
        ("<movie><title>x</title></movie><movie><title>y</title></movie>", r"more than one root"),
        (12, r"expected NFO text or bytes, got int"),
        ("<movie><title>&nosuchentity;</title></movie>", r"undefined entity"),
        ("<movie><title>  </title><title>\x01</title></movie>", r"not well-formed"),
        ("<movie><title><![CDATA[x</title></movie>", r"unclosed CDATA section"),
    ],
)
def test_documents_refused(data: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        from_nfo(data)


def test_entities_and_stray_ampersands() -> None:
    film = read("<plot>Tom & Jerry &eacute;t&eacute; &amp; &#233; &lt;3 &hellip;</plot>")
    assert film.summary == "Tom & Jerry été & é <3 …"
    cdata = read("<plot><![CDATA[a & b &eacute;]]> & c</plot>")
    assert cdata.summary == "a & b &eacute; & c"


def test_not_movies_are_refused_by_name() -> None:
    for root, what in (
        ("tvshow", "a TV show"),
        ("episodedetails", "a TV episode"),
        ("musicvideo", "a music video"),
        ("album", "a music album"),
        ("artist", "a music artist"),
        ("season", "a TV season"),
        ("x" * 50, "not a film"),
    ):
        with pytest.raises(UnsupportedDocumentError, match=rf"root is <{root[:37]}.*> \({what}\)"):
            from_nfo(f"<{root}><title>x</title></{root}>")
    # Several episodes in one file: the first says what they are.
    with pytest.raises(UnsupportedDocumentError, match="a TV episode"):
        from_nfo("<episodedetails/><episodedetails/>")


def test_self_closing_movie_with_links_after() -> None:
    link = from_nfo("<movie/>\nhttps://www.imdb.com/title/tt0233044/")
    assert link == NfoLink(ExternalIds(imdb="tt0233044"), ["https://www.imdb.com/title/tt0233044/"])


def test_paths_and_files(tmp_path: Path) -> None:
    path = tmp_path / "movie.nfo"
    path.write_text(movie(""), encoding="utf-8")
    for source in (path, io.BytesIO(path.read_bytes()), io.StringIO(movie(""))):
        film = from_nfo(source)
        assert isinstance(film, Film)
        assert film.title == "Backstage"
    path.write_text("<movie>", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        from_nfo(path)
    assert caught.value.file == str(path)


def test_title_falls_back_to_original_title() -> None:
    film = from_nfo("<movie><title></title><originaltitle>Backstage</originaltitle></movie>")
    assert isinstance(film, Film)
    assert film.title == "Backstage"
    assert film.original_title is None


def test_bad_title_is_an_error() -> None:
    with pytest.raises(ValidationError, match=r"^title: is longer than 100,000"):
        from_nfo(f"<movie><title>{'x' * 100_001}</title></movie>")


def test_movie_without_a_title_is_a_link() -> None:
    empty = from_nfo("<movie><title></title><plot></plot><year>0</year></movie>")
    assert empty == NfoLink()
    with pytest.warns(FilmmetaWarning, match=r"title: empty, .* <plot>, <genre> left out"):
        link = from_nfo(
            "<movie><plot>x</plot><genre>y</genre>"
            '<uniqueid type="imdb">tt0233044</uniqueid></movie>'
        )
    assert link == NfoLink(ExternalIds(imdb="tt0233044"))
    assert link.film("Backstage") == Film("Backstage", ids=ExternalIds(imdb="tt0233044"))


# --- links ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.imdb.com/title/tt0944947/\n", ExternalIds(imdb="tt0944947")),
        ("http://m.imdb.com/de/title/TT0944947", ExternalIds(imdb="tt0944947")),
        ("https://www.themoviedb.org/movie/30287-fallo", ExternalIds(tmdb=30287)),
        (
            "https://www.themoviedb.org/movie/583689\nhttps://www.imdb.com/title/tt4154796.",
            ExternalIds(imdb="tt4154796", tmdb=583689),
        ),
        (
            "see www.imdb.com/title/tt0233044/ and www.imdb.com/title/tt0233044",
            ExternalIds(imdb="tt0233044"),
        ),
        ("imdb.com/title/tt0233044 (imdb.com/title/tt0233044)", ExternalIds(imdb="tt0233044")),
    ],
)
def test_links(text: str, expected: ExternalIds) -> None:
    link = from_nfo(text)
    assert isinstance(link, NfoLink)
    assert link.ids == expected
    assert all(url in text for url in link.urls)


def test_release_group_nfo_in_a_dos_code_page() -> None:
    link = from_nfo(NFO / "scene-release.nfo")
    assert link == NfoLink(ExternalIds(imdb="tt0233044"), ["http://www.imdb.com/title/tt0233044/"])


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            "https://www.thetvdb.com/?tab=series&id=121361",
            UnsupportedDocumentError,
            "only to a TV show",
        ),
        ("https://www.themoviedb.org/tv/1399", UnsupportedDocumentError, "only to a TV show"),
        (
            "https://www.imdb.com/title/tt0000001 https://www.imdb.com/title/tt0000002",
            ValidationError,
            r"links to 2 IMDb titles \('tt0000001', ...\): not one film",
        ),
    ],
)
def test_links_refused(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        from_nfo(text)


# --- XML attacks --------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE movie [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<movie><title>&lol9;</title></movie>"""


def test_billion_laughs() -> None:
    with pytest.raises(ValidationError, match=r"refused: EntitiesForbidden"):
        from_nfo(BILLION_LAUGHS)


def test_quadratic_blowup() -> None:
    entity = "x" * 50_000
    text = (
        f'<!DOCTYPE movie [<!ENTITY a "{entity}">]><movie><title>{"&a;" * 50_000}</title></movie>'
    )
    with pytest.raises(ValidationError, match=r"refused: EntitiesForbidden"):
        from_nfo(text)


def test_external_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret", encoding="utf-8")
    declared = f'<!DOCTYPE movie [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
    text = declared + "<movie><title>&e;</title></movie>"
    with pytest.raises(ValidationError, match=r"refused: EntitiesForbidden") as caught:
        from_nfo(text)
    assert "the secret" not in str(caught.value)
    parameter = f'<!DOCTYPE movie [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]><movie/>'
    with pytest.raises(ValidationError, match=r"refused"):
        from_nfo(parameter)


def test_dtd_is_never_retrieved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("from_nfo opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    # A DTD that would define the entity the title uses, if it were ever read.
    dtd = tmp_path / "movie.dtd"
    dtd.write_text('<!ENTITY name "from the DTD">', encoding="utf-8")
    for url in ("http://127.0.0.1:9/movie.dtd", dtd.as_uri()):
        film = from_nfo(f'<!DOCTYPE movie SYSTEM "{url}"><movie><title>Backstage</title></movie>')
        assert isinstance(film, Film)
        assert film.title == "Backstage"
        with pytest.raises(ValidationError, match="undefined entity"):
            from_nfo(f'<!DOCTYPE movie SYSTEM "{url}"><movie><title>&name;</title></movie>')


def test_without_defusedxml_there_is_no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "defusedxml", None)
    with pytest.raises(ImportError, match=r"pip install 'filmmeta\[nfo\]'"):
        from_nfo(movie(""))
    # A file of links needs no XML parser.
    assert isinstance(from_nfo("https://www.imdb.com/title/tt0233044/"), NfoLink)


# --- writing ----------------------------------------------------------------------------


def test_to_nfo_writes_what_kodi_reads(backstage_text: str) -> None:
    from defusedxml.ElementTree import fromstring

    film = from_json(backstage_text)
    text = to_nfo(film)
    root = fromstring(text)
    assert root.tag == "movie"
    blocks = root.findall("ratings/rating")
    assert [(b.get("name"), b.get("max"), b.get("default")) for b in blocks] == [
        ("imdb", "10", "true"),
        ("metacritic", "100", None),
    ]
    assert root.findtext("mpaa") == "US:R"
    assert root.findtext("runtime") == "86"
    assert root.findtext("year") == "2000"
    assert root.find("premiered") is None
    assert [a.findtext("type") for a in root.iter("actor")] == ["self"] * 7
    assert [a.findtext("order") for a in root.iter("actor")] == [str(i) for i in range(7)]


def test_to_nfo_ids_and_names() -> None:
    film = Film(
        "x",
        ids=ExternalIds(tmdb=1, wikidata="Q1", rotten_tomatoes="m/x"),
        ratings=[Rating("tmdb", 5), Rating("rotten_tomatoes", 93)],
        content_ratings=[ContentRating("R", country="US"), ContentRating("16", country="DE")],
    )
    text = to_nfo(film)
    assert '<uniqueid type="tmdb" default="true">1</uniqueid>' in text
    assert '<uniqueid type="wikidata">Q1</uniqueid>' in text
    assert '<rating name="themoviedb" max="10" default="true">' in text
    assert '<rating name="tomatometerallcritics" max="100">' in text
    assert "<certification>US:R / DE:16</certification>" in text
    assert from_nfo(text) == film


def test_names_with_slashes_stay_whole() -> None:
    film = Film("x", credits=[Credit("AC/DC", "director"), Credit("A/B", "writer")])
    assert "<director>" not in to_nfo(film)
    assert from_nfo(to_nfo(film)) == film


def test_to_nfo_escapes_and_refuses() -> None:
    film = Film('A <"&"> \r\nB', summary="line\rline", ratings=[Rating("xy", 1e-30, best=1e30)])
    back = from_nfo(to_nfo(film))
    assert isinstance(back, Film)
    assert back.title == film.title
    assert back.summary == film.summary
    assert back.ratings == film.ratings
    with pytest.raises(
        ValidationError, match=r"^summary: has U\+0001 at 1: XML 1.0 cannot hold it"
    ):
        to_nfo(Film("x", summary="a\x01"))
    with pytest.raises(TypeError, match="to_nfo\\(\\) takes a Film, not dict"):
        to_nfo({"title": "x"})  # type: ignore[arg-type]


# --- the round trip ---------------------------------------------------------------------

# Text the NFO keeps: what a reader strips (surrounding white space, trailing "," in
# names), and characters XML 1.0 cannot hold, are not generated; nor "/" in genres, which
# readers split there. Names may hold a "/" ("AC/DC"): the writer keeps them whole.
_XML_CHARS = st.characters(
    exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff/"
) | st.sampled_from("\n\r\t")


def _nfo_texts(chars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return (
        st.text(chars, min_size=1, max_size=20)
        .map(str.strip)
        .filter(lambda s: s != "" and not s.endswith((",", ";")))
    )


nfo_text = _nfo_texts(_XML_CHARS)
nfo_name = _nfo_texts(_XML_CHARS | st.just("/"))
_ALIASES = (set(_ID_FIELDS) | _COLLECTION_IDS) - {f.name for f in attrs.fields(ExternalIds)}
_ROLES = ("director", "writer", "actor", "self", "producer", "second unit director", "composer")
_UNKNOWN_SOURCES = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True).filter(
    lambda s: s not in SOURCES and s not in RATING_SOURCES
)


@st.composite
def nfo_ratings(draw: st.DrawFn) -> tuple[Rating, ...]:
    found: dict[str, Rating] = {}
    for drawn in draw(st.lists(strategies.ratings(), max_size=4)):
        rating = drawn
        if drawn.source not in SOURCES:
            name = draw(_UNKNOWN_SOURCES)
            rating = Rating(name, drawn.value - drawn.worst, votes=drawn.votes, best=drawn.best)
        # A zero without votes is a template's "no rating".
        if rating.value or rating.votes:
            found.setdefault(rating.source, rating)
    return tuple(found.values())


# Codes as normalize_certification writes them: reading an NFO cleans codes ("X" in
# Australia is "X 18+").
nfo_content_ratings = (
    strategies.content_ratings()
    .map(lambda r: ContentRating(r.code, country=r.country))
    .filter(lambda r: normalize_certification(r.code, country=r.country) == r.code)
)

#: Films of the facts an NFO holds. What it does not hold: kind, languages, offers, titles,
#: releases, budget, box office, awards, a content rating's system (inferred again) and
#: reason, a rating's worst for a source filmmeta does not know, seconds of the runtime,
#: repeated credits, an edition's runtime and note, a collection's ids but TMDb's, an
#: image's size and language, a video's name and language, videos other than trailers,
#: and backdrops before other images (they are read after them, from <fanart>).
nfo_films = st.builds(
    Film,
    nfo_text,
    release_date=st.none() | strategies.partial_dates(),
    runtime=st.none() | st.integers(1, 60 * 24 * 7),
    content_ratings=st.lists(nfo_content_ratings, max_size=3, unique=True),
    genres=st.lists(nfo_text, max_size=3, unique=True),
    countries=st.lists(st.sampled_from(strategies.REGIONS), max_size=3, unique=True),
    summary=st.none() | nfo_text,
    credits=st.lists(
        st.builds(Credit, nfo_name, st.sampled_from(_ROLES), character=st.none() | nfo_name),
        max_size=5,
        unique=True,
    ),
    ratings=nfo_ratings(),
    # Other ids keyed by a Kodi spelling of a named id read as that id.
    ids=strategies.external_ids.filter(lambda ids: not {k for k, _ in ids.other} & _ALIASES),
    original_title=st.none() | nfo_text,
    editions=st.lists(st.builds(Edition, nfo_text), max_size=2, unique=True),
    collection=st.none()
    | st.builds(
        Collection,
        nfo_text,
        overview=st.none() | nfo_text,
        ids=st.builds(ExternalIds, tmdb=st.none() | st.integers(1, 10**9)),
    ),
    images=st.lists(
        st.builds(
            Image,
            st.from_regex(r"https://image\.example/[a-z0-9]{1,8}\.jpg", fullmatch=True),
            kind=st.sampled_from(ImageKind),
        ),
        max_size=4,
        unique=True,
    ).map(lambda images: sorted(images, key=lambda image: image.kind is ImageKind.BACKDROP)),
    videos=st.lists(
        st.from_regex(r"[A-Za-z0-9_-]{11}", fullmatch=True).map(
            lambda v: Video(f"https://www.youtube.com/watch?v={v}", site="YouTube")
        )
        | st.just(Video("https://example.com/trailer.mp4")),
        max_size=2,
        unique=True,
    ),
    keywords=st.lists(nfo_text, max_size=3, unique=True),
    tagline=st.none() | nfo_text,
).filter(lambda f: f.original_title != f.title)


@given(nfo_films)
def test_from_nfo_of_to_nfo_keeps_every_fact_nfo_holds(film: Film) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # The film's own genre words come back: the round trip is not where they are renamed.
        assert from_nfo(to_nfo(film), genres="source") == film


# --- the corpus -------------------------------------------------------------------------


def corpus_nfo() -> list[Any]:
    folder = CORPUS / "nfo"
    if not folder.is_dir():
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in sorted(folder.iterdir())]


_NOT_MOVIE = re.compile(r"<(tvshow|episodedetails|episodes|season|musicvideo|album|artist)\b")


@pytest.mark.parametrize("path", corpus_nfo())
def test_corpus(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    root = _NOT_MOVIE.search(text[:300])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        if root is not None:
            with pytest.raises(UnsupportedDocumentError, match=rf"<{root[1]}>"):
                from_nfo(path)
            return
        if "thetvdb.com" in text:
            with pytest.raises(UnsupportedDocumentError, match="TV show"):
                from_nfo(path)
            return
        result = from_nfo(path)
    assert isinstance(result, Film | NfoLink)
    if isinstance(result, Film):
        assert from_json(to_json(result)) == result
        # Every rating on its source's own scale.
        assert all(r.worst <= r.value <= r.best for r in result.ratings)


@pytest.mark.skipif(not (CORPUS / "nfo").is_dir(), reason=NO_CORPUS)
def test_corpus_facts() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FilmmetaWarning)
        league = from_nfo(CORPUS / "nfo" / "jellyfin_jellyfin_Justice-League.nfo")
        snyder = from_nfo(CORPUS / "nfo" / "bernmic_nforeader_movie.nfo")
        empty = from_nfo(CORPUS / "nfo" / "Komet_MediaElch_kodi_v18_movie_empty.nfo")
    assert isinstance(league, Film)
    assert isinstance(snyder, Film)
    # A Metacritic 4.5 of max="10" is a Metascore of 45; the Tomatometer 7.6 is 76%.
    assert league.rating("metacritic") == Rating("metacritic", 45, votes=52)
    assert league.rating("rotten_tomatoes") == Rating("rotten_tomatoes", 76, votes=71)
    assert snyder.rating("trakt") == Rating("trakt", 81.9567, votes=4247)
    assert snyder.content_ratings == (ContentRating("M", country="AU"),)
    assert empty == NfoLink()


def test_errors_are_filmmeta_errors() -> None:
    assert issubclass(UnsupportedDocumentError, FilmmetaError)
