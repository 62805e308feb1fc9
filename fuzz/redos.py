"""Measure filmmeta's regular expressions and text parsers for super-linear time (ReDoS).

A measurement, not a test: it prints tables and exits 0 (``--strict`` exits 1 when
something is flagged). Run it with ``python fuzz/redos.py``.

1. Patterns. Every module of the package is imported (``pkgutil.walk_packages``), and
   every compiled ``re.Pattern`` in its globals, in containers held by its globals (a
   dict of patterns, a tuple of (pattern, name) pairs) and in class attributes is
   collected, together with the literal patterns that functions pass to ``re.match`` and
   friends inline (found in the source). Each is timed with ``search``, ``match`` and
   ``fullmatch`` on adversarial inputs built from the pattern itself: the body of every
   repeat pumped n times (``"rated "`` for ``(?:rated\\s*:?\\s+)+``, ``"a."`` for
   ``(?:[\\w-]+\\.)*``) after the text that leads up to it, the pattern's literal runs
   and class representatives, and a fixed list ("1", " ", "1h", ":", "P", "T", "&",
   "<![CDATA[", ...), each followed by a character that makes the match fail. The
   lengths are 10^3, 10^4 and 10^5; the growth factor is the time ratio per 10x length
   (from 10^4 to 10^5; linear is ~10, quadratic ~100). A factor above ``--flag`` (30)
   with at least 5 ms at 10^5, or a call over ``--cap`` seconds, is flagged; a factor
   above the flag is first measured again, as timing noise does not repeat itself. Only
   the methods the module calls on the pattern are flagged (found in its source: on the
   global's name, or for patterns kept in a dict or tuple, on locals); the worst growth
   with any method is shown too.
2. Parsers. The public parsers are timed the same way on long adversarial strings.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib
import inspect
import pkgutil
import re
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import FrameType, MappingProxyType
from typing import Any

LENGTHS = (1_000, 10_000, 100_000)
GENERIC_PUMPS = (
    "1",
    " ",
    "a",
    "A",
    "1h",
    "1 h ",
    "1:",
    ":",
    "P",
    "T",
    "PT1",
    "1M",
    "&",
    "&amp;",
    "<![CDATA[",
    "]]>",
    "//",
    "/*",
    "<script",
    "rated ",
    "a.",
    "a-",
    "tt1",
    "1,",
    ",1",
    "1.",
    "-",
    "/",
    "\t",
    "()",
    "(",
    "é",
    "\ud800",
)
FAIL_SUFFIXES = ("\x00", "!")
_RE_FUNCS = frozenset({"compile", "match", "search", "fullmatch", "sub", "subn", "split"})
_RE_FUNCS |= {"findall", "finditer"}
_METHODS = ("search", "match", "fullmatch")


class _TimeoutError(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeoutError


@contextlib.contextmanager
def _cap(seconds: float) -> Iterator[None]:
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _time(call: Callable[[], object], cap: float, repeat: int = 1) -> float:
    """Seconds the fastest of *repeat* calls takes; inf past *cap*."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            with _cap(cap):
                call()
        except _TimeoutError:
            return float("inf")
        except Exception:
            pass
        best = min(best, time.perf_counter() - start)
    return best


# -- finding the patterns -----------------------------------------------------------------


@dataclass
class Found:
    where: str
    pattern: re.Pattern[str]
    #: The methods the module calls on it; all three when that cannot be told (a pattern
    #: in a dict, or one whose method is chosen at run time).
    used: set[str] = field(default_factory=lambda: set(_METHODS))
    # filled by measure_pattern(): the worst over the methods used, and over all three
    times: tuple[float, ...] = ()
    factor: float = 0.0
    worst: str = ""
    any_factor: float = 0.0
    any_worst: str = ""
    flagged: bool = False
    notes: list[str] = field(default_factory=list)


def _patterns_in(value: object, name: str, depth: int = 0) -> Iterator[tuple[str, Any]]:
    if isinstance(value, re.Pattern):
        yield name, value
    elif depth < 3 and isinstance(value, dict | MappingProxyType):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)
    elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{i}]", depth + 1)


