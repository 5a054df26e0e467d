"""Publication day, headline and byline on real web pages: tuinews against htmldate and trafilatura.

Issue 7 asks that on real pages the publication date be right at least as often as htmldate with
`extensive_search`, and title, author and date at least as often as trafilatura's metadata, measured on
the same pages in the same run. This script does that measurement on the pages of the shared extraction
corpus that have hand-made gold in `benchmarks/data/dateline-web-gold.json` (the corpus itself only gives
the article body and URL; see that file's "method" for how the gold was made).

    /work/venv/bin/python benchmarks/dateline_web.py [CORPUS] [--gold FILE] [--all-misses]

CORPUS defaults to `../shared/corpus/extraction` beside the project root. htmldate is a benchmark-only
dependency (the `bench` extra); trafilatura is a main dependency.

Extractors, each given the raw page bytes:

- `htmldate`: `find_date(html, extensive_search=True, original_date=True)`, exactly as issue 7 names it.
- `htmldate+url`: the same call with `url=` from the corpus (htmldate then also reads dates in the URL).
- `trafilatura`: `bare_extraction(html, url=url, with_metadata=True)` -> `.date`, `.title`, `.author`
  (the date comes from htmldate with the same settings as `htmldate+url`). Authors are split on ";".
- `tuinews`: `extract_document(html, name="page.html", url=url)` -> `Article.title`,
  `Article.dateline.byline` and `Article.dateline.published_day` (the publication day in the source's
  own calendar: the day of `published` when set, else a date-only or zone-less value or a visible date).
- `tuinews published`: as `tuinews`, but the day of `Article.dateline.published` only (set only when the
  page gives date, time and zone), for comparison with the strict timestamp field.

Scores, every page weighing the same:

- date: the predicted day equals the gold day (a null gold needs a null prediction). `date~` also accepts
  the gold's `alt_dates` (the UTC day where the outlet's local day differs, or a conflicting structured
  datePublished).
- title: equal after Unicode NFKC, case folding, quote/dash/ellipsis unification and whitespace
  collapsing. `title~` also accepts a prediction the gold title starts or ends (`Title - Site`,
  `Opinion | Title`) or with token F1 >= 0.9 against the gold.
- author: the set of names equals the gold set after case and accent folding, punctuation other than
  `-` and `'` counting as a space (an empty gold needs an empty prediction). `author~` accepts a prediction in which every gold name occurs (extra names or
  role suffixes allowed); for an empty gold it is the same as `author`.

Prints the table (accuracy per extractor and score, pages, milliseconds per page including parsing) and
then tuinews' misses, one line each (gold vs ours); `--all-misses` lists every extractor's misses.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"
DEFAULT_GOLD = ROOT / "benchmarks" / "data" / "dateline-web-gold.json"
SCORES = ("date", "date~", "title", "title~", "author", "author~")
"""Table columns: strict score, then its relaxed form."""


@dataclass
class Prediction:
    """What one extractor said about one page."""

    date: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    dates_only: bool = False
    """True for an extractor that gives no title or authors at all (htmldate): those columns show '-'."""
    error: str | None = None


@dataclass
class Gold:
    """Hand-made facts about one page."""

    page_id: str
    url: str
    date: str | None
    alt_dates: list[str]
    title: str
    authors: list[str]


@dataclass
class Tally:
    """Scores of one extractor over the pages."""

    name: str
    pages: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def accuracy(self, score: str) -> float | None:
        """Share right for one score, None when the extractor does not give that field."""
        return self.right[score] / self.scored[score] if self.scored[score] else None


# --- normalisation ---------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
_NAME_PUNCT = re.compile(r"[^\w\s'-]")
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def norm_title(text: str | None) -> str:
    """Headline key: NFKC, unified quotes and dashes, '...' for an ellipsis, case-folded, one space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def fold_name(name: str) -> str:
    """Name key: accents stripped, case-folded, punctuation other than - and ' made a space, one space.

    So `Sarah E. Needleman`, `sarah e needleman` and `Finian Cunningham.` compare as the names they are.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_QUOTES)
    return _SPACE.sub(" ", _NAME_PUNCT.sub(" ", bare)).strip(" -'").casefold()


def token_f1(gold: str, pred: str) -> float:
    """F1 of the \\w+ token multisets of two normalised strings."""
    gold_tokens, pred_tokens = _TOKEN.findall(gold), _TOKEN.findall(pred)
    if not gold_tokens or not pred_tokens:
        return 0.0
    remaining = list(pred_tokens)
    common = 0
    for token in gold_tokens:
        if token in remaining:
            remaining.remove(token)
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(pred_tokens), common / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def day_of(value: str | None) -> str | None:
    """The YYYY-MM-DD a value starts with, or None."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    return match.group(1) if match else None


