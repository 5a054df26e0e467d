"""The help screen and the speaker index move with the same keys as every pane (j/k, g/G), and the help
reads clearly: keys as typed, what each one does, a description that wraps stays in its column."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import OptionList, Static

from tests.ui.conftest import settle
from tuinews.ui.app import TuinewsApp
from tuinews.ui.screens.help import HelpBox, HelpScreen
from tuinews.ui.screens.main import MainScreen


def drawn_lines(widget: Static) -> list[str]:
    """The widget's lines as drawn on screen."""
    size = widget.content_region.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, size.width, widget.virtual_size.height))]


async def test_help_scrolls_with_the_vim_keys_at_80x24(app: TuinewsApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one(HelpBox)
        assert box.max_scroll_y > 0  # the help is taller than the terminal
        await pilot.press("j")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y - 1
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_help_says_how_to_close_it_and_names_keys_as_typed(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        assert "esc" in str(screen.query_one("#help-title", Static).render())
        rows = dict(screen.rows)
        assert rows["/"].startswith("Full-text search")
        assert rows["esc"] == "Back to the article list"
        assert rows["v"].startswith("Cycle the reader: extracted article, the feed's own text")
        assert rows['"'] == "Show / hide the quotes panel"
        assert rows["f"] == "In the quotes panel: only this speaker's quotes / everyone's"
        assert not any(key in ("slash", "escape", "question_mark", "quotation_mark") for key in rows)


async def test_a_long_description_wraps_within_its_column(app: TuinewsApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = drawn_lines(app.screen.query_one("#help-keys", Static))
        column = lines[0].index("Move down")  # where descriptions start
        for line in lines:
            if line.strip() and line[:column].strip():  # a row's first line: its key
                assert line[column - 2 : column] == "  " and line[column] != " ", line
        speaker = next(i for i, line in enumerate(lines) if "only this speaker" in line)
        assert lines[speaker].startswith("f ")
        wrapped = [line for line in lines[speaker + 1 : speaker + 3] if "everyone" in line]
        assert not wrapped or not wrapped[0][:column].strip()  # a wrapped tail stays in its column


async def test_speaker_index_moves_with_the_vim_keys(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        listing = app.screen.query_one("#speakers-list", OptionList)
        count = listing.option_count
        assert count >= 3 and listing.highlighted == 0
        await pilot.press("j", "j")
        assert listing.highlighted == 2
        await pilot.press("k")
        assert listing.highlighted == 1
        await pilot.press("G")
        assert listing.highlighted == count - 1
        await pilot.press("g")
        assert listing.highlighted == 0


async def test_search_results_move_with_the_vim_keys(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"the")
        await settle(pilot)
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count >= 2
        await pilot.press("down")  # from the query to the results
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert results.highlighted == results.option_count - 1
        await pilot.press("g")
        await pilot.pause()
        assert results.highlighted == 0
        await pilot.press("j")
        await pilot.pause()
        assert results.highlighted == 1


async def test_the_feeds_pane_moves_with_g_and_G(app: TuinewsApp) -> None:
    from tuinews.ui.widgets.feeds_panel import FeedsPanel

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        pane = app.screen.query_one(FeedsPanel)
        pane.focus()
        await pilot.pause()
        assert pane.option_count >= 2
        await pilot.press("G")
        await pilot.pause()
        last = pane.highlighted
        assert last is not None and last > 0
        await pilot.press("g")
        await pilot.pause()
        assert pane.highlighted is not None and pane.highlighted < last
