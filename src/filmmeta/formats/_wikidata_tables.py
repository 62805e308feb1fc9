"""The Wikidata items and properties that :mod:`filmmeta.formats.wikidata` knows.

Entities name everything by id: a country is ``Q30``, a unit ``Q7727``, a rating ``R`` an
item of its own. These tables give the few that a film's facts need most often (the common
countries, languages and film classes, the id and rating properties); anything else is
resolved through the label map a caller passes, or left out with a warning. An item
given here with the wrong meaning is a bug: report it.

The module is private: :mod:`filmmeta.formats.wikidata` is its only user.
"""

from __future__ import annotations

from types import MappingProxyType

from filmmeta._model import FilmKind

__all__ = [
    "COUNTRIES",
    "CREDITS",
    "FILM_CLASSES",
    "IDS",
    "LANGUAGES",
    "NAMED_IDS",
    "RATING_SYSTEMS",
    "UNITS",
    "WIKI_LANGUAGES",
]

#: Classes (P31 values) of items that are films, and the kind each gives.
FILM_CLASSES = MappingProxyType(
    {
        "Q11424": FilmKind.MOVIE,  # film
        "Q24869": FilmKind.MOVIE,  # feature film
        "Q202866": FilmKind.MOVIE,  # animated film
        "Q93204": FilmKind.MOVIE,  # documentary film
        "Q226730": FilmKind.MOVIE,  # silent film
        "Q229390": FilmKind.MOVIE,  # 3D film
        "Q24862": FilmKind.SHORT,  # short film
        "Q506240": FilmKind.TV_MOVIE,  # television film
    }
)

#: Units of P2047 (duration), in seconds.
UNITS = MappingProxyType({"Q7727": 60, "Q11574": 1, "Q25235": 3600})

#: Id properties that are named fields of ExternalIds.
NAMED_IDS = MappingProxyType(
    {
        "P345": "imdb",
        "P4947": "tmdb",
        "P6127": "letterboxd",
        "P1258": "rotten_tomatoes",
        "P1712": "metacritic",
    }
)

#: Other id properties, by the key they get in ExternalIds.other.
IDS = MappingProxyType(
    {
        "P2603": "kinopoisk",
        "P480": "filmaffinity",
        "P1265": "allocine",
        "P1874": "netflix",
        "P8013": "trakt",
        "P4529": "douban",
        "P1562": "allmovie",
        "P2529": "csfd",
        "P5032": "filmweb",
        "P3593": "afi",
        "P1970": "moviemeter",
        "P3138": "ofdb",
        "P2631": "tcm",
        "P646": "freebase",
    }
)

#: Rating properties: the country whose system each is.
RATING_SYSTEMS = MappingProxyType(
    {
        "P1657": "US",  # MPA film rating
        "P1981": "DE",  # FSK film rating
        "P2629": "GB",  # BBFC rating
        "P2756": "JP",  # EIRIN film rating
        "P2758": "FR",  # CNC film rating
        "P3156": "AU",  # Australian Classification
        "P2684": "NL",  # Kijkwijzer rating
    }
)

#: Credit properties and the role each gives.
CREDITS = MappingProxyType(
    {
        "P57": "director",
        "P58": "writer",
        "P162": "producer",
        "P86": "composer",
        "P344": "cinematographer",
        "P1040": "editor",
        "P161": "actor",
    }
)

#: Countries by item (P495 country of origin, P291 place of publication).
COUNTRIES = MappingProxyType(
    {
        "Q30": "US", "Q145": "GB", "Q142": "FR", "Q183": "DE", "Q17": "JP", "Q38": "IT",
        "Q29": "ES", "Q16": "CA", "Q408": "AU", "Q159": "RU", "Q148": "CN", "Q668": "IN",
        "Q884": "KR", "Q155": "BR", "Q96": "MX", "Q55": "NL", "Q34": "SE", "Q20": "NO",
        "Q35": "DK", "Q33": "FI", "Q40": "AT", "Q39": "CH", "Q31": "BE", "Q36": "PL",
        "Q213": "CZ", "Q28": "HU", "Q43": "TR", "Q45": "PT", "Q41": "GR", "Q27": "IE",
        "Q664": "NZ", "Q414": "AR", "Q865": "TW", "Q8646": "HK", "Q252": "ID", "Q928": "PH",
        "Q869": "TH", "Q881": "VN", "Q334": "SG", "Q258": "ZA", "Q79": "EG", "Q801": "IL",
        "Q794": "IR", "Q739": "CO", "Q298": "CL", "Q419": "PE", "Q218": "RO", "Q219": "BG",
        "Q224": "HR", "Q403": "RS", "Q212": "UA", "Q189": "IS", "Q32": "LU", "Q843": "PK",
        "Q1033": "NG",
    }
)  # fmt: skip

#: Languages by item (P364 original language of film or TV show).
LANGUAGES = MappingProxyType(
    {
        "Q1860": "en", "Q150": "fr", "Q188": "de", "Q5287": "ja", "Q652": "it", "Q1321": "es",
        "Q7737": "ru", "Q7850": "zh", "Q9192": "cmn", "Q9186": "yue", "Q9176": "ko",
        "Q5146": "pt", "Q1568": "hi", "Q256": "tr", "Q9027": "sv", "Q9035": "da", "Q9043": "no",
        "Q1412": "fi", "Q7411": "nl", "Q809": "pl", "Q9056": "cs", "Q9067": "hu", "Q9129": "el",
        "Q9288": "he", "Q13955": "ar", "Q9168": "fa", "Q9199": "vi", "Q9217": "th",
        "Q9240": "id", "Q7913": "ro", "Q8798": "uk", "Q7918": "bg",
    }
)  # fmt: skip

#: Wikimedia's own language codes that are not BCP 47 tags, and the tag of each.
WIKI_LANGUAGES = MappingProxyType(
    {
        "simple": "en",
        "als": "gsw",
        "zh-min-nan": "nan",
        "zh-yue": "yue",
        "zh-classical": "lzh",
        "sr-el": "sr-Latn",
        "sr-ec": "sr-Cyrl",
        "bat-smg": "sgs",
        "fiu-vro": "vro",
        "roa-rup": "rup",
        "be-x-old": "be-tarask",
        "nds-nl": "nds-NL",
    }
)
