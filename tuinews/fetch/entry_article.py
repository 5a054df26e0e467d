"""A stored feed entry page (`entries.entry_page`) made into a complete article: the background step.

No trafilatura here: the feed already gives the article body, so it only needs Markdown, quotes and a
dateline.
"""

from __future__ import annotations

from datetime import datetime

from lxml import html as lxml_html

from tuinews.extract.dateline import build_dateline
from tuinews.extract.markdown import html_to_markdown
from tuinews.extract.quotes import parse_quotes
from tuinews.extract.structured import links_base
from tuinews.fetch.entries import MODIFIED_AS_PRINTED, PUBLISHED_AS_PRINTED
from tuinews.models import Article, PageMeta
from tuinews.sanitize import clean_line, clean_text


def article_from_entry_page(raw: bytes, *, url: str, fetched_at: datetime | None = None) -> Article:
    """The full article from an `entry_page` (no trafilatura: the feed already gives the article body)."""
    tree = lxml_html.document_fromstring(raw.decode("utf-8", errors="replace"))

    def meta(name: str) -> list[str]:
        return [
            clean_line(m.get("content")) for m in tree.findall(f".//meta[@name='{name}']") if m.get("content")
        ]

    article_el = tree.find(".//article")
    inner = "" if article_el is None else lxml_html.tostring(article_el, encoding="unicode")
    # Pages stored before entry pages carried a <base> hold absolute links already.
    body = html_to_markdown(inner, base_url=links_base(tree, url)) if inner else ""
    title = clean_line(tree.findtext(".//title")) or "(untitled)"
    published = next(iter(meta("article:published_time")), None)
    page = PageMeta(
        title=title,
        url=url,
        byline=meta("author"),
        outlet=next(iter(meta("og:site_name")), None),
        published=published,
        updated=next(iter(meta("article:modified_time")), None),
        dek=next(iter(meta("description")), None),
    )
    body = clean_text(body) or (clean_text(page.dek or "") + "\n" if page.dek else "")
    dateline = build_dateline(page, body, [], fetched_at=fetched_at)
    if not dateline.published and published:
        dateline.published = published
    # A date taken from the page's ISO meta keeps the feed's printed text as its raw form (its zone name).
    printed = meta(PUBLISHED_AS_PRINTED)
    if printed and published and dateline.published_raw in (None, published):
        dateline.published_raw = printed[0]
    printed = meta(MODIFIED_AS_PRINTED)
    if printed and page.updated and dateline.updated_raw in (None, page.updated):
        dateline.updated_raw = printed[0]
    dek = page.dek if page.dek and page.dek.strip() not in body[: len(page.dek) + 40] else None
    return Article(
        title=title,
        markdown=body,
        dek=dek,
        url=url,
        dateline=dateline,
        quotes=parse_quotes(body),
        source_kind="feed",
    )
