"""The reader: headline, dek and byline above the article's Markdown."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from tuinews.models import StoredArticle
from tuinews.sanitize import clean_text
from tuinews.ui.text import safe


class ArticleView(VerticalScroll):
    """Shows one article; scrolls with the keyboard."""

    BINDINGS = [Binding("j", "scroll_down", "Down", show=False), Binding("k", "scroll_up", "Up", show=False), Binding("space", "page_down", "Page down", show=False),
                Binding("b", "page_up", "Page up", show=False), Binding("g", "scroll_home", "Top", show=False), Binding("G", "scroll_end", "Bottom", show=False)]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: StoredArticle | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="headline")
        yield Markdown(id="body")

    def show(self, article: StoredArticle | None) -> None:
        """Display `article` (or an empty reader)."""
        self.article = article
        head = self.query_one("#headline", Static)
        body = self.query_one("#body", Markdown)
        if article is None:
            head.update(Text("No article selected.", "dim"))
            body.update("")
            return
        text = Text()
        text.append_text(safe(article.title, "bold"))
        if article.dek:
            text.append("\n")
            text.append_text(safe(article.dek, "italic"))
        if article.byline:
            text.append("\n")
            text.append_text(safe("By " + ", ".join(article.byline), "dim"))
        head.update(text)
        body.update(clean_text(article.markdown))
        self.scroll_home(animate=False)
