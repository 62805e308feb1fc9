"""Hypothesis strategies for every model class, for round-trip properties.

A class's fields are drawn from their types (:func:`for_type`), so a new field is drawn
as soon as it exists; :data:`FIELDS` names the fields whose type says too little (a
language tag is a str), and classes whose fields constrain one another (a rating's
value and scale) have a strategy of their own. ``tests/test_fields.py`` checks that
every field of every model class is drawn with values other than its default.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from typing import Any

import attrs
from hypothesis import strategies as st

from filmmeta import (
    SOURCES,
    Award,
    AwardOutcome,
    Collection,
    ContentRating,
    Credit,
    Edition,
    ExternalIds,
    Film,
    Image,
    ImageKind,
    Money,
    Offer,
    OfferFeature,
    OfferType,
    PartialDate,
    Quality,
    Rating,
    Release,
    ReleaseKind,
    Title,
    TitleKind,
    Video,
    VideoKind,
    Viewing,
)
from filmmeta._model.certification_systems import SYSTEMS
from filmmeta._model.registry import field_types, is_homogeneous_tuple, item_type, optional_inner

# Text that JSON and every backend can carry: no lone surrogates, never blank.
_chars = st.characters(exclude_categories=("Cs",))
text = st.text(_chars, min_size=1, max_size=30).filter(lambda s: s.strip() != "")
short_text = st.text(_chars, min_size=1, max_size=12).filter(lambda s: s.strip() != "")

REGIONS = ("US", "GB", "DE", "FR", "JP", "KR", "BR", "IN", "CA", "AU", "NL", "TR")
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "KRW", "BRL", "INR")
LANGUAGES = ("en", "fr", "de", "ja", "tr", "yue", "cmn", "pt-BR", "zh-Hant", "es-419", "gsw")


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    date = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(date.year)
    if precision == "month":
        return PartialDate(date.year, date.month)
    return PartialDate(date.year, date.month, date.day)


runtimes = st.builds(
    dt.timedelta,
    seconds=st.integers(min_value=0, max_value=857 * 3600),
    microseconds=st.sampled_from((0, 0, 0, 500_000, 1)),
)


@st.composite
def content_ratings(draw: st.DrawFn) -> ContentRating:
    system = draw(st.sampled_from(sorted(SYSTEMS.values(), key=lambda s: s.name)))
    code = draw(st.sampled_from(system.codes) | st.sampled_from(("Not Rated", "X", "E")))
    reason = draw(st.none() | text)
    descriptors = draw(st.lists(short_text, max_size=2))
    return ContentRating(code, country=system.country, reason=reason, descriptors=descriptors)


def _value(worst: float, best: float) -> st.SearchStrategy[float]:
    tenths = st.integers(int(worst * 10), int(best * 10)).map(lambda n: n / 10)
    whole = st.integers(int(worst + 0.99), int(best))
    return tenths | whole


@st.composite
def ratings(draw: st.DrawFn, source: str | None = None) -> Rating:
    name = source or draw(st.sampled_from(sorted(SOURCES)) | st.just("my_site"))
    votes = draw(st.none() | st.integers(0, 3_000_000))
    known = SOURCES.get(name)
    if known is None:
        best = draw(st.sampled_from((5, 10, 100, 4.0)))
        worst = draw(st.sampled_from((0, 1)))
        return Rating(name, draw(_value(worst, best)), votes=votes, best=best, worst=worst)
    return Rating(name, draw(_value(known.worst, known.best)), votes=votes)


prices = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


@st.composite
def offers(draw: st.DrawFn) -> Offer:
    price = draw(st.none() | prices)
    currency = draw(st.sampled_from(CURRENCIES)) if price is not None else None
    start, end = draw(_days), draw(_days)
    return Offer(
        draw(text),
        draw(st.sampled_from(OfferType)),
        region=draw(st.none() | st.sampled_from(REGIONS)),
        price=price,
        currency=currency,
        quality=draw(st.none() | st.sampled_from(Quality)),
        url=draw(st.none() | st.just("https://example.com/watch?id=1")),
        available_from=start,
        available_until=None if end is None else max(end, start or end),
        audio_languages=draw(st.lists(st.sampled_from(LANGUAGES), max_size=2, unique=True)),
        subtitle_languages=draw(st.lists(st.sampled_from(LANGUAGES), max_size=2, unique=True)),
        features=draw(st.lists(st.sampled_from(OfferFeature), max_size=2, unique=True)),
    )


@st.composite
def rating_sets(draw: st.DrawFn) -> tuple[Rating, ...]:
    names = draw(st.lists(st.sampled_from(sorted(SOURCES)), max_size=4, unique=True))
    return tuple(draw(ratings(name)) for name in names)


#: Fields drawn otherwise than their type says, by class and name.
FIELDS: dict[tuple[type[Any], str], st.SearchStrategy[Any]] = {
    (Credit, "role"): st.sampled_from(
        ("director", "writer", "actor", "self", "producer", "second unit director")
    ),
    (ExternalIds, "imdb"): st.none() | st.from_regex(r"tt[0-9]{7,9}", fullmatch=True),
    (ExternalIds, "tmdb"): st.none() | st.integers(1, 10**9),
    (ExternalIds, "wikidata"): st.none() | st.from_regex(r"Q[1-9][0-9]{0,8}", fullmatch=True),
    (ExternalIds, "letterboxd"): st.none() | st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
    (ExternalIds, "rotten_tomatoes"): st.none()
    | st.from_regex(r"m/[a-z0-9_]{1,20}", fullmatch=True),
    (ExternalIds, "metacritic"): st.none() | st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
    (ExternalIds, "justwatch"): st.none() | st.integers(1, 10**9),
    (ExternalIds, "other"): st.dictionaries(
        st.sampled_from(("trakt", "tvdb", "movielens", "eidr", "kodi_set")),
        st.from_regex(r"[A-Za-z0-9./_-]{1,16}", fullmatch=True),
        max_size=2,
    ),
    (Film, "titles"): st.lists(st.deferred(lambda: titles), max_size=3, unique=True),
    (Film, "releases"): st.lists(
        st.deferred(lambda: releases),
        max_size=3,
        unique_by=lambda r: (r.country, r.kind, r.date),
    ),
    (Film, "genres"): st.lists(short_text, max_size=3),
    (Film, "languages"): st.lists(st.sampled_from(LANGUAGES), max_size=3),
    (Film, "countries"): st.lists(st.sampled_from(REGIONS), max_size=3),
    (Film, "ratings"): rating_sets(),
}


def for_type(type_: Any) -> st.SearchStrategy[Any]:
    """Values of a field type: text, dates, runtimes, prices, enums, model classes, tuples."""
    inner = optional_inner(type_)
    if inner is not None:
        return st.none() | for_type(inner)
    if is_homogeneous_tuple(type_):
        return st.lists(for_type(item_type(type_)), max_size=3)
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return st.sampled_from(type_)
    if isinstance(type_, type) and attrs.has(type_) and type_ is not PartialDate:
        return st.deferred(lambda: MODELS[type_])
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: text,
        PartialDate: partial_dates(),
        dt.timedelta: runtimes,
        decimal.Decimal: prices,
    }
    if type_ in simple:
        return simple[type_]
    # An int or float has a range that its type does not say: name the field in FIELDS.
    raise TypeError(f"no strategy for {type_!r}")


def from_fields(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Instances of *cls*, each field drawn by :data:`FIELDS` or by its type."""
    return st.builds(
        cls,
        **{
            field.name: FIELDS[cls, field.name]
            if (cls, field.name) in FIELDS
            else for_type(field.type)
            for field in field_types(cls)
        },
    )


