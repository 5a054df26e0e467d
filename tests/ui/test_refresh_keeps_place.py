"""A refresh that brings new articles never pulls the reader off the article being read: the rows arrive,
the cursor stays on the same article, and the reader (its article and scroll position) is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import FIXED_NOW
from tests.fetch.server import LocalServer
from tests.ui.conftest import settle
from tests.ui.seed import TOLLS
from tests.ui.test_refresh_in_app import refreshed
from tuinews.models import Article, Dateline
from tuinews.store.articles import ListFilter, save_article
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.widgets.article_list import PAGE_SIZE, ArticleList
from tuinews.ui.widgets.article_view import ArticleView
from tuinews.ui.widgets.refresh_bar import RefreshBar


def save_story(db: Database, name: str, published: str, key: str) -> None:
    """A one-line article titled `name`, published then, under the key `key`."""
    save_article(
        db,
        Article(title=name, markdown=f"{name}: the body.\n", dateline=Dateline(published=published)),
        fallback_url=key,
    )


def store_new(db_path: Path, count: int = 1, *, day: int = 24) -> None:
    """What a refresh stores: articles newer than every one listed."""
    db = open_db(db_path)
    for index in range(count):
        save_story(
            db, f"Fresh story {index}", f"2026-11-{day}T09:{index % 60:02d}:00+00:00", f"fresh:{day}:{index}"
        )
    db.close()


def announce(app: TuinewsApp, count: int = 1) -> None:
    """The refresh bar's message that articles were committed (as `r` sends it)."""
    app.screen.post_message(RefreshBar.NewArticles(count))


async def test_new_articles_keep_the_cursor_and_the_reader_where_they_were(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "enter")  # the tolls story: long enough to scroll at this height
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        reading = view.article
        assert reading is not None and reading.title.startswith("Bridge tolls")
        scrolled = view.scroll_y
        assert scrolled > 0
        store_new(app.db_path, 2)
        announce(app, 2)
        await settle(pilot)
        assert articles.row_count == 5  # the new rows are listed
        assert [a.title for a in articles.articles[:2]] == ["Fresh story 1", "Fresh story 0"]
        current = articles.current
        assert current is not None and current.id == reading.id  # the cursor stayed on the article
        assert view.article is not None and view.article.id == reading.id  # the reader too
        assert view.scroll_y == scrolled  # and so did its place in the article
        await pilot.press("escape", "j")  # the list goes on from the same article
        await settle(pilot)
        assert view.article is not None and view.article.title.startswith("Last lighthouse")


async def test_the_place_is_kept_far_down_a_long_list(seeded_db: Database, db_path: Path) -> None:
    for index in range(PAGE_SIZE * 2 + 50):
        published = f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T10:00:00+00:00"
        save_story(seeded_db, f"Old story {index:03d}", published, f"old:{index}")
    seeded_db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        for _ in range(3):  # G goes to the last row loaded, and the next page follows
            await pilot.press("G")
            await settle(pilot)
        assert articles.cursor_row > PAGE_SIZE + 20
        await pilot.press("enter")
        await settle(pilot)
        reading = articles.current
        assert reading is not None
        row, loaded = articles.cursor_row, articles.row_count
        store_new(app.db_path, 3)
        announce(app, 3)
        await settle(pilot)
        current = articles.current
        assert current is not None and current.id == reading.id
        assert articles.cursor_row == row + 3 and articles.row_count >= loaded + 3
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == reading.id
        ids = [a.id for a in articles.articles]
        assert len(ids) == len(set(ids)) == articles.row_count
        # The list still pages on from where it is, in order.
        keys = [(a.sort_key, a.id) for a in articles.articles]
        assert keys == sorted(keys, reverse=True)


async def test_the_article_being_read_stays_listed_under_the_unread_filter(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("U", "j", "enter")  # unread only; opening the tolls story marks it read
        await settle(pilot)
        assert screen.filter == ListFilter(unread=True)
        articles = screen.query_one(ArticleList)
        reading = articles.current
        assert reading is not None and reading.title.startswith("Bridge tolls")
        store_new(app.db_path)
        announce(app)
        await settle(pilot)
        current = articles.current
        assert current is not None and current.id == reading.id
        assert [a.title for a in articles.articles][0] == "Fresh story 0"
        view = screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == reading.id


async def test_at_the_top_of_the_list_new_rows_show_above_the_cursor(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        first = articles.current
        assert first is not None
        store_new(app.db_path, 2)
        announce(app, 2)
        await settle(pilot)
        assert articles.scroll_y == 0  # the new rows are in view, not scrolled away
        current = articles.current
        assert current is not None and current.id == first.id and articles.cursor_row == 2


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    local = LocalServer().start()
    yield local
    local.shutdown()


async def test_r_keeps_the_reader_on_an_older_article(
    db: Database, db_path: Path, server: LocalServer
) -> None:
    # Articles older than the feed's entries, so the refresh lists its new rows above the one being read.
    for index in range(3):
        save_article(
            db,
            Article(
                title=f"Archive story {index}",
                markdown=TOLLS,
                dateline=Dateline(published=f"2020-0{index + 1}-10T10:00:00+00:00"),
            ),
            fallback_url=f"archive:{index}",
        )
    add_feed(db, f"{server.base}/feeds/rss20.xml")
    db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        await pilot.press("G", "enter")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        reading, scrolled = view.article, view.scroll_y
        assert reading is not None and reading.title == "Archive story 0" and scrolled > 0
        await pilot.press("r")
        await refreshed(pilot)
        assert articles.row_count > 3
        assert articles.articles[0].feed_id is not None  # the feed's entries are newer: listed first
        current = articles.current
        assert current is not None and current.id == reading.id
        assert view.article is not None and view.article.id == reading.id and view.scroll_y == scrolled
