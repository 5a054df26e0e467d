"""The article list: newest first, paged from the store as the cursor moves down."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from tuinews.models import StoredArticle
from tuinews.ui.text import safe, short_time

#: Rows fetched per page; another page is asked for when the cursor is this close to the end.
PAGE_SIZE = 100
PREFETCH_MARGIN = 20
#: The list's columns: key, heading, width (None: the title, which takes the width left).
COLUMNS: list[tuple[str, str, int | None]] = [
    ("mark", " ", 2),
    ("time", "Time", 6),
    ("title", "Title", None),
    ("source", "Source", 12),
    ("read", "Read", 4),
]
#: Where the title would be narrower than this, these columns give way, in this order.
TITLE_MIN = 24
OPTIONAL_COLUMNS = ("source", "read")


class ArticleList(DataTable[Text]):
    """Rows of articles; holds only the pages loaded so far."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "Top", show=False),
        Binding("G", "scroll_bottom", "Bottom", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto an article."""

        article_id: int

    @dataclass
    class Chosen(Message):
        """The user pressed enter on an article."""

        article_id: int

    @dataclass
    class NeedMore(Message):
        """The cursor is near the last loaded row: load the page after `after`."""

        after: tuple[str, int]

    class RowsShown(Message):
        """The first rows have been drawn (posted once): what waits for the list's first frame can run."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        self.articles: list[StoredArticle] = []
        self._ids: set[int] = set()
        self.exhausted = False
        self._asked_after: tuple[str, int] | None = None
        self._rows_shown = False

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        # Rows are drawn once the table has measured them (on idle), which sets its virtual height.
        if not self._rows_shown and self.articles and self.virtual_size.height > self.header_height:
            self._rows_shown = True
            self.post_message(self.RowsShown())
        return lines

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)
        if self.content_region.width:
            self.fit_title_column()

    def on_resize(self) -> None:
        self.fit_title_column()

    def fit_title_column(self, content_width: int | None = None) -> None:
        """Give the title whatever width the other columns leave; where that is less than `TITLE_MIN`, the
        Source column and then the Read column give way, so titles stay readable in a narrow list.

        `content_width` is the list's width inside its border when it is known before the first layout.
        """
        if content_width is None:
            content_width = self.content_region.width
        keys = [key for key, _, _ in COLUMNS]
        for dropped in OPTIONAL_COLUMNS:
            if self._room_for_title(content_width, keys) >= TITLE_MIN:
                break
            keys.remove(dropped)
        self._show_columns(keys)
        # Never wider than the list: a table wider than its widget would scroll sideways.
        width = max(1, self._room_for_title(content_width, keys))
        column = self.columns.get(ColumnKey("title"))
        if column is not None and column.width != width:
            column.auto_width = False
            column.width = width
            self._require_update_dimensions = True
            self.refresh(layout=True)

    def _room_for_title(self, content_width: int, keys: list[str]) -> int:
        """The title's width when the columns `keys` are shown in a list `content_width` wide."""
        fixed = sum(width or 0 for key, _, width in COLUMNS if key in keys)
        padding = 2 * self.cell_padding * len(keys)
        # Room for the vertical scrollbar is kept even before one appears, so the width never jumps.
        return content_width - fixed - padding - self.styles.scrollbar_size_vertical

    def _show_columns(self, keys: list[str]) -> None:
        """Show exactly the columns `keys` (the optional ones are removed and added back, in order)."""
        shown = [column.key.value for column in self.ordered_columns]
        if shown == keys:
            return
        for key in OPTIONAL_COLUMNS:
            if key in shown:
                self.remove_column(key)
        added = [key for key in OPTIONAL_COLUMNS[::-1] if key in keys]
        for key, label, width in COLUMNS:
            if key in added:
                self.add_column(label, key=key, width=width, default=Text(""))
        for article in self.articles:
            cells = self._cells(article)
            for key in added:
                self.update_cell(str(article.id), key, cells[key])

    def reset(self) -> None:
        """Forget every row (a new filter)."""
        self.clear()
        self.articles = []
        self._ids = set()
        self.exhausted = False
        self._asked_after = None

    def replace(self, rows: list[StoredArticle], *, exhausted: bool) -> bool:
        """Show `rows` instead of the rows listed (a refresh stored articles), keeping the place.

        The cursor stays on the article it was on, and the rows in view stay where they were on screen
        (at the top of the list the new rows come into view above the cursor instead). The article under
        the cursor stays listed even when it no longer matches the filter (read, under "unread only"):
        it is being read. Posts no `Highlighted`; returns whether the article under the cursor changed.
        """
        before = self.current
        old_row, old_scroll = self.cursor_row, round(self.scroll_y)
        rows = list(rows)
        if before is not None and all(a.id != before.id for a in rows):
            key = (before.sort_key, before.id)
            at = next((i for i, a in enumerate(rows) if (a.sort_key, a.id) < key), len(rows))
            if at < len(rows) or exhausted:  # within the rows read: keyset paging goes on after them
                rows.insert(at, before)
        with self.prevent(DataTable.RowHighlighted):
            self.reset()
            self.append_page(rows)  # an article twice in `rows` (moved while they were read) is listed once
            self.exhausted = exhausted
            ids = [a.id for a in self.articles]
            kept = before is not None and before.id in ids
            row = ids.index(before.id) if kept else min(old_row, len(ids) - 1)  # type: ignore[union-attr]
            self.move_cursor(row=max(row, 0), scroll=False)
        # Once the new rows are measured: the same rows in view (or the top kept in view), cursor visible.
        scroll = old_scroll + self.cursor_row - old_row if old_scroll else 0
        self.call_after_refresh(self._scroll_keeping_cursor, scroll)
        self._ask_for_more(self.cursor_row)
        after = self.current
        return (after.id if after else None) != (before.id if before else None)

    def _scroll_keeping_cursor(self, y: int) -> None:
        """Scroll to row `y`, or as near it as keeps the cursor row in view."""
        height = max(1, self.scrollable_content_region.height - self.header_height)
        y = min(max(y, self.cursor_row - height + 1), self.cursor_row)
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def append_page(self, page: list[StoredArticle], page_size: int = PAGE_SIZE) -> None:
        """Add one page of rows below the ones loaded.

        An article already in the list is not added again: while a refresh runs, the background step may
        move an article down the list (it learns when it was published), so the next page can hold one
        that an earlier page showed.
        """
        fresh = [a for a in page if a.id not in self._ids]
        for article in fresh:
            cells = self._cells(article)
            self.add_row(*[cells[column.key.value] for column in self.ordered_columns], key=str(article.id))
            self._ids.add(article.id)
        self.articles.extend(fresh)
        self.exhausted = len(page) < page_size

    def _cells(self, article: StoredArticle) -> dict[str | None, Text]:
        """The row's cells by column key."""
        # Unread and starred are two marks side by side: a starred article still shows it is unread.
        mark = Text("●" if article.read_at is None else " ", "bold")
        mark.append("★" if article.starred else " ", "bold yellow")
        source = article.agency or article.outlet or ""
        minutes = f"{article.read_minutes}m" if article.read_minutes else ""
        title = safe(article.title, "" if article.read_at is None else "dim")
        title.no_wrap, title.overflow = True, "ellipsis"
        source_text = safe(source)
        source_text.no_wrap, source_text.overflow = True, "ellipsis"  # "Clydeside H…", not "Clydeside He"
        return {
            "mark": mark,
            "time": Text(short_time(article.published or article.fetched_at)),
            "title": title,
            "source": source_text,
            "read": Text(minutes),
        }

    def redraw_article(self, article: StoredArticle) -> None:
        """Redraw one row after its flags changed."""
        for index, known in enumerate(self.articles):
            if known.id == article.id:
                self.articles[index] = article
                cells = self._cells(article)
                for column in self.ordered_columns:
                    self.update_cell(str(article.id), column.key, cells[column.key.value])
                return

    @property
    def current(self) -> StoredArticle | None:
        """The article under the cursor."""
        if not self.articles or self.cursor_row >= len(self.articles):
            return None
        return self.articles[self.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Highlighted(int(event.row_key.value)))
        self._ask_for_more(event.cursor_row)

    def _ask_for_more(self, row: int) -> None:
        """Ask for the next page when `row` is near the last row loaded (once per last row)."""
        if not self.exhausted and self.articles and row >= len(self.articles) - PREFETCH_MARGIN:
            last = self.articles[-1]
            after = (last.sort_key, last.id)
            if after != self._asked_after:
                self._asked_after = after
                self.post_message(self.NeedMore(after))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Chosen(int(event.row_key.value)))
