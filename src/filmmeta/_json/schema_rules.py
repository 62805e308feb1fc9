"""The JSON Schema fragments that the types of the model classes do not imply.

:func:`filmmeta._json.schema.json_schema` generates most of the schema from the attrs classes;
what it adds on top comes from here: the named string types of ``"$defs"`` (text, dates,
durations, prices, ISO codes, URLs) with their regular expressions, the extra rules of
single fields and whole classes, and the value ranges of the known rating sources. Each
rule states in JSON Schema what a validator or the converter checks in Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from filmmeta._model import (
    IMDB_ID,
    MAX_CODE,
    MAX_INT,
    MAX_REASON,
    MAX_TEXT,
    OTHER_KEY,
    PRICE,
    ROLE,
    SOURCE_NAME,
    SOURCES,
    WIKIDATA_ID,
    Award,
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Image,
    Money,
    Offer,
    Rating,
    Release,
    Title,
    Video,
    currency_codes,
    region_codes,
)


def _whole(pattern: re.Pattern[str]) -> str:
    r"""A validator's ``fullmatch`` pattern as a JSON Schema pattern (which searches).

    The validators' patterns are plain ASCII classes and counts, which ECMA-262 reads
    as Python does; ``\d`` is ASCII in both (the validators compile with re.ASCII).
    """
    return f"^(?:{pattern.pattern})$"


__all__ = ["CLASS_RULES", "FIELD_RULES", "JSON", "SCALARS", "rating_scales"]

JSON = dict[str, Any]

# The characters Python's str.isspace() (and so str.strip()) treats as white space,
# as a regex class body. ECMA-262's \s is a different set (it has U+FEFF and lacks
# U+001C..U+001F), so the schema spells Python's set out.
_WS = (
    r"\t\n\u000b\f\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a"
    r"\u2028\u2029\u202f\u205f\u3000"
)
_CONTROL = r"\u0000-\u001f\u007f-\u009f"

_YEAR = "(?!0000)[0-9]{4}"
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
# Gregorian leap years: divisible by 4 but not by 100, or divisible by 400.
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_DATE = f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"

_NUM = "[0-9]+(?:[.,][0-9]+)?"
_DURATION = (
    rf"^[Pp](?!$)(?:{_NUM}[Ww])?(?:{_NUM}[Dd])?"
    rf"(?:[Tt](?=[0-9])(?:{_NUM}[Hh])?(?:{_NUM}[Mm])?(?:{_NUM}[Ss])?)?$"
)

# Named string types, shared by several fields; each becomes an entry of "$defs".
SCALARS: Mapping[str, JSON] = {
    "Text": {
        "type": "string",
        "description": "Text with at least one character that is not white space.",
        "minLength": 1,
        "maxLength": MAX_TEXT,
        "pattern": f"[^{_WS}]",
    },
    "Date": {
        "type": "string",
        "description": (
            "An ISO 8601 calendar date, as precise as known: a year, a year and month, "
            "or a full date that exists (years 0001 to 9999)."
        ),
        "pattern": _DATE,
        "examples": ["2000", "2000-11", "2000-11-07"],
    },
    "Day": {
        "type": "string",
        "description": "A whole ISO 8601 calendar date that exists (YYYY-MM-DD).",
        "pattern": f"^(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$",
        "examples": ["2027-01-31"],
    },
    "Duration": {
        "type": "string",
        "description": (
            "An ISO 8601 duration of fixed length: weeks, days, hours, minutes and "
            'seconds, each optional, in either case ("PT1H26M", "P0DT1H26M0S", "PT1.5H"). '
            'Years and months have no fixed length and are not allowed: "P30M" is 30 months.'
        ),
        "pattern": _DURATION,
        "maxLength": 100,
        "examples": ["PT1H26M"],
    },
    "Price": {
        "type": "string",
        "description": 'A non-negative decimal number written as a string ("3.99"), never '
        "a JSON number, so that no binary rounding can change it.",
        "pattern": _whole(PRICE),
        "examples": ["3.99"],
    },
    "Region": {
        "type": "string",
        "description": 'An ISO 3166-1 alpha-2 code in upper case ("US", "GB"); "XK" '
        "(Kosovo) included.",
        "enum": sorted(region_codes()),
    },
    "Currency": {
        "type": "string",
        "description": 'An active ISO 4217 currency code in upper case ("USD").',
        "enum": sorted(currency_codes()),
    },
    "LanguageTag": {
        "type": "string",
        "description": (
            "A BCP 47 language tag in canonical form: an ISO 639 language in lower case "
            "(the ISO 639-1 code where there is one), then optionally an ISO 15924 script "
            "in title case, an ISO 3166-1 or UN M.49 region, and lower-case variants "
            '("en", "pt-BR", "zh-Hant", "yue", "es-419"). Only the shape is checked here; '
            "the subtags must also exist."
        ),
        "pattern": (
            "^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?"
            "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$"
        ),
        "examples": ["en", "pt-BR"],
    },
    "Code": {
        "type": "string",
        "description": "A short code: no white space around it, no control characters.",
        "minLength": 1,
        "maxLength": MAX_CODE,
        "not": {"pattern": f"^[{_WS}]|[{_WS}]$|[{_CONTROL}]"},
    },
    "Slug": {
        "type": "string",
        "description": "An id or path without white space.",
        "minLength": 1,
        "maxLength": MAX_TEXT,
        "not": {"pattern": f"[{_WS}]"},
    },
    "Url": {
        "type": "string",
        "description": "An absolute http or https URL.",
        "maxLength": MAX_TEXT,
        "pattern": f"^[Hh][Tt][Tt][Pp][Ss]?://[^{_WS}/$.?#][^{_WS}]*$",
    },
}

_Rule = Mapping[str, Any]


# What the types alone do not say, by class and field: merged over the generated schema
# of the field (a "description" here replaces the docstring's, where that speaks of
# Python values rather than JSON).
FIELD_RULES: Mapping[tuple[type[Any], str], _Rule] = {
    (Film, "languages"): {"items": {"$ref": "#/$defs/LanguageTag"}},
    (Film, "countries"): {"items": {"$ref": "#/$defs/Region"}},
    (Film, "runtime"): {"description": "The running time, as an ISO 8601 duration."},
    (Film, "ratings"): {
        "description": "Ratings from any number of sources, one per source (two ratings "
        "from the same known source are rejected here; from the same unknown source, "
        "only by filmmeta itself)."
    },
    (Credit, "role"): {
        "pattern": _whole(ROLE),
        "description": 'A lowercase role: "director", "writer", "producer", "actor", '
        '"self", "composer", "cinematographer", "editor", "creator" or any other.',
    },
    (Rating, "source"): {"pattern": _whole(SOURCE_NAME)},
    (Rating, "votes"): {"minimum": 0, "maximum": MAX_INT},
    (ContentRating, "code"): {"$ref": "#/$defs/Code"},
    (ContentRating, "country"): {"$ref": "#/$defs/Region"},
    (ContentRating, "system"): {
        "$ref": "#/$defs/Code",
        "description": 'The name of the rating system ("MPA", "BBFC"). When left out it is '
        "inferred from the country and the code; filmmeta writes it whenever it is known.",
    },
    (ContentRating, "reason"): {"maxLength": MAX_REASON},
    (Offer, "type"): {"description": "How the offer lets you watch."},
    (Offer, "region"): {"$ref": "#/$defs/Region"},
    (Offer, "price"): {"description": 'The price, as a decimal string ("3.99").'},
    (Offer, "currency"): {
        "$ref": "#/$defs/Currency",
        "description": 'ISO 4217 code ("USD"); required with a price.',
    },
    (Offer, "url"): {"$ref": "#/$defs/Url"},
    (ExternalIds, "imdb"): {"type": "string", "pattern": _whole(IMDB_ID)},
    (ExternalIds, "tmdb"): {"minimum": 1, "maximum": MAX_INT},
    (ExternalIds, "wikidata"): {"type": "string", "pattern": _whole(WIKIDATA_ID)},
    (ExternalIds, "letterboxd"): {"$ref": "#/$defs/Slug"},
    (ExternalIds, "rotten_tomatoes"): {"$ref": "#/$defs/Slug"},
    (ExternalIds, "metacritic"): {"$ref": "#/$defs/Slug"},
    (ExternalIds, "justwatch"): {"minimum": 1, "maximum": MAX_INT},
    (ExternalIds, "other"): {
        "type": "object",
        "description": 'Ids in other services, {key: id}: {"trakt": "12345"}. Keys are '
        "lowercase letters, digits and _, starting with a letter, and never a named id.",
        "propertyNames": {
            "pattern": _whole(OTHER_KEY),
            "not": {"enum": sorted(a.name for a in attrs.fields(ExternalIds))},
        },
        "additionalProperties": {"$ref": "#/$defs/Slug"},
        "maxProperties": 100,
    },
    (Offer, "audio_languages"): {"items": {"$ref": "#/$defs/LanguageTag"}, "uniqueItems": True},
    (Offer, "subtitle_languages"): {
        "items": {"$ref": "#/$defs/LanguageTag"},
        "uniqueItems": True,
    },
    (Offer, "features"): {"uniqueItems": True},
    (Offer, "available_until"): {
        "description": "The last day of the offer (YYYY-MM-DD), not before available_from."
    },
    (Title, "region"): {"$ref": "#/$defs/Region"},
    (Title, "language"): {"$ref": "#/$defs/LanguageTag"},
    (Release, "country"): {"$ref": "#/$defs/Region"},
    (Release, "language"): {"$ref": "#/$defs/LanguageTag"},
    (Money, "currency"): {"$ref": "#/$defs/Currency"},
    (Money, "region"): {"$ref": "#/$defs/Region"},
    (Money, "amount"): {"description": 'The amount, a decimal string ("158300000").'},
    (Award, "year"): {"minimum": 1, "maximum": 9999},
    (Award, "count"): {"minimum": 1, "maximum": MAX_INT},
    (Image, "url"): {"$ref": "#/$defs/Url"},
    (Image, "language"): {"$ref": "#/$defs/LanguageTag"},
    (Image, "width"): {"minimum": 1, "maximum": MAX_INT},
    (Image, "height"): {"minimum": 1, "maximum": MAX_INT},
    (Video, "url"): {"$ref": "#/$defs/Url"},
    (Video, "language"): {"$ref": "#/$defs/LanguageTag"},
}

# Whole-object rules of a class, beyond its properties.
CLASS_RULES: Mapping[type[Any], _Rule] = {
    # A price needs a currency (dependentRequired would also demand one for "price": null).
    Offer: {
        "if": {"properties": {"price": {"type": "string"}}, "required": ["price"]},
        "then": {"properties": {"currency": {"type": "string"}}, "required": ["currency"]},
    },
}


def _scale_rules(worst: float, best: float | None) -> list[JSON]:
    """The rules of a scale whose worst and best hold unless the rating gives its own."""
    rules: list[JSON] = []
    if best is not None:
        rules.append(
            {
                "if": {"not": {"required": ["best"]}},
                "then": {
                    "properties": {
                        "value": {"maximum": best},
                        "worst": {"exclusiveMaximum": best},
                    }
                },
            }
        )
    rules.append(
        {
            "if": {"not": {"required": ["worst"]}},
            "then": {
                "properties": {"value": {"minimum": worst}, "best": {"exclusiveMinimum": worst}}
            },
        }
    )
    return rules


def rating_scales() -> list[JSON]:
    """The value ranges of the known sources, and what an unknown source must give."""
    by_scale: dict[tuple[float, float], list[str]] = {}
    for source in SOURCES.values():
        by_scale.setdefault((source.worst, source.best), []).append(source.name)
    rules: list[JSON] = [
        {
            "if": {"properties": {"source": {"enum": sorted(names)}}, "required": ["source"]},
            "then": {"allOf": _scale_rules(worst, best)},
        }
        for (worst, best), names in sorted(by_scale.items())
    ]
    rules.append(
        {
            "if": {
                "properties": {"source": {"not": {"enum": sorted(SOURCES)}}},
                "required": ["source"],
            },
            "then": {"required": ["best"], "allOf": _scale_rules(0, None)},
        }
    )
    return rules
