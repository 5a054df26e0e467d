"""`db prune`: old articles go (with their pages, quotes and search entries), starred ones stay (and, when
asked, unread ones). That a feed still listing a pruned entry does not bring it back is tested with the
refresh, in tests/fetch/test_known_entries.py."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from tuinews.models import Article, Dateline, Quote
from tuinews.store.articles import save_article, set_read, set_starred
from tuinews.store.retention import prune_articles
from tuinews.store.search import search_articles

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _save(db: Database, n: int, published: str) -> int:
    body = f"The quay wall survey number {n} found cracks near the fish market, divers said on Monday.\n"
    article = Article(
        title=f"Quay survey {n}",
        markdown=body + '\n"We will repair it this winter," said harbour master Ines Varga.\n',
        dateline=Dateline(published=published),
        quotes=[
            Quote("We will repair it this winter,", "Ines Varga", start=len(body) + 2, end=len(body) + 33)
        ],
    )
    return save_article(db, article, raw=b"<p>page</p>", fallback_url=f"https://gazette.example/{n}").id


def _count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_old_articles_go_with_their_pages_quotes_and_search_entries(db: Database) -> None:
    old = _save(db, 1, "2026-08-01T09:00:00+00:00")
    starred = _save(db, 2, "2026-08-02T09:00:00+00:00")
    fresh = _save(db, 3, "2026-11-28T09:00:00+00:00")
    set_starred(db, starred, True)
    assert _count(db, "quotes") == 3 and _count(db, "pages") == 3

    result = prune_articles(db, older_than_days=30, now=NOW)

    assert result.articles == 1 and result.cutoff == "2026-11-01T12:00:00Z"
    assert {r[0] for r in db.execute("SELECT id FROM articles").fetchall()} == {starred, fresh}
    assert _count(db, "quotes") == 2 and _count(db, "pages") == 2
    assert [hit.title for hit in search_articles(db, "survey")] != [] and all(
        hit.id != old for hit in search_articles(db, "survey")
    )
    assert _count(db, "pruned") == 0  # no tombstone for an article that came from no feed


def test_keep_unread_and_dry_run(db: Database) -> None:
    read = _save(db, 1, "2026-08-01T09:00:00+00:00")
    _save(db, 2, "2026-08-02T09:00:00+00:00")
    set_read(db, read, True)
    assert prune_articles(db, older_than_days=30, now=NOW, dry_run=True).articles == 2
    assert _count(db, "articles") == 2
    assert prune_articles(db, older_than_days=30, now=NOW, keep_unread=True).articles == 1
    assert [r[0] for r in db.execute("SELECT title FROM articles").fetchall()] == ["Quay survey 2"]
