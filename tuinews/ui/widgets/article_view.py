"""The reader: headline, dek and byline above the article's Markdown, drawn progressively."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from tuinews.models import StoredArticle
from tuinews.sanitize import clean_text
from tuinews.ui.text import safe

#: The first screenful is parsed and drawn before the rest, so long reads open at once.
FIRST_CHUNK_CHARS = 2000


def split_first_screen(markdown: str, size: int = FIRST_CHUNK_CHARS) -> tuple[str, str]:
    """Split Markdown at a paragraph break after about `size` characters (never inside a block)."""
    if len(markdown) <= size * 1.5:
        return markdown, ""
    cut = markdown.find("\n\n", size)
    if cut == -1:
        return markdown, ""
    return markdown[: cut + 2], markdown[cut + 2 :]


class ArticleView(VerticalScroll):
    """Shows one article; scrolls with the keyboard; can bring a character offset into view."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: StoredArticle | None = None
        self.showing = "article"
        """Which text is shown: "article" (extracted), "feed" (the feed entry's) or "page" (as saved)."""

    def compose(self) -> ComposeResult:
        yield Static(id="headline")
        # Links are opened by the screen through tuinews.links (checked), never directly.
        yield Markdown(id="body", open_links=False)

    async def show(
        self, article: StoredArticle | None, *, position: float | None = None, offset: int | None = None
    ) -> None:
        """Display `article`, then scroll to `offset` (a character in its Markdown) or `position` (0..1)."""
        self.article = article
        self.showing = "article"
        head = self.query_one("#headline", Static)
        body = self.query_one("#body", Markdown)
        if article is None:
            head.update(Text("No article selected.", "dim"))
            await body.update("")
            return
        head.update(self._headline(article))
        first, rest = split_first_screen(clean_text(article.markdown))
        self.scroll_home(animate=False)
        await body.update(first)
        if rest:
            finishing = body.append(rest)
            if offset is None and not position:
                return  # the rest is drawn in the background while the reader starts reading
            await finishing
        if offset is not None:
            self.highlight_offset(offset)
        elif position:
            self.call_after_refresh(lambda: self.scroll_to(y=position * self.max_scroll_y, animate=False))

    async def show_other_text(self, which: str, text: str) -> None:
        """Show the feed's text or the saved page's plain text in place of the extracted article."""
        if self.article is None:
            return
        self.showing = which
        head = self._headline(self.article)
        label = "The feed's own text" if which == "feed" else "The page as saved, all of its text"
        head.append(f"\n{label} · v for the next view", "reverse")
        self.query_one("#headline", Static).update(head)
        self.scroll_home(animate=False)
        await self.query_one("#body", Markdown).update(clean_text(text))

    @staticmethod
    def _headline(article: StoredArticle) -> Text:
        text = Text()
        text.append_text(safe(article.title, "bold"))
        if article.dek:
            text.append("\n")
            text.append_text(safe(article.dek, "italic"))
        if article.byline:
            text.append("\n")
            text.append_text(safe("By " + ", ".join(article.byline), "dim"))
        return text

    def highlight_offset(self, offset: int) -> MarkdownBlock | None:
        """Highlight the block holding character `offset` of the Markdown and scroll it to the top.

        The offset becomes a line of the Markdown source, and the block whose source lines hold it
        is the target (robust to lists and tables between paragraphs).
        """
        body = self.query_one("#body", Markdown)
        for block in body.query(".quote-highlight"):
            block.remove_class("quote-highlight")
        line = body.source[:offset].count("\n")
        target = next(
            (
                b
                for b in body.children
                if isinstance(b, MarkdownBlock) and b.source_range[0] <= line < b.source_range[1]
            ),
            None,
        )
        if target is not None:
            target.add_class("quote-highlight")
            self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)
        return target

    @property
    def position(self) -> float:
        """How far down the reader is, from 0.0 (top) to 1.0 (bottom)."""
        return self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0
