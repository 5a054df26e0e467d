"""Small things a reader sees: why a list is empty, unread and starred marks together, the feed named in
the status line, a quote highlight that shows without colour, theme names as the README gives them."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from textual.widgets import Markdown, Static

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.store.feeds import add_feed
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.feeds_panel import FeedsPanel
from tuinews.ui.widgets.quotes_panel import QuotesPanel


def status(app: TuinewsApp) -> str:
    return str(app.screen.query_one("#status", Static).render())


def headline(app: TuinewsApp) -> str:
    return str(app.screen.query_one("#headline", Static).render())


async def test_an_empty_filtered_list_says_why_and_how_to_clear_it(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("D")  # last 24 hours: nothing that recent
        await settle(pilot)
        assert app.screen.query_one(ArticleList).row_count == 0
        assert headline(app) == "No articles in the last 24 hours · c clears the filters"
        await pilot.press("S")
        await settle(pilot)
        assert headline(app) == "No starred articles in the last 24 hours · c clears the filters"
        await pilot.press("c")
        await settle(pilot)
        assert headline(app).startswith("Night market returns")


async def test_a_starred_unread_article_still_shows_it_is_unread(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("s")  # star the first article, still unread
        await settle(pilot)
        assert articles.render_line(1).text.startswith(" ●★ ")
        await pilot.press("m")  # read now, still starred
        await settle(pilot)
        assert articles.render_line(1).text.startswith("  ★ ")
        assert articles.render_line(2).text.startswith(" ●  ")  # unread, not starred


async def test_the_status_line_names_the_feed_filtered_by(seeded_db: Database, db_path: Path) -> None:
    feed, _ = add_feed(seeded_db, "https://harbourledger.example/feed.xml", title="Harbour Ledger City")
    seeded_db.execute("UPDATE articles SET feed_id = ? WHERE title LIKE 'Night market%'", [feed.id])
    seeded_db.conn.commit()
    seeded_db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        panel = app.screen.query_one(FeedsPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        panel.highlighted = next(i for i, p in enumerate(prompts) if p.startswith("Harbour Ledger City"))
        await pilot.press("enter")
        await settle(pilot)
        assert status(app).endswith("· Harbour Ledger City")
        assert "one feed" not in status(app)
        assert app.screen.query_one(ArticleList).row_count == 1


async def test_the_quote_highlight_shows_without_colour(app: TuinewsApp) -> None:
    assert app.no_color  # the tests run with NO_COLOR set
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one(QuotesPanel).focus()
        await pilot.press("enter")
        await settle(pilot)
        (block,) = app.screen.query_one("#body", Markdown).query(".quote-highlight")
        style = block.styles.text_style
        assert style.reverse or (style.bold and style.underline)


async def test_the_theme_toast_uses_the_readme_names(app: TuinewsApp) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        for _ in range(5):
            await pilot.press("T")
            await pilot.pause()
    names = [note.removeprefix("Theme: ") for note in notes]
    assert names == ["light", "nord", "gruvbox", "solarized-light", "dark"]
    assert f"({', '.join(names[-1:] + names[:-1])})" in readme