def _inline(module: Any) -> Iterator[tuple[str, re.Pattern[str], str]]:
    """Literal patterns given to re.match(...) and the like inside functions."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError, SyntaxError):
        return
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_FUNCS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flags = 0
        for arg in [*node.args[1:], *(k.value for k in node.keywords if k.arg == "flags")]:
            for sub in ast.walk(arg):
                if isinstance(sub, ast.Attribute) and isinstance(getattr(re, sub.attr, None), int):
                    flags |= getattr(re, sub.attr)
        with contextlib.suppress(re.error):
            yield (
                f"{module.__name__}:{node.lineno}",
                re.compile(node.args[0].value, flags),
                (node.func.attr),
            )


#: The key of _used_methods() for calls on anything but a global name: ``pattern.search``
#: on a local, ``_ID_RES[name].search``. Patterns kept in containers are used that way.
_INDIRECT = "<indirect>"


def _used_methods(module: Any) -> dict[str, set[str]]:
    """Name -> the match methods the module calls on it (``_ISO.fullmatch(...)``)."""
    used: dict[str, set[str]] = {}
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError, SyntaxError):
        return used
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in _METHODS):
            continue
        if isinstance(node.value, ast.Name):
            if node.value.id == "re":
                continue  # re.match(literal): found by _inline()
            name = node.value.id if isinstance(vars(module).get(node.value.id), re.Pattern) else ""
            used.setdefault(name or _INDIRECT, set()).add(node.attr)
        else:
            used.setdefault(_INDIRECT, set()).add(node.attr)
    return used


def collect() -> list[Found]:
    import filmmeta

    modules = [filmmeta]
    for info in pkgutil.walk_packages(filmmeta.__path__, "filmmeta."):
        if info.name.endswith(".__main__"):
            continue  # importing it runs the command line
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError as err:  # an optional dependency of that module is missing
            print(f"note: {info.name} not imported: {err}")
    found: dict[tuple[str, int], Found] = {}
    for module in modules:
        spaces = [(module.__name__, vars(module))]
        spaces += [
            (f"{module.__name__}.{cls.__name__}", vars(cls))
            for cls in vars(module).values()
            if inspect.isclass(cls) and cls.__module__ == module.__name__
        ]
        used = _used_methods(module)
        for prefix, space in spaces:
            for name, value in list(space.items()):
                for where, pattern in _patterns_in(value, f"{prefix}.{name}"):
                    item = found.setdefault((pattern.pattern, pattern.flags), Found(where, pattern))
                    if isinstance(value, re.Pattern) and used.get(name):
                        item.used = used[name]
                    elif used.get(_INDIRECT):  # kept in a dict, or passed as an argument
                        item.used = used[_INDIRECT]
        for where, pattern, func in _inline(module):
            key = (pattern.pattern, pattern.flags)
            if key not in found:
                found[key] = Found(f"{where} (re.{func})", pattern)
                if func in _METHODS:
                    found[key].used = {func}
    return list(found.values())


# -- adversarial inputs from a pattern ----------------------------------------------------

_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "1",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "!",
    "CATEGORY_LINEBREAK": "\n",
    "CATEGORY_NOT_LINEBREAK": "a",
}
_CANDIDATES = "a1 !x.-_/:Z\t"


def _in_class(char: str, items: list[Any]) -> bool:
    code = ord(char)
    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and arg == code:
            return True
        if name == "RANGE" and arg[0] <= code <= arg[1]:
            return True
        if name == "CATEGORY":
            cat = str(arg)
            tests = {
                "CATEGORY_DIGIT": char.isdigit(),
                "CATEGORY_SPACE": char.isspace(),
                "CATEGORY_WORD": char.isalnum() or char == "_",
            }
            base = cat.replace("_NOT", "")
            if base in tests and tests[base] != ("_NOT_" in cat):
                return True
    return False


def _class_samples(items: list[Any]) -> list[str]:
    if items and str(items[0][0]) == "NEGATE":
        return [next((c for c in _CANDIDATES if not _in_class(c, items[1:])), "\x01")]
    out = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "RANGE":
            out += [chr(arg[0]), chr(arg[1])]
        elif name == "CATEGORY":
            out.append(_CATEGORY_SAMPLES.get(str(arg), "a"))
    return out or ["a"]


class _Sampler:
    """Walk a parsed pattern: a string it matches, and what its repeats repeat."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.runs: list[str] = []
        self.pumps: list[tuple[str, str]] = []  # (text leading up to the repeat, body)

    def sample(self, items: Any, lead: str = "") -> str:
        out = ""
        run = ""
        for op, arg in items:
            name = str(op)
            piece = ""
            if name == "LITERAL":
                piece = chr(arg)
                run += piece
                self.chars.append(piece)
            else:
                if len(run) > 1:
                    self.runs.append(run)
                run = ""
            if name == "NOT_LITERAL":
                piece = "x" if arg != ord("x") else "y"
            elif name == "ANY":
                piece = "a"
            elif name == "IN":
                samples = _class_samples(arg)
                self.chars += samples
                piece = samples[0]
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, _, sub = arg
                body = self.sample(sub, lead + out)
                if body:
                    self.pumps.append((lead + out, body))
                piece = body * max(low, 1)
            elif name == "SUBPATTERN":
                piece = self.sample(arg[-1], lead + out)
            elif name == "ATOMIC_GROUP":
                piece = self.sample(arg, lead + out)
            elif name == "BRANCH":
                alternatives = [self.sample(alt, lead + out) for alt in arg[1]]
                piece = alternatives[0]
            elif name == "GROUPREF_EXISTS":
                piece = self.sample(arg[1], lead + out)
            out += piece
        if len(run) > 1:
            self.runs.append(run)
        return out


