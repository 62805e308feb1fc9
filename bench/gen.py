"""Seeded, varied films in filmmeta's canonical JSON form, for the benchmarks.

``films(n, seed)`` returns *n* dicts shaped exactly as :func:`filmmeta.to_dict` writes
them (keys in attribute order, ``kind`` always present, system on every content rating,
None and empty collections left out, ``best``/``worst`` left out for known sources), so
every peer decodes the same documents and ``to_dict(from_dict(d)) == d``. The mix:
partial and full release dates, runtimes with and without seconds, 0-4 ratings with and
without votes, 0-12 offers (prices only on rentals and purchases), 0-25 credits (actors
sometimes with a character), and ids, summary and original title present or absent.

``check(docs)`` makes sure filmmeta accepts every document and writes it back unchanged.
"""

from __future__ import annotations

import random
from typing import Any

Doc = dict[str, Any]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KINDS = ("movie", "movie", "movie", "movie", "tv_movie", "short", "video", "tv_special")
WORDS = _words(
    "Backstage Heat Night Return Last Summer Winter City River Garden Silent Long Road "
    "Home Ghost Blue Red House Of The Lost Stars Dark Light Hour Empire Shadow Paper "
    "Glass Moon Sun Wild Storm Iron Golden Little Secret Strange Broken Hidden Kingdom"
)
GENRES = _words(
    "Action Adventure Animation Comedy Crime Documentary Drama Family Fantasy History "
    "Horror Music Mystery Romance Science-Fiction Thriller War Western"
)
LANGUAGES = ("en", "en", "en", "fr", "de", "es", "ja", "ko", "it", "pt-BR", "yue", "cmn", "hi")
COUNTRIES = ("US", "US", "US", "GB", "FR", "DE", "JP", "KR", "IT", "ES", "IN", "CA", "AU")
FIRST = _words(
    "Chris Anna Jay Maria Kenji Ji-woo Pierre Ingrid Sofia Omar Lena Ravi Chloe Diego "
    "Amara Hannah Luca Mei Tomasz Aisha"
)
LAST = _words(
    "Fiore Simmons Dash Tanaka Kim Dubois Bergman Rossi Haddad Novak Sharma Moreau Garcia "
    "Okafor Schmidt Bianchi Chen Kowalski Khan Lindqvist"
)
ROLES = ("director", "writer", "producer", "composer", "cinematographer", "editor", "self")
# (country, system, codes); a country whose system filmmeta does not know has system None.
CERTIFICATIONS = (
    ("US", "MPA", ("G", "PG", "PG-13", "R", "NC-17", "Not Rated")),
    ("US", "US TV", ("TV-PG", "TV-14", "TV-MA")),
    ("GB", "BBFC", ("U", "PG", "12A", "15", "18")),
    ("DE", "FSK", ("0", "6", "12", "16", "18")),
    ("FR", "CNC", ("TP", "12", "16")),
    ("AU", "ACB", ("G", "PG", "M", "MA 15+")),
    ("JP", "Eirin", ("G", "PG12", "R15+")),
    ("IS", None, ("L", "12", "16")),
)
REASONS = ("for language and some violence", "for drug use", "for sexual content")
# (source, worst, best, integer values?, votes usual?)
SOURCES = (
    ("imdb", 1, 10, False, True),
    ("metacritic", 0, 100, True, False),
    ("rotten_tomatoes", 0, 100, True, True),
    ("letterboxd", 0.5, 5, False, True),
    ("tmdb", 0, 10, False, True),
    ("trakt", 0, 100, True, True),
)
PROVIDERS = ("Apple TV", "Amazon", "Google Play", "Vudu", "Netflix", "Max", "Tubi", "MUBI")
OFFER_TYPES = ("subscription", "rent", "buy", "free", "ads", "cinema")
REGIONS = (("US", "USD"), ("GB", "GBP"), ("DE", "EUR"), ("FR", "EUR"), ("JP", "JPY"))
PRICES = ("2.99", "3.99", "4.99", "5.99", "9.99", "12.99", "14.99", "19.99")
QUALITIES = ("sd", "hd", "uhd")


