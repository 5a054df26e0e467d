"""The main text of an HTML page: trafilatura in precision mode, then our own fallbacks.

The extractor returns an HTML fragment that `markdown.py` turns into Markdown. When it finds nothing,
the paragraphs of the page's `<article>` (or `<body>`) are used; when even those are empty, the page's
plain text is returned and the caller marks the article as not extracted.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.settings import Document

#: Elements whose text is never article text (for the plain-text fallback).
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "button")
_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "table", "pre", "figure")


#: Class names of hover cards: a person's photo and latest headlines hidden inside a sentence.
_POPUP = re.compile(r"(^|[\s_-])(tooltip|popover|popup|hovercard|hover-card|rollover)", re.IGNORECASE)


def prune_popups(tree: lxml_html.HtmlElement) -> None:
    """Remove hover cards in place, innermost first, keeping the link they hang from.

    Only a card holding an image or two or more links goes, so a wrapper left with just the name's
    link (the text of the sentence) stays.
    """
    candidates = [node for node in tree.xpath("//body//*[@class]") if _POPUP.search(node.get("class", ""))]
    for node in reversed(candidates):
        if node.getparent() is None:
            continue
        if node.find(".//img") is not None or len(node.xpath(".//a")) >= 2:
            node.drop_tree()


#: Below this many words a fast extraction may have picked a sidebar: run the full cascade.
RECHECK_WORDS = 200

#: Elements that are never article text: dropped before extraction, which then has fewer nodes to visit.
_INERT = (
    "script",
    "style",
    "svg",
    "noscript",
    "template",
    "link",
    "meta",
    "button",
    "select",
    "textarea",
    "input",
)


#: Elements trafilatura discards whole in its own cleaning (its `MANUALLY_CLEANED`), removed here in one
#: C-level pass instead: same result, fewer nodes for its many XPath passes (a fifth faster on the corpus).
_DISCARDED = (
    "head",
    "nav",
    "aside",
    "footer",
    "iframe",
    "figure",
    "picture",
    "video",
    "audio",
    "canvas",
    "map",
)


def strip_inert(tree: lxml_html.HtmlElement) -> None:
    """Remove what is never article text, in place (tails stay): scripts, styles, icons, form controls,
    navigation, asides, footers and media. Metadata, captions and embeds must be read before this."""
    etree.strip_elements(tree, *_INERT, with_tail=False)
    etree.strip_elements(tree, *_DISCARDED, with_tail=False)


def main_html(tree: lxml_html.HtmlElement) -> str | None:
    """The article as an HTML fragment, or None when the extractor finds no article.

    trafilatura in precision mode, which scores best on the benchmark corpus. Its fast mode first
    (no comparison with readability and jusText); the full cascade only when the fast result is short,
    which on the corpus is exactly where the two differ, at two thirds of the cost on the other pages.
    `bare_extraction` rather than `extract`, which would also hash the text for deduplication.
    """
    found = _extract(tree, fast=True)
    if found is None or len((found.raw_text or "").split()) < RECHECK_WORDS:
        found = _extract(tree, fast=False) or found
    if found is None or not (found.raw_text or "").strip():
        return None
    return etree.tostring(convert_to_html(found.body), encoding="unicode")


def _extract(tree: lxml_html.HtmlElement, *, fast: bool) -> Document | None:
    # No url: trafilatura would resolve every link on the page; markdown.py resolves the kept ones.
    try:
        found = bare_extraction(
            tree,
            fast=fast,
            output_format="html",
            favor_precision=True,
            include_links=True,
            include_images=False,
            include_tables=True,
            include_comments=False,
            include_formatting=True,
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return found if isinstance(found, Document) and found.body is not None and found.raw_text else None


def fallback_html(tree: lxml_html.HtmlElement) -> str:
    """The block elements of the page's `<article>`, else of `<body>`, as one HTML fragment."""
    scope = tree.xpath("//article") or tree.xpath("//body") or [tree]
    parts = []
    for node in scope[0].iter(*_BLOCKS):
        if node.getparent() is not None and _inside_block(node):
            continue  # its enclosing block is already taken whole
        if node.text_content().strip():
            parts.append(etree.tostring(node, encoding="unicode", with_tail=False))
    return "\n".join(parts)


def _inside_block(node: lxml_html.HtmlElement) -> bool:
    return any(ancestor.tag in _BLOCKS for ancestor in node.iterancestors())


def page_plain_text(tree: lxml_html.HtmlElement) -> str:
    """Every visible paragraph of text on the page, blank-line separated: the last resort."""
    body = tree.find("body")
    pieces = _visible_text(body if body is not None else tree)
    paragraphs = (" ".join(chunk.split()) for chunk in "".join(pieces).split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


#: Elements that start a new paragraph in the plain-text fallback.
_BLOCK_TAGS = (
    "p div li br h1 h2 h3 h4 h5 h6 tr dd section article blockquote header main aside figure figcaption"
)
_BREAKING = frozenset((*_BLOCK_TAGS.split(), "pre", "table", "ul", "ol"))


def _visible_text(root: lxml_html.HtmlElement) -> list[str]:
    """Text pieces of a subtree in document order, a newline around block elements; iterative, any depth."""
    pieces: list[str] = []
    stack: list[tuple[lxml_html.HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        breaks = element.tag in _BREAKING
        if closing:
            if breaks:
                pieces.append("\n")
            if element is not root and element.tail:
                pieces.append(element.tail)
            continue
        if not isinstance(element.tag, str) or element.tag in _INVISIBLE:
            if element is not root and element.tail:
                pieces.append(element.tail)
            continue
        if breaks:
            pieces.append("\n")
        if element.text:
            pieces.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return pieces
