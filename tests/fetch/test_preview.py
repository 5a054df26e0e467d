"""A feed entry is stored with its summary only; whoever opens it before the refresh's background step
has built it sees the finished article anyway (`fetch.preview`), identical to what the step then saves."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from tuinews.cli import cli
from tuinews.fetch.extraction import extract_pending
from tuinews.fetch.preview import built_if_pending
from tuinews.fetch.result import FetchResult
from tuinews.fetch.store_entries import store_feed
from tuinews.store.articles import get_article
from tuinews.store.feeds import add_feed, get_feed_states
from tuinews.store.quotes import get_quotes

FEED_URL = "https://coast.example/feed.xml"
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Coast Courier</title><link>https://coast.example/</link>
<item>
  <title>Ferry crews agree winter timetable</title>
  <link>https://coast.example/news/ferry-timetable</link>
  <guid>coast-ferry-1</guid>
  <pubDate>Tue, 19 Nov 2024 10:47:00 GMT</pubDate>
  <dc:creator>Ines Varga</dc:creator>
  <description>Crossings start earlier from Monday.</description>
  <content:encoded><![CDATA[
    <p>KESTREL BAY, Nov 19 (Reuters) - Ferry crews and the harbour board agreed on Tuesday to run the
    first crossing of the day forty minutes earlier through the winter.</p>
    <p>"We will run the early boat from Monday," said harbour master Tomas Ekdahl.</p>
    <p>Residents of the island villages had asked for the change at three public meetings.</p>
  ]]></content:encoded>
</item>
<item>
  <title>Library extends weekend hours</title>
  <link>https://coast.example/news/library-hours</link>
  <guid>coast-library-2</guid>
  <pubDate>Tue, 19 Nov 2024 09:00:00 GMT</pubDate>
  <description>The town library will open on Sundays.</description>
</item>
</channel></rss>"""


def _stored_feed(db: Database) -> dict[str, int]:
    """The feed's entries stored as a refresh stores them (before its background step); ids by title."""
    add_feed(db, FEED_URL)
    state = get_feed_states(db)[0]
    result = FetchResult(FEED_URL, FEED_URL, 200, FEED, "application/rss+xml", "utf-8")
    assert store_feed(db, state, result).new == 2
    return {row[1]: row[0] for row in db.execute("SELECT id, title FROM articles")}


def test_an_entry_is_stored_with_its_summary_and_previewed_whole(db: Database) -> None:
    ids = _stored_feed(db)
    stored = get_article(db, ids["Ferry crews agree winter timetable"])
    assert stored is not None and stored.pending == "entry"
    assert "forty minutes earlier" not in stored.markdown  # the body is built later
    assert stored.markdown.strip() == "Crossings start earlier from Monday."
    built = built_if_pending(db, stored)
    assert built is not None
    article, quotes = built
    assert "forty minutes earlier" in article.markdown and "three public meetings" in article.markdown
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tomas Ekdahl", "We will run the early boat from Monday")
    ]
    assert (article.place, article.agency) == ("Kestrel Bay", "Reuters")
    assert article.byline == ["Ines Varga"] and article.word_count > 40
    assert (article.id, article.url, article.sort_key) == (stored.id, stored.url, stored.sort_key)


def test_the_preview_is_what_the_background_step_saves(db: Database) -> None:
    ids = _stored_feed(db)
    stored = get_article(db, ids["Ferry crews agree winter timetable"])
    assert stored is not None
    built = built_if_pending(db, stored)
    assert built is not None
    assert extract_pending(db, workers=1) == (1, 0)  # the summary-only entry waits for its page
    saved = get_article(db, stored.id)
    assert saved is not None and saved.pending is None
    preview, quotes = built
    assert preview.markdown == saved.markdown
    assert preview.dateline() == saved.dateline()
    assert quotes == get_quotes(db, stored.id)
    assert built_if_pending(db, saved) is None  # finished: shown as stored


def test_an_entry_waiting_for_its_page_is_shown_as_stored(db: Database) -> None:
    ids = _stored_feed(db)
    waiting = get_article(db, ids["Library extends weekend hours"])
    assert waiting is not None and waiting.pending == "fetch"  # its page is not fetched yet
    assert built_if_pending(db, waiting) is None
    assert "open on Sundays" in waiting.markdown


def test_show_prints_the_whole_article_before_it_is_built(db: Database, db_path: Path) -> None:
    ids = _stored_feed(db)
    article_id = str(ids["Ferry crews agree winter timetable"])
    db.close()

    def show(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", str(db_path), "show", article_id, *args], obj={})
        assert result.exit_code == 0, result.output
        return result.stdout

    assert "three public meetings" in show()
    data = json.loads(show("--json"))
    assert "forty minutes earlier" in data["markdown"]
    assert [q["speaker"] for q in data["quotes"]] == ["Tomas Ekdahl"]
    assert data["dateline"]["place"] == "Kestrel Bay"


def test_export_writes_the_whole_article_before_it_is_built(db: Database, tmp_path: Path) -> None:
    from tuinews.export import export_articles, iter_jsonl

    ids = _stored_feed(db)
    lines = [json.loads(line) for line in iter_jsonl(db)]
    ferry = next(item for item in lines if item["id"] == ids["Ferry crews agree winter timetable"])
    assert "three public meetings" in ferry["markdown"] and ferry["quotes"][0]["speaker"] == "Tomas Ekdahl"
    assert export_articles(db, tmp_path / "out", "markdown") == 2
    written = next((tmp_path / "out").glob("*ferry-crews*.md")).read_text()
    assert "forty minutes earlier" in written
