"""App fixtures: the real app over a real cache file, with a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import FIXED_NOW
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.pilot import settle

__all__ = ["settle"]


@pytest.fixture
def app(imported_db: Database, db_path: Path) -> TuinewsApp:
    """The app over a cache holding the three import fixtures."""
    imported_db.close()
    return make_app(db_path, clock=lambda: FIXED_NOW)
