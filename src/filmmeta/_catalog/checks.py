"""The model's rules as Arrow compute over whole columns: which rows are certainly valid.

:func:`decided` takes a table read from canonical JSON Lines (the layout of
:func:`read_schema`) and returns a boolean mask: True for a row that the model is certain
to accept *and* to write back as it came. As in :mod:`filmmeta._json.decode`, each test
is a *sufficient* condition, never the rule itself; a row that fails one, valid or not,
goes through the object path, which decides and reports the error with its line and path.
So the model stays the only authority on what is valid.

Columns of few distinct values (kinds, roles, languages, countries, regions, currencies,
rating sources, whole content ratings) are decided by asking the model itself about each
distinct value, once per call (:class:`Oracle`); texts, dates, runtimes, prices, ids and
rating values are tested by patterns and comparisons over the whole column.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from filmmeta._catalog import masks, parts
from filmmeta._catalog.arrow import _schema
from filmmeta._model import (
    MAX_TEXT,
    SOURCES,
    ContentRating,
    FilmKind,
    OfferType,
    Quality,
    is_currency,
    is_language_tag,
    is_region,
    is_role,
    value_test,
)
from filmmeta.exceptions import ValidationError

__all__ = ["Oracle", "decided", "read_schema"]

# Every character that Python's str.isspace() calls white space: a text with a character
# outside this set is not blank (RE2's \s is ASCII only, so it is spelt out).
_SPACE = (
    r"\x09-\x0d\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}"
)
_NOT_BLANK = f"[^{_SPACE}]"
# ISO dates as PartialDate writes them: years 1000-9999, days every month has (1-28),
# 29-30 outside February and 31 in the long months; February 29th takes the object path.
_DATE = (
    r"^[1-9][0-9]{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)?$"
    r"|^[1-9][0-9]{3}-(?:0[13-9]|1[0-2])-(?:29|30)$"
    r"|^[1-9][0-9]{3}-(?:0[13578]|1[02])-31$"
)
# Days as JSON writes them (Offer.available_from): _DATE's full dates only.
_DAY = (
    r"^[1-9][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])$"
    r"|^[1-9][0-9]{3}-(?:0[13-9]|1[0-2])-(?:29|30)$"
    r"|^[1-9][0-9]{3}-(?:0[13578]|1[02])-31$"
)
# Runtimes in whole hours, minutes and seconds, as the canonical writer gives them.
_RUNTIME = r"^PT(?:([0-9]{1,6})H)?(?:([0-9]{1,6})M)?(?:([0-9]{1,6})S)?$"
_RUNTIME_PARTS = r"^PT(?:(?P<h>[0-9]+)H)?(?:(?P<m>[0-9]+)M)?(?:(?P<s>[0-9]+)S)?$"
# A price as shops write it, with no leading zero: Decimal gives the same text back.
_PRICE = r"^(?:0|[1-9][0-9]{0,11})(?:\.[0-9]{1,6})?$"
# _validate._URL, with Python's white space spelt out.
_URL = rf"(?i)^https?://[^{_SPACE}/$.?#][^{_SPACE}]*$"
_IMDB = r"^tt[0-9]{7,}$"
_WIKIDATA = r"^Q[1-9][0-9]*$"
_SLUG = r"^[\x21-\x7e]+$"  # printable ASCII but the space: _decode._is_slug

_CONTENT_RATING = ("code", "country", "system", "reason")
_CREDIT = ("name", "role", "character")
_RATING = ("source", "value", "votes", "best", "worst")
_OFFER = ("provider", "type", "region", "price", "currency", "quality", "url")
_ID_TEXT = ("imdb", "wikidata", "letterboxd", "rotten_tomatoes", "metacritic")
_ID_INT = ("tmdb", "justwatch")


def _is_pairs(pa: Any, type_: Any) -> bool:
    # ExternalIds.other in Arrow: a list of (key, value) structs.
    value = type_.value_type
    return pa.types.is_struct(value) and [f.name for f in value] == ["key", "value"]


@functools.cache  # one entry, as arrow._schema
def read_schema(pa: Any) -> Any:
    """The Arrow schema that canonical JSON Lines are read with: the JSON's own types.

    :func:`~filmmeta._catalog.arrow.arrow_schema` with every field nullable (a key may be
    absent), runtimes and days as the text JSON holds, and open-ended ids
    (``ids.other``) as an empty struct: pyarrow reads an object of any keys there as a
    valid row that the checks then leave to the object path.
    """

    def read(type_: Any) -> Any:
        if pa.types.is_struct(type_):
            return pa.struct([pa.field(f.name, read(f.type)) for f in type_])
        if pa.types.is_list(type_):
            if _is_pairs(pa, type_):
                return pa.struct([])
            return pa.list_(read(type_.value_type))
        if pa.types.is_duration(type_) or pa.types.is_date(type_):
            return pa.string()
        return type_

    return pa.schema([pa.field(f.name, read(f.type)) for f in _schema(pa)])


_ID_NAMES = ("imdb", "tmdb", "wikidata", "letterboxd", "rotten_tomatoes", "metacritic", "justwatch")
_IDS = (*_ID_NAMES, "other")
_MONEY = ("amount", "currency", "region")
#: The fields the checks cover, per struct of the schema: a field that the model gains
#: is not checked until it is added here, and until then every line takes the object path.
COVERED = {
    "": (
        "title", "kind", "release_date", "runtime", "content_ratings", "genres", "languages",
        "countries", "summary", "credits", "ratings", "offers", "ids", "original_title",
        *parts.LATER,
    ),
    "content_ratings[]": (*_CONTENT_RATING, "descriptors"),
    "credits[]": _CREDIT,
    "ratings[]": _RATING,
    "offers[]": (
        *_OFFER, "available_from", "available_until", "audio_languages", "subtitle_languages",
        "features",
    ),
    "ids": _IDS,
    "titles[]": ("text", "region", "language", "kind", "note"),
    "releases[]": ("date", "country", "kind", "note", "language"),
    "editions[]": ("name", "runtime", "note"),
    "collection": ("name", "ids", "overview"),
    "collection.ids": _IDS,
    "budget": _MONEY,
    "box_office[]": _MONEY,
    "awards[]": ("name", "category", "year", "outcome", "recipient", "count"),
    "images[]": ("url", "kind", "width", "height", "language"),
    "videos[]": ("url", "kind", "site", "language", "name"),
}  # fmt: skip


def covers(pa: Any, schema: Any) -> bool:
    """Whether :data:`COVERED` names exactly the fields of every struct of *schema*."""
    found: dict[str, tuple[str, ...]] = {"": tuple(schema.names)}

    def walk(type_: Any, path: str) -> None:
        if pa.types.is_list(type_):
            if not _is_pairs(pa, type_):
                walk(type_.value_type, f"{path}[]")
        elif pa.types.is_struct(type_):
            found[path] = tuple(f.name for f in type_)
            for f in type_:
                walk(f.type, f"{path}.{f.name}")

    for field in schema:
        walk(field.type, field.name)
    return found == COVERED


def _content_rating_ok(key: str) -> bool:
    code, country, system, reason = (None if p == "\x00" else p for p in key.split("\x1f"))
    try:
        made = ContentRating(code, country=country, system=system, reason=reason)  # type: ignore[arg-type]
    except ValidationError:
        return False
    # Accepted and written back as it came (the system not inferred, the code not cleaned).
    return (made.code, made.country, made.system, made.reason) == (code, country, system, reason)


class Oracle:
    """The model's verdict on distinct values, asked once each and remembered for one call.

    Local to a conversion, never module state: two threads converting two files share
    nothing, and a hostile file grows nothing beyond its own conversion.
    """

    def __init__(self) -> None:
        self._known: dict[str, dict[str, bool]] = {}
        # Per rule, the values asked about and the verdicts, as Arrow arrays in one order.
        self._arrays: dict[str, tuple[Any, Any]] = {}

    _RULES: dict[str, Callable[[str], bool]] = {  # noqa: RUF012 - read-only table
        "kind": value_test(FilmKind),
        "role": is_role,
        "language": is_language_tag,
        "region": is_region,
        "currency": is_currency,
        "source": SOURCES.__contains__,
        "offer_type": value_test(OfferType),
        "quality": value_test(Quality),
        "content_rating": _content_rating_ok,
        **parts.RULES,
    }

    def accepts(self, pa: Any, pc: Any, rule: str, values: Any) -> Any:
        """A mask: for each string of *values*, whether the model accepts it (null: no)."""
        asked, verdicts = self._arrays.get(rule) or self._learn(pa, pc, rule, values)
        where = pc.index_in(values, value_set=asked)
        if where.null_count != values.null_count:  # a value not asked about yet
            asked, verdicts = self._learn(pa, pc, rule, values)
            where = pc.index_in(values, value_set=asked)
        return pc.fill_null(pc.take(verdicts, where), False)

    def _learn(self, pa: Any, pc: Any, rule: str, values: Any) -> tuple[Any, Any]:
        known = self._known.setdefault(rule, {})
        check = self._RULES[rule]
        for value in pc.unique(values).to_pylist():
            if value is not None and value not in known:
                known[value] = check(value)
        arrays = pa.array(list(known), pa.string()), pa.array(list(known.values()), pa.bool_())
        self._arrays[rule] = arrays
        return arrays


def _text(pa: Any, pc: Any, values: Any) -> Any:
    # Not blank, and at most MAX_TEXT bytes (so at most MAX_TEXT characters); null: no.
    # The regular expression only for the texts whose first byte does not settle it.
    return masks.text_ok(pa, pc, values, MAX_TEXT, lambda rest: _exact_text(pc, rest))


def _exact_text(pc: Any, values: Any) -> Any:
    return pc.and_(
        pc.match_substring_regex(values, _NOT_BLANK),
        pc.less_equal(pc.binary_length(values), MAX_TEXT),
    )


def _absent_or(pc: Any, values: Any, test: Any) -> Any:
    return pc.or_kleene(pc.is_null(values), test)


def _all(pc: Any, mask: Any) -> Any:
    """Null (an absent value that the test did not allow) counts as a failure."""
    return pc.fill_null(mask, False)


def _rows_without_bad(pa: Any, pc: Any, lists: Any, ok: Any, rows: int) -> Any:
    """Rows none of whose list items fail *ok* (a mask over the flattened items)."""
    parents = pc.list_parent_indices(lists)
    return masks.rows_without(pa, pc.filter(parents, pc.invert(_all(pc, ok))), rows)


def _items(pc: Any, lists: Any) -> Any:
    return pc.list_flatten(lists)


def decided(pa: Any, pc: Any, table: Any, oracle: Oracle) -> Any:
    """The mask of rows certainly valid and written back unchanged by the model."""
    rows = table.num_rows
    columns = {name: masks.whole(table.column(name)) for name in table.column_names}
    col = columns.__getitem__
    checks = [
        _text(pa, pc, col("title")),
        _absent_or(pc, col("kind"), oracle.accepts(pa, pc, "kind", col("kind"))),
        _absent_or(pc, col("release_date"), pc.match_substring_regex(col("release_date"), _DATE)),
        _absent_or(pc, col("runtime"), _runtime_ok(pc, col("runtime"))),
        _absent_or(pc, col("summary"), _text(pa, pc, col("summary"))),
        _absent_or(pc, col("original_title"), _text(pa, pc, col("original_title"))),
        _ids_ok(pa, pc, col("ids")),
    ]
    ok = checks[0]
    for check in checks[1:]:
        ok = pc.and_(ok, _all(pc, check))
    ok = _all(pc, ok)
    lists: dict[str, Callable[[Any], Any]] = {
        "genres": lambda items: _text(pa, pc, items),
        "languages": lambda items: oracle.accepts(pa, pc, "language", items),
        "countries": lambda items: oracle.accepts(pa, pc, "region", items),
        "content_ratings": lambda items: pc.and_(
            _all(pc, oracle.accepts(pa, pc, "content_rating", _content_rating_keys(pc, items))),
            _tests(pa, pc, oracle).lists(lambda v: _text(pa, pc, v))(
                pc.struct_field(items, "descriptors")
            ),
        ),
        "credits": lambda items: _credits_ok(pa, pc, items, oracle),
        "ratings": lambda items: _ratings_ok(pa, pc, items, oracle),
        "offers": lambda items: pc.and_(
            _offers_ok(pa, pc, items, oracle), _tests(pa, pc, oracle).offer_terms()(items)
        ),
    }
    for name, test in lists.items():
        column = col(name)
        items = _items(pc, column)
        if len(items):
            ok = pc.and_(ok, _rows_without_bad(pa, pc, column, test(items), rows))
    for name, check in _tests(pa, pc, oracle).later().items():
        ok = pc.and_(ok, _all(pc, check(col(name))))
    return pc.and_(ok, _unique_sources(pa, pc, col("ratings"), rows))


def _tests(pa: Any, pc: Any, oracle: Oracle) -> parts.Tests:
    def url(values: Any) -> Any:
        return pc.and_kleene(_text(pa, pc, values), pc.match_substring_regex(values, _URL))

    return parts.Tests(
        pa,
        pc,
        lambda rule, values: oracle.accepts(pa, pc, rule, values),
        text=lambda values: _text(pa, pc, values),
        url=url,
        date=lambda values: pc.match_substring_regex(values, _DATE),
        day=lambda values: pc.match_substring_regex(values, _DAY),
        runtime=lambda values: _runtime_ok(pc, values),
        price=lambda values: pc.match_substring_regex(values, _PRICE),
        ids=lambda values: _ids_ok(pa, pc, values),
    )


def _runtime_ok(pc: Any, runtime: Any) -> Any:
    return pc.and_(
        pc.match_substring_regex(runtime, _RUNTIME), pc.greater(pc.utf8_length(runtime), 2)
    )


def runtime_micros(pa: Any, pc: Any, runtime: Any) -> Any:
    """The microseconds of canonical runtimes (rows :func:`decided` accepted)."""
    parts = pc.extract_regex(
        runtime, r"^PT(?:(?P<h>[0-9]+)H)?(?:(?P<m>[0-9]+)M)?(?:(?P<s>[0-9]+)S)?$"
    )
    total = None
    for name, seconds in (("h", 3600), ("m", 60), ("s", 1)):
        text = pc.struct_field(parts, name)
        number = pc.cast(pc.if_else(pc.equal(text, ""), "0", text), pa.int64())
        term = pc.multiply(number, seconds * 1_000_000)
        total = term if total is None else pc.add(total, term)
    return pc.cast(total, pa.duration("us"))


def _content_rating_keys(pc: Any, items: Any) -> Any:
    """One text per content rating: its fields joined by U+001F, a null field as U+0000.

    A field holding either character would make two ratings one key: null instead, so
    that its row takes the object path.
    """
    return parts.joined(pc, [pc.struct_field(items, name) for name in _CONTENT_RATING])


def _credits_ok(pa: Any, pc: Any, items: Any, oracle: Oracle) -> Any:
    name, role, character = (pc.struct_field(items, n) for n in _CREDIT)
    return _all(
        pc,
        pc.and_kleene(
            pc.and_kleene(_text(pa, pc, name), oracle.accepts(pa, pc, "role", role)),
            _absent_or(pc, character, _text(pa, pc, character)),
        ),
    )


def _scale(pa: Any, pc: Any, source: Any) -> tuple[Any, Any]:
    names = list(SOURCES)
    where = pc.index_in(source, value_set=pa.array(names, pa.string()))
    best = pa.array([SOURCES[n].best for n in names], pa.float64())
    worst = pa.array([SOURCES[n].worst for n in names], pa.float64())
    return pc.take(best, where), pc.take(worst, where)


def _ratings_ok(pa: Any, pc: Any, items: Any, oracle: Oracle) -> Any:
    source, value, votes, best, worst = (pc.struct_field(items, n) for n in _RATING)
    top, bottom = _scale(pa, pc, source)
    checks = [
        oracle.accepts(pa, pc, "source", source),
        pc.greater_equal(value, bottom),  # false for NaN
        pc.less_equal(value, top),
        _absent_or(pc, votes, pc.greater_equal(votes, 0)),
        pc.is_null(best),  # a known source's scale is left out of canonical JSON
        pc.is_null(worst),
    ]
    ok = checks[0]
    for check in checks[1:]:
        ok = pc.and_kleene(ok, check)
    return _all(pc, ok)


def _unique_sources(pa: Any, pc: Any, ratings: Any, rows: int) -> Any:
    items = pc.list_flatten(ratings)
    if not len(items):
        return masks.every(pa, rows)
    parents = pc.list_parent_indices(ratings)
    # One number per (film, source): a number seen twice is a source given twice. An
    # unknown source (null index) fails its own check already.
    where = pc.index_in(pc.struct_field(items, "source"), value_set=pa.array(list(SOURCES)))
    keys = pc.add(pc.multiply(parents, len(SOURCES) + 1), pc.fill_null(where, len(SOURCES)))
    counts = pc.value_counts(keys)
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    return masks.rows_without(pa, pc.filter(parents, pc.is_in(keys, value_set=repeated)), rows)


def _offers_ok(pa: Any, pc: Any, items: Any, oracle: Oracle) -> Any:
    provider, type_, region, price, currency, quality, url = (
        pc.struct_field(items, n) for n in _OFFER
    )
    priced = pc.and_kleene(
        pc.match_substring_regex(price, _PRICE), oracle.accepts(pa, pc, "currency", currency)
    )
    checks = [
        _text(pa, pc, provider),
        oracle.accepts(pa, pc, "offer_type", type_),
        _absent_or(pc, region, oracle.accepts(pa, pc, "region", region)),
        pc.or_kleene(pc.and_(pc.is_null(price), pc.is_null(currency)), priced),
        _absent_or(pc, quality, oracle.accepts(pa, pc, "quality", quality)),
        _absent_or(pc, url, pc.and_kleene(_text(pa, pc, url), pc.match_substring_regex(url, _URL))),
    ]
    ok = checks[0]
    for check in checks[1:]:
        ok = pc.and_kleene(ok, check)
    return _all(pc, ok)


def _ids_ok(pa: Any, pc: Any, ids: Any) -> Any:
    ok = None
    for name in _ID_NAMES:
        value = pc.struct_field(ids, name)
        if name in _ID_INT:
            test = pc.greater(value, 0)
        elif name == "imdb":
            test = pc.match_substring_regex(value, _IMDB)
        elif name == "wikidata":
            test = pc.match_substring_regex(value, _WIKIDATA)
        else:
            test = pc.and_kleene(pc.match_substring_regex(value, _SLUG), _text(pa, pc, value))
        test = _absent_or(pc, value, test)
        ok = test if ok is None else pc.and_kleene(ok, test)
    # Other ids (a JSON object of any keys) are the object path's.
    return pc.and_kleene(ok, pc.is_null(pc.struct_field(ids, "other")))
