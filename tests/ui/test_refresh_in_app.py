"""`r` in the app refreshes feeds from a real local HTTP server while reading goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database
from textual.widgets import Markdown, Static

from tests.conftest import FIXED_NOW
from tests.fetch.server import LocalServer
from tests.ui.conftest import settle
from tuinews.store.feeds import add_feed
from tuinews.ui.app import make_app
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.article_view import ArticleView
from tuinews.ui.widgets.feeds_panel import FeedsPanel


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    local = LocalServer().start()
    yield local
    local.shutdown()


async def refreshed(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the refresh bar has finished."""
    bar = pilot.app.screen.query_one("#refresh-bar")
    for _ in range(400):
        await settle(pilot)
        if not bar.running:
            return
        await pilot.pause(0.05)
    raise AssertionError("the refresh did not finish")


async def test_r_refreshes_feeds_and_new_articles_appear(
    seeded_db: Database, db_path: Path, server: LocalServer
) -> None:
    add_feed(seeded_db, f"{server.base}/feeds/rss20.xml", tags=["coast"])
    add_feed(seeded_db, f"{server.base}/status/500")
    seeded_db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    notes: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count == 3
        await pilot.press("r")
        await refreshed(pilot)
        assert articles.row_count > 3
        titles = [a.title for a in articles.articles]
        assert "Ferry timetable changes from Monday" in titles
        assert any("new articles" in n and "1 failed" in n for n in notes), notes
        assert any("500" in n for n in notes), notes
        # The feeds pane lists the feeds (the failing one too) and filters by tag.
        await pilot.press("F")
        await settle(pilot)
        panel = app.screen.query_one(FeedsPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any(p.startswith("Harbour Gazette") for p in prompts)
        assert any(p.startswith("#coast") for p in prompts)
        tag_row = next(i for i, p in enumerate(prompts) if p.startswith("#coast"))
        panel.highlighted = tag_row
        await pilot.press("enter")
        await settle(pilot)
        assert "#coast" in str(app.screen.query_one("#status", Static).render())
        assert "Ferry timetable changes from Monday" in [a.title for a in articles.articles]
        assert all(a.feed_id is not None for a in articles.articles)


async def test_refresh_with_no_feeds_says_how_to_add_one(app) -> None:  # type: ignore[no-untyped-def]
    notes: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notes.append(str(message))
        await pilot.press("r")
        await refreshed(pilot)
        assert any("feed add" in n for n in notes), notes


async def test_v_shows_the_feeds_own_text_beside_the_extracted_page(
    seeded_db: Database, db_path: Path, server: LocalServer
) -> None:
    # Summary-only entries: the feed carries a one-line summary, the page holds the article.
    add_feed(seeded_db, f"{server.base}/feeds/summary-only.xml")
    seeded_db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await refreshed(pilot)
        articles = app.screen.query_one(ArticleList)
        row = next(i for i, a in enumerate(articles.articles) if a.feed_id is not None)
        articles.move_cursor(row=row)
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        body = app.screen.query_one("#body", Markdown)
        extracted = body.source
        await pilot.press("v")
        await settle(pilot)
        assert view.showing == "feed" and body.source != extracted
        await pilot.press("v")
        await settle(pilot)
        assert view.showing == "page"
        await pilot.press("v")
        await settle(pilot)
        assert view.showing == "article" and body.source == extracted
