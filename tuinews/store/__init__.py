"""The SQLite cache: schema and migrations, article and quote queries, full-text search."""

from tuinews.store.db import StoreError, open_db

__all__ = ["StoreError", "open_db"]
