"""Shared fixtures: real SQLite files in tmp_path, our own sample pages, a fixed clock and zone."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from tuinews.store.db import open_db

FIXTURES = Path(__file__).parent / "fixtures"
IMPORT_FIXTURES = FIXTURES / "import"

# Rendering local times must not depend on the machine running the tests.
os.environ["TZ"] = "UTC"
time.tzset()

#: "Now" for UI tests and snapshots, so relative ages ("3 days ago") never drift.
FIXED_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real cache or config."""
    monkeypatch.setenv("TUINEWS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TUINEWS_DB", raising=False)
    monkeypatch.delenv("TUINEWS_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's cache file lives."""
    return tmp_path / "cache" / "tuinews.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    """A fresh cache in a real SQLite file."""
    return open_db(db_path)


@pytest.fixture
def imported_db(db: Database) -> Database:
    """A cache holding the three import fixtures (HTML page, text dump, Markdown note)."""
    from tuinews.ingest import import_paths

    outcomes = import_paths(db, [str(IMPORT_FIXTURES)])
    assert [o.error for o in outcomes] == [None, None, None]
    return db
