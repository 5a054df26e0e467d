"""App fixtures: the real app over a real cache file, with a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import FIXED_NOW
from tests.ui.seed import seed
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.pilot import settle

__all__ = ["settle"]


@pytest.fixture
def seeded_db(db: Database) -> Database:
    """A cache holding the three hand-built seed articles (independent of extraction)."""
    seed(db)
    return db


@pytest.fixture
def app(seeded_db: Database, db_path: Path) -> TuinewsApp:
    """The app over the seeded cache, with a fixed clock."""
    seeded_db.close()
    return make_app(db_path, clock=lambda: FIXED_NOW)
