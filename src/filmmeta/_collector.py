"""An explicit pause of Python's cyclic garbage collector, for bulk loads the caller runs.

filmmeta's own functions never touch the collector: :func:`gc.disable` pauses it for
every thread of the process, a web server's other requests included, so only the
program as a whole may decide to. This module gives it the means, safe to nest and to use
from several threads at once.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["gc_paused"]

# How many gc_paused blocks are open in the process, and whether the collector was
# enabled when the first one opened: the last one to close restores that state, so that
# blocks overlapping in several threads neither re-enable it early nor leave it off.
_lock = threading.Lock()
_open = 0
_was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk load runs, then restore it.

    Loading a catalog creates millions of small objects and no reference cycles; with the
    films kept, the collector's passes over the growing heap cost about as much as the
    decoding itself. Reference counting still frees everything as usual: only the search
    for cycles waits until the block ends.

    The pause is process-wide, as :func:`gc.disable` is: every thread runs without the
    cyclic collector until the block ends. Use it around a load in a script, notebook or
    batch job, not inside a server's request handlers. Blocks nest, and overlap across
    threads: the collector is paused when the first block opens and set back to the
    state it was then found in when the last block closes.

    Examples:
        >>> import gc, io
        >>> with gc_paused():
        ...     films = list(load_jsonl(io.StringIO('{"title": "Heat"}')))
        ...     gc.isenabled()
        False
        >>> gc.isenabled(), films[0].title
        (True, 'Heat')

    .. versionadded:: 0.2.0
    """
    global _open, _was_enabled  # noqa: PLW0603 - one state for the whole process, as gc's
    with _lock:
        if _open == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if _open == 0 and _was_enabled:
                gc.enable()
