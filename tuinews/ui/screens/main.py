"""The main screen: article list and reader on the left, dateline and quotes panels on the right."""

from __future__ import annotations

import gc
import sqlite3
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from tuinews.models import Quote, StoredArticle
from tuinews.sanitize import clean_line
from tuinews.store.articles import (
    ListFilter,
    count_with_unread,
    get_article,
    get_reading_position,
    list_articles,
    set_read,
    set_reading_position,
    set_starred,
)
from tuinews.store.quotes import get_quotes
from tuinews.ui.keymap import MAIN_BINDINGS
from tuinews.ui.screens.filters import FilterActions
from tuinews.ui.screens.reader_actions import ReaderActions
from tuinews.ui.screens.refresh_actions import RefreshActions
from tuinews.ui.widgets.article_list import PAGE_SIZE, ArticleList
from tuinews.ui.widgets.dateline_panel import DatelinePanel
from tuinews.ui.widgets.lists import KeyedScroll
from tuinews.ui.widgets.quotes_panel import QuotesPanel

if TYPE_CHECKING:
    from tuinews.ui.screens.search import SearchChoice

#: Seconds after mount by which the reader mounts even if the list has drawn no rows.
READER_AT_LATEST = 0.5
#: The least rows read at mount (a taller terminal reads as many rows as it has lines).
FIRST_PAGE_MIN = 40
#: The least terminal width with room for the feeds pane and the side column beside a readable list (the
#: pane's 30 columns and the side column's 34 or 42 in `tuinews.tcss`, and 48 for the list). Narrower, the
#: one asked for last is shown and the other folds away.
BOTH_PANES_WIDTH = 120


