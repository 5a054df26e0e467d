"""Refreshing from the main screen: `r`, the configured schedule, and what the reader shows after.

Mixed into `MainScreen`. The refresh bar (and the whole fetch stack behind it) loads with the first
refresh; its messages are handled here by name.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual import work

from tuinews.models import Quote, StoredArticle
from tuinews.sanitize import clean_line
from tuinews.store.articles import get_article
from tuinews.store.quotes import get_quotes
from tuinews.ui.screens.reader_actions import ReaderActions
from tuinews.ui.widgets.quotes_panel import QuotesPanel

if TYPE_CHECKING:
    from tuinews.ui.widgets.refresh_bar import RefreshBar


class RefreshActions(ReaderActions):
    """Starting refreshes and following them: new rows listed in place, the open article rebuilt."""

    def reload(self, *, keep_place: bool = False) -> None:
        """Read the list again (the main screen implements it)."""
        raise NotImplementedError

    async def _show_article(self, *args: Any, **kwargs: Any) -> None:
        """Show an article in the reader and the panels (the main screen implements it)."""
        raise NotImplementedError

    async def _refresh_on_schedule(self) -> None:
        """`refresh_minutes` in the config: a refresh like `r`, skipped while one is running."""
        from tuinews.ui.widgets.refresh_bar import RefreshBar

        if not any(bar.running for bar in self.query(RefreshBar)):
            await self.action_refresh()

    async def action_refresh(self) -> None:
        """Refresh every feed in the background; new articles appear as they arrive."""
        from tuinews.ui.widgets.refresh_bar import RefreshBar

        bars = self.query(RefreshBar)
        # Mounted on first use: a reader who never refreshes never pays for the bar at start.
        bar = bars.first() if bars else RefreshBar(id="refresh-bar")
        if not bars:
            await self.mount(bar, before=self.query_one("#main"))
        if not bar.start(self.app.reader.path):  # type: ignore[attr-defined]
            self.notify("A refresh is already running", timeout=3)

    #: Seconds between two readings of the list while a refresh stores new articles.
    NEW_ARTICLES_EVERY = 0.25
    _new_articles_read_at = 0.0
    _new_articles_due = False

    # The refresh bar's messages, by handler name.
    def on_refresh_bar_new_articles(self, event: RefreshBar.NewArticles) -> None:
        """New rows listed as they arrive, the list read at most every `NEW_ARTICLES_EVERY` seconds: a large
        refresh stores a feed every few milliseconds, and reading and drawing the list for each one kept
        the UI thread busy for nothing (the end of the refresh reads it once more)."""
        if self._new_articles_due:
            return
        wait = self._new_articles_read_at + self.NEW_ARTICLES_EVERY - time.monotonic()
        if wait <= 0:
            self._list_new_articles()
        else:
            self._new_articles_due = True
            self.set_timer(wait, self._list_new_articles)  # type: ignore[attr-defined]

    def _list_new_articles(self) -> None:
        self._new_articles_due = False
        self._new_articles_read_at = time.monotonic()
        self.reload(keep_place=True)

    def on_refresh_bar_finished(self, event: RefreshBar.Finished) -> None:
        summary = event.summary
        if summary.error:
            self.notify(clean_line(summary.error), severity="warning", timeout=5)
            return
        if not summary.feeds:
            self.notify("No feeds yet: add one with `tuinews feed add URL`", timeout=5)
            return
        self.notify(
            clean_line(summary.line()), severity="warning" if summary.failed else "information", timeout=5
        )
        for outcome in [f for f in summary.feeds if f.error][:3]:
            self.notify(clean_line(f"{outcome.url}: {outcome.error}"), severity="error", timeout=8)
        self.reload(keep_place=True)
        view = self.reader_view()
        if view is not None and view.article is not None and view.showing == "article":
            self.reread_open_article(
                view.article.id, view.article.markdown, len(self.query_one(QuotesPanel).all_quotes)
            )

    @work(thread=True, group="article", exit_on_error=False)
    def reread_open_article(self, article_id: int, markdown: str, quotes_shown: int) -> None:
        """After a refresh: an article opened while it ran may have been stored before its body, quotes and
        dateline were built; if the stored one has changed, show it where the reader is."""
        article = get_article(self.db, article_id)
        if article is None:
            return
        quotes = get_quotes(self.db, article_id)
        if article.markdown != markdown or len(quotes) != quotes_shown:
            self.app.call_from_thread(self._show_rebuilt, article, quotes)  # type: ignore[arg-type]

    async def _show_rebuilt(self, article: StoredArticle, quotes: list[Quote]) -> None:
        view = self.reader_view()
        if view is None or view.article is None or view.article.id != article.id or view.showing != "article":
            return  # the reader has moved on meanwhile
        await self._show_article(article, quotes, view.position)
