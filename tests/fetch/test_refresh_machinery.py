"""The parts that make a refresh fast: host-pinned fetcher pools, the writer thread, batched lookups,
the FTS trigger that ignores flag updates, and the extraction process pool (with its fallback)."""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import BrokenExecutor, Executor, Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.fetch.conftest import TEST_LIMITS
from tests.fetch.server import LocalServer
from tuinews.fetch import extraction
from tuinews.fetch.client import FetchLimits
from tuinews.fetch.fetchers import FetcherPool
from tuinews.fetch.refresh import RefreshOptions, refresh_feeds
from tuinews.fetch.writer import StoreWriter
from tuinews.store.db import open_db, open_memory_db
from tuinews.store.feeds import PendingArticle, add_feed, known_urls, list_pending
from tuinews.store.search import search_articles

OPTIONS = RefreshOptions(limits=TEST_LIMITS, concurrency=8, per_host=8)


def _article(db: Any, url: str, title: str, body: str) -> int:
    cursor = db.execute(
        "INSERT INTO articles (url, title, body_markdown, content_hash, source_kind, fetched_at, sort_key) "
        "VALUES (?, ?, ?, 'h', 'feed', 'now', 'now')",
        [url, title, body],
    )
    return int(cursor.lastrowid)


def _fts_rows(db: Any) -> int:
    return int(db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0])


def test_flag_updates_leave_the_search_index_alone_and_text_updates_reindex() -> None:
    db = open_memory_db()
    article_id = _article(db, "https://a.example/1", "Harbour board meets", "The ferry timetable changes.")
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 0)")
    segments = db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]
    db.execute(
        "UPDATE articles SET read_at = 'now', starred = 1, read_position = 0.5 WHERE id = ?", [article_id]
    )
    assert db.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0] == segments  # nothing written
    db.execute(
        "UPDATE articles SET body_markdown = 'The tram extension was approved.' WHERE id = ?", [article_id]
    )
    assert [h.id for h in search_articles(db, "tram")] == [article_id]
    assert search_articles(db, "ferry") == []
    assert [h.id for h in search_articles(db, "harbour")] == [article_id]
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")  # raises when out of step
    assert _fts_rows(db) == 1


def _queued(db: Any, url: str, title: str, body: str, pending: str = "entry") -> int:
    cursor = db.execute(
        "INSERT INTO articles (url, title, body_markdown, content_hash, source_kind, fetched_at, sort_key, "
        "pending) VALUES (?, ?, ?, 'h', 'feed', 'now', 'now', ?)",
        [url, title, body, pending],
    )
    return int(cursor.lastrowid)


def test_an_article_is_searchable_once_it_leaves_the_queue() -> None:
    db = open_memory_db()
    queued = _queued(db, "https://a.example/1", "Harbour board meets", "A provisional summary of the ferry.")
    finished = _article(db, "https://a.example/2", "Tram depot opens", "The depot opened on Monday.")
    assert search_articles(db, "harbour") == [] and _fts_rows(db) == 1  # queued rows wait for their body
    db.execute("UPDATE articles SET pending = 'page' WHERE id = ?", [queued])  # still queued: still out
    assert search_articles(db, "ferry") == []
    db.execute(
        "UPDATE articles SET body_markdown = 'The full story of the winter crossings.', pending = NULL "
        "WHERE id = ?",
        [queued],
    )
    assert [h.id for h in search_articles(db, "crossings")] == [queued]
    assert search_articles(db, "provisional") == []  # the provisional text was never indexed
    db.execute("UPDATE articles SET pending = 'page' WHERE id = ?", [queued])  # queued again (reprocess)
    assert search_articles(db, "crossings") == [] and _fts_rows(db) == 1
    db.execute("DELETE FROM articles WHERE id = ?", [queued])  # a queued row leaves no trace to remove
    db.execute("DELETE FROM articles WHERE id = ?", [finished])
    assert _fts_rows(db) == 0
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")


def test_the_migration_takes_queued_articles_out_of_an_older_index() -> None:
    from sqlite_utils import Database

    from tuinews.store.schema import MIGRATIONS

    db = Database(memory=True)
    MIGRATIONS.apply(db, stop_before="m009_search_index_waits_for_the_body")
    queued = _queued(db, "https://a.example/1", "Harbour board meets", "A provisional summary.")
    finished = _article(db, "https://a.example/2", "Tram depot opens", "The depot opened on Monday.")
    assert _fts_rows(db) == 2  # the old triggers indexed both
    MIGRATIONS.apply(db)
    assert search_articles(db, "harbour") == [] and [h.id for h in search_articles(db, "depot")] == [finished]
    db.execute("UPDATE articles SET pending = NULL WHERE id = ?", [queued])
    assert [h.id for h in search_articles(db, "harbour")] == [queued]
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    assert _fts_rows(db) == 2


