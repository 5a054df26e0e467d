"""HTML fragments to Markdown through markdownify, with tuinews's own rules.

- Headings are ATX, at most three levels deep; `html.py` takes out the headline (shown once, above
  the body) and turns any other `#` into a `##` subhead.
- Links stay inline but short: only http(s), mailto and page-relative targets, tracking parameters
  dropped, `javascript:`/`data:` links reduced to their text, empty links removed.
- Images become their caption (`*Photo: …*`) or alt text; embeds are handled by `embeds.py`.
- Tables become Markdown tables (the first row is the header when the page has none).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

from tuinews.extract.embeds import EMBED_MARK
from tuinews.extract.typography import tidy_text

_SAFE_LINK = re.compile(r"^(https?:|mailto:|/|#|\.)", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
#: An image inside these reads as a word of the text (an icon, a logo), not as a picture of its own.
_INLINE_PARENTS = {
    "_inline",
    "a",
    "p",
    "span",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
}
#: Elements whose content is never text to read.
_DROPPED = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "object",
]
_WORD = re.compile(r"\w")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ito|smid|ref|src|mod|taid)$", re.I)
_FURNITURE_LINE = re.compile(
    r"^\s*[*_]*\s*(advertisement|advert|sponsored|read more|continue reading|also read|share|"
    r"share this article|listen to this article|subscribe|sign up|skip to (main )?content)\s*:?\s*[*_]*\s*$",
    re.IGNORECASE,
)


def short_url(href: str) -> str:
    """The link target without tracking parameters or an empty fragment."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return href
    if not parts.query and not parts.fragment:
        return href
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


class NewsConverter(MarkdownConverter):
    """markdownify rules for news bodies (see the module docstring)."""

    def convert_a(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        href = (el.get("href") or "").strip()
        text = " ".join(text.split())
        if not text:
            return ""
        if not href or href.startswith("#") or not _WORD.search(text.replace(EMBED_MARK, "x")):
            return text  # in-page or wordless ("." or "›"): the text alone
        base = self.options.get("base_url")
        if base and not _SCHEME.match(href):
            try:
                href = urljoin(base, href)  # relative ("story.html", "/news/x", "//host/x") made absolute
            except ValueError:  # a malformed host ("//[x")
                return text
        if not _SAFE_LINK.match(href):
            return text  # javascript:, data: and the like
        href = short_url(href).replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        text = text.replace("[", "(").replace("]", ")")
        if text == href:
            return f"<{href}>"
        return f"[{text}]({href})"

    def convert_img(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        alt = " ".join((el.get("alt") or "").split())
        if not alt:
            return ""
        return alt if parent_tags & _INLINE_PARENTS else f"\n\n*Photo: {alt}*\n\n"

    def convert_figcaption(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        caption = " ".join(text.split()).strip("*_ ")
        if not caption:
            return ""
        if not re.match(r"^(photo|image|picture|video|graphic)\b", caption, re.IGNORECASE):
            caption = f"Photo: {caption}"
        return f"\n\n*{caption}*\n\n"

    def convert_hN(self, n, el, text, parent_tags):  # type: ignore[no-untyped-def]  # noqa: N802
        return super().convert_hN(min(n, 3), el, text, parent_tags)

    def convert_iframe(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        src = (el.get("src") or "").strip()
        title = " ".join((el.get("title") or "").split()) or "Embedded media"
        return f"\n\n[{title}]({src})\n\n" if src.startswith(("http://", "https://")) else ""


_OPTIONS: dict[str, Any] = {
    "heading_style": "ATX",
    "bullets": "-",
    "strip": ["form"],
    "escape_asterisks": False,
    "escape_underscores": False,
    "table_infer_header": True,
}
_CONVERTER = NewsConverter(**_OPTIONS)


def html_to_markdown(html: str, *, base_url: str | None = None) -> str:
    """Convert an article HTML fragment to tidy Markdown; relative links resolve against `base_url`."""
    if not html.strip():
        return ""
    soup = BeautifulSoup(html, "lxml")
    if any(f"<{tag}" in html for tag in _DROPPED):
        for node in soup(_DROPPED):
            node.decompose()
    converter = NewsConverter(**{**_OPTIONS, "base_url": base_url}) if base_url else _CONVERTER
    return tidy_markdown(converter.convert_soup(soup))


def tidy_markdown(markdown: str) -> str:
    """Typography (spaces, mojibake), no furniture lines, no runs of blank lines."""
    lines = [line for line in markdown.split("\n") if not _FURNITURE_LINE.match(line)]
    text = tidy_text("\n".join(lines))
    return text + "\n" if text else ""
