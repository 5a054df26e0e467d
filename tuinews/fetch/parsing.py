"""Building feed rows in a worker process, so parsing and committing run on two cores at once.

Storing a feed is two kinds of CPU work: parsing it into rows (Python: lxml, dates, URLs, a quick plain
text, the compressed entry page) and committing the rows one article at a time (mostly SQLite). On one
thread the two add up; split over two threads they contend for the GIL. Here a worker process builds
rows while the writer thread commits.

A fresh process takes a moment to start, so the writer does not wait for it: whichever of the two is
free takes the next fetched feed (`refresh._Run`), and a refresh of a few feeds never starts one.
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from pathlib import Path

from tuinews.fetch import parse_worker
from tuinews.fetch.feed_rows import PreparedFeed
from tuinews.fetch.processes import cores, process_pool
from tuinews.fetch.result import FetchResult

#: Fewer feeds than this are parsed on the writer thread: a worker's start-up is not worth it.
MIN_FEEDS = 8


class FeedBuilder:
    """One worker process building `PreparedFeed`s; `available` is False until it has started (and for
    good if it breaks, in which case the writer thread builds everything)."""

    def __init__(self, feeds: int, *, processes: int | None = None, db_path: Path | None = None) -> None:
        wanted = processes if processes is not None else (1 if cores() > 1 and feeds >= MIN_FEEDS else 0)
        self.db_path = str(Path(db_path).resolve()) if db_path is not None else None
        """The cache the worker reads (read-only) to skip entries already stored."""
        self._pool: ProcessPoolExecutor | None = process_pool(wanted) if wanted > 0 else None
        self._started: asyncio.Future[bool] | None = None
        self.broken = False

    @property
    def enabled(self) -> bool:
        """Whether a worker process is (or is being) started."""
        return self._pool is not None and not self.broken

    async def started(self) -> bool:
        """Wait until the worker can take work; False when there is none or it failed to start.
        The first call starts it; every caller waits for that one start."""
        if self._pool is None or self.broken:
            return False
        if self._started is None:
            self._started = asyncio.ensure_future(self._start(self._pool))
        return await asyncio.shield(self._started)

    async def _start(self, pool: ProcessPoolExecutor) -> bool:
        try:
            # Submitting the first job starts the process, which blocks until the start method's
            # handshake is done (tens of milliseconds): done on a thread, the event loop keeps fetching.
            submitted = await asyncio.to_thread(pool.submit, parse_worker.ready)
            return await asyncio.wrap_future(submitted)
        except Exception:  # noqa: BLE001 - no worker (it broke or could not start): the writer builds all
            self.broken = True
            return False

    async def build(
        self, feed_id: int, feed_url: str, result: FetchResult, *, full_text: bool, max_entries: int
    ) -> PreparedFeed | None:
        """The feed's rows built in the worker, or None when the worker is gone (build it elsewhere)."""
        if self._pool is None or self.broken:
            return None
        loop = asyncio.get_running_loop()
        try:
            future = self._pool.submit(
                parse_worker.build, feed_id, feed_url, result, full_text, max_entries, self.db_path
            )
        except Exception:  # noqa: BLE001 - the pool is unusable: this feed and the rest go to the writer
            self.broken = True
            return None
        try:
            return await asyncio.wrap_future(future, loop=loop)
        except BrokenExecutor:
            self.broken = True
            return None

    def close(self) -> None:
        """Stop the worker without waiting for it."""
        if self._pool is not None:
            with contextlib.suppress(Exception):
                self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
