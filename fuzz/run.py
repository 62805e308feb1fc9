"""Run the fuzz targets of fuzz/targets.py.

Usage::

    python fuzz/run.py --list
    python fuzz/run.py TARGET [libFuzzer args...]        # atheris, one target
    python fuzz/run.py --smoke [--runs N] [--max-time S] [--no-atheris] [TARGET...]
    python fuzz/run.py --repro TARGET FILE...            # replay inputs, print tracebacks

``TARGET`` with libFuzzer arguments runs atheris with coverage from
``atheris.instrument_imports()`` around the filmmeta imports; corpus directories and
``-max_total_time=``, ``-jobs=``, ``-workers=`` and the rest go straight to libFuzzer.
A dictionary in ``fuzz/dicts/TARGET.dict`` is passed unless ``-dict=`` is given.

``--smoke`` runs every target (or the ones named) in its own subprocess for ``--runs``
inputs each (default 3000), at most ``--max-time`` seconds each (default 20), starting
from ``fuzz/seeds/TARGET`` and ``fuzz/regressions/TARGET``; it exits 1 on any finding.
Without atheris (or with ``--no-atheris``) it uses a seeded random mutation driver over
the same targets and says so. Findings are written to ``fuzz/artifacts/``.

``--repro`` needs no atheris: it runs each file through the target in this process and
prints the traceback of whatever escapes, as a regression test would see it.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

FUZZ = Path(__file__).resolve().parent
SEEDS = FUZZ / "seeds"
REGRESSIONS = FUZZ / "regressions"
DICTS = FUZZ / "dicts"
ARTIFACTS = FUZZ / "artifacts"
#: The names of the targets, without importing filmmeta (see _load_targets).
TARGET_NAMES = (
    "parse_runtime",
    "partial_date",
    "normalize_certification",
    "from_json",
    "from_omdb",
    "from_tmdb",
    "from_jsonld",
    "offers_from_justwatch",
    "film_from_justwatch",
    "read_movies",
    "from_nfo",
    "read_letterboxd",
    "read_imdb_csv",
    "cli_read",
    "from_wikidata",
    "read_jsonl_columns",
    "read_arrow_rows",
    "read_imdb_tsv",
)
#: Folders of ../shared/corpus whose real files join a target's seeds when they are
#: there (a developer's checkout): the smoke run then mutates real documents too.
CORPUS_SEEDS = {
    "from_nfo": "nfo",
    "read_movies": "movielens",
    "read_letterboxd": "letterboxd",
    "read_imdb_csv": "imdb-csv",
    "read_imdb_tsv": "imdb-tsv",
}
CORPUS = FUZZ.parents[1] / "shared" / "corpus"
#: Seconds one input may take before it counts as a hang.
INPUT_TIMEOUT = 10
#: Longest input the random driver builds; libFuzzer's default -max_len is 4096 too.
MAX_LEN = 4096


def _load_targets(*, instrument: bool) -> dict[str, Callable[[bytes], None]]:
    """Import fuzz/targets.py, under atheris' instrumentation when asked."""
    sys.path.insert(0, str(FUZZ))
    if not instrument:
        import targets

        return targets.TARGETS
    import atheris

    # Every filmmeta module must be first imported here, or it runs without coverage.
    assert not any(m == "filmmeta" or m.startswith("filmmeta.") for m in sys.modules)
    with atheris.instrument_imports(include=["filmmeta", "dateutil"]):
        import dateutil.parser  # imported lazily by filmmeta: instrument it now
        import targets

        import filmmeta
        import filmmeta.converters
        import filmmeta.formats.justwatch
        import filmmeta.formats.omdb
        import filmmeta.formats.schemaorg
        import filmmeta.formats.tmdb

    del dateutil, filmmeta
    return targets.TARGETS


def _has_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


# -- one target under atheris -------------------------------------------------------------


def fuzz_with_atheris(name: str, libfuzzer_args: list[str]) -> None:
    import atheris

    target = _load_targets(instrument=True)[name]
    # libFuzzer starts -jobs, -workers and -fork children by running its argv[0] through
    # the shell: make that a command that reaches this target again.
    command = " ".join(shlex.quote(a) for a in (sys.executable, str(Path(__file__).resolve())))
    args = [f"{command} {name}", *libfuzzer_args]
    dictionary = DICTS / f"{name}.dict"
    if dictionary.exists() and not any(a.startswith("-dict=") for a in args):
        args.append(f"-dict={dictionary}")
    atheris.Setup(args, target)
    atheris.Fuzz()


# -- the fallback driver: seeded random mutations, no coverage feedback ---------------------


