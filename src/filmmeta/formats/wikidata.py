"""Read a Wikidata film entity (Special:EntityData, wbgetentities) into a film.

Wikidata is the free source of a film's titles in every language and of its ids in other
databases. An entity names its facts by property (``P577`` publication date, ``P2047``
duration) and its values by item (``Q30`` for the United States): :func:`from_wikidata`
reads the facts a film holds and resolves the items it knows; people, genres and rating
codes are items too, and are read only when the caller gives their labels.
``docs/formats/wikidata.md`` has the property-by-property table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from filmmeta._model import (
    ContentRating,
    Credit,
    Film,
    FilmKind,
    PartialDate,
    Release,
    Title,
    TitleKind,
    canonical_genre,
    country_from_name,
    language_from_name,
    normalize_certification,
    shown,
)
from filmmeta.exceptions import UnsupportedDocumentError, ValidationError
from filmmeta.formats import _wikidata_parts as parts
from filmmeta.formats import _wikidata_tables as tables
from filmmeta.formats._common import expect_list, expect_mapping, field, guard_depth, warn
from filmmeta.formats._genres import GenreNames, check_genre_names, genre_names

__all__ = ["from_wikidata"]

_PLACE_OF_PUBLICATION = "P291"
_CHARACTER_ROLE, _CHARACTER_NAME = "P453", "P4633"


def _titles(entity: parts.Entity, path: str) -> list[Title]:
    found: dict[Title, None] = {}
    for kind, key in ((TitleKind.DISPLAY, "labels"), (TitleKind.ALTERNATIVE, "aliases")):
        groups = expect_mapping(entity.entity.get(key) or {}, f"{path}{key}")
        for code, group in groups.items():
            where = f"{path}{key}.{code}"
            aliases = kind is TitleKind.ALTERNATIVE
            for i, raw in enumerate(expect_list(group, where) if aliases else [group]):
                at = f"{where}[{i}]" if aliases else where
                label = expect_mapping(raw, at)
                language = parts.language(label.get("language", code), f"{at}.language")
                if language is not None:
                    with field(f"{at}.value", inner=False):
                        found[
                            Title(
                                parts.as_text(label.get("value"), f"{at}.value"),
                                language=language,
                                kind=kind,
                            )
                        ] = None
    for where, raw, _ in entity.values("P1476"):
        value = expect_mapping(raw, where)
        language = parts.language(value.get("language"), f"{where}.language")
        with field(f"{where}.text", inner=False):
            found[
                Title(
                    parts.as_text(value.get("text"), f"{where}.text"),
                    language=language,
                    kind=TitleKind.ORIGINAL,
                )
            ] = None
    return list(found)


def _places(statement: Mapping[str, Any], path: str, labels: Mapping[str, str]) -> list[str | None]:
    qualifiers = expect_mapping(statement.get("qualifiers") or {}, f"{path}.qualifiers")
    where = f"{path}.qualifiers.{_PLACE_OF_PUBLICATION}"
    places: list[str | None] = []
    for i, snak in enumerate(expect_list(qualifiers.get(_PLACE_OF_PUBLICATION) or [], where)):
        value = parts.snak_value(snak, f"{where}[{i}]")
        if value is not None:
            country = parts.country(
                parts.as_item(value, f"{where}[{i}].datavalue.value"), labels, where
            )
            if country is not None:
                places.append(country)
    return places or [None]


def _releases(entity: parts.Entity, labels: Mapping[str, str]) -> list[Release]:
    found: dict[Release, None] = {}
    for where, value, statement in entity.values("P577"):
        date = parts.partial_date(value, where)
        if date is not None:
            for country in _places(
                statement, where.removesuffix(".mainsnak.datavalue.value"), labels
            ):
                found[Release(date, country=country)] = None
    return list(found)


def _labelled(
    entity: parts.Entity, props: Iterable[str], labels: Mapping[str, str] | None, missing: list[str]
) -> Iterator[tuple[str, str, str, Mapping[str, Any]]]:
    """``(prop, path, label, statement)`` of the item values of *props* that have labels."""
    for prop in props:
        for where, value, statement in entity.values(prop):
            item = parts.as_item(value, where)
            if labels is None:
                missing.append(prop)
                break
            if item not in labels:
                warn(f"{where}: {item} has no label in the label map: left out")
                continue
            yield prop, where, parts.as_text(labels[item], f"labels[{item!r}]"), statement


def _genres(
    entity: parts.Entity,
    labels: Mapping[str, str] | None,
    missing: list[str],
    genre_words: GenreNames,
) -> list[str]:
    """The genres (P136): the vocabulary's names of the items it knows, else labels."""
    words: list[str] = []
    for where, value, _ in entity.values("P136"):
        item = parts.as_item(value, where)
        known = canonical_genre(item) if genre_words == "canonical" else None
        if known is not None:
            words.append(known)
        elif labels is None:
            missing.append("P136")
        elif item not in labels:
            warn(f"{where}: {item} has no label in the label map: left out")
        else:
            words.append(parts.as_text(labels[item], f"labels[{item!r}]"))
    return genre_names(dict.fromkeys(words), genre_words, source="wikidata")


