"""Render SVG screenshots of the real app on the bundled demo articles into screenshots/.

Run: python screenshots/generate.py  (no network; builds a throwaway demo cache)
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from tuinews.demo import build_demo_db
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.pilot import settle

HERE = Path(__file__).parent
#: A fixed "now" so relative ages in the pictures do not depend on the day they were made.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


async def shoot(
    db_path: Path, name: str, size: tuple[int, int], steps: Callable[[Pilot[None]], Awaitable[None]]
) -> None:
    # Each picture starts from the same untouched demo cache.
    copy = db_path.with_name(f"{name}.db")
    shutil.copyfile(db_path, copy)
    app: TuinewsApp = make_app(copy, clock=lambda: NOW)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await steps(pilot)
        await settle(pilot)
        app.save_screenshot(str(HERE / f"{name}.svg"))
        print(f"wrote screenshots/{name}.svg")


async def main() -> None:
    os.environ["TZ"] = "UTC"
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "demo.db"
        db, _ = build_demo_db(db_path)
        db.close()

        async def nothing(pilot: Pilot[None]) -> None:
            return None

        async def open_wire_story(pilot: Pilot[None]) -> None:
            await pilot.press("n")

        async def quote_in_reader(pilot: Pilot[None]) -> None:
            await pilot.press("n", "n")
            await settle(pilot)
            pilot.app.screen.query_one("#quotes").focus()
            await pilot.press("down", "enter")

        async def help_screen(pilot: Pilot[None]) -> None:
            await pilot.press("question_mark")

        await shoot(db_path, "main", (120, 36), nothing)
        await shoot(db_path, "reader", (120, 36), open_wire_story)
        await shoot(db_path, "quotes", (120, 36), quote_in_reader)
        await shoot(db_path, "narrow-80x24", (80, 24), nothing)
        await shoot(db_path, "help", (100, 32), help_screen)


if __name__ == "__main__":
    asyncio.run(main())
