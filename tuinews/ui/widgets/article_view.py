"""The reader: headline, dek and byline above the article's Markdown, drawn progressively.

Opening an article paints its first screen before the rest is parsed and mounted: the first piece is
sized to the reader's viewport, and once it is painted an async worker appends the rest in a few pieces,
yielding to the event loop between them, so the first screen never waits for a long article's tail and
keys are still handled while it arrives. A newer article (or view) stops the worker at the next piece.
"""

from __future__ import annotations

import asyncio
from collections import deque

from markdown_it import MarkdownIt
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static
from textual.widgets._markdown import MarkdownParagraph  # not re-exported by textual.widgets.markdown
from textual.widgets.markdown import MarkdownBlock

from tuinews.models import StoredArticle
from tuinews.sanitize import clean_text
from tuinews.ui.keymap import READER_BINDINGS
from tuinews.ui.text import safe

#: The least Markdown drawn before the first paint (a larger viewport draws more, see `first_screen_chars`).
FIRST_CHUNK_CHARS = 1200
#: After the first paint the rest arrives in pieces: the first of about this size (the next screens, so
#: paging down works at once), each next one four times the last. Few pieces, as a paint between two
#: lays out every block mounted so far; but not one, as a long tail would hold up keys and paints.
REST_PIECE_CHARS = 4000


def split_first_screen(markdown: str, size: int = FIRST_CHUNK_CHARS) -> tuple[str, str]:
    """Split Markdown at a paragraph break after about `size` characters (never inside a block)."""
    if len(markdown) <= size * 1.5:
        return markdown, ""
    cut = markdown.find("\n\n", size)
    if cut == -1:
        return markdown, ""
    return markdown[: cut + 2], markdown[cut + 2 :]


def split_pieces(markdown: str, size: int = REST_PIECE_CHARS) -> list[str]:
    """Markdown cut at paragraph breaks into pieces of about `size`, `4 * size`, `16 * size`… characters."""
    pieces = []
    while markdown:
        piece, markdown = split_first_screen(markdown, size)
        pieces.append(piece)
        size *= 4
    return pieces


class ArticleBody(Markdown):
    """The reader's Markdown: a new text reuses the paragraph widgets of the texts shown before.

    Mounting a widget per paragraph (and removing it, and collecting its garbage later) is most of what
    showing a long article costs; an existing paragraph widget given new text costs a small part of
    that. Paragraphs no longer needed stay mounted but hidden, kept for the next text; blocks of other
    kinds (headings, lists, tables) are mounted and removed as `Markdown` does.
    """

    #: Hidden paragraph widgets kept for the next text beyond this many are removed.
    MAX_SPARES = 400

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.blocks: list[MarkdownBlock] = []
        """The top-level blocks showing the current text, in order (hidden spares are not among them)."""
        self._spares: deque[MarkdownParagraph] = deque()
        """Hidden paragraph widgets, after every shown block in the DOM, taken in order for new ones."""

    def _parse(self, markdown: str, start_line: int = 0) -> list[MarkdownBlock]:
        """Blocks for `markdown` (which starts at line `start_line` of the text).

        Notes where the last top-level block starts: `extend` parses again from there. (`Markdown.update`
        instead keeps the line count, so after a text ending in a blank line `append` would write the
        next paragraph over the last one.)
        """
        parser = MarkdownIt("gfm-like") if self._parser_factory is None else self._parser_factory()
        tokens = parser.parse(markdown)
        last = next((t.map[0] for t in reversed(tokens) if t.map is not None and t.level == 0), 0)
        self._last_parsed_line = start_line + last
        blocks = list(self._parse_markdown(tokens))
        if start_line:
            for block in blocks:
                start, end = block.source_range
                block.source_range = (start + start_line, end + start_line)
        return blocks

    async def replace(self, markdown: str) -> None:
        """Show `markdown` in place of the current text (as `update` does, reusing paragraph widgets)."""
        async with self.lock:
            blocks = self._parse(markdown)
            old = [*self.blocks, *self._spares]
            self.blocks = []
            self._spares = deque(b for b in old if type(b) is MarkdownParagraph)
            self._markdown = markdown
            self._table_of_contents = None
            with self.app.batch_update():
                await self._place(blocks)
                for spare in self._spares:
                    self._hide(spare)
                drop = [b for b in old if type(b) is not MarkdownParagraph]
                while len(self._spares) > self.MAX_SPARES:
                    drop.append(self._spares.pop())
                if drop:
                    await self.remove_children(drop)

    async def extend(self, markdown: str) -> None:
        """Add `markdown` after the current text (as `append` does, reusing paragraph widgets).

        As in `append`, the text is parsed again from the start of the last block, which is shown anew,
        so a block cut in two (a loose list, a code fence with blank lines) comes out whole.
        """
        async with self.lock:
            self._markdown = self.source + markdown
            start_line = self._last_parsed_line
            blocks = self._parse("".join(self._markdown.splitlines(keepends=True)[start_line:]), start_line)
            with self.app.batch_update():
                if self.blocks and blocks:
                    last = self.blocks.pop()  # parsed again as blocks[0]
                    if type(last) is MarkdownParagraph and type(blocks[0]) is MarkdownParagraph:
                        self._reuse(last, blocks.pop(0))
                        self.blocks.append(last)
                    else:
                        await last.remove()
                await self._place(blocks)
            self._table_of_contents = None

    async def _place(self, blocks: list[MarkdownBlock]) -> None:
        """Show `blocks` after the shown ones: paragraphs in spare widgets while any are left."""
        pending: list[MarkdownBlock] = []
        for block in blocks:
            if type(block) is MarkdownParagraph and self._spares:
                if pending:
                    await self.mount_all(pending, before=self._spares[0])
                    pending = []
                spare = self._spares.popleft()
                self._reuse(spare, block)
                self.blocks.append(spare)
            else:
                pending.append(block)
                self.blocks.append(block)
        if pending:
            await self.mount_all(pending, before=self._spares[0] if self._spares else None)

    @staticmethod
    def _reuse(widget: MarkdownBlock, block: MarkdownBlock) -> None:
        """`widget` shows what the unmounted `block` was parsed to."""
        widget.set_content(block._content)
        widget._copy_context(block)
        widget._inline_token = block._inline_token
        widget.source_range = block.source_range
        widget.remove_class("quote-highlight")
        widget.display = True

    @staticmethod
    def _hide(widget: MarkdownBlock) -> None:
        widget.remove_class("quote-highlight")
        widget.display = False


