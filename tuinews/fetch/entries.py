"""Feed entries into articles: a quick row first (so the list shows them at once), the full body later.

`entry_row` costs a few microseconds: title, link, dates, authors and the summary as plain text. The
entry's HTML is kept as a small self-describing page (`entry_page`), and `entry_article` turns it into
a complete `Article` (Markdown body, quotes, dateline) in the background step; because it is a normal
HTML page, `tuinews reprocess` can re-extract it too. This module stays free of the extraction stack,
so the process that parses feeds during a refresh starts quickly.
"""

from __future__ import annotations

import hashlib
import html
import json
import re

from tuinews.fetch.entry import FeedEntry
from tuinews.fetch.urls import canonical_url
from tuinews.isotime import to_utc
from tuinews.sanitize import clean_line, clean_text

_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style|iframe|object)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
ENTRY_CONTENT_TYPE = "text/html; charset=utf-8; profile=feed-entry"
#: Meta names of an entry page for its dates as the feed printed them.
PUBLISHED_AS_PRINTED = "tuinews:published-as-printed"
MODIFIED_AS_PRINTED = "tuinews:modified-as-printed"


def quick_text(fragment: str | None, limit: int = 20000) -> str:
    """HTML to plain paragraphs, cheaply (regular expressions, no tree): for the immediate row only."""
    if not fragment:
        return ""
    text = _DROP.sub(" ", fragment[: limit * 4])
    text = _BLOCK_END.sub("\n\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    paragraphs = (" ".join(p.split()) for p in clean_text(text).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)[:limit]


def entry_url(entry: FeedEntry, feed_id: int) -> str:
    """The key an entry is stored under: its canonical link, or a stable name when it has none."""
    if entry.link:
        return canonical_url(entry.link)
    seed = (
        entry.guid or f"{entry.title}\0{entry.published_raw}\0{(entry.summary or entry.content or '')[:500]}"
    )
    return f"tuinews:feed/{feed_id}/entry/{hashlib.sha256(seed.encode()).hexdigest()[:20]}"


def summary_text(entry: FeedEntry) -> str:
    """The entry's summary as plain text (what `entry_row` and `entry_page` show of it)."""
    return quick_text(entry.summary, 2000)


def entry_row(
    entry: FeedEntry,
    *,
    feed_id: int,
    url: str,
    now: str,
    pending: str | None,
    summary: str | None = None,
    outlet: str | None = None,
) -> dict[str, object]:
    """The row `store.feeds.save_entry` inserts right away (`summary`: `summary_text(entry)`, if known;
    `outlet`: the feed's title, the list's source until the article's own is known)."""
    summary = summary_text(entry) if summary is None else summary
    # An entry whose body the background step builds from its entry page ("entry") carries only its
    # summary until then: the reader shows such an article built on the spot (`fetch.preview`), and
    # turning the content into text here too cost a fifth of parsing a feed on the refresh's busiest path.
    # A body that a fetched page will replace ("fetch") is the feed's own text, kept for the `v` view.
    full_later = pending == "entry"
    body = summary if full_later else quick_text(entry.content, 1500 if pending else 20000) or summary
    dek = summary if summary and len(summary) <= 400 and summary != body else None
    published = entry.published or entry.updated
    published_utc = to_utc(published)
    title = clean_line(entry.title) or "(untitled)"
    return {
        "url": url,
        "feed_id": feed_id,
        "guid": entry.guid,
        "title": title,
        "dek": dek,
        "byline": json.dumps(entry.authors, ensure_ascii=False),
        "outlet": outlet,
        "published": published,
        "published_raw": entry.published_raw or entry.updated_raw,
        "updated": entry.updated if entry.published else None,
        "updated_raw": entry.updated_raw if entry.published else None,
        "published_utc": published_utc,
        "body_markdown": body + "\n" if body else "",
        # The fingerprint of the finished article is set by the background step; until then none (an
        # empty one: all of them sit together at one end of the index instead of at random places).
        "content_hash": "",
        "source_kind": "feed",
        "fetched_at": now,
        "sort_key": published_utc or now,
        "pending": pending,
        # The feed's own text is kept apart only when a fetched page will replace the body; otherwise the
        # body built later is the feed's text.
        "feed_markdown": body + "\n" if body and pending == "fetch" else None,
    }


def entry_page(entry: FeedEntry, *, feed_title: str | None = None, summary: str | None = None) -> bytes:
    """The entry as a small HTML page (title, meta tags, body), kept as the article's raw page.

    The body is the feed's HTML as it came; a `<base>` element says what its relative links resolve
    against (the entry's xml:base, else its link), and whoever reads the page resolves the links it keeps.
    Rewriting every link here cost more than the rest of the page (a regular expression over the whole
    body, then a URL join per link) on the refresh's busiest path.
    """
    esc = html.escape
    summary = summary_text(entry) if summary is None else summary
    metas = [
        ("article:published_time", entry.published),
        ("article:modified_time", entry.updated),
        # The dates as the feed printed them (`… 10:47:00 GMT`): the dateline shows the zone they name.
        (PUBLISHED_AS_PRINTED, entry.published_raw),
        (MODIFIED_AS_PRINTED, entry.updated_raw),
        ("og:site_name", feed_title),
        ("description", summary[:600] or None),
    ]
    metas += [("author", name) for name in entry.authors]
    head = "".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in metas if v)
    canonical = f'<link rel="canonical" href="{esc(entry.link)}">' if entry.link else ""
    base = entry.base or entry.link
    base_tag = f'<base href="{esc(base)}">' if base else ""
    body = entry.content or entry.summary or ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{base_tag}<title>{esc(entry.title)}</title>'
        f"{canonical}{head}</head><body><article>{body}</article></body></html>"
    ).encode()
