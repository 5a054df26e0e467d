"""Feed rows (subscribe, list, remove, status) and the fast path that stores feed entries.

Every write is a short transaction of its own, so a reader never waits long and a refresh killed at
any moment leaves every committed article whole.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tuinews.models import Article, Feed
from tuinews.store.articles import article_columns, utc_now
from tuinews.store.db import Store
from tuinews.store.known import guids_in_cache, urls_in_cache
from tuinews.store.names import speaker_key

_FEED_COLUMNS = "id, url, title, site_url, tags, last_checked, last_status, last_error"


def _feed(row: tuple[Any, ...]) -> Feed:
    id_, url, title, site_url, tags, checked, status, error = row
    return Feed(id_, url, title, site_url, json.loads(tags or "[]"), checked, status, error)


def add_feed(
    db: Database, url: str, *, title: str | None = None, tags: Iterable[str] = ()
) -> tuple[Feed, bool]:
    """Subscribe to `url` (tags are merged into an existing subscription); returns (feed, created)."""
    tags = [t.strip() for t in tags if t and t.strip()]
    with db.atomic():
        row = db.execute("SELECT id, tags, title FROM feeds WHERE url = ?", [url]).fetchone()
        if row is None:
            cursor = db.execute(
                "INSERT INTO feeds (url, title, tags, created_at) VALUES (?, ?, ?, ?)",
                [url, title, json.dumps(list(dict.fromkeys(tags)), ensure_ascii=False), utc_now()],
            )
            feed_id, created = int(cursor.lastrowid or 0), True
        else:
            merged = list(dict.fromkeys([*json.loads(row[1] or "[]"), *tags]))
            db.execute(
                "UPDATE feeds SET tags = ?, title = coalesce(title, ?) WHERE id = ?",
                [json.dumps(merged, ensure_ascii=False), title, row[0]],
            )
            feed_id, created = int(row[0]), False
    feed = get_feed(db, feed_id)
    assert feed is not None
    return feed, created


def get_feed(db: Database, feed_id: int) -> Feed | None:
    """One feed by id."""
    row = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", [feed_id]).fetchone()
    return _feed(row) if row else None


def find_feed(db: Database, key: str) -> Feed | None:
    """A feed from a user's reference: its id or its URL."""
    if key.isdigit():
        return get_feed(db, int(key))
    row = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", [key.strip()]).fetchone()
    return _feed(row) if row else None


def list_feeds(db: Database, ids: Iterable[int] | None = None) -> list[Feed]:
    """Every feed (or those with these ids), in the order they were added."""
    rows = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id").fetchall()
    wanted = set(ids) if ids is not None else None
    return [_feed(r) for r in rows if wanted is None or r[0] in wanted]


def feed_article_counts(db: Database) -> dict[int, tuple[int, int]]:
    """(articles, unread) per feed id."""
    rows = db.execute(
        "SELECT feed_id, count(*), sum(read_at IS NULL) FROM articles "
        "WHERE feed_id IS NOT NULL GROUP BY feed_id"
    ).fetchall()
    return {r[0]: (r[1], r[2] or 0) for r in rows}


def remove_feed(db: Database, feed_id: int) -> bool:
    """Unsubscribe; the feed's articles stay in the cache (their feed link is cleared)."""
    with db.atomic():
        cursor = db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    return cursor.rowcount > 0


@dataclass
class FeedState:
    """What a refresh needs to know about a feed before fetching it."""

    id: int
    url: str
    etag: str | None
    last_modified: str | None


def get_feed_states(db: Database, ids: Iterable[int] | None = None) -> list[FeedState]:
    """Validators for conditional GET, per feed."""
    rows = db.execute("SELECT id, url, etag, last_modified FROM feeds ORDER BY id").fetchall()
    wanted = set(ids) if ids is not None else None
    return [FeedState(*r) for r in rows if wanted is None or r[0] in wanted]


def update_feed_status(
    db: Database,
    feed_id: int,
    *,
    status: int | None,
    error: str | None,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    site_url: str | None = None,
    kind: str | None = None,
) -> None:
    """Record a fetch's outcome. Validators and channel data are only replaced when given."""
    with db.atomic():
        db.execute(
            """
            UPDATE feeds SET last_checked = ?, last_status = ?, last_error = ?,
                   etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
                   title = coalesce(?, title), site_url = coalesce(?, site_url), kind = coalesce(?, kind)
            WHERE id = ?
            """,
            [utc_now(), status, error, etag, last_modified, title, site_url, kind, feed_id],
        )


def known_guids(db: Database, feed_id: int) -> set[str]:
    """The guids of a feed's entries already in the cache."""
    return guids_in_cache(db.conn, feed_id)


