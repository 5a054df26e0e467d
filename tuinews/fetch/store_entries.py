"""From one fetched feed to stored rows: parse, skip what is known (guid, canonical URL), insert the rest."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from tuinews.fetch.client import FetchResult
from tuinews.fetch.entries import ENTRY_CONTENT_TYPE, entry_page, entry_row, entry_url
from tuinews.fetch.feeds import FeedError, parse_feed
from tuinews.fetch.urls import link_allowed
from tuinews.store.articles import utc_now
from tuinews.store.feeds import FeedState, known_guids, save_entry, update_feed_status, url_known


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


def store_feed(
    db: Database,
    state: FeedState,
    result: FetchResult,
    *,
    full_text: bool = True,
    max_entries: int = 1000,
    per_transaction: int = 1,
) -> FeedOutcome:
    """Record a feed fetch and store its new entries; never raises for bad input.

    Each entry is committed on its own by default; `per_transaction` > 1 groups that many entries in one
    commit (each still all-or-nothing), which trades a few re-fetched entries after a kill for speed.
    """
    outcome = FeedOutcome(state.id, state.url, result.status)
    if result.not_modified:
        outcome.not_modified = True
        update_feed_status(db, state.id, status=304, error=None)
        return outcome
    if not result.ok:
        outcome.error = result.error or f"HTTP {result.status}"
        update_feed_status(db, state.id, status=result.status, error=outcome.error)
        return outcome
    try:
        feed = parse_feed(result.body, url=result.final_url, charset=result.charset, max_entries=max_entries)
    except FeedError as exc:
        outcome.error = str(exc)
        update_feed_status(db, state.id, status=result.status, error=outcome.error)
        return outcome
    outcome.title = feed.title
    outcome.seen = len(feed.entries)
    guids = known_guids(db, state.id)
    now = utc_now()
    seen_urls: set[str] = set()
    fresh = []
    for entry in feed.entries:  # the first of two entries with one guid or URL wins
        url = entry_url(entry, state.id)
        if (entry.guid and entry.guid in guids) or url in seen_urls or url_known(db, url):
            continue
        seen_urls.add(url)
        if entry.guid:
            guids.add(entry.guid)
        fresh.append((entry, url))
    # Oldest first, so that entries published at the same moment keep the feed's order in the list.
    fresh.reverse()
    step = max(1, per_transaction)
    for start in range(0, len(fresh), step):
        with db.atomic():
            for entry, url in fresh[start : start + step]:
                pending: str | None
                if entry.has_full_text:
                    pending = "entry"
                elif full_text and entry.link and link_allowed(entry.link, result.final_url):
                    pending = "fetch"
                else:
                    pending = "entry" if entry.summary else None
                row = entry_row(entry, feed_id=state.id, url=url, now=now, pending=pending)
                if (
                    save_entry(db, row, entry_page(entry, feed_title=feed.title), ENTRY_CONTENT_TYPE)
                    is not None
                ):
                    outcome.new += 1
    update_feed_status(
        db,
        state.id,
        status=result.status,
        error=None,
        etag=result.etag,
        last_modified=result.last_modified,
        title=feed.title,
        site_url=feed.site_url,
        kind=feed.kind,
    )
    return outcome