credits = from_fields(Credit)
external_ids = from_fields(ExternalIds)
films = from_fields(Film)

#: Every model class with a strategy for it.
MODELS: dict[type[Any], st.SearchStrategy[Any]] = {
    Film: films,
    Rating: ratings(),
    Offer: offers(),
    Credit: credits,
    ExternalIds: external_ids,
    ContentRating: content_ratings(),
}

#: A day of an offer's window.
_days = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


titles = st.builds(
    Title,
    text,
    region=st.none() | st.sampled_from(REGIONS),
    language=st.none() | st.sampled_from(LANGUAGES),
    kind=st.sampled_from(TitleKind),
    note=st.none() | text,
)

releases = st.builds(
    Release,
    partial_dates(),
    country=st.none() | st.sampled_from(REGIONS),
    kind=st.sampled_from(ReleaseKind),
    note=st.none() | text,
    language=st.none() | st.sampled_from(LANGUAGES),
)

editions = st.builds(Edition, text, runtime=st.none() | runtimes, note=st.none() | text)

collections = st.builds(Collection, text, ids=external_ids, overview=st.none() | text)

#: Sums as sources write them: whole amounts ("$158,300,000") and cents.
amounts = st.decimals(min_value=0, max_value=10**12, places=0) | prices

money = st.builds(
    Money, amounts, st.sampled_from(CURRENCIES), region=st.none() | st.sampled_from(REGIONS)
)