# --- scoring ---------------------------------------------------------------------------------------


def score_page(gold: Gold, pred: Prediction) -> dict[str, bool | None]:
    """Right or wrong per score (None: the extractor gives no such field)."""
    results: dict[str, bool | None] = {
        "date": pred.date == gold.date,
        "date~": pred.date == gold.date or (pred.date is not None and pred.date in gold.alt_dates),
    }
    if pred.dates_only:
        results.update(dict.fromkeys(("title", "title~", "author", "author~")))
        return results

    gold_title, pred_title = norm_title(gold.title), norm_title(pred.title)
    exact = bool(pred_title) and pred_title == gold_title
    results["title"] = exact
    results["title~"] = exact or (
        bool(pred_title)
        and (
            pred_title.startswith(gold_title)
            or pred_title.endswith(gold_title)
            or token_f1(gold_title, pred_title) >= 0.9
        )
    )

    gold_names = {fold_name(name) for name in gold.authors} - {""}
    pred_names = {fold_name(name) for name in pred.authors} - {""}
    results["author"] = gold_names == pred_names
    if gold_names:
        joined = " ; ".join(sorted(pred_names))
        results["author~"] = all(name in joined for name in gold_names)
    else:
        results["author~"] = not pred_names
    return results


# --- extractors ------------------------------------------------------------------------------------


def run_htmldate(raw: bytes, url: str, *, with_url: bool) -> Prediction:
    """htmldate's `find_date` with extensive search and the original (publication) date."""
    from htmldate import find_date

    kwargs: dict[str, Any] = {"extensive_search": True, "original_date": True}
    if with_url:
        kwargs["url"] = url
    return Prediction(date=find_date(raw, **kwargs), dates_only=True)


def run_trafilatura(raw: bytes, url: str) -> Prediction:
    """trafilatura's metadata from `bare_extraction(with_metadata=True)`."""
    from trafilatura import bare_extraction

    doc = bare_extraction(raw, url=url, with_metadata=True)
    if doc is None:
        return Prediction()
    data = doc if isinstance(doc, dict) else doc.as_dict()
    author = data.get("author") or ""
    return Prediction(
        date=day_of(data.get("date")),
        title=data.get("title"),
        authors=[name.strip() for name in author.split(";") if name.strip()],
    )


def run_tuinews(raw: bytes, url: str, *, fallback: bool) -> Prediction:
    """tuinews' `extract_document`: title, byline and the day of `dateline.published`."""
    from tuinews.extract.document import extract_document

    article = extract_document(raw, name="page.html", url=url)
    line = article.dateline
    date = line.published_day
    if fallback:  # the old ad-hoc row: the day of `published` only
        date = day_of(line.published)
    return Prediction(date=date, title=article.title, authors=list(line.byline))


EXTRACTORS: dict[str, Callable[[bytes, str], Prediction]] = {
    "htmldate": lambda raw, url: run_htmldate(raw, url, with_url=False),
    "htmldate+url": lambda raw, url: run_htmldate(raw, url, with_url=True),
    "trafilatura": run_trafilatura,
    "tuinews": lambda raw, url: run_tuinews(raw, url, fallback=False),
    "tuinews published": lambda raw, url: run_tuinews(raw, url, fallback=True),
}


# --- driver ----------------------------------------------------------------------------------------


