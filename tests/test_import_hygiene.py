"""Layering: the core never loads Textual, and the app starts without the fetch and extraction stack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def loaded_after(statement: str, modules: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded after running `statement`."""
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60, env=env
    )
    lines = out.stdout.splitlines()
    return lines[-1].split() if lines else []


def test_core_packages_do_not_import_textual() -> None:
    statement = (
        "import tuinews.extract.document, tuinews.store.articles, tuinews.fetch.refresh, tuinews.ingest"
    )
    assert loaded_after(statement, ["textual", "tuinews.ui"]) == []


#: Never loaded by opening the reader: the fetch and extraction stack, sqlite-utils (the launch path reads
#: the cache with plain sqlite3 once its schema is current), the network commands, the config parser
#: when there is no config file, and the panes and bars that mount on first use.
LAUNCH_NEVER_LOADS = [
    "trafilatura",
    "httpx",
    "httpcore",
    "lxml",
    "bs4",
    "tuinews.extract.document",
    "tuinews.fetch",
    "sqlite_utils",
    "tuinews.store.schema",
    "tuinews.store.feeds",
    "tuinews.cli_feeds",
    "tuinews.cli_commands",
    "tuinews.cli_db",
    "tuinews.ingest",
    "tomllib",
    "tuinews.ui.widgets.feeds_panel",
    "tuinews.ui.widgets.refresh_bar",
]


def test_the_app_starts_without_the_fetch_and_extraction_stack() -> None:
    assert loaded_after("import tuinews.cli, tuinews.ui.app", LAUNCH_NEVER_LOADS) == []


def test_opening_the_reader_on_a_current_cache_never_loads_sqlite_utils(tmp_path: Path) -> None:
    from tuinews.store.db import open_db

    path = tmp_path / "cache.db"
    open_db(path).close()  # created and stamped here; the child only opens it
    statement = f"""
import asyncio
from pathlib import Path
from tuinews.cli import run_reader
from tuinews.config import Config
from tuinews.ui.app import TuinewsApp

async def started(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

TuinewsApp.run = lambda self: asyncio.run(started(self))
run_reader(Path({str(path)!r}), Config())
"""
    env = {**os.environ, "TUINEWS_CONFIG": str(tmp_path / "no-config.toml")}
    assert loaded_after(statement, LAUNCH_NEVER_LOADS, env=env) == []


def test_the_launch_path_resumes_garbage_collection_once_the_first_screen_is_up(tmp_path: Path) -> None:
    from tuinews.store.db import open_db

    empty = tmp_path / "empty.db"
    open_db(empty).close()
    full = tmp_path / "full.db"
    db = open_db(full)
    db.execute(
        "INSERT INTO articles (url, title, content_hash, source_kind, fetched_at, sort_key) "
        "VALUES ('https://example.test/a', 'Harbour news', 'x', 'html', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')"
    )
    db.close()
    for path, screen in ((empty, "WelcomeScreen"), (full, "MainScreen")):
        statement = f"""
import asyncio, gc
from pathlib import Path
from tuinews.cli import run_reader
from tuinews.config import Config
from tuinews.ui.app import TuinewsApp
from tuinews.ui.pilot import settle

async def started(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        print(type(app.screen).__name__, "gc-on" if gc.isenabled() else "gc-off")

TuinewsApp.run = lambda self: asyncio.run(started(self))
run_reader(Path({str(path)!r}), Config())
"""
        out = subprocess.run(
            [sys.executable, "-c", statement], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.split()[-2:] == [screen, "gc-on"], out.stdout
