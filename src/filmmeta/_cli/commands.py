"""The commands: ``show``, ``validate`` and ``convert``.

Each reads every file to its end: a problem is printed on standard error with its file
(and line) and counted, and the next document is read. The exit status is 1 if there was
any problem.
"""

from __future__ import annotations

import argparse
import errno
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO

import attrs

from filmmeta._cli.formats import INPUTS, OUTPUTS, InputFormat
from filmmeta._cli.inputs import STDIN, UnreadableError, read_items
from filmmeta._cli.progress import make_progress
from filmmeta._model import Film
from filmmeta._words.describe import describe, fact_sheet, where_to_watch
from filmmeta._words.page import page
from filmmeta._words.reception import reception
from filmmeta.converters import from_dict

__all__ = ["convert", "show", "validate"]


@attrs.define
class _Tally:
    valid: int = 0
    invalid: int = 0
    unreadable: int = 0

    @property
    def status(self) -> int:
        return 1 if self.invalid or self.unreadable else 0


def _films(
    files: Sequence[str],
    fmt: InputFormat | None,
    args: argparse.Namespace,
    tally: _Tally,
) -> Iterator[Film]:
    """The films of every file; problems go to standard error and into *tally*."""
    progress = functools.partial(make_progress, quiet=getattr(args, "quiet", False))
    first_only = getattr(args, "errors", "all") == "first"
    for name, found in _paths(files, fmt):
        try:
            for item in read_items(name, found, progress=progress):
                if item.film is not None:
                    tally.valid += 1
                    yield item.film
                    continue
                tally.invalid += 1
                sys.stderr.write("".join(line + "\n" for line in item.problems()))
                if first_only:
                    return
        except UnreadableError as err:
            tally.unreadable += 1
            sys.stderr.write(f"{err}\n")
            if first_only:
                return


def _unused(path: str, written: set[str]) -> str:
    """*path*, or its folder numbered (``Heat (1995) 2``) when this run wrote it already."""
    folder, name = os.path.split(path)
    number, chosen = 1, path
    while chosen in written:
        number += 1
        chosen = os.path.join(f"{folder} {number}", name)
    written.add(chosen)
    return chosen


def _paths(
    files: Sequence[str], fmt: InputFormat | None
) -> Iterator[tuple[str, InputFormat | None]]:
    """Each file with its format; a folder gives the files of its tree a format reads.

    A Kodi library is a folder per film, each with its NFO: ``convert --from nfo LIBRARY``
    reads every ``.nfo`` in it. A folder with no such file is given on as it is (and
    reported as unreadable).
    """
    for name in files:
        if name == STDIN or not os.path.isdir(name):
            yield name, fmt
            continue
        formats = [fmt] if fmt is not None else list(INPUTS.values())
        found = False
        for root, folders, names in os.walk(name):
            folders.sort()
            for file in sorted(names):
                reader = next((f for f in formats if file.lower().endswith(f.suffixes)), None)
                if reader is not None:
                    found = True
                    yield os.path.join(root, file), reader
        if not found:
            yield name, fmt


def _input_format(args: argparse.Namespace) -> InputFormat | None:
    return None if args.source is None else INPUTS[args.source]


def show(args: argparse.Namespace, out: IO[str]) -> int:
    """Print each film's title, fact sheet and sentences."""
    tally = _Tally()
    files = args.files or [None]
    shown = 0
    for name in files:
        films = [_bundled()] if name is None else _films([name], _input_format(args), args, tally)
        for film in films:
            out.write("\n" if shown else "")
            if args.locale is None and args.page_format is None:
                _show_one(film, out, args.country or "US")
            else:
                out.write(
                    page(
                        film,
                        locale=args.locale or "en-US",
                        country=args.country,
                        format=args.page_format or "text",
                    )
                )
            shown += 1
    return tally.status


def _bundled() -> Film:
    from importlib import resources

    from filmmeta.converters import from_json

    return from_json((resources.files("filmmeta") / "data" / "backstage.json").read_bytes())


def _show_one(film: Film, out: IO[str], country: str) -> None:
    out.write(f"{film.title}\n\n")
    sheet = fact_sheet(film, country=country)
    width = max((len(label) for label in sheet), default=0)
    for label, value in sheet.items():
        out.write(f"  {label:<{width}}  {value}\n")
    out.write("\n")
    for sentence in (describe(film), reception(film), where_to_watch(film)):
        if sentence:
            out.write(sentence + "\n")


def validate(args: argparse.Namespace, out: IO[str]) -> int:
    """Check canonical JSON files; the counts end the run."""
    strict = not args.lenient
    canonical = attrs.evolve(INPUTS["json"], from_json=functools.partial(from_dict, strict=strict))
    tally = _Tally()
    for _ in _films(args.files, canonical, args, tally):
        pass
    out.write(f"{tally.valid} valid, {tally.invalid} invalid, {tally.unreadable} unreadable\n")
    return tally.status


def convert(args: argparse.Namespace, out: IO[str]) -> int:
    """Write the films of every file in the ``--to`` format."""
    target = OUTPUTS[args.target]
    folder = args.output is not None and os.path.isdir(args.output)
    if folder and target.path is None:
        # The error opening a folder for writing gives, for formats written as one stream.
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), args.output)
    tally = _Tally()
    written: set[str] = set()
    for film in _films(args.files, _input_format(args), args, tally):
        if not folder:
            out.write(target.write(film))
            continue
        assert target.path is not None
        path = _unused(os.path.join(args.output, target.path(film)), written)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write(target.write(film))
    if tally.status:
        sys.stderr.write(
            f"{tally.valid} converted, {tally.invalid} invalid, {tally.unreadable} unreadable\n"
        )
    return tally.status
