"""The refresh's writing connection, on a thread of its own.

Parsing a feed, building its rows and committing them one article at a time is CPU work that used to
run on the event loop, so while one feed was being stored no response was read and no request sent.
Here the event loop only does network I/O and hands each fetched feed or page to this thread; SQLite
releases the GIL while it writes, so the WAL writes overlap with the loop's HTTP work.

One thread means one writer: jobs run in the order they are submitted (a feed's entries are committed
before its new validators are saved), and every connection stays on the thread that opened it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from tuinews.store.db import open_db
from tuinews.store.feeds import tune_for_refresh

T = TypeVar("T")


class StoreWriter:
    """Runs `job(db, *args)` on the writer thread: `await writer.run(job, ...)`. An async context manager."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._db: Database | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuinews-refresh-writer")

    def _connection(self) -> Database:
        """The writer's connection, opened on first use (on the writer thread)."""
        if self._db is None:
            self._db = open_db(self.db_path)
            tune_for_refresh(self._db)
        return self._db

    def _call(self, job: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return job(self._connection(), *args, **kwargs)

    async def run(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `job(db, *args, **kwargs)` on the writer thread and return its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self._call, job, args, kwargs))

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    async def __aenter__(self) -> StoreWriter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Close the connection on its own thread, after the job in progress (queued ones were awaited
        or cancelled by whoever submitted them)."""
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, self._close)
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)