class MainScreen(FilterActions, RefreshActions, ReaderActions):
    """Wires the list, the reader and the panels together.

    Store access happens in workers, but for the list's first page at mount: one LIMIT query on an index
    (well under a millisecond at a million articles), read there so the first frame shows the list. The
    reader (`ArticleView`, which loads Textual's Markdown widget) mounts just after that frame is painted.
    """

    AUTO_FOCUS = "#articles"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]

    BINDINGS = MAIN_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.filter = ListFilter()
        self.date_range = 0
        """Index into DATE_RANGES."""
        self.undo_ids: list[int] = []
        self.feed_titles: dict[int, str] = {}
        self._reading: int | None = None
        self._list_generation = 0
        """Bumped by every reload: a page a worker read for an older list is dropped, not appended."""
        self._reader_mounted = False
        """The article the reader shows or is loading (a highlight of the same one loads nothing)."""

    def compose(self) -> ComposeResult:
        # The breakpoint class now, not on the first resize: the first frame is laid out as the final one.
        width = self.app.size.width
        self.add_class(next(name for edge, name in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= edge))
        yield Static(id="status")
        with Vertical(id="main"):
            yield ArticleList(id="articles")
        with Vertical(id="side"):
            # The dateline's box is as tall as its text up to a share of the column, and scrolls beyond.
            with KeyedScroll(id="dateline-box"):
                yield DatelinePanel(id="dateline")
            yield QuotesPanel(id="quotes")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#dateline-box").border_title = "Dateline"
        self.query_one("#quotes").border_title = "Quotes"
        articles = self.query_one(ArticleList)
        articles.border_title = "Articles"
        articles.fit_title_column(self._list_width())
        # Enough rows to fill the tallest list this terminal can show; the next page follows as the cursor moves.
        first_page = max(FIRST_PAGE_MIN, self.app.size.height)
        self._show_page(list_articles(self.db, filter=self.filter, limit=first_page), True, first_page)
        # The reader and the header counts wait until the list's rows are on screen (`RowsShown`), or a moment.
        self.set_timer(READER_AT_LATEST, self._mount_reader)
        minutes = self.app.config.refresh_minutes  # type: ignore[attr-defined]
        if minutes:
            self.set_interval(minutes * 60, self._refresh_on_schedule)

    def _list_width(self) -> int:
        """The list's width inside its border as the first layout will make it: the screen less the side
        column (from the styles already applied), so the first frame draws the title column at its width."""
        side = self.query_one("#side")
        width = self.app.size.width
        if side.styles.display != "none" and side.styles.width is not None and side.styles.width.is_cells:
            width -= int(side.styles.width.value)
        return width - self.query_one(ArticleList).styles.gutter.width

    @on(ArticleList.RowsShown)
    def _rows_shown(self) -> None:
        # The rows were drawn, maybe in a frame the app held back (startup is one batch update): wait for
        # the next refresh, which puts them on the terminal.
        self.call_after_refresh(self._mount_reader)

    async def _mount_reader(self) -> None:
        """After the list's first frame: the counts (in a worker), then the reader, showing the current article."""
        if self._reader_mounted:
            return
        self._reader_mounted = True
        gc.enable()  # held by the command line while the app started (`tuinews.cli.pause_gc`)
        self.load_counts()
        from tuinews.ui.widgets.article_view import ArticleView

        await self.query_one("#main").mount(ArticleView(id="reader"))
        current = self.query_one(ArticleList).current
        if current is not None:
            self.read_article(current.id)
        else:
            await self._show_article(None, [], None, None, self.empty_note())

    def read_article(self, article_id: int) -> None:
        """Load an article into the reader unless it is the one shown already."""
        if article_id != self._reading and self.reader_view() is not None:
            self._reading = article_id
            self.load_article(article_id)

    # -- loading (workers) -------------------------------------------------------------------------

    def reload(self, *, keep_place: bool = False) -> None:
        """Start the list again from the top under the current filter.

        With `keep_place` (a refresh stored new articles) the rows listed stay until the new list is read,
        which then takes their place with the cursor on the same article, and the reader is left alone.
        """
        articles = self.query_one(ArticleList)
        self._list_generation += 1
        if keep_place and articles.current is not None:
            current = articles.current
            self.load_list_keeping(
                self._list_generation, (current.sort_key, current.id), len(articles.articles)
            )
        else:
            self._reading = None  # another list: its first article is read again
            articles.reset()
            self.load_page(None, self._list_generation)
        feeds = self.feeds_pane()
        if feeds is not None and feeds.has_class("-open"):
            self.load_feeds()

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def load_page(self, after: tuple[str, int] | None, generation: int) -> None:
        """Fetch one page of the list (and the counts) off the UI thread, for list number `generation`."""
        page = list_articles(self.db, filter=self.filter, after=after, limit=PAGE_SIZE)
        self.app.call_from_thread(self._show_page, page, after is None, PAGE_SIZE, generation)
        if after is None:
            # Counting a big cache takes longer than a page: the list is painted first.
            self.app.call_from_thread(self._show_status, *self._counts())

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def load_list_keeping(self, generation: int, keep: tuple[str, int], loaded: int) -> None:
        """Read the list again from the top, page by page, at least `loaded` rows and down past `keep`
        (the `(sort_key, id)` of the article under the cursor), so the cursor can stay on it."""
        rows: list[StoredArticle] = []
        after: tuple[str, int] | None = None
        while True:
            page = list_articles(self.db, filter=self.filter, after=after, limit=PAGE_SIZE)
            rows.extend(page)
            exhausted = len(page) < PAGE_SIZE
            if exhausted or (len(rows) >= max(loaded, PAGE_SIZE) and (rows[-1].sort_key, rows[-1].id) < keep):
                break
            after = (rows[-1].sort_key, rows[-1].id)
        self.app.call_from_thread(self._show_list_keeping, rows, exhausted, generation)
        self.app.call_from_thread(self._show_status, *self._counts())

    def _show_list_keeping(self, rows: list[StoredArticle], exhausted: bool, generation: int) -> None:
        if not self.is_attached or generation != self._list_generation:
            return
        articles = self.query_one(ArticleList)
        if articles.replace(rows, exhausted=exhausted):
            current = articles.current  # the article read was deleted: read the one now under the cursor
            if current is not None:
                self.read_article(current.id)

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def load_counts(self) -> None:
        """The header's counts, off the UI thread (a count visits every matching row)."""
        self.app.call_from_thread(self._show_status, *self._counts())

    def _counts(self) -> tuple[int, int]:
        """(articles, unread) under the current filter (called on a worker thread)."""
        return count_with_unread(self.db, self.filter)

    def _show_page(
        self,
        page: list[StoredArticle],
        first: bool,
        page_size: int = PAGE_SIZE,
        generation: int | None = None,
    ) -> None:
        if not self.is_attached:
            return  # the screen closed while the worker ran
        if generation is not None and generation != self._list_generation:
            return  # read for a list that a reload has replaced since (a thread worker cannot be stopped)
        articles = self.query_one(ArticleList)
        articles.append_page(page, page_size)
        if first and page:
            articles.move_cursor(row=0)
            self.read_article(page[0].id)
        elif first and self.reader_view() is not None:
            self._reading = None
            self.call_later(self._show_article, None, [], None, None, self.empty_note())

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self, article_id: int, query: str | None = None) -> None:
        """Fetch an article with its quotes off the UI thread; `query` brings its first match into view."""
        self._remember_position()
        article = get_article(self.db, article_id)
        if article is None:
            return
        quotes = get_quotes(self.db, article_id)
        position = get_reading_position(self.db, article_id)
        if query:
            from tuinews.store.search import first_match  # accents and case folded, as the search itself

            offset = first_match(article.markdown, query)
        else:
            offset = None
        self.app.call_from_thread(self._show_article, article, quotes, position, offset)  # type: ignore[arg-type]
        if article.pending:
            # Stored moments ago by a refresh that is still building its body: shown as stored at once
            # (its summary), then whole once built here (the first build loads the extraction code).
            from tuinews.fetch.preview import built_if_pending

            built = built_if_pending(self.db, article)
            if built is not None:
                self.app.call_from_thread(self._show_rebuilt, *built)  # type: ignore[arg-type]

    def _remember_position(self) -> None:
        """Save how far down the current article the reader got (called on a worker thread)."""
        view = self.reader_view()
        if view is not None and view.article is not None and view.max_scroll_y:
            set_reading_position(self.db, view.article.id, view.position)

    async def _show_article(
        self,
        article: StoredArticle | None,
        quotes: list[Quote],
        position: float | None,
        offset: int | None = None,
        note: str | None = None,
    ) -> None:
        """Show `article` in the reader and the panels; with none, the reader says `note` (why the list is empty)."""
        view = self.reader_view()
        if not self.is_attached or view is None:
            return
        self.query_one(DatelinePanel).show(article, self.app.now())  # type: ignore[attr-defined]
        self.query_one(QuotesPanel).show(quotes)
        if article is not None:
            self.query_one(ArticleList).redraw_article(article)
        await view.show(article, position=position, offset=offset, note=note)

    @work(thread=True, group="flags", exit_on_error=False)
    def update_flags(self, article_id: int, *, read: bool | None = None, starred: bool | None = None) -> None:
        """Write a read or star flag, then redraw the row."""
        if read is not None:
            set_read(self.db, article_id, read)
        if starred is not None:
            set_starred(self.db, article_id, starred)
        article = get_article(self.db, article_id)
        if article is not None:
            self.app.call_from_thread(self._flags_written, article, *self._counts())

    def _flags_written(self, article: StoredArticle, total: int, unread: int) -> None:
        if not self.is_attached:
            return
        self._show_status(total, unread)
        self.query_one(ArticleList).redraw_article(article)
        view = self.reader_view()
        if view is not None and view.article is not None and view.article.id == article.id:
            view.article.read_at, view.article.starred = article.read_at, article.starred

    def open_article(self, article_id: int, query: str | None = None) -> None:
        """Show an article in the reader and mark it read."""
        self._reading = article_id
        self.load_article(article_id, query)
        self.update_flags(article_id, read=True)

    # -- events --------------------------------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.read_article(event.article_id)

    @on(ArticleList.Chosen)
    def _chosen(self, event: ArticleList.Chosen) -> None:
        self.open_article(event.article_id)
        self.focus_reader()

    @on(ArticleList.NeedMore)
    def _need_more(self, event: ArticleList.NeedMore) -> None:
        self.load_page(event.after, self._list_generation)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """A failing read or write (a damaged cache, a full disk) is reported, never a crash."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            hint = " (try `tuinews db check`)" if isinstance(error, sqlite3.DatabaseError) else ""
            self.notify(clean_line(f"{error}{hint}"), severity="error", timeout=10)

    @on(QuotesPanel.QuoteChosen)
    def _quote_chosen(self, event: QuotesPanel.QuoteChosen) -> None:
        view = self.reader_view()
        if view is not None:
            view.highlight_offset(event.quote.start)

    # -- actions -------------------------------------------------------------------------------

    def action_open_article(self) -> None:
        """Open the highlighted article in the reader and mark it read."""
        current = self.query_one(ArticleList).current
        if current is not None:
            self.open_article(current.id)
            self.focus_reader()

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
            self.notify("Marked read" if article.read_at else "Marked unread", timeout=2)

    def action_toggle_star(self) -> None:
        """Star or unstar the current article."""
        article = self._current()
        if article is not None:
            article.starred = not article.starred
            self.update_flags(article.id, starred=article.starred)
            self.notify("Starred" if article.starred else "Unstarred", timeout=2)

    def action_search(self) -> None:
        """Full-text search; the chosen result opens with the match in view."""
        from tuinews.ui.screens.search import SearchScreen  # secondary screens load when first opened

        self.app.push_screen(SearchScreen(), self._search_chosen)

    def _search_chosen(self, choice: SearchChoice | None) -> None:
        if choice is not None:
            self.open_article(choice.article_id, choice.query)
            # The list follows when the article is among the rows loaded, so n/p go on from it (the
            # reader is not loaded again: it is already the one being read).
            articles = self.query_one(ArticleList)
            row = next((i for i, a in enumerate(articles.articles) if a.id == choice.article_id), None)
            if row is not None:
                articles.move_cursor(row=row)
            self.focus_reader()

    def _toggle_panel(self, hidden_class: str) -> None:
        side = self.query_one("#side")
        folded = side.has_class("-folded")
        if self.has_class("-narrow"):
            # Narrow terminals hide the side column; a panel key brings it up with just that panel.
            showing = side.has_class("-show") and not side.has_class(hidden_class) and not folded
            side.set_class(not showing, "-show")
            side.remove_class("-hide-quotes", "-hide-dateline")
            if not showing:
                side.add_class("-hide-dateline" if hidden_class == "-hide-quotes" else "-hide-quotes")
        elif folded:
            side.remove_class(hidden_class)  # the column folded for the feeds pane comes back with this panel
        else:
            side.toggle_class(hidden_class)
        self.fit_panes(prefer="side" if self.side_wanted() else "feeds")

    def side_wanted(self) -> bool:
        """Whether the side column is asked for (shown, or folded away for the feeds pane)."""
        side = self.query_one("#side")
        if side.has_class("-hide-quotes") and side.has_class("-hide-dateline"):
            return False
        return side.has_class("-show") or not self.has_class("-narrow")

    def fit_panes(self, prefer: str | None = None) -> None:
        """Keep the list readable: on a terminal too narrow for the feeds pane and the side column side by
        side (`BOTH_PANES_WIDTH`), the one just asked for (`prefer`: "feeds" or "side") stays and the other
        folds away until it is asked for again, the other one closes, or the terminal grows."""
        side = self.query_one("#side")
        feeds = self.feeds_pane()
        crowded = feeds is not None and feeds.has_class("-open") and self.side_wanted()
        crowded = crowded and self.app.size.width < BOTH_PANES_WIDTH
        if prefer is None:  # a resize: what is folded stays folded, else the side column folds
            prefer = "side" if feeds is not None and feeds.has_class("-folded") else "feeds"
        fold = "side" if prefer == "feeds" else "feeds"
        side.set_class(crowded and fold == "side", "-folded")
        if feeds is not None:
            feeds.set_class(crowded and fold == "feeds", "-folded")
        folded = side if side.has_class("-folded") else feeds
        if (
            folded is not None
            and folded.has_class("-folded")
            and self.focused in folded.walk_children(with_self=True)
        ):
            self.query_one(ArticleList).focus()

    def on_resize(self) -> None:
        self.fit_panes()

    def action_toggle_quotes(self) -> None:
        """Show or hide the quotes panel."""
        self._toggle_panel("-hide-quotes")

    def action_toggle_dateline(self) -> None:
        """Show or hide the dateline panel."""
        self._toggle_panel("-hide-dateline")
