"""Opening the cache database: WAL, a busy timeout, foreign keys, migrations applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from tuinews.store.schema import MIGRATIONS

# Seconds a writer waits for another writer before giving up (readers never wait under WAL).
BUSY_TIMEOUT = 15.0


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A short write transaction that takes the write lock up front (`BEGIN IMMEDIATE`).

    A deferred transaction that reads first and writes later fails at once with "database is
    locked" when another connection wrote in between (WAL cannot upgrade a stale snapshot); taking
    the lock first makes it wait its turn (up to BUSY_TIMEOUT) instead. Nested use is a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


class StoreError(Exception):
    """The cache cannot be opened or used; the message is fit to show the user."""


#: What to do about a damaged cache, appended to the one-line message.
DAMAGED_HINT = (
    "run `tuinews db check` to see what is wrong, or `tuinews db rebuild` to keep the file aside "
    "and start a new cache from everything still readable"
)


def damaged_message(path: str | Path, exc: BaseException) -> str:
    """The one line shown for a cache SQLite cannot read."""
    return f"cannot open cache {path}: it is damaged ({exc}); {DAMAGED_HINT}"


def probe(db: Database) -> None:
    """Read what the app reads first (schema, feeds, the newest articles), so a damaged file is found at
    start rather than mid-session; raises `sqlite3.DatabaseError`. Costs well under a millisecond."""
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    db.execute("SELECT id, url, title FROM feeds ORDER BY id LIMIT 50").fetchall()
    db.execute("SELECT id, title, url FROM articles ORDER BY sort_key DESC, id DESC LIMIT 50").fetchall()


def open_db(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the cache at `path` and bring its schema up to date."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
        db = Database(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        if db.journal_mode != "wal":
            db.enable_wal()
        if migrate:
            MIGRATIONS.apply(db)
            probe(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(damaged_message(path, exc)) from None
    except OSError as exc:
        raise StoreError(f"cannot open cache {path}: {exc.strerror or exc}") from None
    return db


def open_memory_db() -> Database:
    """An in-memory cache with the full schema (for tests and one-shot extraction)."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db)
    return db