class _HangError(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _HangError(f"input took more than {INPUT_TIMEOUT} s")


def _inputs(name: str) -> list[bytes]:
    found = []
    folders = [SEEDS / name, REGRESSIONS / name]
    if name in CORPUS_SEEDS:
        folders.append(CORPUS / CORPUS_SEEDS[name])
    for folder in folders:
        if folder.is_dir():
            found += [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()]
    return found or [b""]


def _tokens(name: str) -> list[bytes]:
    """The dictionary's tokens: "quoted" libFuzzer entries with \\xNN escapes."""
    path = DICTS / f"{name}.dict"
    if not path.exists():
        return []
    tokens: list[bytes] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()  # noqa: PLW2901
        if line.startswith("#") or '"' not in line:
            continue
        body = line[line.index('"') + 1 : line.rindex('"')]
        tokens.append(body.encode("utf-8").decode("unicode_escape").encode("latin-1"))
    return tokens


def _mutate(rng: random.Random, data: bytes, pool: list[bytes], tokens: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 5, 8))):
        op = rng.randrange(9)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1 and buf:  # an interesting byte
            buf[rng.randrange(len(buf))] = rng.choice(b'\x00\xff\x7f\x80"\\{}[],:0-. \n')
        elif op == 2:  # insert random bytes
            buf[pos:pos] = rng.randbytes(rng.randrange(1, 9))
        elif op == 3 and buf:  # delete a range
            buf[pos : pos + rng.randrange(1, 17)] = b""
        elif op == 4 and buf:  # repeat a range
            start = rng.randrange(len(buf))
            chunk = buf[start : start + rng.randrange(1, 33)]
            buf[pos:pos] = chunk * rng.choice((2, 3, 10, 100))
        elif op == 5 and tokens:  # insert a dictionary token
            buf[pos:pos] = rng.choice(tokens)
        elif op == 6 and pool:  # splice with another input
            other = rng.choice(pool)
            cut = rng.randrange(len(other) + 1)
            buf = buf[:pos] + bytearray(other[cut:])
        elif op == 7 and buf:  # truncate
            del buf[pos:]
        elif op == 8:  # a digit run or a number
            buf[pos:pos] = rng.choice((b"9" * rng.randrange(1, 40), b"-1", b"1e999", b"0.5"))
    return bytes(buf[:MAX_LEN])


def fuzz_randomly(name: str, runs: int, max_time: float, seed: int) -> int:
    """Run target *name* on mutations of its seeds; return the number of findings."""
    target = _load_targets(instrument=False)[name]
    rng = random.Random(f"{seed}:{name}")
    seeds = _inputs(name)
    pool = list(seeds)
    tokens = _tokens(name)
    findings: dict[str, bytes] = {}
    signal.signal(signal.SIGALRM, _alarm)
    start = time.monotonic()
    done = 0
    slowest = (0.0, b"")
    for done in range(1, runs + 1):
        if done <= len(seeds):
            data = seeds[done - 1]
        elif rng.random() < 0.05:
            data = rng.randbytes(rng.randrange(0, 256))
        else:
            data = _mutate(rng, rng.choice(pool), pool, tokens)
        began = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, INPUT_TIMEOUT)
        try:
            target(data)
        except (Exception, _HangError) as exc:  # every escape is a finding
            signal.setitimer(signal.ITIMER_REAL, 0)
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{type(exc).__name__} at {tb[-1].filename}:{tb[-1].lineno}" if tb else ""
            if where not in findings:
                findings[where] = data
                path = _save(name, data)
                print(f"\n=== finding in {name}: {where}\ninput: {data[:300]!r}")
                print(f"saved: {path}")
                traceback.print_exception(exc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - began
        if took > slowest[0]:
            slowest = (took, data)
        if len(pool) < 2000 and rng.random() < 0.02:
            pool.append(data)  # no coverage to go by: keep a few mutants to mutate further
        if time.monotonic() - start > max_time:
            break
    elapsed = time.monotonic() - start
    print(
        f"{name}: {done} inputs in {elapsed:.1f} s ({done / max(elapsed, 1e-9):.0f}/s), "
        f"slowest {slowest[0] * 1000:.1f} ms, {len(findings)} finding(s)"
    )
    return len(findings)


def _save(name: str, data: bytes) -> Path:
    folder = ARTIFACTS / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{hashlib.sha1(data).hexdigest()}"
    path.write_bytes(data)
    return path


# -- smoke: every target, each in a subprocess --------------------------------------------


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="filmmeta-fuzz-") as tmp:
        yield Path(tmp)


def smoke(names: list[str], runs: int, max_time: float, *, use_atheris: bool, seed: int) -> int:
    if use_atheris:
        print(f"smoke: atheris (libFuzzer), {runs} inputs or {max_time:g} s per target")
    else:
        print(
            "smoke: atheris is not available, using the fallback seeded random mutation "
            f"driver (seed {seed}, no coverage feedback), {runs} inputs or {max_time:g} s "
            "per target"
        )
    failed = []
    began = time.monotonic()
    for name in names:
        start = time.monotonic()
        if use_atheris:
            ok, summary = _smoke_atheris(name, runs, max_time, seed)
        else:
            ok, summary = _smoke_random(name, runs, max_time, seed)
        print(
            f"  {'ok  ' if ok else 'FAIL'} {name:<24} {time.monotonic() - start:5.1f} s  {summary}"
        )
        if not ok:
            failed.append(name)
    print(f"smoke: {len(names)} targets in {time.monotonic() - began:.1f} s", end="")
    print(f"; findings in: {', '.join(failed)}" if failed else "; no findings")
    return 1 if failed else 0


