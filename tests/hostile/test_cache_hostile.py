"""The cache under attack or damage: WAL and busy timeout, one refresh at a time, a damaged file found at
start with one line and a way out (`db check`, `db rebuild`), never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.hostile.conftest import Sandbox, run_bounded
from tuinews.fetch.lock import RefreshLock
from tuinews.models import Article
from tuinews.store.articles import save_article
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed


def _cache_with_articles(path: Path, count: int = 300) -> None:
    db = open_db(path)
    add_feed(db, "http://127.0.0.1:9/feed", title="Kept feed")
    for i in range(count):
        save_article(
            db,
            Article(title=f"Article {i}", markdown=f"Body {i} " * 200 + "\n", url=f"http://e.example/{i}"),
            fallback_url=f"http://e.example/{i}",
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _cli(sandbox: Sandbox, *args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return run_bounded(["-m", "tuinews", "--db", str(sandbox.db), *args], sandbox, timeout=60, stdin=stdin)


def test_wal_and_busy_timeout(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_second_refresh_says_so_in_one_line(tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path).make()
    open_db(sandbox.db).close()
    lock = RefreshLock(sandbox.db)
    assert lock.acquire()
    try:
        run = _cli(sandbox, "refresh")
    finally:
        lock.release()
    assert run.returncode == 1
    assert run.stderr.strip() == "tuinews: error: another refresh is running on this cache"


def test_a_file_that_is_not_a_database_is_one_line_and_never_rebuilt(tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path).make()
    hostile = b"\x1b]0;PWNED\x07 not a database " * 200
    sandbox.db.write_bytes(hostile)
    for args in ([], ["db", "stats"], ["db", "check"], ["db", "rebuild", "--yes"]):  # the app, commands
        run = _cli(sandbox, *args)
        assert run.returncode == 1 and "Traceback" not in run.stderr
        (line,) = run.stderr.strip().splitlines()
        assert "is not a tuinews cache" in line and "db rebuild" not in line  # no advice to rebuild
        assert "\x1b" not in line
    assert sandbox.db.read_bytes() == hostile, "someone's file is never renamed or replaced"
    assert not list(sandbox.db.parent.glob("tuinews.db.damaged-*"))


def test_a_damaged_page_is_found_and_rebuild_keeps_what_is_readable(tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path).make()
    _cache_with_articles(sandbox.db)
    size = sandbox.db.stat().st_size
    with sandbox.db.open("r+b") as f:  # scribble over pages in the middle of the file, not the header
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * 4096)
    check = _cli(sandbox, "db", "check")
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert "tuinews db rebuild" in check.stderr
    rebuilt = _cli(sandbox, "db", "rebuild", "--yes")
    assert rebuilt.returncode == 0 and "Traceback" not in rebuilt.stderr, rebuilt.stderr
    assert "rebuilt the cache: kept" in rebuilt.stdout
    conn = sqlite3.connect(sandbox.db)
    kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert conn.execute("SELECT title FROM feeds").fetchall() == [("Kept feed",)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert 0 < kept <= 300
    assert _cli(sandbox, "search", "Body").returncode == 0, "the search index was rebuilt with the rows"
    assert _cli(sandbox, "db", "check").stdout.strip() == "ok"


def test_json_output_escapes_c1_and_bidi(tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path).make()
    db = open_db(sandbox.db)
    save_article(
        db, Article(title="T", markdown="b\n", url="http://e.example/x"), fallback_url="http://e.example/x"
    )
    db.execute("UPDATE articles SET title = ?", ["A\x9b6n B\u202eC \x1b]0;x\x07"])
    db.conn.commit()
    db.close()
    run = _cli(sandbox, "show", "1", "--json")
    assert run.returncode == 0
    assert not any(c in run.stdout for c in "\x9b\u202e\x1b\x07")
    assert "\\u009b6n" in run.stdout and "\\u202e" in run.stdout
