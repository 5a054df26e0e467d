"""The article list stays readable whatever panes are open: the feeds pane and the side column never
squeeze it together (one folds away), titles win over the Source column, and it never scrolls sideways."""

from __future__ import annotations

from textual.widgets.data_table import ColumnKey

from tests.ui.conftest import settle
from tuinews.ui.app import TuinewsApp
from tuinews.ui.widgets.article_list import TITLE_MIN, ArticleList
from tuinews.ui.widgets.dateline_panel import DatelinePanel
from tuinews.ui.widgets.feeds_panel import FeedsPanel

LIST_MIN = 48


def assert_readable(app: TuinewsApp) -> None:
    articles = app.screen.query_one(ArticleList)
    assert articles.outer_size.width >= LIST_MIN, articles.outer_size
    title = articles.columns[ColumnKey("title")]
    assert title.width >= TITLE_MIN, title.width
    assert not articles.show_horizontal_scrollbar
    assert articles.virtual_size.width <= articles.scrollable_content_region.width
    # The first row shows the start of its title.
    first = articles.articles[0].title[: TITLE_MIN - 2]
    assert first in articles.render_line(1).text


async def test_80x24_with_the_feeds_pane_and_a_side_panel(app: TuinewsApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_readable(app)
        await pilot.press("F")
        await settle(pilot)
        feeds = app.screen.query_one(FeedsPanel)
        assert feeds.display
        assert_readable(app)
        await pilot.press("d")  # the dateline: the feeds pane folds away to make room
        await settle(pilot)
        assert app.screen.query_one(DatelinePanel).display and app.screen.query_one("#side").display
        assert not feeds.display
        assert_readable(app)
        assert app.focused is app.screen.query_one(ArticleList)  # not left on the hidden pane
        await pilot.press("F")  # the feeds pane back; the side column folds
        await settle(pilot)
        assert feeds.display and not app.screen.query_one("#side").display
        assert_readable(app)
        await pilot.press("F")  # the feeds pane closed: the side column comes back
        await settle(pilot)
        assert not feeds.display and app.screen.query_one("#side").display
        assert_readable(app)


async def test_100x30_with_the_feeds_pane(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#side").display
        await pilot.press("F")
        await settle(pilot)
        assert app.screen.query_one(FeedsPanel).display
        assert not app.screen.query_one("#side").display
        assert_readable(app)
        await pilot.press('"')  # a side panel asked for: the feeds pane folds instead
        await settle(pilot)
        assert app.screen.query_one("#side").display and not app.screen.query_one(FeedsPanel).display
        assert_readable(app)


async def test_a_wide_terminal_shows_both_and_a_resize_folds_one(app: TuinewsApp) -> None:
    async with app.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert app.screen.query_one(FeedsPanel).display and app.screen.query_one("#side").display
        assert_readable(app)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert app.screen.query_one(FeedsPanel).display and not app.screen.query_one("#side").display
        assert_readable(app)
        await pilot.resize_terminal(140, 36)
        await settle(pilot)
        assert app.screen.query_one(FeedsPanel).display and app.screen.query_one("#side").display
        assert_readable(app)


async def test_titles_win_over_the_source_column_when_the_list_is_narrow(app: TuinewsApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert "source" in [c.key.value for c in articles.ordered_columns]  # room for it at full width
        await pilot.press("d")
        await settle(pilot)
        assert "source" not in [c.key.value for c in articles.ordered_columns]
        assert_readable(app)
        await pilot.press("d")
        await settle(pilot)
        keys = [c.key.value for c in articles.ordered_columns]
        assert keys == ["mark", "time", "title", "source", "read"]
        assert "The Harbour" in articles.render_line(1).text  # the source cells came back
