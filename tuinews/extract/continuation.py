"""Article bodies split into several containers (ad slots between them): the parts the extractor left out.

Many templates close the article's text container before an ad or a "most popular" rail and open an
identical one after it. The extractor keeps the container holding most of the text and drops the others.
So: find the container the extracted paragraphs sit in, look for other elements with exactly the same
tag and class, and take their paragraphs when they read like prose (enough words, few links).
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from tuinews.extract.boilerplate import plain

_BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote", "table"}
#: A sibling container must hold at least this many words of paragraphs to be taken.
MIN_WORDS = 40
#: ... and no more than this share of its words inside links.
MAX_LINK_SHARE = 0.3
_PREFIX = 60


def _key(text: str) -> str:
    return " ".join(text.split())[:_PREFIX].casefold()


def _container(tree: lxml_html.HtmlElement, markdown: str) -> lxml_html.HtmlElement | None:
    """The element with a class that directly holds most of the extracted paragraphs."""
    wanted = {_key(plain(block)) for block in markdown.split("\n\n") if len(block) >= 80}
    if not wanted:
        return None
    counts: dict[lxml_html.HtmlElement, int] = {}
    for para in tree.iter("p"):
        if _key(para.text_content()) in wanted:
            parent = para.getparent()
            if parent is not None and parent.get("class"):
                counts[parent] = counts.get(parent, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda node: counts[node])
    return best if counts[best] >= 2 else None


def _prose(container: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The container's own block children, if together they read like article text."""
    blocks = [
        child
        for child in container
        if child.tag in _BLOCKS and child.text_content().strip() and not _link_list(child)
    ]
    words = sum(len(block.text_content().split()) for block in blocks)
    linked = sum(len(a.text_content().split()) for block in blocks for a in block.iter("a"))
    if words < MIN_WORDS or linked > MAX_LINK_SHARE * words:
        return []
    return blocks


def _link_list(block: lxml_html.HtmlElement) -> bool:
    """A list whose every item holds a link: "more stories", not the article."""
    items = block.findall("li") if block.tag in ("ul", "ol") else []
    return bool(items) and all(item.find(".//a") is not None for item in items)


def _position(node: lxml_html.HtmlElement) -> float:
    return float(node.xpath("count(preceding::*)"))


def continued_html(tree: lxml_html.HtmlElement, markdown: str) -> str:
    """HTML of the parts of a split article that follow the extracted body ("" for most pages).

    Only containers *after* the main one count: a same-class box before it is a summary or a pull
    quote, not the rest of the story.
    """
    main = _container(tree, markdown)
    if main is None:
        return ""
    tag, cls = main.tag, main.get("class", "")
    if '"' in cls:
        return ""
    siblings = [
        node
        for node in tree.xpath(f'//{tag}[@class="{cls}"]')
        if node is not main and main not in node.iterancestors() and node not in main.iterancestors()
    ]
    if not siblings:
        return ""
    where = _position(main)
    parts: list[str] = []
    for node in siblings:
        blocks = _prose(node) if _position(node) > where else []
        parts.extend(etree.tostring(block, encoding="unicode", with_tail=False) for block in blocks)
    return "".join(parts)
