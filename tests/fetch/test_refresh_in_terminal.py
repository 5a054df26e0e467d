"""A refresh from the running app in a real terminal, with enough feeds to start the parsing worker.

Under a running Textual app `sys.stderr` has no real descriptor, and multiprocessing could not start its
resource tracker from there ("bad value(s) in fds_to_keep"): refreshes of eight feeds or more failed in
the app while the same refresh worked from the command line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pexpect

from tests.cli.test_installed_command import tuinews_command
from tests.fetch.server import LocalServer
from tuinews.fetch.parsing import MIN_FEEDS
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed

FEEDS = ("rss20.xml", "atom10.xml", "feed.json", "rss091.xml", "rss092.xml", "rss10.rdf", "atom03.xml")


def test_refresh_in_the_app_with_the_parsing_worker(tmp_path: Path, server: LocalServer) -> None:
    db_path = tmp_path / "cache.db"
    db = open_db(db_path)
    urls = [f"{server.base}/feeds/{name}" for name in FEEDS]
    urls += [f"{server.base}/feeds/rss20.xml?copy={n}" for n in range(MIN_FEEDS)]  # the same entries again
    for url in urls:
        add_feed(db, url)
    db.close()
    env = {**os.environ, "TERM": "xterm-256color", "TUINEWS_CACHE_DIR": str(tmp_path / "kept")}
    child = pexpect.spawn(
        tuinews_command(), ["--db", str(db_path)], env=env, dimensions=(30, 100), timeout=60
    )
    try:
        child.expect(f"fetch the {len(urls)} feeds")  # the welcome screen offers the subscribed feeds
        child.send("r")
        # The one-line summary comes once the refresh (and its background step) is over.
        outcome = child.expect([f"{len(urls)} feeds: ", "refresh failed"])
        assert outcome == 0, child.before
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] >= 10
    assert db.execute("SELECT count(*) FROM articles WHERE pending IS NOT NULL").fetchone()[0] == 0
    db.close()


def test_worker_processes_start_under_a_replaced_stderr_and_print_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = """
import io, os, sys
class Captured(io.StringIO):  # what a running Textual app puts in sys.stderr
    def fileno(self):
        return -1
sys.stderr = Captured()
from tuinews.fetch.processes import process_pool
with process_pool(1) as pool:
    print(pool.submit(os.getpid).result() != os.getpid())
    pool.submit(print, "from the worker").result()  # goes to /dev/null, not the terminal
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True\n" and "from the worker" not in done.stdout + done.stderr
