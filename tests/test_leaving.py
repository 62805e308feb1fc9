"""leaving_soon(): the offers that end soon, and the sentences and page that say so."""

from __future__ import annotations

import datetime as dt

import pytest

from filmmeta import Film, Offer, ValidationError, leaving_soon, page, where_to_watch

ON = dt.date(2027, 1, 15)


def _offer(provider: str, until: str | None, since: str | None = None, **kw: str) -> Offer:
    return Offer(provider, "subscription", available_from=since, available_until=until, **kw)


@pytest.mark.parametrize(
    ("offer", "leaving"),
    [
        (_offer("A", None), False),  # no last day: never leaves
        (_offer("A", "2027-01-14"), False),  # its last day was yesterday: gone already
        (_offer("A", "2027-01-15"), True),  # today is its last day
        (_offer("A", "2027-02-14"), True),  # the 30th day from today
        (_offer("A", "2027-02-15"), False),  # the 31st
        (_offer("A", "2027-01-20", since="2027-01-15"), True),  # starts today
        (_offer("A", "2027-01-20", since="2027-01-16"), False),  # not available yet
    ],
)
def test_the_window(offer: Offer, leaving: bool) -> None:
    assert leaving_soon(Film("Heat", offers=[offer]), on=ON) == ((offer,) if leaving else ())


def test_soonest_first_then_the_films_order() -> None:
    offers = [_offer("C", "2027-02-01"), _offer("A", "2027-01-31"), _offer("B", "2027-01-31")]
    found = leaving_soon(Film("Heat", offers=offers), on="2027-01-15")
    assert [offer.provider for offer in found] == ["A", "B", "C"]


def test_a_shorter_window_and_today_by_default() -> None:
    today = dt.date.today()
    offer = _offer("A", (today + dt.timedelta(days=10)).isoformat())
    film = Film("Heat", offers=[offer])
    assert leaving_soon(film) == (offer,)
    assert leaving_soon(film, within=dt.timedelta(days=9)) == ()
    assert leaving_soon(film, within=dt.timedelta(0)) == ()


def test_a_window_past_the_calendar_ends_with_it() -> None:
    offer = _offer("A", "9999-12-31")
    film = Film("Heat", offers=[offer])
    assert leaving_soon(film, on=ON, within=dt.timedelta(days=3_000_000)) == (offer,)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"on": dt.datetime(2027, 1, 15, 12)}, ValidationError, "on: .* is a time, not a day"),
        ({"on": "15/01/2027"}, ValidationError, r"on: '15/01/2027' is not a day \(YYYY-MM-DD\)"),
        ({"on": 20270115}, ValidationError, "on: 20270115 is not a day"),
        ({"within": 30}, TypeError, "within must be a datetime.timedelta .*, not int 30"),
        ({"within": dt.timedelta(days=-1)}, ValidationError, "within: -1 day, 0:00:00 is negative"),
        ({"within": dt.timedelta(hours=36)}, ValidationError, "not a whole number of days"),
    ],
)
def test_nonsense_is_refused(kwargs: dict[str, object], error: type, message: str) -> None:
    film = Film("Heat", offers=[_offer("A", "2027-01-20")])
    for call in (leaving_soon, where_to_watch, page):
        with pytest.raises(error, match=message):
            call(film, **kwargs)  # type: ignore[operator]
    # Even without offers: the arguments are checked, not only when they are used.
    with pytest.raises(error, match=message):
        where_to_watch(Film("Heat"), **kwargs)  # type: ignore[arg-type]


