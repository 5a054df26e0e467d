"""The reading app driven by Pilot: every binding does what its footer and help say."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown, Static

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.config import Config, ConfigError
from tuinews.store.db import open_db
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.screens.help import HelpScreen
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.screens.search import SearchScreen
from tuinews.ui.screens.speakers import SpeakerIndexScreen
from tuinews.ui.screens.welcome import WelcomeScreen
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.article_view import ArticleView
from tuinews.ui.widgets.dateline_panel import DatelinePanel
from tuinews.ui.widgets.feeds_panel import FeedsPanel
from tuinews.ui.widgets.quotes_panel import QuotesPanel


def reader_title(app: TuinewsApp) -> str:
    article = app.screen.query_one(ArticleView).article
    return article.title if article else ""


def db_flags(app: TuinewsApp, title: str) -> tuple[bool, bool]:
    row = (
        open_db(app.db_path)
        .execute("SELECT read_at, starred FROM articles WHERE title = ?", [title])
        .fetchone()
    )
    return row[0] is not None, bool(row[1])


async def test_opens_on_the_newest_article_with_its_panels(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count == 3
        # Newest first: the night market note (20 Nov) above the tolls dump (17 Nov) and the lighthouse (12 Nov).
        assert [a.title for a in articles.articles][0] == "Night market returns to the old tram depot"
        assert reader_title(app) == "Night market returns to the old tram depot"
        status = str(app.screen.query_one("#status", Static).render())
        assert "3 articles" in status and "3 unread" in status
        dateline = str(app.screen.query_one(DatelinePanel).render())
        assert "Kestrel Bay" in dateline and "The Harbour Ledger" in dateline and "None" not in dateline
        assert app.screen.query_one(QuotesPanel).option_count >= 1


async def test_moving_down_shows_the_next_article_and_enter_marks_it_read(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        title = reader_title(app)
        assert title == "Bridge tolls on Ravi Sea Link to fall from January"
        assert db_flags(app, title) == (False, False)
        await pilot.press("enter")
        await settle(pilot)
        assert db_flags(app, title)[0] is True
        assert (
            app.focused is not None and app.screen.query_one(ArticleView) in app.focused.ancestors_with_self
        )


async def test_next_and_previous_article_keys(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert reader_title(app).startswith("Bridge tolls")
        await pilot.press("n")
        await settle(pilot)
        assert reader_title(app).startswith("Last lighthouse")
        await pilot.press("p")
        await settle(pilot)
        assert reader_title(app).startswith("Bridge tolls")


async def test_star_and_read_toggles(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        title = reader_title(app)
        await pilot.press("s")
        await settle(pilot)
        assert db_flags(app, title) == (False, True)
        await pilot.press("m")
        await settle(pilot)
        assert db_flags(app, title) == (True, True)
        await pilot.press("m", "s")
        await settle(pilot)
        assert db_flags(app, title) == (False, False)


async def test_mark_all_read_and_undo(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert "0 unread" in str(app.screen.query_one("#status", Static).render())
        await pilot.press("u")
        await settle(pilot)
        assert "3 unread" in str(app.screen.query_one("#status", Static).render())


async def test_unread_filter(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "escape", "U")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count == 2
        assert "unread only" in str(app.screen.query_one("#status", Static).render())
        await pilot.press("U")
        await settle(pilot)
        assert articles.row_count == 3


async def test_panel_toggles(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        quotes = app.screen.query_one(QuotesPanel)
        dateline = app.screen.query_one(DatelinePanel)
        assert quotes.display and dateline.display
        await pilot.press('"')
        await pilot.pause()
        assert not quotes.display and dateline.display
        await pilot.press("d")
        await pilot.pause()
        assert not app.screen.query_one("#side").display
        await pilot.press('"', "d")
        await pilot.pause()
        assert quotes.display and dateline.display


async def test_narrow_terminal_hides_panels_until_asked(app: TuinewsApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        side = app.screen.query_one("#side")
        assert not side.display
        await pilot.press("d")
        await pilot.pause()
        assert side.display and app.screen.query_one(DatelinePanel).display
        assert not app.screen.query_one(QuotesPanel).display
        await pilot.press("d")
        await pilot.pause()
        assert not side.display


async def test_choosing_a_quote_highlights_its_paragraph(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QuotesPanel)
        panel.focus()
        await pilot.press("enter")
        await settle(pilot)
        highlighted = list(app.screen.query_one("#body", Markdown).query(".quote-highlight"))
        assert len(highlighted) == 1
        first_words = " ".join(panel.quotes[0].text.split()[:4])
        assert first_words in " ".join((highlighted[0].source or "").split())


async def test_help_lists_every_binding_and_closes(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = [description for _, description in app.screen.rows]
        for binding in [*MainScreen.BINDINGS, *TuinewsApp.BINDINGS, *QuotesPanel.BINDINGS]:
            assert binding.tooltip in shown, binding.id
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main


async def test_q_quits(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_empty_cache_shows_the_welcome_screen(db_path: Path) -> None:
    open_db(db_path).close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "add a feed" in text and "import saved pages" in text and "demo" in text


def test_every_binding_has_a_stable_id_and_a_description() -> None:
    for binding in [*MainScreen.BINDINGS, *TuinewsApp.BINDINGS, *QuotesPanel.BINDINGS]:
        assert binding.id and binding.description and binding.tooltip


def test_readme_key_table_lists_every_binding() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for binding in [*MainScreen.BINDINGS, *TuinewsApp.BINDINGS, *QuotesPanel.BINDINGS]:
        assert f"`{binding.id}`" in readme, binding.id


async def test_search_opens_the_chosen_result_with_the_match_highlighted(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"archive")
        await settle(pilot)
        results = app.screen.query_one("#search-results")
        assert results.option_count == 1
        prompt = str(results.get_option_at_index(0).prompt)
        assert "Last lighthouse keepers" in prompt and "archive" in prompt
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert reader_title(app) == "Last lighthouse keepers hand over the lamp"
        highlighted = list(app.screen.query_one("#body", Markdown).query(".quote-highlight"))
        assert len(highlighted) == 1 and "archive" in (highlighted[0].source or "")


async def test_search_with_no_words_or_no_match_says_so(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zq")
        await settle(pilot)
        # Two letters are a word of their own; the last word becomes a prefix from its third letter.
        assert "prefix from 3 letters" in str(app.screen.query_one("#search-status", Static).render())
        await pilot.press("backspace", "backspace", *"arc")
        await settle(pilot)
        assert str(app.screen.query_one("#search-status", Static).render()) == "1 result"  # the archive story
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.press(*"zzqx")
        await settle(pilot)
        assert str(app.screen.query_one("#search-status", Static).render()).startswith("No matches.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_speaker_index_filters_the_list_and_c_clears_it(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerIndexScreen)
        names = [s.name for s in app.screen.speakers]
        assert "Alasdair Munro" in names and "Priya Natarajan" in names
        index = names.index("Alasdair Munro")
        await pilot.press(*["down"] * index, "enter")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert [a.title for a in articles.articles] == ["Last lighthouse keepers hand over the lamp"]
        assert "quoting Alasdair Munro" in str(app.screen.query_one("#status", Static).render())
        await pilot.press("c")
        await settle(pilot)
        assert articles.row_count == 3


async def test_w_lists_the_articles_quoting_the_highlighted_speaker(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one(QuotesPanel).focus()
        await pilot.press("w")
        await settle(pilot)
        assert "quoting Priya Natarajan" in str(app.screen.query_one("#status", Static).render())
        assert app.screen.query_one(ArticleList).row_count == 1


async def test_copy_link_and_theme(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == "https://harbourledger.example/city/night-market-returns"
        before = app.theme
        await pilot.press("T")
        await pilot.pause()
        assert app.theme != before


async def test_reading_position_is_remembered(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # the tolls dump: long enough to scroll at this height
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.max_scroll_y > 0
        view.scroll_end(animate=False)
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.pause()
        assert reader_title(app).startswith("Bridge tolls")
        assert view.scroll_y == view.max_scroll_y > 0


async def test_remapped_keys_from_the_config(seeded_db, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeded_db.close()
    config = Config(keys={"next-article": "right", "toggle-quotes": "Q"})
    app = make_app(db_path, config=config, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        assert reader_title(app).startswith("Bridge tolls")
        await pilot.press("Q")
        await pilot.pause()
        assert not app.screen.query_one(QuotesPanel).display


def test_unknown_binding_id_in_the_config_is_a_clear_error(db_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown binding id 'fly-away'"):
        make_app(db_path, config=Config(keys={"fly-away": "x"}))


async def test_command_palette_offers_every_action(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        commands = {command.title: command.help for command in app.get_system_commands(app.screen)}
        for binding in [*MainScreen.BINDINGS, *QuotesPanel.BINDINGS]:
            assert any(title.startswith(binding.description) for title in commands), binding.description
        # Each says what it does, with its key as typed.
        assert commands["Search (/)"].startswith("Full-text search")
        assert commands["Back to the list (esc)"] == "Back to the article list"
        assert commands['Quotes (")'] == "Show / hide the quotes panel"
        assert not any(help.startswith("Same as") for help in commands.values())
        # A widget's action runs on the widget: the quotes panel's one-speaker filter.
        only = next(c for c in app.get_system_commands(app.screen) if c.title == "Only this speaker (f)")
        await only.callback()  # type: ignore[misc]
        await pilot.pause()
        assert app.screen.query_one(QuotesPanel).speaker == "Priya Natarajan"


async def test_opening_an_article_updates_the_unread_count(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "2 unread" in str(app.screen.query_one("#status", Static).render())


async def test_date_filter_steps_through_ranges(app: TuinewsApp) -> None:
    # The fixed clock is 25 Nov 12:00 UTC; the seed articles are from 20, 17 and 12 Nov.
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("D")  # last 24 hours
        await settle(pilot)
        assert articles.row_count == 0
        await pilot.press("D")  # last 7 days
        await settle(pilot)
        assert [a.title for a in articles.articles] == ["Night market returns to the old tram depot"]
        assert "last 7 days" in str(app.screen.query_one("#status", Static).render())
        await pilot.press("D")  # last 30 days
        await settle(pilot)
        assert articles.row_count == 3


async def test_feeds_pane_filters_by_outlet_or_agency(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        panel = app.screen.query_one(FeedsPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert prompts[0].startswith("All articles") and "3" in prompts[0]
        row = next(i for i, p in enumerate(prompts) if p.startswith("PTI"))
        panel.highlighted = row
        await pilot.press("enter")
        await settle(pilot)
        titles = [a.title for a in app.screen.query_one(ArticleList).articles]
        assert titles == ["Bridge tolls on Ravi Sea Link to fall from January"]


async def test_f_in_the_quotes_panel_shows_one_speaker(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n", "n")  # the lighthouse: Munro twice, Grant once
        await settle(pilot)
        panel = app.screen.query_one(QuotesPanel)
        assert len(panel.quotes) == 3
        panel.focus()
        await pilot.press("f")
        assert {q.speaker for q in panel.quotes} == {"Alasdair Munro"} and len(panel.quotes) == 2
        assert panel.border_title == "Quotes by Alasdair Munro"
        await pilot.press("f")
        assert len(panel.quotes) == 3


async def test_v_flips_between_the_article_and_the_saved_page(imported_db, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Imported files keep their raw bytes, so the page as saved can be shown.
    imported_db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        row = next(i for i, a in enumerate(articles.articles) if a.title.startswith("Last lighthouse"))
        articles.move_cursor(row=row)
        await settle(pilot)
        body = app.screen.query_one("#body", Markdown)
        assert "cookies" not in body.source
        await pilot.press("v")
        await settle(pilot)
        assert "We use cookies" in body.source and "Most read" in body.source
        assert app.screen.query_one(ArticleView).showing == "page"
        await pilot.press("v")
        await settle(pilot)
        assert "cookies" not in body.source and "It feels like closing the lid" in body.source


async def test_links_open_only_through_the_checked_opener(
    app: TuinewsApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url) or True)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://harbourledger.example/city/night-market-returns"]
        body = app.screen.query_one("#body", Markdown)
        for href in ("javascript:alert(1)", "file:///etc/passwd", "-oProxyCommand=calc"):
            body.post_message(Markdown.LinkClicked(body, href))
            await pilot.pause()
        assert len(opened) == 1  # every hostile link was refused
        body.post_message(Markdown.LinkClicked(body, "https://example.org/a b"))
        await pilot.pause()
        assert opened[-1] == "https://example.org/a%20b"


async def test_markup_in_untrusted_text_is_shown_literally(db_path: Path) -> None:
    from tuinews.models import Article, Quote
    from tuinews.store.articles import save_article

    db = open_db(db_path)
    body = "The [bold]harbour[/] board met.\n"
    save_article(
        db,
        Article(
            title="[@click=app.quit]Tide [/] tables",
            markdown=body,
            quotes=[Quote("The [bold]harbour[/] board met", "[/]Boss [b]", None, "indirect", 0, 0, 20)],
        ),
        fallback_url="seed:x",
    )
    db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one(QuotesPanel).focus()
        await pilot.press("w")  # the speaker's name goes into the status line
        await settle(pilot)
        assert "[/]Boss [b]" in str(app.screen.query_one("#status", Static).render())
        assert reader_title(app) == "[@click=app.quit]Tide [/] tables"
        assert app.is_running


def test_dateline_panel_shows_a_day_only_date_and_never_none() -> None:
    from tuinews.models import StoredArticle
    from tuinews.ui.widgets.dateline_panel import dateline_text

    article = StoredArticle(id=1, url="x", title="t", published_day="2019-11-18", outlet="The Hill")
    text = str(dateline_text(article, FIXED_NOW))
    assert "18 Nov 2019" in text and "day only" in text and "None" not in text
    assert "Place" not in text and "Agency" not in text  # unknown fields are left out