class ArticleView(VerticalScroll):
    """Shows one article; scrolls with the keyboard; can bring a character offset into view."""

    BINDINGS = READER_BINDINGS

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: StoredArticle | None = None
        self.showing = "article"
        """Which text is shown: "article" (extracted), "feed" (the feed entry's) or "page" (as saved)."""
        self.complete = True
        """Whether the whole text is mounted (False while the rest of a long article arrives)."""
        self._generation = 0
        self._pending_offset: int | None = None
        self._pending_position: float | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="headline")
        # Links are opened by the screen through tuinews.links (checked), never directly.
        yield ArticleBody(id="body", open_links=False)

    async def show(
        self,
        article: StoredArticle | None,
        *,
        position: float | None = None,
        offset: int | None = None,
        note: str | None = None,
    ) -> None:
        """Display `article`, then scroll to `offset` (a character in its Markdown) or `position` (0..1);
        with no article, `note` (say, why the list is empty).

        Returns once the first screen is mounted; the rest of a long article follows in the background.
        """
        self.article = article
        self.showing = "article"
        head = self.query_one("#headline", Static)
        if article is None:
            head.update(Text(note or "No article selected.", "dim"))
            await self._draw("")
            return
        head.update(self._headline(article))
        await self._draw(clean_text(article.markdown), position=position, offset=offset)

    async def show_other_text(self, which: str, text: str) -> None:
        """Show the feed's text or the saved page's plain text in place of the extracted article."""
        if self.article is None:
            return
        self.showing = which
        head = self._headline(self.article)
        label = "The feed's own text" if which == "feed" else "The page as saved, all of its text"
        head.append(f"\n{label} · v for the next view", "reverse")
        self.query_one("#headline", Static).update(head)
        await self._draw(clean_text(text))

    def first_screen_chars(self) -> int:
        """How much Markdown surely fills the reader's viewport (a line holds at most its width)."""
        size = self.scrollable_content_region.size
        return max(FIRST_CHUNK_CHARS, size.width * size.height)

    async def _draw(self, markdown: str, *, position: float | None = None, offset: int | None = None) -> None:
        """Mount the first screen of `markdown` now and the rest in a worker once that is painted."""
        self._generation += 1
        generation = self._generation
        body = self.query_one("#body", ArticleBody)
        size = self.first_screen_chars()
        if offset is not None:
            size = max(size, offset + size)  # the quote or match is drawn with the first screen
        first, rest = split_first_screen(markdown, size)
        self._pending_offset = offset if rest else None
        self._pending_position = None if offset is not None else position or None
        self.complete = not rest
        self.scroll_home(animate=False, immediate=True)  # the first frame shows the top
        await body.replace(first)
        if offset is not None:
            self.highlight_offset(offset)
        if rest:
            self.run_worker(self._draw_rest(generation, rest), group="reader-rest", exit_on_error=False)
        else:
            self._land()

    async def _draw_rest(self, generation: int, rest: str) -> None:
        body = self.query_one("#body", ArticleBody)
        await self._next_paint()  # the first screen reaches the terminal before anything else is mounted
        for piece in split_pieces(rest):
            await asyncio.sleep(0)  # keys waiting are handled between pieces
            if generation != self._generation:
                return  # another article (or view) replaced this one
            await body.extend(piece)
        if generation == self._generation:
            self.complete = True
            self._land()

    def _next_paint(self) -> asyncio.Future[None]:
        """A future set once the screen has been painted (so what is mounted is on screen)."""
        painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def done() -> None:
            if not painted.done():
                painted.set_result(None)

        self.call_after_refresh(done)
        return painted

    def _land(self) -> None:
        """Once everything is mounted: the highlight asked for meanwhile, or the saved reading position."""
        offset, position = self._pending_offset, self._pending_position
        self._pending_offset = self._pending_position = None
        if offset is not None:
            self.highlight_offset(offset)
        elif position:
            self.call_after_refresh(lambda: self.scroll_to(y=position * self.max_scroll_y, animate=False))

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
        is the target (robust to lists and tables between paragraphs). While the rest of a long
        article is still arriving, a block not mounted yet is highlighted once it is.
        """
        body = self.query_one("#body", ArticleBody)
        for block in body.query(".quote-highlight"):
            block.remove_class("quote-highlight")
        line = body.source[:offset].count("\n")
        target = next((b for b in body.blocks if b.source_range[0] <= line < b.source_range[1]), None)
        if target is not None:
            self._pending_offset = None
            target.add_class("quote-highlight")
            self.call_after_refresh(self.scroll_to_widget, target, animate=False, top=True)
        elif not self.complete:
            self._pending_offset = offset
        return target

    @property
    def position(self) -> float:
        """How far down the reader is, from 0.0 (top) to 1.0 (bottom)."""
        if not self.complete and self._pending_position is not None:
            return self._pending_position  # not restored yet: still where the reader left it
        return self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0
