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

# Inside a declaration only these characters change the scanner's state.
_DECL_TOKEN = re.compile(r"<!--|[\"'\[\]>]")
# What the outer scan stops at: comments and CDATA (skipped whole) and the declarations themselves.
_MARKUP = re.compile(r"<!(?:--|\[CDATA\[|(?i:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION))")
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


def _declaration_end(text: str, start: int) -> int:
    """Where the markup declaration opening at `start` ends: its closing `>`, honouring quoted strings,
    a `[...]` internal subset and comments; the end of the text when it never closes. Linear time."""
    depth, pos = 0, start + 2
    while True:
        match = _DECL_TOKEN.search(text, pos)
        if match is None:
            return len(text)
        token, pos = match.group(0), match.end()
        if token == "<!--":
            close = text.find("-->", pos)
            pos = len(text) if close < 0 else close + 3
        elif token in "\"'":
            close = text.find(token, pos)
            pos = len(text) if close < 0 else close + 1
        elif token == "[":
            depth += 1
        elif token == "]":
            depth = max(0, depth - 1)
        elif depth == 0:
            return pos


def strip_declarations(text: str) -> str:
    """Remove every DOCTYPE (with its internal subset) and markup declaration (ENTITY, ELEMENT, ATTLIST,
    NOTATION) outside comments and CDATA sections.

    One forward scan with `str.find`, so hostile input (thousands of unclosed `<!DOCTYPE [`) costs linear
    time; an unclosed declaration swallows the rest of the text, leaving nothing for a parser to expand.
    """
    if "<!" not in text:
        return text
    out: list[str] = []
    pos = kept = 0  # text[kept:pos] is still to be copied
    while True:
        found = _MARKUP.search(text, pos)
        if found is None:
            break
        start = found.start()
        if text.startswith("<!--", start):
            close = text.find("-->", start + 4)
            pos = len(text) if close < 0 else close + 3
        elif text.startswith("<![CDATA[", start):
            close = text.find("]]>", start + 9)
            pos = len(text) if close < 0 else close + 3
        else:
            out.append(text[kept:start])
            pos = kept = _declaration_end(text, start)
    out.append(text[kept:])
    return "".join(out)


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
