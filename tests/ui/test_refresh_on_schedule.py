"""`refresh_minutes` in the config: the open reader refreshes on its own, never two refreshes at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.config import Config
from tuinews.ui.app import make_app
from tuinews.ui.widgets.refresh_bar import RefreshBar


async def test_the_reader_refreshes_on_its_schedule(
    seeded_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded_db.close()
    started: list[Path] = []

    def start(self: RefreshBar, path: Path) -> bool:
        if self.running:
            return False
        started.append(path)
        self.running = True  # stays running: the next tick must not start a second refresh
        return True

    monkeypatch.setattr(RefreshBar, "start", start)
    app = make_app(db_path, config=Config(refresh_minutes=0.002), clock=lambda: FIXED_NOW)  # every 0.12 s
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        for _ in range(40):
            await pilot.pause(0.05)
            if started:
                break
        assert started == [db_path]
        await pilot.pause(0.5)  # several more ticks while that refresh "runs"
        assert len(started) == 1
        assert not [n for n in notes if "already running" in n]  # skipped quietly, not refused aloud


async def test_no_schedule_without_the_setting(app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    started: list[Path] = []
    monkeypatch.setattr(RefreshBar, "start", lambda self, path: started.append(path) or True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        assert started == []
