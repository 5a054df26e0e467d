"""Metadata a page states about itself: JSON-LD, OpenGraph and article meta, `<time>`, canonical link."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import html as lxml_html

from tuinews.models import PageMeta

_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
}


def _walk_jsonld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item)
    elif isinstance(node, dict):
        yield node
        if "@graph" in node:
            yield from _walk_jsonld(node["@graph"])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD author/publisher value (a string, an object or a list of either)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return [" ".join(n.split()) for n in names if n and n.strip()]


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def jsonld_article(tree: lxml_html.HtmlElement) -> dict[str, Any] | None:
    """The first article-typed JSON-LD object on the page, tolerating broken blocks."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            # Some sites leave trailing commas or control characters: try once more, leniently.
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        for node in _walk_jsonld(data):
            if _types(node) & _ARTICLE_TYPES:
                return node
    return None


def _meta_index(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Every `<meta>` content by its property/name/itemprop (first non-empty one wins), in one pass."""
    index: dict[str, str] = {}
    for node in tree.iter("meta"):
        content = node.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = node.get(attr)
            if key and key not in index:
                index[key] = " ".join(content.split())
    return index


def _meta(index: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if key in index:
            return index[key]
    return None


def parse_page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Everything the page says about itself, structured data first."""
    ld = jsonld_article(tree) or {}
    tags = _meta_index(tree)
    meta = PageMeta()
    meta.title = _text(ld.get("headline")) or _meta(tags, "og:title", "twitter:title") or _title_tag(tree)
    meta.dek = _text(ld.get("description")) or _meta(
        tags, "og:description", "description", "twitter:description"
    )
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = (canonical[0].strip() if canonical else None) or _meta(tags, "og:url") or _text(ld.get("url"))
    meta.byline = _names(ld.get("author")) if ld.get("author") else []
    if not meta.byline:
        author = _meta(tags, "author", "article:author", "dc.creator", "DC.creator")
        if author and not author.startswith("http"):
            meta.byline = [author]
    meta.outlet = _meta(tags, "og:site_name", "application-name") or next(
        iter(_names(ld.get("publisher"))), None
    )
    meta.section = _text(ld.get("articleSection")) or _meta(tags, "article:section", "section")
    times = tree.xpath("//time/@datetime")
    meta.published = (
        _text(ld.get("datePublished"))
        or _meta(tags, "article:published_time", "datePublished", "dc.date", "DC.date.issued", "pubdate")
        or (times[0] if times else None)
    )
    meta.updated = _text(ld.get("dateModified")) or _meta(tags, "article:modified_time", "dateModified")
    lang = tree.xpath("/html/@lang")
    meta.language = _text(ld.get("inLanguage")) or (lang[0].strip() if lang and lang[0].strip() else None)
    if meta.language:
        meta.language = meta.language.split("-")[0].lower()
    return meta


def _title_tag(tree: lxml_html.HtmlElement) -> str | None:
    titles = tree.xpath("//title/text()")
    if not titles:
        return None
    title = " ".join(titles[0].split())
    # "Headline | Outlet" and "Headline - Outlet": keep the headline.
    return re.split(r"\s+[|–—-]\s+", title)[0] or None


def byline_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """Visible byline texts ("By Jane Roe") for the dateline builder."""
    nodes = tree.xpath(
        '//*[contains(@class, "byline") or contains(@class, "author") or @rel="author" or @itemprop="author"]'
    )
    lines = []
    for node in nodes[:6]:
        text = " ".join(node.text_content().split())
        if 0 < len(text) < 160:
            lines.append(text)
    return lines