def _title(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.choice((1, 1, 2, 2, 3, 4))))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _release_date(rng: random.Random) -> str:
    year = rng.randint(1920, 2026)
    precision = rng.random()
    if precision < 0.3:
        return str(year)
    month = rng.randint(1, 12)
    if precision < 0.45:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _runtime(rng: random.Random) -> str:
    # What filmmeta writes: whole hours and minutes ("PT1H26M", "PT2H", "PT45M"),
    # seconds only when there are some.
    minutes = rng.randint(3, 240)
    seconds = rng.randint(1, 59) if rng.random() < 0.1 else 0
    hours, minutes = divmod(minutes, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{seconds}S" if seconds else "")


def _content_ratings(rng: random.Random) -> list[Doc]:
    found = []
    for country, system, codes in rng.sample(CERTIFICATIONS, rng.choice((0, 1, 1, 1, 2, 3))):
        doc: Doc = {"code": rng.choice(codes), "country": country}
        if system is not None:
            doc["system"] = system
        if rng.random() < 0.15:
            doc["reason"] = rng.choice(REASONS)
        found.append(doc)
    return found


def _credits(rng: random.Random) -> list[Doc]:
    found: list[Doc] = [{"name": _name(rng), "role": "director"}]
    for _ in range(rng.randint(0, 6)):
        found.append({"name": _name(rng), "role": rng.choice(ROLES)})
    for _ in range(rng.randint(0, 18)):
        doc: Doc = {"name": _name(rng), "role": "actor"}
        if rng.random() < 0.5:
            doc["character"] = _title(rng)
        found.append(doc)
    return found


def _ratings(rng: random.Random) -> list[Doc]:
    found = []
    for source, worst, best, integral, with_votes in rng.sample(SOURCES, rng.randint(0, 4)):
        # Integral scales give ints (Metascore 29), the others one decimal (IMDb 5.7).
        value = rng.randint(worst, best) if integral else round(rng.uniform(worst, best), 1)
        doc: Doc = {"source": source, "value": value}
        if with_votes or rng.random() < 0.2:
            doc["votes"] = rng.randint(0, 2_000_000) if rng.random() < 0.3 else rng.randint(0, 999)
        found.append(doc)
    return found


def _offers(rng: random.Random) -> list[Doc]:
    found = []
    for _ in range(rng.choice((0, 0, 1, 2, 4, 6, 8, 12))):
        region, currency = rng.choice(REGIONS)
        doc: Doc = {"provider": rng.choice(PROVIDERS), "type": rng.choice(OFFER_TYPES)}
        if rng.random() < 0.9:
            doc["region"] = region
        if doc["type"] in ("rent", "buy") and rng.random() < 0.8:
            doc["price"] = "400" if currency == "JPY" else rng.choice(PRICES)
            doc["currency"] = currency
        if rng.random() < 0.5:
            doc["quality"] = rng.choice(QUALITIES)
        if rng.random() < 0.4:
            slug = doc["provider"].lower().replace(" ", "")
            doc["url"] = f"https://www.{slug}.com/{region.lower()}/title/{rng.randint(1, 10**6)}"
        found.append(doc)
    return found


def film(rng: random.Random) -> Doc:
    """Return one canonical film document."""
    doc: Doc = {"title": _title(rng), "kind": rng.choice(KINDS)}
    if rng.random() < 0.95:
        doc["release_date"] = _release_date(rng)
    if rng.random() < 0.85:
        doc["runtime"] = _runtime(rng)
    optional: Doc = {
        "content_ratings": _content_ratings(rng),
        "genres": rng.sample(GENRES, rng.randint(0, 3)),
        "languages": sorted(set(rng.choices(LANGUAGES, k=rng.randint(0, 3)))),
        "countries": sorted(set(rng.choices(COUNTRIES, k=rng.randint(0, 2)))),
    }
    doc.update((key, value) for key, value in optional.items() if value)
    if rng.random() < 0.7:
        doc["summary"] = " ".join(rng.choices(WORDS, k=rng.randint(8, 40))).lower()
    more: Doc = {"credits": _credits(rng), "ratings": _ratings(rng), "offers": _offers(rng)}
    doc.update((key, value) for key, value in more.items() if value)
    ids: Doc = {}
    if rng.random() < 0.8:
        digits = rng.choice((7, 7, 8))
        ids["imdb"] = f"tt{rng.randrange(10**digits):0{digits}d}"
    if rng.random() < 0.7:
        ids["tmdb"] = rng.randint(1, 1_500_000)
    if ids:
        doc["ids"] = ids
    if rng.random() < 0.1:
        doc["original_title"] = _title(rng)
    return doc


def films(n: int, seed: int = 2000) -> list[Doc]:
    """Return *n* canonical film documents, the same ones for the same seed."""
    rng = random.Random(seed)
    return [film(rng) for _ in range(n)]


def check(docs: list[Doc]) -> None:
    """Make sure filmmeta accepts every document and writes it back unchanged."""
    import filmmeta

    for i, doc in enumerate(docs):
        written = filmmeta.to_dict(filmmeta.from_dict(doc))
        if written != doc:
            msg = f"document {i} is not canonical:\n{doc}\n{written}"
            raise AssertionError(msg)


if __name__ == "__main__":
    import json

    sample = films(3)
    check(films(2000))
    print(json.dumps(sample[0], indent=2))
