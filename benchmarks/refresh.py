"""Refresh speed against local news sites (a subprocess server, one loopback address per site).

    python benchmarks/refresh.py            # the scenarios
    python benchmarks/refresh.py --first    # the first scenario only (50 x 100), with newsboat beside it
    python benchmarks/refresh.py --floor    # the cost of one committed article, with nothing else

Scenarios and bars from issue 4. "Stored" is the time until every new entry is in the cache and
listable (feeds fetched and parsed, entries stored, summary-only pages fetched and kept); "total" adds the
background step that builds bodies, quotes and datelines.

When newsboat is installed (Debian's package), the first scenario also times `newsboat -x reload` on the
same feeds from the same server, with its default single thread and with 10 (`reload-threads`), the
issue's reference points: a machine-independent check of "faster than newsboat's best".
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

if TYPE_CHECKING:
    from tuinews.fetch.refresh import RefreshSummary

# tuinews is imported inside the functions: the refresh's parsing worker process imports this script as
# its main module, and should start as it does under `tuinews refresh` (whose main module is light).

SERVER = Path(__file__).with_name("refresh_server.py")
PARAGRAPH = (
    "The harbour board met on Tuesday to discuss the winter timetable, and members heard from "
    "fishing crews, ferry staff and residents of the island villages about the early crossings. "
)


def start_server(sites: int, delay_ms: int) -> tuple[subprocess.Popen[str], list[str]]:
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), str(sites), str(delay_ms)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    return proc, json.loads(proc.stdout.readline())


def newsboat_reload(bases: list[str], items: int, mode: str, threads: int) -> tuple[float, int]:
    """Seconds for `newsboat -x reload` of these feeds into an empty cache, and the items it stored."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        urls, config, cache = folder / "urls", folder / "config", folder / "cache.db"
        urls.write_text("".join(f"{base}/feed?items={items}&mode={mode}\n" for base in bases))
        config.write_text(f"reload-threads {threads}\n")
        argv = ["newsboat", "-x", "reload", "-u", str(urls), "-c", str(cache), "-C", str(config)]
        started = time.perf_counter()
        subprocess.run(argv, env={**os.environ, "HOME": tmp}, capture_output=True, check=True)
        seconds = time.perf_counter() - started
        with sqlite3.connect(cache) as conn:
            stored = int(conn.execute("SELECT count(*) FROM rss_item").fetchone()[0])
        conn.close()
    return seconds, stored


def subscribe(db_path: Path, bases: list[str], items: int, mode: str, *, validators: bool = True) -> None:
    from tuinews.store.db import open_db
    from tuinews.store.feeds import add_feed

    db = open_db(db_path)
    for base in bases:
        add_feed(db, f"{base}/feed?items={items}&mode={mode}" + ("" if validators else "&validators=0"))
    db.close()


def run(db_path: Path, **options: object) -> RefreshSummary:
    from tuinews.fetch.refresh import RefreshOptions, refresh_feeds

    return asyncio.run(refresh_feeds(db_path, options=RefreshOptions(**options)))  # type: ignore[arg-type]


def listable(db_path: Path) -> int:
    from tuinews.store.db import open_db

    db = open_db(db_path)
    count = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    db.close()
    return count


def scenario(
    name: str,
    sites: int,
    items: int,
    mode: str,
    delay_ms: int,
    bar: float,
    second: float | None = None,
    newsboat: bool = False,
    validators: bool = True,
    **options: object,
) -> list[tuple[str, str, str, str, str]]:
    proc, bases = start_server(sites, delay_ms)
    rows = []
    references = []
    try:
        if newsboat and shutil.which("newsboat"):
            for threads in (1, 10):
                seconds, stored = newsboat_reload(bases, items, mode, threads)
                references.append(
                    (
                        f"  newsboat -x reload, {threads} thread{'s' if threads > 1 else ''} (reference)",
                        f"{stored} items",
                        f"{seconds:.2f} s",
                        f"{seconds:.2f} s",
                        "",
                    )
                )
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "bench.db"
            subscribe(db_path, bases, items, mode, validators=validators)
            summary = run(db_path, **options)
            count = listable(db_path)
            ok = "yes" if summary.stored_seconds < bar and summary.failed == 0 else "NO"
            rows.append(
                (
                    name,
                    f"{count} articles, {summary.requests} requests"
                    + (
                        f", {summary.built_in_worker} feeds parsed by the worker"
                        if summary.built_in_worker
                        else ""
                    ),
                    f"{summary.stored_seconds:.2f} s",
                    f"{summary.total_seconds:.2f} s",
                    f"< {bar:g} s: {ok}",
                )
            )
            if second is not None:
                again = run(db_path)
                ok = "yes" if again.total_seconds < second and again.unchanged == sites else "NO"
                answers = f"{again.unchanged} x 304" if validators else f"{again.unchanged} full answers"
                rows.append(
                    (
                        f"  second refresh ({answers})",
                        f"{again.new} new, {again.requests} requests",
                        f"{again.stored_seconds:.2f} s",
                        f"{again.total_seconds:.2f} s",
                        f"< {second:g} s: {ok}" + ("" if validators else " (ours)"),
                    )
                )
    finally:
        proc.kill()
        proc.wait()
    return rows[:1] + references + rows[1:]


