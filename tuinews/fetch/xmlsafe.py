"""Making feed bytes safe to parse: no DOCTYPE, no entity declarations, no network, no expansion.

A feed may declare a 100 kB entity and reference it thousands of times; a parser that expands it
builds gigabytes. Declarations are cut out of the bytes before any parser sees them, HTML named
entities (`&nbsp;`, common in real feeds) become character references, and lxml runs with entity
resolution, DTD loading and network access all off.
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

from lxml import etree

from tuinews.extract.decode import decode_bytes

_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]|\[(?:[^\]\"']|\"[^\"]*\"|'[^']*')*\])*>", re.IGNORECASE)
_DECLARATION = re.compile(
    r"<!(?:ENTITY|ELEMENT|ATTLIST|NOTATION)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND = re.compile(r"&(?!#\d{1,7};|#x[0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


def _numeric(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    code = name2codepoint.get(name)
    return f"&#{code};" if code else ""


def strip_declarations(text: str) -> str:
    """Remove the DOCTYPE (with its internal subset) and any stray markup declarations."""
    head, tail = text[:65536], text[65536:]
    head = _DOCTYPE.sub("", head)
    if "<!" in head:
        head = _DECLARATION.sub("", head)
    return head + tail


def feed_text(data: bytes, *, charset: str | None = None) -> str:
    """Feed bytes decoded (XML declaration, then the HTTP charset, then detection)."""
    declared = _XML_DECL_ENCODING.match(data[:200])
    for name in (declared.group(1).decode("ascii") if declared else None, charset):
        if name:
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode_bytes(data)


def safe_xml_bytes(data: bytes, *, charset: str | None = None) -> bytes:
    """UTF-8 bytes with no XML declaration, DOCTYPE or entity declarations, HTML entities made numeric."""
    text = strip_declarations(feed_text(data, charset=charset))
    text = _XML_DECL.sub("", text, count=1).lstrip("\ufeff")
    if "&" in text:
        text = _BARE_AMPERSAND.sub("&amp;", _NAMED_ENTITY.sub(_numeric, text))
    return text.encode("utf-8", errors="replace")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )


def parse_xml(
    data: bytes, *, base_url: str | None = None, charset: str | None = None
) -> etree._Element | None:
    """Parse feed or OPML bytes safely; None when nothing usable comes out."""
    try:
        root = etree.fromstring(safe_xml_bytes(data, charset=charset), _parser(), base_url=base_url)
    except etree.XMLSyntaxError:
        return None
    return root