def test_known_urls_answers_in_chunks() -> None:
    db = open_memory_db()
    stored = [f"https://a.example/{i}" for i in range(0, 30, 3)]
    for url in stored:
        _article(db, url, "t", "")
    asked = [f"https://a.example/{i}" for i in range(30)] + ["https://a.example/0"]
    assert known_urls(db, asked, chunk=7) == set(stored)
    assert known_urls(db, []) == set()


async def test_fetcher_pool_pins_hosts_and_opens_pools_only_under_load() -> None:
    async with FetcherPool(TEST_LIMITS, concurrency=8, per_host=2, per_pool=4) as pool:
        assert pool.max_pools == 2 and pool.fetchers == []
        first = await pool.fetcher_for("https://a.example/feed")
        assert await pool.fetcher_for("https://A.example/other") is first  # same host, same pool
        assert await pool.fetcher_for("https://b.example/") is first  # the open pool is not busy
        pool._load[first] = 4  # as if four requests were in flight there
        second = await pool.fetcher_for("https://c.example/")
        assert second is not first and len(pool.fetchers) == 2
        pool._load[second] = 9
        assert await pool.fetcher_for("https://d.example/") is first  # at the cap: the least busy one
        assert await pool.fetcher_for("https://a.example/again") is first


async def test_fetcher_pool_fetches_and_counts(server: LocalServer) -> None:
    async with FetcherPool(TEST_LIMITS, concurrency=4, per_host=2) as pool:
        results = [await pool.fetch(f"{server.base}/feeds/rss091.xml") for _ in range(2)]
        assert all(r.ok for r in results) and pool.requests == 2 and len(pool.fetchers) == 1


def test_missing_sniffio_is_remembered() -> None:
    import importlib.util

    if "sniffio" in sys.modules and sys.modules["sniffio"] is not None:
        pytest.skip("sniffio is installed here")
    assert sys.modules.get("sniffio", "absent") is None
    assert importlib.util.find_spec("sniffio") is None
    with pytest.raises(ImportError):
        import sniffio  # noqa: F401


async def test_writer_runs_jobs_in_order_on_its_own_thread(db_path: Path) -> None:
    import threading

    open_db(db_path).close()
    seen: list[tuple[int, str]] = []

    def job(db: Any, n: int) -> str:
        seen.append((n, threading.current_thread().name))
        return str(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])

    async with StoreWriter(db_path) as writer:
        results = [await writer.run(job, n) for n in range(3)]
    assert results == ["0"] * 3  # checkpoints run on another thread
    assert [n for n, _ in seen] == [0, 1, 2]
    assert {name for _, name in seen} != {threading.current_thread().name}


async def test_the_wal_starts_over_while_a_long_refresh_writes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tuinews.fetch.writer as writer_module

    monkeypatch.setattr(writer_module, "WAL_LIMIT", 256 << 10)
    open_db(db_path).close()

    def write_one(db: Any, n: int) -> int:
        _article(db, f"https://a.example/{n}", f"Story {n}", "The harbour board met. " * 60)
        db.conn.commit()
        return Path(f"{db_path}-wal").stat().st_size

    async with StoreWriter(db_path) as writer:
        sizes = [await writer.run(write_one, n) for n in range(400)]
    # Without checkpoints the WAL would hold every page of 400 commits (several MB); it starts over instead.
    assert max(sizes) < 2 << 20
    assert int(open_db(db_path).execute("SELECT count(*) FROM articles").fetchone()[0]) == 400