def _floor_run(
    label: str, count: int, setup: str | None, body: str | None, pending: str | None = "entry"
) -> None:
    """`count` single-article transactions through `save_entry` (or a one-column insert when `body` is
    None), on a fresh cache tuned as a refresh tunes it; prints wall and CPU time per commit."""
    from tuinews.store.db import open_db
    from tuinews.store.feeds import add_feed, save_entry, tune_for_refresh

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "floor.db")
        tune_for_refresh(db)
        # As the refresh writer: its checkpoints run on another thread.
        db.execute("PRAGMA wal_autocheckpoint = 0")
        feed_id = add_feed(db, "http://127.0.0.2/feed")[0].id
        if setup:
            db.execute(setup)
        db.execute("CREATE TABLE bare (id INTEGER PRIMARY KEY, x TEXT)")
        page = ("<html><body>" + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(7)) + "</body></html>").encode()
        rows = [
            {
                "url": f"http://127.0.0.{i % 50 + 2}/article/{i}.html",
                "feed_id": feed_id,
                "guid": f"site{i % 50}-story{i}",
                "title": f"Story {i} from site {i % 50}: harbour board meets",
                "byline": "[]",
                "published": "2024-11-19T10:00:00+00:00",
                "published_utc": "2024-11-19T10:00:00Z",
                "body_markdown": body,
                "content_hash": "",
                "source_kind": "feed",
                "fetched_at": "2024-11-25T00:00:00Z",
                "sort_key": f"2024-11-19T10:{i % 60:02d}:00Z",
                "pending": pending,
            }
            for i in range(count)
        ]
        wall, cpu = time.perf_counter(), time.process_time()
        if body is None:
            for row in rows:
                db.conn.execute("BEGIN IMMEDIATE")
                db.conn.execute("INSERT INTO bare (x) VALUES (?)", [row["url"]])
                db.conn.commit()
        else:
            for row in rows:
                save_entry(db, row, page, "text/html")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        db.close()
    print(
        f"{label:58s} {wall:6.2f} s  {wall / count * 1e6:5.0f} us/commit  (CPU {cpu / count * 1e6:4.0f} us)"
    )


def commit_floor(count: int = 5000) -> None:
    """What 5,000 one-article commits cost with nothing else running: the floor under the 0.8 s bar."""
    body = "\n\n".join([PARAGRAPH.strip()] * 8)[:1500]
    print(f"{count} single-article transactions, WAL, synchronous=NORMAL, no checkpoints on the writer:")
    _floor_run("one-column table (the cost of a commit itself)", count, None, None)
    _floor_run("queued entry: row (6 indexes) + raw page, 1,500-char body", count, None, body)
    _floor_run("  same, title-only row (empty body)", count, None, "")
    _floor_run("  same, finished article (also indexed for search)", count, None, body, pending=None)


def main() -> None:
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
    if "--floor" in sys.argv:
        commit_floor()
        return
    rows = [("scenario", "result", "stored", "total", "bar (stored)")]
    rows += scenario(
        "50 feeds x 100 items, full content, 50 ms", 50, 100, "full", 50, 0.8, second=0.3, newsboat=True
    )
    if "--first" in sys.argv:  # the headline scenario only, with its newsboat references
        _print(rows)
        return
    rows += scenario(
        "  same, 100 entries per commit (not default)", 50, 100, "full", 50, 0.8, entries_per_transaction=100
    )
    # No bar in the issue: a server without ETag or Last-Modified answers the second refresh in full.
    rows += scenario(
        "  same, a server that sends no validators", 50, 100, "full", 50, 0.8, second=0.3, validators=False
    )
    rows += scenario("20 feeds x 10 summary-only, pages 100 ms", 20, 10, "summary", 100, 3.0)
    rows += scenario("200 feeds x 20 summary-only, pages 100 ms", 200, 20, "summary", 100, 15.0)
    _print(rows)


def _print(rows: list[tuple[str, str, str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
