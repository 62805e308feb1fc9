r"""IMDb's dataset files: which file is which, their headers, and their rows in Arrow batches.

Behind :mod:`filmmeta.formats.imdb`. A file is known by its name (``title.basics.tsv``,
``title.basics.tsv.gz``, with any prefix), else by its header. Rows are read by pyarrow's
streaming CSV reader with IMDb's rules: tab-separated, no quoting (titles hold ``"``),
``\N`` for null, every column as text (each one is checked and converted by the reader
that uses it, so that a bad value is reported with its line).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from filmmeta._model import shown
from filmmeta.exceptions import ValidationError

__all__ = ["DATASETS", "DataFile", "batches", "checked", "find_files", "selected_rows"]

#: Each dataset's columns that filmmeta reads, in IMDb's order (the others are ignored).
DATASETS: dict[str, tuple[str, ...]] = {
    "title.basics": (
        "tconst",
        "titleType",
        "primaryTitle",
        "originalTitle",
        "startYear",
        "runtimeMinutes",
        "genres",
    ),
    "title.ratings": ("tconst", "averageRating", "numVotes"),
    "title.akas": (
        "titleId",
        "ordering",
        "title",
        "region",
        "language",
        "types",
        "attributes",
        "isOriginalTitle",
    ),
    "title.crew": ("tconst", "directors", "writers"),
    "title.principals": ("tconst", "ordering", "nconst", "category", "characters"),
    "name.basics": ("nconst", "primaryName"),
}
_SUFFIXES = (".tsv", ".tsv.gz")
#: A pattern that a column's values match, and what they are (for the error).
Rule = tuple[str, str]
ORDERING: Rule = ("^[0-9]{1,9}$", "a number")
# Enough of a file to hold its header line; longer "headers" are not IMDb's.
_HEAD = 1 << 16


@attrs.frozen
class DataFile:
    """One file of one of IMDb's datasets."""

    path: str
    dataset: str

    @property
    def name(self) -> str:
        """The file's name, as errors and warnings give it."""
        return os.path.basename(self.path)


def _by_name(path: str) -> str | None:
    name = os.path.basename(path)
    for dataset in DATASETS:
        if any(name.endswith(dataset + suffix) for suffix in _SUFFIXES):
            return dataset
    return None


def _header(path: str) -> tuple[str, ...]:
    import pyarrow as pa

    with pa.input_stream(path, compression="detect") as stream:
        try:
            head = stream.read(_HEAD)
        except (pa.ArrowException, OSError) as exc:
            raise _broken(path, exc) from None
    line = head.split(b"\n", 1)[0].rstrip(b"\r").removeprefix(b"\xef\xbb\xbf")
    return tuple(line.decode("utf-8", "replace").split("\t"))


def _broken(path: str, exc: Exception) -> ValidationError:
    return ValidationError.at("$", f"cannot be read: {exc}").with_file(os.path.basename(path))


def _shown_line(header: tuple[str, ...]) -> str:
    return shown("\t".join(header))


def _identify(path: str) -> DataFile:
    """The dataset *path* holds, from its name or else its header."""
    dataset = _by_name(path)
    header = _header(path)
    if dataset is None:
        found = [name for name, columns in DATASETS.items() if set(columns) <= set(header)]
        if found:
            return DataFile(path, found[0])
        raise ValidationError.at(
            "$",
            f"not one of IMDb's datasets ({', '.join(DATASETS)}): line 1 is "
            f"{_shown_line(header)}, not a tab-separated header line of one",
        ).with_line(1, os.path.basename(path))
    missing = [column for column in DATASETS[dataset] if column not in header]
    if missing:
        raise ValidationError.at(
            "$",
            f"not IMDb's {dataset}: no column {', '.join(missing)} (IMDb's files are "
            f"tab-separated with a header line; line 1 is {_shown_line(header)})",
        ).with_line(1, os.path.basename(path))
    return DataFile(path, dataset)


