"""The app's window on the cache: one SQLite connection per thread, opened lazily.

SQLite connections belong to the thread that opened them, and the app reads from thread workers,
so each worker thread gets its own connection to the same file (WAL lets them read side by side).
The connections are plain `sqlite3` (`PlainDB`): sqlite-utils loads only when a screen needs code that
takes a `Database` (the feeds pane, the welcome screen's import and add feed), through `database()`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from tuinews.store.db import PlainDB, connect

if TYPE_CHECKING:
    from sqlite_utils import Database


class CacheReader:
    """Hands out a per-thread connection to the cache at `path`.

    `db`, when given, is a connection the calling thread already opened (the command line's, after it
    brought the schema up to date): that thread uses it instead of opening another.
    """

    def __init__(self, path: Path, db: PlainDB | None = None) -> None:
        self.path = path
        self._local = threading.local()
        if db is not None:
            self._local.db = db

    def db(self) -> PlainDB:
        """This thread's connection (the schema was brought up to date when the app started)."""
        db: PlainDB | None = getattr(self._local, "db", None)
        if db is None:
            db = PlainDB(connect(self.path))
            self._local.db = db
        return db

    def database(self) -> Database:
        """This thread's connection as a sqlite-utils `Database` (loads sqlite-utils on first use)."""
        database: Database | None = getattr(self._local, "database", None)
        if database is None:
            from sqlite_utils import Database

            database = Database(self.db().conn)
            self._local.database = database
        return database
