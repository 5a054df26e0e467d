"""The main text of an HTML page: trafilatura in precision mode, then our own fallbacks.

The extractor returns an HTML fragment that `markdown.py` turns into Markdown. When it finds nothing,
the paragraphs of the page's `<article>` (or `<body>`) are used; when even those are empty, the page's
plain text is returned and the caller marks the article as not extracted.
"""

from __future__ import annotations

import trafilatura
from lxml import etree
from lxml import html as lxml_html

#: Elements whose text is never article text (for the plain-text fallback).
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "button")
_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "table", "pre", "figure")


def main_html(tree: lxml_html.HtmlElement, url: str | None = None) -> str | None:
    """The article as an HTML fragment, or None when the extractor finds no article.

    favor_precision scores best on the benchmark corpus (fewer share bars and teasers); its occasional
    misses are recovered from JSON-LD or the fallbacks below.
    """
    try:
        found = trafilatura.extract(
            tree,
            url=url,
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
    return found or None


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


_BREAKING = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
             "blockquote", "header", "main", "aside", "figure", "figcaption", "pre", "table", "ul", "ol", "dd"}


def _visible_text(root: lxml_html.HtmlElement) -> list[str]:
    """Text pieces of a subtree in document order, "\n" around block elements; iterative, any depth."""
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
