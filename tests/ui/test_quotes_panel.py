"""The quotes panel keeps the chosen quote while its one-speaker filter is toggled, and `w` uses it."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.conftest import settle
from tuinews.ui.app import TuinewsApp
from tuinews.ui.widgets.quotes_panel import QuotesPanel


async def focus_quotes(pilot, panel: QuotesPanel) -> None:  # type: ignore[no-untyped-def]
    """Tab to the quotes panel, as a user would."""
    for _ in range(4):
        if pilot.app.focused is panel:
            return
        await pilot.press("tab")
    assert pilot.app.focused is panel


async def test_toggling_one_speaker_keeps_the_chosen_quote(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n", "n")  # the lighthouse: Munro, Munro, then Grant
        await settle(pilot)
        panel = app.screen.query_one(QuotesPanel)
        await focus_quotes(pilot, panel)
        await pilot.press("j", "j")
        chosen = panel.current
        assert chosen is not None and chosen.speaker == "Fiona Grant"
        await pilot.press("f")  # Grant only
        assert panel.current == chosen and len(panel.quotes) == 1
        await pilot.press("f")  # everyone again
        assert len(panel.quotes) == 3 and panel.current == chosen
        await pilot.press("w")
        await settle(pilot)
        assert "quoting Fiona Grant" in str(app.screen.query_one("#status", Static).render())


async def test_one_speaker_keeps_a_later_quote_of_theirs(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n", "n")
        await settle(pilot)
        panel = app.screen.query_one(QuotesPanel)
        await focus_quotes(pilot, panel)
        await pilot.press("j")  # Munro's second quote
        chosen = panel.current
        assert chosen is not None and chosen.speaker == "Alasdair Munro"
        await pilot.press("f")
        assert len(panel.quotes) == 2 and panel.current == chosen
        await pilot.press("k", "f")  # his first quote, then everyone: still on it
        assert panel.current == panel.quotes[0] and panel.current.speaker == "Alasdair Munro"
