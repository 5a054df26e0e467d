"""Saving, reading and paging articles. Every SQL statement about articles lives here."""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tuinews.isotime import parse_iso
from tuinews.models import Article, StoredArticle
from tuinews.store.db import Store, write_transaction
from tuinews.store.names import speaker_key

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Columns a list view needs (the body stays on disk until an article is opened).
LIST_COLUMNS = (
    "id, url, title, dek, outlet, agency, byline, section, place, published, published_day, updated, published_utc, "
    "read_minutes, word_count, language, source_kind, feed_id, fetched_at, read_at, starred, sort_key"
)


def utc_now() -> str:
    """Current time as the store writes it (ISO 8601, UTC, seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_utc(iso: str | None) -> str | None:
    """An ISO timestamp with an offset, as UTC in the store's format; None if it has no zone."""
    moment = parse_iso(iso)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def content_hash(article: Article) -> str:
    """A fingerprint of what the reader sees: title and body."""
    import hashlib  # only writers need it (OpenSSL loads with it)

    digest = hashlib.sha256()
    digest.update(article.title.encode())
    digest.update(b"\0")
    digest.update(article.markdown.encode())
    return digest.hexdigest()


def article_columns(
    article: Article, *, now: str | None = None, fingerprint: str | None = None
) -> dict[str, Any]:
    """The `articles` columns an extracted article fills (not its URL, feed or the user's flags).

    The one mapping from `Article` to a row: `save_article` and the refresh's extraction step both use it.
    """
    line = article.dateline
    return {
        "title": article.title,
        "dek": article.dek,
        "byline": json.dumps(line.byline, ensure_ascii=False),
        "outlet": line.outlet,
        "agency": line.agency,
        "section": line.section,
        "place": line.place,
        "published": line.published,
        "published_raw": line.published_raw,
        "published_day": line.published_day,
        "updated": line.updated,
        "updated_raw": line.updated_raw,
        "published_utc": to_utc(line.published) or to_utc(line.updated),
        "language": line.language,
        "word_count": line.word_count,
        "read_minutes": line.read_minutes,
        "body_markdown": article.markdown,
        "captions": json.dumps(article.captions, ensure_ascii=False),
        "content_hash": fingerprint or content_hash(article),
        "source_kind": article.source_kind,
        "fetched_at": now or utc_now(),
    }


def day_start_utc(day: str | None) -> str | None:
    """A publication day with no time, as a sort key (its start): better than the import time."""
    if not day or len(day) != 10:
        return None
    return f"{day}T00:00:00Z"


@dataclass
class SaveResult:
    """What `save_article` did."""

    id: int
    created: bool
    changed: bool


@dataclass
class ListFilter:
    """Which articles a list shows. All fields combine with AND."""

    unread: bool = False
    starred: bool = False
    feed_id: int | None = None
    speaker: str | None = None
    tag: str | None = None
    outlet: str | None = None
    """Only articles from this outlet or wire agency (either column)."""
    since: str | None = None
    """Only articles at or after this UTC time (store format), e.g. for "last 7 days"."""

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions and parameters for this filter."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.unread:
            clauses.append("read_at IS NULL")
        if self.starred:
            clauses.append("starred = 1")
        if self.feed_id is not None:
            clauses.append("feed_id = ?")
            params.append(self.feed_id)
        if self.speaker:
            clauses.append("id IN (SELECT article_id FROM quotes WHERE speaker_key = ?)")
            params.append(speaker_key(self.speaker))
        if self.outlet:
            clauses.append("(agency = ? OR outlet = ?)")
            params += [self.outlet, self.outlet]
        if self.since:
            clauses.append("sort_key >= ?")
            params.append(self.since)
        if self.tag:
            clauses.append("feed_id IN (SELECT f.id FROM feeds f, json_each(f.tags) t WHERE t.value = ?)")
            params.append(self.tag)
        return clauses, params