def _run(cmd: list[str], max_time: float) -> tuple[int | None, str]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run(
            cmd,
            check=False,  # the exit code is the finding
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # one stream, in order: the traceback, then the input
            text=True,
            errors="replace",
            timeout=max_time + 90,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or b""
        text = out.decode(errors="replace") if isinstance(out, bytes) else str(out)
        return None, text + "\n(killed: the target hung past its time cap)"
    return done.returncode, done.stdout


def _smoke_atheris(name: str, runs: int, max_time: float, seed: int) -> tuple[bool, str]:
    artifacts = ARTIFACTS / name
    artifacts.mkdir(parents=True, exist_ok=True)
    with _scratch() as corpus:
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            name,
            f"-runs={runs}",
            # A fixed seed: the smoke run in CI checks the same inputs every time, so it
            # goes red for a change in filmmeta, never for a lucky draw. Long campaigns
            # (see README.md) draw new ones.
            f"-seed={seed + 1}",
            f"-max_total_time={int(max_time)}",
            f"-timeout={INPUT_TIMEOUT}",
            "-rss_limit_mb=2048",
            f"-max_len={MAX_LEN}",
            f"-artifact_prefix={artifacts}/",
            "-print_final_stats=1",
            str(corpus),  # new inputs go to the first directory: keep the seeds clean
            *(str(d / name) for d in (SEEDS, REGRESSIONS) if (d / name).is_dir()),
        ]
        code, output = _run(cmd, max_time)
    stats = dict(re.findall(r"^stat::(\w+):\s+(\S+)", output, re.MULTILINE))
    summary = f"{stats.get('number_of_executed_units', '?')} inputs"
    cov = re.findall(r" cov: (\d+) ", output)
    if cov:
        summary += f", coverage {cov[-1]} edges"
    if code == 0:
        return True, summary
    lines = output.splitlines()
    # From the Python traceback (or libFuzzer's report of a hang or OOM) to the input.
    start = next(
        (i for i, ln in enumerate(lines) if any(m in ln for m in _REPORT_MARKERS)),
        max(len(lines) - 40, 0),
    )
    print(f"\n=== finding in {name} (exit {code}):")
    print("\n".join(ln for ln in lines[start:] if not ln.startswith(("stat::", "#"))))
    return False, summary + f"; input saved in {artifacts}"


_REPORT_MARKERS = ("=== Uncaught Python exception", "ALARM: working", "ERROR: libFuzzer")


def _smoke_random(name: str, runs: int, max_time: float, seed: int) -> tuple[bool, str]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--random",
        name,
        f"--runs={runs}",
        f"--max-time={max_time}",
        f"--seed={seed}",
    ]
    code, output = _run(cmd, max_time)
    lines = output.strip().splitlines()
    summary = lines[-1].split(": ", 1)[-1] if lines else ""
    if code == 0:
        return True, summary
    print(f"\n=== findings in {name} (exit {code}):")
    print("\n".join(lines[-80:]))
    return False, summary


# -- replaying inputs ---------------------------------------------------------------------


def repro(name: str, files: list[str]) -> int:
    target = _load_targets(instrument=False)[name]
    failed = 0
    for file in files:
        data = Path(file).read_bytes()
        try:
            target(data)
        except Exception:  # every escape is what we are here to show
            failed += 1
            print(f"=== {file}: {data[:300]!r}")
            traceback.print_exc()
        else:
            print(f"ok  {file}")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    if argv and argv[0] in TARGET_NAMES:
        fuzz_with_atheris(argv[0], argv[1:])
        return 0
    parser = argparse.ArgumentParser(
        prog="fuzz/run.py", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--list", action="store_true", help="print the target names")
    mode.add_argument("--smoke", action="store_true", help="a short run of every target")
    mode.add_argument("--repro", metavar="TARGET", choices=TARGET_NAMES, help="replay files")
    mode.add_argument("--random", metavar="TARGET", choices=TARGET_NAMES, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=3000, help="inputs per target (3000)")
    parser.add_argument("--max-time", type=float, default=20, help="seconds per target (20)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fallback driver (0)")
    parser.add_argument("--no-atheris", action="store_true", help="use the fallback driver")
    parser.add_argument("names", nargs="*", metavar="TARGET|FILE")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(TARGET_NAMES))
        return 0
    if args.repro:
        return repro(args.repro, args.names)
    if args.random:
        return 1 if fuzz_randomly(args.random, args.runs, args.max_time, args.seed) else 0
    unknown = sorted(set(args.names) - set(TARGET_NAMES))
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    use_atheris = not args.no_atheris and _has_atheris()
    return smoke(
        args.names or list(TARGET_NAMES),
        args.runs,
        args.max_time,
        use_atheris=use_atheris,
        seed=args.seed,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
