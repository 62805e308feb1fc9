"""The command line's parser and entry point: ``python -m filmmeta show | validate | convert``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import IO

from filmmeta._cli import commands
from filmmeta._cli.formats import INPUTS, OUTPUTS
from filmmeta._cli.inputs import STDIN
from filmmeta.exceptions import FilmmetaError, FilmmetaWarning

__all__ = ["main"]

_FILES_HELP = ".json or .jsonl files, or - for standard input"


def _version() -> str:
    from importlib.metadata import version

    from filmmeta._json import build

    # Which build runs: the compiled one decodes a third faster (docs/performance.md).
    return f"filmmeta {version('filmmeta')} ({build()})"


def _add_reading(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-q", "--quiet", action="store_true", help="show no progress bar on long inputs"
    )


def _add_errors(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--errors",
        choices=("all", "first"),
        default="all",
        help="all: report every problem (default); first: stop at the first one",
    )


def _add_from(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--from",
        dest="source",
        choices=tuple(INPUTS),
        default=None,
        help="the input format (default: told from each document); "
        + "; ".join(f"{f.name}: {f.help}" for f in INPUTS.values()),
    )


def _add_output(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="filmmeta", description="Read, check and describe film metadata."
    )
    parser.add_argument("--version", action="version", version=_version())
    commands_ = parser.add_subparsers(dest="command", required=True)

    show = commands_.add_parser("show", help="print a film's fact sheet and sentences")
    show.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="films in any input format, or - (default: the bundled Backstage)",
    )
    show.add_argument(
        "--country",
        default=None,
        help="whose content rating to show (default: the locale's country; US)",
    )
    show.add_argument(
        "--locale",
        default=None,
        help="write the page in this language: en-US, en-GB, de-DE, fr-FR, es-ES, it-IT, "
        "pt-BR, ja-JP (needs the i18n extra but for English)",
    )
    show.add_argument(
        "--format",
        dest="page_format",
        choices=("text", "markdown", "html"),
        default=None,
        help="write the whole page in this format (default with --locale: text)",
    )
    _add_from(show)
    _add_output(show)
    show.set_defaults(run=commands.show, quiet=True)

    validate = commands_.add_parser("validate", help="check canonical JSON or JSONL files")
    validate.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    validate.add_argument("--lenient", action="store_true", help="ignore unknown keys")
    _add_errors(validate)
    _add_reading(validate)
    validate.set_defaults(run=commands.validate, output=None)

    convert = commands_.add_parser("convert", help="convert films between formats")
    convert.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    _add_from(convert)
    convert.add_argument(
        "--to",
        dest="target",
        choices=tuple(OUTPUTS),
        default="jsonl",
        help="the output format (default: jsonl); "
        + "; ".join(f"{f.name}: {f.help}" for f in OUTPUTS.values()),
    )
    _add_output(convert)
    _add_errors(convert)
    _add_reading(convert)
    convert.set_defaults(run=commands.convert)
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


@contextlib.contextmanager
def _output(name: str | None) -> Iterator[IO[str]]:
    # A folder is for formats that write a file per film (convert --to nfo -o LIBRARY).
    if name is None or name == STDIN or os.path.isdir(name):
        yield sys.stdout
        return
    with open(name, "w", encoding="utf-8", newline="\n") as file:
        yield file


def _run(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(), _output(args.output) as out:
        # Values an importer leaves out are news for the user, said once each.
        warnings.simplefilter("always", FilmmetaWarning)
        warnings.showwarning = _show_warning
        status: int = args.run(args, out)
        out.flush()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        0 on success, 1 when an input was invalid or unreadable, 2 for a usage error.
    """
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("filmmeta: interrupted\n")
        return 130
    except FilmmetaError as err:
        for line in str(err).splitlines():
            sys.stderr.write(f"filmmeta: error: {line}\n")
        return 1
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        sys.stderr.write(f"filmmeta: error: {where}{(err.strerror or str(err)).lower()}\n")
        return 1
