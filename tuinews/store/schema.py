"""The cache schema as forward migrations. Never edit an applied migration: add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from tuinews.store.names import speaker_key

MIGRATIONS = Migrations("tuinews")

FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


@MIGRATIONS(name="m001_core_tables")
def m001_core_tables(db: Database) -> None:
    """Feeds, articles, raw pages and quotes."""
    db.execute(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            site_url TEXT,
            etag TEXT,
            last_modified TEXT,
            last_checked TEXT,
            last_status INTEGER,
            last_error TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            dek TEXT,
            byline TEXT NOT NULL DEFAULT '[]',
            outlet TEXT,
            agency TEXT,
            section TEXT,
            place TEXT,
            published TEXT,
            published_raw TEXT,
            updated TEXT,
            updated_raw TEXT,
            published_utc TEXT,
            language TEXT,
            word_count INTEGER NOT NULL DEFAULT 0,
            read_minutes INTEGER,
            body_markdown TEXT NOT NULL DEFAULT '',
            captions TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL,
            source_kind TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            read_at TEXT,
            starred INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    # Keyset paging indexes: every list view orders by (sort_key, id) descending.
    db.execute("CREATE INDEX articles_by_time ON articles (sort_key DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_feed ON articles (feed_id, sort_key DESC, id DESC)")
    db.execute("CREATE INDEX articles_unread ON articles (sort_key DESC, id DESC) WHERE read_at IS NULL")
    db.execute("CREATE INDEX articles_starred ON articles (sort_key DESC, id DESC) WHERE starred = 1")
    db.execute("CREATE INDEX articles_by_hash ON articles (content_hash)")
    db.execute(
        """
        CREATE TABLE pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            url TEXT,
            content_type TEXT,
            body BLOB NOT NULL,
            fetched_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_role TEXT,
            kind TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            confidence REAL NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX quotes_by_article ON quotes (article_id, ordinal)")


