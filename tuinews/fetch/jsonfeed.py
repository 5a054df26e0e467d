"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into the same `ParsedFeed` as RSS and Atom."""

from __future__ import annotations

import html
import json
from typing import Any

from tuinews.fetch.dates import parse_feed_date
from tuinews.fetch.entry import FeedEntry, ParsedFeed
from tuinews.fetch.urls import resolve_url
from tuinews.sanitize import clean_line


def _text(value: Any) -> Any:
    """Strings with lone surrogates replaced (U+FFFD); lists walked; anything else as it is."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if isinstance(value, list):
        return [_text(v) for v in value]
    return value


def _clean_object(node: dict[str, Any]) -> dict[str, Any]:
    return {_text(k): _text(v) for k, v in node.items()}


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _authors(node: dict[str, Any]) -> list[str]:
    people = node.get("authors")
    if not isinstance(people, list):
        people = [node.get("author")]
    names = [
        clean_line(p.get("name")) for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)
    ]
    return [n for n in names if n]


def parse_json_feed(data: bytes, *, url: str | None = None, max_entries: int = 1000) -> ParsedFeed:
    """Parse JSON Feed bytes; `FeedError` when they are not one."""
    from tuinews.fetch.feeds import FeedError, plain

    try:
        # JSON escapes can spell lone surrogates ("\ud800"), which are valid JSON but not text: they
        # are replaced as the strings are decoded, so nothing downstream can choke on them.
        doc = json.loads(data, object_hook=_clean_object)
    except (ValueError, RecursionError):
        raise FeedError("not a feed: the JSON cannot be parsed") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError("not a feed: JSON without a JSON Feed version")
    feed_url = _str(doc.get("feed_url"))
    base = url or feed_url
    feed = ParsedFeed(
        kind="json",
        title=plain(_str(doc.get("title"))) or None,
        site_url=resolve_url(base, _str(doc.get("home_page_url"))),
        description=plain(_str(doc.get("description"))) or None,
    )
    raw_items = doc.get("items")
    items = [i for i in raw_items if isinstance(i, dict)] if isinstance(raw_items, list) else []
    feed.dropped = max(0, len(items) - max_entries)
    for item in items[:max_entries]:
        text = _str(item.get("content_text"))
        content = _str(item.get("content_html")) or (
            "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
            if text
            else None
        )
        link = resolve_url(base, _str(item.get("url")) or _str(item.get("external_url")))
        guid = item.get("id")
        entry = FeedEntry(
            title=plain(_str(item.get("title"))),
            link=link,
            guid=str(guid) if isinstance(guid, (str, int)) and str(guid) else None,
            summary=html.escape(_str(item.get("summary")) or "", quote=False) or None,
            content=content,
            published_raw=_str(item.get("date_published")),
            updated_raw=_str(item.get("date_modified")),
            authors=_authors(item) or _authors(doc),
            categories=[clean_line(t) for t in item.get("tags") or [] if isinstance(t, str)],
            image=resolve_url(base, _str(item.get("image")) or _str(item.get("banner_image"))),
            base=link or base,
        )
        entry.published = parse_feed_date(entry.published_raw)
        entry.updated = parse_feed_date(entry.updated_raw)
        if not entry.title:
            words = plain(entry.summary or entry.content or "").split()
            entry.title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
        feed.entries.append(entry)
    return feed
