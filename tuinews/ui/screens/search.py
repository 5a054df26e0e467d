"""Full-text search: type, see ranked results with highlighted snippets, open one in the reader."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tuinews.sanitize import clean_line
from tuinews.store.search import (
    MARK_CLOSE,
    MARK_OPEN,
    SearchError,
    SearchHit,
    add_snippets,
    search_articles,
)

RESULT_LIMIT = 50
FIRST_SNIPPETS = 10


@dataclass
class SearchChoice:
    """What the search screen returns: the article to open and the words to bring into view."""

    article_id: int
    query: str


def highlighted_snippet(snippet: str) -> Text:
    """A snippet with its FTS match markers turned into reverse-video highlights."""
    text = Text()
    for chunk in clean_line(snippet).split(MARK_CLOSE):
        before, sep, inside = chunk.partition(MARK_OPEN)
        text.append(before)
        if sep:
            text.append(inside, "bold reverse")
    return text


def result_prompt(hit: SearchHit) -> Text:
    """How one search result reads: title, source, then the snippet."""
    text = Text(clean_line(hit.title), "bold")
    if hit.outlet:
        text.append(f"  {clean_line(hit.outlet)}", "dim")
    text.append("\n")
    text.append_text(highlighted_snippet(hit.snippet))
    return text


class SearchScreen(ModalScreen[SearchChoice | None]):
    """A search box over ranked results; runs each query in a worker as you type."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="close-search"),
        Binding("down", "focus_results", "Results", show=False, id="search-results"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self.shown_query = ""
        """The query whose results are on screen."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.initial_query, placeholder="Search titles, text, bylines…", id="search-input")
            yield Static(id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        if self.initial_query:
            self.run_search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.hits:
            self.dismiss(SearchChoice(self.hits[0].id, event.value))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Query the FTS index off the UI thread; the newest query wins."""
        if not query.strip():
            self.app.call_from_thread(self._show, [], "", query)
            return
        db = self.app.reader.db()  # type: ignore[attr-defined]
        try:
            hits = search_articles(db, query, limit=RESULT_LIMIT, snippets=False)
        except SearchError:
            self.app.call_from_thread(self._show, [], "Type words to search for.", query)
            return
        # Snippets cost milliseconds each: the first screenful is painted with them, the rest follow.
        add_snippets(db, query, hits[:FIRST_SNIPPETS])
        status = f"{len(hits)}{'+' if len(hits) == RESULT_LIMIT else ''} results" if hits else "No matches."
        self.app.call_from_thread(self._show, hits, status, query)
        if len(hits) > FIRST_SNIPPETS and not get_current_worker().is_cancelled:
            add_snippets(db, query, hits[FIRST_SNIPPETS:])
            self.app.call_from_thread(self._show_more_snippets, hits)

    def _show(self, hits: list[SearchHit], status: str, query: str) -> None:
        if not self.is_attached:
            return
        self.hits = hits
        self.shown_query = query
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        options: list[Option | None] = []
        for index, hit in enumerate(hits):
            if options:
                options.append(None)
            options.append(Option(result_prompt(hit), id=str(index)))
        results.add_options(options)
        if hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(Text(status, "dim"))

    def _show_more_snippets(self, hits: list[SearchHit]) -> None:
        if not self.is_attached or hits is not self.hits:
            return  # a newer search replaced these results
        results = self.query_one("#search-results", OptionList)
        for index in range(FIRST_SNIPPETS, len(hits)):
            results.replace_option_prompt(str(index), result_prompt(hits[index]))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            query = self.query_one("#search-input", Input).value
            self.dismiss(SearchChoice(self.hits[int(event.option.id)].id, query))

    def action_focus_results(self) -> None:
        """Move from the search box to the results."""
        self.query_one("#search-results").focus()

    def action_close(self) -> None:
        """Close search without opening anything."""
        self.dismiss(None)
