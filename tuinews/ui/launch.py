"""Starting the app from the command line, on the user's cache or on a throwaway demo cache."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlite_utils import Database

from tuinews.config import Config


def run_app(db: Database, db_path: Path, config: Config) -> None:
    """Open the reader on an existing cache."""
    from tuinews.ui.app import make_app

    db.close()
    make_app(db_path, config=config).run()


def run_demo(config: Config) -> None:
    """Build a temporary cache from the bundled demo articles and open the reader on it."""
    from tuinews.demo import build_demo_db
    from tuinews.ui.app import make_app

    with tempfile.TemporaryDirectory(prefix="tuinews-demo-") as folder:
        path = Path(folder) / "demo.db"
        db, _ = build_demo_db(path)
        db.close()
        make_app(path, config=config).run()
