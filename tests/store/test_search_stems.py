"""The index stems words (porter): 'ferry' finds 'ferries', 'warnings' finds 'warned'. The snippet and the
reader's jump find those matches too, instead of an empty snippet and a reader left at the top."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from tuinews.models import Article
from tuinews.store.articles import save_article
from tuinews.store.search import MARK_CLOSE, MARK_OPEN, first_match, search_articles, spellings

BODY = (
    "Two ferries were cancelled on Tuesday as gusts reached 70mph on the west coast, the operator said.\n\n"
    "Crews cleared the slipway at Ardrossan by the afternoon, and services were running again by evening.\n"
)


def marked(snippet: str) -> list[str]:
    return [part.split(MARK_CLOSE)[0] for part in snippet.split(MARK_OPEN)[1:]]


@pytest.mark.parametrize(
    ("query", "printed"), [("ferry", "ferries"), ("clearing", "cleared"), ("runs", "running")]
)
def test_a_match_the_index_found_by_stemming_gets_a_snippet_and_an_offset(
    db: Database, query: str, printed: str
) -> None:
    saved = save_article(db, Article(title="Gales halt crossings", markdown=BODY), fallback_url="a").id
    hits = search_articles(db, query)
    assert [h.id for h in hits] == [saved]
    assert marked(hits[0].snippet) == [printed]
    assert hits[0].spellings == [printed]
    assert first_match(BODY, query) == BODY.index(printed)


def test_the_words_as_typed_come_before_their_stems() -> None:
    text = "The ferries sailed; later the ferry to Arran sailed too."
    assert first_match(text, "ferry") == text.index("ferry ")
    assert spellings(text, ["ferry"]) == ["ferry"]


def test_a_match_only_in_the_dek_still_gets_a_snippet(db: Database) -> None:
    article = Article(
        title="Harbour board meets", dek="Members warned of delays to the winter timetable.", markdown=BODY
    )
    saved = save_article(db, article, fallback_url="b").id
    hits = search_articles(db, "warnings")
    assert [h.id for h in hits] == [saved]
    assert marked(hits[0].snippet) == ["warned"]
