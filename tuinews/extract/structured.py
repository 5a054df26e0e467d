"""Metadata a page states about itself: JSON-LD, OpenGraph and article meta, `<time>`, canonical link,
`<base href>`."""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from tuinews.extract.months import PUBLISHED_LABELS
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


def links_base(tree: etree._Element, page_url: str | None) -> str | None:
    """What the page's relative links resolve against: its `<base href>` (itself relative to the page's
    address) when that is an http(s) URL, else the page's address when that is one; else None."""
    hrefs = tree.xpath("//base[@href][1]/@href")
    if hrefs:
        try:
            stated = urljoin(page_url or "", str(hrefs[0]).strip())
        except ValueError:
            stated = ""
        if _is_web_url(stated):
            return stated
    return page_url if page_url and _is_web_url(page_url) else None


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


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
    return [" ".join(_unescape(n).split()) for n in names if n and n.strip()]


def _unescape(text: str) -> str:
    """HTML character references left in JSON strings by the CMS (`&#8216;`, `&#163;`, `&amp;`)."""
    return html_entities.unescape(text) if "&" in text else text


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(_unescape(value).split()) or None


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
    meta.published = _first_full(
        [
            _text(ld.get("datePublished")),
            *(tags.get(key) for key in _PUBLISHED_KEYS),
            times[0].strip() if times and times[0].strip() else None,
        ]
    )
    meta.updated = _text(ld.get("dateModified")) or _meta(tags, "article:modified_time", "dateModified")
    lang = tree.xpath("/html/@lang")
    meta.language = _text(ld.get("inLanguage")) or (lang[0].strip() if lang and lang[0].strip() else None)
    if meta.language:
        meta.language = meta.language.split("-")[0].lower()
    return meta


#: Meta tags that state the publication time (`article:published` is the New York Times' spelling).
_PUBLISHED_KEYS = (
    "article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datePublished",
    "dc.date",
    "DC.date.issued",
    "dcterms.created",
    "pubdate",
    "publish-date",
    "parsely-pub-date",
)
_ZONED = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$")


def _first_full(values: list[str | None]) -> str | None:
    """The first value that is a full ISO timestamp with a zone, else the first value at all.

    A JSON-LD `datePublished` of `2014-09-15` next to an `article:published_time` with time and zone:
    the fuller statement of the same fact wins; order decides otherwise (structured data first).
    """
    present = [v.strip() for v in values if v and v.strip()]
    return next((v for v in present if _ZONED.match(v)), None) or next(iter(present), None)


def _title_tag(tree: lxml_html.HtmlElement) -> str | None:
    titles = tree.xpath("//title/text()")
    if not titles:
        return None
    title = " ".join(titles[0].split())
    # "Headline | Outlet" and "Headline - Outlet": keep the headline.
    return re.split(r"\s+[|–—-]\s+", title)[0] or None


#: Meta keys naming a publication date that is not a full zoned timestamp (`sailthru.date`,
#: `article_date_original`, `sn-post-date`); modification, expiry and founding dates are not.
_DATE_KEY = re.compile(r"date|publish|posted", re.I)
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|valid|found|birth|edit|revis|crawl|index", re.I)
_DATE_CLASS = re.compile(r"date|time|publish|posted", re.I)
_LABEL_START = re.compile(rf"^\s*(?:{PUBLISHED_LABELS})(?!\w)", re.I)
_SKIP_TAGS = {"html", "head", "body", "meta", "script", "style", "noscript", "template"}


def _visible_dates(tree: lxml_html.HtmlElement, limit: int) -> list[str]:
    """Short texts of `<time>` elements, of elements whose class, id or itemprop names a date, and of
    text that starts with a publication label (`publiziert am …`, `기사입력 :[ … ]`), in page order."""
    found: list[str] = []
    for node in tree.iter(etree.Element):
        tag = node.tag
        if tag in _SKIP_TAGS:
            continue
        attrib = node.attrib
        marks = (
            f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('itemprop', '')}" if attrib else ""
        )
        # A date element holds little: a "timeline" or "date-wrapper" around the article is skipped
        # before its whole text is gathered.
        if (tag == "time" or (marks and _DATE_CLASS.search(marks))) and len(node) <= 8:
            text = " ".join(node.text_content().split())
            if 6 <= len(text) <= 120 and any(c.isdigit() for c in text):
                found.append(text)
        for piece in (node.text, node.tail):
            if piece and len(piece) <= 400 and _LABEL_START.match(piece):
                text = " ".join(piece.split())
                if len(text) <= 80 and any(c.isdigit() for c in text):
                    found.append(text)
        if len(found) >= 3 * limit:
            break
    return found


def date_lines(tree: lxml_html.HtmlElement, limit: int = 8) -> list[str]:
    """Publication dates a page states outside its structured data, for the dateline builder.

    Zone-less or date-only values of date-named meta tags (`sailthru.date` = `2019-11-18 20:58:46`),
    then short visible date texts (see `_visible_dates`), each once. Each line holds a digit; the
    builder keeps only those that read as timestamps.
    """
    lines: list[str] = []
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or ""
        content = " ".join((node.get("content") or "").split())
        if not content or not _DATE_KEY.search(key) or _NOT_PUBLISHED_KEY.search(key):
            continue
        if any(c.isdigit() for c in content) and len(content) <= 60 and not _ZONED.match(content):
            lines.append(content)
    seen = set(lines)
    visible: list[str] = []
    for text in _visible_dates(tree, limit):
        if text not in seen:
            seen.add(text)
            visible.append(text)
        if len(visible) >= limit:
            break
    return lines + visible


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
