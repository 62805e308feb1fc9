"""The JSON Schema (Draft 2020-12) of the canonical JSON form.

The schema is generated, not written by hand: :func:`json_schema` walks the attrs
classes (their fields, types and defaults) and adds what the converter and the
validators check, from a small table of field rules kept here. Titles come from the class
names, descriptions from the docstrings (the first paragraph of a class, its ``Args:``
entry for a field).

The schema describes the canonical form as ``docs/json.md`` documents it: everything
:func:`~filmmeta.to_dict` returns is valid, and so is ``null`` for a field that may be
None (the reader takes it as if the key were left out). It is a little stricter than the
reader in what the documentation does not promise: a runtime with surrounding spaces or
zero years (``"P0Y1D"``), and decimal spellings other than plain digits, a point and an
exponent (``"+3"``, ``"1_000"``).

JSON Schema cannot state every rule, so a document it accepts may still be rejected by
:func:`~filmmeta.from_json`; ``docs/guarantees.md`` lists the gaps. The main ones: two
ratings from the same unknown source, a value above an explicit ``best``, a number
written as ``3.0`` where an integer is expected, a language tag of the right shape with
an unknown subtag, a duration too long to represent. Patterns are ECMA-262 regular
expressions, as the specification says; Python's :mod:`re`, which the ``jsonschema``
package uses, also lets one trailing newline through a closing ``$``.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from filmmeta import _codes
from filmmeta._availability import Offer
from filmmeta._certification import MAX_CODE, MAX_REASON, ContentRating
from filmmeta._dates import PartialDate
from filmmeta._film import Credit, ExternalIds, Film
from filmmeta._ratings import SOURCES, Rating
from filmmeta._validate import MAX_INT, MAX_TEXT
from filmmeta.exceptions import ROOT, ValidationError

__all__ = ["DRAFT", "SCHEMA_ID", "json_schema"]

#: The dialect of every schema :func:`json_schema` returns.
DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Where the Film schema is published: ``docs/schema/film.schema.json``, copied to the
#: root of the built documentation.
SCHEMA_ID = "https://filmmeta.readthedocs.io/en/latest/film.schema.json"

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
_SCALARS: Mapping[str, JSON] = {
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
        "pattern": r"^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?$",
        "examples": ["3.99"],
    },
    "Region": {
        "type": "string",
        "description": 'An ISO 3166-1 alpha-2 code in upper case ("US", "GB"); "XK" '
        "(Kosovo) included.",
        "enum": sorted(_codes._countries().names),
    },
    "Currency": {
        "type": "string",
        "description": 'An active ISO 4217 currency code in upper case ("USD").',
        "enum": sorted(_codes._currencies()),
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
_FIELD_RULES: Mapping[tuple[type[Any], str], _Rule] = {
    (Film, "languages"): {"items": {"$ref": "#/$defs/LanguageTag"}},
    (Film, "countries"): {"items": {"$ref": "#/$defs/Region"}},
    (Film, "runtime"): {"description": "The running time, as an ISO 8601 duration."},
    (Film, "ratings"): {
        "description": "Ratings from any number of sources, one per source (two ratings "
        "from the same known source are rejected here; from the same unknown source, "
        "only by filmmeta itself)."
    },
    (Credit, "role"): {
        "pattern": "^[a-z][a-z0-9 _/-]*$",
        "description": 'A lowercase role: "director", "writer", "producer", "actor", '
        '"self", "composer", "cinematographer", "editor", "creator" or any other.',
    },
    (Rating, "source"): {"pattern": "^[a-z][a-z0-9_]{0,63}$"},
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
    (ExternalIds, "imdb"): {"type": "string", "pattern": "^tt[0-9]{7,}$"},
    (ExternalIds, "tmdb"): {"minimum": 1, "maximum": MAX_INT},
    (ExternalIds, "wikidata"): {"type": "string", "pattern": "^Q[1-9][0-9]*$"},
    (ExternalIds, "letterboxd"): {"$ref": "#/$defs/Slug"},
    (ExternalIds, "rotten_tomatoes"): {"$ref": "#/$defs/Slug"},
    (ExternalIds, "metacritic"): {"$ref": "#/$defs/Slug"},
    (ExternalIds, "justwatch"): {"minimum": 1, "maximum": MAX_INT},
}

# Whole-object rules of a class, beyond its properties.
_CLASS_RULES: Mapping[type[Any], _Rule] = {
    # A price needs a currency (dependentRequired would also demand one for "price": null).
    Offer: {
        "if": {"properties": {"price": {"type": "string"}}, "required": ["price"]},
        "then": {"properties": {"currency": {"type": "string"}}, "required": ["currency"]},
    },
}

_ROLE_RE = re.compile(r":[a-z]+:`(~?)([^`]+)`")


def _plain(text: str) -> str:
    """Turn reST markup into plain text: :class:`~x.Y` -> Y, ``"a"`` -> "a"."""

    def role(match: re.Match[str]) -> str:
        tilde, target = match.groups()
        return target.rsplit(".", 1)[-1] if tilde else target

    return " ".join(_ROLE_RE.sub(role, text).replace("``", "").split())


def _summary(obj: object) -> str:
    """The first paragraph of a docstring, as plain text."""
    doc = inspect.getdoc(obj) or ""
    return _plain(doc.split("\n\n", 1)[0])


def _args(cls: type[Any]) -> dict[str, str]:
    """The ``Args:`` entries of a Google-style class docstring, as plain text."""
    doc = inspect.cleandoc(cls.__doc__ or "") + "\n"
    section = re.search(r"^Args:\n((?: {4}.*\n)*)", doc, re.MULTILINE)
    # ["", name, text, name, text, ...]: each entry starts at four spaces and a name.
    parts = re.split(r"^ {4}(\w+): ", section.group(1) if section else "", flags=re.MULTILINE)
    return {name: _plain(text) for name, text in zip(parts[1::2], parts[2::2], strict=True)}


class _Builder:
    """Collects the definitions that one class's schema refers to."""

    def __init__(self) -> None:
        self.defs: dict[str, JSON] = {}

    def ref(self, name: str, build: Callable[[], JSON]) -> JSON:
        if name not in self.defs:
            self.defs[name] = {}  # reserved first, in case the class refers to itself
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def scalar(self, name: str) -> JSON:
        return self.ref(name, lambda: dict(_SCALARS[name]))

    def scalars_in(self, rule: Any) -> None:
        """Define the named scalar types that a rule of the table refers to."""
        if isinstance(rule, Mapping):
            if isinstance(ref := rule.get("$ref"), str):
                self.scalar(ref.rsplit("/", 1)[-1])
            for value in rule.values():
                self.scalars_in(value)

    def type_schema(self, tp: Any) -> JSON:
        if tp is str:
            return self.scalar("Text")
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is decimal.Decimal:
            return self.scalar("Price")
        if tp is dt.timedelta:
            return self.scalar("Duration")
        if tp is PartialDate:
            return self.scalar("Date")
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.ref(tp.__name__, lambda: _enum_schema(tp))
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp.__name__, lambda: self.object_schema(tp))
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type

    def object_schema(self, cls: type[Any]) -> JSON:
        hints = typing.get_type_hints(cls)
        described = _args(cls)
        properties: dict[str, JSON] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING:
                required.append(field.name)
            hint = hints[field.name]
            args = typing.get_args(hint)
            optional = typing.get_origin(hint) in (typing.Union, types.UnionType)
            if optional:
                (hint,) = (a for a in args if a is not type(None))
            rule = dict(_FIELD_RULES.get((cls, field.name), {}))
            description = rule.pop("description", described.get(field.name))
            # A rule that names the type itself replaces the one the annotation gives.
            body = {} if "$ref" in rule or "type" in rule else self.type_schema(hint)
            self.scalars_in(rule)
            body.update(copy.deepcopy(rule))
            # The reader takes null for a field that may be None, as if it were left out.
            prop: JSON = {"anyOf": [body, {"type": "null"}]} if optional else body
            prop.update({"description": description} if description else {})
            if field.default is not attrs.NOTHING and isinstance(field.default, enum.Enum):
                prop["default"] = field.default.value
            properties[field.name] = prop
        schema: JSON = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            **({"required": required} if required else {}),
            "additionalProperties": False,
        }
        schema.update(copy.deepcopy(dict(_CLASS_RULES.get(cls, {}))))
        if cls is Rating:
            schema["allOf"] = _rating_scales()
        if cls is Film:
            properties["ratings"]["allOf"] = [
                {
                    "contains": {"properties": {"source": {"const": name}}},
                    "minContains": 0,
                    "maxContains": 1,
                }
                for name in sorted(SOURCES)
            ]
        return schema


