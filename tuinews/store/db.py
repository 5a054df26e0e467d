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


class NoCacheError(StoreError):
    """There is no cache file where one was asked for (and the caller would not create one)."""


class NotACacheError(StoreError):
    """The file is not a tuinews cache at all (not SQLite, or another program's database): never
    migrated, reported as damaged or rebuilt."""


#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables whose presence marks a database as a tuinews cache (or one on its way to becoming one).
CACHE_TABLES = frozenset({"feeds", "articles"})


#: What to do about a damaged cache, appended to the one-line message.
DAMAGED_HINT = (
    "run `tuinews db check` to see what is wrong, or `tuinews db rebuild` to keep the file aside "
    "and start a new cache from everything still readable"
)


def damaged_message(path: str | Path, exc: BaseException) -> str:
    """The one line shown for a cache SQLite cannot read (or, for a file that is not SQLite at all, the
    line `not_a_cache_message` gives: there is nothing to rebuild there)."""
    if not is_sqlite_file(Path(path)):
        return not_a_cache_message(path)
    return f"cannot open cache {path}: it is damaged ({exc}); {DAMAGED_HINT}"


def not_a_cache_message(path: str | Path, why: str = "not an SQLite database") -> str:
    """The one line for a file that is not a tuinews cache (a text file given as --db, say)."""
    return f"cannot open cache {path}: it is not a tuinews cache ({why})"


def foreign_reason(tables: list[str]) -> str:
    """Why another program's database is not a cache, for `not_a_cache_message`."""
    return f"an SQLite database with tables {', '.join(tables[:3])}{', ...' if len(tables) > 3 else ''}"


def is_sqlite_file(path: Path) -> bool:
    """Does the file at `path` start like an SQLite database? True for a missing or empty file (SQLite
    makes a new database there) and for one that cannot be read (opening it will say why)."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError:
        return True
    return not head or head == SQLITE_HEADER


def require_sqlite_file(path: Path) -> None:
    """Raise `NotACacheError` for a file that is not an SQLite database."""
    if not is_sqlite_file(path):
        raise NotACacheError(not_a_cache_message(path))


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of a database some other program made: [] for a tuinews cache or an empty database."""
    names = {
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    }
    names.discard("_sqlite_migrations")
    return [] if not names or names & CACHE_TABLES else sorted(names)


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


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse another program's SQLite database before anything is written to it (a cache whose stamp is
    current was checked when it was stamped)."""
    stamp = schema_stamp()
    if stamp is not None and conn.execute("PRAGMA user_version").fetchone()[0] == stamp:
        return
    others = foreign_tables(conn)
    if others:
        raise NotACacheError(not_a_cache_message(path, foreign_reason(others)))


def _open(path: str | Path, migrate: bool, autocommit: bool, create: bool = True) -> sqlite3.Connection:
    path = Path(path).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not create and not path.exists():
        raise NoCacheError(f"no cache at {path}")
    require_sqlite_file(path)
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path, autocommit=autocommit)
        try:
            _check_ours(conn, path)
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


def open_plain(path: str | Path, *, migrate: bool = True, create: bool = True) -> PlainDB:
    """Open the cache at `path`, schema up to date, without sqlite-utils when it is.

    With `create` (the default) a missing file, and its folder, are made; without it a missing file is a
    `NoCacheError`. A file that is not a tuinews cache is a `NotACacheError`, a damaged one a `StoreError`.
    """
    return PlainDB(_open(path, migrate, autocommit=True, create=create))


def open_db(path: str | Path, *, migrate: bool = True, create: bool = True) -> Database:
    """Open the cache at `path` and bring its schema up to date (`create` and errors: see `open_plain`)."""
    from sqlite_utils import Database

    return Database(_open(path, migrate, autocommit=False, create=create))


def open_memory_db() -> Database:
    """An in-memory cache with the full schema (for tests and one-shot extraction)."""
    from sqlite_utils import Database

    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db.conn)
    return db
