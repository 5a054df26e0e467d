"""Score dateline extraction against an annotated folder and time the text patterns.

Layout: every article file (`.html`, `.txt`, `.md`) has a gold file beside it with the same stem and a
`.json` suffix holding the EXTRACTION-SPEC "Dateline" fields: place, agency, outlet, section, byline
(a list), published, updated (ISO 8601 with the source's offset, or null) and read_minutes. A gold file
may also give `fetched_at` (ISO 8601): the fetch time that relative stamps ("3 hours ago") count from.

    /work/venv/bin/python benchmarks/dateline.py [FOLDER] [--verbose]

Prints accuracy per field and overall, how many zoned timestamps give the right UTC instant, how many
fields were invented (a value where the gold is null), and the time per article of the text patterns
(`parse_textdump` for dumps plus `build_dateline`; HTML parsing and trafilatura are not counted).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tuinews.extract.dateline import build_dateline  # noqa: E402
from tuinews.extract.document import detect_format, extract_document  # noqa: E402
from tuinews.extract.html import parse_html  # noqa: E402
from tuinews.extract.mdfile import parse_markdown_file  # noqa: E402
from tuinews.extract.textdump import parse_textdump  # noqa: E402

FIELDS = ("place", "agency", "outlet", "section", "byline", "published", "updated", "read_minutes")
SUFFIXES = {".html", ".htm", ".txt", ".md"}
DEFAULT_FOLDER = ROOT / "tests" / "fixtures" / "dateline"


@dataclass
class Report:
    """Scores for one folder."""

    articles: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    zoned: int = 0
    """Gold timestamps (all carry a zone by construction)."""
    zoned_right_instant: int = 0
    invented: int = 0
    """Fields with a value where the gold is null (or an empty byline)."""
    misses: list[str] = field(default_factory=list)
    ms_per_article: float = 0.0

    @property
    def total_fields(self) -> int:
        """Fields scored in all."""
        return self.articles * len(FIELDS)

    def accuracy(self, name: str | None = None) -> float:
        """Share of fields exactly right: one field, or overall when name is None."""
        if not self.articles:
            return 0.0
        if name is not None:
            return self.right[name] / self.articles
        return sum(self.right.values()) / self.total_fields


def cases(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(article path, gold dict) pairs, sorted by name."""
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in SUFFIXES:
            gold_path = path.with_suffix(".json")
            if gold_path.exists():
                found.append((path, json.loads(gold_path.read_text(encoding="utf-8"))))
    return found


def _instant(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else None


def _fetched(gold: dict[str, Any]) -> datetime | None:
    value = gold.get("fetched_at")
    return datetime.fromisoformat(value) if value else None


def _text_pattern_seconds(path: Path, data: bytes, fetched_at: datetime | None, repeat: int) -> float:
    """Seconds per run of the text patterns for one article (parsing of HTML excluded)."""
    text = data.decode("utf-8")
    kind = detect_format(text, name=path.name)
    if kind == "html":
        meta, body, furniture, _ = parse_html(text)
    elif kind == "markdown":
        meta, body, _ = parse_markdown_file(text)
        furniture = []
    start = time.perf_counter()
    for _ in range(repeat):
        if kind == "textdump":
            meta, body, furniture, _ = parse_textdump(text)
        build_dateline(meta, body, furniture, fetched_at=fetched_at)
    return (time.perf_counter() - start) / repeat


def score(folder: Path = DEFAULT_FOLDER, *, repeat: int = 20) -> Report:
    """Run the real pipeline (`extract_document`) on every annotated article and compare field by field."""
    report = Report()
    seconds = 0.0
    for path, gold in cases(folder):
        data = path.read_bytes()
        fetched_at = _fetched(gold)
        got = extract_document(data, name=path.name, fetched_at=fetched_at).dateline.to_json()
        report.articles += 1
        for name in FIELDS:
            want, have = gold.get(name), got.get(name)
            if name == "byline":
                want, have = list(want or []), list(have or [])
            if want == have:
                report.right[name] += 1
            else:
                report.misses.append(f"{path.name}: {name}: want {want!r}, got {have!r}")
            if want in (None, []) and have not in (None, []):
                report.invented += 1
            if name in ("published", "updated") and want:
                report.zoned += 1
                if _instant(want) is not None and _instant(want) == _instant(have):
                    report.zoned_right_instant += 1
        if repeat:
            seconds += _text_pattern_seconds(path, data, fetched_at, repeat)
    report.ms_per_article = 1000 * seconds / report.articles if report.articles else 0.0
    return report


def format_report(report: Report, *, verbose: bool = False) -> str:
    """The printed summary."""
    lines = [f"articles: {report.articles}"]
    for name in FIELDS:
        lines.append(f"  {name:<13} {report.accuracy(name):6.1%}  ({report.right[name]}/{report.articles})")
    right = sum(report.right.values())
    lines.append(f"  {'overall':<13} {report.accuracy():6.1%}  ({right}/{report.total_fields})")
    lines.append(f"zoned timestamps with the right UTC instant: {report.zoned_right_instant}/{report.zoned}")
    lines.append(f"fields invented where the gold is null: {report.invented}")
    lines.append(f"text patterns: {report.ms_per_article:.3f} ms per article")
    if verbose and report.misses:
        lines.append("misses:")
        lines.extend(f"  {miss}" for miss in report.misses)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every wrong field")
    parser.add_argument("--repeat", type=int, default=20, help="timing runs per article (0: no timing)")
    args = parser.parse_args(argv)
    print(format_report(score(args.folder, repeat=args.repeat), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
