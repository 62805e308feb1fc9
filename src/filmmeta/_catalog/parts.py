"""The model 2 parts' rules as Arrow compute: titles, releases, money, awards, media, ...

Completes :func:`~checks.decided` for the fields that model 2 added (issue 12): a
:class:`Tests` builds, from a table of each part's fields (:data:`PARTS`), one *test* per
column, a function from an array to a mask that is True only where the model certainly
accepts the value and writes it back as it came. As everywhere in the columnar path a test
is a sufficient condition, never the rule itself: a row it does not pass goes through the
object path, which decides and names the error. Open-ended ids (``ids.other``, a JSON
object of any keys, which pyarrow's reader cannot hold in a column) are never decided here.

:data:`DEFAULTS` gives the values that canonical JSON always writes but the model also
takes absent (a title's ``kind``, an award's ``count``): the columnar path fills them as
the constructors do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from filmmeta._catalog import masks
from filmmeta._model import (
    MAX_INT,
    AwardOutcome,
    ImageKind,
    OfferFeature,
    ReleaseKind,
    TitleKind,
    VideoKind,
    value_test,
)

__all__ = ["DEFAULTS", "LATER", "RULES", "Tests"]

Test = Callable[[Any], Any]

#: Values the model fills in when a key is absent, by column path ("titles[].kind").
DEFAULTS: dict[str, Any] = {
    "kind": "movie",
    "titles[].kind": "alternative",
    "releases[].kind": "theatrical",
    "awards[].outcome": "won",
    "awards[].count": 1,
    "images[].kind": "poster",
    "videos[].kind": "trailer",
}

#: The model's closed vocabularies that the oracle asks about.
RULES: dict[str, Callable[[str], bool]] = {
    "title_kind": value_test(TitleKind),
    "release_kind": value_test(ReleaseKind),
    "outcome": value_test(AwardOutcome),
    "image_kind": value_test(ImageKind),
    "video_kind": value_test(VideoKind),
    "feature": {f.value for f in OfferFeature}.__contains__,
}

#: The film's fields that model 2 added: each decided by :meth:`Tests.later`.
LATER = (
    "titles",
    "releases",
    "editions",
    "collection",
    "budget",
    "box_office",
    "awards",
    "images",
    "videos",
    "keywords",
    "tagline",
)


class Tests:
    """Tests over Arrow arrays, built from the model's checks and an oracle's verdicts.

    *text*, *date*, *day*, *runtime*, *price* and *url* are the whole-column tests of
    :mod:`~filmmeta._catalog.checks`; *accepts* is its oracle (``accepts(rule, values)``).
    """

    def __init__(self, pa: Any, pc: Any, accepts: Callable[[str, Any], Any], **tests: Test) -> None:
        self.pa, self.pc, self.accepts = pa, pc, accepts
        self.t = tests

    # -- building blocks ----------------------------------------------------------------

    def known(self, rule: str) -> Test:
        return lambda values: self.accepts(rule, values)

    def optional(self, test: Test) -> Test:
        pa, pc = self.pa, self.pc

        def optional(values: Any) -> Any:
            if values.null_count == len(values):  # absent everywhere, as is common
                return masks.every(pa, len(values))
            return pc.or_kleene(pc.is_null(values), test(values))

        return optional

    def count(self, least: int, most: int = MAX_INT) -> Test:
        pc = self.pc
        return lambda values: pc.and_kleene(
            pc.greater_equal(values, least), pc.less_equal(values, most)
        )

    def struct(self, fields: dict[str, Test], *, nullable: bool = False) -> Test:
        pc = self.pc

        def test(values: Any) -> Any:
            if nullable and values.null_count == len(values):
                return masks.every(self.pa, len(values))
            ok = None
            for name, check in fields.items():
                found = check(pc.struct_field(values, name))
                ok = found if ok is None else pc.and_kleene(ok, found)
            ok = pc.fill_null(ok, False)
            return pc.or_kleene(pc.is_null(values), ok) if nullable else ok

        return test

    def lists(self, item: Test, *, unique: Callable[[Any], Any] | None = None) -> Test:
        """Lists none of whose items fail *item*; with *unique*, no two equal keys."""
        pa, pc = self.pa, self.pc

        def test(values: Any) -> Any:
            items = pc.list_flatten(values)
            rows = len(values)
            if not len(items):
                return masks.every(pa, rows)
            parents = pc.list_parent_indices(values)
            bad = pc.filter(parents, pc.invert(pc.fill_null(item(items), False)))
            bad = pc.cast(bad, pa.int64())
            if unique is not None:
                bad = pa.concat_arrays([bad, repeated(pa, pc, parents, unique(items))])
            return masks.rows_without(pa, bad, rows)

        return test

    def keys(self, *names: str, defaults: dict[str, Any] | None = None) -> Callable[[Any], Any]:
        """One text per struct: its fields (defaults filled) joined, null when ambiguous."""
        pc = self.pc
        defaults = defaults or {}

        def key(items: Any) -> Any:
            fields = [pc.struct_field(items, name) for name in names]
            fields = [
                pc.fill_null(f, defaults[n]) if n in defaults else f
                for n, f in zip(names, fields, strict=True)
            ]
            return joined(pc, fields)

        return key

    # -- the parts ----------------------------------------------------------------------

    def later(self) -> dict[str, Test]:
        """A test per model 2 column of a film."""
        t, opt, known = self.t, self.optional, self.known
        text, url = t["text"], t["url"]
        region, language = known("region"), known("language")
        money = {"amount": t["price"], "currency": known("currency"), "region": opt(region)}
        ids = t["ids"]
        return {
            "titles": self.lists(
                self.struct(
                    {
                        "text": text,
                        "region": opt(region),
                        "language": opt(language),
                        "kind": opt(known("title_kind")),
                        "note": opt(text),
                    }
                ),
                unique=self.keys(
                    "text",
                    "region",
                    "language",
                    "kind",
                    "note",
                    defaults={"kind": DEFAULTS["titles[].kind"]},
                ),
            ),
            "releases": self.lists(
                self.struct(
                    {
                        "date": t["date"],
                        "country": opt(region),
                        "kind": opt(known("release_kind")),
                        "note": opt(text),
                        "language": opt(language),
                    }
                ),
                unique=self.keys(
                    "country", "kind", "date", defaults={"kind": DEFAULTS["releases[].kind"]}
                ),
            ),
            "editions": self.lists(
                self.struct({"name": text, "runtime": opt(t["runtime"]), "note": opt(text)})
            ),
            "collection": self.struct(
                {"name": text, "ids": ids, "overview": opt(text)}, nullable=True
            ),
            "budget": self.struct(money, nullable=True),
            "box_office": self.lists(self.struct(money)),
            "awards": self.lists(
                self.struct(
                    {
                        "name": text,
                        "category": opt(text),
                        "year": opt(self.count(1, 9999)),
                        "outcome": opt(known("outcome")),
                        "recipient": opt(text),
                        "count": opt(self.count(1)),
                    }
                )
            ),
            "images": self.lists(
                self.struct(
                    {
                        "url": url,
                        "kind": opt(known("image_kind")),
                        "width": opt(self.count(1)),
                        "height": opt(self.count(1)),
                        "language": opt(language),
                    }
                )
            ),
            "videos": self.lists(
                self.struct(
                    {
                        "url": url,
                        "kind": opt(known("video_kind")),
                        "site": opt(text),
                        "language": opt(language),
                        "name": opt(text),
                    }
                )
            ),
            "keywords": self.lists(text),
            "tagline": opt(text),
        }

    def offer_terms(self) -> Test:
        """The model 2 fields of offers: windows, languages and features."""
        pc = self.pc
        day, language = self.t["day"], self.known("language")
        fields = self.struct(
            {
                "available_from": self.optional(day),
                "available_until": self.optional(day),
                "audio_languages": self.lists(language, unique=_itself),
                "subtitle_languages": self.lists(language, unique=_itself),
                "features": self.lists(self.known("feature"), unique=_itself),
            }
        )

        def test(items: Any) -> Any:
            start = pc.struct_field(items, "available_from")
            end = pc.struct_field(items, "available_until")
            # Both ISO days of four-digit years: text order is date order.
            window = pc.fill_null(pc.greater_equal(end, start), True)
            return pc.and_(fields(items), window)

        return test


def _itself(values: Any) -> Any:
    return values


def joined(pc: Any, fields: list[Any]) -> Any:
    """Fields joined by U+001F, a null as U+0000; null where a field holds either."""
    clean = None
    for field in fields:
        plain = pc.fill_null(pc.invert(pc.match_substring_regex(field, "[\\x00\\x1f]")), True)
        clean = plain if clean is None else pc.and_(clean, plain)
    keys = pc.binary_join_element_wise(*(pc.fill_null(f, "\x00") for f in fields), "\x1f")
    return pc.if_else(clean, keys, None)


def repeated(pa: Any, pc: Any, parents: Any, keys: Any) -> Any:
    """The parents that have a key twice among their items (or a null, undecidable, key)."""
    tagged = pc.binary_join_element_wise(pc.cast(parents, pa.string()), keys, "\x1e")
    counts = pc.value_counts(tagged)
    twice = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    bad = pc.filter(parents, pc.or_kleene(pc.is_null(tagged), pc.is_in(tagged, value_set=twice)))
    return pc.cast(bad, pa.int64())
