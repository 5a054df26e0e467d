"""From one fetched feed to stored rows: build the rows (`feed_rows.build_feed`, no database), drop the
entries already stored (guid, canonical URL), insert the rest one transaction each.

A refresh may build a feed's rows in another process and write them here on the writer thread;
`store_feed` does both halves in one call.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING

from tuinews.fetch.entries import ENTRY_CONTENT_TYPE
from tuinews.fetch.feed_rows import FeedOutcome, PreparedEntry, PreparedFeed, build_feed
from tuinews.fetch.result import FetchResult
from tuinews.store.feeds import FeedState, known_guids, known_urls, save_entry, update_feed_status

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["FeedOutcome", "PreparedEntry", "PreparedFeed", "build_feed", "store_feed", "write_feed"]


def unseen_entries(db: Database, prepared: PreparedFeed) -> list[PreparedEntry]:
    """The prepared entries not yet in the cache (by the feed's guid, then by canonical URL)."""
    if not prepared.entries:
        return []
    guids = known_guids(db, prepared.outcome.feed_id)
    urls = known_urls(db, (str(e.row["url"]) for e in prepared.entries))  # one query, not one per entry
    return [
        e
        for e in prepared.entries
        if not (e.row["guid"] and e.row["guid"] in guids) and e.row["url"] not in urls
    ]


def write_feed(
    db: Database, prepared: PreparedFeed, *, per_transaction: int = 1, checked: bool = False
) -> FeedOutcome:
    """Insert the entries not yet stored, then record the feed's status (its validators only after its
    entries, so a refresh killed in between fetches the feed again).

    Each entry is committed on its own by default; `per_transaction` > 1 groups that many entries in one
    commit (all-or-nothing), which trades a few re-fetched entries after a kill for speed.
    """
    outcome = prepared.outcome
    # `checked`: built on this connection a moment ago with what it holds left out (`store_feed`).
    entries = prepared.entries if checked else unseen_entries(db, prepared)
    step = max(1, per_transaction)
    for start in range(0, len(entries), step):
        with db.atomic() if step > 1 else nullcontext():
            for item in entries[start : start + step]:
                # Commits on its own, unless grouped in the transaction above.
                article_id = save_entry(db, item.row, None, ENTRY_CONTENT_TYPE, packed=item.packed_page)
                if article_id is not None:
                    outcome.new += 1
                    if item.fetch_link:
                        outcome.to_fetch.append((article_id, item.fetch_link))
    update_feed_status(db, outcome.feed_id, **prepared.status)  # type: ignore[arg-type]
    return outcome


def store_feed(
    db: Database,
    state: FeedState,
    result: FetchResult,
    *,
    full_text: bool = True,
    max_entries: int = 1000,
    per_transaction: int = 1,
) -> FeedOutcome:
    """Record a feed fetch and store its new entries (`build_feed` then `write_feed`); never raises
    for bad input."""
    prepared = build_feed(
        state.id,
        state.url,
        result,
        full_text=full_text,
        max_entries=max_entries,
        known=lambda feed_id, _guids, urls: (known_guids(db, feed_id), known_urls(db, urls)),
    )
    return write_feed(db, prepared, per_transaction=per_transaction, checked=True)