def attack_inputs(pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """(lead, pump, tail) triples; the input is lead + pump * k + tail."""
    sampler = _Sampler()
    try:
        whole = sampler.sample(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, RecursionError, TypeError, ValueError):
        whole = ""
    found: dict[tuple[str, str, str], None] = {}
    for lead, body in sampler.pumps:
        for tail in FAIL_SUFFIXES:
            found[(lead, body, tail)] = None
            found[("", body, tail)] = None
    for pump in [*sampler.runs, *dict.fromkeys(sampler.chars), *GENERIC_PUMPS]:
        found[("", pump, FAIL_SUFFIXES[0])] = None
        for lead, _ in sampler.pumps[:2]:
            found[(lead, pump, FAIL_SUFFIXES[0])] = None
    if whole:
        found[("", whole, FAIL_SUFFIXES[0])] = None
        found[("", whole, "")] = None
    return [key for key in found if key[1]]


def _build(lead: str, pump: str, tail: str, length: int) -> str:
    return lead + pump * max(1, (length - len(lead) - len(tail)) // len(pump)) + tail


# -- measuring ----------------------------------------------------------------------------


def _growth(times: tuple[float, ...]) -> float:
    small, big = times[-2], times[-1]
    if big == float("inf"):
        return float("inf")
    return big / max(small, 1e-7)


def _confirm(call: Callable[[Any], object], args: list[Any], cap: float) -> float:
    """Time the last two lengths again: noise (another process, a cold cache) does not
    repeat itself, super-linear growth does."""
    small = _time(lambda: call(args[0]), cap, 5)
    big = _time(lambda: call(args[1]), cap, 3)
    return _growth((small, big))


def measure_pattern(item: Found, cap: float, flag: float) -> None:
    """Time *item* on every attack input with every method; keep the worst growths."""
    worst: dict[bool, tuple[float, float, tuple[float, ...], str]] = {
        True: (0.0, 0.0, (0.0,) * 3, ""),
        False: (0.0, 0.0, (0.0,) * 3, ""),
    }
    for lead, pump, tail in attack_inputs(item.pattern):
        texts = [_build(lead, pump, tail, n) for n in LENGTHS]
        for method in _METHODS:
            func = getattr(item.pattern, method)
            times: list[float] = []
            for text, repeat in zip(texts, (20, 5, 3), strict=True):
                if times and times[-1] > cap / 20:
                    times.append(float("inf"))  # growing too fast to wait for
                    continue
                times.append(_time(lambda f=func, t=text: f(t), cap, repeat))
            growth = _growth(tuple(times))
            if flag < growth < float("inf"):
                growth = min(growth, _confirm(lambda t, f=func: f(t), texts[-2:], cap))
            key = (growth if times[-1] > 0.005 else min(growth, 9.99), times[-1])
            shown = f"{method} {lead!r} + {pump!r} * k + {tail!r}"
            for used in {method in item.used, False}:
                if key > worst[used][:2]:
                    worst[used] = (key[0], key[1], tuple(times), shown)
    item.factor, _, item.times, item.worst = worst[True]
    item.any_factor, _, _, item.any_worst = worst[False]
    item.flagged = item.factor > flag


@dataclass
class Parser:
    name: str
    build: Callable[[int], Any]
    call: Callable[[Any], object]
    lengths: tuple[int, ...] = LENGTHS
    times: tuple[float, ...] = ()
    factor: float = 0.0
    flagged: bool = False


def parsers() -> list[Parser]:
    import filmmeta
    from filmmeta.formats import justwatch, omdb, schemaorg, tmdb

    ld = '{"@type": "Movie", "name": "%s"}'
    om = {"Title": "x", "Response": "True"}
    big = (1_000, 10_000, 100_000, 1_000_000)
    return [
        Parser("parse_runtime('1' * n)", lambda n: "1" * n, filmmeta.parse_runtime),
        Parser("parse_runtime('1' * 99)", lambda n: "1" * 99, filmmeta.parse_runtime),
        Parser("parse_runtime('1h ' * 33)", lambda n: "1h " * 33, filmmeta.parse_runtime),
        Parser("parse_runtime(' ' * n + '1')", lambda n: " " * n + "1", filmmeta.parse_runtime),
        Parser("parse_runtime('P' + '1' * n)", lambda n: "P" + "1" * n, filmmeta.parse_runtime),
        Parser("PartialDate.parse('1' * n)", lambda n: "1" * n, filmmeta.PartialDate.parse),
        Parser(
            "PartialDate.parse(' ' * n + '2000')",
            lambda n: " " * n + "2000",
            filmmeta.PartialDate.parse,
        ),
        Parser(
            "PartialDate.parse('1 ' * 49 + 'Nov')",
            lambda n: "1 " * 49 + "Nov",
            filmmeta.PartialDate.parse,
        ),
        Parser(
            "normalize_certification(' ' * n + 'R')",
            lambda n: " " * n + "R",
            filmmeta.normalize_certification,
        ),
        Parser(
            "normalize_certification('rated ' * n + 'R', US)",
            lambda n: "rated " * (n // 6) + "R",
            lambda s: filmmeta.normalize_certification(s, country="US"),
        ),
        Parser(
            "normalize_certification('Rated:' + ' ' * n)",
            lambda n: "Rated:" + " " * n + ":",
            filmmeta.normalize_certification,
        ),
        Parser(
            "from_jsonld('<![CDATA[' + ' ' * n)",
            lambda n: "<![CDATA[" + " " * n,
            schemaorg.from_jsonld,
            big,
        ),
        Parser(
            "from_jsonld('//' + '\\t' * n + 'x')",
            lambda n: "//" + "\t" * n + "x",
            schemaorg.from_jsonld,
            big,
        ),
        Parser(
            "from_jsonld('<![CDATA[' * n)",
            lambda n: "<![CDATA[" * (n // 9),
            schemaorg.from_jsonld,
            big,
        ),
        Parser(
            "from_jsonld('<script' + 'a' * n)",
            lambda n: "<script" + "a" * n,
            schemaorg.from_jsonld,
            big,
        ),
        Parser("from_jsonld('x]]>' * n)", lambda n: "x]]>" * (n // 4), schemaorg.from_jsonld, big),
        Parser("from_jsonld(name='&' * n)", lambda n: ld % ("&" * n), schemaorg.from_jsonld, big),
        Parser(
            "from_jsonld(name='&#' * n)",
            lambda n: ld % ("&#" * (n // 2)),
            schemaorg.from_jsonld,
            big,
        ),
        Parser(
            "from_jsonld(url='https://' + 'a.' * n)",
            lambda n: {"@type": "Movie", "name": "x", "url": "https://" + "a." * (n // 2)},
            lambda d: schemaorg.from_jsonld({**d, "aggregateRating": {"ratingValue": 1}}),
        ),
        Parser(
            "from_jsonld(sameAs='rottentomatoes.com/' + 'a/' * n)",
            lambda n: {
                "@type": "Movie",
                "name": "x",
                "sameAs": "rottentomatoes.com/" + "a/" * (n // 2) + "/",
            },
            schemaorg.from_jsonld,
        ),
        Parser(
            "from_omdb(Director='x' + ' ()' * n)",
            lambda n: {**om, "Director": "x" + " ()" * (n // 3)},
            omdb.from_omdb,
        ),
        Parser(
            "from_omdb(Writer='x' + '(' * n + ')' * n)",
            lambda n: {**om, "Writer": "x" + "(" * (n // 2 - 1) + ")" * (n // 2 - 1)},
            omdb.from_omdb,
        ),
        Parser(
            "from_omdb(Genre='a,' * n)",
            lambda n: {**om, "Genre": "a," * (n // 2)},
            omdb.from_omdb,
        ),
        Parser(
            "from_omdb(imdbVotes='1,000' * n)",
            lambda n: {**om, "imdbVotes": "1" + ",000" * (n // 4) + ","},
            omdb.from_omdb,
        ),
        Parser(
            "from_tmdb(overview='a' * n)",
            lambda n: {"id": 1, "title": "x", "overview": "a" * n},
            tmdb.from_tmdb,
        ),
        Parser(
            "offers_from_justwatch(full_path='/' * n)",
            lambda n: {"offers": [], "full_path": "/" * n},
            justwatch.offers_from_justwatch,
        ),
        Parser(
            "from_json(title='a' * n)",
            lambda n: '{"title": "%s"}' % ("a" * n),
            filmmeta.from_json,
            big,
        ),
    ]


def measure_parser(item: Parser, cap: float, flag: float) -> None:
    _time(lambda: item.call(item.build(item.lengths[0])), cap)  # first-use costs: caches
    times: list[float] = []
    for n in item.lengths:
        if times and times[-1] > cap / 20:
            times.append(float("inf"))
            continue
        arg = item.build(n)
        times.append(_time(lambda a=arg: item.call(a), cap, 5 if n < 10**5 else 3))
    item.times = tuple(times)
    growth = _growth(item.times)
    if flag < growth < float("inf"):
        args = [item.build(n) for n in item.lengths[-2:]]
        growth = min(growth, _confirm(item.call, args, cap))
    item.factor = growth if item.times[-1] > 0.005 else min(growth, 9.99)
    item.flagged = item.factor > flag


# -- output -------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return "  >cap" if seconds == float("inf") else f"{seconds * 1000:7.3f}"


def _factor(value: float) -> str:
    return "   inf" if value == float("inf") else f"{value:6.1f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fuzz/redos.py", description=__doc__.split("\n")[0])
    parser.add_argument("--cap", type=float, default=5.0, help="seconds per call (5)")
    parser.add_argument("--flag", type=float, default=30.0, help="growth to flag (30)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when flagged")
    parser.add_argument("--only", default="", help="measure patterns whose place has this")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    warnings.simplefilter("ignore")  # FilmmetaWarnings from the parser runs
    began = time.monotonic()

    found = [f for f in collect() if args.only in f.where]
    print(f"{len(found)} patterns; ms per call at n = 10^3, 10^4, 10^5 with the methods the")
    print("module uses (s=search, m=match, f=fullmatch); growth = t(10^5) / t(10^4), 10 is")
    print(f"linear, 100 quadratic; flagged above {args.flag:g}. 'any' is the worst growth with")
    print("any of the three methods, used or not.\n")
    print(
        f"{'where':<42} {'pattern':<30} {'use':<3} {'1e3':>7} {'1e4':>7} {'1e5':>7} "
        f"{'growth':>6} {'any':>6}"
    )
    for item in found:
        measure_pattern(item, args.cap, args.flag)
        text = repr(item.pattern.pattern)
        text = text if len(text) <= 30 else text[:27] + "..."
        use = "".join(m[0] if m != "fullmatch" else "f" for m in _METHODS if m in item.used)
        mark = "  FLAG" if item.flagged else ""
        print(
            f"{item.where[-42:]:<42} {text:<30} {use:<3} "
            f"{' '.join(_ms(t) for t in item.times)} {_factor(item.factor)} "
            f"{_factor(item.any_factor)}{mark}"
        )
        if item.flagged or args.only:
            print(f"    worst used: {item.worst}")
        if item.any_factor > args.flag and (item.any_worst != item.worst or args.only):
            print(f"    worst any:  {item.any_worst}")

    print(f"\n{'parser on adversarial text':<58} {'1e3':>7} {'1e4':>7} {'1e5':>7} {'1e6':>7}")
    measured = parsers()
    for item in measured:
        measure_parser(item, args.cap, args.flag)
        cells = [_ms(t) for t in item.times] + [" " * 7] * (4 - len(item.times))
        mark = "  FLAG" if item.flagged else ""
        print(f"{item.name[:58]:<58} {' '.join(cells)} {_factor(item.factor)}{mark}")

    flagged = [f.where for f in found if f.flagged] + [p.name for p in measured if p.flagged]
    worst = max((f.factor for f in found), default=0.0)
    latent = [f.where for f in found if not f.flagged and f.any_factor > args.flag]
    print(
        f"\nsummary: {len(found)} patterns, worst growth {worst:.1f} per 10x with the methods "
        f"used; super-linear only with a method the module does not use: "
        f"{', '.join(latent) or 'none'}; "
        f"{len(measured)} parser measurements; flagged: {', '.join(flagged) or 'none'} "
        f"({time.monotonic() - began:.0f} s)"
    )
    return 1 if flagged and args.strict else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
