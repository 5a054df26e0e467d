"""One refresh over every hostile feed and page (see `server.py`), run as a child process under a memory cap
and a timeout: what it stored, what it refused, what it reported, and what it left alone."""

from __future__ import annotations

import sqlite3

import pytest

from tests.hostile.conftest import EARLIER_SQL, HostileRefresh, Sandbox, run_bounded
from tests.hostile.server import HostileServer
from tuinews.sanitize import REMOVED
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed

#: A generous bound: the whole hostile refresh takes about 6 s on 2 cores.
SECONDS = 60
PEAK_MB = 700


def _rows(refresh: HostileRefresh, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    conn = sqlite3.connect(refresh.sandbox.db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _titles(refresh: HostileRefresh, feed: str) -> list[str]:
    url = refresh.urls[feed].replace("'", "''")
    return [
        r[0]
        for r in _rows(
            refresh, f"SELECT a.title FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = '{url}'"
        )
    ]


def test_the_refresh_finishes_in_bounded_time_and_memory(hostile_refresh: HostileRefresh) -> None:
    run = hostile_refresh.run
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert run.seconds < SECONDS
    assert run.report["max_rss_mb"] < PEAK_MB


def test_entities_are_never_expanded_nor_fetched(hostile_refresh: HostileRefresh) -> None:
    for feed in ("entity", "laughs"):
        assert hostile_refresh.feed_error(feed) is None
        titles = _titles(hostile_refresh, feed)
        assert titles and all("AAAAAAAAAA" not in t and "lollollol" not in t for t in titles)
    sizes = _rows(hostile_refresh, "SELECT max(length(body_markdown)), max(length(title)) FROM articles")[0]
    assert sizes[0] < 2_000_000 and sizes[1] < 5_000
    everything = " ".join(str(r) for r in _rows(hostile_refresh, "SELECT title, body_markdown FROM articles"))
    assert "root:" not in everything, "an external entity read /etc/passwd"
    assert "/secret" not in hostile_refresh.local.hits, (
        "an external entity or a link reached the loopback host"
    )


def test_a_flood_of_unclosed_declarations_is_refused_quickly(hostile_refresh: HostileRefresh) -> None:
    assert hostile_refresh.feed_error("doctype-flood") == "not a feed: the XML cannot be parsed"


@pytest.mark.parametrize(
    ("feed", "error"),
    [
        ("oversize", "response larger than 10 MB"),
        ("gzip-bomb", "response larger than 10 MB (after decompression)"),
        ("loop", "redirect loop"),
        ("to-file", "redirected to a non-http(s) URL"),
        ("empty", "the feed is empty"),
        ("binary", "not a feed"),
        ("redirect-private", "refused: 127.0.0.1 is a private or local address"),
        ("redirect-name", "refused: intranet.test resolves to 127.0.0.1"),
        ("error-escapes", "HTTP 500"),
    ],
)
def test_each_bad_feed_gets_a_clear_one_line_error(
    hostile_refresh: HostileRefresh, feed: str, error: str
) -> None:
    message = hostile_refresh.feed_error(feed)
    assert message is not None and message.startswith(error)
    stored = _rows(
        hostile_refresh, f"SELECT last_error FROM feeds WHERE url = '{hostile_refresh.urls[feed]}'"
    )[0][0]
    assert stored == message
    assert "\n" not in message and len(message) <= 300 and not any(ord(c) in REMOVED for c in message)


def test_links_from_a_public_feed_never_reach_private_addresses(hostile_refresh: HostileRefresh) -> None:
    assert hostile_refresh.feed_error("private") is None
    assert len(_titles(hostile_refresh, "private")) == 5, (
        "the entries are kept, only their links are not fetched"
    )
    assert "/to-private" in hostile_refresh.public.hits, "a same-host link is fetched ..."
    assert "/secret" not in hostile_refresh.local.hits, "... but not its redirect to loopback, nor the others"


def test_entry_cap_dates_and_duplicate_guids(hostile_refresh: HostileRefresh) -> None:
    feeds = hostile_refresh.run.report["feeds"]
    assert feeds[hostile_refresh.urls["many"]]["new"] == 1000
    assert feeds[hostile_refresh.urls["dups"]]["new"] == 2  # one per guid-or-link, first one wins
    dates = _rows(
        hostile_refresh,
        "SELECT a.published, a.sort_key FROM articles a JOIN feeds f ON f.id = a.feed_id "
        f"WHERE f.url = '{hostile_refresh.urls['dates']}'",
    )
    assert len(dates) == 9
    assert all(p is None or p[:4].isdigit() for p, _ in dates) and all(s for _, s in dates)


def test_hostile_pages_fail_or_are_extracted_without_harm(hostile_refresh: HostileRefresh) -> None:
    rows = dict(
        _rows(
            hostile_refresh,
            "SELECT substr(url, instr(url, '/page/') + 6), coalesce(extract_error, 'ok') FROM articles "
            "WHERE url LIKE '%/page/%'",
        )
    )
    assert set(rows) == {"empty", "binary", "long-word", "nested", "escapes-page", "bomb-page"}
    assert rows["bomb-page"].startswith("response larger than 10 MB")
    assert all("\n" not in e and len(e) <= 300 for e in rows.values())


def test_nothing_stored_carries_a_control_or_bidi_character(hostile_refresh: HostileRefresh) -> None:
    rows = _rows(hostile_refresh, "SELECT title, coalesce(dek, ''), byline, body_markdown FROM articles")
    rows += _rows(hostile_refresh, "SELECT coalesce(title, ''), coalesce(last_error, ''), '', '' FROM feeds")
    bad = [(r[0][:60], ord(c)) for r in rows for text in r for c in text if ord(c) in REMOVED]
    assert not bad


def test_earlier_articles_are_intact(hostile_refresh: HostileRefresh) -> None:
    now = _rows(hostile_refresh, EARLIER_SQL)
    assert now[: len(hostile_refresh.earlier)] == hostile_refresh.earlier


def test_no_file_is_created_outside_the_cache(hostile_refresh: HostileRefresh) -> None:
    assert hostile_refresh.sandbox.stray_files() == []


def test_a_dripping_server_is_cut_off_at_the_request_deadline(
    servers: tuple[HostileServer, HostileServer], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    sandbox = Sandbox(tmp_path).make()
    db = open_db(sandbox.db)
    add_feed(db, servers[0].base + "/feed/drip")
    db.close()
    run = run_bounded(
        ["-m", "tests.hostile.runner", str(sandbox.db), "--deadline", "1.5"], sandbox, timeout=30
    )
    assert run.returncode == 0, run.stderr
    (feed,) = run.report["feeds"].values()
    assert feed["error"] == "no complete response within 1.5 s"
    assert sandbox.stray_files() == []


def test_the_whole_refresh_stops_at_its_deadline(
    servers: tuple[HostileServer, HostileServer], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    sandbox = Sandbox(tmp_path).make()
    db = open_db(sandbox.db)
    add_feed(db, servers[0].base + "/feed/drip")
    add_feed(db, servers[0].base + "/benign")
    db.close()
    run = run_bounded(
        ["-m", "tests.hostile.runner", str(sandbox.db), "--deadline", "30", "--refresh-deadline", "2"],
        sandbox,
        timeout=30,
    )
    assert run.returncode == 0, run.stderr
    assert run.report["error"] == "the refresh stopped at its 2 s deadline"
    assert run.report["new"] == 1, "what finished before the deadline is kept"
    assert run.seconds < 20


def test_json_feed_surrogates_do_not_stop_the_refresh(
    servers: tuple[HostileServer, HostileServer], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    sandbox = Sandbox(tmp_path).make()
    db = open_db(sandbox.db)
    add_feed(db, servers[0].base + "/feed/json")
    add_feed(db, servers[0].base + "/benign")
    db.close()
    run = run_bounded(["-m", "tests.hostile.runner", str(sandbox.db)], sandbox, timeout=30)
    assert run.returncode == 0 and run.report["new"] == 2
