"""Reader actions of the main screen: other views of an article, links, the clipboard.

Mixed into `MainScreen`; links open only through `tuinews.links` (checked, argv only, no shell).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import work

from tuinews.models import StoredArticle
from tuinews.sanitize import clean_line
from tuinews.store.articles import get_feed_text, get_raw_page
from tuinews.ui.screens.base import CacheScreen

if TYPE_CHECKING:
    from textual.widgets import Markdown

    from tuinews.ui.widgets.article_view import ArticleView


class ReaderActions(CacheScreen):
    """The reader's views and links."""

    def load_article(self, *args: Any, **kwargs: Any) -> Any:
        """Show the extracted article (the main screen implements it as a worker)."""
        raise NotImplementedError

    def reader_view(self) -> ArticleView | None:
        """The reader (`#reader`), None until it is mounted just after the list's first frame."""
        found = self.query("#reader")
        return cast("ArticleView", found.first()) if found else None

    def focus_reader(self) -> None:
        """Move the focus to the reader."""
        view = self.reader_view()
        if view is not None:
            view.focus()

    def _current(self) -> StoredArticle | None:
        view = self.reader_view()
        return view.article if view is not None else None

    def action_toggle_page_text(self) -> None:
        """Cycle the reader through the extracted article, the feed's own text and the saved page."""
        view = self.reader_view()
        if view is not None and view.article is not None:
            self.load_other_text(view.article.id, view.showing)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_other_text(self, article_id: int, showing: str) -> None:
        """The next view after `showing` that this article has, made off the UI thread."""
        views = ["article", "feed", "page"]
        for which in views[views.index(showing) + 1 :] + views[: views.index(showing)]:
            if which == "article":
                self.load_article(article_id)
                return
            if which == "feed" and (text := get_feed_text(self.db, article_id)):
                self.app.call_from_thread(self._show_other_text, "feed", text)  # type: ignore[arg-type]
                return
            if which == "page" and (raw := get_raw_page(self.db, article_id)) is not None:
                from tuinews.extract.plaintext import raw_page_text  # the extraction stack loads here, once

                text = raw_page_text(raw)
                self.app.call_from_thread(self._show_other_text, "page", text)  # type: ignore[arg-type]
                return
        self.app.call_from_thread(self.notify, "This article has no other text to show", timeout=3)

    async def _show_other_text(self, which: str, text: str) -> None:
        view = self.reader_view()
        if view is not None:
            await view.show_other_text(which, text)

    # By handler name, so this module does not load the Markdown widget before the reader mounts.
    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """Links in an article open only through the checked opener (http/https, argv, no shell)."""
        event.prevent_default()
        self._open(event.href)

    def _open(self, url: str | None) -> None:
        from tuinews.links import LinkError, open_link  # loads the URL rules only when a link is opened

        try:
            shown = open_link(url)
        except LinkError as exc:
            self.notify(clean_line(str(exc)), severity="warning", timeout=4)
            return
        self.notify(f"Opened {clean_line(shown)}", timeout=3)

    def action_open_in_browser(self) -> None:
        """Open the article's web page in the browser (checked; argv only, no shell involved)."""
        article = self._current()
        if article is not None:
            self._open(article.url)

    def action_copy_link(self) -> None:
        """Copy the article's address to the clipboard (OSC 52, which works over SSH)."""
        from tuinews.links import LinkError, link_target

        article = self._current()
        if article is None:
            return
        try:
            url = link_target(article.url)
        except LinkError as exc:
            self.notify(clean_line(str(exc)), severity="warning", timeout=4)
            return
        self.app.copy_to_clipboard(url)
        self.notify(f"Copied {url}", timeout=3)
