"""One entry point for every input format: bytes in, an `Article` out. Pure: no I/O, no database."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import PurePath

from tuinews.extract.dateline import build_dateline, normalize_agency
from tuinews.extract.decode import decode_bytes, looks_binary
from tuinews.extract.html import NOT_EXTRACTED_NOTE, looks_like_html, parse_html_page
from tuinews.extract.mdfile import parse_markdown_file
from tuinews.extract.quotes import parse_quotes
from tuinews.extract.textdump import parse_textdump
from tuinews.extract.typography import fix_mojibake
from tuinews.models import Article, PageMeta, SourceKind
from tuinews.sanitize import clean_line, clean_text

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
#: Any character `clean_text` would change: most pages have none, and the check is much cheaper than the
#: translate pass over a whole page.
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class ExtractError(ValueError):
    """The input holds no article; the message is one line fit to show the user."""


def detect_format(text: str, *, name: str | None = None, content_type: str | None = None) -> SourceKind:
    """Which parser an input needs: by content type, then file suffix, then content."""
    suffix = PurePath(name).suffix.lower() if name else ""
    if (content_type and "html" in content_type) or suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES or (content_type and "markdown" in content_type):
        return "markdown"
    if looks_like_html(text):
        return "html"
    if text.lstrip().startswith(("---\n", "# ")):
        return "markdown"
    return "textdump"


def extract_document(
    data: bytes,
    *,
    name: str | None = None,
    url: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    fetched_at: datetime | None = None,
) -> Article:
    """Extract the article in `data` (an HTML page, a plain-text page dump or a Markdown file).

    `name` is the file name (its suffix helps pick the parser), `url` where the bytes came from.
    `Article.source_kind` says where the body came from. An HTML page where no article is found gives
    its plain text under `NOT_EXTRACTED_NOTE`; `ExtractError` is raised only for input with no text.
    """
    if not data.strip():
        raise ExtractError("it is empty")
    if looks_binary(data):
        raise ExtractError("it is not a text, HTML or Markdown file")
    text = fix_mojibake(decode_bytes(data, declared=charset))
    if _UNCLEAN.search(text):
        text = clean_text(text)
    kind = detect_format(text, name=name, content_type=content_type)
    fields: dict[str, str] = {}
    if kind == "html":
        page = parse_html_page(text, url=url)
        meta, body, furniture, captions = page.meta, page.body, page.furniture, page.captions
        kind = page.source_kind
    elif kind == "markdown":
        meta, body, fields = parse_markdown_file(text)
        furniture, captions = [], []
    else:
        meta, body, furniture, captions = parse_textdump(text)
    if not body.strip():
        raise ExtractError("no article text was found in it")
    title = clean_line(meta.title) or _title_from_body(body)
    dateline = build_dateline(meta, body, furniture, fetched_at=fetched_at)
    if fields.get("place"):
        dateline.place = fields["place"]
    if not dateline.agency and meta.agency:
        dateline.agency = normalize_agency(meta.agency) or meta.agency
    _clean_dateline_fields(meta, dateline)
    return Article(
        title=title,
        markdown=body,
        dek=clean_line(meta.dek) or None,
        url=clean_line(meta.url or url) or None,
        dateline=dateline,
        quotes=parse_quotes(body),
        captions=[clean_line(c) for c in captions if clean_line(c)],
        source_kind=kind,
    )


def _title_from_body(body: str) -> str:
    body = body.strip().removeprefix(NOT_EXTRACTED_NOTE).strip()
    first = clean_line(body.split("\n\n")[0]).lstrip("#* ")
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


def _clean_dateline_fields(meta: PageMeta, dateline) -> None:  # type: ignore[no-untyped-def]
    for field in ("place", "agency", "outlet", "section", "published", "updated", "language"):
        value = getattr(dateline, field)
        if isinstance(value, str):
            setattr(dateline, field, clean_line(value) or None)
    dateline.byline = [clean_line(n) for n in dateline.byline if clean_line(n)]
