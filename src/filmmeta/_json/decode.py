"""The fast pass of decoding: the common document built without attrs' ``__init__``.

A film of the usual shape holds some twenty small objects (credits, offers, ratings),
and decoding it was mostly their attrs ``__init__`` calls: a keyword dict from cattrs,
then one validator call per field, each a function call or two. For those classes the
fast converter's hook here tests the whole object in one expression and, when it holds,
sets the slots directly.

The test is a *sufficient* condition, never the rule itself: it accepts only what the
model's validators are certain to accept (plain ASCII or surrogate-free text of a sane
length, a known role, a known rating source with a value on its scale, a price such as
``"3.99"`` with a currency, ...). Anything else, valid or not, goes to the generated
cattrs hook and the model's own constructor, which decide, and raise with a path. So the
model stays the only authority on what is valid, and ``tests/test_decode.py`` checks,
on generated and hostile objects, that the fast hooks build exactly what the
constructors build, and only what they accept.

A rule loosened in the model needs nothing here (its new cases take the constructor).
A rule made *stricter* must be made stricter here too, and a value that breaks it added
to the test's pool: the tests find the values they hold, not every new rule.
"""

from __future__ import annotations

import enum
import hashlib
import importlib
import linecache
from collections.abc import Callable
from types import ModuleType
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError

from filmmeta._json import fast_parts, film_hook
from filmmeta._json.fast_parts import (
    Hook,
    all_are,
    content_rating_hook,
    counted,
    credit_hook,
    enum_members,
    external_ids_hook,
    offer_hook,
    rating_hook,
)
from filmmeta._model import (
    ENUMS,
    FAST,
    MODEL_CLASSES,
    SCALARS,
    SINCE,
    ContentRating,
    Credit,
    ExternalIds,
    Film,
    Offer,
    PartialDate,
    Rating,
    field_types,
    is_homogeneous_tuple,
    is_text,
    item_type,
    optional_inner,
    slot_setters,
)

__all__ = [
    "FAST_HOOKS",
    "MODULES",
    "build",
    "compiled_modules",
    "fingerprint",
    "make_structure_fn",
    "render_module",
]


untrack: Callable[[Any], Any] | None
try:
    # The compiled build's C extension (untrack.c): a decoded film taken out of the
    # garbage collector's sight, which for a catalog kept in memory costs as much as
    # decoding it. Values are unchanged; the pure-Python build goes without.
    _c_untrack = importlib.import_module("filmmeta._json.untrack")
except ImportError:
    untrack = None
else:  # pragma: no cover - the compiled build (.ci/run tests it)
    _c_untrack.set_kinds(frozenset((*MODEL_CLASSES, PartialDate)), frozenset(ENUMS))
    untrack = _c_untrack.untrack


class _Absent:
    """A key missing from the document (a tuple or None could be a value given)."""


_ABSENT: Any = _Absent()


class _RefusedError(Exception):
    """A value that the fast test does not accept: the object goes to the slow path."""


# What a fast hook may meet when a test of its own, an item or a leaf does not accept a
# value: the model's ValidationError (a ValueError), or cattrs' generated hook's errors
# for a missing key, an unknown one, or a value that is not an object at all.
_REFUSED = (_RefusedError, ValueError, TypeError, KeyError, ForbiddenExtraKeysError)


