"""What every part of the main screen shares: the cache connection of the calling thread."""

from __future__ import annotations

from sqlite_utils import Database
from textual.screen import Screen


class CacheScreen(Screen[None]):
    """A screen that reads and writes the cache from its workers."""

    @property
    def db(self) -> Database:
        """This thread's connection to the cache (workers run on their own threads)."""
        return self.app.reader.db()  # type: ignore[attr-defined, no-any-return]
