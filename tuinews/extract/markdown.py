"""HTML fragments to Markdown through markdownify, with tuinews's own rules."""

from __future__ import annotations

import re

from markdownify import MarkdownConverter

_SAFE_LINK = re.compile(r"^(https?:|mailto:|/|#|\.)", re.IGNORECASE)
_FURNITURE_LINE = re.compile(
    r"^\s*(advertisement|advert|sponsored|read more|continue reading|also read|share|share this article|"
    r"listen to this article|subscribe|sign up|skip to (main )?content)\s*:?\s*$",
    re.IGNORECASE,
)


class NewsConverter(MarkdownConverter):
    """markdownify rules for news bodies: ATX headings, safe short links, images as their alt text."""

    def convert_a(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        href = (el.get("href") or "").strip()
        text = text.strip()
        if not text:
            return ""
        if not href or not _SAFE_LINK.match(href):
            return text
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        alt = " ".join((el.get("alt") or "").split())
        return f"*Image: {alt}*" if alt and "_inline" not in parent_tags else alt

    def convert_figcaption(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        caption = " ".join(text.split())
        return f"\n\n*{caption}*\n\n" if caption else ""

    def convert_iframe(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        src = (el.get("src") or "").strip()
        return f"\n\n[Embedded media]({src})\n\n" if src.startswith(("http://", "https://")) else ""


def html_to_markdown(html: str) -> str:
    """Convert an article HTML fragment to tidy Markdown."""
    markdown = NewsConverter(
        heading_style="ATX",
        bullets="-",
        strip=["script", "style", "noscript", "form", "button", "svg"],
        escape_asterisks=False,
        escape_underscores=False,
    ).convert(html)
    return tidy_markdown(markdown)


def tidy_markdown(markdown: str) -> str:
    """Fold non-breaking spaces, drop furniture lines and runs of blank lines."""
    markdown = markdown.replace("\u00a0", " ").replace("\u202f", " ")
    lines = [line.rstrip() for line in markdown.splitlines()]
    kept = [line for line in lines if not _FURNITURE_LINE.match(line)]
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n" if text.strip() else ""
