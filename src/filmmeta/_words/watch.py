"""Where to watch a film, in words: the offers by region, type and provider, and when they end."""

from __future__ import annotations

import datetime as dt

from filmmeta._l10n import N_, Lang, _, items, join, lang, n_, sentences
from filmmeta._model import Film, Offer, OfferType, group_offers
from filmmeta._words.common import kind_phrases, region_words, title_in
from filmmeta._words.leaving import available_offers, leaving_offers, leaving_words, window

__all__ = ["offer_words", "on_demand", "where_to_watch"]

# Offer types in plain words, and whether their providers take "at" (a shop) or "on" (a
# service): "to rent at Vudu", "to stream with a subscription on Netflix".
_OFFER_VERBS = {
    OfferType.SUBSCRIPTION: (N_("stream with a subscription"), False),
    OfferType.RENT: (N_("rent"), True),
    OfferType.BUY: (N_("buy"), True),
    OfferType.FREE: (N_("watch for free"), False),
    OfferType.ADS: (N_("watch free with ads"), False),
    OfferType.CINEMA: (N_("see in cinemas"), True),
}
# The offer types as a list of offers names them ("Apple TV: Rent, Buy").
_OFFER_NOUNS = {
    OfferType.SUBSCRIPTION: N_("Subscription"),
    OfferType.RENT: N_("Rent"),
    OfferType.BUY: N_("Buy"),
    OfferType.FREE: N_("Free"),
    OfferType.ADS: N_("Free with ads"),
    OfferType.CINEMA: N_("In cinemas"),
}
_ON_DEMAND = frozenset({OfferType.RENT, OfferType.BUY})


def _clauses(language: Lang, by_type: dict[OfferType, list[str]]) -> str:
    # Offer types with the same providers share one clause: "to rent or buy at A and B".
    clauses: list[tuple[list[OfferType], list[str]]] = []
    for offer_type, providers in by_type.items():
        for types, same in clauses:
            if same == providers:
                types.append(offer_type)
                break
        else:
            clauses.append(([offer_type], providers))
    parts = []
    for types, providers in clauses:
        verbs = join(language, [_(language, _OFFER_VERBS[t][0]) for t in types], "or")
        shop = len(types) > 1 or _OFFER_VERBS[types[0]][1]
        # Plural by the number of providers, for a language that names them with a noun
        # ("na plataforma Vudu", "nas plataformas Apple TV e Vudu").
        if shop:
            # TRANSLATORS: "to rent or buy at Apple TV and Vudu": a shop's offers.
            template = n_(
                language, "to {verbs} at {providers}", "to {verbs} at {providers}", len(providers)
            )
        else:
            # TRANSLATORS: "to stream with a subscription on Netflix": a service's offers.
            template = n_(
                language, "to {verbs} on {providers}", "to {verbs} on {providers}", len(providers)
            )
        parts.append(template.format(verbs=verbs, providers=join(language, providers)))
    return join(language, parts)


def _in_region(language: Lang, region: str | None, *, several: bool, sentence: str) -> str:
    if region is None or not several:
        return sentence
    # TRANSLATORS: a sentence about one country's offers, when a film has offers in
    # several; "{region}: {sentence}" avoids the preposition a country name needs.
    template = _(language, "In {region}, {sentence}")
    return template.format(region=region_words(language, region), sentence=sentence)