def known_urls(db: Database, urls: Iterable[str], *, chunk: int = 500) -> set[str]:
    """Which of these (canonical) URLs are in the cache: one indexed query per `chunk` URLs."""
    return urls_in_cache(db.conn, urls, chunk=chunk)


def tune_for_refresh(db: Database, *, checkpoint_pages: int = 8000) -> None:
    """Settings for a connection that writes thousands of one-article transactions.

    synchronous=NORMAL under WAL: a commit survives the process being killed (not a power cut) and
    costs no fsync. A commit writes every page it changed (table, eight indexes, raw page, FTS: about
    20 pages) to the WAL; the default auto-checkpoint at 1,000 pages then copies the WAL back with two
    fsyncs every ~50 articles, which doubled the cost of each. Checkpointing every `checkpoint_pages`
    (32 MB by default) instead changes nothing about durability: a committed transaction is in the WAL
    either way, and SQLite replays it after a kill.
    """
    db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint_pages)}")
    db.conn.execute("PRAGMA journal_size_limit = 16777216")  # the WAL file shrinks back after a checkpoint
    db.conn.execute("PRAGMA cache_size = -32768")


def checkpoint(db: Database) -> None:
    """Copy the WAL back into the database now, without waiting for readers (PASSIVE)."""
    db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


_INSERT_PAGE = (
    "INSERT OR REPLACE INTO pages (article_id, url, content_type, body, fetched_at) VALUES (?, ?, ?, ?, ?)"
)
_ENTRY_COLUMNS = (
    "url",
    "feed_id",
    "guid",
    "title",
    "dek",
    "byline",
    "outlet",
    "published",
    "published_raw",
    "updated",
    "updated_raw",
    "published_utc",
    "body_markdown",
    "content_hash",
    "source_kind",
    "fetched_at",
    "sort_key",
    "pending",
)
# The entry's own text is also kept as `feed_markdown` when a fetched page will replace the body (extraction
# never overwrites it), so the reader can show the feed's version beside the extracted page (`v`); when the
# page cannot be fetched, the body is built from the feed after all and that copy goes (`build_from_entry`).
_INSERT_ENTRY = (
    f"INSERT INTO articles ({', '.join(_ENTRY_COLUMNS)}, feed_markdown) "
    f"VALUES ({', '.join('?' * len(_ENTRY_COLUMNS))}, ?) ON CONFLICT(url) DO NOTHING"
)


@contextmanager
def _transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """A write transaction on the bare connection, or part of the caller's when one is open.

    `BEGIN IMMEDIATE` takes the write lock first, so a concurrent writer (the app marking an article
    read) makes this one wait its turn instead of failing. The statements are fixed strings, so the
    sqlite3 module's statement cache prepares each once per connection.
    """
    conn = db.conn
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def save_entry(
    db: Database,
    row: dict[str, Any],
    raw: bytes | None,
    content_type: str | None,
    *,
    packed: bytes | None = None,
) -> int | None:
    """Insert one new feed entry as an article (with its raw bytes), in its own transaction.

    Returns the new id, or None when an article with that URL is already stored. `row` holds the
    `_ENTRY_COLUMNS`; the full body, quotes and dateline follow later (`pending`). `packed` is the raw
    page already zlib-compressed (a refresh compresses in its parsing process). Called inside an open
    transaction, it becomes part of that one (grouped commits).
    """
    params = [*(row.get(c) for c in _ENTRY_COLUMNS), row.get("feed_markdown")]
    if packed is None and raw is not None:
        packed = zlib.compress(raw, 1)
    with _transaction(db) as conn:
        cursor = conn.execute(_INSERT_ENTRY, params)
        if cursor.rowcount == 0:
            return None
        article_id = int(cursor.lastrowid or 0)
        if packed is not None:
            conn.execute(_INSERT_PAGE, [article_id, row["url"], content_type, packed, row["fetched_at"]])
    return article_id


def save_page(db: Database, article_id: int, url: str, raw: bytes, content_type: str | None) -> None:
    """Keep a fetched page beside its article and queue it for extraction."""
    packed = zlib.compress(raw, 1)
    with _transaction(db) as conn:
        conn.execute(_INSERT_PAGE, [article_id, url, content_type, packed, utc_now()])
        conn.execute("UPDATE articles SET pending = 'page', extract_error = NULL WHERE id = ?", [article_id])


def set_extract_error(db: Database, article_id: int, error: str | None) -> None:
    """Finish an article whose extraction failed: the summary stays, the reason is kept."""
    with _transaction(db) as conn:
        conn.execute(
            "UPDATE articles SET pending = NULL, extract_error = ? WHERE id = ?", [error, article_id]
        )


