"""The bundled demo: original sample articles imported into a cache of their own.

`demo_cache()` builds that cache once, through the real import pipeline, and keeps it in the user cache
folder under a name made from the package version and the content of the demo files and the schema, so
`tuinews --demo` opens fast from the second run on. Sessions read a copy (`tuinews --demo` and the welcome
screen copy it to a temporary folder), so marking articles read never changes the kept one, and the demo
never touches the user's own cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tuinews.ingest import ImportOutcome


def _bundled_files() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every file in the demo's articles folder, sorted by name."""
    folder = resources.files("tuinews.demo") / "articles"
    return sorted((entry.name, entry.read_bytes()) for entry in folder.iterdir() if entry.is_file())


def demo_files() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every bundled demo article, sorted by name."""
    from tuinews.ingest import IMPORTABLE_SUFFIXES

    return [
        (name, data) for name, data in _bundled_files() if Path(name).suffix.lower() in IMPORTABLE_SUFFIXES
    ]


def build_demo_db(path: Path) -> tuple[Database, list[ImportOutcome]]:
    """Create a cache at `path` holding the demo articles, through the real import pipeline."""
    from tuinews.ingest import import_one
    from tuinews.store.db import open_db

    db = open_db(path)
    outcomes = [
        import_one(db, name, data, filename=name, fallback=f"tuinews-demo:{name}")
        for name, data in demo_files()
    ]
    return db, outcomes


def _extraction_code() -> str:
    """Name, size and modification time of every module that turns a demo file into stored rows: a
    changed extractor means a rebuild, or a kept cache would show what an older version extracted.
    (Stat, not contents: this runs at every `--demo` start.)"""
    package = Path(__file__).resolve().parent.parent
    sources = sorted((package / "extract").rglob("*.py")) + [package / "ingest.py"]
    parts = []
    for source in sources:
        info = source.stat()
        parts.append(f"{source.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return "\0".join(parts)


def demo_key() -> str:
    """The kept demo cache's identity: package version, schema, extraction code and demo files (any change
    means a rebuild)."""
    from tuinews import __version__
    from tuinews.store.db import schema_stamp

    digest = hashlib.sha256(f"{__version__}\0{schema_stamp()}\0{_extraction_code()}\0".encode())
    for name, data in _bundled_files():
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


def demo_cache(folder: Path | None = None) -> Path:
    """The prebuilt demo cache (built now if missing or stale). Read a copy of it, never the file itself."""
    from tuinews.config import cache_dir

    folder = folder or cache_dir()
    path = folder / f"demo-{demo_key()}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("demo-*.db"):
        stale.unlink(missing_ok=True)
    handle, name = tempfile.mkstemp(prefix=".demo-", suffix=".db", dir=folder)
    os.close(handle)
    building = Path(name)
    try:
        building.unlink()
        db, _ = build_demo_db(building)
        db.close()  # the last connection closed: the WAL is checkpointed into the file and removed
        os.replace(building, path)  # whole or not at all, even with two starts at once
    finally:
        for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            leftover.unlink(missing_ok=True)
    return path


def copy_demo(folder: Path) -> Path:
    """A private copy of the demo cache in `folder`, for one session (built right there when the cache
    folder cannot be written)."""
    import shutil

    path = folder / "demo.db"
    try:
        kept = demo_cache()
    except OSError:
        db, _ = build_demo_db(path)
        db.close()
        return path
    shutil.copyfile(kept, path)
    return path
