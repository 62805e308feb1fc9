"""HTML fragments written by users (Letterboxd reviews) turned into plain text.

Markup goes, text stays: tags are dropped, a line break or the end of a paragraph or
quotation becomes a new line, character references are resolved, and references escaped
twice (``&amp;quot;``, which some exports write) are resolved too, so the text holds no
entity at all. Nothing is parsed as a document: no entity is looked up outside HTML's own
table and nothing is fetched.

The module is private: the formats of this package are its only users.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

# Elements after which text starts on a new line: a line break, or a block.
_BREAKS = frozenset({"br"})
_BLOCKS = frozenset(
    {"p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
)
# Elements whose content is not text a reader sees.
_HIDDEN = frozenset({"script", "style"})
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_TRAILING = re.compile(r"[ \t]+\n")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    r"""The text of an HTML fragment, without markup or character references.

    Args:
        fragment: HTML as a user wrote it: tags may be left open, ``<`` may be text.

    Returns:
        The text, paragraphs separated by one blank line, stripped; ``""`` when there
        is none.

    Examples:
        >>> html_to_text("<b>KIEFO LOL</b>")
        'KIEFO LOL'
        >>> html_to_text("<blockquote>“Quote”<blockquote>\n\nThen &amp; now <3<br>bye")
        '“Quote”\n\nThen & now <3\nbye'
        >>> html_to_text("It&amp;#39;s <i>fine")
        "It's fine"
    """
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    # An export that escaped its text twice leaves references behind: resolve them too.
    for _ in range(3):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = _TRAILING.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
