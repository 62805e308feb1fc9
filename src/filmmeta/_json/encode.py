"""Unstructure hooks generated per class: the canonical "leave out defaults" rule, fast.

cattrs' own generated hooks compare every field with its default (``!=``), call a
wrapper for each optional or tuple field, and compute a default factory to compare with.
For the model's fields the test is known from the type of the default, so each class gets
a function written for it: one dict display for the fields always written, then one
``if`` per field that may be left out, with

* ``v is not None`` for a None default (no ``__ne__`` call);
* ``if v:`` for an empty tuple, and a list comprehension over the item's hook written
  into the function (``list(v)`` for strings, or the tuple itself for dicts that go
  straight to a JSON encoder; a dict display for a small class of plain fields, such as
  a credit, whose hook is one of these);
* the written form itself for a default that is written as ``{}`` (``ids=NO_IDS``), and
  ``v is not d and v != d`` for any other constant default;
* ``v != factory(instance)`` for a default factory (a rating's ``best``/``worst``, which
  its source's scale gives).

The leaf hooks (enums, dates, durations, prices) are the converter's own, so a
converter's registered rules still apply. Output is the same as cattrs' generated
hooks'; ``tests/test_encode.py`` checks that on generated films.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Collection
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity

from filmmeta._model import SINCE, field_types, is_homogeneous_tuple, optional_inner

__all__ = ["make_unstructure_fn"]

_PLAIN = (str, int, float, bool)


def _leaf(
    type_: Any, converter: cattrs.Converter, var: str, globs: dict[str, Any], *, tuples: bool
) -> str:
    """An expression writing *var* (a non-None value of *type_*)."""
    if type_ in _PLAIN:
        return var
    if is_homogeneous_tuple(type_):
        item_type = type_.__args__[0]
        if item_type == tuple[str, str]:  # ids of other services: a JSON object
            return f"dict({var})"
        if item_type in _PLAIN:
            return var if tuples else f"list({var})"
        hook = converter.get_unstructure_hook(item_type)
        # Only a hook of ours, with the default rule, may be written in its place.
        if getattr(hook, "always_written", None) == () and (inline := _inline(item_type, "x")):
            return f"[{inline} for x in {var}]"
        name = f"_u{len(globs)}"
        many = getattr(hook, "many", None)
        if many is not None:  # one call for the list, not one per item
            globs[name] = many
            return f"{name}({var})"
        globs[name] = hook
        return f"[{name}(x) for x in {var}]"
    hook = converter.get_unstructure_hook(type_)
    if hook is identity:  # written as it is (an enum for orjson, which writes its value)
        return var
    name = f"_u{len(globs)}"
    globs[name] = hook
    return f"{name}({var})"


def _inline(cls: type[Any], var: str) -> str | None:
    """A dict display writing *var*, an instance of *cls*, or None when it takes a call.

    Written in for a small class of plain fields of which at most one may be left out
    (a credit: name, role and maybe a character), which saves a call per item of a
    long list.
    """
    fields = field_types(cls)
    always = [f for f in fields if f.default is attrs.NOTHING and f.type in _PLAIN]
    maybe = [f for f in fields if f.default is None and optional_inner(f.type) in _PLAIN]
    if len(always) + len(maybe) != len(fields) or len(maybe) > 1:
        return None
    items = [f"{f.name!r}: {var}.{f.name}" for f in always]
    if not maybe:
        return f"{{{', '.join(items)}}}"
    name = maybe[0].name
    with_it = ", ".join([*items, f"{name!r}: {var}.{name}"])
    return f"({{{with_it}}} if {var}.{name} is not None else {{{', '.join(items)}}})"


def _writes_empty(default: Any, converter: cattrs.Converter) -> bool:
    written: object = converter.get_unstructure_hook(type(default))(default)
    return written == {}


def make_unstructure_fn(
    cls: type[Any],
    converter: cattrs.Converter,
    always: Collection[str] = (),
    *,
    tuples: bool = False,
) -> Callable[[Any], Any]:
    """Generate the unstructure hook of an attrs class *cls*.

    Args:
        cls: An attrs class with resolved field types.
        converter: The converter whose hooks write the fields' values.
        always: Names of fields written even when they hold their default.
        tuples: Leave a tuple of plain values (genres, languages) as it is rather than
            copy it to a list: for dicts that go straight to a JSON encoder, which
            writes a tuple as an array.

    Returns:
        A function of one instance that returns its canonical dict.
    """
    globs: dict[str, Any] = {}
    written: list[str] = []
    # Each field that may be left out: its lines, and its test as one expression when it
    # is a later field left out when empty (a run of them shares one test).
    blocks: list[tuple[list[str], str | None]] = []
    for field in field_types(cls):
        name, default = field.name, field.default
        inner = optional_inner(field.type)
        value_type = inner if inner is not None else field.type
        if default is attrs.NOTHING or name in always:
            expr = _leaf(value_type, converter, f"i.{name}", globs, tuples=tuples)
            if inner is not None and expr != f"i.{name}":
                # An optional field that is always written is written as null.
                expr = f"None if i.{name} is None else {expr}"
            written.append(f"        {name!r}: {expr},")
            continue
        expr = _leaf(value_type, converter, "v", globs, tuples=tuples)
        checks = [f"    v = i.{name}"]
        blocks.append((checks, None))
        later = field.metadata.get(SINCE, 1) > 1
        if default is None:
            test = "v is not None"
            if later:
                blocks[-1] = (checks, f"i.{name} is not None")
        elif default == () and type(default) is tuple:
            test = "v"
            if later:
                blocks[-1] = (checks, f"i.{name}")
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            dname = f"_d{len(globs)}"
            globs[dname] = default.factory
            test = f"v != {dname}(i)" if default.takes_self else f"v != {dname}()"
        elif attrs.has(type(default)) and _writes_empty(default, converter):
            # The default (ids=NO_IDS) is written as {}, and, since the class's hook
            # leaves out only defaults, nothing else is: a cheaper test than __eq__.
            dname = f"_d{len(globs)}"
            globs[dname] = default
            checks += [f"    if v is not {dname} and (v := {expr}):", f"        res[{name!r}] = v"]
            continue
        else:
            dname = f"_d{len(globs)}"
            globs[dname] = default
            test = f"v is not {dname} and v != {dname}"
        checks += [f"    if {test}:", f"        res[{name!r}] = {expr}"]
    body = ["    res = {", *written, "    }", *_grouped(blocks)]
    many = [
        "    out = []",
        "    for i in items:",
        *(f"    {line}" for line in body),
        "        out.append(res)",
    ]
    source = "\n".join(
        [
            f"def unstructure_{cls.__name__}(i):",
            *body,
            "    return res",
            "",
            # The same for a list: a film's offers written in one call, not one each.
            f"def unstructure_many_{cls.__name__}(items):",
            *many,
            "    return out",
        ]
    )
    filename = f"<filmmeta unstructure {cls.__module__}.{cls.__qualname__}>"
    # Registered like attrs' and cattrs' generated code, so that tracebacks show it.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    code = compile(source, filename, "exec")
    namespace: dict[str, Any] = {}
    exec(code, globs, namespace)  # noqa: S102 - our own generated source
    fn: Callable[[Any], Any] = namespace[f"unstructure_{cls.__name__}"]
    fn.always_written = tuple(always)  # type: ignore[attr-defined]
    fn.many = namespace[f"unstructure_many_{cls.__name__}"]  # type: ignore[attr-defined]
    return fn


def _grouped(blocks: list[tuple[list[str], str | None]]) -> list[str]:
    """The fields' lines, a run of later fields under one test of them all.

    Documents written before those fields have none of them: one expression then stands
    for a test per field. Fields keep their order, which is the order of the keys.
    """
    lines: list[str] = []
    run: list[tuple[list[str], str | None]] = []
    for block in [*blocks, ([], None)]:
        if block[1] is not None:
            run.append(block)
            continue
        if len(run) > 1:
            lines.append(f"    if {' or '.join(test for _, test in run if test)}:")
            lines += [f"    {line}" for checks, _ in run for line in checks]
        else:
            lines += [line for checks, _ in run for line in checks]
        run = []
        lines += block[0]
    return lines