def save_article(
    db: Database,
    article: Article,
    *,
    raw: bytes | None = None,
    content_type: str | None = None,
    fallback_url: str,
    feed_id: int | None = None,
) -> SaveResult:
    """Insert or update one article (with its raw page and quotes) in a single transaction.

    The article is matched by its URL; one without a URL of its own is matched by `fallback_url`
    (the file it came from), then by identical content, so importing the same thing twice updates it.
    """
    url = article.url or fallback_url
    fingerprint = content_hash(article)
    now = utc_now()
    row: dict[str, Any] = {"url": url, **article_columns(article, now=now, fingerprint=fingerprint)}
    # The list's order: the published instant, else the start of the published day.
    published_utc = row["published_utc"] or day_start_utc(article.dateline.published_day)
    if feed_id is not None:
        row["feed_id"] = feed_id
    with write_transaction(db):
        existing = db.execute(
            "SELECT id, content_hash, sort_key FROM articles WHERE url = ?", [url]
        ).fetchone()
        if existing is None and not article.url:
            existing = db.execute(
                # `!= ''` lets SQLite use the partial index (schema m012).
                "SELECT id, content_hash, sort_key FROM articles WHERE content_hash = ? AND content_hash != ''",
                [fingerprint],
            ).fetchone()
        if existing is None:
            row["sort_key"] = published_utc or now
            article_id = int(db["articles"].insert(row).last_pk)  # type: ignore[union-attr, arg-type]
            created, changed = True, True
        else:
            article_id = existing[0]
            changed = existing[1] != fingerprint
            # An update keeps the user's flags (read, starred) and its place in the list
            # unless the article now states when it was published.
            row["sort_key"] = published_utc or existing[2]
            row["url"] = existing_url(db, article_id) if not article.url else url
            db["articles"].update(article_id, row)  # type: ignore[union-attr]
            created = False
        _save_quotes(db, article_id, article)
        if raw is not None:
            db["pages"].upsert(  # type: ignore[union-attr]
                {
                    "article_id": article_id,
                    "url": url,
                    "content_type": content_type,
                    "body": zlib.compress(raw, 6),
                    "fetched_at": now,
                },
                pk="article_id",
            )
    return SaveResult(article_id, created, changed)


def existing_url(db: Store, article_id: int) -> str:
    """The URL an article is stored under."""
    return str(db.execute("SELECT url FROM articles WHERE id = ?", [article_id]).fetchone()[0])


def _save_quotes(db: Database, article_id: int, article: Article) -> None:
    db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
    db["quotes"].insert_all(  # type: ignore[union-attr]
        (
            {
                "article_id": article_id,
                "ordinal": ordinal,
                "text": quote.text,
                "speaker": quote.speaker,
                "speaker_key": speaker_key(quote.speaker),
                "speaker_role": quote.role,
                "kind": quote.kind,
                "paragraph": quote.paragraph,
                "start": quote.start,
                "end": quote.end,
                "confidence": quote.confidence,
            }
            for ordinal, quote in enumerate(article.quotes)
        )
    )


def _row_to_article(row: dict[str, Any]) -> StoredArticle:
    data = dict(row)
    data["byline"] = json.loads(data.get("byline") or "[]")
    data["starred"] = bool(data.get("starred"))
    if "body_markdown" in data:
        data["markdown"] = data.pop("body_markdown")
    known = StoredArticle.__dataclass_fields__
    return StoredArticle(**{k: v for k, v in data.items() if k in known})


