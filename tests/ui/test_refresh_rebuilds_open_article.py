"""An article opened while a refresh runs may be listed before its body, quotes and dateline are built;
when the refresh finishes, the reader shows the finished article where the reader was."""

from __future__ import annotations

from tests.ui.conftest import settle
from tuinews.fetch.refresh import RefreshSummary
from tuinews.fetch.store_entries import FeedOutcome
from tuinews.models import Article, Dateline, Quote
from tuinews.store.db import open_db
from tuinews.store.feeds import extracted_row, save_extracted
from tuinews.ui.app import TuinewsApp
from tuinews.ui.widgets.article_view import ArticleView
from tuinews.ui.widgets.quotes_panel import QuotesPanel
from tuinews.ui.widgets.refresh_bar import RefreshBar


def finish(app: TuinewsApp, article_id: int, markdown: str, quote: str) -> None:
    """What the refresh's background step writes for an article once it is built."""
    start = markdown.index(quote)
    article = Article(
        title="Bridge tolls to rise in the new year",
        markdown=markdown,
        dateline=Dateline(published="2026-11-20T08:00:00+00:00"),
        quotes=[Quote(quote, "Mira Halden", "harbour board chair", start=start, end=start + len(quote))],
    )
    db = open_db(app.db_path)
    assert save_extracted(db, article_id, extracted_row(article))
    db.close()


def finished(app: TuinewsApp) -> None:
    summary = RefreshSummary(feeds=[FeedOutcome(1, "http://127.0.0.1/feed", status=200, new=1)])
    app.screen.post_message(RefreshBar.Finished(summary))


async def test_the_open_article_is_shown_rebuilt_where_the_reader_was(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        reading = view.article
        assert reading is not None and reading.title.startswith("Bridge tolls")
        place = view.position
        assert place > 0
        rebuilt = reading.markdown.replace("\n\n", '\n\n"We will keep the tolls fair," she said.\n\n', 1)
        finish(app, reading.id, rebuilt, "We will keep the tolls fair,")
        finished(app)
        await settle(pilot)
        assert view.article is not None and view.article.id == reading.id
        assert view.article.markdown == rebuilt
        assert [q.speaker for q in app.screen.query_one(QuotesPanel).all_quotes] == ["Mira Halden"]
        for _ in range(50):  # the reading position is restored a refresh after the text is drawn
            if abs(view.position - place) < 0.1:
                break
            await pilot.pause(0.02)
        assert abs(view.position - place) < 0.1  # still about where the reader was


async def test_an_unchanged_article_is_left_alone(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "enter", "space")
        await settle(pilot)
        shown = view.article
        scrolled = view.scroll_y
        finished(app)
        await settle(pilot)
        assert view.article is shown and view.scroll_y == scrolled
