"""The network commands, in process with click's runner, and a refresh killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from tests.fetch.server import FIXTURES, LocalServer
from tuinews.cli import cli
from tuinews.fetch.opml import parse_opml
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed


def run(db_path: Path, *args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], obj={}, input=input)


def test_feed_add_discovers_list_export_remove(db_path: Path, server: LocalServer) -> None:
    added = run(db_path, "feed", "add", f"{server.base}/site", "--tag", "local")
    assert added.exit_code == 0, added.output
    assert "subscribed: #1 Harbour Gazette & Tide Tables" in added.output
    listed = run(db_path, "feed", "list", "--json")
    assert '"url": "' + server.base + '/feeds/rss20.xml"' in listed.output and '"local"' in listed.output
    exported = run(db_path, "feed", "export")
    assert parse_opml(exported.output.encode()).feeds[0].tags == ["local"]
    assert run(db_path, "feed", "remove", "1").exit_code == 0
    assert run(db_path, "feed", "remove", "1").exit_code == 1


def test_feed_add_refuses_non_feeds_in_one_line(db_path: Path, server: LocalServer) -> None:
    result = run(db_path, "feed", "add", "file:///etc/passwd")
    assert result.exit_code == 1 and "only http and https" in result.output


def test_import_opml_and_url_list_round_trip(db_path: Path, tmp_path: Path) -> None:
    imported = run(db_path, "feed", "import", str(FIXTURES / "subscriptions.opml"))
    assert "imported 4 new feeds" in imported.output and "exec:rm" in imported.stderr
    lines = run(db_path, "feed", "import", str(FIXTURES / "urls"))
    assert "imported 0 new feeds (4 already subscribed, 3 skipped)" in lines.output
    exported = run(db_path, "feed", "export").output
    (tmp_path / "out.opml").write_text(exported)
    other = tmp_path / "other.db"
    assert "imported 4 new feeds" in run(other, "feed", "import", str(tmp_path / "out.opml")).output
    assert run(other, "feed", "export").output == exported
    db = open_db(db_path)
    tags = dict(db.execute("SELECT url, tags FROM feeds").fetchall())
    assert tags["https://harbour-gazette.example/news/rss20.xml"] == '["Local", "local", "sea and ships"]'


def test_refresh_command_summary(db_path: Path, server: LocalServer) -> None:
    run(db_path, "feed", "add", f"{server.base}/feeds/rss091.xml")
    db = open_db(db_path)
    db.execute(
        "INSERT INTO feeds (url, tags, created_at) VALUES (?, '[]', 'now')", [f"{server.base}/status/404"]
    )
    db.conn.commit()
    result = run(db_path, "refresh")
    assert result.exit_code == 1, "a failed feed is a non-zero exit, with the summary still printed"
    assert "2 feeds: 2 new articles, 0 feeds unchanged, 1 failed" in result.stdout
    assert "HTTP 404" in result.stderr
    again = run(db_path, "refresh", "--feed", "1")
    assert again.exit_code == 0
    assert "1 feed: 0 new articles, 1 feed unchanged, 0 failed" in again.output


def test_add_page(db_path: Path, server: LocalServer) -> None:
    result = run(db_path, "add", f"{server.base}/pages/tram.html", f"{server.base}/status/404")
    assert result.exit_code == 1
    assert "Council approves tram extension" in result.output and "HTTP 404" in result.stderr


def test_refresh_killed_mid_way_leaves_a_consistent_cache(db_path: Path, server: LocalServer) -> None:
    db = open_db(db_path)
    db.execute(
        "INSERT INTO feeds (url, tags, created_at) VALUES (?, '[]', 'now')",
        [f"{server.base}/feeds/summary-only.xml"],
    )
    for name in ("rss20.xml", "atom10.xml", "feed.json", "rss10.rdf"):
        db.execute(
            "INSERT INTO feeds (url, tags, created_at) VALUES (?, '[]', 'now')",
            [f"{server.base}/feeds/{name}?delay=0.4"],
        )
    db.conn.commit()
    db.close()
    server.delay = 0.0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tuinews", "--db", str(db_path), "refresh"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Wait until the first feed's articles are committed, then kill while the slow feeds are in flight.
        for _ in range(200):
            check = open_db(db_path)
            count = check.execute("SELECT count(*) FROM articles").fetchone()[0]
            check.close()
            if count:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert count > 0
    checked = subprocess.run(
        [sys.executable, "-m", "tuinews", "--db", str(db_path), "db", "check"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0 and checked.stdout.strip() == "ok"
    db = open_db(db_path)
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored >= count
    assert db.execute("SELECT count(*) FROM articles WHERE title IS NULL OR url IS NULL").fetchone()[0] == 0
    db.close()
    # The next refresh picks up where the killed one stopped.
    assert run(db_path, "refresh").exit_code == 0
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM articles WHERE pending IS NOT NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] >= 13


def closed_port() -> int:
    """A local port nothing listens on (connections to it are refused)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_refresh_exits_1_when_every_feed_failed_and_still_prints_the_summary(db_path: Path) -> None:
    port = closed_port()
    run(db_path, "import", str(FIXTURES.parent / "import" / "night-market-notes.md"))
    db = open_db(db_path)
    db.execute(
        "INSERT INTO feeds (url, tags, created_at) VALUES (?, '[]', 'now')", [f"http://127.0.0.1:{port}/rss"]
    )
    db.conn.commit()
    db.close()
    result = run(db_path, "refresh")
    assert result.exit_code == 1
    assert result.stdout == "1 feed: 0 new articles, 0 feeds unchanged, 1 failed\n"
    assert result.stderr == (
        f"tuinews: feed #1 http://127.0.0.1:{port}/rss: could not connect to 127.0.0.1:{port} "
        "(connection refused or unreachable: check the address and that the server is up)\n"
    )
    as_json = run(db_path, "refresh", "--json")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["failed"] == 1
    listed = run(db_path, "feed", "list").stdout
    assert (
        "All connection attempts failed" not in listed and f"could not connect to 127.0.0.1:{port}" in listed
    )


def test_the_installed_refresh_command_exits_1_when_a_feed_failed(db_path: Path, server: LocalServer) -> None:
    from tests.cli.test_installed_command import run as run_installed

    db = open_db(db_path)
    add_feed(db, f"{server.base}/feeds/rss091.xml")
    add_feed(db, f"{server.base}/status/500")
    db.close()
    done = run_installed("refresh", "--no-full-text", db=db_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode().startswith("2 feeds: 2 new articles, 0 feeds unchanged, 1 failed")
    assert b"HTTP 500" in done.stderr


def test_add_counts_pages_and_exits_1_when_one_failed(db_path: Path, server: LocalServer) -> None:
    port = closed_port()
    result = run(db_path, "add", f"{server.base}/pages/tram.html", f"http://127.0.0.1:{port}/story")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "added 1 page (1 new, 0 updated, 0 unchanged), 1 failed"
    assert f"could not connect to 127.0.0.1:{port}" in result.stderr


def test_feed_add_of_a_subscribed_feed_needs_no_server(db_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/rss"  # the server is down
    db = open_db(db_path)
    add_feed(db, url, title="Harbour Gazette", tags=["local"])
    db.close()
    result = run(db_path, "feed", "add", url, "--tag", "sea")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"already subscribed: #1 Harbour Gazette <{url}>\n"
    listed = json.loads(run(db_path, "feed", "list", "--json").stdout)
    assert listed[0]["tags"] == ["local", "sea"]
    down = run(db_path, "feed", "add", url.replace("/rss", "/other"))
    assert down.exit_code == 1 and "could not connect to 127.0.0.1" in down.stderr