def _query(db: Store, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def get_article(db: Store, article_id: int) -> StoredArticle | None:
    """One article with its body (and its timestamps as printed, for the dateline), or None."""
    rows = _query(
        db,
        f"SELECT {LIST_COLUMNS}, published_raw, updated_raw, body_markdown, pending FROM articles WHERE id = ?",
        [article_id],
    )
    return _row_to_article(rows[0]) if rows else None


def get_captions(db: Store, article_id: int) -> list[str]:
    """The photo captions kept beside an article's body."""
    row = db.execute("SELECT captions FROM articles WHERE id = ?", [article_id]).fetchone()
    return json.loads(row[0]) if row else []


def get_feed_text(db: Store, article_id: int) -> str | None:
    """The text the article's feed entry carried (None for imports and pages added by URL)."""
    row = db.execute("SELECT feed_markdown FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row and row[0] and row[0].strip() else None


def get_raw_page(db: Store, article_id: int) -> bytes | None:
    """The raw bytes an article was extracted from, if kept."""
    row = db.execute("SELECT body FROM pages WHERE article_id = ?", [article_id]).fetchone()
    return zlib.decompress(row[0]) if row else None


def list_articles(
    db: Store,
    *,
    filter: ListFilter | None = None,
    after: tuple[str, int] | None = None,
    limit: int = 100,
) -> list[StoredArticle]:
    """One page of articles, newest first, starting after the `(sort_key, id)` of the last row seen.

    Keyset paging: the cost of a page does not grow with how far down the list it is.
    """
    clauses, params = (filter or ListFilter()).where()
    if after is not None:
        clauses.append("(sort_key, id) < (?, ?)")
        params.extend(after)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT {LIST_COLUMNS} FROM articles {where} ORDER BY sort_key DESC, id DESC LIMIT ?"
    return [_row_to_article(r) for r in _query(db, sql, [*params, limit])]


def count_articles(db: Store, filter: ListFilter | None = None) -> int:
    """How many articles a filter selects."""
    filter = filter or ListFilter()
    clauses, params = filter.where()
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return int(
        db.execute(f"SELECT count(*) FROM articles {_count_index(filter)} {where}", params).fetchone()[0]
    )


def count_with_unread(db: Store, filter: ListFilter | None = None) -> tuple[int, int]:
    """(articles, unread articles) a filter selects, counted in one statement: one snapshot of the cache,
    so a refresh writing meanwhile never makes the unread count exceed the total."""
    filter = filter or ListFilter()
    parts, params = [], []
    for each in (filter, dataclasses.replace(filter, unread=True)):
        clauses, values = each.where()
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        parts.append(f"(SELECT count(*) FROM articles {_count_index(each)} {where})")
        params += values
    total, unread = db.execute(f"SELECT {', '.join(parts)}", params).fetchone()
    return int(total), int(unread)


def _count_index(filter: ListFilter) -> str:
    """The partial index holding exactly the unread (or starred) articles, for counting them.

    SQLite's planner counts unread articles by reading the whole table (0.4 s at a million articles, bodies
    and all); the partial index holds just those rows (70 ms). Only when no other clause needs another index.
    """
    if filter.feed_id is not None or filter.speaker or filter.tag or filter.outlet:
        return ""
    if filter.starred:
        return "INDEXED BY articles_starred"
    return "INDEXED BY articles_unread" if filter.unread else ""


def has_articles(db: Store) -> bool:
    """Whether the cache holds any article (one index probe, however big the cache)."""
    return db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None


def set_read(db: Store, article_id: int, read: bool = True) -> None:
    """Mark one article read (now) or unread."""
    with write_transaction(db):
        db.execute("UPDATE articles SET read_at = ? WHERE id = ?", [utc_now() if read else None, article_id])


def set_starred(db: Store, article_id: int, starred: bool) -> None:
    """Star or unstar one article."""
    with write_transaction(db):
        db.execute("UPDATE articles SET starred = ? WHERE id = ?", [int(starred), article_id])


def list_sources(db: Store, limit: int = 50) -> list[tuple[str, int]]:
    """Agencies and outlets with their unread counts, most unread first (`ListFilter.outlet` filters by one).

    A wire story counts under its agency and under the outlet that ran it; once when both are one name.
    """
    rows = db.execute(
        """
        SELECT source, sum(unread) FROM (
            SELECT agency AS source, read_at IS NULL AS unread FROM articles WHERE agency != ''
            UNION ALL
            SELECT outlet, read_at IS NULL FROM articles WHERE outlet != '' AND outlet IS NOT agency
        ) GROUP BY source ORDER BY 2 DESC, 1 LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [(r[0], int(r[1] or 0)) for r in rows]


def mark_all_read(db: Store, filter: ListFilter | None = None) -> list[int]:
    """Mark every unread article the filter selects as read; returns their ids (for undo)."""
    clauses, params = (filter or ListFilter()).where()
    clauses.append("read_at IS NULL")
    where = " AND ".join(clauses)
    with write_transaction(db):
        ids = [r[0] for r in db.execute(f"SELECT id FROM articles WHERE {where}", params).fetchall()]
        db.execute(f"UPDATE articles SET read_at = ? WHERE {where}", [utc_now(), *params])
    return ids


def mark_unread(db: Store, ids: list[int]) -> None:
    """Undo `mark_all_read` for these ids."""
    with write_transaction(db):
        db.conn.executemany("UPDATE articles SET read_at = NULL WHERE id = ?", [(i,) for i in ids])


def find_article_id(db: Store, key: str) -> int | None:
    """An article id from a user's reference: a number or a stored URL."""
    if key.isdigit():
        row = db.execute("SELECT id FROM articles WHERE id = ?", [int(key)]).fetchone()
    else:
        row = db.execute("SELECT id FROM articles WHERE url = ?", [key]).fetchone()
    return int(row[0]) if row else None


def iter_all_ids(db: Store, batch: int = 500) -> Iterable[int]:
    """Every article id, newest first, fetched in keyset batches (for export and reprocess)."""
    after: tuple[str, int] | None = None
    while True:
        rows = db.execute(
            "SELECT sort_key, id FROM articles "
            + ("WHERE (sort_key, id) < (?, ?) " if after else "")
            + "ORDER BY sort_key DESC, id DESC LIMIT ?",
            [*(after or ()), batch],
        ).fetchall()
        if not rows:
            return
        yield from (r[1] for r in rows)
        after = (rows[-1][0], rows[-1][1])


def get_reading_position(db: Store, article_id: int) -> float | None:
    """How far down an article the reader was (0.0 top, 1.0 bottom), if it was opened before."""
    row = db.execute("SELECT read_position FROM articles WHERE id = ?", [article_id]).fetchone()
    return float(row[0]) if row and row[0] is not None else None


def set_reading_position(db: Store, article_id: int, position: float) -> None:
    """Remember how far down an article the reader got."""
    with write_transaction(db):
        db.execute(
            "UPDATE articles SET read_position = ? WHERE id = ?", [min(1.0, max(0.0, position)), article_id]
        )
