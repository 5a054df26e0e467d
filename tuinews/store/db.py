"""Opening the cache database: WAL, a busy timeout, foreign keys, migrations applied.

Two ways in. `open_db` gives a sqlite-utils `Database` (the command line, imports, the refresh).
`open_plain` is the app's launch path: plain `sqlite3` with no sqlite-utils at all when the schema is
already current, which it knows from a stamp in `PRAGMA user_version` (the fingerprint of
`store/schema.py` written after migrating); only a cache whose stamp differs loads sqlite-utils and
applies its migrations. Store functions that only query or set flags take any `Store`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlite_utils import Database

# Seconds a writer waits for another writer before giving up (readers never wait under WAL).
BUSY_TIMEOUT = 15.0


class Store(Protocol):
    """What the store's query and flag functions need: a sqlite-utils `Database` or a `PlainDB`."""

    conn: sqlite3.Connection

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


class PlainDB:
    """A cache connection without sqlite-utils: `execute` and `conn`, as on `Database`.

    The connection is in autocommit mode, so a write outside `write_transaction` commits at once, as
    `Database.execute` does.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        """Run one statement."""
        return self.conn.execute(sql, parameters)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def connect(path: str | Path, *, autocommit: bool = True) -> sqlite3.Connection:
    """A connection to the cache file with the busy timeout and foreign keys.

    `autocommit` (for `PlainDB`): every statement commits unless a transaction was begun explicitly.
    Without it the sqlite3 module's own transaction handling applies, which sqlite-utils expects.
    """
    if autocommit:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


_savepoints = iter(range(1, 1 << 62))


@contextmanager
def write_transaction(db: Store) -> Iterator[Store]:
    """A short write transaction that takes the write lock up front (`BEGIN IMMEDIATE`).

    A deferred transaction that reads first and writes later fails at once with "database is
    locked" when another connection wrote in between (WAL cannot upgrade a stale snapshot); taking
    the lock first makes it wait its turn (up to BUSY_TIMEOUT) instead. Nested use is a savepoint.
    """
    conn = db.conn
    if conn.in_transaction:
        savepoint = f"tuinews_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield db
        except BaseException:
            # An error can end the whole transaction, savepoints included: roll back only what is left.
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


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


def probe(db: Store) -> None:
    """Read what the app reads first (schema, feeds, the newest articles), so a damaged file is found at
    start rather than mid-session; raises `sqlite3.DatabaseError`. Costs well under a millisecond."""
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    db.execute("SELECT id, url, title FROM feeds ORDER BY id LIMIT 50").fetchall()
    db.execute("SELECT id, title, url FROM articles ORDER BY sort_key DESC, id DESC LIMIT 50").fetchall()


def schema_stamp() -> int | None:
    """The fingerprint of the migrations this code has (`store/schema.py`), as a positive 31-bit number.

    Written to `PRAGMA user_version` once they are applied. None when the file cannot be read (then every
    open checks the migrations).
    """
    try:
        source = Path(__file__).with_name("schema.py").read_bytes()
    except OSError:
        return None
    return (zlib.crc32(source) & 0x7FFFFFFF) or 1


def migrate(conn: sqlite3.Connection) -> None:
    """Apply any pending migrations (this loads sqlite-utils), then stamp the schema as current."""
    from sqlite_utils import Database

    from tuinews.store.schema import MIGRATIONS

    MIGRATIONS.apply(Database(conn))
    stamp = schema_stamp()
    if stamp is not None:
        # A read-only file keeps its old stamp: checked again next time, which is all the stamp saves.
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute(f"PRAGMA user_version = {stamp}")


def _prepare(conn: sqlite3.Connection) -> None:
    """WAL on, the schema current (migrating only when the stamp differs), the first reads probed."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = wal")
    stamp = schema_stamp()
    if stamp is None or conn.execute("PRAGMA user_version").fetchone()[0] != stamp:
        migrate(conn)
    probe(PlainDB(conn))


def _open(path: str | Path, migrate: bool, autocommit: bool) -> sqlite3.Connection:
    path = Path(path).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path, autocommit=autocommit)
        try:
            if migrate:
                _prepare(conn)
            elif conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = wal")
        except BaseException:
            conn.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise StoreError(damaged_message(path, exc)) from None
    except OSError as exc:
        raise StoreError(f"cannot open cache {path}: {exc.strerror or exc}") from None
    return conn


def open_plain(path: str | Path, *, migrate: bool = True) -> PlainDB:
    """Open (creating if needed) the cache at `path`, schema up to date, without sqlite-utils when it is."""
    return PlainDB(_open(path, migrate, autocommit=True))


def open_db(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the cache at `path` and bring its schema up to date."""
    from sqlite_utils import Database

    return Database(_open(path, migrate, autocommit=False))


def open_memory_db() -> Database:
    """An in-memory cache with the full schema (for tests and one-shot extraction)."""
    from sqlite_utils import Database

    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db.conn)
    return db
