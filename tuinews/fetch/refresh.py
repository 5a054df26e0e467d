"""Refreshing feeds: the one API the app and the CLI call.

    summary = await refresh_feeds(db_path, feed_ids=None, progress=callback)

Three steps, each article committed on its own: (1) every feed fetched concurrently with conditional
GET, new entries stored at once (listable within moments); (2) the pages of summary-only entries
fetched and kept raw; (3) the background step builds full bodies, quotes and datelines. A failing feed
or page is recorded (`feeds.last_error`) and never stops the others; nothing here raises for one.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from tuinews.fetch.client import Fetcher, FetchLimits
from tuinews.fetch.extraction import extract_pending
from tuinews.fetch.feeds import MAX_ENTRIES
from tuinews.fetch.lock import RefreshLock
from tuinews.fetch.store_entries import FeedOutcome, store_feed
from tuinews.store.db import open_db
from tuinews.store.feeds import (
    get_feed_states,
    list_pending,
    save_page,
    set_extract_error,
    update_feed_status,
)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"


@dataclass(frozen=True)
class RefreshOptions:
    """How hard and how politely to refresh."""

    concurrency: int = 64
    per_host: int = 6
    limits: FetchLimits = FetchLimits()
    full_text: bool = True
    """Fetch the linked page of entries that carry only a summary."""
    extract: bool = True
    """Run the background step (bodies, quotes, datelines) before returning."""
    max_entries: int = MAX_ENTRIES
    entries_per_transaction: int = 1
    """1: every article is committed on its own. More: that many per commit (faster; see `store_feed`)."""
    deadline: float = 600.0
    """Seconds for the network steps of the whole refresh."""


@dataclass
class RefreshProgress:
    """One progress report: `phase` is "feeds", "pages", "extract" or "done"; `done` of `total`."""

    phase: str
    done: int
    total: int
    new: int = 0
    """New articles stored so far."""
    feed: FeedOutcome | None = None
    """The feed just finished (in the "feeds" phase)."""


@dataclass
class RefreshSummary:
    """What a refresh did."""

    feeds: list[FeedOutcome] = field(default_factory=list)
    pages_fetched: int = 0
    pages_failed: int = 0
    extracted: int = 0
    extract_failed: int = 0
    requests: int = 0
    stored_seconds: float = 0.0
    """Time until every new entry was stored and listable (steps 1 and 2)."""
    total_seconds: float = 0.0
    error: str | None = None
    """Set only when the refresh could not run at all (for example another refresh holds the lock)."""

    @property
    def new(self) -> int:
        """New articles."""
        return sum(f.new for f in self.feeds)

    @property
    def failed(self) -> int:
        """Feeds that failed."""
        return sum(1 for f in self.feeds if f.error)

    @property
    def unchanged(self) -> int:
        """Feeds that worked and had nothing new."""
        return sum(1 for f in self.feeds if not f.error and f.new == 0)

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        if self.error:
            return self.error
        text = f"{len(self.feeds)} feeds: {self.new} new articles, {self.unchanged} unchanged, "
        text += f"{self.failed} failed"
        if self.pages_fetched or self.pages_failed:
            text += f"; {self.pages_fetched} pages fetched" + (
                f" ({self.pages_failed} failed)" if self.pages_failed else ""
            )
        return text


def _open(db_path: Path) -> Database:
    db = open_db(db_path)
    # WAL with synchronous=NORMAL: a commit survives the process being killed (not a power cut), and costs
    # microseconds instead of an fsync, which is what lets thousands of one-article transactions run fast.
    db.execute("PRAGMA synchronous = NORMAL")
    return db


async def refresh_feeds(
    db_path: Path | str,
    *,
    feed_ids: Iterable[int] | None = None,
    progress: Callable[[RefreshProgress], None] | None = None,
    options: RefreshOptions = RefreshOptions(),
) -> RefreshSummary:
    """Refresh the feeds with these ids (all when None). Never raises for a failing feed or page."""
    summary = RefreshSummary()
    started = time.perf_counter()
    report = progress or (lambda _p: None)
    lock = RefreshLock(Path(db_path))
    if not lock.acquire():
        summary.error = "another refresh is running on this cache"
        return summary
    try:
        db = _open(Path(db_path))
        try:
            async with Fetcher(
                options.limits, concurrency=options.concurrency, per_host=options.per_host
            ) as fetcher:
                try:
                    async with asyncio.timeout(options.deadline):
                        await _fetch_feeds(db, fetcher, feed_ids, options, summary, report)
                        if options.full_text:
                            await _fetch_pages(db, fetcher, summary, report)
                except TimeoutError:
                    summary.error = f"the refresh stopped at its {options.deadline:g} s deadline"
                summary.requests = fetcher.requests
            summary.stored_seconds = time.perf_counter() - started
            if options.extract:
                done, failed = extract_pending(
                    db, progress=lambda d, t: report(RefreshProgress("extract", d, t))
                )
                summary.extracted, summary.extract_failed = done, failed
        finally:
            db.close()
    finally:
        lock.release()
    summary.total_seconds = time.perf_counter() - started
    report(RefreshProgress("done", len(summary.feeds), len(summary.feeds), summary.new))
    return summary


async def _fetch_feeds(
    db: Database,
    fetcher: Fetcher,
    feed_ids: Iterable[int] | None,
    options: RefreshOptions,
    summary: RefreshSummary,
    report: Callable[[RefreshProgress], None],
) -> None:
    states = get_feed_states(db, feed_ids)
    report(RefreshProgress("feeds", 0, len(states)))

    async def one(state):  # type: ignore[no-untyped-def]
        result = await fetcher.fetch(
            state.url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT
        )
        outcome = store_feed(
            db,
            state,
            result,
            full_text=options.full_text,
            max_entries=options.max_entries,
            per_transaction=options.entries_per_transaction,
        )
        summary.feeds.append(outcome)
        report(RefreshProgress("feeds", len(summary.feeds), len(states), summary.new, outcome))

    try:
        await asyncio.gather(*(one(s) for s in states))
    except asyncio.CancelledError:
        raise
    finally:
        finished = {f.feed_id for f in summary.feeds}
        for state in states:
            if state.id not in finished:
                with contextlib.suppress(Exception):
                    update_feed_status(
                        db, state.id, status=None, error="the refresh stopped before this feed"
                    )


async def _fetch_pages(
    db: Database, fetcher: Fetcher, summary: RefreshSummary, report: Callable[[RefreshProgress], None]
) -> None:
    queue = list_pending(db, "fetch", limit=1_000_000)
    done = 0
    report(RefreshProgress("pages", 0, len(queue), summary.new))

    async def one(item):  # type: ignore[no-untyped-def]
        nonlocal done
        result = await fetcher.fetch(item.url, accept=PAGE_ACCEPT)
        if result.ok and result.body.strip():
            content_type = result.content_type or "text/html"
            if result.charset:
                content_type += f"; charset={result.charset}"
            save_page(db, item.id, result.final_url, result.body, content_type)
            summary.pages_fetched += 1
        else:
            set_extract_error(db, item.id, result.error or "the page was empty")
            summary.pages_failed += 1
        done += 1
        report(RefreshProgress("pages", done, len(queue), summary.new))

    await asyncio.gather(*(one(item) for item in queue))
