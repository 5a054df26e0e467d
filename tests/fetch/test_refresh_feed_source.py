"""Feed articles name their source: the feed's title is the outlet when the article names none, and an
entry whose page cannot be fetched is still built (body, dateline, quotes) from the feed's own entry."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.fetch.conftest import TEST_LIMITS
from tests.fetch.server import LocalServer
from tuinews.fetch.refresh import RefreshOptions, refresh_feeds
from tuinews.store.articles import get_article
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed
from tuinews.store.quotes import get_quotes

OPTIONS = RefreshOptions(limits=TEST_LIMITS, concurrency=8, per_host=8)


async def refreshed(db_path: Path, server: LocalServer, *, extract: bool = True) -> dict[str, int]:
    """Subscribe to the Little Harbour feed, refresh it; the article ids by guid."""
    db = open_db(db_path)
    add_feed(db, f"{server.base}/feeds/little-harbour.xml")
    db.close()
    summary = await refresh_feeds(db_path, options=replace(OPTIONS, extract=extract))
    assert summary.new == 3 and summary.pages_fetched == 1 and summary.pages_failed == 1
    db = open_db(db_path)
    try:
        return dict(db.execute("SELECT guid, id FROM articles").fetchall())
    finally:
        db.close()


async def test_feed_articles_take_the_feed_title_as_outlet(db_path: Path, server: LocalServer) -> None:
    ids = await refreshed(db_path, server)
    db = open_db(db_path)
    outlets = {guid: get_article(db, id_).outlet for guid, id_ in ids.items()}  # type: ignore[union-attr]
    db.close()
    # Built from the feed's entry (og:site_name on the entry page), from a fetched page that names no
    # site, and from the entry again when the page is gone.
    assert outlets == {
        "lhg-lantern": "Little Harbour Gazette",
        "lhg-ferry": "Little Harbour Gazette",
        "lhg-herring": "Little Harbour Gazette",
    }


async def test_the_list_shows_the_feed_as_source_before_bodies_are_built(
    db_path: Path, server: LocalServer
) -> None:
    ids = await refreshed(db_path, server, extract=False)
    db = open_db(db_path)
    rows = db.execute("SELECT guid, outlet, pending FROM articles ORDER BY guid").fetchall()
    db.close()
    assert rows == [
        ("lhg-ferry", "Little Harbour Gazette", "page"),
        ("lhg-herring", "Little Harbour Gazette", "entry"),
        ("lhg-lantern", "Little Harbour Gazette", "entry"),
    ]
    assert set(ids) == {"lhg-ferry", "lhg-herring", "lhg-lantern"}


async def test_an_entry_whose_page_is_gone_is_built_from_the_feed(db_path: Path, server: LocalServer) -> None:
    ids = await refreshed(db_path, server)
    db = open_db(db_path)
    herring = get_article(db, ids["lhg-herring"])
    assert herring is not None
    assert "Ropewalk Lane" in herring.markdown
    assert herring.word_count > 30 and herring.read_minutes == 1
    assert herring.published == "2024-11-19T09:15:00+00:00"
    quotes = get_quotes(db, herring.id)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ossian Pellow", "direct")]
    assert quotes[0].text.startswith("People either love it")
    # The failed fetch stays noted; the row is finished and searchable.
    error, pending, feed_text = db.execute(
        "SELECT extract_error, pending, feed_markdown FROM articles WHERE id = ?", [herring.id]
    ).fetchone()
    assert error.startswith("HTTP 404") and pending is None
    assert feed_text is None  # the body is the feed's text: no second copy for `v`
    from tuinews.store.search import search_articles

    assert [h.id for h in search_articles(db, "herring")] == [herring.id]
    db.close()


async def test_entries_keep_their_dates_as_the_feed_printed_them(db_path: Path, server: LocalServer) -> None:
    ids = await refreshed(db_path, server)
    db = open_db(db_path)
    rows = dict(db.execute("SELECT guid, published || ' | ' || published_raw FROM articles").fetchall())
    db.close()
    # Built from the entry (with full content, or after the page fetch failed): the pubDate as printed,
    # so the dateline can name its zone (GMT), not only the offset of the ISO form.
    assert rows["lhg-lantern"] == "2024-11-19T10:47:00+00:00 | Tue, 19 Nov 2024 10:47:00 GMT"
    assert rows["lhg-herring"] == "2024-11-19T09:15:00+00:00 | Tue, 19 Nov 2024 09:15:00 GMT"
    assert set(ids) == set(rows)
