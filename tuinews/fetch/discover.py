"""Feed discovery: `tuinews feed add https://site/` finds the feeds a page announces."""

from __future__ import annotations

from lxml import html as lxml_html

from tuinews.extract.decode import decode_bytes
from tuinews.fetch.urls import link_allowed, resolve_url

FEED_TYPES = {
    "application/rss+xml": 0,
    "application/atom+xml": 0,
    "application/feed+json": 1,
    "application/json": 2,
    "application/rdf+xml": 1,
    "application/xml": 3,
    "text/xml": 3,
}


def looks_like_feed(data: bytes) -> bool:
    """A cheap sniff: does this body start like RSS, Atom, RDF or JSON Feed rather than a web page?"""
    head = data.lstrip()[:2048].lower()
    if head.startswith(b"{"):
        return b"jsonfeed.org" in data[:4096]
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")) and b"<html" not in head


def discover_feeds(data: bytes, *, url: str, charset: str | None = None) -> list[str]:
    """Feed URLs announced by `<link rel="alternate" type="...">` in a page, best first.

    A feed on a private or loopback address is taken only from a page on that same host."""
    try:
        tree = lxml_html.document_fromstring(decode_bytes(data[:2_000_000], declared=charset))
    except Exception:  # noqa: BLE001 - an unparseable page simply announces nothing
        return []
    found: list[tuple[int, int, str]] = []
    for position, link in enumerate(tree.iter("link")):
        rels = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_TYPES:
            continue
        target = resolve_url(url, link.get("href"))
        if target and link_allowed(target, url) and all(target != f for _, _, f in found):
            found.append((FEED_TYPES[kind], position, target))
    return [f for _, _, f in sorted(found)]
