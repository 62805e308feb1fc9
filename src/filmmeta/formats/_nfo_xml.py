"""The safe reading of NFO files: bytes to text, XML to elements, and links to ids.

An NFO is one of three things (the Kodi wiki's "metadata", "parsing" and "combination"
NFOs): an XML document, a text that holds only links to a film's page (an IMDb or TMDb
URL, often inside a release group's ASCII art), or an XML document followed by such
links. :func:`read_document` tells them apart and returns the root element and the links.

XML is parsed by defusedxml, never by the bare standard library: defusedxml refuses entity
declarations (the billion laughs and the quadratic blowup both need one) and external
references, and nothing here fetches a DTD. The repairs made before parsing are the ones
Kodi's own lenient parser makes silently: an HTML entity such as ``&eacute;`` is read as
its character, and a lone ``&`` (``Tom & Jerry``) as the character itself.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from typing import TYPE_CHECKING, Any

from filmmeta._model import shown
from filmmeta.exceptions import ROOT, UnsupportedDocumentError, ValidationError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["Links", "find_links", "read_document", "starts_as_xml"]

# What each root other than <movie> holds, for the message that refuses it.
_NOT_FILMS = {
    "tvshow": "a TV show",
    "episodedetails": "a TV episode",
    "episodes": "TV episodes",
    "season": "a TV season",
    "musicvideo": "a music video",
    "album": "a music album",
    "artist": "a music artist",
    "movieset": "a movie set",
    "set": "a movie set",
}
_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# An entity reference, or a lone "&"; names and numbers are bounded so that the match is
# linear in the text.
_AMPERSAND = re.compile(r"&(?:(#[0-9]{1,10}|#x[0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});)?")
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
# expat's "junk after document element": text after the root's end.
_JUNK_AFTER_ROOT = 9
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Film links, with or without the scheme; the groups are the ids.
_LINK = re.compile(
    r"(?:https?://)?(?:[A-Za-z0-9-]{1,63}\.){0,3}"
    r"(?:imdb\.com/(?:[a-z]{2}/)?title/(tt[0-9]{7,12})"
    r"|themoviedb\.org/(movie|tv)/([0-9]{1,12})"
    r"|thetvdb\.com/[^\s<>\"']{0,200})"
    r"[^\s<>\"']{0,500}",
    re.IGNORECASE,
)


class Links:
    """The film links found in a text: IMDb and TMDb ids, and the URLs themselves."""

    __slots__ = ("imdb", "tmdb", "tv", "urls")

    def __init__(self) -> None:
        self.imdb: list[str] = []
        self.tmdb: list[int] = []
        self.tv: list[str] = []
        self.urls: list[str] = []


def find_links(text: str) -> Links:
    """Find the IMDb and TMDb film links in *text*; TMDb TV and TheTVDB links apart."""
    found = Links()
    for match in _LINK.finditer(text):
        url = match.group().rstrip(".,;)]")
        if match[1] is not None:
            found.imdb.append(match[1].lower())
        elif match[2] is not None and match[2].lower() == "movie":
            found.tmdb.append(int(match[3]))
        else:
            found.tv.append(url)
            continue
        if url not in found.urls:
            found.urls.append(url)
    return found


def starts_as_xml(data: bytes) -> bool:
    """Whether *data* begins, after its byte order mark and blanks, with ``<``.

    The first characters are read as the byte order mark says; without one, "<" and the
    blanks are the same bytes in every encoding an NFO declares.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[:256].decode(codec, "replace").lstrip("\ufeff").lstrip()[:1] == "<"
    return data.lstrip()[:1] == b"<"


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decoded(data, codec, "the byte order mark")
    declared = _ENCODING.match(data)
    if declared is not None:
        return _decoded(data, declared[1].decode("ascii"), "the XML declaration")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if starts_as_xml(data):
            raise ValidationError.at(
                ROOT, f"not UTF-8 (byte {err.start}) and no encoding declared"
            ) from None
        # Not XML: a release group's NFO in a DOS code page. Only its ASCII links are
        # read, and every byte maps to some character in Latin-1.
        return data.decode("latin-1")


