"""Refresh end to end against the local server: storing, dedupe, full text, 304s, failures, progress."""

from __future__ import annotations

from pathlib import Path

from tests.fetch.conftest import TEST_LIMITS
from tests.fetch.server import LocalServer
from tuinews.fetch.refresh import RefreshOptions, RefreshProgress, refresh_feeds
from tuinews.store.articles import get_article, get_raw_page
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed, list_feeds
from tuinews.store.quotes import get_quotes

OPTIONS = RefreshOptions(limits=TEST_LIMITS, concurrency=8, per_host=8)


def subscribe(db_path: Path, server: LocalServer, *names: str) -> list[int]:
    db = open_db(db_path)
    ids = [add_feed(db, f"{server.base}/feeds/{n}")[0].id for n in names]
    db.close()
    return ids


def rows(db_path: Path, sql: str, params: list[object] | None = None) -> list[tuple]:
    db = open_db(db_path)
    try:
        return db.execute(sql, params or []).fetchall()
    finally:
        db.close()


async def test_refresh_stores_dedupes_and_extracts(db_path: Path, server: LocalServer) -> None:
    subscribe(db_path, server, "rss20.xml", "atom10.xml", "feed.json")
    seen: list[RefreshProgress] = []
    summary = await refresh_feeds(db_path, progress=seen.append, options=OPTIONS)
    assert summary.failed == 0 and summary.error is None
    # rss20 has 5 items, one a duplicate guid: 4 stored; atom 2; json 2.
    assert summary.new == 8
    urls = [r[0] for r in rows(db_path, "SELECT url FROM articles ORDER BY id")]
    assert f"{server.base}/news/ferry-timetable.html" in urls  # xml:base applied, utm_* and fragment gone
    assert f"{server.base}/news/fish-market.html?id=7" in urls
    assert any(u.startswith("tuinews:feed/") for u in urls)  # the entry without a link
    assert rows(db_path, "SELECT count(*) FROM articles WHERE pending IS NOT NULL") == [(0,)]
    ferry = rows(db_path, "SELECT id FROM articles WHERE title LIKE 'Ferry timetable%'")
    assert len(ferry) == 1
    db = open_db(db_path)
    article = get_article(db, ferry[0][0])
    assert article is not None and article.source_kind == "feed"
    assert f"[public consultation]({server.base}/news/consultation.html)" in article.markdown
    assert article.byline == ["Mara Okonjo"]
    assert any(q.speaker == "Ines Varga" for q in get_quotes(db, article.id))
    assert get_raw_page(db, article.id) is not None
    feeds = {f.url.rsplit("/", 1)[1]: f for f in list_feeds(db)}
    assert (
        feeds["rss20.xml"].title == "Harbour Gazette & Tide Tables" and feeds["rss20.xml"].last_status == 200
    )
    db.close()
    assert {p.phase for p in seen} >= {"feeds", "extract", "done"}


async def test_second_refresh_is_conditional(db_path: Path, server: LocalServer) -> None:
    subscribe(db_path, server, "rss20.xml", "summary-only.xml")
    await refresh_feeds(db_path, options=OPTIONS)
    server.hits.clear()
    again = await refresh_feeds(db_path, options=OPTIONS)
    assert again.new == 0 and again.unchanged == 2 and again.failed == 0
    assert sorted(server.hits) == ["/feeds/rss20.xml", "/feeds/summary-only.xml"]  # no page fetched again
    assert rows(db_path, "SELECT last_status FROM feeds") == [(304,), (304,)]


CHECK_IMPORTS = """
import asyncio, sys
from pathlib import Path
from tests.fetch.conftest import TEST_LIMITS
from tuinews.fetch.refresh import RefreshOptions, refresh_feeds
summary = asyncio.run(refresh_feeds(Path(sys.argv[1]), options=RefreshOptions(limits=TEST_LIMITS)))
print(summary.new, "tuinews.fetch.extraction" in sys.modules)
"""


def test_a_refresh_with_nothing_new_does_not_load_the_extraction_code(
    db_path: Path, server: LocalServer
) -> None:
    import asyncio
    import subprocess
    import sys

    subscribe(db_path, server, "rss20.xml")
    asyncio.run(refresh_feeds(db_path, options=OPTIONS))
    again = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    assert again.stdout.split() == ["0", "False"]  # a quarter of a second of imports saved


async def test_summary_only_entries_fetch_their_pages(db_path: Path, server: LocalServer) -> None:
    subscribe(db_path, server, "summary-only.xml")
    summary = await refresh_feeds(db_path, options=OPTIONS)
    assert summary.new == 3 and summary.pages_fetched == 2 and summary.pages_failed == 1
    db = open_db(db_path)
    tram_id = db.execute("SELECT id FROM articles WHERE url LIKE '%tram.html'").fetchone()[0]
    tram = get_article(db, tram_id)
    assert tram is not None and "voted 31 to 9" in tram.markdown and "Copyright" not in tram.markdown
    assert tram.place == "RIVERTON" or tram.place == "Riverton"
    assert b"Council approves tram extension" in (get_raw_page(db, tram_id) or b"")
    market = db.execute("SELECT body_markdown FROM articles WHERE url LIKE '%market-cp1251.html'").fetchone()[
        0
    ]
    assert "Ольга Смирнова" in market
    gone = db.execute(
        "SELECT body_markdown, extract_error FROM articles WHERE url LIKE '%/status/404'"
    ).fetchone()
    assert "the summary must stay" in gone[0] and gone[1].startswith("HTTP 404")
    db.close()


