"""The command line: ``python -m filmmeta show | validate | convert``."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any

from filmmeta._json import jsonlib as _jsonlib
from filmmeta._model.film import Film
from filmmeta._words.describe import describe, fact_sheet, where_to_watch
from filmmeta._words.reception import reception
from filmmeta.converters import from_dict, from_json, to_json
from filmmeta.exceptions import FilmmetaError, FilmmetaWarning, ValidationError

__all__ = ["main"]

_BUNDLED = "backstage.json"


def _bundled_text() -> str:
    return (resources.files("filmmeta") / "data" / _BUNDLED).read_text(encoding="utf-8")


def _read_film(path: str | None) -> Film:
    text = _bundled_text() if path is None else Path(path).read_text(encoding="utf-8")
    return from_json(text)


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    film = _read_film(args.file)
    out.write(f"{film.title}\n\n")
    sheet = fact_sheet(film, country=args.country)
    width = max((len(label) for label in sheet), default=0)
    for label, value in sheet.items():
        out.write(f"  {label:<{width}}  {value}\n")
    out.write("\n")
    for sentence in (describe(film), reception(film), where_to_watch(film)):
        if sentence:
            out.write(sentence + "\n")
    return 0


class _Progress:
    """A line counter on stderr for long inputs, shown only when stderr is a terminal."""

    EVERY = 10_000

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.shown = stream.isatty()
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.shown and self.count % self.EVERY == 0:
            self.stream.write(f"\r{self.count:,} lines")
            self.stream.flush()

    def done(self) -> None:
        if self.shown and self.count >= self.EVERY:
            self.stream.write(f"\r{self.count:,} lines\n")
            self.stream.flush()


def _lines(path: str, progress: _Progress) -> Iterator[tuple[int | None, str]]:
    """Yield ``(line number, text)`` for JSON Lines, ``(None, text)`` for a JSON file."""
    if path.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8") as file:
            for number, line in enumerate(file, start=1):
                progress.tick()
                if line.strip():
                    yield number, line
    else:
        yield None, Path(path).read_text(encoding="utf-8")


def _validate(args: argparse.Namespace, out: IO[str]) -> int:
    failed = 0
    checked = 0
    progress = _Progress(sys.stderr)
    for path in args.files:
        for number, text in _lines(path, progress):
            checked += 1
            try:
                from_json(text, strict=not args.lenient)
            except ValidationError as err:
                failed += 1
                where = f"{path}:{number}" if number is not None else path
                for error_path, message in err.errors:
                    sys.stderr.write(f"{where}: {error_path}: {message}\n")
    progress.done()
    out.write(f"{checked - failed} valid, {failed} invalid\n")
    return 1 if failed else 0


def _from_canonical(obj: Any) -> Film:
    return from_dict(obj)


def _importer(name: str) -> Callable[[Any], Film]:
    if name == "omdb":
        from filmmeta.formats.omdb import from_omdb

        return from_omdb
    if name == "tmdb":
        from filmmeta.formats.tmdb import from_tmdb

        return from_tmdb
    if name == "jsonld":
        from filmmeta.formats.schemaorg import from_jsonld

        return from_jsonld
    return _from_canonical


def _convert(args: argparse.Namespace, out: IO[str]) -> int:
    reader = _importer(args.source)
    progress = _Progress(sys.stderr)
    for path in args.files:
        for number, text in _lines(path, progress):
            try:
                film = reader(_jsonlib.loads(text))
            except ValidationError as err:
                if number is None:
                    raise err.with_file(path) from None
                raise err.with_line(number, path) from None
            if args.target == "jsonl":
                out.write(to_json(film) + "\n")
            elif args.target == "json":
                out.write(to_json(film, indent=2) + "\n")
            else:
                from filmmeta.formats.schemaorg import to_jsonld

                out.write(_jsonlib.dumps(to_jsonld(film), indent=2) + "\n")
    progress.done()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="filmmeta", description="Read, check and describe film metadata."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser("show", help="print a film's fact sheet and sentences")
    show.add_argument(
        "file", nargs="?", help="a canonical JSON film (default: the bundled Backstage)"
    )
    show.add_argument("--country", default="US", help="whose content rating to show")
    show.set_defaults(run=_show)

    validate = commands.add_parser("validate", help="check canonical JSON or JSONL files")
    validate.add_argument("files", nargs="+", metavar="FILE", help=".json or .jsonl files")
    validate.add_argument("--lenient", action="store_true", help="ignore unknown keys")
    validate.set_defaults(run=_validate)

    convert = commands.add_parser("convert", help="convert films between formats")
    convert.add_argument(
        "--from",
        dest="source",
        choices=("json", "omdb", "tmdb", "jsonld"),
        default="json",
        help="the input format (default: canonical json)",
    )
    convert.add_argument(
        "--to",
        dest="target",
        choices=("json", "jsonl", "jsonld"),
        default="jsonl",
        help="the output format (default: jsonl)",
    )
    convert.add_argument("files", nargs="+", metavar="FILE", help=".json or .jsonl files")
    convert.set_defaults(run=_convert)
    return parser


def _show_warning(  # noqa: PLR0917 - the signature of warnings.showwarning
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: IO[str] | None = None,
    line: str | None = None,
) -> None:
    sys.stderr.write(f"filmmeta: warning: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        0 on success, 1 when the input was invalid, 2 for a usage error.
    """
    args = _parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            # Values an importer leaves out are news for the user, said once each.
            warnings.simplefilter("always", FilmmetaWarning)
            warnings.showwarning = _show_warning
            status: int = args.run(args, sys.stdout)
    except FilmmetaError as err:
        for line in str(err).splitlines():
            sys.stderr.write(f"filmmeta: error: {line}\n")
        return 1
    except OSError as err:
        sys.stderr.write(f"filmmeta: error: {err}\n")
        return 1
    return status
