"""From one fetched feed to stored rows: parse, skip what is known (guid, canonical URL), insert the rest.

Two halves, so a refresh can run them on different threads: `prepare_feed` (parsing and building
rows: Python work, reads only) and `write_feed` (the inserts, one transaction per entry, then the
feed's status: mostly SQLite, which releases the GIL). `store_feed` does both.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field

from sqlite_utils import Database

from tuinews.fetch.client import FetchResult
from tuinews.fetch.entries import ENTRY_CONTENT_TYPE, entry_page, entry_row, entry_url
from tuinews.fetch.feeds import FeedError, parse_feed
from tuinews.fetch.urls import link_allowed
from tuinews.store.articles import utc_now
from tuinews.store.feeds import FeedState, known_guids, known_urls, save_entry, update_feed_status


@dataclass
class FeedOutcome:
    """What happened to one feed in a refresh."""

    feed_id: int
    url: str
    status: int | None = None
    new: int = 0
    seen: int = 0
    """Entries in the feed this time."""
    not_modified: bool = False
    error: str | None = None
    title: str | None = None
    to_fetch: list[tuple[int, str]] = field(default_factory=list, repr=False)
    """(article id, link) of the new summary-only entries whose page is still to be fetched."""


@dataclass
class PreparedEntry:
    """One new entry, ready to insert."""

    row: dict[str, object]
    page: bytes
    fetch_link: str | None
    """The page to fetch once stored (summary-only entries), else None."""


@dataclass
class PreparedFeed:
    """A parsed feed's new entries (oldest first) and the status to record after them."""

    outcome: FeedOutcome
    status: dict[str, object]
    entries: list[PreparedEntry] = field(default_factory=list)


def prepare_feed(
    db: Database, state: FeedState, result: FetchResult, *, full_text: bool = True, max_entries: int = 1000
) -> PreparedFeed:
    """Parse a fetch and build the rows of its entries not yet stored; only reads `db`; never raises."""
    outcome = FeedOutcome(state.id, state.url, result.status)
    if result.not_modified:
        outcome.not_modified = True
        return PreparedFeed(outcome, {"status": 304, "error": None})
    if not result.ok:
        outcome.error = result.error or f"HTTP {result.status}"
        return PreparedFeed(outcome, {"status": result.status, "error": outcome.error})
    try:
        feed = parse_feed(result.body, url=result.final_url, charset=result.charset, max_entries=max_entries)
    except FeedError as exc:
        outcome.error = str(exc)
        return PreparedFeed(outcome, {"status": result.status, "error": outcome.error})
    outcome.title = feed.title
    outcome.seen = len(feed.entries)
    status: dict[str, object] = {
        "status": result.status,
        "error": None,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "title": feed.title,
        "site_url": feed.site_url,
        "kind": feed.kind,
    }
    prepared = PreparedFeed(outcome, status)
    guids = known_guids(db, state.id)
    keyed = [(entry, entry_url(entry, state.id)) for entry in feed.entries]
    seen_urls = known_urls(db, (url for _, url in keyed))  # one query, not one per entry
    fresh = []
    for entry, url in keyed:  # the first of two entries with one guid or URL wins
        if (entry.guid and entry.guid in guids) or url in seen_urls:
            continue
        seen_urls.add(url)
        if entry.guid:
            guids.add(entry.guid)
        fresh.append((entry, url))
    # Oldest first, so that entries published at the same moment keep the feed's order in the list.
    fresh.reverse()
    now = utc_now()
    for entry, url in fresh:
        pending: str | None
        if entry.has_full_text:
            pending = "entry"
        elif full_text and entry.link and link_allowed(entry.link, result.final_url):
            pending = "fetch"
        else:
            pending = "entry" if entry.summary else None
        prepared.entries.append(
            PreparedEntry(
                entry_row(entry, feed_id=state.id, url=url, now=now, pending=pending),
                entry_page(entry, feed_title=feed.title),
                entry.link if pending == "fetch" else None,
            )
        )
    return prepared


def write_feed(db: Database, prepared: PreparedFeed, *, per_transaction: int = 1) -> FeedOutcome:
    """Insert the prepared entries, then record the feed's status (its validators only after its entries).

    Each entry is committed on its own by default; `per_transaction` > 1 groups that many entries in one
    commit (all-or-nothing), which trades a few re-fetched entries after a kill for speed.
    """
    outcome = prepared.outcome
    step = max(1, per_transaction)
    for start in range(0, len(prepared.entries), step):
        with db.atomic() if step > 1 else nullcontext():
            for item in prepared.entries[start : start + step]:
                # Commits on its own, unless grouped in the transaction above.
                article_id = save_entry(db, item.row, item.page, ENTRY_CONTENT_TYPE)
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
    """Record a feed fetch and store its new entries (`prepare_feed` then `write_feed`); never raises
    for bad input."""
    prepared = prepare_feed(db, state, result, full_text=full_text, max_entries=max_entries)
    return write_feed(db, prepared, per_transaction=per_transaction)
