"""Write a film as a schema.org ``Movie`` in JSON-LD: :func:`to_jsonld`.

:mod:`filmmeta.formats.schemaorg` re-exports :func:`to_jsonld` and documents it there.
What is written here reads back with :func:`~filmmeta.formats.schemaorg.from_jsonld` to
the same facts, which is why the tables of credit properties and id URLs come from
``_jsonld``, shared with the reader, and why text that HTML-unescaping would change is
escaped first.
"""

from __future__ import annotations

import html
from typing import Any

from filmmeta._model import (
    Credit,
    Film,
    Image,
    Offer,
    Rating,
    Release,
    Video,
    format_iso_duration,
    shown_typed,
)
from filmmeta.exceptions import ROOT, ValidationError
from filmmeta.formats._jsonld import CREDITS, ID_RES, ID_URLS, URL_ENTITY
from filmmeta.formats._jsonld_extras import award_text

__all__ = ["to_jsonld"]


def to_jsonld(film: Film, *, rating_source: str | None = None) -> dict[str, Any]:
    """Write a film as a schema.org ``Movie`` in JSON-LD.

    Args:
        film: The film.
        rating_source: The rating to write as the ``aggregateRating``; without it, the
            rating with the most votes (the first on a tie). A film without a rating
            from *rating_source* gets no ``aggregateRating``.

    Returns:
        The JSON-LD object, ready for :func:`json.dumps`. ``bestRating`` and
        ``worstRating`` are always written (schema.org would otherwise assume 5 and 1).

    Raises:
        ValidationError: *film* is not a :class:`~filmmeta.Film`.

    Examples:
        >>> from filmmeta import ExternalIds, Film, Rating
        >>> from filmmeta.formats.schemaorg import from_jsonld, to_jsonld
        >>> film = Film(
        ...     "Backstage",
        ...     release_date="2000",
        ...     runtime=86,
        ...     ratings=[Rating("imdb", 5.7, votes=347)],
        ...     ids=ExternalIds(imdb="tt0234567"),
        ... )
        >>> doc = to_jsonld(film)
        >>> doc["url"], doc["duration"], doc["aggregateRating"]["bestRating"]
        ('https://www.imdb.com/title/tt0234567/', 'PT1H26M', 10)
        >>> from_jsonld(doc) == film
        True
    """
    if not isinstance(film, Film):
        raise ValidationError.at(ROOT, f"expected a Film, got {shown_typed(film)}")
    doc: dict[str, Any] = {"@context": "https://schema.org", "@type": "Movie"}
    ids = film.ids
    urls = {n: t.format(v) for n, (t, _) in ID_URLS.items() if _writable(n, v := getattr(ids, n))}
    if "imdb" in urls:
        doc["url"] = urls.pop("imdb")
    original = film.original_title if film.original_title != film.title else None
    doc["name"] = _escape(original or film.title)
    others = [t.text for t in film.titles if t.text not in (film.title, original)]
    if original is not None or others:
        # The first alternate name is the title; the others are the film's other titles.
        names = [_escape(t) for t in dict.fromkeys([film.title, *others])]
        doc["alternateName"] = names[0] if len(names) == 1 else names
    if film.images:
        doc["image"] = [_image_out(i) for i in dict.fromkeys(film.images)]
    if film.videos:
        doc["trailer"] = [_video_out(v) for v in film.videos]
    if film.keywords:
        doc["keywords"] = [_escape(k) for k in film.keywords]
    if film.releases:
        doc["releasedEvent"] = [_release_out(r) for r in film.releases]
    if film.awards:
        doc["award"] = [_escape(award_text(a)) for a in film.awards]
    if (eidr := ids.get("eidr")) is not None:
        doc["titleEIDR"] = eidr
    if urls:
        doc["sameAs"] = list(urls.values())
    if film.genres:
        doc["genre"] = [_escape(g) for g in film.genres]
    if rated := film.content_rating("US") or next(iter(film.content_ratings), None):
        doc["contentRating"] = _escape(rated.code)
    for key, role in CREDITS:
        people = [_person_out(key, c) for c in film.credits if c.role == role]
        if people:
            doc[key] = people
    if film.summary is not None:
        doc["description"] = _escape(film.summary)
    if film.release_date is not None:
        doc["datePublished"] = str(film.release_date)
    if film.languages:
        doc["inLanguage"] = film.languages[0] if len(film.languages) == 1 else list(film.languages)
    if film.countries:
        doc["countryOfOrigin"] = [{"@type": "Country", "name": c} for c in film.countries]
    if (rating := _pick_rating(film, rating_source)) is not None:
        doc["aggregateRating"] = _rating_out(rating)
    if film.runtime is not None:
        doc["duration"] = format_iso_duration(film.runtime)
    if film.offers:
        doc["offers"] = [_offer_out(o) for o in film.offers]
    return doc


def _writable(name: str, value: object) -> bool:
    # Only ids that the reading pattern finds again in the written URL.
    if value is None:
        return False
    match = ID_RES[name].search(ID_URLS[name][0].format(value))
    return match is not None and match[1] == str(value)


def _escape(value: str) -> str:
    # Readers unescape HTML entities (IMDb writes them); text that would change when
    # unescaped gets its "&" escaped, so that it reads back as written.
    return value.replace("&", "&amp;") if html.unescape(value) != value else value


def _person_out(key: str, credit: Credit) -> dict[str, Any]:
    person = {"@type": "Person", "name": _escape(credit.name)}
    if credit.character is None:
        return person
    return {"@type": "PerformanceRole", key: person, "characterName": _escape(credit.character)}


def _pick_rating(film: Film, source: str | None) -> Rating | None:
    if source is not None:
        return film.rating(source)
    best: Rating | None = None
    for rating in film.ratings:
        if best is None or (rating.votes or -1) > (best.votes or -1):
            best = rating
    return best


def _rating_out(rating: Rating) -> dict[str, Any]:
    out = {
        "@type": "AggregateRating",
        "ratingValue": rating.value,
        "bestRating": rating.best,
        "worstRating": rating.worst,
        "ratingCount": rating.votes,
        # The author names the source, so that a reader need not guess it from the page.
        "author": {"@type": "Organization", "name": rating.display_name},
    }
    return {k: v for k, v in out.items() if v is not None}


def _offer_out(offer: Offer) -> dict[str, Any]:
    url = offer.url
    out = {
        "@type": "Offer",
        "category": offer.type.value,
        "seller": {"@type": "Organization", "name": _escape(offer.provider)},
        "price": None if offer.price is None else format(offer.price, "f"),
        "priceCurrency": offer.currency,
        "eligibleRegion": offer.region,
        "url": url.replace("&", "&amp;") if url and URL_ENTITY.search(url) else url,
    }
    return {k: v for k, v in out.items() if v is not None}


def _image_out(image: Image) -> str | dict[str, Any]:
    if image.width is None and image.height is None:
        return image.url
    out = {"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height}
    return {k: v for k, v in out.items() if v is not None}


def _video_out(video: Video) -> dict[str, Any]:
    out = {"@type": "VideoObject", "url": video.url, "name": video.name}
    return {k: _escape(v) if k == "name" else v for k, v in out.items() if v is not None}


def _release_out(release: Release) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "PublicationEvent", "startDate": str(release.date)}
    if release.country is not None:
        out["location"] = {"@type": "Country", "name": release.country}
    return out