def load_gold(path: Path) -> list[Gold]:
    """The annotated pages, in id order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Gold(
            page_id=page_id,
            url=entry["url"],
            date=entry["date"],
            alt_dates=list(entry.get("alt_dates", [])),
            title=entry["title"],
            authors=list(entry["authors"]),
        )
        for page_id, entry in sorted(data["pages"].items())
    ]


def describe_miss(gold: Gold, pred: Prediction, results: dict[str, bool | None]) -> list[str]:
    """One short line per strict miss on a page."""
    short = gold.page_id[:10]
    lines = []
    if pred.error:
        lines.append(f"{short} error: {pred.error}")
    if results["date"] is False:
        alt = " (alt ok)" if results["date~"] else ""
        lines.append(f"{short} date   gold {gold.date}  ours {pred.date}{alt}")
    if results["title"] is False:
        relaxed = " (relaxed ok)" if results["title~"] else ""
        lines.append(f"{short} title  gold {gold.title!r}  ours {pred.title!r}{relaxed}")
    if results["author"] is False:
        relaxed = " (relaxed ok)" if results["author~"] else ""
        lines.append(f"{short} author gold {gold.authors}  ours {pred.authors}{relaxed}")
    return lines


def evaluate(corpus: Path, pages: list[Gold]) -> dict[str, Tally]:
    """Run every extractor on every annotated page and tally the scores."""
    tallies = {name: Tally(name) for name in EXTRACTORS}
    raws = {
        gold.page_id: gzip.decompress((corpus / "html" / f"{gold.page_id}.html.gz").read_bytes())
        for gold in pages
    }
    if pages:  # warm-up (imports, lazily built tables), not timed
        for extract in EXTRACTORS.values():
            with contextlib.suppress(Exception):  # the timed run reports errors
                extract(raws[pages[0].page_id], pages[0].url)
    for gold in pages:
        raw = raws[gold.page_id]
        for name, extract in EXTRACTORS.items():
            tally = tallies[name]
            started = time.perf_counter()
            try:
                pred = extract(raw, gold.url)
            except Exception as exc:  # a crash is a miss, not the end of the run
                pred = Prediction(error=f"{type(exc).__name__}: {exc}")
            tally.seconds += time.perf_counter() - started
            tally.pages += 1
            results = score_page(gold, pred)
            for score, ok in results.items():
                if ok is not None:
                    tally.scored[score] += 1
                    tally.right[score] += int(ok)
            tally.misses.extend(describe_miss(gold, pred, results))
    return tallies


def render_table(tallies: dict[str, Tally]) -> str:
    """The accuracy table as aligned text."""
    header = f"{'extractor':<17}" + "".join(f"{score:>8}" for score in SCORES) + f"{'n':>5}{'ms/page':>9}"
    lines = [header, "-" * len(header)]
    for tally in tallies.values():
        cells = []
        for score in SCORES:
            value = tally.accuracy(score)
            cells.append(f"{'-':>8}" if value is None else f"{value:>8.3f}")
        ms = 1000 * tally.seconds / tally.pages if tally.pages else 0.0
        lines.append(f"{tally.name:<17}" + "".join(cells) + f"{tally.pages:>5}{ms:>9.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="the extraction corpus folder"
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the gold file")
    parser.add_argument("--all-misses", action="store_true", help="list every extractor's misses")
    args = parser.parse_args(argv)
    if not (args.corpus / "html").is_dir():
        print(f"no corpus at {args.corpus} (expected an html/ folder)", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)  # htmldate/trafilatura log every odd page
    pages = load_gold(args.gold)
    tallies = evaluate(args.corpus, pages)
    print(f"{len(pages)} annotated pages from {args.corpus}")
    print(
        "strict: date, title, author; relaxed: date~ (alt days), title~ (prefix/suffix/F1>=0.9), author~ (all gold names found)"
    )
    print(render_table(tallies))
    shown = tallies if args.all_misses else {"tuinews": tallies["tuinews"]}
    for tally in shown.values():
        print(f"\n{tally.name} misses ({len(tally.misses)}):")
        for line in tally.misses:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
