"""Search as you type: each keypress queries at once, the newest query wins over a slower older one
(which is interrupted in SQLite), and the results beyond the first screenful follow with snippets."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from textual.widgets import Input, OptionList

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.models import Article, Dateline
from tuinews.store import search as store_search
from tuinews.store.articles import save_article
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.screens import search as search_screen
from tuinews.ui.screens.search import SearchScreen


def results(app: TuinewsApp) -> OptionList:
    return app.screen.query_one("#search-results", OptionList)


def prompts(app: TuinewsApp) -> list[str]:
    listing = results(app)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def open_search(pilot: Any) -> SearchScreen:
    await settle(pilot)
    await pilot.press("slash")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    return screen


async def test_results_follow_what_is_typed(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"lighth")
        await settle(pilot)
        assert screen.shown_query == "lighth"
        assert [p.split("  ")[0] for p in prompts(app)] == ["Last lighthouse keepers hand over the lamp"]
        await pilot.press(*["backspace"] * 6, *"tolls")
        await settle(pilot)
        assert screen.shown_query == "tolls"
        assert prompts(app)[0].startswith("Bridge tolls on Ravi Sea Link")
        assert "tolls" in prompts(app)[0].splitlines()[1].lower()  # the snippet, with the match
        await pilot.press(*["backspace"] * 5)
        await settle(pilot)
        assert screen.shown_query == "" and results(app).option_count == 0


async def test_the_newest_query_wins_over_a_slower_older_one(
    app: TuinewsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_search.search_articles

    def slow_for_one_letter(db: Any, text: str, **kwargs: Any) -> list[store_search.SearchHit]:
        if text == "l":
            time.sleep(0.6)  # finishes long after the queries typed after it
        return real(db, text, **kwargs)

    monkeypatch.setattr(search_screen, "search_articles", slow_for_one_letter)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_search(pilot)
        await pilot.press("l")
        await pilot.press(*"ighth")
        await settle(pilot)
        await asyncio.sleep(0.7)  # the slow "l" query is surely done by now
        await settle(pilot)
        assert screen.query_one(Input).value == "lighth"
        assert screen.shown_query == "lighth"
        assert [p.split("  ")[0] for p in prompts(app)] == ["Last lighthouse keepers hand over the lamp"]


async def test_a_superseded_query_is_interrupted_in_sqlite(
    app: TuinewsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_search.search_articles
    started = threading.Event()
    outcome: list[str] = []

    def endless_for_one_letter(db: Any, text: str, **kwargs: Any) -> list[store_search.SearchHit]:
        if text != "l":
            return real(db, text, **kwargs)
        # A query that runs until interrupted (a safety timer ends it if the screen never does).
        safety = threading.Timer(10, db.conn.interrupt)
        safety.start()
        started.set()
        began = time.perf_counter()
        try:
            db.execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
            )
        except sqlite3.OperationalError as error:
            outcome.append(f"{error} after {time.perf_counter() - began:.1f} s")
            raise
        finally:
            safety.cancel()
        return []

    monkeypatch.setattr(search_screen, "search_articles", endless_for_one_letter)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_search(pilot)
        await pilot.press("l")
        for _ in range(200):
            if started.is_set():
                break
            await asyncio.sleep(0.01)
        assert started.is_set()
        await pilot.press("i")
        await settle(pilot)
        assert len(outcome) == 1 and outcome[0].startswith("interrupted")
        assert float(outcome[0].split()[-2]) < 5  # by the keypress, not by the safety timer
        assert screen.shown_query == "li"
        assert "Search failed" not in str(screen.query_one("#search-status").render())


@pytest.fixture
def many_app(seeded_db: Database, db_path: Path) -> TuinewsApp:
    """The seed cache plus 30 short harbour notes (more results than one screen shows)."""
    for n in range(30):
        body = f"Harbour note {n}: the pilot boat met the ferry at the outer mole before the tide turned.\n"
        article = Article(
            title=f"Harbour note number {n}",
            markdown=body,
            url=f"https://harbourledger.example/notes/{n}",
            source_kind="markdown",
            dateline=Dateline(published=f"2026-10-{n % 28 + 1:02d}T08:00:00+00:00"),
        )
        save_article(seeded_db, article, fallback_url=f"seed:note-{n}")
    seeded_db.close()
    return make_app(db_path, clock=lambda: FIXED_NOW)


async def test_the_results_after_the_first_screenful_follow_with_snippets(many_app: TuinewsApp) -> None:
    async with many_app.run_test(size=(100, 24)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"pilot boat")
        await settle(pilot)
        assert screen.shown_query == "pilot boat" and len(screen.hits) == 30
        texts = prompts(many_app)
        assert len(texts) == 30
        assert all(t.startswith("Harbour note number") for t in texts)
        assert all("pilot boat" in t.splitlines()[1] for t in texts)  # every one with its snippet
        results(many_app).focus()
        await pilot.press("end", "enter")
        await settle(pilot)
        assert not isinstance(many_app.screen, SearchScreen)
