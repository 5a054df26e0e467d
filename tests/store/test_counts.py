"""The header's counts: articles and unread ones, from one snapshot of the cache."""

from __future__ import annotations

import dataclasses
import threading
import time
from pathlib import Path

from sqlite_utils import Database

from tests.store.test_store import make_article
from tuinews.store.articles import (
    ListFilter,
    count_articles,
    count_with_unread,
    save_article,
    set_read,
    set_starred,
)
from tuinews.store.db import open_db, open_plain


def test_counts_match_each_filter(db: Database) -> None:
    ids = [save_article(db, make_article(n), fallback_url=f"file:///{n}").id for n in range(6)]
    set_read(db, ids[0])
    set_read(db, ids[1])
    set_starred(db, ids[1], True)
    set_starred(db, ids[2], True)
    for filter in (ListFilter(), ListFilter(starred=True), ListFilter(unread=True)):
        unread = dataclasses.replace(filter, unread=True)
        assert count_with_unread(db, filter) == (count_articles(db, filter), count_articles(db, unread))
    assert count_with_unread(db) == (6, 4)
    assert count_with_unread(db, ListFilter(starred=True)) == (2, 1)


def test_unread_never_exceeds_the_total_while_a_writer_adds_articles(db_path: Path) -> None:
    open_db(db_path).close()
    stop = threading.Event()

    def write() -> None:
        writer = open_db(db_path)
        n = 0
        while not stop.is_set():
            save_article(writer, make_article(n), fallback_url=f"file:///{n}")
            n += 1
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    reader = open_plain(db_path)
    seen: list[tuple[int, int]] = []
    try:
        deadline = time.monotonic() + 30
        while (not seen or seen[-1][0] < 200) and time.monotonic() < deadline:
            seen.append(count_with_unread(reader))
    finally:
        stop.set()
        thread.join()
    assert seen[-1][0] >= 200  # the writer really wrote meanwhile
    assert all(unread == total for total, unread in seen)  # nothing was read: every article is unread
