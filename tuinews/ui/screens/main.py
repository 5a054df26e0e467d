"""The main screen: article list and reader on the left, dateline and quotes panels on the right."""

from __future__ import annotations

import webbrowser

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from tuinews.models import Quote, StoredArticle
from tuinews.store.articles import (
    ListFilter,
    count_articles,
    get_article,
    list_articles,
    mark_all_read,
    mark_unread,
    set_read,
    set_starred,
)
from tuinews.store.quotes import get_quotes
from tuinews.ui.widgets.article_list import PAGE_SIZE, ArticleList
from tuinews.ui.widgets.article_view import ArticleView
from tuinews.ui.widgets.dateline_panel import DatelinePanel
from tuinews.ui.widgets.quotes_panel import QuotesPanel


class MainScreen(Screen[None]):
    """Wires the list, the reader and the panels together; all store access happens in workers."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = [
        Binding("enter", "open_article", "Open", id="open-article", show=False),
        Binding("escape", "back_to_list", "List", id="back-to-list", show=False),
        Binding("n", "next_article", "Next", id="next-article"),
        Binding("p", "previous_article", "Prev", id="previous-article"),
        Binding("m", "toggle_read", "Read/unread", id="toggle-read", show=False),
        Binding("s", "toggle_star", "Star", id="toggle-star"),
        Binding("A", "mark_all_read", "All read", id="mark-all-read", show=False),
        Binding("u", "undo_mark_all", "Undo all read", id="undo-mark-all-read", show=False),
        Binding("U", "toggle_unread_filter", "Unread only", id="filter-unread", show=False),
        Binding("S", "toggle_starred_filter", "Starred only", id="filter-starred", show=False),
        Binding('"', "toggle_quotes", "Quotes", id="toggle-quotes"),
        Binding("d", "toggle_dateline", "Dateline", id="toggle-dateline"),
        Binding("o", "open_in_browser", "Browser", id="open-in-browser", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = ListFilter()
        self.undo_ids: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Vertical(id="main"):
            yield ArticleList(id="articles")
            yield ArticleView(id="reader")
        with Vertical(id="side"):
            yield DatelinePanel(id="dateline")
            yield QuotesPanel(id="quotes")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#dateline").border_title = "Dateline"
        self.query_one("#quotes").border_title = "Quotes"
        self.query_one("#articles").border_title = "Articles"
        self.reload()

    # -- loading (workers) -------------------------------------------------------------------------

    def reload(self) -> None:
        """Start the list again from the top under the current filter."""
        self.query_one(ArticleList).reset()
        self.load_page(None)

    @work(thread=True, exclusive=True, group="list")
    def load_page(self, after: tuple[str, int] | None) -> None:
        """Fetch one page of the list (and the counts) off the UI thread."""
        db = self.app.reader.db()  # type: ignore[attr-defined]
        page = list_articles(db, filter=self.filter, after=after, limit=PAGE_SIZE)
        total = count_articles(db, self.filter)
        unread = count_articles(db, ListFilter(unread=True, starred=self.filter.starred,
                                               feed_id=self.filter.feed_id, speaker=self.filter.speaker))
        self.app.call_from_thread(self._show_page, page, after is None, total, unread)

    def _show_page(self, page: list[StoredArticle], first: bool, total: int, unread: int) -> None:
        if not self.is_attached:
            return  # the screen closed while the worker ran
        articles = self.query_one(ArticleList)
        articles.append_page(page)
        self._show_status(total, unread)
        if first and page:
            articles.move_cursor(row=0)
            self.load_article(page[0].id)
        elif first:
            self.query_one(ArticleView).show(None)
            self.query_one(DatelinePanel).show(None)
            self.query_one(QuotesPanel).show([])

    def _show_status(self, total: int, unread: int) -> None:
        parts = [f"{total:,} articles", f"{unread:,} unread"]
        if self.filter.unread:
            parts.append("filter: unread")
        if self.filter.starred:
            parts.append("filter: starred")
        self.query_one("#status", Static).update(" tuinews ── " + " · ".join(parts))

    @work(thread=True, exclusive=True, group="article")
    def load_article(self, article_id: int) -> None:
        """Fetch an article with its quotes off the UI thread."""
        db = self.app.reader.db()  # type: ignore[attr-defined]
        article = get_article(db, article_id)
        quotes = get_quotes(db, article_id)
        if article is not None:
            self.app.call_from_thread(self._show_article, article, quotes)

    def _show_article(self, article: StoredArticle, quotes: list[Quote]) -> None:
        if not self.is_attached:
            return
        self.query_one(ArticleView).show(article)
        self.query_one(DatelinePanel).show(article, self.app.now())  # type: ignore[attr-defined]
        self.query_one(QuotesPanel).show(quotes)
        self.query_one(ArticleList).redraw_article(article)

    @work(thread=True, group="flags")
    def update_flags(self, article_id: int, *, read: bool | None = None, starred: bool | None = None) -> None:
        """Write a read or star flag, then redraw the row."""
        db = self.app.reader.db()  # type: ignore[attr-defined]
        if read is not None:
            set_read(db, article_id, read)
        if starred is not None:
            set_starred(db, article_id, starred)
        article = get_article(db, article_id)
        if article is not None:
            self.app.call_from_thread(self._flags_written, article)

    def _flags_written(self, article: StoredArticle) -> None:
        if not self.is_attached:
            return
        self.query_one(ArticleList).redraw_article(article)
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.id == article.id:
            view.article.read_at, view.article.starred = article.read_at, article.starred

    def open_article(self, article_id: int) -> None:
        """Show an article in the reader and mark it read."""
        self.load_article(article_id)
        self.update_flags(article_id, read=True)

    # -- events --------------------------------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.load_article(event.article_id)

    @on(ArticleList.Chosen)
    def _chosen(self, event: ArticleList.Chosen) -> None:
        self.open_article(event.article_id)
        self.query_one(ArticleView).focus()

    @on(ArticleList.NeedMore)
    def _need_more(self, event: ArticleList.NeedMore) -> None:
        self.load_page(event.after)

    @on(QuotesPanel.QuoteChosen)
    def _quote_chosen(self, event: QuotesPanel.QuoteChosen) -> None:
        self.show_quote(event.quote)

    def show_quote(self, quote: Quote) -> None:
        """Scroll the reader to the block holding `quote` and highlight it.

        The quote's character offset is turned into a line of the Markdown source, and the block
        whose source lines hold it is the target (robust to lists and tables between paragraphs).
        """
        body = self.query_one("#body", Markdown)
        for block in body.query(".quote-highlight"):
            block.remove_class("quote-highlight")
        line = body.source[: quote.start].count("\n")
        target = next(
            (b for b in body.children if isinstance(b, MarkdownBlock) and b.source_range[0] <= line < b.source_range[1]),
            None,
        )
        if target is not None:
            target.add_class("quote-highlight")
            self.query_one(ArticleView).scroll_to_widget(target, animate=False, top=True)

    # -- actions -------------------------------------------------------------------------------

    def _current(self) -> StoredArticle | None:
        return self.query_one(ArticleView).article

    def action_open_article(self) -> None:
        """Open the highlighted article in the reader and mark it read."""
        current = self.query_one(ArticleList).current
        if current is not None:
            self.open_article(current.id)
            self.query_one(ArticleView).focus()

    def action_back_to_list(self) -> None:
        """Focus the article list."""
        self.query_one(ArticleList).focus()

    def _step(self, delta: int) -> None:
        articles = self.query_one(ArticleList)
        row = articles.cursor_row + delta
        if 0 <= row < len(articles.articles):
            articles.move_cursor(row=row)  # the highlight loads it into the reader
            self.update_flags(articles.articles[row].id, read=True)

    def action_next_article(self) -> None:
        """Read the next article without going back to the list."""
        self._step(1)

    def action_previous_article(self) -> None:
        """Read the previous article."""
        self._step(-1)

    def action_toggle_read(self) -> None:
        """Mark the current article read or unread."""
        article = self._current()
        if article is not None:
            article.read_at = None if article.read_at else "now"
            self.update_flags(article.id, read=article.read_at is not None)

    def action_toggle_star(self) -> None:
        """Star or unstar the current article."""
        article = self._current()
        if article is not None:
            article.starred = not article.starred
            self.update_flags(article.id, starred=article.starred)
            self.notify("Starred" if article.starred else "Unstarred", timeout=2)

    @work(thread=True, group="flags")
    def action_mark_all_read(self) -> None:
        """Mark everything in the current list read (undo with `u`)."""
        db = self.app.reader.db()  # type: ignore[attr-defined]
        self.undo_ids = mark_all_read(db, self.filter)
        self.app.call_from_thread(self.notify, f"Marked {len(self.undo_ids)} read · u to undo", timeout=4)
        self.app.call_from_thread(self.reload)

    @work(thread=True, group="flags")
    def action_undo_mark_all(self) -> None:
        """Undo the last mark-all-read."""
        if not self.undo_ids:
            self.app.call_from_thread(self.notify, "Nothing to undo", timeout=2)
            return
        db = self.app.reader.db()  # type: ignore[attr-defined]
        mark_unread(db, self.undo_ids)
        count, self.undo_ids = len(self.undo_ids), []
        self.app.call_from_thread(self.notify, f"Marked {count} unread again", timeout=3)
        self.app.call_from_thread(self.reload)

    def action_toggle_unread_filter(self) -> None:
        """Show only unread articles, or all."""
        self.filter.unread = not self.filter.unread
        self.reload()

    def action_toggle_starred_filter(self) -> None:
        """Show only starred articles, or all."""
        self.filter.starred = not self.filter.starred
        self.reload()

    def _toggle_panel(self, hidden_class: str) -> None:
        side = self.query_one("#side")
        if self.has_class("-narrow"):
            # Narrow terminals hide the side column; a panel key brings it up with just that panel.
            showing = side.has_class("-show") and not side.has_class(hidden_class)
            side.set_class(not showing, "-show")
            side.remove_class("-hide-quotes", "-hide-dateline")
            if not showing:
                side.add_class("-hide-dateline" if hidden_class == "-hide-quotes" else "-hide-quotes")
        else:
            side.toggle_class(hidden_class)

    def action_toggle_quotes(self) -> None:
        """Show or hide the quotes panel."""
        self._toggle_panel("-hide-quotes")

    def action_toggle_dateline(self) -> None:
        """Show or hide the dateline panel."""
        self._toggle_panel("-hide-dateline")

    def action_open_in_browser(self) -> None:
        """Open the article's web page in the browser (no shell is involved)."""
        article = self._current()
        if article is None or not article.url.startswith(("http://", "https://")):
            self.notify("This article has no web address", severity="warning", timeout=3)
            return
        webbrowser.open(article.url, new=2)
