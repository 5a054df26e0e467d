"""Score article extraction on a corpus in the scrapinghub benchmark layout, and time it.

Usage: python benchmarks/extraction.py [CORPUS_DIR] [--only ours|plain] [--pages N] [--show ID]

CORPUS_DIR holds `ground-truth.json` ({id: {"articleBody", "url"}}) and `html/<id>.html.gz`
(default: ../shared/corpus/extraction from the project root). Prints precision, recall, F1 and
pages/second for tuinews's content extraction and for plain trafilatura (favor_precision) through
markdownify, then the whole per-page pipeline (`extract_document`: content, Markdown, dateline,
quotes) in pages/second. Everything runs in this one process, pinned to one core when possible, and
pages/second is pages per CPU second of this process (`time.process_time`), so other work on the machine
does not count against it; decoding the gzip files and scoring are outside the timed part.

Scoring follows the corpus README: `\\w+` tokens, multisets of 4-token shingles, per-page precision
and recall averaged over pages, F1 their harmonic mean. Every output is scored on the plain text of
its Markdown: link targets and image URLs removed, a leading `# ` headline line removed. Ours is scored
twice: the body (`Article.markdown`), and the body under the dek as `export` writes it (the corpus's
expected text mostly leaves deks out, so a dek costs precision there).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import markdownify  # noqa: E402
import trafilatura  # noqa: E402

from tuinews.extract.decode import decode_bytes  # noqa: E402
from tuinews.extract.document import ExtractError, extract_document  # noqa: E402
from tuinews.extract.html import parse_html_page  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"
_TOKEN = re.compile(r"\w+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")


def plain_text(markdown: str) -> str:
    """The words of a Markdown text: no link targets, no image URLs, no leading headline line."""
    text = markdown.lstrip()
    if text.startswith("# "):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_DEF.sub("", text)
    return _AUTOLINK.sub(lambda m: m.group(0)[1:-1], text)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def score_page(expected: str, got: str) -> tuple[float, float]:
    """(precision, recall) of one page over 4-token shingles."""
    truth, pred = _shingles(expected), _shingles(got)
    tp = sum((truth & pred).values())
    fp = sum(pred.values()) - tp
    fn = sum(truth.values()) - tp
    precision = 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    recall = 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return precision, recall


def load_corpus(path: Path, limit: int | None = None) -> list[tuple[str, str, bytes, str]]:
    """(id, url, raw bytes, expected text) for every page of the corpus."""
    truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((path / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, truth[page_id].get("url") or "", raw, truth[page_id].get("articleBody") or ""))
    return pages


def document(title: str | None, dek: str | None, body: str) -> str:
    """The article as the reader and `export` show it: headline line, dek in italics, body."""
    return f"# {title or ''}\n\n" + (f"*{dek}*\n\n" if dek else "") + body


def ours(raw: bytes, url: str) -> str:
    """tuinews's content extraction: decoded page to the article's body Markdown (`Article.markdown`)."""
    return parse_html_page(decode_bytes(raw), url=url).body


def ours_with_dek(raw: bytes, url: str) -> str:
    """The same, as the reader and `export` show it: headline line, dek in italics, body."""
    page = parse_html_page(decode_bytes(raw), url=url)
    return document(page.meta.title, page.meta.dek, page.body)


def plain_trafilatura(raw: bytes, url: str) -> str:
    """trafilatura 2 with favor_precision (other options at defaults), its HTML through stock markdownify."""
    html = trafilatura.extract(
        decode_bytes(raw),
        url=url,
        output_format="html",
        favor_precision=True,
        include_comments=False,
    )
    return markdownify.markdownify(html or "", heading_style="ATX")


def whole_pipeline(raw: bytes, url: str) -> str:
    """`extract_document` as the app runs it: content, Markdown, dateline and quotes."""
    try:
        article = extract_document(raw, name="page.html", url=url, content_type="text/html")
    except ExtractError:
        return ""
    return article.markdown


def run(name: str, extractor: Callable[[bytes, str], str], pages: list, show: str | None) -> dict[str, float]:
    """Score and time one extractor over the corpus."""
    precisions, recalls, elapsed = [], [], 0.0
    for page_id, url, raw, expected in pages:
        start = time.process_time()
        try:
            markdown = extractor(raw, url)
        except Exception as error:  # noqa: BLE001 - a crash scores zero and is reported
            print(f"  {name}: {page_id[:12]} raised {type(error).__name__}: {error}", file=sys.stderr)
            markdown = ""
        elapsed += time.process_time() - start
        p, r = score_page(expected, plain_text(markdown))
        precisions.append(p)
        recalls.append(r)
        if show and page_id.startswith(show):
            print(f"--- {name} {page_id[:12]} P={p:.3f} R={r:.3f}\n{markdown}\n---")
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "pages_per_s": len(pages) / elapsed,
        "scores": list(zip(precisions, recalls, strict=True)),
    }


def main() -> None:
    """Parse arguments, run the extractors, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", choices=["ours", "dek", "plain", "pipeline"], action="append")
    parser.add_argument("--pages", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--show", help="print the Markdown of the page whose id starts with this")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages we score worst on")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    pages = load_corpus(args.corpus, args.pages)
    wanted = args.only or ["ours", "dek", "plain", "pipeline"]
    print(f"{len(pages)} pages from {args.corpus}; load average {os.getloadavg()[0]:.2f}")
    print(f"{'extractor':<34} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    rows = [
        ("ours", "tuinews content (parse_html)", ours),
        ("dek", "tuinews content, dek + body", ours_with_dek),
        ("plain", "trafilatura favor_precision + md", plain_trafilatura),
        ("pipeline", "tuinews whole extract_document", whole_pipeline),
    ]
    for key, label, extractor in rows:
        if key not in wanted:
            continue
        result = run(label, extractor, pages, args.show)
        print(
            f"{label:<34} {result['precision']:>9.4f} {result['recall']:>7.4f} {result['f1']:>6.4f} "
            f"{result['pages_per_s']:>8.1f}"
        )
        if args.worst and key == "ours":
            ranked = sorted(
                zip(result["scores"], (p[0] for p in pages), strict=True), key=lambda s: min(s[0])
            )
            for (p, r), page_id in ranked[: args.worst]:
                print(f"    {page_id[:12]} P={p:.3f} R={r:.3f}")


if __name__ == "__main__":
    main()
