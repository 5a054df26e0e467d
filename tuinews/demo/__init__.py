"""The bundled demo: original sample articles imported into a throwaway cache."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlite_utils import Database

from tuinews.ingest import IMPORTABLE_SUFFIXES, ImportOutcome, import_one
from tuinews.store.db import open_db


def demo_files() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every bundled demo article, sorted by name."""
    folder = resources.files("tuinews.demo") / "articles"
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.is_file() and Path(entry.name).suffix.lower() in IMPORTABLE_SUFFIXES
    )


def build_demo_db(path: Path) -> tuple[Database, list[ImportOutcome]]:
    """Create a cache at `path` holding the demo articles, through the real import pipeline."""
    db = open_db(path)
    outcomes = [
        import_one(db, name, data, filename=name, fallback=f"tuinews-demo:{name}")
        for name, data in demo_files()
    ]
    return db, outcomes
