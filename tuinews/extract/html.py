"""Saved or fetched HTML pages: metadata, main text as Markdown, furniture and captions."""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from tuinews.extract.markdown import html_to_markdown
from tuinews.extract.structured import byline_lines, parse_page_meta
from tuinews.models import PageMeta

_BY_LINE = re.compile(r"^\s*(by|von|par|por)\s+\S", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when text is an HTML document or fragment rather than prose."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|article|p|div)[\s>]", head)
    )


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _main_html(text: str, url: str | None) -> str | None:
    return trafilatura.extract(
        text,
        url=url,
        output_format="html",
        include_links=True,
        include_images=True,
        include_tables=True,
        include_comments=False,
        include_formatting=True,
    )


def _fallback_html(tree: lxml_html.HtmlElement) -> str:
    """When the extractor finds nothing: the paragraphs of <article>, else of <body>."""
    scope = tree.xpath("//article") or tree.xpath("//body") or [tree]
    parts = [
        etree.tostring(node, encoding="unicode")
        for node in scope[0].iter("p", "h2", "h3", "blockquote", "ul", "ol")
        if node.text_content().strip()
    ]
    return "\n".join(parts)


_DEK_XPATH = (
    '//*[contains(@class, "dek") or contains(@class, "standfirst") or contains(@class, "subtitle")'
    ' or contains(@class, "subheadline") or contains(@class, "summary")][self::p or self::h2 or self::div]'
)


def _dek(tree: lxml_html.HtmlElement) -> str | None:
    for node in tree.xpath(_DEK_XPATH)[:3]:
        text = " ".join(node.text_content().split())
        if 20 <= len(text) <= 400:
            return text
    return None


def parse_html(text: str, *, url: str | None = None) -> tuple[PageMeta, str, list[str], list[str]]:
    """(meta, body Markdown, furniture lines, captions) for an HTML page."""
    tree = lxml_html.document_fromstring(text)
    meta = parse_page_meta(tree)
    if url and not meta.url:
        meta.url = url
    if not meta.dek:
        meta.dek = _dek(tree)
    furniture = byline_lines(tree)
    captions = [
        " ".join(c.text_content().split()) for c in tree.xpath("//figcaption") if c.text_content().strip()
    ]
    main = _main_html(text, meta.url or url) or _fallback_html(tree)
    markdown = html_to_markdown(main)
    body_lines: list[str] = []
    for block in markdown.split("\n\n"):
        squashed = _squash(block.lstrip("#* ").rstrip("* "))
        if block.startswith("# ") and not body_lines:
            # The page's own headline beats a <title> tag cut short by " | Outlet".
            if not meta.title or _squash(block[2:]).startswith(_squash(meta.title)):
                meta.title = block[2:].strip()
            if squashed == _squash(meta.title):
                continue  # the headline: shown above the body, never twice
        if meta.dek and squashed == _squash(meta.dek):
            continue  # the standfirst: shown in italics above the body
        if _BY_LINE.match(block) and len(block) < 160:
            furniture.append(block.strip())
            continue
        if not meta.title and block.startswith("# "):
            meta.title = block[2:].strip()
            continue
        body_lines.append(block.strip())
    body = "\n\n".join(b for b in body_lines if b) + "\n"
    return meta, body, furniture, captions
