"""Where tuinews keeps its files: platformdirs defaults, overridable by flags and environment."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "tuinews"
DB_ENV = "TUINEWS_DB"
DATA_DIR_ENV = "TUINEWS_DATA_DIR"


def data_dir() -> Path:
    """The directory for the cache database (`TUINEWS_DATA_DIR` overrides the platform default)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).expanduser() if override else user_data_path(APP_NAME)


def default_db_path() -> Path:
    """The cache database path: `TUINEWS_DB`, else `<data dir>/tuinews.db`."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / "tuinews.db"
