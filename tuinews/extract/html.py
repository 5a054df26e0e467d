"""Saved or fetched HTML pages: metadata, main text as Markdown, furniture and captions.

The body comes from `content.py` (the extractor), goes through `markdown.py`, then block by block through
the headline/dek/byline split and the furniture filter of `boilerplate.py`. A complete JSON-LD
`articleBody` may replace it (`jsonld.py`). A page where nothing is found still yields its plain text,
under a note saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from tuinews.extract.boilerplate import filter_blocks
from tuinews.extract.content import fallback_html, main_html, page_plain_text, prune_popups, strip_inert
from tuinews.extract.continuation import continued_html
from tuinews.extract.dek import displayed_headline, page_dek, strip_site_name
from tuinews.extract.embeds import one_line_embeds, rewrite_embeds
from tuinews.extract.jsonld import article_body, prefer_jsonld
from tuinews.extract.markdown import html_to_markdown
from tuinews.extract.structured import byline_lines, date_lines, links_base, parse_page_meta
from tuinews.extract.typography import tidy_text
from tuinews.models import PageMeta, SourceKind

#: The first line of a body that is the page's plain text rather than an extracted article.
NOT_EXTRACTED_NOTE = "*tuinews could not find the article in this page; showing its plain text.*"

#: Comments go at parse time: the extractor loses the text beside a comment (React pages put `<!-- -->`
#: between the pieces of one sentence).
_PARSER = lxml_html.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
)
_BY_LINE = re.compile(r"^\s*(by|von|par|por)\s+\S", re.IGNORECASE)


@dataclass
class HtmlPage:
    """What an HTML page yields: metadata, body Markdown, furniture lines, captions and provenance."""

    meta: PageMeta
    body: str
    furniture: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    source_kind: SourceKind = "html"
    extracted: bool = True
    """False when no article was found and `body` is the page's plain text under `NOT_EXTRACTED_NOTE`."""


def looks_like_html(text: str) -> bool:
    """True when text is an HTML document or fragment rather than prose."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|article|p|div)[\s>]", head)
    )


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[*_#>]", " ", text).split()).casefold()


def _body_blocks(markdown: str, meta: PageMeta, furniture: list[str], standfirst: str | None) -> list[str]:
    """The body's blocks without the headline, the dek, byline lines and page furniture.

    `standfirst` is the dek as the page sets it apart (by class); a description from metadata that is
    just the lead paragraph stays in the body and is not shown a second time as the dek.
    """
    body: list[str] = []
    standfirst = _squash(standfirst) if standfirst else None
    for raw in markdown.split("\n\n"):
        block = one_line_embeds(raw.strip())
        if not block:
            continue
        squashed = _squash(block)
        if block.startswith("# "):
            heading = block[2:].strip()
            if not body and (not meta.title or _squash(heading).startswith(_squash(meta.title))):
                meta.title = heading  # the page's own headline beats a <title> cut short by " | Outlet"
            if squashed == _squash(meta.title or ""):
                continue  # the headline: shown above the body, never twice
            block = "#" + block  # any other top-level heading inside the body is a subhead
        elif block.startswith("#") and meta.title and squashed == _squash(meta.title):
            continue  # the headline set as a subhead (h2) by the page: still shown only once
        if squashed == standfirst:
            continue  # the standfirst: shown in italics above the body
        if meta.dek and squashed == _squash(meta.dek):
            if block.startswith(("#", "*", "_")):
                continue  # a standfirst set apart on the page: shown in italics above the body
            meta.dek = None  # the description is the lead paragraph: keep it in the body, show it once
        if _BY_LINE.match(block) and len(block) < 160:
            furniture.append(block)
            continue
        body.append(block)
    kept, credits = filter_blocks(body)
    furniture.extend(credits)
    return kept


def parse_html_page(text: str, *, url: str | None = None) -> HtmlPage:
    """Extract an HTML page (see the module docstring)."""
    try:
        tree = lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        tree = lxml_html.document_fromstring(
            f"<html><body><pre>{_escape(text)}</pre></body></html>", parser=_PARSER
        )
    meta = parse_page_meta(tree)
    if url and not meta.url:
        meta.url = url
    base = links_base(tree, meta.url)  # before the clean-up below, which drops the <head>'s elements
    headline = displayed_headline(tree, meta.title, meta.outlet, meta.url)
    if headline:
        meta.title = headline
    elif meta.title:
        meta.title = strip_site_name(meta.title, meta.outlet, meta.url)
    description = meta.dek
    meta.dek, standfirst = page_dek(tree, meta.dek, meta.title)
    for name in ("title", "dek"):
        value = getattr(meta, name)
        if value:
            setattr(meta, name, tidy_text(value))
    page = HtmlPage(meta=meta, body="", furniture=byline_lines(tree) + date_lines(tree))
    page.captions = [tidy_text(" ".join(c.text_content().split())) for c in tree.xpath("//figcaption")]
    page.captions = [c for c in page.captions if c]
    stated = article_body(tree)
    rewrite_embeds(tree, captions=False)
    prune_popups(tree)
    strip_inert(tree)
    main = html_to_markdown(main_html(tree) or "", base_url=base)
    rest = continued_html(tree, main)
    if rest:
        known = {_squash(block) for block in main.split("\n\n")}
        more = [b for b in html_to_markdown(rest, base_url=base).split("\n\n") if _squash(b) not in known]
        main = "\n\n".join([main.rstrip("\n"), *more])
    blocks = _body_blocks(main, meta, page.furniture, standfirst)
    if not blocks:
        main = html_to_markdown(fallback_html(tree), base_url=base)
        blocks = _body_blocks(main, meta, page.furniture, standfirst)
    if stated and (not blocks or prefer_jsonld("\n\n".join(blocks), stated)):
        stated_blocks = _body_blocks(stated, meta, page.furniture, standfirst)
        if stated_blocks:
            blocks, page.source_kind = stated_blocks, "jsonld"
    if blocks:
        page.body = "\n\n".join(blocks) + "\n"
        return page
    # A page cut short in its <head> has no visible text: what it says about itself is all there is.
    plain = tidy_text(page_plain_text(tree)) or tidy_text(description or "")
    page.extracted = False
    page.body = f"{NOT_EXTRACTED_NOTE}\n\n{plain}\n" if plain else ""
    return page


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse_html(text: str, *, url: str | None = None) -> tuple[PageMeta, str, list[str], list[str]]:
    """(meta, body Markdown, furniture lines, captions) for an HTML page."""
    page = parse_html_page(text, url=url)
    return page.meta, page.body, page.furniture, page.captions