def where_to_watch(
    film: Film,
    *,
    locale: str = "en-US",
    on: dt.date | str | None = None,
    within: dt.timedelta = dt.timedelta(days=30),
) -> str:
    """Where the film can be watched, in words, and which offers leave soon.

    Offer types with the same providers share a clause ("to rent or buy at Apple TV,
    Amazon, Google Play and Vudu"); with offers in several regions there is one sentence
    per region, each naming its region. Offers that end soon (:func:`leaving_soon`) are
    said after their region's sentence: "Backstage is leaving Netflix on January 31.",
    the day written the locale's way, with its year when that is not the year of *on*.
    Offers that have ended by *on*, or start after it, are not said.

    Args:
        film: The film.
        locale: The language to write it in ("en-US", "it-IT", ...).
        on: The day the text is read on, for what leaves soon (a date or its ISO text);
            today by default.
        within: How far ahead an offer that ends is "leaving soon", in whole days.

    Returns:
        The sentences, or ``""`` when the film has no offers available on *on*.

    Raises:
        ImportError: A language other than English without the ``i18n`` extra.
        TypeError: *within* is not a :class:`~datetime.timedelta`.
        ValidationError: *on* is not a day, or *within* is negative or not whole days.

    Examples:
        >>> film = Film(
        ...     "Backstage",
        ...     offers=[
        ...         Offer(p, t, region="US")
        ...         for p in ("Apple TV", "Amazon", "Google Play", "Vudu")
        ...         for t in ("rent", "buy")
        ...     ],
        ... )
        >>> where_to_watch(film)
        'Backstage is available to rent or buy at Apple TV, Amazon, Google Play and Vudu.'
        >>> where_to_watch(film, locale="de-DE")
        'Backstage ist zum Leihen oder Kaufen bei Apple TV, Amazon, Google Play und Vudu verfügbar.'
        >>> netflix = Offer("Netflix", "subscription", region="US", available_until="2027-01-31")
        >>> film = Film("Backstage", offers=[netflix])
        >>> print(where_to_watch(film, on="2027-01-15"))
        Backstage is available to stream with a subscription on Netflix. Backstage is leaving Netflix on January 31.
        >>> print(where_to_watch(film, on="2026-12-20", within=dt.timedelta(60), locale="en-GB"))
        Backstage is available to stream with a subscription on Netflix. Backstage is leaving Netflix on 31 January 2027.
        >>> print(where_to_watch(film, on="2027-01-15", locale="de-DE"))
        Backstage ist zum Streamen im Abo bei Netflix verfügbar. Backstage verlässt Netflix am 31. Januar.
        >>> where_to_watch(film, on="2027-02-01")
        ''

    .. versionchanged:: 0.2.0 The *locale*, *on* and *within* arguments; offers that
       leave soon are said.
    """  # noqa: E501
    return _by_region(film, lang(locale), window(on, within), seed=False)


def on_demand(
    film: Film,
    *,
    locale: str = "en-US",
    on: dt.date | str | None = None,
    within: dt.timedelta = dt.timedelta(days=30),
) -> str:
    """The page's "Where to Watch" sentences, in the seed page's wording where it fits.

    When a region's offers are all rentals and purchases, the page says so as the seed
    page does ("available to watch, stream, download and buy on demand at ..."; "Some
    platforms allow you to rent ... or purchase the movie ...", the second sentence only
    when there are both). Other offers are described by :func:`where_to_watch`; offers
    that leave soon are said as it says them.
    """
    return _by_region(film, lang(locale), window(on, within), seed=True)


def _by_region(film: Film, language: Lang, days: tuple[dt.date, dt.date], *, seed: bool) -> str:
    # What has ended or not begun on the day of reading is not available then.
    offers = available_offers(film.offers, days[0])
    grouped = group_offers(offers)
    ending = leaving_offers(offers, *days)
    title = title_in(language, film)
    texts = []
    for region, by_type in grouped.items():
        types = set(by_type)
        if seed and OfferType.BUY in types and types <= _ON_DEMAND:
            sentence = _seed_words(language, film, title, by_type)
        else:
            sentence = _(language, "{title} is available {clauses}.").format(
                title=title, clauses=_clauses(language, by_type)
            )
        leaving = [offer for offer in ending if offer.region == region]
        sentence = sentences(language, [sentence, leaving_words(language, title, leaving, days[0])])
        texts.append(_in_region(language, region, several=len(grouped) > 1, sentence=sentence))
    return sentences(language, texts)


def _seed_words(language: Lang, film: Film, title: str, by_type: dict[OfferType, list[str]]) -> str:
    providers = list(dict.fromkeys(p for names in by_type.values() for p in names))
    sentence = n_(
        language,
        "{title} is available to watch, stream, download and buy on demand at {providers}.",
        "{title} is available to watch, stream, download and buy on demand at {providers}.",
        len(providers),
    ).format(title=title, providers=join(language, providers))
    if OfferType.RENT not in by_type:
        return sentence
    rent = _(
        language,
        "Some platforms allow you to rent {title} for a limited time or purchase "
        "{what} and download it to your device.",
    )
    what = _(language, kind_phrases(film.kind)[2])
    return sentences(language, [sentence, rent.format(title=title, what=what)])


def offer_words(language: Lang, offers: tuple[Offer, ...]) -> list[tuple[str, str]]:
    """The offers as a list shows them: (provider, "Rent, Buy"), in the offers' order."""
    types: dict[str, list[str]] = {}
    for offer in offers:
        noun = _(language, _OFFER_NOUNS[offer.type])
        names = types.setdefault(offer.provider, [])
        if noun not in names:
            names.append(noun)
    return [(provider, items(language, nouns)) for provider, nouns in types.items()]
