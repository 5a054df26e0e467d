"""A feed answered in full again (no ETag or Last-Modified) mostly repeats stored entries: no rows are
built for those, in the parsing process (which reads the cache read-only) or on the writer thread."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.fetch.conftest import TEST_LIMITS
from tests.fetch.server import LocalServer
from tuinews.fetch.client import Fetcher
from tuinews.fetch.feed_rows import build_feed
from tuinews.fetch.parsing import FeedBuilder
from tuinews.fetch.refresh import RefreshOptions, refresh_feeds
from tuinews.fetch.result import FetchResult
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed, known_guids, known_urls
from tuinews.store.retention import prune_articles

OPTIONS = RefreshOptions(limits=TEST_LIMITS, parse_processes=0, extract=False)


async def _stored_once(db_path: Path, server: LocalServer) -> tuple[int, FetchResult]:
    """The Harbour Gazette feed refreshed into the cache once, and the same feed fetched again in full."""
    db = open_db(db_path)
    feed_id = add_feed(db, f"{server.base}/feeds/rss20.xml")[0].id
    db.close()
    assert (await refresh_feeds(db_path, options=OPTIONS)).new == 4
    async with Fetcher(TEST_LIMITS) as fetcher:
        again = await fetcher.fetch(f"{server.base}/feeds/rss20.xml")  # no validators: a full answer
    assert again.ok and again.body
    return feed_id, again


async def test_the_parsing_process_builds_no_rows_for_stored_entries(
    db_path: Path, server: LocalServer
) -> None:
    feed_id, again = await _stored_once(db_path, server)
    builder = FeedBuilder(1, processes=1, db_path=db_path)
    try:
        assert await builder.started()
        prepared = await builder.build(feed_id, again.url, again, full_text=True, max_entries=100)
    finally:
        builder.close()
    assert prepared is not None and prepared.outcome.error is None
    assert prepared.outcome.seen == 5 and prepared.entries == []
    assert prepared.status["etag"]  # the feed's status is still recorded


async def test_an_entry_no_longer_stored_is_built_again(db_path: Path, server: LocalServer) -> None:
    feed_id, again = await _stored_once(db_path, server)
    db = open_db(db_path)
    gone = db.execute("SELECT url FROM articles WHERE title LIKE 'Ferry timetable%'").fetchone()[0]
    db.execute("DELETE FROM articles WHERE url = ?", [gone])
    db.conn.commit()
    prepared = build_feed(
        feed_id,
        again.url,
        again,
        known=lambda fid, _guids, urls: (known_guids(db, fid), known_urls(db, urls)),
    )
    db.close()
    assert [entry.row["url"] for entry in prepared.entries] == [gone]


async def test_an_unreadable_cache_only_means_every_row_is_built(tmp_path: Path, server: LocalServer) -> None:
    async with Fetcher(TEST_LIMITS) as fetcher:
        result = await fetcher.fetch(f"{server.base}/feeds/rss20.xml")
    builder = FeedBuilder(1, processes=1, db_path=tmp_path / "missing" / "cache.db")
    try:
        assert await builder.started()
        prepared = await builder.build(1, result.url, result, full_text=True, max_entries=100)
    finally:
        builder.close()
    assert prepared is not None and len(prepared.entries) == 4  # five items, one a repeated guid


async def test_a_second_full_refresh_stores_nothing_new(db_path: Path, server: LocalServer) -> None:
    await _stored_once(db_path, server)
    db = open_db(db_path)
    db.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")  # as if the server sent no validators
    db.conn.commit()
    db.close()
    again = await refresh_feeds(db_path, options=OPTIONS)
    assert again.new == 0 and again.unchanged == 1 and again.failed == 0
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    db.close()


async def test_a_pruned_feed_entry_is_not_stored_again(db_path: Path, server: LocalServer) -> None:
    options = RefreshOptions(limits=TEST_LIMITS, extract=False)
    db = open_db(db_path)
    add_feed(db, f"{server.base}/feeds/rss20.xml")
    db.close()
    assert (await refresh_feeds(db_path, options=options)).new == 4
    db = open_db(db_path)
    assert (
        prune_articles(db, older_than_days=365, now=datetime(2026, 12, 1, tzinfo=UTC)).articles == 4
    )  # the fixture's items are from 2024
    db.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")  # the feed answers in full again
    db.conn.commit()
    db.close()
    again = await refresh_feeds(db_path, options=options)
    assert again.failed == 0 and again.new == 0
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM pruned").fetchone()[0] == 4
    db.close()


async def test_keep_days_removes_old_articles_after_the_refresh(db_path: Path, server: LocalServer) -> None:
    db = open_db(db_path)
    add_feed(db, f"{server.base}/feeds/rss20.xml")
    db.close()
    options = RefreshOptions(limits=TEST_LIMITS, extract=False, keep_days=365)  # the items are from 2024
    summary = await refresh_feeds(db_path, options=options)
    assert summary.new == 4 and summary.pruned == 4
    assert summary.counts().endswith("; 4 old articles removed")
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    db.close()
