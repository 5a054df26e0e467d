"""Search typed without accents: the same snippet as with them, and the reader jumps to the match."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.models import Article, Dateline
from tuinews.store.articles import save_article
from tuinews.store.db import open_db
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.screens.search import SearchScreen
from tuinews.ui.widgets.article_view import ArticleView

#: Many paragraphs before the one naming the mayor, so bringing the match into view means scrolling.
FILLER = "".join(
    f"Paragraph {n} of the council's winter plan covers plough routes, salt depots and parking bans.\n\n"
    for n in range(1, 31)
)
BODY = FILLER + "The pilot is run by Ana Núñez, who answers to the borough mayors.\n"


@pytest.mark.parametrize("typed", ["nunez", "NUNEZ", "Núñez"])
async def test_search_without_accents_shows_the_snippet_and_jumps_to_the_match(
    db_path: Path, typed: str
) -> None:
    db = open_db(db_path)
    save_article(
        db,
        Article(
            title="Snow robots for three boroughs",
            markdown=BODY,
            dateline=Dateline(published="2026-11-09T15:00:00-05:00"),
        ),
        fallback_url="a",
    )
    db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*typed)
        await settle(pilot)
        results = app.screen.query_one("#search-results")
        assert results.option_count == 1
        prompt = str(results.get_option_at_index(0).prompt)
        assert "Ana Núñez, who answers" in prompt
        await pilot.press("enter")
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        highlighted = list(app.screen.query_one("#body", Markdown).query(".quote-highlight"))
        assert len(highlighted) == 1 and "Ana Núñez" in (highlighted[0].source or "")
        assert app.screen.query_one(ArticleView).scroll_y > 0


async def test_the_list_follows_the_article_opened_from_search(app: TuinewsApp) -> None:
    from tuinews.ui.widgets.article_list import ArticleList

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"archive")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        current = app.screen.query_one(ArticleList).current
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title.startswith("Last lighthouse")
        assert current is not None and current.id == view.article.id
        assert list(view.query(".quote-highlight"))  # the match stays highlighted: no second load
