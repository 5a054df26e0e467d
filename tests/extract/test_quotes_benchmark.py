"""The quote scorer on our own annotated set, with floors just under the figures reached (regressions fail).

Speed is measured by `benchmarks/quotes.py`, never here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_benchmark", ROOT / "benchmarks" / "quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return _scorer()


@pytest.fixture(scope="module")
def scores(scorer: ModuleType):  # type: ignore[no-untyped-def]
    return scorer.score_folder(FIXTURES, repeat=1)


def test_the_set_is_complete() -> None:
    articles = sorted(FIXTURES.glob("*.md"))
    articles = [p for p in articles if p.name != "README.md"]
    assert len(articles) >= 30
    kinds = set()
    for md in articles:
        gold = json.loads(md.with_suffix(".gold.json").read_text(encoding="utf-8"))
        for item in gold:
            assert set(item) == {"text", "speaker", "role", "kind"}
            assert item["kind"] in ("direct", "partial", "indirect")
            assert item["text"] and item["speaker"]
            assert not item["text"].endswith(","), item
            kinds.add(item["kind"])
    assert kinds == {"direct", "partial", "indirect"}


def test_overlap_and_matching(scorer: ModuleType) -> None:
    assert scorer.overlap("We will win.", "we will WIN") == 1.0
    assert scorer.overlap("a b c d e", "a b c d") == 0.8
    gold = [scorer.Item("the bridge will reopen in May", "A", "indirect")]
    found = [scorer.Item("the bridge will reopen in May", "A", "direct")]
    assert scorer.match(gold, found) == []  # different kind family
    found = [scorer.Item("the bridge will reopen in May", "A", "indirect")]
    assert scorer.match(gold, found) == [(0, 0)]


#: Main set: 1.000 / 1.000 / 1.000 after the demo-article fixes (0.995 / 0.994 / 0.988 before).
FLOORS = {"marked_f1": 0.995, "all_f1": 0.995, "speaker": 0.995}
#: The holdout (tests/fixtures/quotes/holdout) was written before its author read the extractor; it scored
#: marked F1 0.949, all kinds 0.881, speaker 0.838 then. These floors sit just under the figures after the
#: fixes that followed (so it is no longer unseen: new unseen articles are the honest test).
HOLDOUT_FLOORS = {"marked_f1": 0.98, "all_f1": 0.985, "speaker": 0.99}
#: blind2 (tests/fixtures/quotes/blind2): 8 articles written from the spec alone and committed before the
#: extractor first ran on them. Unseen score then: marked F1 0.970, all kinds 0.921, speaker 0.931 (81/87).
#: These floors sit just under the figures after the general fixes that followed (so it is tuned-on now):
#: 1.000 / 0.995 / 1.000 after the demo-article fixes.
BLIND2_FLOORS = {"marked_f1": 0.99, "all_f1": 0.99, "speaker": 0.99}


def test_scores_stay_above_the_floors(scores, scorer: ModuleType) -> None:  # type: ignore[no-untyped-def]
    table = scorer.report(scores)
    assert scores.tallies["marked"].f1 >= FLOORS["marked_f1"], table
    assert scores.tallies["all"].f1 >= FLOORS["all_f1"], table
    assert scores.speaker_accuracy >= FLOORS["speaker"], table


def test_holdout_stays_above_its_floors(scorer: ModuleType) -> None:
    holdout = FIXTURES / "holdout"
    assert len(list(holdout.glob("*.gold.json"))) == 12
    scores = scorer.score_folder(holdout, repeat=1)
    table = scorer.report(scores)
    assert scores.tallies["marked"].f1 >= HOLDOUT_FLOORS["marked_f1"], table
    assert scores.tallies["all"].f1 >= HOLDOUT_FLOORS["all_f1"], table
    assert scores.speaker_accuracy >= HOLDOUT_FLOORS["speaker"], table


def test_blind2_stays_above_its_floors(scorer: ModuleType) -> None:
    blind2 = FIXTURES / "blind2"
    assert len(list(blind2.glob("*.gold.json"))) == 8
    scores = scorer.score_folder(blind2, repeat=1)
    table = scorer.report(scores)
    assert scores.tallies["marked"].f1 >= BLIND2_FLOORS["marked_f1"], table
    assert scores.tallies["all"].f1 >= BLIND2_FLOORS["all_f1"], table
    assert scores.speaker_accuracy >= BLIND2_FLOORS["speaker"], table
