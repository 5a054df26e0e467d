"""Subscription lists in and out: OPML (nested outlines become tags) and the one-URL-a-line lists other
terminal readers keep (newsboat's `urls`: URL then tags, quoted when they hold spaces).

Only http(s) URLs are taken: `exec:`, `filter:` and `query:` lines and any other scheme are skipped and
reported, never run.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from tuinews.fetch.urls import is_http_url
from tuinews.fetch.xmlsafe import parse_xml
from tuinews.sanitize import clean_line


class OPMLError(ValueError):
    """The file is neither OPML nor a URL list."""


@dataclass
class Subscription:
    """One feed to subscribe to."""

    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    site_url: str | None = None


@dataclass
class ImportList:
    """What a subscription file holds, and what was skipped and why."""

    feeds: list[Subscription] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def parse_subscriptions(data: bytes) -> ImportList:
    """OPML when the bytes look like XML, a URL list otherwise."""
    head = data.lstrip()[:200].lower()
    if head.startswith(b"<") and (b"<opml" in data[:4096].lower() or head.startswith(b"<?xml")):
        return parse_opml(data)
    return parse_url_list(data.decode("utf-8", errors="replace"))


def parse_opml(data: bytes) -> ImportList:
    """Every outline with an `xmlUrl`; the titles of enclosing outlines and `category` become tags."""
    root = parse_xml(data)
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise OPMLError("not an OPML file")
    body = next((c for c in root if isinstance(c.tag, str) and c.tag.lower() == "body"), None)
    result = ImportList()
    if body is not None:
        _walk(body, [], result)
    return result


def _walk(node, folders: list[str], result: ImportList) -> None:  # type: ignore[no-untyped-def]
    for outline in node:
        if not isinstance(outline.tag, str) or outline.tag.lower() != "outline":
            continue
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        name = clean_line(attrs.get("title") or attrs.get("text")) or None
        url = (attrs.get("xmlurl") or "").strip()
        if url:
            if not is_http_url(url):
                result.skipped.append(f"{clean_line(url)[:120]} (only http and https feeds are imported)")
                continue
            categories = [clean_line(c).strip("/") for c in (attrs.get("category") or "").split(",")]
            tags = list(dict.fromkeys([*folders, *(c for c in categories if c)]))
            site = (attrs.get("htmlurl") or "").strip()
            result.feeds.append(Subscription(url, name, tags, site if is_http_url(site) else None))
        else:
            _walk(outline, [*folders, name] if name else folders, result)


def parse_url_list(text: str) -> ImportList:
    """newsboat's `urls` format: `URL tag "tag with spaces" ~Title`, `#` comments."""
    result = ImportList()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            result.skipped.append(f"line {number}: unbalanced quotes")
            continue
        if not words:
            continue
        url, rest = words[0], words[1:]
        if not is_http_url(url):
            result.skipped.append(
                f"line {number}: {clean_line(url)[:120]} (only http and https feeds are imported)"
            )
            continue
        title = next((clean_line(w[1:]) for w in rest if w.startswith("~")), None)
        tags = [clean_line(w) for w in rest if not w.startswith(("~", "!")) and clean_line(w)]
        result.feeds.append(Subscription(url, title or None, tags))
    return result


def to_opml(feeds: list[Subscription], *, title: str = "tuinews subscriptions") -> str:
    """OPML 2.0: feeds grouped under their first tag, other tags in `category`; every value cleaned, since
    the result is printed to the terminal."""
    groups: dict[str, list[Subscription]] = {}
    for feed in feeds:
        groups.setdefault(feed.tags[0] if feed.tags else "", []).append(feed)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_esc(clean_line(title))}</title></head>",
        "  <body>",
    ]
    for group, members in groups.items():
        indent = "    "
        if group:
            label = clean_line(group)
            lines.append(f"    <outline text={quoteattr(label)} title={quoteattr(label)}>")
            indent = "      "
        for feed in members:
            name = clean_line(feed.title) or clean_line(feed.url)
            url = clean_line(feed.url)
            attrs = f'type="rss" text={quoteattr(name)} title={quoteattr(name)} xmlUrl={quoteattr(url)}'
            if feed.site_url and is_http_url(feed.site_url):
                attrs += f" htmlUrl={quoteattr(clean_line(feed.site_url))}"
            extra = [clean_line(t) for t in (feed.tags[1:] if group else feed.tags)]
            if extra:
                attrs += f" category={quoteattr(','.join(extra))}"
            lines.append(f"{indent}<outline {attrs}/>")
        if group:
            lines.append("    </outline>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _esc(text: str) -> str:
    return quoteattr(text)[1:-1]
