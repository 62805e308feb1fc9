"""The film page as an accessible HTML fragment, with the film's schema.org JSON-LD.

Headings for the title and the where-to-watch section, a list for the header line and
one for the offers, a definition list for the fact box; every piece of text is escaped,
and the JSON-LD is written so that nothing in it can end its ``<script>`` element.
"""

from __future__ import annotations

import html
import json
import re

from filmmeta._l10n import _, lang
from filmmeta._model import Film
from filmmeta._words.parts import PageParts

__all__ = ["jsonld_script", "page_html"]

# Characters that HTML does not allow in a document at all, not even as a reference: the
# controls but for white space, and the noncharacters (U+FDD0..U+FDEF and the last two
# code points of every plane). The JSON-LD writes them as JSON escapes, which read back as
# the same characters; the visible text shows U+FFFD, the replacement character.
_NOT_HTML = "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
_NOT_HTML_RE = re.compile(f"[{_NOT_HTML}]")
# In the JSON: what could end the <script> element or open a comment in it ("</script>",
# "<!--"), the line separators that some JavaScript parsers read as line ends, and the
# characters HTML does not allow.
_UNSAFE_RE = re.compile(f"[<>&\u2028\u2029{_NOT_HTML}]")


def _json_escape(char: str) -> str:
    r"""A character as a JSON escape: ``\u003c``, or a surrogate pair above U+FFFF."""
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _esc(text: str) -> str:
    """*text* as HTML text or attribute value: escaped, without characters HTML refuses."""
    return _NOT_HTML_RE.sub("\ufffd", html.escape(text))


def jsonld_script(film: Film) -> str:
    r"""The film's schema.org JSON-LD in a ``<script type="application/ld+json">`` element.

    ``<``, ``>`` and ``&`` are written as JSON escapes (``\u003c``...), which read back
    as the same characters, so a title such as ``</script><script>`` cannot break out.

    Examples:
        >>> from filmmeta._words.page_html import jsonld_script
        >>> print(jsonld_script(Film("</script>")))
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "name": "\u003c/script\u003e"}</script>
    """  # noqa: E501
    # The formats layer stands beside the words layer, not below it: the page imports
    # schema.org's writer where it is used, so that importing the words never loads it.
    from filmmeta.formats.schemaorg import to_jsonld

    text = json.dumps(to_jsonld(film), ensure_ascii=False)
    text = _UNSAFE_RE.sub(lambda m: _json_escape(m.group()), text)
    return f'<script type="application/ld+json">{text}</script>'


def page_html(film: Film, parts: PageParts) -> str:
    """Lay out a page's parts as HTML (see :func:`filmmeta.page`)."""
    esc = _esc
    language = lang(parts.locale)
    lines = [f'<article class="filmmeta-page" lang="{esc(parts.locale)}">']
    lines.append(f"<h1>{esc(parts.heading)}</h1>")
    if parts.header:
        label = esc(_(language, "At a glance"))
        lines.append(f'<ul class="filmmeta-header" aria-label="{label}">')
        lines += [f"<li>{esc(item)}</li>" for item in parts.header]
        lines.append("</ul>")
    if parts.summary:
        lines += [f"<p>{esc(p.strip())}</p>" for p in re.split(r"\n\s*\n", parts.summary)]
    lines.append(f"<p>{esc(parts.sentences)}</p>")
    if parts.watch:
        lines.append('<section aria-labelledby="filmmeta-watch">')
        lines.append(f'<h2 id="filmmeta-watch">{esc(parts.watch_heading)}</h2>')
        lines.append(f"<p>{esc(parts.watch)}</p>")
        lines.append('<ul class="filmmeta-offers">')
        lines += [f"<li>{esc(provider)}: {esc(types)}</li>" for provider, types in parts.offers]
        lines.append("</ul>")
        lines.append("</section>")
    if parts.facts:
        label = esc(_(language, "Details"))
        lines.append(f'<dl class="filmmeta-facts" aria-label="{label}">')
        for name, value in parts.facts:
            lines.append(f"<dt>{esc(name)}</dt><dd>{esc(value)}</dd>")
        lines.append("</dl>")
    lines.append(jsonld_script(film))
    lines.append("</article>")
    return "\n".join(lines) + "\n"
