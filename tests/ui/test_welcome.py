"""The first-run screen: every way to fill an empty cache works from the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.conftest import FIXED_NOW, IMPORT_FIXTURES
from tests.fetch.server import LocalServer
from tests.ui.test_refresh_in_app import refreshed
from tuinews.store.articles import count_articles
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed, list_feeds
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.pilot import settle
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.screens.welcome import WelcomeScreen
from tuinews.ui.widgets.article_list import ArticleList


@pytest.fixture
def empty_app(db_path: Path) -> TuinewsApp:
    open_db(db_path).close()
    return make_app(db_path, clock=lambda: FIXED_NOW)


async def wait_for_main(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await settle(pilot)
        if isinstance(pilot.app.screen, MainScreen):
            return
        await pilot.pause(0.05)
    raise AssertionError("the reader did not open")


async def test_import_a_file_from_the_welcome_screen(empty_app: TuinewsApp, db_path: Path) -> None:
    async with empty_app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        assert isinstance(empty_app.screen, WelcomeScreen)
        await pilot.press("i", *str(IMPORT_FIXTURES / "night-market-notes.md"), "enter")
        await wait_for_main(pilot)
        await settle(pilot)
        titles = [a.title for a in empty_app.screen.query_one(ArticleList).articles]
        assert titles == ["Night market returns to the old tram depot"]


async def test_a_bad_path_says_so_and_stays(empty_app: TuinewsApp) -> None:
    async with empty_app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        await pilot.press("i", *"/no/such/file.html", "enter")
        await settle(pilot)
        assert isinstance(empty_app.screen, WelcomeScreen)
        assert "no such file" in str(empty_app.screen.query_one("#welcome-status", Static).render())


async def test_demo_from_the_welcome_screen_leaves_the_cache_empty(
    empty_app: TuinewsApp, db_path: Path
) -> None:
    async with empty_app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await wait_for_main(pilot)
        await settle(pilot)
        assert empty_app.screen.query_one(ArticleList).row_count >= 12
    assert count_articles(open_db(db_path)) == 0


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    local = LocalServer().start()
    yield local
    local.shutdown()


async def test_add_a_feed_from_the_welcome_screen(
    empty_app: TuinewsApp, db_path: Path, server: LocalServer
) -> None:
    async with empty_app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        # A site's home page: the feed is found from its <link rel="alternate">.
        await pilot.press("a", *f"{server.base}/feeds/site.html", "enter")
        await wait_for_main(pilot)
        await refreshed(pilot)
        assert empty_app.screen.query_one(ArticleList).row_count > 0
    feeds = list_feeds(open_db(db_path))
    assert len(feeds) == 1 and feeds[0].url.endswith(".xml")


async def test_subscribed_feeds_with_no_articles_yet_are_offered_for_fetching(
    db_path: Path, server: LocalServer
) -> None:
    db = open_db(db_path)
    add_feed(db, f"{server.base}/feeds/rss20.xml")  # say, from an OPML import
    db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert "r   fetch the feed you subscribed to" in str(app.screen.query_one("#welcome-text").render())
        await pilot.press("r")
        await wait_for_main(pilot)
        await refreshed(pilot)
        assert app.screen.query_one(ArticleList).row_count >= 4


async def test_without_feeds_the_welcome_screen_offers_no_refresh(empty_app: TuinewsApp) -> None:
    async with empty_app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        assert "fetch the" not in str(empty_app.screen.query_one("#welcome-text").render())
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(empty_app.screen, WelcomeScreen)
