"""A damaged cache: checking it without trusting it, and rebuilding it from what is still readable.

`check_cache_file` opens the file without migrating and reports every problem as one line, whatever the
damage (not a database at all, a malformed page, a broken index). `rebuild_cache` moves the file (with its
WAL and shared-memory files) aside, creates a new cache at the same path and copies every row it can
still read, table by table, skipping the damaged stretches. Nothing is re-extracted or re-fetched: rows
are copied as they are, the search indexes are rebuilt by the new cache's triggers.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tuinews.store.db import (
    NotACacheError,
    foreign_reason,
    foreign_tables,
    not_a_cache_message,
    open_db,
    require_sqlite_file,
    write_transaction,
)

#: Tables copied by a rebuild, parents first.
TABLES = ("feeds", "articles", "pages", "quotes", "pruned")
_BATCH = 200
_MAX_SKIPS = 24


@dataclass
class RebuildReport:
    """What a rebuild kept."""

    backup: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    """Per table, how many damaged stretches were skipped."""
    readable: bool = True
    """False when the old file was not a database at all (nothing could be copied)."""

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        kept = ", ".join(f"{n:,} {t}" for t, n in self.copied.items()) or "nothing"
        skipped = sum(self.unreadable.values())
        text = f"rebuilt the cache: kept {kept}"
        if skipped or not self.readable:
            text += "; some of the old file could not be read"
        return text + f"; the old file is at {self.backup}"


def require_cache_file(path: Path) -> None:
    """Raise `NotACacheError` unless `path` is an SQLite database that is (or could be) a tuinews cache:
    a text file or another program's database is never checked as damaged, let alone rebuilt."""
    require_sqlite_file(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return
    try:
        others = foreign_tables(conn)
    except sqlite3.Error:
        return  # damaged: that is what check and rebuild are for
    finally:
        conn.close()
    if others:
        raise NotACacheError(not_a_cache_message(path, foreign_reason(others)))


def check_cache_file(path: Path) -> list[str]:
    """Problems with the cache at `path` (one line each); [] when SQLite, the foreign keys and the search
    indexes are all sound. Never raises for a damaged file; raises `NotACacheError` for a file that is
    not a tuinews cache at all."""
    if not path.exists():
        return [f"there is no cache at {path}"]
    require_cache_file(path)
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return [f"cannot open {path}: {exc}"]
    try:
        problems += [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall() if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
        for table in ("articles_fts", "quotes_fts"):
            try:
                conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            except sqlite3.Error as exc:
                problems.append(f"{table}: {exc}")
    except sqlite3.Error as exc:
        problems.append(str(exc))
    finally:
        conn.close()
    return problems


def _move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in ("-wal", "-shm", ""):  # WAL first: the main file must never be seen without it
        source = Path(str(path) + suffix)
        if source.exists():
            os.replace(source, Path(str(backup) + suffix))
    return backup


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})").fetchall()]


def _read_rows(conn: sqlite3.Connection, table: str, columns: list[str], report: RebuildReport):  # type: ignore[no-untyped-def]
    """Rows in rowid order, batch by batch. Where a range scan hits a damaged page, the rows of the next
    window are looked up one by one (a point lookup takes another path through the tree, so only the rows
    actually on the damaged page are lost); a run of empty windows ends the scan."""
    names = ", ".join(f'"{c}"' for c in columns)
    one = f"SELECT rowid, {names} FROM {table} NOT INDEXED WHERE rowid = ?"
    scan = f"SELECT rowid, {names} FROM {table} NOT INDEXED WHERE rowid > ? ORDER BY rowid LIMIT {_BATCH}"
    after, empty = 0, 0
    while empty <= _MAX_SKIPS:
        try:
            rows = conn.execute(scan, [after]).fetchall()
        except sqlite3.DatabaseError:
            rows = []
            for rowid in range(after + 1, after + _BATCH + 1):
                try:
                    rows += conn.execute(one, [rowid]).fetchall()
                except sqlite3.DatabaseError:
                    report.unreadable[table] = report.unreadable.get(table, 0) + 1
            after += _BATCH
            empty = 0 if rows else empty + 1
        else:
            if not rows:
                return
            after = rows[-1][0]
        if rows:
            yield [row[1:] for row in rows]


def rebuild_cache(path: Path) -> RebuildReport:
    """Move the cache at `path` aside and build a new one there from every row still readable.

    Raises `NotACacheError`, touching nothing, when the file is not a tuinews cache (see
    `require_cache_file`)."""
    require_cache_file(path)
    backup = _move_aside(path)
    report = RebuildReport(backup)
    new = open_db(path)
    try:
        old = sqlite3.connect(str(backup), timeout=5)
        old.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        report.readable = False
        new.close()
        return report
    new.execute("PRAGMA foreign_keys = OFF")
    try:
        for table in TABLES:
            try:
                wanted = set(_columns(new.conn, table))
                columns = [c for c in _columns(old, table) if c in wanted]
            except sqlite3.DatabaseError:
                report.unreadable[table] = report.unreadable.get(table, 0) + 1
                continue
            if not columns:
                continue
            sql = (
                f"INSERT OR IGNORE INTO {table} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            for batch in _read_rows(old, table, columns, report):
                with write_transaction(new):
                    new.conn.executemany(sql, batch)
        with write_transaction(new):  # rows whose parent was lost
            new.execute("DELETE FROM pages WHERE article_id NOT IN (SELECT id FROM articles)")
            new.execute("DELETE FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)")
            new.execute("UPDATE articles SET feed_id = NULL WHERE feed_id NOT IN (SELECT id FROM feeds)")
            new.execute("DELETE FROM pruned WHERE feed_id NOT IN (SELECT id FROM feeds)")
        for table in TABLES:
            report.copied[table] = int(new.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        new.execute("PRAGMA foreign_keys = ON")
        old.close()
        new.close()
    return report
