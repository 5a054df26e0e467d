"""Launch to first painted list: newsboat against tuinews, on caches holding the same articles.

For 1,000, 10,000 and 100,000 articles this script

- makes (or reuses, under --keep) the tuinews cache with `benchmarks/app.py`'s `generate`;
- builds newsboat's cache from it: newsboat creates its own empty `cache.db` (run once against an empty
  urls file), then the same articles go into its `rss_item` table (same titles, URLs as GUIDs and links,
  dates, bodies as HTML content, agency as author), spread over 50 feeds (`--feeds`) in its urls file;
- times, in a 100x30 pseudo-terminal, each program from spawn to its first painted list (newsboat: its
  feed list, drawn after it has read every item from its cache; tuinews: its article list), median of 5.

newsboat never touches the network: it runs with `-C` pointing at a config holding `auto-reload no`,
`-c` at the built cache and `-u` at a urls file whose feeds live under the reserved `.invalid` domain.

Usage: python benchmarks/newsboat.py [--keep DIR] [--sizes 1000,10000,100000] [--runs 5] [--feeds 50]
"""

from __future__ import annotations

import argparse
import calendar
import html
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import EMPTY_APP, generate, time_to_text  # noqa: E402  (benchmarks/app.py, next to this file)

#: How many feeds newsboat's articles are spread over by default (round robin by article id).
FEEDS = 50
#: newsboat's config: never reload on start (also its default, stated so it cannot drift).
NEWSBOAT_CONFIG = "auto-reload no\nrefresh-on-startup no\nconfirm-exit no\n"
#: Words per generated tuinews article, as in benchmarks/app.py.
WORDS = 600
#: Marks a finished newsboat cache folder, so an interrupted build is not reused.
DONE = "built.ok"


def feed_url(n: int) -> str:
    """The (never fetched) URL of newsboat feed `n`, under the reserved `.invalid` domain."""
    return f"https://bench.invalid/feed/{n:02d}.xml"


def feed_title(n: int) -> str:
    """The title newsboat shows for feed `n` in its feed list."""
    return f"Bench Feed {n:02d}"


def newsboat_argv(folder: Path) -> list[str]:
    """The command line that opens the newsboat cache in `folder` without going near the network."""
    return [
        "newsboat",
        "-C",
        str(folder / "config"),
        "-c",
        str(folder / "cache.db"),
        "-u",
        str(folder / "urls"),
    ]