def build_from_entry(db: Database, article_id: int, error: str) -> None:
    """A summary-only entry whose page could not be fetched: queue it to be built from the feed's own entry
    (the entry page stored with it) like an entry with full content, keeping why the page is missing.

    Its body will be the feed's text, so the separate copy kept for the reader's `v` view is dropped.
    """
    with _transaction(db) as conn:
        conn.execute(
            "UPDATE articles SET pending = 'entry', extract_error = ?, feed_markdown = NULL WHERE id = ?",
            [error, article_id],
        )


@dataclass
class PendingArticle:
    """An article waiting for its body to be built or extracted."""

    id: int
    url: str
    feed_id: int | None
    kind: str
    content_type: str | None
    raw: bytes | None
    feed_title: str | None = None
    """The title of the feed it came from: the outlet when the article names none."""
    error: str | None = None
    """Why the page is missing, for an entry built from the feed after its page fetch failed: kept."""


_PENDING_SELECT = """
    SELECT a.id, a.url, a.feed_id, a.pending, p.content_type, p.body, f.title, a.extract_error
    FROM articles a LEFT JOIN pages p ON p.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id
"""


def _pending_articles(rows: list[Any]) -> list[PendingArticle]:
    return [
        PendingArticle(r[0], r[1], r[2], r[3], r[4], zlib.decompress(r[5]) if r[5] else None, r[6], r[7])
        for r in rows
    ]


def list_pending(db: Store, kind: str, *, after: int = 0, limit: int = 200) -> list[PendingArticle]:
    """A batch of articles in the extraction queue, by id."""
    rows = db.execute(
        f"{_PENDING_SELECT} WHERE a.pending = ? AND a.id > ? ORDER BY a.id LIMIT ?", [kind, after, limit]
    ).fetchall()
    return _pending_articles(rows)


def pending_article(db: Store, article_id: int) -> PendingArticle | None:
    """The article as the extraction queue holds it, when its body is still to be built from its stored
    page (a feed entry or a fetched page); None otherwise."""
    rows = db.execute(
        f"{_PENDING_SELECT} WHERE a.id = ? AND a.pending IN ('entry', 'page')", [article_id]
    ).fetchall()
    return next(iter(_pending_articles(rows)), None)


def has_pending(db: Store) -> bool:
    """Whether any article waits for the background step (a feed entry or a fetched page to build)."""
    row = db.execute("SELECT EXISTS (SELECT 1 FROM articles WHERE pending IN ('entry', 'page'))").fetchone()
    return bool(row[0])


def clear_pending(db: Database, article_id: int) -> None:
    """Mark an article finished (call inside the transaction that saved its body)."""
    db.execute("UPDATE articles SET pending = NULL, extract_error = NULL WHERE id = ?", [article_id])


@dataclass
class ExtractedRow:
    """An extracted article as the values `save_extracted` writes; built anywhere (no database), so the
    refresh builds it in its worker processes and the parent only runs the statements."""

    columns: dict[str, Any]
    quotes: list[tuple[Any, ...]]


_INSERT_QUOTE = (
    "INSERT INTO quotes (article_id, ordinal, text, speaker, speaker_key, speaker_role, kind, paragraph, "
    'start, "end", confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
)


def extracted_row(article: Article, *, now: str | None = None) -> ExtractedRow:
    """The columns `save_article` would write for this article (identity and user flags aside)."""
    columns = article_columns(article, now=now)
    quotes = [
        (
            n,
            q.text,
            q.speaker,
            speaker_key(q.speaker),
            q.role,
            q.kind,
            q.paragraph,
            q.start,
            q.end,
            q.confidence,
        )
        for n, q in enumerate(article.quotes)
    ]
    return ExtractedRow(columns, quotes)


def save_extracted(db: Database, article_id: int, row: ExtractedRow, *, error: str | None = None) -> bool:
    """Replace a queued article's body, dateline and quotes and take it off the queue, in one transaction.

    The list keeps its place (`sort_key`) unless the article now says when it was published; the
    user's flags are untouched. `error` is what stays noted (a page that could not be fetched, when
    the article was built from its feed entry instead). False when the article is gone (deleted meanwhile).
    """
    names = list(row.columns)
    assignments = ", ".join(f"{name} = ?" for name in names)
    sql = (
        f"UPDATE articles SET {assignments}, sort_key = coalesce(?, sort_key), pending = NULL, "
        "extract_error = ? WHERE id = ?"
    )
    params = [*row.columns.values(), row.columns["published_utc"], error, article_id]
    with _transaction(db) as conn:
        if conn.execute(sql, params).rowcount == 0:
            return False
        conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
        if row.quotes:
            conn.executemany(_INSERT_QUOTE, [(article_id, *quote) for quote in row.quotes])
    return True
