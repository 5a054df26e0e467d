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
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open cache {path}: {exc}") from None
    except OSError as exc:
        raise StoreError(f"cannot open cache {path}: {exc.strerror or exc}") from None
    return db


def open_memory_db() -> Database:
    """An in-memory cache with the full schema (for tests and one-shot extraction)."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db)
    return db
