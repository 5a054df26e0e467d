"""The plain text of a stored raw page: what the reader shows when asked for "the page as saved"."""

from __future__ import annotations

import contextlib
import re

from lxml import html as lxml_html
from lxml.etree import ParserError

from tuinews.extract.content import page_plain_text
from tuinews.extract.decode import decode_bytes
from tuinews.extract.html import looks_like_html
from tuinews.sanitize import clean_text

# Line starts that Markdown would turn into headings, quotes, lists or rules.
_MARKDOWN_START = re.compile(r"^(\s*)([#>*+\-]|\d+[.)])", re.MULTILINE)
# A line break inside a paragraph (Markdown would join the lines): kept as a hard break.
_LINE_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def raw_page_text(raw: bytes) -> str:
    """Every visible paragraph of a saved page (HTML or text), as Markdown that renders literally."""
    text = decode_bytes(raw)
    if looks_like_html(text):
        with contextlib.suppress(ParserError, ValueError):
            text = page_plain_text(lxml_html.document_fromstring(text))
    text = clean_text(text).strip()
    text = _MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    # Lines stay lines (a text dump's front matter, breadcrumbs, a poem), as the page has them.
    return _LINE_BREAK.sub("  \n", text) + "\n"
