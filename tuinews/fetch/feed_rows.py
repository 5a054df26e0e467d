"""From a fetched feed to the rows of its entries: pure work, no database.

A refresh runs this in a separate process while its writer thread commits the previous feed's
entries, so parsing and writing use both cores (`fetch.parsing`); the writer then drops the entries
it already holds (`store_entries.write_feed`). Everything here is picklable.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tuinews.fetch.entries import entry_page, entry_row, entry_url, summary_text
from tuinews.fetch.feeds import FeedError, parse_feed
from tuinews.fetch.result import FetchResult
from tuinews.fetch.urls import link_allowed


@dataclass
class FeedOutcome:
    """What happened to one feed in a refresh."""

    feed_id: int
    url: str
    status: int | None = None
    new: int = 0
    seen: int = 0
    """Entries in the feed this time."""
    not_modified: bool = False
    error: str | None = None
    title: str | None = None
    to_fetch: list[tuple[int, str]] = field(default_factory=list, repr=False)
    """(article id, link) of the new summary-only entries whose page is still to be fetched."""


@dataclass
class PreparedEntry:
    """One entry, ready to insert."""

    row: dict[str, object]
    packed_page: bytes
    """The entry as a small HTML page (`entries.entry_page`), zlib-compressed as the store keeps it."""
    fetch_link: str | None
    """The page to fetch once stored (summary-only entries), else None."""


@dataclass
class PreparedFeed:
    """A parsed feed's entries (oldest first, one per guid and URL) and the status to record after them."""

    outcome: FeedOutcome
    status: dict[str, object]
    entries: list[PreparedEntry] = field(default_factory=list)


#: `known(feed_id, guids, urls)`: which of these guids (of this feed) and canonical URLs the cache holds.
KnownEntries = Callable[[int, list[str], list[str]], tuple[set[str], set[str]]]


def build_feed(
    feed_id: int,
    feed_url: str,
    result: FetchResult,
    *,
    full_text: bool = True,
    max_entries: int = 1000,
    known: KnownEntries | None = None,
) -> PreparedFeed:
    """Parse a fetch and build the rows of its entries; never raises for bad input.

    With `known`, entries the cache already holds get no rows: a feed that answers every refresh in full
    (no ETag or Last-Modified) mostly repeats what is stored, and building a row costs several times
    what parsing the entry does. The writer checks again before inserting (the cache may have changed).
    """
    outcome = FeedOutcome(feed_id, feed_url, result.status)
    if result.not_modified:
        outcome.not_modified = True
        return PreparedFeed(outcome, {"status": 304, "error": None})
    if not result.ok:
        outcome.error = result.error or f"HTTP {result.status}"
        return PreparedFeed(outcome, {"status": result.status, "error": outcome.error})
    try:
        feed = parse_feed(result.body, url=result.final_url, charset=result.charset, max_entries=max_entries)
    except FeedError as exc:
        outcome.error = str(exc)
        return PreparedFeed(outcome, {"status": result.status, "error": outcome.error})
    outcome.title = feed.title
    outcome.seen = len(feed.entries)
    status: dict[str, object] = {
        "status": result.status,
        "error": None,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "title": feed.title,
        "site_url": feed.site_url,
        "kind": feed.kind,
    }
    prepared = PreparedFeed(outcome, status)
    guids: set[str] = set()
    urls: set[str] = set()
    fresh = []
    for entry in feed.entries:  # the first of two entries with one guid or URL wins
        url = entry_url(entry, feed_id)
        if (entry.guid and entry.guid in guids) or url in urls:
            continue
        urls.add(url)
        if entry.guid:
            guids.add(entry.guid)
        fresh.append((entry, url))
    if known is not None and fresh:
        stored_guids, stored_urls = known(feed_id, list(guids), list(urls))
        fresh = [(e, u) for e, u in fresh if not ((e.guid and e.guid in stored_guids) or u in stored_urls)]
    # Oldest first, so that entries published at the same moment keep the feed's order in the list.
    fresh.reverse()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for entry, url in fresh:
        pending: str | None
        if entry.has_full_text:
            pending = "entry"
        elif full_text and entry.link and link_allowed(entry.link, result.final_url):
            pending = "fetch"
        else:
            pending = "entry" if entry.summary else None
        summary = summary_text(entry)
        prepared.entries.append(
            PreparedEntry(
                entry_row(
                    entry,
                    feed_id=feed_id,
                    url=url,
                    now=now,
                    pending=pending,
                    summary=summary,
                    outlet=feed.title,
                ),
                zlib.compress(entry_page(entry, feed_title=feed.title, summary=summary), 1),
                entry.link if pending == "fetch" else None,
            )
        )
    return prepared
