"""The list while a refresh reloads it: a page read for an older list, or an article that moved down the
list since an earlier page, never shows twice (the table refuses a second row with one key)."""

from __future__ import annotations

from tests.ui.conftest import settle
from tuinews.store.articles import list_articles
from tuinews.ui.app import TuinewsApp
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.widgets.article_list import ArticleList


async def test_an_article_on_two_pages_is_listed_once(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        shown = [a.id for a in articles.articles]
        again = list_articles(app.screen.db, limit=2)  # type: ignore[attr-defined]
        articles.append_page(again)  # as if the background step had moved these below the boundary
        await settle(pilot)
        assert [a.id for a in articles.articles] == shown and articles.row_count == len(shown)


async def test_a_page_read_for_a_replaced_list_is_dropped(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        stale = list_articles(screen.db, limit=3)
        old_generation = screen._list_generation
        screen.reload()  # a refresh brought new articles: the list starts again
        await settle(pilot)
        count = screen.query_one(ArticleList).row_count
        screen._show_page(stale, True, 100, old_generation)  # the older worker's page arrives late
        await settle(pilot)
        assert screen.query_one(ArticleList).row_count == count
        for _ in range(5):  # reloads in a row: every page but the last one's is dropped
            screen.reload(keep_place=True)
        await settle(pilot)
        ids = [a.id for a in screen.query_one(ArticleList).articles]
        assert len(ids) == len(set(ids)) == count
