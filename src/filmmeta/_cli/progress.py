"""Progress on long inputs: a tqdm bar (the ``progress`` extra) on standard error.

A bar shows bytes read of the file's size, the rate and the time left; it is shown only
when standard error is a terminal and ``--quiet`` is not given, so pipes and logs stay
clean. Without tqdm a plain percentage stands in.
"""

from __future__ import annotations

import sys
from typing import IO, Any

__all__ = ["Progress", "make_progress"]


class Progress:
    """A progress display that shows nothing: the one for pipes and ``--quiet``."""

    def update(self, amount: int) -> None:
        """Count *amount* more bytes read."""

    def close(self) -> None:
        """End the display, leaving its last state on screen once."""

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Bar(Progress):
    def __init__(self, bar: Any) -> None:
        self.bar = bar

    def update(self, amount: int) -> None:
        self.bar.update(amount)

    def close(self) -> None:
        self.bar.close()


class _Percent(Progress):
    """Without tqdm: the percentage read (MiB when the size is unknown), rewritten in place."""

    def __init__(self, name: str, total: int | None, stream: IO[str]) -> None:
        self.name = name
        self.total = total
        self.stream = stream
        self.done = 0
        self.shown = ""

    def update(self, amount: int) -> None:
        self.done += amount
        if self.total:
            text = f"{min(100, self.done * 100 // self.total)}%"
        else:
            text = f"{self.done >> 20} MiB"
        if text != self.shown:
            self.shown = text
            self.stream.write(f"\r{self.name}: {text}")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = ""


def make_progress(name: str, total: int | None, *, quiet: bool = False) -> Progress:
    """The progress display of reading the file *name* of *total* bytes (None: unknown).

    Args:
        name: Shown before the bar.
        total: The file's size in bytes, for the percentage and the time left.
        quiet: Show nothing.

    Returns:
        A display to update with the bytes read; silent when standard error is not a
        terminal or *quiet* is true.
    """
    stream = sys.stderr
    if quiet or not stream.isatty():
        return Progress()
    try:
        from tqdm import tqdm
    except ImportError:
        return _Percent(name, total, stream)
    bar = tqdm(
        total=total,
        desc=name,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        file=stream,
        dynamic_ncols=True,
    )
    return _Bar(bar)