@MIGRATIONS(name="m002_full_text_search")
def m002_full_text_search(db: Database) -> None:
    """FTS5 over article text and quotes, kept in step by triggers."""
    db.table("articles").enable_fts(
        ["title", "dek", "byline", "body_markdown"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize=FTS_TOKENIZE,
    )
    db.table("quotes").enable_fts(
        ["text", "speaker"], fts_version="FTS5", create_triggers=True, tokenize=FTS_TOKENIZE
    )


@MIGRATIONS(name="m003_speaker_keys")
def m003_speaker_keys(db: Database) -> None:
    """Normalised speaker names so the speaker index groups "Zoë Roe" and "ZOE ROE" together."""
    db.execute("ALTER TABLE quotes ADD COLUMN speaker_key TEXT")
    rows = db.execute("SELECT id, speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()
    db.conn.executemany(
        "UPDATE quotes SET speaker_key = ? WHERE id = ?", [(speaker_key(s), i) for i, s in rows]
    )
    db.execute("CREATE INDEX quotes_by_speaker ON quotes (speaker_key)")


@MIGRATIONS(name="m004_reading_position")
def m004_reading_position(db: Database) -> None:
    """Where the reader left each article (a fraction of its height), so reopening resumes there."""
    db.execute("ALTER TABLE articles ADD COLUMN read_position REAL")


@MIGRATIONS(name="m005_feed_entries")
def m005_feed_entries(db: Database) -> None:
    """Feed entry identity (guid) for de-duplication, and the extraction queue a refresh fills.

    `pending` is NULL for a finished article, 'entry' when the body is still to be built from the feed's
    own content, 'page' when the fetched page is still to be extracted, 'fetch' when the page is still to
    be fetched. `extract_error` says why the last extraction failed (the feed's summary is shown meanwhile).
    """
    db.execute("ALTER TABLE articles ADD COLUMN guid TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN pending TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN extract_error TEXT")
    db.execute("CREATE INDEX articles_by_guid ON articles (feed_id, guid) WHERE guid IS NOT NULL")
    db.execute("CREATE INDEX articles_pending ON articles (id) WHERE pending IS NOT NULL")
    db.execute("ALTER TABLE feeds ADD COLUMN kind TEXT")


@MIGRATIONS(name="m006_fts_update_trigger_on_text_only")
def m006_fts_update_trigger_on_text_only(db: Database) -> None:
    """Re-index an article only when its indexed text changes.

    The trigger from m002 fired on every UPDATE, so marking an article read, starring it, or moving it
    through the refresh queue (`pending`) deleted and re-inserted its whole body in the FTS index. The
    index holds exactly the same text before and after, so it stays consistent with `articles`.
    """
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        """
        CREATE TRIGGER articles_au AFTER UPDATE OF id, title, dek, byline, body_markdown ON articles
        WHEN old.title IS NOT new.title OR old.dek IS NOT new.dek OR old.byline IS NOT new.byline
             OR old.body_markdown IS NOT new.body_markdown OR old.rowid IS NOT new.rowid
        BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, dek, byline, body_markdown)
          VALUES ('delete', old.rowid, old.title, old.dek, old.byline, old.body_markdown);
          INSERT INTO articles_fts (rowid, title, dek, byline, body_markdown)
          VALUES (new.rowid, new.title, new.dek, new.byline, new.body_markdown);
        END
        """
    )


@MIGRATIONS(name="m007_published_day")
def m007_published_day(db: Database) -> None:
    """The day an article was published when the page gives no time and zone (`Dateline.published_day`)."""
    db.execute("ALTER TABLE articles ADD COLUMN published_day TEXT")
    db.execute("UPDATE articles SET published_day = substr(published, 1, 10) WHERE published IS NOT NULL")


@MIGRATIONS(name="m008_feed_text")
def m008_feed_text(db: Database) -> None:
    """The text a feed entry carried, kept when extraction replaces the body (the reader can show both)."""
    db.execute("ALTER TABLE articles ADD COLUMN feed_markdown TEXT")


@MIGRATIONS(name="m009_search_index_waits_for_the_body")
def m009_search_index_waits_for_the_body(db: Database) -> None:
    """Index an article for search once it is finished (`pending` is NULL), not while it waits in the queue.

    A refresh stores each feed entry at once with a provisional body, and the background step replaces
    that body moments later. Indexing the provisional text cost more than everything else in the
    entry's commit and was thrown away at once; now the rule is simply "an article is in `articles_fts`
    exactly when its `pending` is NULL", and the triggers keep it so: insert and delete touch the index
    only for finished rows, and an update removes the old text when the row was indexed and adds the new
    when it is (leaving the queue, joining it, or a finished article's text changing). One trigger does
    both, so the 'delete' always runs before the insert.
    """
    text_changed = (
        "old.title IS NOT new.title OR old.dek IS NOT new.dek OR old.byline IS NOT new.byline "
        "OR old.body_markdown IS NOT new.body_markdown OR old.rowid IS NOT new.rowid"
    )
    columns = "title, dek, byline, body_markdown"
    for name in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    # Queued rows indexed under the old triggers leave the index (with the exact text they were indexed by).
    db.execute(
        f"INSERT INTO articles_fts (articles_fts, rowid, {columns}) "
        f"SELECT 'delete', rowid, {columns} FROM articles WHERE pending IS NOT NULL"
    )
    db.execute(
        f"""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles WHEN new.pending IS NULL BEGIN
          INSERT INTO articles_fts (rowid, {columns})
          VALUES (new.rowid, new.title, new.dek, new.byline, new.body_markdown);
        END
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER articles_ad AFTER DELETE ON articles WHEN old.pending IS NULL BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, {columns})
          VALUES ('delete', old.rowid, old.title, old.dek, old.byline, old.body_markdown);
        END
        """
    )
    db.execute(
        f"""
        CREATE TRIGGER articles_au AFTER UPDATE OF id, title, dek, byline, body_markdown, pending ON articles
        WHEN (old.pending IS NULL OR new.pending IS NULL)
             AND ((old.pending IS NULL) <> (new.pending IS NULL) OR {text_changed})
        BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, {columns})
          SELECT 'delete', old.rowid, old.title, old.dek, old.byline, old.body_markdown
          WHERE old.pending IS NULL;
          INSERT INTO articles_fts (rowid, {columns})
          SELECT new.rowid, new.title, new.dek, new.byline, new.body_markdown
          WHERE new.pending IS NULL;
        END
        """
    )


@MIGRATIONS(name="m010_guids_in_the_feed_index")
def m010_guids_in_the_feed_index(db: Database) -> None:
    """Feed entry guids kept in the per-feed list index instead of an index of their own.

    Every stored entry wrote a page of each index; a refresh asks for a feed's known guids once per feed,
    which the per-feed index answers just as well once it carries the guid (a covering scan of that
    feed's rows), so one index fewer is written per article.
    """
    db.execute("DROP INDEX IF EXISTS articles_by_guid")
    db.execute("DROP INDEX IF EXISTS articles_by_feed")
    db.execute("CREATE INDEX articles_by_feed ON articles (feed_id, sort_key DESC, id DESC, guid)")


@MIGRATIONS(name="m011_pruned_entries")
def m011_pruned_entries(db: Database) -> None:
    """Feed entries removed by `db prune` leave their URL and guid behind, so a feed that still lists them
    does not bring them back as new (a feed's tombstones go with the feed)."""
    db.execute(
        """
        CREATE TABLE pruned (
            url TEXT PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            guid TEXT,
            pruned_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX pruned_by_feed ON pruned (feed_id, guid)")


@MIGRATIONS(name="m012_no_fingerprint_index_for_queued_entries")
def m012_no_fingerprint_index_for_queued_entries(db: Database) -> None:
    """The fingerprint index holds only articles that have a fingerprint.

    A feed entry is stored before its body is built, with an empty fingerprint; indexing those empty
    values cost every stored entry one more index page written, in the transaction a refresh commits per
    article, and nothing ever looks them up (duplicates by content are found among finished articles).
    """
    db.execute("DROP INDEX IF EXISTS articles_by_hash")
    db.execute("CREATE INDEX articles_by_hash ON articles (content_hash) WHERE content_hash != ''")
