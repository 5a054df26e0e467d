"""Refreshing feeds: the one API the app and the CLI call.

    summary = await refresh_feeds(db_path, feed_ids=None, progress=callback)

Three steps, each article committed on its own: (1) every feed fetched concurrently with conditional
GET, new entries stored at once (listable within moments); (2) the pages of summary-only entries
fetched and kept raw, starting as soon as their feed is stored; (3) the background step builds full
bodies, quotes and datelines (`extraction`, over a process pool). A failing feed or page is recorded
(`feeds.last_error`) and never stops the others; nothing here raises for one.

The event loop does the network I/O only. Each fetched feed is parsed into rows by whichever is free
first: a worker process (`parsing.FeedBuilder`, for refreshes of many feeds) or the writer thread
(`writer.StoreWriter`), which does every write, one short transaction per article. New entries stay out
of the search index until step 3 has built them (schema m009).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from tuinews.fetch.client import FetchLimits, FetchResult
from tuinews.fetch.feeds import MAX_ENTRIES
from tuinews.fetch.fetchers import FetcherPool
from tuinews.fetch.lock import RefreshLock
from tuinews.fetch.parsing import FeedBuilder
from tuinews.fetch.store_entries import FeedOutcome, PreparedFeed, build_feed, store_feed, write_feed
from tuinews.fetch.urls import host_of
from tuinews.fetch.writer import StoreWriter
from tuinews.sanitize import clean_line
from tuinews.store.db import open_db
from tuinews.store.feeds import (
    FeedState,
    build_from_entry,
    checkpoint,
    get_feed_states,
    has_pending,
    list_pending,
    save_page,
    tune_for_refresh,
    update_feed_status,
)
from tuinews.wording import plural

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"


@dataclass(frozen=True)
class RefreshOptions:
    """How hard and how politely to refresh."""

    concurrency: int = 128
    """Requests in flight at once, over all hosts (spread over pools of `fetchers.CONNECTIONS_PER_POOL`)."""
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
    parse_processes: int | None = None
    """Processes that build feed rows beside the writer: None for one on a multi-core machine when there are
    at least `parsing.MIN_FEEDS` feeds, 0 to build them all on the writer thread."""
    extract_workers: int | None = None
    """Processes for the background step: None for one per CPU, 1 to build every article in this one."""
    keep_days: float | None = None
    """After the refresh, remove articles older than this many days (starred ones stay; `store.retention`)."""


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
    built_in_worker: int = 0
    """Feeds whose rows the parsing worker process built (the others were built on the writer thread)."""
    stored_seconds: float = 0.0
    """Time until every new entry was stored and listable (steps 1 and 2)."""
    total_seconds: float = 0.0
    error: str | None = None
    """Set only when the refresh could not run at all (for example another refresh holds the lock)."""
    pruned: int = 0
    """Old articles removed afterwards (`RefreshOptions.keep_days`)."""

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
        """The one-line summary the app shows: the error when the refresh could not run, else `counts()`."""
        return self.error or self.counts()

    def counts(self) -> str:
        """`2 feeds: 3 new articles, 1 feed unchanged, 1 failed; 4 pages fetched`."""
        text = (
            f"{plural(len(self.feeds), 'feed')}: {plural(self.new, 'new article')}, "
            f"{plural(self.unchanged, 'feed')} unchanged, {self.failed} failed"
        )
        if self.pages_fetched or self.pages_failed:
            text += f"; {plural(self.pages_fetched, 'page')} fetched"
            text += f" ({self.pages_failed} failed)" if self.pages_failed else ""
        if self.pruned:
            text += f"; {plural(self.pruned, 'old article')} removed"
        return text


def _open(db_path: Path) -> Database:
    db = open_db(db_path)
    # Many one-article transactions follow (the background step): see `tune_for_refresh`.
    tune_for_refresh(db)
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
            states = get_feed_states(db, feed_ids)
            # Pages a killed refresh left queued go out with their feed as the origin, as when they were
            # queued; a page whose feed is gone may reach no private address at all ("").
            feed_urls = {s.id: s.url for s in get_feed_states(db)}
            leftovers = [
                (i.id, i.url, feed_urls.get(i.feed_id, "") if i.feed_id is not None else "")
                for i in list_pending(db, "fetch", limit=1_000_000)
            ]
            run = _Run(options, summary, report)
            # The parsing worker boots and the writer opens its connection while the feeds are fetched.
            builder = FeedBuilder(len(states), processes=options.parse_processes, db_path=Path(db_path))
            booting = asyncio.create_task(builder.started())
            try:
                async with (
                    FetcherPool(
                        options.limits, concurrency=options.concurrency, per_host=options.per_host
                    ) as fetcher,
                    StoreWriter(Path(db_path)) as writer,
                ):
                    opening = asyncio.create_task(writer.run(_nothing))
                    try:
                        async with asyncio.timeout(options.deadline):
                            await run.fetch_all(
                                fetcher, writer, builder, states, leftovers if options.full_text else []
                            )
                    except TimeoutError:
                        summary.error = f"the refresh stopped at its {options.deadline:g} s deadline"
                    summary.requests = fetcher.requests
                    await asyncio.gather(opening, return_exceptions=True)
            finally:
                booting.cancel()
                builder.close()
            _mark_unfinished(db, states, summary)
            summary.stored_seconds = time.perf_counter() - started
            if options.extract and has_pending(db):
                # The extraction stack loads only here, and only with work for it (a quarter of a second
                # of imports, most of a refresh that found nothing new); the parsing worker imports this
                # module's callers and starts faster without it.
                from tuinews.fetch.extraction import extract_pending

                done, failed = extract_pending(
                    db,
                    progress=lambda d, t: report(RefreshProgress("extract", d, t)),
                    workers=options.extract_workers,
                )
                summary.extracted, summary.extract_failed = done, failed
            if options.keep_days:
                from tuinews.store.retention import prune_articles

                with contextlib.suppress(Exception):  # an old article left over is no reason to fail
                    summary.pruned = prune_articles(db, older_than_days=options.keep_days).articles
            with contextlib.suppress(Exception):
                checkpoint(db)
        finally:
            db.close()
    finally:
        lock.release()
    summary.total_seconds = time.perf_counter() - started
    report(RefreshProgress("done", len(summary.feeds), len(summary.feeds), summary.new))
    return summary


def _nothing(_db: object) -> None:
    """A job that only makes the writer open its connection."""


def _mark_unfinished(db: Database, states: list[FeedState], summary: RefreshSummary) -> None:
    finished = {f.feed_id for f in summary.feeds}
    for state in states:
        if state.id not in finished:
            with contextlib.suppress(Exception):
                update_feed_status(db, state.id, status=None, error="the refresh stopped before this feed")


def _record_feed_error(db: Database, feed_id: int, status: int | None, error: str) -> None:
    """Keep a feed's failure (the refresh goes on with the others)."""
    update_feed_status(db, feed_id, status=status, error=error)