def _decoded(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode("utf-16" if codec.lower().startswith("utf-16") else codec)
    except LookupError:
        raise ValidationError.at(
            ROOT, f"{shown(codec)}, named by {where}, is no encoding"
        ) from None
    except UnicodeDecodeError as err:
        raise ValidationError.at(ROOT, f"not {codec} as {where} says (byte {err.start})") from None


def _repair(xml: str) -> str:
    """Read HTML entities as their characters and a lone "&" as itself, outside CDATA."""
    parts: list[str] = []
    start = 0
    while (open_at := xml.find("<![CDATA[", start)) != -1:
        close_at = xml.find("]]>", open_at)
        end = len(xml) if close_at == -1 else close_at + 3
        parts.extend((_AMPERSAND.sub(_entity, xml[start:open_at]), xml[open_at:end]))
        start = end
    parts.append(_AMPERSAND.sub(_entity, xml[start:]))
    return "".join(parts)


def _entity(match: re.Match[str]) -> str:
    name = match[1]
    if name is None:
        return "&amp;"
    if name[0] == "#" or name in _XML_ENTITIES:
        return match.group()
    char = html.entities.html5.get(name + ";")
    # A name that is neither XML's nor HTML's is left for the parser to refuse.
    return match.group() if char is None else char.replace("&", "&amp;").replace("<", "&lt;")


def _parse(xml: str) -> Element:
    """Parse *xml* safely into its root element."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring
    except ImportError:
        # Never a fallback to the standard library's parser: it expands entities.
        msg = "from_nfo needs defusedxml to parse XML safely: pip install 'filmmeta[nfo]'"
        raise ImportError(msg) from None
    try:
        root: Element = fromstring(xml, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException as err:
        raise ValidationError.at(
            ROOT, f"refused: {err} (declared entities and external references are not read)"
        ) from None
    except ParseError as err:
        if err.code != _JUNK_AFTER_ROOT:
            raise ValidationError.at(ROOT, f"not well-formed XML: {err}") from None
        line, column = err.position
        lines = xml.splitlines(keepends=True)
        first = _parse(xml[: sum(map(len, lines[: line - 1])) + column])
        _check_root(first)
        raise ValidationError.at(ROOT, "more than one root element in one file") from None
    return root


def _check_root(root: Element) -> None:
    tag = root.tag.rpartition("}")[2]
    if tag.lower() != "movie":
        what = _NOT_FILMS.get(tag.lower(), "not a film")
        name = tag if len(tag) <= 40 else tag[:37] + "..."
        raise UnsupportedDocumentError(f"the NFO's root is <{name}> ({what}), not <movie>")


def read_document(data: Any) -> tuple[Element | None, Links]:
    """Read an NFO's text or bytes into its ``<movie>`` element and the links outside XML.

    Returns:
        The root element (None for a file of links only) and the links found outside it.

    Raises:
        ValidationError: Not text, not well-formed XML, or XML that declares entities.
        UnsupportedDocumentError: The root is not ``<movie>``.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        text = _decode(bytes(data))
    elif isinstance(data, str):
        text = data
    else:
        raise ValidationError.at(ROOT, f"expected NFO text or bytes, got {type(data).__name__}")
    text = text.lstrip("\ufeff \t\r\n")
    if (bad := _SURROGATE.search(text)) is not None:
        raise ValidationError.at(ROOT, f"has a lone surrogate at {bad.start()}: not text")
    if not text.startswith("<"):
        return None, find_links(text)
    # Kodi reads links written after the closing tag (a "combination" NFO): the XML
    # ends at the last closing tag, as Jellyfin finds it.
    end = text.rfind("</")
    end = text.find(">", end) + 1 if end != -1 else text.rfind(">") + 1
    root = _parse(_repair(text[:end]))
    _check_root(root)
    return root, find_links(text[end:])