class _Source:
    """The generated hook's source, one field at a time, and the names it refers to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.indent = ""  # before every line added: a field's lines nested in a test
        self.globs: dict[str, Any] = {
            "Any": Any,
            "_ABSENT": _ABSENT,
            "_REFUSED": _REFUSED,
            "_RefusedError": _RefusedError,
            "all_are": all_are,
            "untrack": untrack,
        }

    def name(self, value: Any) -> str:
        name = f"_g{len(self.globs)}"
        self.globs[name] = value
        return name

    def add(self, *lines: str) -> None:
        self.lines += [self.indent + line for line in lines]


def _field_source(
    src: _Source, i: int, field: attrs.Attribute[Any], converter: cattrs.Converter
) -> str | None:
    """Write the lines that set ``v<i>`` from the document; return when its validator runs.

    The result is the test under which the field's validator must still run on the
    built instance, or None for never.

    Every field of a class takes one of these shapes, read from its type and metadata;
    a type none of them fits stops the hook from being built (a field no one decodes).
    """
    v, name = f"v{i}", field.name
    inner = optional_inner(field.type)
    type_ = field.type if inner is None else inner
    ok = field.metadata.get(FAST)
    if inner is not None and field.default is None:
        # null is as good as left out, as the slow path reads it.
        src.add(f"        {v} = o.get({name!r})", f"        if {v} is not None:")
    else:
        missing = (
            "raise _RefusedError"
            if field.default is attrs.NOTHING
            else f"{v} = {src.name(field.default)}"
        )
        src.add(
            f"        {v} = o.get({name!r}, _ABSENT)",
            f"        if {v} is _ABSENT:",
            f"            {missing}",
            f"        elif {v} is not None:" if inner is not None else "        else:",
        )
    refuse = "                raise _RefusedError"
    if isinstance(type_, type) and issubclass(type_, enum.Enum) and field.converter is not None:
        members = src.name(enum_members(type_))
        src.add(
            f"            {v} = {members}.get({v}) if type({v}) is str else None",
            f"            if {v} is None:",
            refuse,
        )
        return None
    if type_ in (str, int, float, bool):
        test = f"{src.name(ok)}({v})" if ok is not None else f"type({v}) is {type_.__name__}"
        src.add(f"            if not {test}:", refuse)
        # Without a test of its own the field's validator decides, after the build.
        return f"{v} is not None" if ok is None and field.validator is not None else None
    if is_homogeneous_tuple(type_):
        items = item_type(type_)
        if items is str:
            test = src.name(ok if ok is not None else is_text)
            src.add(
                f"            if not all_are({v}, {test}):", refuse, f"            {v} = tuple({v})"
            )
            return v if ok is None and field.validator is not None else None
        item_hook = converter.get_structure_hook(items)
        many = getattr(item_hook, "many", None)
        # A list whose items a read may share (credits) is given the read's table.
        shares = ", shared" if getattr(many, "shares", False) else ""
        read = (
            f"{src.name(many)}({v}{shares})"
            if many is not None
            else f"tuple([{src.name(item_hook)}(x, {src.name(items)}) for x in {v}])"
        )
        src.add(f"            if type({v}) is not list:", refuse, f"            {v} = {read}")
        types_only = getattr(field.validator, "types_only", False)
        return v if field.validator is not None and not types_only else None
    if type_ in SCALARS or (isinstance(type_, type) and attrs.has(type_)):
        hook, cls = src.name(converter.get_structure_hook(type_)), src.name(type_)
        src.add(f"            {v} = {hook}({v}, {cls})")
        return None
    raise TypeError(f"the fast decoder has no rule for {field.name}: {field.type!r}")


def _is_later(field: attrs.Attribute[Any]) -> bool:
    """Whether *field* came after the first schema and has a constant default."""
    return (
        field.metadata.get(SINCE, 1) > 1
        and field.default is not attrs.NOTHING
        and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
    )


#: The classes whose generated hook is also a module of the package, written by
#: ``scripts/gen_hooks.py``: the compiled build (mypyc) compiles it with the rest.
MODULES: dict[type[Any], ModuleType] = {Film: film_hook}


def make_structure_fn(cls: type[Any], slow: Hook, converter: cattrs.Converter) -> Hook:
    """Generate the fast structure hook of an attrs class, one rule per field.

    Each field's JSON value is tested in one expression from its type and metadata: an
    enum by a dict lookup, text by the field's :data:`~filmmeta._model.fields.FAST`
    test (its validator's exact rule, in one call), dates, durations and objects by
    their own hooks. The instance is then built without ``__init__``; validators that
    check more than the items' types (two ratings from one source) run on the built
    value. Anything refused goes to *slow*, counted in :data:`~filmmeta._json.fast_parts.FALLBACKS`.

    Where the package holds the same source as a module (:data:`MODULES`, the film's),
    the hook is that module's: the same lines, given the same names, and compiled with
    the package when it is built compiled. It is used only while its fingerprint is the
    source's; a stale module is passed over, and ``tests/test_decode.py`` fails on it.
    """
    src = _generate(cls, slow, converter)
    source = "\n".join(src.lines)
    module = MODULES.get(cls)
    if module is not None and fingerprint(source) == module.FINGERPRINT:
        made: Hook = module.make(src.globs)
        return made
    filename = f"<filmmeta structure {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {}
    exec(compile(source, filename, "exec"), src.globs, namespace)  # noqa: S102 - our source
    hook: Hook = namespace[f"structure_{cls.__name__}"]
    return hook


def compiled_modules() -> tuple[str, ...]:
    """The decoder's modules that this installation runs compiled, by name.

    ``fast_parts`` and ``film_hook`` compiled by mypyc, and the C extension ``untrack``.
    Empty for the pure-Python build, which is what a plain or editable install gives.
    """
    mypyc = [m for m in (fast_parts, film_hook) if not (m.__file__ or "").endswith(".py")]
    names = [m.__name__.rpartition(".")[2] for m in mypyc]
    return (*names, *(() if untrack is None else ("untrack",)))


def build() -> str:
    """Which build runs, in words: ``filmmeta --version``, the suite's and the bench's headers.

    Examples:
        >>> build() in ("pure Python", "compiled: fast_parts, film_hook, untrack")
        True
    """
    compiled = compiled_modules()
    return f"compiled: {', '.join(compiled)}" if compiled else "pure Python"


def fingerprint(source: str) -> str:
    """The short hash of a generated hook's source that its module is checked against."""
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def render_module(cls: type[Any], converter: cattrs.Converter) -> str:
    """The text of the module that holds *cls*'s generated hook (``scripts/gen_hooks.py``).

    A function ``make(g)`` takes the names the source refers to and returns the hook,
    so that each converter gives its own (strict or not, its own hooks of the fields).
    """
    src = _generate(cls, lambda o, t: None, converter)
    source = "\n".join(src.lines)
    name = cls.__name__
    lines = [
        f'"""The fast structure hook of a {name}: generated by ``scripts/gen_hooks.py``.',
        "",
        "Do not edit: :func:`filmmeta._json.decode.make_structure_fn` writes these lines from",
        f"the fields of {name}, and uses this module only while :data:`FINGERPRINT` is the",
        "fingerprint of what it writes today. A module of its own so that the compiled build",
        "(mypyc) compiles it with the rest of the decoder.",
        '"""',
        "",
        "from typing import Any",
        "",
        f'FINGERPRINT = "{fingerprint(source)}"',
        "",
        "",
        "def make(g: dict[str, Any]) -> Any:",
        f'    """Return the hook of {name}, given the names its source refers to."""',
    ]
    lines += [f'    {key} = g["{key}"]' for key in src.globs if key != "Any"]
    lines += [f"    {line}" if line else line for line in src.lines]
    lines += [f"    return structure_{name}", ""]
    return "\n".join(lines)


def _generate(cls: type[Any], slow: Hook, converter: cattrs.Converter) -> _Source:
    """The source of *cls*'s fast hook and the names it refers to."""
    fields = field_types(cls)
    src = _Source()
    src.globs |= {
        "fallback": counted(cls, slow),
        "_new": object.__new__,
        "known": frozenset(f.name for f in fields),
        "strict": converter.forbid_extra_keys,
    }
    src.add(
        f"def structure_{cls.__name__}(o: Any, t: Any, shared: Any = None) -> Any:",
        "    if type(o) is not dict or (strict and not o.keys() <= known):",
        "        return fallback(o, t)",
        "    try:",
    )
    later = [i for i, field in enumerate(fields) if _is_later(field)]
    checks: list[str | None] = [None] * len(fields)
    for i, field in enumerate(fields):
        if i not in later:
            checks[i] = _field_source(src, i, field, converter)
    if later:
        # Fields that documents written before them never hold: while none is given,
        # one test on the keys stands for each field's lookup.
        keys = src.name(frozenset(fields[i].name for i in later))
        src.add(f"        if {keys}.isdisjoint(o):")
        src.add(*(f"            v{i} = {src.name(fields[i].default)}" for i in later))
        src.add("        else:")
        src.indent = "    "
        for i in later:
            checks[i] = _field_source(src, i, fields[i], converter)
        src.indent = ""
    # The builder's lines written in: one call fewer, of some twenty arguments.
    src.add(f"        i = _new({src.name(cls)})")
    src.add(*(f"        {src.name(setter)}(i, v{i})" for i, setter in enumerate(slot_setters(cls))))
    for i, test in enumerate(checks):
        if test is not None:
            validator, attribute = src.name(fields[i].validator), src.name(fields[i])
            src.add(f"        if {test}:", f"            {validator}(i, {attribute}, v{i})")
    src.add(
        "    except _REFUSED:",
        # The constructors' film, valid and frozen as the fast one, is untracked too.
        "        i = fallback(o, t)",
        "    return i if untrack is None else untrack(i)",
    )
    return src


def _plain(make: Callable[[Hook], Hook]) -> Callable[[Hook, cattrs.Converter], Hook]:
    return lambda slow, _: make(slow)


def _generated(cls: type[Any]) -> Callable[[Hook, cattrs.Converter], Hook]:
    return lambda slow, converter: make_structure_fn(cls, slow, converter)


#: The fast hook of each class, made from the class's generated cattrs hook and the
#: converter (whose hooks for the fields' classes are already registered). The small
#: classes that a film holds by the dozen have hooks written for them; the film's is
#: generated from its fields.
FAST_HOOKS: dict[type[Any], Callable[[Hook, cattrs.Converter], Hook]] = {
    Credit: _plain(credit_hook),
    Rating: _plain(rating_hook),
    Offer: _plain(offer_hook),
    ContentRating: _plain(content_rating_hook),
    ExternalIds: _plain(external_ids_hook),
    Film: _generated(Film),
}
