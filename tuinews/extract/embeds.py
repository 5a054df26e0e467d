"""Embedded tweets, videos and captioned figures, rewritten so the extractor keeps them as one line each.

trafilatura drops `<iframe>`, `<figcaption>` and the class that marks an embedded tweet, and it drops a
paragraph that is nothing but a link. So before extraction each embed becomes a plain paragraph of text
ending in a link marked with `EMBED_MARK`; after conversion to Markdown `one_line_embeds` folds that
paragraph into a single link: `[Tweet by Jane Roe (@jroe): “…”](https://twitter.com/…)`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import html as lxml_html

#: The text of the link an embed paragraph ends in (private use: never in a real page).
EMBED_MARK = "\ue0e0"

_TWEET_CLASS = re.compile(r"\b(twitter-tweet|twitter-video|tweet-embed|embedded-tweet)\b")
_STATUS = re.compile(r"^https?://(www\.|mobile\.)?(twitter|x)\.com/[^/]+/status(es)?/\d+")
_VIDEO_HOST = re.compile(
    r"(youtube(-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|facebook\.com/plugins/video)"
)
_EMBED_BLOCK = re.compile(
    rf"^(?P<text>(Tweet|Video)\b.*?)\s*\[{EMBED_MARK}\]\((?P<url>[^)\s]+)\)\s*$", re.DOTALL
)
_SPACE = re.compile(r"\s+")


def _paragraph(text: str, url: str) -> lxml_html.HtmlElement:
    para = lxml_html.Element("p")
    para.text = text + " "
    link = lxml_html.Element("a", href=url)
    link.text = EMBED_MARK
    para.append(link)
    return para


#: Wrappers an embed may be hoisted out of (never the article's own containers).
_WRAPPERS = {"div", "figure", "span", "section", "center", "p"}


def _replace(old: lxml_html.HtmlElement, new: lxml_html.HtmlElement) -> None:
    """Put `new` where `old` is, in place of any wrapper that holds nothing else.

    Embed wrappers are often classed "social-embed" or "twitter-embed", which extractors drop as
    share furniture; the paragraph that replaces the embed must not sit inside one.
    """
    text = _SPACE.sub("", old.text_content())
    parent = old.getparent()
    while (
        parent is not None
        and parent.tag in _WRAPPERS
        and parent.getparent() is not None
        and _SPACE.sub("", parent.text_content()) == text
        and not (old.tail or "").strip()
    ):
        old, parent = parent, parent.getparent()
    new.tail = old.tail
    if parent is not None:
        parent.replace(old, new)


def _text(node: lxml_html.HtmlElement) -> str:
    for br in node.iter("br"):
        br.tail = " " + (br.tail or "")
    return _SPACE.sub(" ", node.text_content()).strip()


def _tweet(node: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    links = [a.get("href", "") for a in node.iter("a")]
    status = next((href for href in reversed(links) if _STATUS.match(href)), None)
    whole = _text(node)
    paragraphs = [_text(p) for p in node.iter("p")]
    words = " ".join(p for p in paragraphs if p)
    credit = whole[len(words) :].strip() if words and whole.startswith(words) else ""
    if not words:
        words, _, credit = whole.rpartition("\u2014")
        credit = "\u2014" + credit if words else ""
        words = (words or whole).strip()
    if not status or not words:
        return None
    credit = credit.strip(" \u2014-")
    return _paragraph(f"Tweet: \u201c{words}\u201d" + (f" \u2014 {credit}" if credit else ""), status)


def _video(node: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    src = (node.get("src") or node.get("data-src") or "").strip()
    if src.startswith("//"):
        src = "https:" + src
    if not src.startswith(("http://", "https://")) or not _VIDEO_HOST.search(src):
        return None
    title = _SPACE.sub(" ", node.get("title") or "").strip()
    return _paragraph(f"Video: {title or urlsplit(src).hostname}", src)


def _figure(node: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    caption = node.find(".//figcaption")
    if caption is None:
        return None
    text = _SPACE.sub(" ", caption.text_content()).strip()
    if not text:
        return None
    para = lxml_html.Element("p")
    emphasis = lxml_html.Element("em")
    emphasis.text = (
        text if re.match(r"^(photo|image|picture|video|graphic)\b", text, re.I) else f"Photo: {text}"
    )
    para.append(emphasis)
    return para


def rewrite_embeds(tree: lxml_html.HtmlElement, *, captions: bool = True) -> None:
    """Turn tweets, video iframes and (when `captions`) captioned figures into plain paragraphs, in place."""
    for node in list(tree.iter("blockquote")):
        if _TWEET_CLASS.search(node.get("class") or ""):
            new = _tweet(node)
            if new is not None:
                _replace(node, new)
    for node in list(tree.iter("iframe")):
        new = _video(node)
        if new is not None:
            _replace(node, new)
    if captions:
        for node in list(tree.iter("figure")):
            new = _figure(node)
            if new is not None:
                _replace(node, new)


def one_line_embeds(block: str) -> str:
    """A Markdown block made from an embed paragraph, folded into one link; any other block unchanged."""
    found = _EMBED_BLOCK.match(block) if EMBED_MARK in block else None
    if not found:
        return block.replace(f"[{EMBED_MARK}]", "[link]")
    text = _SPACE.sub(" ", found.group("text")).replace("[", "(").replace("]", ")")
    return f"[{text}]({found.group('url')})"
