"""Keeping the cache from growing for ever: `db prune` removes old articles (starred ones always stay).

A removed feed entry leaves its URL and guid in `pruned`, so the next refresh of a feed that still lists
it does not store it again as a new, unread article. Raw pages, quotes and search entries go with their
article (foreign keys and triggers). The file keeps its size until `db vacuum`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tuinews.store.db import Store, write_transaction

#: Articles deleted per transaction: a reader waiting on the write lock waits for one batch at most.
BATCH = 500


@dataclass
class PruneResult:
    """What a prune removed (or, with `dry_run`, would remove)."""

    articles: int
    cutoff: str
    """Articles listed before this moment (UTC, the list's order) were candidates."""


def prune_articles(
    db: Store,
    *,
    older_than_days: float,
    keep_unread: bool = False,
    now: datetime | None = None,
    dry_run: bool = False,
) -> PruneResult:
    """Remove articles older than `older_than_days` (by the time they are listed under: published, or
    fetched when they say nothing), except starred ones and, with `keep_unread`, unread ones."""
    moment = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
    cutoff = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    where = "sort_key < ? AND starred = 0" + (" AND read_at IS NOT NULL" if keep_unread else "")
    ids = [row[0] for row in db.execute(f"SELECT id FROM articles WHERE {where}", [cutoff]).fetchall()]
    if dry_run:
        return PruneResult(len(ids), cutoff)
    pruned_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for start in range(0, len(ids), BATCH):
        part = ids[start : start + BATCH]
        marks = ", ".join("?" * len(part))
        with write_transaction(db):
            db.execute(
                "INSERT OR REPLACE INTO pruned (url, feed_id, guid, pruned_at) "
                f"SELECT url, feed_id, guid, ? FROM articles WHERE id IN ({marks}) AND feed_id IS NOT NULL",
                [pruned_at, *part],
            )
            db.execute(f"DELETE FROM articles WHERE id IN ({marks})", part)
    return PruneResult(len(ids), cutoff)