def test_a_film_is_required() -> None:
    with pytest.raises(TypeError, match="leaving_soon\\(\\) takes a Film, not str 'Heat'"):
        leaving_soon("Heat")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("offers", "on", "locale", "sentence"),
    [
        ([_offer("Netflix", "2027-01-31")], ON, "en-US", "Heat is leaving Netflix on January 31."),
        ([_offer("Netflix", "2027-01-31")], ON, "en-GB", "Heat is leaving Netflix on 31 January."),
        # Providers leaving on one day share it; each is named once, as pages name it.
        (
            [
                _offer("Netflix", "2027-01-31"),
                _offer("Amazon Video", "2027-01-31"),
                Offer("Amazon Prime Video", "buy", available_until="2027-01-31"),
            ],
            ON,
            "en-US",
            "Heat is leaving Netflix and Amazon on January 31.",
        ),
        # Another year than today's: the year is shown; American style sets it off with a
        # comma when the sentence goes on, British style has none to set off.
        (
            [
                _offer("Netflix", "2027-01-05"),
                _offer("Hulu", "2027-01-06"),
                _offer("Tubi", "2026-12-31"),
            ],
            dt.date(2026, 12, 20),
            "en-US",
            "Heat is leaving Tubi on December 31, Netflix on January 5, 2027, and Hulu on "
            "January 6, 2027.",
        ),
        (
            [_offer("Netflix", "2027-01-05"), _offer("Hulu", "2027-01-06")],
            dt.date(2026, 12, 20),
            "en-GB",
            "Heat is leaving Netflix on 5 January 2027 and Hulu on 6 January 2027.",
        ),
        (
            [_offer("Netflix", "2026-12-31"), _offer("Hulu", "2027-01-06")],
            dt.date(2026, 12, 20),
            "en-US",
            "Heat is leaving Netflix on December 31 and Hulu on January 6, 2027.",
        ),
    ],
)
def test_where_to_watch_says_what_leaves(
    offers: list[Offer], on: dt.date, locale: str, sentence: str
) -> None:
    text = where_to_watch(Film("Heat", offers=offers), on=on, locale=locale)
    assert text.endswith(f". {sentence}")


def test_what_leaves_is_said_in_its_region() -> None:
    film = Film(
        "Heat",
        offers=[
            _offer("Netflix", "2027-01-31", region="US"),
            _offer("Sky", None, region="GB"),
            _offer("MUBI", "2027-01-20", region="GB"),
        ],
    )
    assert where_to_watch(film, on=ON) == (
        "In the United States, Heat is available to stream with a subscription on Netflix. "
        "Heat is leaving Netflix on January 31. In the United Kingdom, Heat is available to "
        "stream with a subscription on Sky and MUBI. Heat is leaving MUBI on January 20."
    )


def test_nothing_leaving_changes_nothing() -> None:
    film = Film("Heat", offers=[_offer("Netflix", "2027-03-31")])
    assert (
        where_to_watch(film, on=ON) == "Heat is available to stream with a subscription on Netflix."
    )


@pytest.mark.parametrize(
    ("offers", "sentence"),
    [
        # Ended yesterday, or starting tomorrow: not available on the day of reading.
        ([_offer("Netflix", "2027-01-14"), _offer("Hulu", None)], "on Hulu."),
        ([_offer("Netflix", None, since="2027-01-16"), _offer("Hulu", None)], "on Hulu."),
        ([_offer("Netflix", "2027-01-15", since="2027-01-15")], "on Netflix. Heat is leaving"),
        ([_offer("Netflix", "2027-01-14"), _offer("Hulu", None, since="2027-02-01")], ""),
    ],
)
def test_only_what_is_available_on_the_day_is_said(offers: list[Offer], sentence: str) -> None:
    text = where_to_watch(Film("Heat", offers=offers), on=ON)
    assert sentence in text if sentence else text == ""
    assert ("Netflix" in text) == ("Netflix" in sentence)


def test_the_page_says_it_in_where_to_watch() -> None:
    film = Film(
        "Heat",
        offers=[
            Offer("Vudu", "rent", available_until="2027-01-31"),
            Offer("Vudu", "buy", available_until="2027-01-31"),
        ],
    )
    blocks = page(film, on=ON).rstrip("\n").split("\n\n")
    assert blocks[2:] == [
        "Where to Watch Heat",
        "Heat is available to watch, stream, download and buy on demand at Vudu. Some "
        "platforms allow you to rent Heat for a limited time or purchase the movie and "
        "download it to your device. Heat is leaving Vudu on January 31.",
    ]
    assert "<p>Heat is available to watch" in page(film, on=ON, format="html")
    assert "Heat is leaving Vudu on January 31." in page(film, on=ON, format="markdown")
    # A day later than the window: the page says nothing of it.
    assert "leaving" not in page(film, on=ON, within=dt.timedelta(days=7))
