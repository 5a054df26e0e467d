"""The annotated dateline set, scored by benchmarks/dateline.py through the real pipeline.

The floors sit just under the accuracy reached, so a regression in any pattern fails here. Timing is
not asserted (speed is for the benchmark itself).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SETS = ROOT / "tests" / "fixtures" / "dateline"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dateline_benchmark", ROOT / "benchmarks" / "dateline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return _scorer()


#: (folder, articles, overall floor, per-field floor). `holdout` and `unseen` were written after the
#: patterns, to measure articles the code had not seen (91.2% and 91.7% before the fixes they prompted).
#: unseen reached 100% with the standalone-place rule (its one miss), so it is tuned-on now too.
SET_FLOORS = [(SETS, 39, 0.98, 0.9), (SETS / "holdout", 10, 0.98, 0.9), (SETS / "unseen", 6, 0.99, 0.9)]


@pytest.mark.parametrize(("folder", "articles", "overall", "per_field"), SET_FLOORS)
def test_annotated_set_scores_above_the_floor(
    scorer: ModuleType, folder: Path, articles: int, overall: float, per_field: float
) -> None:
    report = scorer.score(folder, repeat=0)
    assert report.articles >= articles
    assert report.accuracy() >= overall, "\n".join(report.misses)
    for field in scorer.FIELDS:
        assert report.accuracy(field) >= per_field, (field, report.misses)
    assert report.zoned_right_instant == report.zoned  # every zoned stamp gives the right UTC instant
    assert report.invented == 0  # no field where the page has none


def test_every_gold_file_has_the_spec_fields(scorer: ModuleType) -> None:
    for folder in (SETS, SETS / "holdout", SETS / "unseen"):
        for _, gold in scorer.cases(folder):
            assert set(scorer.FIELDS) <= set(gold)
            assert isinstance(gold["byline"], list)


def test_the_set_is_varied(scorer: ModuleType) -> None:
    """At least 30 articles: HTML pages, page dumps and wire copy, staff and agency stories."""
    found = scorer.cases(SETS) + scorer.cases(SETS / "holdout") + scorer.cases(SETS / "unseen")
    suffixes = [path.suffix for path, _ in found]
    assert len(found) >= 30
    assert suffixes.count(".html") >= 10 and suffixes.count(".txt") >= 15
    assert sum(1 for _, gold in found if gold["agency"] is None) >= 10
    assert len({gold["agency"] for _, gold in found if gold["agency"]}) >= 12


def test_scorer_counts_a_wrong_field(scorer: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("KYIV, Nov 18 (Reuters) - Officials said on Monday the talks ended.\n")
    gold = dict.fromkeys(scorer.FIELDS)
    gold.update(byline=[], place="Lviv", agency="Reuters", read_minutes=1)
    (tmp_path / "a.json").write_text(json.dumps(gold))
    report = scorer.score(tmp_path, repeat=0)
    assert report.right["place"] == 0 and report.right["agency"] == 1
    assert any("place" in miss for miss in report.misses)
    assert "overall" in scorer.format_report(report)