def _enum_schema(cls: type[enum.Enum]) -> JSON:
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "string",
        "enum": [member.value for member in cls],
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


def _rating_scales() -> list[JSON]:
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


_CLASSES = {cls.__name__: cls for cls in (Film, Rating, Offer, ContentRating, Credit, ExternalIds)}


@functools.cache
def _build(name: str) -> JSON:
    cls = _CLASSES[name]
    builder = _Builder()
    builder.defs[cls.__name__] = {}  # the root itself is never a definition
    root = builder.object_schema(cls)
    del builder.defs[cls.__name__]
    head: JSON = {"$schema": DRAFT}
    if cls is Film:
        head["$id"] = SCHEMA_ID
    return {**head, **root, "$defs": dict(sorted(builder.defs.items()))}


def json_schema(cls: type[Any] = Film) -> dict[str, Any]:
    """Return the JSON Schema (Draft 2020-12) of a model class's canonical JSON form.

    The schema states the types, the required keys, that no other keys are allowed, the
    enums, the shapes of dates, durations, prices and ids, the ISO code lists of regions
    and currencies, and the scales of the known rating sources. Every document that
    :func:`~filmmeta.to_json` writes is valid; a few rules are beyond JSON Schema, so
    :func:`~filmmeta.from_json` stays the final judge.

    Args:
        cls: :class:`~filmmeta.Film` (the default), :class:`~filmmeta.Rating`,
            :class:`~filmmeta.Offer`, :class:`~filmmeta.ContentRating`,
            :class:`~filmmeta.Credit` or :class:`~filmmeta.ExternalIds`.

    Returns:
        A new dict each call, ready for :func:`json.dumps`. The classes it refers to are
        under ``"$defs"``; only the Film schema has an ``"$id"``, the address it is
        published at.

    Raises:
        ValidationError: *cls* is not one of the model classes.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"], schema["required"], schema["additionalProperties"]
        ('https://json-schema.org/draft/2020-12/schema', ['title'], False)
        >>> schema["properties"]["kind"]
        {'$ref': '#/$defs/FilmKind', 'description': 'movie, tv_movie, short, video or tv_special.', 'default': 'movie'}
        >>> schema["$defs"]["Date"]["examples"]
        ['2000', '2000-11', '2000-11-07']
        >>> json_schema(Rating)["required"]
        ['source', 'value']

    .. versionadded:: 0.1.0
    """  # noqa: E501
    if _CLASSES.get(getattr(cls, "__name__", "")) is not cls:
        raise ValidationError.at(ROOT, f"{cls!r} is not a filmmeta model class")
    return copy.deepcopy(_build(cls.__name__))
