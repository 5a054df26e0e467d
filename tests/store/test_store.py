"""The cache: schema, migrations, saving and dedupe, keyset paging, flags, search, quotes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from tuinews.models import Article, Dateline, Quote
from tuinews.store.articles import (
    ListFilter,
    count_articles,
    get_article,
    get_raw_page,
    list_articles,
    mark_all_read,
    mark_unread,
    save_article,
    set_read,
    set_starred,
)
from tuinews.store.db import StoreError, open_db, open_plain, schema_stamp, write_transaction
from tuinews.store.maintenance import check_db, db_stats, vacuum_db
from tuinews.store.quotes import list_quotes, list_speakers
from tuinews.store.schema import MIGRATIONS
from tuinews.store.search import MARK_OPEN, SearchError, search_articles


def make_article(
    n: int, *, published: str | None = None, body: str | None = None, url: str | None = None
) -> Article:
    return Article(
        title=f"Harbour story number {n}",
        markdown=body or f"Paragraph about ferries and tides, edition {n}.\n",
        url=url if url is not None else f"https://example.test/story/{n}",
        dateline=Dateline(published=published, byline=["Ann Reporter"], word_count=8, read_minutes=1),
    )


def test_open_creates_schema_in_wal_mode(db_path: Path) -> None:
    db = open_db(db_path)
    assert db_path.exists()
    assert db.journal_mode == "wal"
    assert {"feeds", "articles", "pages", "quotes", "articles_fts", "quotes_fts"} <= set(db.table_names())
    assert check_db(db) == []


def test_opening_twice_applies_migrations_once(db_path: Path) -> None:
    open_db(db_path).close()
    db = open_db(db_path)
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations").fetchall()]
    assert len(names) == len(set(names)) == len(MIGRATIONS._migrations)


def test_a_current_cache_opens_without_migrating(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_db(db_path).close()
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == schema_stamp()

    def no_migrating(conn: sqlite3.Connection) -> None:
        raise AssertionError("a current cache was migrated")

    monkeypatch.setattr("tuinews.store.db.migrate", no_migrating)
    db = open_plain(db_path)
    assert count_articles(db) == 0
    db.close()


def test_a_cache_stamped_by_other_migrations_is_brought_up_to_date(db_path: Path) -> None:
    # Written before the last migration existed (and before the stamp: user_version 0).
    db_path.parent.mkdir(parents=True)
    old = Database(sqlite3.connect(db_path))
    last = MIGRATIONS._migrations[-1].name
    MIGRATIONS.apply(old, stop_before=last)
    old.close()
    db = open_plain(db_path)
    assert last in {r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")}
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_stamp()
    db.close()


def test_the_plain_connection_commits_flags_and_nests_transactions(db: Database, db_path: Path) -> None:
    article_id = save_article(db, make_article(1), fallback_url="file:///a").id
    plain = open_plain(db_path)
    set_read(plain, article_id)
    set_starred(plain, article_id, True)
    stored = get_article(db, article_id)  # another connection sees both at once: committed
    assert stored is not None and stored.read_at and stored.starred
    with write_transaction(plain):
        plain.execute("UPDATE articles SET starred = 0 WHERE id = ?", [article_id])
        with pytest.raises(RuntimeError), write_transaction(plain):
            plain.execute("UPDATE articles SET read_at = NULL WHERE id = ?", [article_id])
            raise RuntimeError("the inner part fails")
    stored = get_article(db, article_id)
    assert stored is not None and not stored.starred and stored.read_at  # only the inner part rolled back
    assert not plain.conn.in_transaction
    plain.close()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is a shopping list, not a database\n" * 50)
    with pytest.raises(StoreError, match="cannot open cache"):
        open_db(bogus)
    assert bogus.read_text().startswith("this is a shopping list")


def test_migration_from_first_schema_keeps_user_data(db_path: Path) -> None:
    # A cache written by the first release: core tables only, no search index, no speaker keys.
    db_path.parent.mkdir(parents=True)
    old = Database(sqlite3.connect(db_path))
    MIGRATIONS.apply(old, stop_before="m002_full_text_search")
    save_old = {
        "url": "https://example.test/old",
        "title": "Old ferry timetable story",
        "body_markdown": "Tides and ferries.",
        "content_hash": "x",
        "source_kind": "html",
        "fetched_at": "2026-01-01T00:00:00Z",
        "sort_key": "2026-01-01T00:00:00Z",
        "starred": 1,
        "read_at": "2026-01-02T00:00:00Z",
    }
    article_id = old["articles"].insert(save_old).last_pk
    old["quotes"].insert(
        {
            "article_id": article_id,
            "ordinal": 0,
            "text": "We sail at dawn whatever the weather",
            "speaker": "Zoë Núñez",
            "kind": "direct",
            "paragraph": 0,
            "start": 0,
            "end": 5,
            "confidence": 0.9,
        }
    )
    old.conn.commit()
    old.close()

    db = open_db(db_path)
    article = get_article(db, int(article_id))
    assert article is not None and article.title == "Old ferry timetable story"
    assert article.starred and article.read_at == "2026-01-02T00:00:00Z"
    assert [h.id for h in search_articles(db, "ferry")] == [article_id]
    assert [r.quote.speaker for r in list_quotes(db, speaker="zoe nunez")] == ["Zoë Núñez"]


def test_same_article_saved_twice_is_updated_not_duplicated(db: Database) -> None:
    first = save_article(db, make_article(1), fallback_url="file:///a")
    set_starred(db, first.id, True)
    again = save_article(db, make_article(1), fallback_url="file:///a")
    assert (again.id, again.created, again.changed) == (first.id, False, False)
    changed = make_article(1, body="A corrected paragraph about ferries.\n")
    third = save_article(db, changed, fallback_url="file:///a")
    assert (third.id, third.created, third.changed) == (first.id, False, True)
    assert count_articles(db) == 1
    stored = get_article(db, first.id)
    assert stored is not None and stored.starred and "corrected" in stored.markdown


def test_article_without_url_is_matched_by_file_then_content(db: Database) -> None:
    a = save_article(db, make_article(2, url=""), fallback_url="file:///one.txt")
    b = save_article(db, make_article(2, url=""), fallback_url="file:///copy-of-one.txt")
    assert a.id == b.id and count_articles(db) == 1


def test_raw_page_is_kept_compressed(db: Database) -> None:
    raw = b"<html><body><p>" + b"tide " * 2000 + b"</p></body></html>"
    result = save_article(db, make_article(3), raw=raw, fallback_url="file:///x")
    assert get_raw_page(db, result.id) == raw
    stored = db.execute("SELECT length(body) FROM pages").fetchone()[0]
    assert stored < len(raw) / 10


def test_keyset_paging_walks_every_article_once_newest_first(db: Database) -> None:
    # 250 articles, many sharing a timestamp, some with none (they sort by import time).
    for n in range(250):
        published = f"2026-10-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00" if n % 10 else None
        save_article(db, make_article(n, published=published), fallback_url=f"file:///{n}")
    seen: list[int] = []
    keys: list[tuple[str, int]] = []
    after = None
    while True:
        page = list_articles(db, after=after, limit=100)
        if not page:
            break
        assert len(page) <= 100
        seen.extend(a.id for a in page)
        keys.extend((a.sort_key, a.id) for a in page)
        after = (page[-1].sort_key, page[-1].id)
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 250
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize(
    ("filter", "index"),
    [
        (ListFilter(), "articles_by_time"),
        (ListFilter(unread=True), "articles_unread"),
        (ListFilter(starred=True), "articles_starred"),
        (ListFilter(feed_id=1), "articles_by_feed"),
    ],
)
def test_list_queries_use_an_index_and_never_sort_the_table(
    db: Database, filter: ListFilter, index: str
) -> None:
    clauses, params = filter.where()
    clauses.append("(sort_key, id) < (?, ?)")
    sql = (
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE "
        + " AND ".join(clauses)
        + " ORDER BY sort_key DESC, id DESC LIMIT 100"
    )
    plan = " ".join(str(r[3]) for r in db.execute(sql, [*params, "9", 0]).fetchall())
    assert index in plan
    assert "TEMP B-TREE" not in plan


@pytest.mark.parametrize(
    ("filter", "index"),
    [
        (ListFilter(unread=True), "articles_unread"),
        (ListFilter(starred=True), "articles_starred"),
        (ListFilter(starred=True, unread=True), "articles_starred"),
    ],
)
def test_the_header_counts_read_the_partial_index_not_the_table(
    db: Database, filter: ListFilter, index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [save_article(db, make_article(n), fallback_url=f"file:///{n}").id for n in range(4)]
    set_read(db, ids[0])
    set_starred(db, ids[1], True)
    plans: list[str] = []
    execute = db.execute

    def explained(sql: str, params: object = None):  # type: ignore[no-untyped-def]
        plans.append(" ".join(str(r[3]) for r in execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()))
        return execute(sql, params)

    monkeypatch.setattr(db, "execute", explained)
    expected = {"articles_unread": 3, "articles_starred": 1}[index]
    assert count_articles(db, filter) == expected
    assert index in plans[0] and plans[0] != "SCAN articles"


def test_unread_and_starred_filters_and_mark_all_read_with_undo(db: Database) -> None:
    ids = [save_article(db, make_article(n), fallback_url=f"file:///{n}").id for n in range(5)]
    set_read(db, ids[0])
    set_starred(db, ids[1], True)
    assert count_articles(db, ListFilter(unread=True)) == 4
    assert [a.id for a in list_articles(db, filter=ListFilter(starred=True))] == [ids[1]]
    marked = mark_all_read(db)
    assert sorted(marked) == sorted(ids[1:])
    assert count_articles(db, ListFilter(unread=True)) == 0
    mark_unread(db, marked)
    assert count_articles(db, ListFilter(unread=True)) == 4
    set_read(db, ids[0], False)
    assert count_articles(db, ListFilter(unread=True)) == 5


def test_search_is_ranked_with_snippets_and_safe_for_any_input(db: Database) -> None:
    save_article(
        db, make_article(1, body="The ferry crossed at noon. Nothing else happened.\n"), fallback_url="f:1"
    )
    title_hit = make_article(2, body="Tides were low.\n")
    title_hit.title = "Ferry strike ends"
    save_article(db, title_hit, fallback_url="f:2")
    hits = search_articles(db, "ferry")
    assert [h.title for h in hits] == ["Ferry strike ends", "Harbour story number 1"]
    assert MARK_OPEN in hits[1].snippet
    assert search_articles(db, "ferr")  # the last word matches as a prefix
    assert search_articles(db, "fer") and search_articles(db, "fe") == []  # from three letters on
    for hostile in ['"unbalanced', "NEAR(ferry", "-ferry", "title:ferry", "ferry AND OR"]:
        search_articles(db, hostile)  # FTS syntax in user input never raises
    with pytest.raises(SearchError):
        search_articles(db, "  ?! ")


def test_quotes_are_found_by_any_part_of_the_speaker_name(db: Database) -> None:
    article = make_article(1)
    article.quotes = [
        Quote("We will reopen the harbour next week", "Jane Roe", "harbour master", "direct", 0, 0, 10, 0.9),
        Quote("the cranes were repaired", "Zoë Núñez", None, "indirect", 1, 20, 40, 0.8),
    ]
    save_article(db, article, fallback_url="f:1")
    assert [r.quote.text for r in list_quotes(db, speaker="Roe")] == ["We will reopen the harbour next week"]
    assert [r.quote.speaker for r in list_quotes(db, speaker="NUNEZ")] == ["Zoë Núñez"]
    assert list_quotes(db, speaker="Ro") == []  # a fragment of a word is not a name
    assert {s.name for s in list_speakers(db)} == {"Jane Roe", "Zoë Núñez"}
    assert count_articles(db, ListFilter(speaker="jane roe")) == 1


def test_stats_check_and_vacuum(db: Database) -> None:
    save_article(db, make_article(1), raw=b"<p>x</p>", fallback_url="f:1")
    assert db_stats(db) == {
        "articles": 1,
        "unread": 1,
        "starred": 0,
        "feeds": 0,
        "quotes": 0,
        "speakers": 0,
        "pages": 1,
    }
    vacuum_db(db)
    assert check_db(db) == []
