"""The app's window on the cache: one SQLite connection per thread, opened lazily.

SQLite connections belong to the thread that opened them, and the app reads from thread workers,
so each worker thread gets its own connection to the same file (WAL lets them read side by side).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlite_utils import Database

from tuinews.store.db import BUSY_TIMEOUT


class CacheReader:
    """Hands out a per-thread `Database` for the cache at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def db(self) -> Database:
        """This thread's connection (the schema was brought up to date when the app started)."""
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT)
            conn.execute("PRAGMA foreign_keys = ON")
            db = Database(conn)
            self._local.db = db
        return db
