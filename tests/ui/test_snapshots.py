"""Snapshot tests: the main screens at fixed sizes over the import fixtures, with a fixed clock.

Review `snapshot_report.html` before running `pytest --snapshot-update`; never update to make CI pass.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.store.db import open_db
from tuinews.ui.app import TuinewsApp, make_app


def test_main_screen(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(110, 32), run_before=settle)


def test_main_screen_at_80x24(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_reading_with_a_quote_highlighted(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_quote(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("n", "n")
        await settle(pilot)
        pilot.app.screen.query_one("#quotes").focus()
        await pilot.press("enter")
        await settle(pilot)
        # The reader scrolls to the quote after the next layout pass.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(110, 32), run_before=open_quote)


def test_help_screen(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 32), run_before=open_help)


def test_welcome_screen(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    open_db(db_path).close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    app.db_path = Path("~/.local/share/tuinews/tuinews.db")  # what a user sees, not the test's tmp path
    assert snap_compare(app, terminal_size=(100, 24), run_before=settle)


def test_main_screen_at_160x48(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(160, 48), run_before=settle)


def test_search_results(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"the")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 32), run_before=search)


def test_speaker_index(app: TuinewsApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def speakers(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 32), run_before=speakers)
