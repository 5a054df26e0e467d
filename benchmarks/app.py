"""Reading-app speed: launch to first painted list, opening a long article, search, memory.

Generates caches of 1,000, 100,000 and (with --million) 1,000,000 articles straight into SQLite
(~600 words each with quotes; 60 words each at a million), then measures, in one run:

- launch to first painted list in a real pseudo-terminal, against an empty Textual app;
- the resident memory of the running app;
- opening a 5,000-word article: time to its first painted screen and to the whole article;
- search in the store layer (median and 90th percentile over many queries) and search results painted
  in the app after the keypress.

Usage: python benchmarks/app.py [--million] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

from tuinews.store.db import open_db

WORDS = [
    "harbour",
    "council",
    "minister",
    "ferry",
    "tide",
    "budget",
    "vote",
    "election",
    "port",
    "crane",
    "union",
    "strike",
    "market",
    "storm",
    "flood",
    "rain",
    "river",
    "bridge",
    "toll",
    "metro",
    "fare",
    "school",
    "hospital",
    "court",
    "judge",
    "police",
    "report",
    "inquiry",
    "energy",
    "grid",
    "solar",
    "wind",
    "coal",
    "price",
    "inflation",
    "bank",
    "rate",
    "loan",
    "farmer",
    "harvest",
    "drought",
    "wheat",
    "rice",
    "export",
    "import",
    "trade",
    "tariff",
    "border",
    "festival",
    "museum",
    "theatre",
    "film",
    "music",
    "league",
    "match",
    "goal",
    "coach",
    "season",
    "injury",
    "transfer",
    "club",
    "stadium",
    "island",
    "village",
    "city",
    "region",
    "province",
    "state",
    "nation",
    "treaty",
    "summit",
    "talks",
    "ceasefire",
    "aid",
    "refugee",
    "camp",
    "shelter",
    "road",
    "rail",
    "airport",
    "flight",
    "delay",
    "engine",
    "repair",
    "contract",
    "tender",
    "bid",
    "company",
    "shares",
    "profit",
    "loss",
    "quarter",
    "forecast",
]


def _vocabulary(size: int = 30_000) -> list[str]:
    """Pseudo-words for a Zipf-distributed vocabulary: a few very common words, a long tail of rare ones."""
    rng = random.Random(42)
    syllables = [
        "ka",
        "lo",
        "mi",
        "ren",
        "tus",
        "ba",
        "dor",
        "ve",
        "sil",
        "an",
        "tro",
        "pe",
        "gu",
        "zan",
        "ol",
    ]
    words = list(WORDS)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


VOCABULARY = _vocabulary()
# Zipf weights: the word of rank r appears in proportion to 1/r, as in real text.
CUMULATIVE = list(__import__("itertools").accumulate(1 / (rank + 1) for rank in range(len(VOCABULARY))))
NAMES = [
    "Ana Lopes",
    "Tomas Berg",
    "Priya Rao",
    "Kofi Mensah",
    "Mei Tanaka",
    "Olga Ivanova",
    "Sam Okafor",
    "Lena Fischer",
    "Ravi Menon",
    "Nora Walsh",
    "Ivan Petrov",
    "Zoe Martin",
]


def zipf_words(rng: random.Random, n: int) -> list[str]:
    """`n` words drawn from the Zipf vocabulary."""
    return rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=n)


def body(rng: random.Random, words: int) -> str:
    """Paragraphs of Zipf-distributed vocabulary."""
    out = []
    while words > 0:
        n = min(words, rng.randint(30, 70))
        out.append(" ".join(zipf_words(rng, n)).capitalize() + ".")
        words -= n
    return "\n\n".join(out) + "\n"


def generate(path: Path, count: int, words: int) -> None:
    """A cache of `count` articles written directly through SQL (the import pipeline is not what is timed)."""
    db = open_db(path)
    rng = random.Random(count)
    batch = 2000
    start = time.perf_counter()
    for first in range(0, count, batch):
        rows, quotes = [], []
        for n in range(first, min(first + batch, count)):
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1_700_000_000 + n * 60))
            title = " ".join(zipf_words(rng, 8)).capitalize()
            rows.append(
                (
                    n + 1,
                    f"https://bench.example/{n}",
                    title,
                    body(rng, words),
                    stamp,
                    stamp,
                    words,
                    max(1, words // 230),
                    "Bench Daily",
                    rng.choice(["Reuters", "AP", None]),
                )
            )
            for q in range(3):
                quotes.append(
                    (
                        n + 1,
                        q,
                        " ".join(zipf_words(rng, 12)),
                        rng.choice(NAMES),
                        rng.choice(NAMES).lower(),
                        "direct",
                        q,
                        0,
                        10,
                        0.9,
                    )
                )
        with db.conn:
            db.conn.executemany(
                "INSERT INTO articles (id, url, title, body_markdown, published_utc, sort_key, word_count, "
                "read_minutes, outlet, agency, content_hash, source_kind, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'html', '2026-01-01T00:00:00Z')",
                [r[:6] + r[6:] for r in rows],
            )
            db.conn.executemany(
                'INSERT INTO quotes (article_id, ordinal, text, speaker, speaker_key, kind, paragraph, start, "end", '
                "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                quotes,
            )
    # One 5,000-word article, newest of all, for the reader measurement.
    long_stamp = "2030-01-01T00:00:00Z"
    with db.conn:
        db.conn.execute(
            "INSERT INTO articles (url, title, body_markdown, published_utc, sort_key, word_count, read_minutes, "
            "content_hash, source_kind, fetched_at) VALUES (?, ?, ?, ?, ?, 5000, 22, 'x', 'html', ?)",
            [
                "https://bench.example/long",
                "A very long read",
                body(rng, 5000),
                long_stamp,
                long_stamp,
                long_stamp,
            ],
        )
    db.execute("ANALYZE")
    db.close()
    print(
        f"  generated {count:,} articles in {time.perf_counter() - start:.1f} s ({path.stat().st_size >> 20} MB)",
        file=sys.stderr,
    )


EMPTY_APP = """
from textual.app import App
from textual.widgets import Static
class Empty(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Static("ready-to-read")
Empty().run()
"""


def time_to_text(argv: list[str], expect: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawn to `expect` on screen in a 100x30 pseudo-terminal, and the RSS (kB) then."""
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(30, 100), timeout=120)
    child.expect(expect)
    elapsed = time.perf_counter() - start
    rss = 0
    try:
        with open(f"/proc/{child.pid}/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    except (OSError, StopIteration):
        pass
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed, rss


def median_launch(argv: list[str], expect: str, env: dict[str, str], runs: int = 5) -> tuple[float, int]:
    results = [time_to_text(argv, expect, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def store_search(path: Path, pool: list[str], runs: int = 200) -> tuple[float, float]:
    """Median and 90th percentile (ms) of ranked search (no snippets) over one- and two-word queries."""
    from tuinews.store.search import search_articles

    db = open_db(path)
    rng = random.Random(7)
    times = []
    for _ in range(runs):
        query = " ".join(rng.choice(pool) for _ in range(rng.choice([1, 2])))
        start = time.perf_counter()
        search_articles(db, query, limit=50, snippets=False)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


async def in_app_timings(path: Path) -> dict[str, float]:
    """Opening the 5,000-word article and painting search results, measured inside the running app."""
    from tuinews.ui.app import make_app
    from tuinews.ui.pilot import settle
    from tuinews.ui.widgets.article_view import ArticleView

    app = make_app(path)
    out: dict[str, float] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        article = view.article
        assert article is not None and article.word_count == 5000
        start = time.perf_counter()
        await view.show(article)  # returns once the first screen is mounted
        await pilot.pause()
        out["first_screen_ms"] = (time.perf_counter() - start) * 1000
        await settle(pilot)
        await asyncio.sleep(0)
        body = view.query_one("#body")
        while len(body.source) < len(article.markdown) - 10:
            await pilot.pause()
        out["whole_article_ms"] = (time.perf_counter() - start) * 1000
        await pilot.press("slash")
        await pilot.pause()
        results = app.screen.query_one("#search-results")
        await pilot.press(*"harbou")
        await settle(pilot)
        start = time.perf_counter()
        await pilot.press("r")  # from the last keypress to the results on screen
        while app.screen.shown_query != "harbour" or results.option_count == 0:
            await pilot.pause(0.001)
        out["search_paint_ms"] = (time.perf_counter() - start) * 1000
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--million", action="store_true", help="also measure a 1,000,000-article cache")
    parser.add_argument("--keep", type=Path, help="folder to keep generated caches in (reused next time)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tuinews-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [(1_000, 600), (100_000, 600)] + ([(1_000_000, 60)] if args.million else [])
    tuinews = shutil.which("tuinews") or str(Path(sys.executable).parent / "tuinews")
    env = {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1"}

    empty_script = folder / "empty_app.py"
    empty_script.write_text(EMPTY_APP)
    empty_s, empty_rss = median_launch([sys.executable, str(empty_script)], "ready-to-read", env)
    rows = [
        (
            "empty Textual app",
            "-",
            f"{empty_s:.3f}",
            "1.00x",
            f"{empty_rss / 1024:.0f}",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
        )
    ]
    for count, words in sizes:
        path = folder / f"cache-{count}.db"
        if not path.exists():
            generate(path, count, words)
        # The newest article's title in the list: the first painted list.
        launch_s, rss = median_launch([tuinews, "--db", str(path)], "A very long read", env)
        # Typical queries use words of middling frequency; the worst case uses the 50 commonest words.
        median_ms, p90_ms = store_search(path, VOCABULARY[50:5000])
        worst_median, worst_p90 = store_search(path, VOCABULARY[:50])
        app_times = asyncio.run(in_app_timings(path))
        rows.append(
            (
                f"tuinews, {count:,} articles",
                f"{words}",
                f"{launch_s:.3f}",
                f"{launch_s / empty_s:.2f}x",
                f"{rss / 1024:.0f}",
                f"{app_times['first_screen_ms']:.0f}",
                f"{app_times['whole_article_ms']:.0f}",
                f"{median_ms:.2f}",
                f"{p90_ms:.2f}",
                f"{worst_median:.1f}/{worst_p90:.1f}",
                f"{app_times['search_paint_ms']:.0f}",
            )
        )
    header = (
        "what",
        "words",
        "launch s",
        "vs empty",
        "RSS MB",
        "5k open: 1st screen ms",
        "whole ms",
        "search p50 ms",
        "p90 ms",
        "commonest words p50/p90",
        "results painted ms",
    )
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
    print(json.dumps({"rows": rows}), file=sys.stderr)


if __name__ == "__main__":
    main()
