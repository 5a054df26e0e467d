"""Which of a feed's entries the cache already holds, or held until `db prune` removed them: by the feed's
guid, and by canonical URL.

Plain `sqlite3` (no sqlite-utils), so the refresh's parsing process can ask too, on a read-only
connection of its own, and skip building rows for entries it would only throw away.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def guids_in_cache(conn: sqlite3.Connection, feed_id: int) -> set[str]:
    """The guids of a feed's entries in the cache (or pruned from it)."""
    rows = conn.execute(
        "SELECT guid FROM articles WHERE feed_id = ? AND guid IS NOT NULL "
        "UNION ALL SELECT guid FROM pruned WHERE feed_id = ? AND guid IS NOT NULL",
        [feed_id, feed_id],
    )
    return {r[0] for r in rows}


def urls_in_cache(conn: sqlite3.Connection, urls: Iterable[str], *, chunk: int = 500) -> set[str]:
    """Which of these (canonical) URLs are in the cache (or pruned from it): one indexed query per `chunk`
    URLs."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    for start in range(0, len(wanted), chunk):
        part = wanted[start : start + chunk]
        marks = ", ".join("?" * len(part))
        sql = f"SELECT url FROM articles WHERE url IN ({marks}) UNION ALL SELECT url FROM pruned WHERE url IN ({marks})"
        found.update(r[0] for r in conn.execute(sql, part + part))
    return found


def open_reader(path: str) -> sqlite3.Connection:
    """A read-only connection that never waits long for a writer."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    return conn
