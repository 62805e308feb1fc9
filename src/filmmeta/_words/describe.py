"""Page text: the fact box and the sentences that a film page generates from facts.

Each function works with whatever facts a film has. When a fact is missing its words
are left out (never "None", never an empty list); :func:`reception` and
:func:`where_to_watch` return ``""`` when the film has no ratings or no offers, so a page
can skip them.
"""

from __future__ import annotations

from filmmeta._model.availability import OfferType, group_offers
from filmmeta._model.codes import country_name, language_name
from filmmeta._model.dates import PartialDate
from filmmeta._model.film import Film, FilmKind
from filmmeta._model.ratings import Rating
from filmmeta._model.runtime import format_runtime
from filmmeta._words.grammar import _article, join_words

__all__ = ["describe", "fact_sheet", "where_to_watch"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_KIND_WORDS = {
    FilmKind.MOVIE: "movie",
    FilmKind.TV_MOVIE: "tv movie",
    FilmKind.SHORT: "short film",
    FilmKind.VIDEO: "video",
    FilmKind.TV_SPECIAL: "tv special",
}
# Offer types in plain words, and the preposition their providers take.
_OFFER_VERBS = {
    OfferType.SUBSCRIPTION: ("stream with a subscription", "on"),
    OfferType.RENT: ("rent", "at"),
    OfferType.BUY: ("buy", "at"),
    OfferType.FREE: ("watch for free", "on"),
    OfferType.ADS: ("watch free with ads", "on"),
    OfferType.CINEMA: ("see in cinemas", "at"),
}
# Country names that read with "the": "in the United States".
_THE = ("United ", "Netherlands", "Philippines", "Czech Republic", "Dominican Republic")


def _date_words(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{_MONTHS[date.month - 1]} {date.year}"
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"


def _rating_label(rating: Rating) -> str:
    if rating.source == "imdb":
        return "IMDb Rating"
    return rating.display_name


def fact_sheet(film: Film, *, country: str = "US") -> dict[str, str]:
    """The fact box of a film page, in page order.

    Rows: Release Date, the content rating for *country* (labelled by its system:
    "MPAA Rating" for the MPA, as pages write it, "BBFC Rating", "FSK Rating", ...),
    Runtime, Language (English names), IMDb Rating, Metascore, then the other ratings.
    A row whose fact is unknown is left out.

    Args:
        film: The film.
        country: Whose content rating to show.

    Returns:
        ``{label: value}`` in page order.

    Examples:
        >>> film = Film(
        ...     "Backstage",
        ...     release_date="2000",
        ...     runtime=86,
        ...     languages=["en"],
        ...     content_ratings=[ContentRating("R", country="US")],
        ...     ratings=[Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)],
        ... )
        >>> for label, value in fact_sheet(film).items():
        ...     print(f"{label}: {value}")
        Release Date: 2000
        MPAA Rating: R
        Runtime: 1 hr 26 min
        Language: English
        IMDb Rating: 5.7 (347)
        Metascore: 29
    """
    sheet: dict[str, str] = {}
    if film.release_date is not None:
        sheet["Release Date"] = _date_words(film.release_date)
    content_rating = film.content_rating(country)
    if content_rating is not None:
        sheet[content_rating.label] = content_rating.code
    if film.runtime is not None:
        sheet["Runtime"] = format_runtime(film.runtime, "short")
    if film.languages:
        label = "Language" if len(film.languages) == 1 else "Languages"
        sheet[label] = ", ".join(language_name(tag) for tag in film.languages)
    order = {"imdb": 0, "metacritic": 1}
    for rating in sorted(film.ratings, key=lambda r: order.get(r.source, 2)):
        sheet[_rating_label(rating)] = rating.display
    return sheet


def describe(film: Film) -> str:
    """One sentence saying what the film is: year, kind and runtime.

    Args:
        film: The film.

    Returns:
        "<title> is a <year> <kind> with a runtime of <long runtime>.", leaving out
        the year and the runtime when they are unknown ("Heat is a movie.").

    Examples:
        >>> describe(Film("Backstage", kind="tv_movie", release_date="2000", runtime=86))
        'Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes.'
        >>> describe(Film("Heat"))
        'Heat is a movie.'
    """
    what = _KIND_WORDS[film.kind]
    if film.year is not None:
        what = f"{film.year} {what}"
    sentence = f"{film.title} is {_article(what)} {what}"
    if film.runtime is not None:
        sentence += f" with a runtime of {format_runtime(film.runtime, 'long')}"
    return sentence + "."


def _region_words(region: str) -> str:
    name = country_name(region)
    return f"the {name}" if name.startswith(_THE) else name


def _offer_clauses(by_type: dict[OfferType, list[str]]) -> str:
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
        verbs = join_words([_OFFER_VERBS[t][0] for t in types], "or")
        preposition = _OFFER_VERBS[types[0]][1] if len(types) == 1 else "at"
        parts.append(f"to {verbs} {preposition} {join_words(providers)}")
    return join_words(parts)


def where_to_watch(film: Film) -> str:
    """Where the film can be watched, in words.

    Offer types with the same providers share a clause ("to rent or buy at Apple TV,
    Amazon, Google Play and Vudu"); with offers in several regions there is one sentence
    per region, each naming its region.

    Args:
        film: The film.

    Returns:
        The sentences, or ``""`` when the film has no offers.

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
    """
    grouped = group_offers(film.offers)
    sentences = []
    for region, by_type in grouped.items():
        where = f"In {_region_words(region)}, " if region is not None and len(grouped) > 1 else ""
        subject = film.title
        sentences.append(f"{where}{subject} is available {_offer_clauses(by_type)}.")
    return " ".join(sentences)
