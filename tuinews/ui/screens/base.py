"""What every part of the main screen shares: the cache connection of the calling thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tuinews.store.db import PlainDB


class CacheScreen(Screen[None]):
    """A screen that reads and writes the cache from its workers."""

    @property
    def db(self) -> PlainDB:
        """This thread's connection to the cache (workers run on their own threads)."""
        return self.app.reader.db()  # type: ignore[attr-defined, no-any-return]

    @property
    def database(self) -> Database:
        """This thread's connection as a sqlite-utils `Database`, for store code that needs one (loads
        sqlite-utils the first time)."""
        return self.app.reader.database()  # type: ignore[attr-defined, no-any-return]