async def test_extraction_in_worker_processes_matches_the_inline_build(
    tmp_path: Path, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, counts = {}, {}
    real_pool = extraction._pool
    monkeypatch.setattr(extraction, "POOL_MIN_ITEMS", 0)
    for mode, workers in (("inline", 1), ("pool", 2)):
        db_path = tmp_path / f"{mode}.db"
        db = open_db(db_path)
        for name in ("rss20.xml", "atom10.xml", "feed.json", "summary-only.xml"):
            add_feed(db, f"{server.base}/feeds/{name}")
        db.close()
        made: list[Any] = []

        def counting_pool(n: int, made: list[Any] = made) -> Any:
            made.append(real_pool(n))
            return made[-1]

        monkeypatch.setattr(extraction, "_pool", counting_pool)
        options = RefreshOptions(limits=TEST_LIMITS, concurrency=8, per_host=8, extract_workers=workers)
        summary = await refresh_feeds(db_path, options=options)
        assert summary.extracted >= 8 and summary.extract_failed == 0 and len(made) == (workers > 1)
        counts[mode] = (summary.new, summary.extracted, summary.pages_fetched)
        db = open_db(db_path)
        texts[mode] = db.execute(
            "SELECT url, body_markdown, pending, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) "
            "FROM articles a ORDER BY url"
        ).fetchall()
        db.close()
    assert counts["pool"] == counts["inline"] and texts["pool"] == texts["inline"]
    assert all(row[2] is None for row in texts["pool"])


class _BrokenPool(Executor):
    """Works for the first `good` submissions, then behaves like a pool whose worker died."""

    def __init__(self, good: int) -> None:
        self.good = good

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if self.good > 0:
            self.good -= 1
            future.set_result(fn(*args, **kwargs))
        else:
            future.set_exception(BrokenExecutor("a worker died"))
        return future


def test_a_broken_pool_falls_back_to_building_here() -> None:
    page = b"<html><head><title>T</title></head><body><article><p>Body text here.</p></article></body></html>"
    items = [PendingArticle(i, f"https://a.example/{i}", None, "entry", "text/html", page) for i in range(5)]
    built = list(extraction._built(iter(items), _BrokenPool(2), datetime.now(UTC), window=2))
    assert [item.id for item, _ in built] == [0, 1, 2, 3, 4]
    assert all(article is not None and "Body text" in article.markdown for _, (article, _e) in built)


def test_pending_queue_is_listed_by_kind() -> None:
    db = open_memory_db()
    assert list_pending(db, "entry") == []


def test_save_extracted_writes_what_save_article_writes() -> None:
    from tuinews.models import Article, Dateline, Quote
    from tuinews.store.articles import save_article
    from tuinews.store.feeds import extracted_row, save_entry, save_extracted

    article = Article(
        title="Council approves tram extension",
        markdown='RIVERTON - The council voted 31 to 9.\n\n"We listened," said Ines Varga.\n',
        dek="A vote after two years",
        url="https://a.example/tram",
        dateline=Dateline(
            place="RIVERTON",
            agency="Reuters",
            outlet="Gazette",
            byline=["Mara Okonjo"],
            word_count=12,
            published="2024-11-19T10:00:00+01:00",
            published_raw="Tue 19 Nov",
            language="en",
            read_minutes=1,
        ),
        quotes=[
            Quote("We listened,", "Ines Varga", role="mayor", paragraph=1, start=1, end=13, confidence=0.9)
        ],
        captions=["A tram"],
        source_kind="feed",
    )
    columns = (
        "title, dek, byline, outlet, agency, section, place, published, published_raw, updated, updated_raw, "
        "published_utc, language, word_count, read_minutes, body_markdown, captions, content_hash, source_kind, "
        "sort_key, pending, extract_error, read_at, starred"
    )
    results = []
    for use_lean in (True, False):
        db = open_memory_db()
        row = {
            "url": article.url,
            "title": "Council approves",
            "content_hash": "x",
            "source_kind": "feed",
            "fetched_at": "2024-11-20T00:00:00Z",
            "byline": "[]",
            "body_markdown": "Short summary.",
            "sort_key": "2024-11-20T00:00:00Z",
            "pending": "page",
        }
        article_id = save_entry(db, row, None, None)
        assert article_id is not None
        db.execute("UPDATE articles SET starred = 1 WHERE id = ?", [article_id])
        if use_lean:
            assert save_extracted(db, article_id, extracted_row(article))
        else:
            save_article(db, article, fallback_url=article.url or "")
            db.execute("UPDATE articles SET pending = NULL, extract_error = NULL WHERE id = ?", [article_id])
        quotes = db.execute(
            'SELECT ordinal, text, speaker, speaker_key, speaker_role, kind, paragraph, start, "end", confidence '
            "FROM quotes"
        ).fetchall()
        results.append((db.execute(f"SELECT {columns} FROM articles").fetchall(), quotes))
        assert [h.id for h in search_articles(db, "listened")] == [article_id]
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    assert results[0] == results[1]
    assert results[0][0][0][19] == "2024-11-19T09:00:00Z"  # the list moves to the stated publication time


async def test_deadline_mid_refresh_keeps_what_was_stored(db_path: Path, server: LocalServer) -> None:
    db = open_db(db_path)
    fast = add_feed(db, f"{server.base}/feeds/summary-only.xml")[0].id
    slow = add_feed(db, f"{server.base}/feeds/rss20.xml?delay=2")[0].id
    db.close()
    limits = FetchLimits(connect_timeout=2, read_timeout=5, deadline=5, retries=0)
    options = RefreshOptions(limits=limits, concurrency=8, per_host=8, deadline=1.0)
    summary = await refresh_feeds(db_path, options=options)
    assert summary.error == "the refresh stopped at its 1 s deadline"
    assert [f.feed_id for f in summary.feeds] == [fast] and summary.new == 3
    db = open_db(db_path)
    status = dict(db.execute("SELECT id, last_error FROM feeds").fetchall())
    assert status == {fast: None, slow: "the refresh stopped before this feed"}
    assert db.execute("SELECT count(*) FROM articles WHERE feed_id = ?", [fast]).fetchone()[0] == 3
    db.close()
    again = await refresh_feeds(db_path, options=RefreshOptions(limits=limits, concurrency=8, per_host=8))
    assert again.error is None and again.failed == 0 and again.new == 4


async def test_host_slots_limit_the_hosts_a_pool_serves_at_once() -> None:
    async with FetcherPool(TEST_LIMITS, concurrency=12, per_host=3, per_pool=6) as pool:
        assert (pool.hosts_per_pool, pool.pool_size, pool.max_pools) == (2, 6, 2)
        slot = await pool.host_slot("https://a.example/1")
        assert slot is await pool.host_slot("https://a.example/2")
        async with slot, await pool.host_slot("https://b.example/"):
            assert slot.locked()  # two hosts of the first pool are being served
        first = await pool.fetcher_for("https://a.example/")
        assert await pool.fetcher_for("https://c.example/") is first  # one-off requests: by load
        third = await pool.host_slot("https://c.example/")  # the first pool has its two hosts
        assert third is not slot and len(pool.fetchers) == 2
        assert await pool.fetcher_for("https://c.example/x") is pool.fetchers[1]  # moved with its slot


async def test_the_worker_process_builds_the_rows_the_writer_would(server: LocalServer) -> None:
    from tuinews.fetch.client import Fetcher
    from tuinews.fetch.feed_rows import build_feed
    from tuinews.fetch.parsing import FeedBuilder

    names = ("rss20.xml", "atom10.xml", "feed.json", "summary-only.xml", "rss091.xml", "malformed.xml")
    async with Fetcher(TEST_LIMITS) as fetcher:
        results = [await fetcher.fetch(f"{server.base}/feeds/{name}") for name in names]
    builder = FeedBuilder(len(names), processes=1)
    try:
        assert await builder.started()
        for n, result in enumerate(results):
            here = build_feed(n, result.url, result, full_text=True, max_entries=100)
            there = await builder.build(n, result.url, result, full_text=True, max_entries=100)
            assert there is not None
            # The rows carry the moment they were built; everything else must match.
            for entry in [*here.entries, *there.entries]:
                if entry.row["sort_key"] == entry.row["fetched_at"]:
                    entry.row["sort_key"] = "-"
                entry.row["fetched_at"] = "-"
            assert there == here
    finally:
        builder.close()


async def test_a_worker_that_dies_hands_its_feeds_back_to_the_writer() -> None:
    import os
    import signal

    from tuinews.fetch.parsing import FeedBuilder
    from tuinews.fetch.result import FetchResult

    builder = FeedBuilder(1, processes=1)
    try:
        assert await builder.started()
        for pid in list(builder._pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        result = FetchResult("http://feeds.example/a", "http://feeds.example/a", status=200, body=b"<rss/>")
        built = None
        for _ in range(50):  # the pool notices the death on its next submission at the latest
            built = await builder.build(1, result.url, result, full_text=True, max_entries=10)
            if built is None:
                break
            await asyncio.sleep(0.05)
        assert built is None and builder.broken and not await builder.started()
    finally:
        builder.close()