def _statement_path(value_path: str) -> str:
    """The path of the statement whose main value is at *value_path*."""
    return value_path.removesuffix(parts.MAIN_VALUE)


def _character(statement: Mapping[str, Any], path: str, labels: Mapping[str, str]) -> str | None:
    """The character of a cast statement at *path*: its name (P4633) or role item (P453)."""
    qualifiers = expect_mapping(statement.get("qualifiers") or {}, f"{path}.qualifiers")
    for prop in (_CHARACTER_NAME, _CHARACTER_ROLE):
        where = f"{path}.qualifiers.{prop}"
        for i, snak in enumerate(expect_list(qualifiers.get(prop) or [], where)):
            value = parts.snak_value(snak, f"{where}[{i}]")
            if type(value) is str:
                return value
            if isinstance(value, Mapping) and value.get("id") in labels:
                return labels[value["id"]]
    return None


def _kind(
    entity: parts.Entity, entity_id: str | None, film_classes: Mapping[str, FilmKind]
) -> FilmKind:
    classes = [parts.as_item(value, where) for where, value, _ in entity.values("P31")]
    for item in classes:
        if item in film_classes:
            return film_classes[item]
    name = entity_id or "the entity"
    if not classes:
        raise UnsupportedDocumentError(f"{name} does not say what it is (no P31, instance of)")
    raise UnsupportedDocumentError(
        f"{name} is not a film: it is an instance of {', '.join(classes[:5])} (P31); "
        "give film_classes= for a class of films filmmeta does not know"
    )


