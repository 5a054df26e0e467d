"""Reading-app speed: launch to first painted list, opening a long article, search, memory.

Generates caches of 1,000, 100,000 and (with --million) 1,000,000 articles straight into SQLite
(~600 words each with quotes; 60 words each at a million), then measures, in one run:

- launch to first painted list in a real pseudo-terminal, against an empty Textual app;
- the resident memory of the running app;
- opening a 5,000-word article: time to its first painted screen and to the whole article;
- search in the store layer (median and 90th percentile over many queries) and search results painted
  in the app after the keypress.

With --launch-only only the launches are timed (the empty app and tuinews on each cache, interleaved
round by round so a change in the machine's load touches both alike), median of --runs, with the CPU time
each used until its text was on screen.

Usage: python benchmarks/app.py [--million] [--keep DIR] [--launch-only] [--runs N]
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
    elapsed, _cpu, rss = launch(argv, expect, env)
    return elapsed, rss


def cpu_seconds(pid: int) -> float:
    """CPU time a process's live threads have used so far (from /proc; 0.0 where it is not available)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
                total += int(stat.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return total / 1e9


def launch(argv: list[str], expect: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Like `time_to_text`, with the CPU time the program used to get there (steadier on a busy machine)."""
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(30, 100), timeout=120)
    child.expect(expect)
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds(child.pid)
    rss = 0
    try:
        with open(f"/proc/{child.pid}/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    except (OSError, StopIteration):
        pass
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed, cpu, rss


def median_launch(argv: list[str], expect: str, env: dict[str, str], runs: int = 5) -> tuple[float, int]:
    results = [time_to_text(argv, expect, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def load() -> str:
    """The 1, 5 and 15 minute load averages, for reading the figures against a busy machine."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def launch_table(
    empty_argv: list[str], caches: list[tuple[str, list[str]]], env: dict[str, str], runs: int
) -> None:
    """Launch times only: each round times the empty app, then tuinews on every cache; medians printed."""
    times: dict[str, list[float]] = {"empty Textual app": []}
    cpu: dict[str, list[float]] = {"empty Textual app": []}
    rss: dict[str, int] = {"empty Textual app": 0}
    for name, _ in caches:
        times[name], cpu[name], rss[name] = [], [], 0
    print(f"  before: {load()}", file=sys.stderr)
    for _ in range(runs):
        for name, argv in [("empty Textual app", empty_argv), *caches]:
            expect = "ready-to-read" if argv is empty_argv else "A very long read"
            seconds, cpu_s, kb = launch(argv, expect, env)
            times[name].append(seconds)
            cpu[name].append(cpu_s)
            rss[name] = max(rss[name], kb)
    empty_s = statistics.median(times["empty Textual app"])
    empty_cpu = statistics.median(cpu["empty Textual app"]) or 1.0
    header = ("what", "launch s (median)", "min", "max", "vs empty", "CPU s", "CPU vs empty", "RSS MB")
    rows = [
        (
            name,
            f"{statistics.median(t):.3f}",
            f"{min(t):.3f}",
            f"{max(t):.3f}",
            f"{statistics.median(t) / empty_s:.2f}x",
            f"{statistics.median(cpu[name]):.3f}",
            f"{statistics.median(cpu[name]) / empty_cpu:.2f}x",
            f"{rss[name] / 1024:.0f}",
        )
        for name, t in times.items()
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
    print(
        f"median of {runs} launches each in a 100x30 pseudo-terminal (CPU s: the program's CPU time until then, "
        f"which a busy machine disturbs less); after: {load()}"
    )
    print(json.dumps({"rows": rows, "times": times}), file=sys.stderr)


def store_search(path: Path, pool: list[str], runs: int = 200, seed: int = 7) -> tuple[float, float]:
    """Median and 90th percentile (ms) of ranked search (no snippets) over one- and two-word queries,
    on a fresh connection."""
    from tuinews.store.search import search_articles

    db = open_db(path)
    rng = random.Random(seed)
    times = []
    for _ in range(runs):
        query = " ".join(rng.choice(pool) for _ in range(rng.choice([1, 2])))
        start = time.perf_counter()
        search_articles(db, query, limit=50, snippets=False)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


async def in_app_timings(path: Path, runs: int = 5) -> dict[str, float]:
    """What the user sees, measured inside the running app (Pilot, 120x36), median of `runs` each.

    Every time runs from a keypress to the first frame that shows the thing on screen: each frame the
    app paints is also turned into the bytes a terminal would be sent, then the screen's text is read
    back (the reader's viewport, the results list), so "painted" means painted, not just mounted.

    - first_screen_ms: from `k` in the list (moving back up from a 600-word article read to its end) to
      the 5,000-word article's headline and a full viewport of its own text painted in the reader;
    - whole_article_ms: from the same keypress until the article's last paragraph is mounted and laid out
      (painted below the fold: scrolling there shows it);
    - search_paint_ms: `harbou` typed and settled, then from the `r` keypress to the results for
      "harbour" painted, first result on top with its highlighted snippet;
    - search_typed_ms: `harbour` typed into an empty box at one key every 100 ms (the queries of the
      earlier prefixes still running), from the last keypress to its results painted.
    """
    from textual import events
    from textual._compositor import CompositorUpdate
    from textual.widget import Widget
    from textual.widgets import Input, Markdown
    from textual.widgets.markdown import MarkdownBlock

    from tuinews.ui.app import make_app
    from tuinews.ui.pilot import settle
    from tuinews.ui.widgets.article_view import ArticleView

    app = make_app(path)
    probes: dict[str, object] = {}
    painted_at: dict[str, float] = {}
    original_display = app._display

    def display(screen: object, renderable: object) -> None:
        original_display(screen, renderable)  # type: ignore[arg-type]
        if renderable is None or app._batch_count:
            return  # nothing was painted
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)  # the escape sequences a real terminal is sent
        now = time.perf_counter()
        for name, check in list(probes.items()):
            if check():  # type: ignore[operator]
                painted_at[name] = now
                del probes[name]

    app._display = display  # type: ignore[method-assign]

    def screen_lines(widget: Widget) -> list[str]:
        """The text painted inside `widget`'s content region, line by line."""
        region = widget.content_region
        strips = app.screen._compositor.render_strips()
        return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]

    async def until_painted(keypress: object, checks: dict[str, object]) -> dict[str, float]:
        """Milliseconds from `keypress` (a coroutine function) to each check passing in a painted frame."""
        probes.clear()
        painted_at.clear()
        probes.update(checks)
        start = time.perf_counter()
        await keypress()  # type: ignore[operator]
        while probes and time.perf_counter() - start < 10:
            await asyncio.sleep(0.001)  # the app paints on its own timer, as it does in a terminal
        assert not probes, f"never painted: {list(probes)}"
        return {name: (moment - start) * 1000 for name, moment in painted_at.items()}

    samples: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        article = view.article
        assert article is not None and article.word_count == 5000
        words = " ".join(article.markdown.split())

        def first_screen() -> bool:
            if view.article is None or view.article.id != article.id:
                return False
            lines = screen_lines(view)
            if not lines[0].startswith(article.title):
                return False
            # The viewport is full: its last lines are this article's own words, not the previous one's.
            tail = [line.strip() for line in lines[-2:] if line.strip()]
            return bool(tail) and all(line in words for line in tail)

        def whole_article() -> bool:
            body = view.query_one(Markdown)
            blocks = [b for b in body.children if isinstance(b, MarkdownBlock)]
            return (
                view.article is not None
                and view.article.id == article.id
                and len(body.source) >= len(article.markdown) - 10
                and not body.lock.is_locked
                and bool(blocks)
                and blocks[-1].region.height > 0
                and words.endswith(blocks[-1]._content.plain.strip()[-40:])
            )

        for _ in range(runs):
            await pilot.press("j")  # a 600-word article: the one the reader leaves
            await settle(pilot)
            assert view.article is not None and view.article.id != article.id
            view.scroll_end(animate=False, immediate=True)  # read to its end (the cache keeps positions)
            await settle(pilot)
            got = await until_painted(
                lambda: pilot.press("k"), {"first_screen_ms": first_screen, "whole_article_ms": whole_article}
            )
            for name, ms in got.items():
                samples.setdefault(name, []).append(ms)
            await settle(pilot)

        await pilot.press("slash")
        await settle(pilot)
        search = app.screen
        box = search.query_one(Input)
        results = search.query_one("#search-results")

        def results_for(query: str) -> object:
            def check() -> bool:
                hits = getattr(search, "hits", [])
                if getattr(search, "shown_query", None) != query or not hits:
                    return False
                lines = screen_lines(results)
                return hits[0].title[:30] in lines[0] and query in lines[1].lower()

            return check

        driver = app._driver
        assert driver is not None
        for _ in range(runs):
            box.value = ""
            await settle(pilot)
            await pilot.press(*"harbou")
            await settle(pilot)
            got = await until_painted(lambda: pilot.press("r"), {"search_paint_ms": results_for("harbour")})
            samples.setdefault("search_paint_ms", []).append(got["search_paint_ms"])
            box.value = ""
            await settle(pilot)
            for key in "harbou":
                driver.send_message(events.Key(key, key))  # as the terminal's input thread does
                await asyncio.sleep(0.1)

            async def last_key() -> None:
                driver.send_message(events.Key("r", "r"))

            got = await until_painted(last_key, {"search_typed_ms": results_for("harbour")})
            samples.setdefault("search_typed_ms", []).append(got["search_typed_ms"])
    app._display = original_display  # type: ignore[method-assign]
    out = {name: statistics.median(values) for name, values in samples.items()}
    print(
        f"  in app ({path.name}, median of {runs} [each run]; load average {os.getloadavg()[0]:.2f}): "
        + ", ".join(
            f"{name} {out[name]:.0f} [{' '.join(f'{v:.0f}' for v in values)}]"
            for name, values in samples.items()
        ),
        file=sys.stderr,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--million", action="store_true", help="also measure a 1,000,000-article cache")
    parser.add_argument("--keep", type=Path, help="folder to keep generated caches in (reused next time)")
    parser.add_argument(
        "--launch-only", action="store_true", help="time only the launches (no in-app timings)"
    )
    parser.add_argument("--runs", type=int, default=5, help="launches per program and size (median)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tuinews-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [(1_000, 600), (100_000, 600)] + ([(1_000_000, 60)] if args.million else [])
    tuinews = shutil.which("tuinews") or str(Path(sys.executable).parent / "tuinews")
    env = {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1"}

    empty_script = folder / "empty_app.py"
    empty_script.write_text(EMPTY_APP)
    if args.launch_only:
        caches = []
        for count, words in sizes:
            path = folder / f"cache-{count}.db"
            if not path.exists():
                generate(path, count, words)
            caches.append((f"tuinews, {count:,} articles", [tuinews, "--db", str(path)]))
        launch_table([sys.executable, str(empty_script)], caches, env, args.runs)
        return
    empty_s, empty_rss = median_launch([sys.executable, str(empty_script)], "ready-to-read", env, args.runs)
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
        launch_s, rss = median_launch([tuinews, "--db", str(path)], "A very long read", env, args.runs)
        # Typical queries use words of middling frequency; the worst case uses the 50 commonest words.
        # The first 200 queries read a file the OS may not hold in memory yet (the first searches after
        # a reboot); the next 200, other words, show a session that has searched before.
        first_median, first_p90 = store_search(path, VOCABULARY[50:5000])
        median_ms, p90_ms = store_search(path, VOCABULARY[50:5000], seed=8)
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
                f"{first_median:.1f}/{first_p90:.1f}",
                f"{median_ms:.1f}/{p90_ms:.1f}",
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
        "search p50/p90 ms: first 200",
        "next 200",
        "commonest words",
        "results painted ms",
    )
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
    print(json.dumps({"rows": rows}), file=sys.stderr)


if __name__ == "__main__":
    main()