def _save_fetched_page(db: Database, article_id: int, result: FetchResult) -> bool:
    """Keep a fetched page (queued for extraction); True when kept.

    Without one, the article is queued to be built from the feed's own entry (its stored entry page:
    summary text, dateline, quotes), the fetch error noted beside it.
    """
    if result.ok and result.body.strip():
        content_type = result.content_type or "text/html"
        if result.charset:
            content_type += f"; charset={result.charset}"
        save_page(db, article_id, result.final_url, result.body, content_type)
        return True
    build_from_entry(db, article_id, result.error or "the page was empty")
    return False


class _Run:
    """Steps 1 and 2 of one refresh: feeds, then each feed's pages as soon as its entries are stored.

    Fetched feeds wait in one queue. The writer loop stores a feed the worker has built if there is one,
    else takes the next fetched feed and builds it itself; so it never idles while the worker process
    starts, and a worker that breaks only hands its feeds back.

    Pages are fetched host by host: each host's pages go out `per_host` at a time over kept-alive
    connections, and each connection pool serves only as many hosts at once as it has connections
    for (`FetcherPool.host_slot`). Sending every
    page at once instead spread each small connection pool over dozens of hosts, so almost every
    request closed another host's idle connection and opened a new one (4,140 connects for 4,200
    requests in the 200-feed benchmark).
    """

    def __init__(
        self, options: RefreshOptions, summary: RefreshSummary, report: Callable[[RefreshProgress], None]
    ) -> None:
        self.options = options
        self.summary = summary
        self.report = report
        self.tasks: list[asyncio.Task[None]] = []
        self.pages_total = 0
        self.pages_done = 0
        self.feeds_done = False

    async def fetch_all(
        self,
        fetcher: FetcherPool,
        writer: StoreWriter,
        builder: FeedBuilder,
        states: list[FeedState],
        leftovers: list[tuple[int, str, str]],
    ) -> None:
        """Every feed, and the pages of new summary-only entries (plus any a killed refresh left, each with
        the URL of the feed it came from)."""
        self.report(RefreshProgress("feeds", 0, len(states)))
        by_origin: dict[str, list[tuple[int, str]]] = {}
        for article_id, url, origin in leftovers:
            by_origin.setdefault(origin, []).append((article_id, url))
        for origin, items in by_origin.items():
            self._queue_pages(fetcher, writer, items, origin=origin)
        fetched: asyncio.Queue[tuple[FeedState, FetchResult]] = asyncio.Queue()
        built: asyncio.Queue[tuple[FeedState, FetchResult, PreparedFeed | BaseException]] = asyncio.Queue()
        arrived = asyncio.Event()

        async def fetch(state: FeedState) -> None:
            try:
                result = await fetcher.fetch(
                    state.url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT
                )
            except Exception as exc:  # noqa: BLE001 - the fetcher reports failures in its result; never hang
                result = FetchResult(state.url, state.url, error=clean_line(f"{type(exc).__name__}: {exc}"))
            if result.ok:
                fetched.put_nowait((state, result))
            else:  # a 304 or a failure: nothing to parse, so no trip to either builder
                options = self.options
                prepared = build_feed(
                    state.id, state.url, result, full_text=options.full_text, max_entries=options.max_entries
                )
                built.put_nowait((state, result, prepared))
            arrived.set()

        async def build_in_worker() -> None:
            """Take fetched feeds for the worker process while it lasts (the writer takes the others)."""
            if not await builder.started():
                return
            while True:
                state, result = await fetched.get()
                try:
                    prepared: PreparedFeed | BaseException | None = await builder.build(
                        state.id,
                        state.url,
                        result,
                        full_text=self.options.full_text,
                        max_entries=self.options.max_entries,
                    )
                except Exception as exc:  # noqa: BLE001 - recorded as this feed's failure
                    prepared = exc
                if prepared is None:  # the worker is gone: the writer builds this one and the rest
                    fetched.put_nowait((state, result))
                    arrived.set()
                    return
                self.summary.built_in_worker += 1
                built.put_nowait((state, result, prepared))
                arrived.set()

        fetches = [asyncio.create_task(fetch(s)) for s in states]
        # Two in flight keep the worker busy while a result travels back.
        workers = [asyncio.create_task(build_in_worker()) for _ in range(2 if builder.enabled else 0)]
        try:
            for _ in states:
                while built.empty() and fetched.empty():
                    arrived.clear()
                    await arrived.wait()
                if not built.empty():
                    state, result, prepared = built.get_nowait()
                    await self._store(writer, state, result, prepared, len(states))
                else:
                    state, result = fetched.get_nowait()
                    await self._store(writer, state, result, None, len(states))
                self._queue_pages(fetcher, writer, self.summary.feeds[-1].to_fetch, origin=state.url)
                self.summary.feeds[-1].to_fetch = []
            self.feeds_done = True
            self.report(RefreshProgress("pages", self.pages_done, self.pages_total, self.summary.new))
            await asyncio.gather(*self.tasks)
        finally:
            for task in [*fetches, *workers, *self.tasks]:
                task.cancel()

    async def _store(
        self,
        writer: StoreWriter,
        state: FeedState,
        result: FetchResult,
        prepared: PreparedFeed | BaseException | None,
        total: int,
    ) -> None:
        """Write one feed (built already, or built here on the writer thread) and report it."""
        options = self.options
        # Building runs on the writer thread when the worker process has not taken the feed: split across
        # two threads, the writer waited for the GIL after every SQLite call (up to the 5 ms switch
        # interval), which more than doubled the time per commit while feeds were being parsed.
        try:
            if isinstance(prepared, BaseException):
                raise prepared
            if prepared is None:
                outcome = await writer.run(
                    store_feed,
                    state,
                    result,
                    full_text=options.full_text,
                    max_entries=options.max_entries,
                    per_transaction=options.entries_per_transaction,
                )
            else:
                outcome = await writer.run(
                    write_feed, prepared, per_transaction=options.entries_per_transaction
                )
        except Exception as exc:  # noqa: BLE001 - one hostile feed must never stop the others
            error = clean_line(f"could not store this feed ({type(exc).__name__}: {exc})")[:300]
            outcome = FeedOutcome(state.id, state.url, status=result.status, error=error)
            await writer.run(_record_feed_error, state.id, result.status, error)
        self.summary.feeds.append(outcome)
        self.report(RefreshProgress("feeds", len(self.summary.feeds), total, self.summary.new, outcome))

    def _queue_pages(
        self, fetcher: FetcherPool, writer: StoreWriter, items: list[tuple[int, str]], *, origin: str | None
    ) -> None:
        by_host: dict[str, list[tuple[int, str]]] = {}
        for article_id, url in items:
            by_host.setdefault(host_of(url), []).append((article_id, url))
        for batch in by_host.values():
            self.pages_total += len(batch)
            self.tasks.append(asyncio.create_task(self._host_pages(fetcher, writer, batch, origin)))

    async def _host_pages(
        self, fetcher: FetcherPool, writer: StoreWriter, batch: list[tuple[int, str]], origin: str | None
    ) -> None:
        """One host's pages, `per_host` at a time, once a host slot is free."""
        queue = list(reversed(batch))

        async def worker() -> None:
            while queue:
                await self._page(fetcher, writer, *queue.pop(), origin=origin)

        async with await fetcher.host_slot(batch[0][1]):
            await asyncio.gather(*(worker() for _ in range(min(len(queue), max(1, self.options.per_host)))))

    async def _page(
        self, fetcher: FetcherPool, writer: StoreWriter, article_id: int, url: str, *, origin: str | None
    ) -> None:
        # `origin`: the feed the link came from; a private address is reached only on the feed's own
        # host, checked again at connect time (a name that resolves privately later is still refused).
        result = await fetcher.fetch(url, accept=PAGE_ACCEPT, origin=origin)
        if await writer.run(_save_fetched_page, article_id, result):
            self.summary.pages_fetched += 1
        else:
            self.summary.pages_failed += 1
        self.pages_done += 1
        if self.feeds_done:
            self.report(RefreshProgress("pages", self.pages_done, self.pages_total, self.summary.new))
