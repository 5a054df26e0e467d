"""What the refresh's parsing process runs (`parsing.FeedBuilder` submits it): feed rows built with the
entries the cache already holds left out.

Kept apart from `parsing`, which drives the process from the event loop, so the process imports only this:
no asyncio, no httpx. It starts while the first feeds are on their way, on the same two cores, and every
millisecond of its imports is taken from the refresh itself.
"""

from __future__ import annotations

import sqlite3

from tuinews.fetch.feed_rows import KnownEntries, PreparedFeed, build_feed
from tuinews.fetch.result import FetchResult
from tuinews.store.known import guids_in_cache, open_reader, urls_in_cache


def ready() -> bool:
    """Run once in the process: its imports are done when this returns."""
    return True


#: The process's read-only connection to the cache, opened with its first feed.
_reader: sqlite3.Connection | None = None


def _known_in(db_path: str) -> KnownEntries:
    """What the cache holds, read in the process; nothing known when it cannot be read (the writer checks
    anyway, so this only saves work)."""

    def known(feed_id: int, _guids: list[str], urls: list[str]) -> tuple[set[str], set[str]]:
        global _reader
        try:
            if _reader is None:
                _reader = open_reader(db_path)
            return guids_in_cache(_reader, feed_id), urls_in_cache(_reader, urls)
        except sqlite3.Error:
            return set(), set()

    return known


def build(
    feed_id: int, feed_url: str, result: FetchResult, full_text: bool, max_entries: int, db_path: str | None
) -> PreparedFeed:
    """`feed_rows.build_feed`, skipping what the cache at `db_path` holds."""
    known = _known_in(db_path) if db_path else None
    return build_feed(feed_id, feed_url, result, full_text=full_text, max_entries=max_entries, known=known)
