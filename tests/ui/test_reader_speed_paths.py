"""The reader's fast paths: a long article's first screen is painted before the rest arrives, and
the rest, the quote highlight, the reading position and the other views still come out right."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tests.ui.seed import quote
from tuinews.models import Article, Dateline
from tuinews.store.articles import save_article
from tuinews.ui.app import TuinewsApp, make_app
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.article_view import ArticleView, split_first_screen, split_pieces
from tuinews.ui.widgets.quotes_panel import QuotesPanel

LONG_TITLE = "The long read: a year on the harbour ferries"
DEEP_QUOTE = "The last crossing of the night is the one the whole island remembers"


def long_markdown(paragraphs: int = 120) -> str:
    """About 6,000 words: numbered paragraphs, a quote near the end, a last paragraph to look for."""
    parts = [
        f"Paragraph {n} follows the ferry crews through the season, from the first sailing at dawn to the "
        f"last one after midnight, with the tide tables pinned above the wheel and the harbour lights "
        f"counting the minutes between the piers on both sides of the water, crossing number {n}."
        for n in range(1, paragraphs + 1)
    ]
    parts[-10] = f'"{DEEP_QUOTE}," said the skipper, Maren Holt, as the engines went quiet.'
    parts.append("The end of the long read: the ferries run again at six tomorrow.")
    return "\n\n".join(parts) + "\n"


LONG = long_markdown()


@pytest.fixture
def long_app(seeded_db: Database, db_path: Path) -> TuinewsApp:
    """The seed cache plus one long article, the newest of all (so the app opens on it)."""
    article = Article(
        title=LONG_TITLE,
        markdown=LONG,
        url="https://harbourledger.example/long-read/ferries",
        source_kind="markdown",
        dateline=Dateline(outlet="The Harbour Ledger", published="2026-11-24T06:00:00+00:00"),
        quotes=[quote(LONG, DEEP_QUOTE, "Maren Holt", "skipper", "direct")],
    )
    save_article(seeded_db, article, fallback_url="seed:long")
    seeded_db.close()
    return make_app(db_path, clock=lambda: FIXED_NOW)


def body(app: TuinewsApp) -> Markdown:
    return app.screen.query_one("#body", Markdown)


def block_texts(app: TuinewsApp) -> list[str]:
    """The text of the blocks on show (the reader keeps spare paragraph widgets hidden)."""
    return [b._content.plain for b in body(app).children if isinstance(b, MarkdownBlock) and b.display]


def test_the_rest_is_cut_into_growing_pieces_at_paragraph_breaks() -> None:
    first, rest = split_first_screen(LONG, 1500)
    assert first.endswith("\n\n") and LONG.startswith(first)
    pieces = split_pieces(rest, 2000)
    assert "".join(pieces) == rest
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])
    assert len(pieces) >= 3 and len(pieces[1]) > len(pieces[0])


async def test_a_long_article_shows_its_first_screen_then_the_rest_arrives(long_app: TuinewsApp) -> None:
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title == LONG_TITLE
        assert view.complete
        assert body(long_app).source == LONG
        texts = block_texts(long_app)
        assert texts[0].startswith("Paragraph 1 ") and texts[-1].startswith("The end of the long read")
        # Every paragraph once, in order: none lost or doubled where the text was cut into pieces.
        assert texts == [paragraph.strip() for paragraph in LONG.split("\n\n")]

        # Straight after show() returns only the first screen is mounted; it fills the viewport.
        await view.show(view.article)
        assert not view.complete
        first = block_texts(long_app)
        assert 0 < len(first) < len(texts)
        await pilot.pause()
        assert view.virtual_size.height > view.scrollable_content_region.height
        await settle(pilot)
        assert view.complete and block_texts(long_app) == texts


async def test_the_first_frame_of_an_article_is_its_top_after_one_read_to_the_end(
    long_app: TuinewsApp,
) -> None:
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        assert view.article is not None
        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert view.scroll_y > 0
        await view.show(view.article)
        assert view.scroll_y == 0  # before the first paint, not after it
        await pilot.pause()
        assert view.scroll_y == 0 and view.virtual_size.height > view.scrollable_content_region.height


async def test_the_previous_articles_text_is_gone_and_a_newer_article_wins(long_app: TuinewsApp) -> None:
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        long_article = view.article
        assert long_article is not None
        await pilot.press("j")  # the night market note
        await settle(pilot)
        assert all("ferry" not in text for text in block_texts(long_app))
        assert "night market" in " ".join(block_texts(long_app))
        night_market = view.article
        assert night_market is not None

        # The long article's first screen, and at once another article before its rest has arrived:
        # nothing of the long article's rest may land below the short one.
        await view.show(long_article)
        assert not view.complete
        await view.show(night_market)
        await settle(pilot)
        assert view.complete
        assert body(long_app).source.startswith("The night market returned")
        assert all("ferry" not in text for text in block_texts(long_app))

        await pilot.press("k")
        await settle(pilot)
        texts = block_texts(long_app)
        assert texts[-1].startswith("The end of the long read")
        assert all("night market" not in text for text in texts)


async def test_a_quote_in_the_rest_is_highlighted_even_when_chosen_early(long_app: TuinewsApp) -> None:
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        assert view.article is not None
        await view.show(view.article)
        assert not view.complete
        view.highlight_offset(LONG.index(DEEP_QUOTE))  # not mounted yet: highlighted once it is
        await settle(pilot)
        await pilot.pause()
        highlighted = list(body(long_app).query(".quote-highlight"))
        assert len(highlighted) == 1 and DEEP_QUOTE in (highlighted[0].source or "")
        assert view.scroll_y > 0 and highlighted[0].region.y >= view.region.y

        # Chosen from the quotes panel once everything is there: the same block.
        long_app.screen.query_one(QuotesPanel).focus()
        await pilot.press("enter")
        await settle(pilot)
        highlighted = list(body(long_app).query(".quote-highlight"))
        assert len(highlighted) == 1 and DEEP_QUOTE in (highlighted[0].source or "")


async def test_the_reading_position_in_a_long_article_is_restored(long_app: TuinewsApp) -> None:
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        view.scroll_to(y=view.max_scroll_y // 2, animate=False)
        await pilot.pause()
        half = view.position
        assert 0.4 < half < 0.6
        long_article = view.article
        assert long_article is not None
        await pilot.press("j")
        await settle(pilot)
        assert view.position == 0.0
        long_app.screen.query_one(ArticleList).move_cursor(row=0)
        await settle(pilot)
        await pilot.pause()
        assert view.article is not None and view.article.title == LONG_TITLE
        assert view.complete and abs(view.position - half) < 0.02

        # Left again before its rest has arrived (so before the position is restored): the position
        # remembered is still the saved one, not the top of the first screen.
        await view.show(long_article, position=half)
        assert not view.complete and view.position == half
        await settle(pilot)
        await pilot.pause()
        assert abs(view.position - half) < 0.02


async def test_other_views_of_a_long_text_arrive_whole_and_switch_back(long_app: TuinewsApp) -> None:
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        article = view.article
        assert article is not None
        page = LONG.replace("ferry", "boat").replace("The end of the long read", "Page footer")
        await view.show_other_text("page", page)
        assert view.showing == "page" and not view.complete
        await settle(pilot)
        assert body(long_app).source == page and block_texts(long_app)[-1].startswith("Page footer")
        await view.show(article)
        await settle(pilot)
        assert view.showing == "article" and body(long_app).source == LONG
        assert block_texts(long_app)[-1].startswith("The end of the long read")


def mixed_markdown() -> str:
    """Paragraphs with headings, a loose list, a table and a code fence with blank lines among them."""
    parts = []
    for n in range(1, 61):
        if n % 12 == 0:
            parts.append(f"## Section {n // 12}")
        if n == 20:
            parts.append("- first loose item\n\n- second loose item\n\n- third loose item")
        if n == 33:
            parts.append("```\nline one\n\nline three after a blank\n\nline five\n```")
        if n == 45:
            parts.append("| Pier | Crossings |\n| --- | --- |\n| North | 12 |\n| South | 9 |")
        parts.append(
            f"Mixed paragraph {n} with *emphasis*, **weight** and a [link](https://example.org/{n})."
        )
    return "\n\n".join(parts) + "\n"


def shape(blocks: list[MarkdownBlock]) -> list[tuple[str, str]]:
    """Each top-level block's kind and all of its text (its own and its inner blocks')."""
    return [
        (type(b).__name__, " ".join([b._content.plain, *(d._content.plain for d in b.query(MarkdownBlock))]))
        for b in blocks
    ]


async def test_mixed_blocks_come_out_as_markdown_draws_them_however_they_were_cut(
    long_app: TuinewsApp,
) -> None:
    mixed = mixed_markdown()
    async with long_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = long_app.screen.query_one(ArticleView)
        reference = Markdown(mixed)
        await long_app.screen.mount(reference)
        await settle(pilot)
        expected = shape([b for b in reference.children if isinstance(b, MarkdownBlock)])
        await reference.remove()
        assert len(expected) > 60
        # First screens cut inside the code fence, inside the loose list and between paragraphs; the
        # long article's paragraph widgets are reused each time.
        for size in (mixed.index("line one"), mixed.index("first loose item"), 1500):
            assert split_first_screen(mixed, size)[1]
            view.first_screen_chars = lambda size=size: size  # type: ignore[method-assign]
            await view.show_other_text("page", mixed)
            await settle(pilot)
            shown = [b for b in body(long_app).children if isinstance(b, MarkdownBlock) and b.display]
            assert shape(shown) == expected, size
            assert body(long_app).source == mixed
            await view.show(view.article)
            await settle(pilot)
            assert block_texts(long_app) == [paragraph.strip() for paragraph in LONG.split("\n\n")]
