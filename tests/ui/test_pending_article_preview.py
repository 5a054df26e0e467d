"""An article a refresh has stored but not yet built (summary only) reads whole in the app."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from textual.widgets import Markdown

from tests.conftest import FIXED_NOW
from tests.fetch.test_preview import _stored_feed
from tests.ui.conftest import settle
from tuinews.store.articles import get_article
from tuinews.ui.app import make_app
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.dateline_panel import DatelinePanel
from tuinews.ui.widgets.quotes_panel import QuotesPanel


async def test_an_entry_still_being_built_is_shown_whole(seeded_db: Database, db_path: Path) -> None:
    ids = _stored_feed(seeded_db)
    article_id = ids["Ferry crews agree winter timetable"]
    seeded_db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        row = next(i for i, a in enumerate(articles.articles) if a.id == article_id)
        articles.move_cursor(row=row)
        await settle(pilot)
        body = app.screen.query_one("#body", Markdown).source
        assert "forty minutes earlier" in body and "three public meetings" in body
        assert [q.speaker for q in app.screen.query_one(QuotesPanel).all_quotes] == ["Tomas Ekdahl"]
        assert "Reuters" in str(app.screen.query_one(DatelinePanel).render())
    # Nothing was written: the refresh's background step keeps every write.
    from tuinews.store.db import open_db

    db = open_db(db_path)
    stored = get_article(db, article_id)
    assert stored is not None and stored.pending == "entry" and "forty" not in stored.markdown
