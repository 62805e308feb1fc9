"""Reading a Wikidata entity: its statements, values, items, times, quantities and ids.

The pieces :mod:`filmmeta.formats.wikidata` builds a film from. Every value is read with
its path in the entity (``claims.P577[0].mainsnak.datavalue.value.time``), so that an
error says where the entity is wrong; a value that is well formed but cannot be a film's
(a date of a century, a duration in light years) is left out with a warning.

The module is private: :mod:`filmmeta.formats.wikidata` is its only user.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from filmmeta._json import loads as json_loads
from filmmeta._model import ExternalIds, PartialDate, country_from_name, language_from_name, shown
from filmmeta.exceptions import ValidationError
from filmmeta.formats import _wikidata_tables as tables
from filmmeta.formats._common import expect_list, expect_mapping, field, warn

__all__ = [
    "ITEM",
    "MAIN_VALUE",
    "Entity",
    "as_item",
    "as_text",
    "codes",
    "country",
    "entity_of",
    "ids",
    "language",
    "partial_date",
    "runtime",
    "snak_value",
]

#: Where a statement keeps its main value, after the statement's own path.
MAIN_VALUE = ".mainsnak.datavalue.value"

ITEM = re.compile(r"Q[1-9]\d{0,11}", re.ASCII)
_TIME = re.compile(r"([+-])(\d{1,16})-(\d{2})-(\d{2})T00:00:00Z", re.ASCII)
_UNIT = re.compile(r"https?://www\.wikidata\.org/entity/(Q[1-9]\d*)", re.ASCII)
_PRECISIONS = {9: 1, 10: 2, 11: 3}  # year, month, day: how many parts are known


def entity_of(obj: Any, entity_id: str | None) -> tuple[Mapping[str, Any], str]:
    """The entity in *obj* (an entity, or a response holding ``entities``) and its path."""
    if isinstance(obj, str | bytes | bytearray):
        obj = json_loads(obj)
    doc = expect_mapping(obj)
    if "entities" not in doc:
        return doc, ""
    entities = expect_mapping(doc["entities"], "entities")
    found = {k: v for k, v in entities.items() if not (isinstance(v, Mapping) and "missing" in v)}
    if entity_id is not None:
        if entity_id not in found:
            raise ValidationError.at("entities", f"no entity {shown(entity_id)}")
        return expect_mapping(found[entity_id], f"entities.{entity_id}"), f"entities.{entity_id}."
    if len(found) != 1:
        names = ", ".join(sorted(found)[:5]) or "none"
        raise ValidationError.at("entities", f"{len(found)} entities ({names}): give entity_id")
    ((key, entity),) = found.items()
    return expect_mapping(entity, f"entities.{key}"), f"entities.{key}."


class Entity:
    """An entity's claims, read with their paths and without deprecated statements."""

    def __init__(self, entity: Mapping[str, Any], path: str) -> None:
        self.entity = entity
        self.path = path
        self.claims = expect_mapping(entity.get("claims") or {}, f"{path}claims")

    def statements(self, prop: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """``(path, statement)`` of *prop*, preferred ones first, deprecated ones left out."""
        path = f"{self.path}claims.{prop}"
        found = []
        for i, raw in enumerate(expect_list(self.claims.get(prop) or [], path)):
            where = f"{path}[{i}]"
            statement = expect_mapping(raw, where)
            rank = statement.get("rank", "normal")
            if rank != "deprecated":
                found.append((rank != "preferred", i, where, statement))
        for _, _, where, statement in sorted(found, key=lambda x: x[:2]):
            yield where, statement

    def values(self, prop: str) -> Iterator[tuple[str, Any, Mapping[str, Any]]]:
        """``(path, value, statement)`` of every statement of *prop* that has a value."""
        for where, statement in self.statements(prop):
            value = snak_value(statement.get("mainsnak"), f"{where}.mainsnak")
            if value is not None:
                yield f"{where}{MAIN_VALUE}", value, statement


def snak_value(snak: Any, path: str) -> Any:
    snak = expect_mapping(snak, path)
    if snak.get("snaktype", "value") != "value":  # "novalue", "somevalue": nothing to read
        return None
    datavalue = expect_mapping(snak.get("datavalue"), f"{path}.datavalue")
    return datavalue.get("value")


def as_item(value: Any, path: str) -> str:
    if isinstance(value, Mapping):
        item = value.get("id")
        if item is None and isinstance(value.get("numeric-id"), int):
            item = f"Q{value['numeric-id']}"
        if isinstance(item, str) and ITEM.fullmatch(item):
            return item
    raise ValidationError.at(path, f"expected an item, got {shown(value)}")


def as_text(value: Any, path: str) -> str:
    if type(value) is not str:
        raise ValidationError.at(path, f"expected a string, got {shown(value)}")
    return value


def language(code: Any, path: str) -> str | None:
    code = as_text(code, path)
    tag = tables.WIKI_LANGUAGES.get(code) or language_from_name(code)
    if tag is None:
        warn(f"{path}: {shown(code)} is not a known language: left out")
    return tag


def partial_date(value: Any, path: str) -> PartialDate | None:
    value = expect_mapping(value, path)
    time, precision = value.get("time"), value.get("precision")
    match = _TIME.fullmatch(time) if type(time) is str else None
    if match is None:
        raise ValidationError.at(f"{path}.time", f"{shown(time)} is not a Wikidata time")
    parts = _PRECISIONS.get(precision) if type(precision) is int else None
    if parts is None or match[1] == "-" or not 1 <= int(match[2]) <= 9999:
        # A decade, a century, a year BC: not a date a film's release can have.
        warn(f"{path}: {shown(time)} at precision {shown(precision)} is not a date: left out")
        return None
    numbers = (int(match[2]), int(match[3]), int(match[4]))[:parts]
    with field(f"{path}.time", inner=False):
        return PartialDate(*numbers)


def country(item: str, labels: Mapping[str, str], path: str) -> str | None:
    code = tables.COUNTRIES.get(item)
    if code is None and item in labels:
        code = country_from_name(labels[item])
    if code is None:
        warn(f"{path}: {item} is not a country filmmeta knows (give its label): left out")
    return code


def runtime(entity: Entity) -> dt.timedelta | None:
    runtimes = []
    for where, raw, _ in entity.values("P2047"):
        value = expect_mapping(raw, where)
        amount, unit = value.get("amount"), value.get("unit")
        match = _UNIT.fullmatch(unit) if type(unit) is str else None
        seconds = tables.UNITS.get(match[1]) if match else None
        try:
            number = Decimal(amount) if type(amount) is str and len(amount) < 30 else None
        except InvalidOperation:
            number = None
        if seconds is None or number is None or not 0 < number * seconds < 10**7:
            warn(f"{where}: {shown(amount)} {shown(unit)} is not a running time: left out")
            continue
        runtimes.append(dt.timedelta(seconds=float(number * seconds)))
    if len(runtimes) > 1:
        # One running time per film; the others (cuts, versions) have no place yet.
        shown_others = ", ".join(str(r) for r in runtimes[1:])
        warn(f"{entity.path}claims.P2047: other running times left out ({shown_others})")
    return runtimes[0] if runtimes else None


def ids(entity: Entity, entity_id: str | None) -> ExternalIds:
    """The entity's ids in other databases: the named ones, then the others."""
    named: dict[str, Any] = {}
    other: dict[str, str] = {}
    for prop, name in (*tables.NAMED_IDS.items(), *tables.IDS.items()):
        for where, value, _ in entity.values(prop):
            found = as_text(value, where)
            if name in named or name in other:
                warn(f"{where}: a second {name} id {shown(found)} left out")
                continue
            if prop in tables.IDS:
                if found.strip() and not any(c.isspace() for c in found):
                    other[name] = found
                else:
                    warn(f"{where}: {shown(found)} is not an id: left out")
                continue
            candidate = int(found) if name == "tmdb" and found.isdigit() else found
            try:
                ExternalIds(**{name: candidate})  # type: ignore[arg-type]
            except ValidationError as err:
                warn(f"{where}: {err}: left out")
                continue
            named[name] = candidate
    if entity_id is not None:
        named["wikidata"] = entity_id
    return ExternalIds(**named, other=other)


def codes(
    entity: Entity,
    prop: str,
    table: Mapping[str, str],
    labels: Mapping[str, str] | None,
    lookup: Any,
) -> list[str]:
    found: dict[str, None] = {}
    for where, value, _ in entity.values(prop):
        item = as_item(value, where)
        code = table.get(item)
        if code is None and labels is not None and item in labels:
            code = lookup(labels[item])
        if code is None:
            warn(f"{where}: {item} is not known to filmmeta (give its label): left out")
        else:
            found[code] = None
    return list(found)
