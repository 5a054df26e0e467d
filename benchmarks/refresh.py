"""Refresh speed against local news sites (a subprocess server, one loopback address per site).

    python benchmarks/refresh.py

Scenarios and bars from issue 4. "Stored" is the time until every new entry is in the cache and
listable (feeds fetched and parsed, entries stored, summary-only pages fetched and kept); "total" adds the
background step that builds bodies, quotes and datelines.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tuinews.fetch.refresh import RefreshOptions, RefreshSummary, refresh_feeds  # noqa: E402
from tuinews.store.db import open_db  # noqa: E402
from tuinews.store.feeds import add_feed  # noqa: E402

SERVER = Path(__file__).with_name("refresh_server.py")


def start_server(sites: int, delay_ms: int) -> tuple[subprocess.Popen[str], list[str]]:
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), str(sites), str(delay_ms)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    return proc, json.loads(proc.stdout.readline())


def subscribe(db_path: Path, bases: list[str], items: int, mode: str) -> None:
    db = open_db(db_path)
    for base in bases:
        add_feed(db, f"{base}/feed?items={items}&mode={mode}")
    db.close()


def run(db_path: Path, **options: object) -> RefreshSummary:
    return asyncio.run(refresh_feeds(db_path, options=RefreshOptions(**options)))  # type: ignore[arg-type]


def listable(db_path: Path) -> int:
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
    **options: object,
) -> list[tuple[str, str, str, str, str]]:
    proc, bases = start_server(sites, delay_ms)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "bench.db"
            subscribe(db_path, bases, items, mode)
            summary = run(db_path, **options)
            count = listable(db_path)
            ok = "yes" if summary.stored_seconds < bar and summary.failed == 0 else "NO"
            rows.append(
                (
                    name,
                    f"{count} articles, {summary.requests} requests",
                    f"{summary.stored_seconds:.2f} s",
                    f"{summary.total_seconds:.2f} s",
                    f"< {bar:g} s: {ok}",
                )
            )
            if second is not None:
                again = run(db_path)
                ok = "yes" if again.total_seconds < second and again.unchanged == sites else "NO"
                rows.append(
                    (
                        f"  second refresh ({again.unchanged} x 304)",
                        f"{again.new} new, {again.requests} requests",
                        f"{again.stored_seconds:.2f} s",
                        f"{again.total_seconds:.2f} s",
                        f"< {second:g} s: {ok}",
                    )
                )
    finally:
        proc.kill()
        proc.wait()
    return rows


def main() -> None:
    rows = [("scenario", "result", "stored", "total", "bar (stored)")]
    rows += scenario("50 feeds x 100 items, full content, 50 ms", 50, 100, "full", 50, 0.8, second=0.3)
    rows += scenario(
        "  same, 100 entries per commit (not default)", 50, 100, "full", 50, 0.8, entries_per_transaction=100
    )
    rows += scenario("20 feeds x 10 summary-only, pages 100 ms", 20, 10, "summary", 100, 3.0)
    rows += scenario("200 feeds x 20 summary-only, pages 100 ms", 200, 20, "summary", 100, 15.0)
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
