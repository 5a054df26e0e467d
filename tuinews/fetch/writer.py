"""The refresh's writing connection, on a thread of its own, with checkpoints on another.

Parsing a feed, building its rows and committing them one article at a time is CPU work that used to
run on the event loop, so while one feed was being stored no response was read and no request sent.
Here the event loop only does network I/O and hands each fetched feed or page to this thread; SQLite
releases the GIL while it writes, so the WAL writes overlap with the loop's HTTP work.

One thread means one writer: jobs run in the order they are submitted (a feed's entries are committed
before its new validators are saved), and every connection stays on the thread that opened it.

Checkpoints (copying the WAL back into the database, with two fsyncs) cost as much as the commits
themselves when the writer ran them every 8,000 pages: about half the time of storing 5,000 entries.
So the writer never checkpoints on its own (`wal_autocheckpoint = 0`); a second thread with its own
connection runs passive checkpoints meanwhile, which never block the writer. A WAL only starts over once
a checkpoint has caught up with it, which a busy writer never lets happen, so the writer catches up
itself whenever the WAL passes `WAL_LIMIT` (cheap by then: the other thread copied nearly everything).
Durability is unchanged: a committed article is in the WAL either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tuinews.store.db import open_db
from tuinews.store.feeds import tune_for_refresh

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")

#: Bytes of WAL after which the writer checkpoints itself, so the file starts over.
WAL_LIMIT = 64 << 20
#: Seconds between the background thread's checkpoints.
CHECKPOINT_EVERY = 0.05


class StoreWriter:
    """Runs `job(db, *args)` on the writer thread: `await writer.run(job, ...)`. An async context manager."""

    def __init__(self, db_path: Path, *, background_checkpoints: bool = True) -> None:
        self.db_path = db_path
        self._wal = Path(f"{db_path}-wal")
        self._db: Database | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuinews-refresh-writer")
        self._stop = threading.Event()
        self._checkpointer: threading.Thread | None = None
        if background_checkpoints:
            self._checkpointer = threading.Thread(
                target=self._checkpoint_loop, name="tuinews-checkpoints", daemon=True
            )

    def _connection(self) -> Database:
        """The writer's connection, opened on first use (on the writer thread)."""
        if self._db is None:
            self._db = open_db(self.db_path)
            tune_for_refresh(self._db)
            if self._checkpointer is not None:
                self._db.conn.execute("PRAGMA wal_autocheckpoint = 0")
                self._checkpointer.start()
        return self._db

    def _call(self, job: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        db = self._connection()
        try:
            return job(db, *args, **kwargs)
        finally:
            if self._checkpointer is not None and self._wal_size() > WAL_LIMIT and not db.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def _wal_size(self) -> int:
        try:
            return self._wal.stat().st_size
        except OSError:
            return 0

    def _checkpoint_loop(self) -> None:
        """Passive checkpoints on a connection of this thread's own until the writer closes."""
        try:
            conn = sqlite3.connect(str(self.db_path), timeout=0.1)
        except sqlite3.Error:
            return
        try:
            conn.execute("PRAGMA synchronous = NORMAL")
            while not self._stop.wait(CHECKPOINT_EVERY):
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            conn.close()

    async def run(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `job(db, *args, **kwargs)` on the writer thread and return its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self._call, job, args, kwargs))

    def _close(self) -> None:
        self._stop.set()
        if self._checkpointer is not None and self._checkpointer.is_alive():
            self._checkpointer.join()
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