def epoch(stamp: str | None) -> int:
    """Seconds since the epoch for a tuinews `...Z` UTC stamp (0 when missing)."""
    if not stamp:
        return 0
    return calendar.timegm(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ"))


def as_html(markdown: str) -> str:
    """The generated plain-paragraph body as the HTML newsboat keeps in `rss_item.content`."""
    paragraphs = (p.strip() for p in markdown.split("\n\n"))
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def create_empty_cache(folder: Path) -> Path:
    """Let newsboat create its own empty cache (schema and all) in `folder`; returns the cache path.

    newsboat opens and sets up its cache before it notices the urls file is empty, then exits with an
    error about the missing URLs, which is expected here.
    """
    cache = folder / "cache.db"
    empty_urls = folder / "urls.empty"
    empty_urls.write_text("")
    (folder / "config").write_text(NEWSBOAT_CONFIG)
    subprocess.run(
        ["newsboat", "-C", str(folder / "config"), "-c", str(cache), "-u", str(empty_urls), "-x", "reload"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    empty_urls.unlink()
    with sqlite3.connect(cache) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"rss_feed", "rss_item"} <= tables:
        raise SystemExit(f"newsboat did not create its cache tables in {cache} (found: {sorted(tables)})")
    return cache


Row = tuple[int, str, str, str | None, str | None, str]


def tuinews_rows(source: Path) -> Iterator[Row]:
    """(id, url, title, agency, published_utc, body) of every article in the tuinews cache, by id."""
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        yield from conn.execute(
            "SELECT id, url, title, agency, published_utc, body_markdown FROM articles ORDER BY id"
        )
    finally:
        conn.close()


def build_newsboat_cache(folder: Path, source: Path, feeds: int = FEEDS) -> int:
    """Fill a newsboat cache in `folder` with every article of the tuinews cache `source`.

    Returns the number of items written. The folder gets `cache.db`, `urls` (the feeds) and `config`.
    """
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cache = create_empty_cache(folder)
    (folder / "urls").write_text("".join(f"{feed_url(n)}\n" for n in range(1, feeds + 1)))
    start = time.perf_counter()
    conn = sqlite3.connect(cache)
    written = 0
    with conn:
        conn.executemany(
            "INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
            [(feed_url(n), f"https://bench.invalid/{n:02d}/", feed_title(n)) for n in range(1, feeds + 1)],
        )
        batch: list[tuple[str, str, str, str, str, int, str]] = []
        for article_id, url, title, agency, published, body in tuinews_rows(source):
            feed = feed_url((article_id - 1) % feeds + 1)
            batch.append((url, title, agency or "", url, feed, epoch(published), as_html(body)))
            if len(batch) >= 2000:
                written += _insert_items(conn, batch)
                batch = []
        written += _insert_items(conn, batch)
    with conn:
        conn.execute("ANALYZE")  # as benchmarks/app.py does for the tuinews cache
    conn.close()
    (folder / DONE).write_text(f"{written}\n")
    print(
        f"  built newsboat cache of {written:,} items in {time.perf_counter() - start:.1f} s "
        f"({cache.stat().st_size >> 20} MB)",
        file=sys.stderr,
    )
    return written


def _insert_items(conn: sqlite3.Connection, rows: list[tuple[str, str, str, str, str, int, str]]) -> int:
    """Insert unread items the way newsboat stores a fetched one (no enclosure, not deleted)."""
    conn.executemany(
        "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, enclosure_url, "
        "enclosure_type, enqueued, base) VALUES (?, ?, ?, ?, ?, ?, ?, 1, '', '', 0, '')",
        rows,
    )
    return len(rows)


def newsboat_folder(keep: Path, count: int, feeds: int = FEEDS) -> Path:
    """The newsboat cache folder for `count` articles, built from the tuinews cache if not already there."""
    source = keep / f"cache-{count}.db"
    if not source.exists():
        generate(source, count, WORDS)
    folder = keep / (f"newsboat-{count}" if feeds == FEEDS else f"newsboat-{count}-{feeds}feeds")
    if not (folder / DONE).exists():
        build_newsboat_cache(folder, source, feeds)
    return folder


def median_time(
    argv: list[str], expect: str, env: dict[str, str], runs: int
) -> tuple[float, list[float], int]:
    """Median seconds to `expect` on screen over `runs` launches, every time, and the largest RSS (kB)."""
    results = [time_to_text(argv, expect, env) for _ in range(runs)]
    times = [r[0] for r in results]
    return statistics.median(times), times, max(r[1] for r in results)


def load() -> str:
    """The 1, 5 and 15 minute load averages, for reading the figures against a busy machine."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def main() -> None:
    """Build the caches, time both programs at each size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder to keep generated caches in (reused next time)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--feeds", type=int, default=FEEDS, help="feeds to spread newsboat's items over")
    parser.add_argument("--runs", type=int, default=5, help="launches per program and size (median)")
    args = parser.parse_args()

    newsboat = shutil.which("newsboat")
    if newsboat is None:
        print(
            "newsboat is not installed (try `apt-get install newsboat`); nothing to compare against.",
            file=sys.stderr,
        )
        raise SystemExit(2)
    version = subprocess.run([newsboat, "--version"], capture_output=True, text=True, check=False)
    tuinews = shutil.which("tuinews") or str(Path(sys.executable).parent / "tuinews")
    if not Path(tuinews).exists():
        raise SystemExit(f"tuinews is not installed next to {sys.executable}; `pip install -e .` first")

    keep = args.keep or Path(tempfile.mkdtemp(prefix="tuinews-bench-"))
    keep.mkdir(parents=True, exist_ok=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    env = {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1"}

    print(
        f"{version.stdout.splitlines()[0] if version.stdout else 'newsboat'}; {load()}",
        file=sys.stderr,
        flush=True,
    )
    # The Python and Textual start-up floor, measured in the same run.
    empty_script = keep / "empty_app.py"
    empty_script.write_text(EMPTY_APP)
    empty_s, empty_all, _ = median_time([sys.executable, str(empty_script)], "ready-to-read", env, args.runs)
    print(f"  empty Textual app {' '.join(f'{t:.3f}' for t in empty_all)} s", file=sys.stderr, flush=True)
    rows = []
    for count in sizes:
        folder = newsboat_folder(keep, count, args.feeds)
        # The first feed's title is a row of newsboat's feed list, drawn once every item is loaded.
        nb_s, nb_all, nb_rss = median_time(newsboat_argv(folder), feed_title(1), env, args.runs)
        # The newest article's title is a row of tuinews's article list.
        tn_s, tn_all, tn_rss = median_time(
            [tuinews, "--db", str(keep / f"cache-{count}.db")], "A very long read", env, args.runs
        )
        print(
            f"  {count:,}: newsboat {' '.join(f'{t:.3f}' for t in nb_all)} s; "
            f"tuinews {' '.join(f'{t:.3f}' for t in tn_all)} s; {load()}",
            file=sys.stderr,
            flush=True,
        )
        rows.append(
            (
                f"{count:,}",
                f"{nb_s:.3f}",
                f"{tn_s:.3f}",
                f"{nb_s / tn_s:.2f}x",
                f"{nb_rss / 1024:.0f}",
                f"{tn_rss / 1024:.0f}",
            )
        )

    header = (
        "articles",
        "newsboat launch s",
        "tuinews launch s",
        "ratio (newsboat/tuinews)",
        "newsboat RSS MB",
        "tuinews RSS MB",
    )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(
        f"empty Textual app (start-up floor): {empty_s:.3f} s. newsboat items over {args.feeds} feeds; "
        f"median of {args.runs} launches each in a 100x30 pseudo-terminal; {load()}"
    )


if __name__ == "__main__":
    main()