@guard_depth
def from_wikidata(
    obj: Mapping[str, Any] | str | bytes,
    *,
    language: str = "en",
    labels: Mapping[str, str] | None = None,
    entity_id: str | None = None,
    film_classes: Mapping[str, FilmKind | str] | None = None,
    genres: GenreNames = "canonical",
) -> Film:
    """Read a Wikidata entity of a film into a :class:`~filmmeta.Film`.

    Args:
        obj: The entity, or the JSON of ``Special:EntityData/Q….json`` or of
            ``wbgetentities`` (``{"entities": {...}}``), as a dict or as text.
        language: Whose label is the film's title (others become its titles).
        labels: Labels of the items the entity names (``{"Q51577": "Rouben
            Mamoulian"}``). People (P57 director, P58 writer, P161 cast, ...), genres
            (P136) and rating codes (P1657 MPA, P1981 FSK, ...) are items, and an entity
            does not carry their names: they are read only with this map. Countries and
            languages are resolved without it when they are common ones.
        entity_id: Which entity of a response of several to read.
        film_classes: More classes (P31 values) that are films, with the kind each
            gives: ``{"Q1234": "movie"}``.
        genres: ``"canonical"`` gives the genre vocabulary's names: a genre item it
            knows (Q471839) is "Science Fiction" without *labels*, a label it knows
            ("drama film") is "Drama", and a label it does not know is kept as written;
            ``"source"`` gives the labels of *labels* as written.

    Returns:
        The film: its labels and aliases as titles in every language, the label in
        *language* as its title and P1476 as its original title, P577 as its releases
        (with the precision Wikidata gives: a year stays a year) and its release date,
        P2047 as its runtime, its ids, and what *labels* resolves.

    Raises:
        ValidationError: A value of the wrong shape, with its path in the entity;
            *genres* that is neither name (path ``genres``).
        UnsupportedDocumentError: An entity that is not a film (by P31), or says not
            what it is.

    Examples:
        >>> entity = {
        ...     "id": "Q2262932",
        ...     "labels": {
        ...         "en": {"language": "en", "value": "City Streets"},
        ...     },
        ...     "claims": {
        ...         "P31": [
        ...             {
        ...                 "mainsnak": {
        ...                     "snaktype": "value",
        ...                     "datavalue": {
        ...                         "value": {"id": "Q11424"},
        ...                         "type": "wikibase-entityid",
        ...                     },
        ...                 }
        ...             }
        ...         ],
        ...         "P577": [
        ...             {
        ...                 "mainsnak": {
        ...                     "snaktype": "value",
        ...                     "datavalue": {
        ...                         "value": {"time": "+1931-00-00T00:00:00Z", "precision": 9},
        ...                         "type": "time",
        ...                     },
        ...                 }
        ...             }
        ...         ],
        ...         "P345": [
        ...             {
        ...                 "mainsnak": {
        ...                     "snaktype": "value",
        ...                     "datavalue": {"value": "tt0021749", "type": "string"},
        ...                 }
        ...             }
        ...         ],
        ...     },
        ... }
        >>> film = from_wikidata(entity)
        >>> film.title, film.release_date, film.ids.imdb, film.ids.wikidata
        ('City Streets', PartialDate(year=1931, month=None, day=None), 'tt0021749', 'Q2262932')

    .. versionadded:: 0.2.0
    """
    genre_words = check_genre_names(genres)
    doc, path = parts.entity_of(obj, entity_id)
    if doc.get("type", "item") != "item":
        raise UnsupportedDocumentError(f"a Wikidata {shown(doc.get('type'))}, not an item")
    found_id = doc.get("id")
    item_id = found_id if isinstance(found_id, str) and parts.ITEM.fullmatch(found_id) else None
    entity = parts.Entity(doc, path)
    classes = {**tables.FILM_CLASSES}
    for item, kind in (film_classes or {}).items():
        if kind not in _FILM_KINDS:
            raise ValidationError.at(f"film_classes[{item!r}]", f"{shown(kind)} is not a film kind")
        classes[item] = _FILM_KINDS[kind]
    kind = _kind(entity, item_id, classes)
    titles = _titles(entity, path)
    wanted = language_from_name(language) or language
    title = next(
        (t.text for t in titles if t.language == wanted and t.kind is TitleKind.DISPLAY), None
    )
    original = next((t.text for t in titles if t.kind is TitleKind.ORIGINAL), None)
    title = title or original or next((t.text for t in titles), None)
    if title is None:
        raise ValidationError.at(
            f"{path}labels", "no label and no title (P1476): a film needs a title"
        )
    releases = _releases(entity, labels or {})
    missing: list[str] = []
    ratings = [
        ContentRating(
            normalize_certification(label, country=tables.RATING_SYSTEMS[prop]),
            country=tables.RATING_SYSTEMS[prop],
        )
        for prop, _, label, _ in _labelled(entity, tables.RATING_SYSTEMS, labels, missing)
    ]
    credits = [
        Credit(
            label,
            tables.CREDITS[prop],
            character=_character(statement, _statement_path(where), labels or {})
            if prop == "P161"
            else None,
        )
        for prop, where, label, statement in _labelled(entity, tables.CREDITS, labels, missing)
    ]
    named_genres = _genres(entity, labels, missing, genre_words)
    if missing:
        warn(
            f"{path}claims: {', '.join(dict.fromkeys(missing))} name items (people, genres, "
            "ratings) by id only: left out without labels="
        )
    return Film(
        title,
        kind=kind,
        release_date=min((r.date for r in releases), key=_earliest, default=None),
        runtime=parts.runtime(entity),
        content_ratings=ratings,
        genres=named_genres,
        languages=parts.codes(entity, "P364", tables.LANGUAGES, labels, language_from_name),
        countries=parts.codes(entity, "P495", tables.COUNTRIES, labels, country_from_name),
        credits=list(dict.fromkeys(credits)),
        ids=parts.ids(entity, item_id),
        original_title=original if original != title else None,
        titles=titles,
        releases=releases,
    )


_FILM_KINDS: dict[Any, FilmKind] = {**{k.value: k for k in FilmKind}, **{k: k for k in FilmKind}}


def _earliest(date: PartialDate) -> tuple[int, int, int]:
    # The earliest year, and in it the most precise date: a film of "1931" released on
    # 1931-04-18 was released on 1931-04-18.
    return (date.year, date.month or 13, date.day or 32)