awards = st.builds(
    Award,
    text,
    category=st.none() | text,
    year=st.none() | st.integers(1, 9999),
    outcome=st.sampled_from(AwardOutcome),
    recipient=st.none() | text,
    count=st.integers(1, 10**6),
)

_paths = st.from_regex(r"[A-Za-z0-9_-]{1,24}", fullmatch=True)
_sizes = st.none() | st.integers(1, 20_000)

images = st.builds(
    Image,
    _paths.map(lambda p: f"https://image.tmdb.org/t/p/original/{p}.jpg"),
    kind=st.sampled_from(ImageKind),
    width=_sizes,
    height=_sizes,
    language=st.none() | st.sampled_from(LANGUAGES),
)

videos = st.builds(
    Video,
    _paths.map(lambda p: f"https://www.youtube.com/watch?v={p}"),
    kind=st.sampled_from(VideoKind),
    site=st.none() | st.sampled_from(("YouTube", "Vimeo")),
    language=st.none() | st.sampled_from(LANGUAGES),
    name=st.none() | text,
)

offer_features = st.sampled_from(OfferFeature)

#: The model 2 classes (issue 12) with a strategy each; all are in MODELS.
NEW_MODELS = {
    Title: titles,
    Release: releases,
    Edition: editions,
    Collection: collections,
    Money: money,
    Award: awards,
    Image: images,
    Video: videos,
}
MODELS.update(NEW_MODELS)


#: The film of a viewing: mostly the facts a diary holds (title, year, ids), now and then a
#: whole film. Whole films are drawn by Film's own properties at their counts; a viewing
#: holds one through the same hooks, and drawing it whole every time would make every
#: viewing property as costly as the film's round trip.
_viewed_films = st.one_of(
    *[
        st.builds(Film, text, release_date=st.none() | partial_dates(), ids=external_ids)
        for _ in range(3)
    ],
    films,
)

#: A person's film history: the rating on a service's own scale, or a scale of one's own.
viewings = st.builds(
    Viewing,
    _viewed_films,
    watched_on=_days,
    logged_on=_days,
    rating=st.none() | ratings("letterboxd") | ratings("imdb") | ratings("my_site"),
    rewatch=st.booleans(),
    liked=st.booleans(),
    tags=st.lists(short_text, max_size=3),
    review=st.none() | text,
    user=st.none() | short_text,
    url=st.none() | _paths.map(lambda p: f"https://boxd.it/{p}"),
)
MODELS[Viewing] = viewings


def json_values(
    *,
    strings: st.SearchStrategy[str] | None = None,
    keys: st.SearchStrategy[str] | None = None,
    size: int = 4,
    leaves: int = 20,
) -> st.SearchStrategy[object]:
    """Arbitrary JSON values, for "a value or a FilmmetaError" properties of readers.

    Args:
        strings: Leaf strings (default: short text); a format's own words reach deeper.
        keys: Object keys (default: short text); a format's own keys reach deeper.
        size: The most items of a list or object.
        leaves: The most leaves of one value.
    """
    texts = strings if strings is not None else st.text(max_size=20)
    names = keys if keys is not None else st.text(max_size=10)
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | texts,
        lambda inner: st.lists(inner, max_size=size) | st.dictionaries(names, inner, max_size=size),
        max_leaves=leaves,
    )
