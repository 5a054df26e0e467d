"""Score the quote extractor on a folder of annotated articles.

Layout: ``NN-slug.md`` (the Markdown body) with ``NN-slug.gold.json`` beside it (a list of
``{text, speaker, role, kind}`` following EXTRACTION-SPEC.md). A found quote matches a gold quote when both
are in the same kind family (quote-marked: direct and partial; or indirect) and their word tokens overlap by
at least 80% (shared tokens over the longer of the two). Matching is one-to-one, best overlap first.

Usage: ``python benchmarks/quotes.py [FOLDER] [--verbose] [--repeat N]``
(default folder: ``tests/fixtures/quotes``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tuinews.extract.quotes import parse_quotes  # noqa: E402

KINDS = ("direct", "partial", "indirect")
THRESHOLD = 0.8
_TOKEN_RE = re.compile(r"\w+")


def family(kind: str) -> str:
    """Direct and partial quotes are both quote-marked; indirect speech is its own family."""
    return "indirect" if kind == "indirect" else "marked"


def tokens(text: str) -> Counter[str]:
    """Lower-cased word tokens of a quote text (punctuation and marks ignored)."""
    return Counter(_TOKEN_RE.findall(text.casefold()))


def overlap(a: str, b: str) -> float:
    """Shared tokens over the longer of the two texts (0.0 to 1.0)."""
    ta, tb = tokens(a), tokens(b)
    longest = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longest if longest else 0.0


@dataclass
class Item:
    """One quote, gold or found, reduced to what the scorer compares."""

    text: str
    speaker: str | None
    kind: str


@dataclass
class Tally:
    """Counts for one kind (or family) of quote."""

    gold: int = 0
    found: int = 0
    matched_gold: int = 0
    matched_found: int = 0

    @property
    def precision(self) -> float:
        return self.matched_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """The scorer's result over a folder."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "marked", "all")})
    speaker_right: int = 0
    speaker_total: int = 0
    articles: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def match(gold: list[Item], found: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index), best overlap first, at or above the threshold."""
    cands = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(found):
            if family(g.kind) == family(f.kind):
                ov = overlap(g.text, f.text)
                if ov >= THRESHOLD:
                    cands.append((ov, gi, fi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_f: set[int] = set()
    pairs = []
    for _, gi, fi in cands:
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            pairs.append((gi, fi))
    return pairs


def load(folder: Path) -> list[tuple[str, str, list[Item]]]:
    """(name, markdown, gold items) for every annotated article in the folder."""
    out = []
    for md_path in sorted(folder.glob("*.md")):
        gold_path = md_path.with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        raw = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = [Item(g["text"], g["speaker"], g["kind"]) for g in raw]
        out.append((md_path.stem, md_path.read_text(encoding="utf-8"), gold))
    return out


def score_folder(folder: Path, repeat: int = 1) -> Scores:
    """Run the extractor over every article in `folder` and score it against the gold files."""
    articles = load(folder)
    scores = Scores(articles=len(articles) * repeat)
    results = []
    # CPU seconds of this process: the figure does not move with whatever else the machine is running
    start = time.process_time()
    for _ in range(repeat):
        results = [parse_quotes(md) for _, md, _ in articles]
    scores.seconds = time.process_time() - start
    for (name, _, gold), quotes in zip(articles, results, strict=True):
        found = [Item(q.text, q.speaker, q.kind) for q in quotes]
        pairs = match(gold, found)
        matched_g = {gi for gi, _ in pairs}
        matched_f = {fi for _, fi in pairs}
        for gi, g in enumerate(gold):
            for key in {g.kind, family(g.kind), "all"}:
                if key in scores.tallies:
                    scores.tallies[key].gold += 1
                    scores.tallies[key].matched_gold += gi in matched_g
            if gi not in matched_g:
                scores.misses.append(f"{name}: MISSED [{g.kind}] {g.speaker}: {g.text}")
        for fi, f in enumerate(found):
            for key in {f.kind, family(f.kind), "all"}:
                if key in scores.tallies:
                    scores.tallies[key].found += 1
                    scores.tallies[key].matched_found += fi in matched_f
            if fi not in matched_f:
                scores.misses.append(f"{name}: EXTRA  [{f.kind}] {f.speaker}: {f.text}")
        for gi, fi in pairs:
            scores.speaker_total += 1
            if gold[gi].speaker == found[fi].speaker:
                scores.speaker_right += 1
            else:
                got, want = found[fi].speaker, gold[gi].speaker
                scores.misses.append(f"{name}: SPEAKER {got!r} should be {want!r}: {gold[gi].text[:60]}")
    return scores


def report(scores: Scores) -> str:
    """The scorer's table as text."""
    lines = [f"{'kind':<22}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    labels = {"marked": "quote-marked (d+p)", "all": "all kinds"}
    for key in (*KINDS, "marked", "all"):
        t = scores.tallies[key]
        label = labels.get(key, key)
        lines.append(f"{label:<22}{t.gold:>6}{t.found:>7}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}")
    lines.append(
        f"speaker accuracy on matched quotes: {scores.speaker_accuracy:.3f} "
        f"({scores.speaker_right}/{scores.speaker_total})"
    )
    lines.append(
        f"articles per second (CPU time): {scores.articles_per_second:,.0f} ({scores.articles} runs)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "fixtures" / "quotes"))
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses, extras and wrong speakers")
    ap.add_argument("--repeat", type=int, default=20, help="runs over the folder for the speed figure")
    args = ap.parse_args(argv)
    scores = score_folder(Path(args.folder), repeat=args.repeat)
    if args.verbose:
        print("\n".join(scores.misses))
        print()
    print(report(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