def find_files(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[DataFile]:
    """The dataset files of *source*: a folder, a file, or several of either.

    A folder's files are read when their names say which dataset they hold (so a README
    beside them is not); a file given by itself must be one of the datasets.
    """
    given = [source] if isinstance(source, str | os.PathLike) else list(source)
    files: list[DataFile] = []
    for item in given:
        path = os.fspath(item)
        if os.path.isdir(path):
            # A folder's other files (a README) are not read.
            inside = [name for name in sorted(os.listdir(path)) if _by_name(name) is not None]
            files.extend(_identify(os.path.join(path, name)) for name in inside)
        else:
            files.append(_identify(path))
    if not any(file.dataset == "title.basics" for file in files):
        shown_given = ", ".join(os.fspath(item) for item in given) or "nothing"
        raise ValidationError.at("$", f"no title.basics file in {shown_given}")
    return files


def _lines(stream: Any) -> Iterator[bytes]:
    """The lines of a pyarrow input stream, without their line ends."""
    rest = b""
    while chunk := stream.read(_HEAD):
        *lines, rest = (rest + chunk).split(b"\n")
        yield from (line.removesuffix(b"\r") for line in lines)
    if rest:
        yield rest.removesuffix(b"\r")


def _locate(file: DataFile, exc: Exception) -> ValidationError:
    """The error of a file pyarrow could not read, on its first bad line when one is found."""
    import pyarrow as pa

    header = _header(file.path)
    with pa.input_stream(file.path, compression="detect") as stream:
        try:
            for number, line in enumerate(_lines(stream), 1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError as err:
                    message = f"is not UTF-8 text (byte {err.start + 1})"
                    return ValidationError.at("$", message).with_line(number, file.name)
                fields = line.count(b"\t") + 1
                if line and fields != len(header):
                    message = (
                        f"has {fields} field(s), the header {len(header)} (IMDb's files "
                        "are tab-separated, one line per row)"
                    )
                    return ValidationError.at("$", message).with_line(number, file.name)
        except (pa.ArrowException, OSError) as err:
            exc = err
    return _broken(file.path, exc)


def batches(file: DataFile, columns: Sequence[str], block_size: int) -> Iterator[tuple[int, Any]]:
    """The file's rows in record batches of *columns*, each with the line of its first row.

    Every physical line is a row (a blank one is a row of empty fields, which no title
    or person has), so lines are counted exactly.
    """
    import pyarrow as pa
    from pyarrow import csv

    try:
        reader = csv.open_csv(
            file.path,
            read_options=csv.ReadOptions(block_size=block_size),
            parse_options=csv.ParseOptions(
                delimiter="\t", quote_char=False, ignore_empty_lines=False
            ),
            convert_options=csv.ConvertOptions(
                include_columns=list(columns),
                column_types=dict.fromkeys(columns, pa.string()),
                null_values=["\\N"],
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, OSError) as exc:
        raise _locate(file, exc) from None
    line = 2
    with reader:
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                return
            except (pa.ArrowException, OSError) as exc:
                raise _locate(file, exc) from None
            yield line, batch
            line += batch.num_rows


def selected_rows(batch: Any, mask: Any, line: int) -> tuple[Any, Any]:
    """The rows of *batch* where *mask* is true, and their lines in the file."""
    import pyarrow as pa
    import pyarrow.compute as pc

    indices = pc.indices_nonzero(mask)
    lines = pc.add(indices.cast(pa.int64()), line)
    return batch.take(indices), lines


def checked(file: DataFile, lines: Any, column: str, values: Any, rule: Rule) -> None:
    """Raise for the first of *values* (nulls aside) that does not follow *rule*.

    Args:
        file: The file the values come from.
        lines: Each value's line in the file.
        column: The column, as IMDb names it (the error's path).
        values: The column's text.
        rule: An RE2 pattern that every value matches from start to end, and what the
            value should be, for the message ("a year").
    """
    import pyarrow.compute as pc

    pattern, what = rule
    good = pc.match_substring_regex(values, pattern)
    bad = pc.invert(pc.fill_null(good, True))
    if not pc.any(bad).as_py():
        return
    first = pc.index(bad, True).as_py()
    value = values[first].as_py()
    raise ValidationError.at(column, f"{shown(value)} is not {what}").with_line(
        lines[first].as_py(), file.name
    )