async def test_failing_feeds_are_recorded_and_do_not_stop_others(db_path: Path, server: LocalServer) -> None:
    db = open_db(db_path)
    for path in [
        "/status/500",
        "/loop/a",
        "/feeds/hostile-xxe.xml",
        "/feeds/not-a-feed.txt",
        "/feeds/rss091.xml",
        "/gzip/double-bomb",
    ]:
        add_feed(db, server.base + path)
    db.close()
    summary = await refresh_feeds(db_path, options=OPTIONS)
    assert summary.failed == 4 and summary.new == 3
    errors = dict(rows(db_path, "SELECT url, last_error FROM feeds"))
    assert errors[server.base + "/status/500"].startswith("HTTP 500")
    assert errors[server.base + "/loop/a"] == "redirect loop"
    assert errors[server.base + "/feeds/not-a-feed.txt"].startswith("not a feed")
    assert "larger than 10 MB" in errors[server.base + "/gzip/double-bomb"]
    assert errors[server.base + "/feeds/rss091.xml"] is None
    assert not any("\x1b" in (e or "") for e in errors.values())


async def test_refresh_of_one_feed(db_path: Path, server: LocalServer) -> None:
    ids = subscribe(db_path, server, "rss091.xml", "rss092.xml")
    summary = await refresh_feeds(db_path, feed_ids=[ids[1]], options=OPTIONS)
    assert [f.feed_id for f in summary.feeds] == [ids[1]]


async def test_second_refresh_at_once_is_refused(db_path: Path, server: LocalServer) -> None:
    from tuinews.fetch.lock import RefreshLock

    subscribe(db_path, server, "rss091.xml")
    lock = RefreshLock(db_path)
    assert lock.acquire()
    try:
        summary = await refresh_feeds(db_path, options=OPTIONS)
    finally:
        lock.release()
    assert summary.error == "another refresh is running on this cache" and not summary.feeds


async def test_grouped_commits_store_the_same(db_path: Path, server: LocalServer) -> None:
    subscribe(db_path, server, "rss20.xml", "atom10.xml")
    options = RefreshOptions(limits=TEST_LIMITS, concurrency=8, per_host=8, entries_per_transaction=50)
    summary = await refresh_feeds(db_path, options=options)
    assert summary.new == 6 and rows(db_path, "SELECT count(*) FROM articles") == [(6,)]


async def test_a_feed_that_breaks_while_stored_never_stops_the_others(
    db_path: Path, server: LocalServer, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import tuinews.fetch.refresh as refresh_module

    real_store_feed = refresh_module.store_feed

    def store_feed(db, state, result, **options):  # type: ignore[no-untyped-def]
        if "atom10" in state.url:
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real_store_feed(db, state, result, **options)

    monkeypatch.setattr(refresh_module, "store_feed", store_feed)
    subscribe(db_path, server, "rss20.xml", "atom10.xml")
    summary = await refresh_feeds(db_path, options=OPTIONS)
    assert summary.new == 4 and summary.failed == 1 and summary.error is None
    feeds = {f.url.rsplit("/", 1)[1]: f for f in list_feeds(open_db(db_path))}
    assert "could not store this feed (UnicodeEncodeError" in (feeds["atom10.xml"].last_error or "")
    assert feeds["rss20.xml"].last_error is None


async def test_pages_a_killed_refresh_left_queued_keep_their_feed_as_origin(
    db_path: Path, server: LocalServer
) -> None:
    # The local server is on a loopback address: a page there may be fetched only for a feed on that host.
    (feed_id,) = subscribe(db_path, server, "rss20.xml")
    db = open_db(db_path)
    for url, owner in (
        (f"{server.base}/pages/tram.html", feed_id),
        (f"{server.base}/pages/tram.html?x=1", None),
    ):
        db.execute(
            "INSERT INTO articles (url, feed_id, title, body_markdown, content_hash, source_kind, fetched_at, "
            "sort_key, pending) VALUES (?, ?, 'Queued', 'A summary.', '', 'feed', 'now', 'now', 'fetch')",
            [url, owner],
        )
    db.conn.commit()
    db.close()
    await refresh_feeds(db_path, options=OPTIONS)
    results = dict(
        rows(
            db_path,
            "SELECT feed_id IS NULL, coalesce(extract_error, 'extracted') FROM articles "
            "WHERE url LIKE '%/pages/tram.html%'",
        )
    )
    assert results[0] == "extracted"  # the feed's own host: fetched and extracted
    assert "private" in results[1]  # its feed is gone: no private address may be reached
