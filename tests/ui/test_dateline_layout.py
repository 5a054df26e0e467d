"""The dateline panel is as tall as its text (up to half the side column, then it scrolls, so nothing is cut
off unseen) and takes the whole column when the quotes panel is hidden."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.conftest import settle
from tuinews.ui.app import TuinewsApp
from tuinews.ui.widgets.dateline_panel import DatelinePanel
from tuinews.ui.widgets.quotes_panel import QuotesPanel

LAST_LINE = "2 min read · 245 words"  # the tolls story's, after its two timestamps


def screen_lines(app: TuinewsApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def dateline_box(app: TuinewsApp) -> Static:
    return app.screen.query_one(DatelinePanel).parent  # type: ignore[return-value]


async def test_a_tall_dateline_scrolls_instead_of_being_cut(app: TuinewsApp) -> None:
    async with app.run_test(size=(110, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the tolls story: place, agency, outlet, section, two times, read time
        await settle(pilot)
        box = dateline_box(app)
        side = app.screen.query_one("#side")
        assert box.outer_size.height <= side.size.height // 2 + 1  # its share of the column, no more
        assert not any(LAST_LINE in line for line in screen_lines(app))
        assert box.max_scroll_y > 0 and box.show_vertical_scrollbar  # a sign there is more
        while app.focused is not box:  # the keyboard reaches it, and scrolls it
            await pilot.press("tab")
        await pilot.press("G")
        await settle(pilot)
        await pilot.pause(0.3)
        assert any(LAST_LINE in line for line in screen_lines(app))


async def test_a_short_dateline_is_as_tall_as_its_text(app: TuinewsApp) -> None:
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        box = dateline_box(app)
        panel = app.screen.query_one(DatelinePanel)
        assert box.max_scroll_y == 0
        assert box.size.height == panel.outer_size.height  # no blank lines under the text


async def test_hiding_the_quotes_gives_the_dateline_the_whole_column(app: TuinewsApp) -> None:
    async with app.run_test(size=(110, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press('"')
        await settle(pilot)
        assert not app.screen.query_one(QuotesPanel).display
        box = dateline_box(app)
        side = app.screen.query_one("#side")
        assert box.outer_size.height == side.size.height
        assert box.max_scroll_y == 0
        assert any(LAST_LINE in line for line in screen_lines(app))
        await pilot.press('"')  # the quotes back: the dateline back to its share
        await settle(pilot)
        assert box.outer_size.height <= side.size.height // 2 + 1
