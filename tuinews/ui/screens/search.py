"""Full-text search: type, see ranked results with highlighted snippets, open one in the reader.

Each keypress starts a query at once (no debounce) in a thread worker; a newer keypress interrupts the
older query still running in SQLite and its results are never shown, so the newest query always wins.
The screenful of results that fits is painted first, with snippets; the rest of the results follow.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from tuinews.sanitize import clean_line
from tuinews.store.search import (
    MARK_CLOSE,
    MARK_OPEN,
    MIN_PREFIX,
    SearchError,
    SearchHit,
    add_snippets,
    search_articles,
)
from tuinews.ui.widgets.lists import KeyedOptionList

RESULT_LIMIT = 50
#: At least this many results are painted first (more when the list is taller), with their snippets.
FIRST_SNIPPETS = 10
#: Lines one result takes: title, snippet (which may wrap) and the separator.
RESULT_LINES = 3
_WORD = re.compile(r"\w+")


def result_count(count: int) -> str:
    """How many results, as shown: "1 result", "12 results", "50+ results" (at `RESULT_LIMIT`)."""
    return f"{count}{'+' if count == RESULT_LIMIT else ''} result{'' if count == 1 else 's'}"


def no_match(query: str) -> str:
    """What to say when nothing matched: a short last word is a whole word, not yet a prefix."""
    words = _WORD.findall(query)
    if words and len(words[-1]) < MIN_PREFIX:
        return f"No matches yet: the last word matches as a prefix from {MIN_PREFIX} letters on."
    return "No matches."


@dataclass
class SearchChoice:
    """What the search screen returns: the article to open and the words to bring into view."""

    article_id: int
    query: str
    """The words as the article spells them, when its text holds them (`nunez` typed, `Núñez` printed:
    the index matched accents and case aside, so the reader must look for the printed form), else typed."""

    @classmethod
    def of(cls, hit: SearchHit, query: str) -> SearchChoice:
        """The choice of `hit` for what was typed."""
        return cls(hit.id, " ".join(hit.spellings) if hit.spellings else query)


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


def result_options(hits: list[SearchHit], start: int = 0) -> list[Option | None]:
    """Options for `hits` (numbered from `start`), a separator before each but the very first."""
    options: list[Option | None] = []
    for index, hit in enumerate(hits, start):
        if index:
            options.append(None)
        options.append(Option(result_prompt(hit), id=str(index)))
    return options


def _interrupted(error: sqlite3.OperationalError) -> bool:
    return "interrupt" in str(error)


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
        self._generation = 0
        """Bumped on the UI thread for every query: only the newest one's results are shown."""
        self._queries: dict[int, sqlite3.Connection] = {}
        """The connections of queries still running in workers, by generation (to interrupt them)."""
        self._queries_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.initial_query, placeholder="Search titles, text, bylines…", id="search-input")
            yield Static(id="search-status")
            yield KeyedOptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        if self.initial_query:
            self.search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.hits:
            self.dismiss(SearchChoice.of(self.hits[0], event.value))

    def search(self, query: str) -> None:
        """Start `query` at once; any older query still running in SQLite is interrupted."""
        self._generation += 1
        with self._queries_lock:
            for conn in self._queries.values():
                conn.interrupt()
        first = max(FIRST_SNIPPETS, self.query_one("#search-results").size.height // RESULT_LINES + 1)
        self.run_search(query, self._generation, first)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, generation: int, first: int = FIRST_SNIPPETS) -> None:
        """Query the FTS index off the UI thread; the first `first` results are shown, then the rest."""
        if not query.strip():
            self.app.call_from_thread(self._show, [], "", query, generation)
            return
        db = self.app.reader.db()  # type: ignore[attr-defined]
        with self._queries_lock:
            if generation != self._generation:
                return  # a newer keypress came before this query started
            self._queries[generation] = db.conn
        try:
            try:
                hits = search_articles(db, query, limit=RESULT_LIMIT, snippets=False)
            except SearchError:
                self.app.call_from_thread(self._show, [], "Type words to search for.", query, generation)
                return
            # Snippets cost milliseconds each: the first screenful is painted with them, the rest follow.
            add_snippets(db, query, hits[:first])
            status = result_count(len(hits)) if hits else no_match(query)
            self.app.call_from_thread(self._show, hits, status, query, generation, first)
            if len(hits) > first and not get_current_worker().is_cancelled:
                add_snippets(db, query, hits[first:])
                self.app.call_from_thread(self._show_rest, hits, first)
        except sqlite3.OperationalError as error:
            if not _interrupted(error):
                raise
        finally:
            with self._queries_lock:
                self._queries.pop(generation, None)

    def _show(
        self, hits: list[SearchHit], status: str, query: str, generation: int, first: int = RESULT_LIMIT
    ) -> None:
        """Paint the results of query number `generation` (unless a newer one started since)."""
        if not self.is_attached or generation != self._generation:
            return
        self.hits = hits
        self.shown_query = query
        results = self.query_one("#search-results", OptionList)
        results.set_options(result_options(hits[:first]))
        if hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(Text(status, "dim"))

    def _show_rest(self, hits: list[SearchHit], start: int) -> None:
        """The results after the first screenful, with their snippets."""
        if not self.is_attached or hits is not self.hits:
            return  # a newer search replaced these results
        self.query_one("#search-results", OptionList).add_options(result_options(hits[start:], start))

    @on(Worker.StateChanged)
    def _search_failed(self, event: Worker.StateChanged) -> None:
        """A query that fails (a damaged cache) is reported in the status line, never a crash."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            status = self.query_one("#search-status", Static)
            status.update(Text(clean_line(f"Search failed: {event.worker.error}"), "dim"))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            query = self.query_one("#search-input", Input).value
            self.dismiss(SearchChoice.of(self.hits[int(event.option.id)], query))

    def action_focus_results(self) -> None:
        """Move from the search box to the results."""
        self.query_one("#search-results").focus()

    def action_close(self) -> None:
        """Close search without opening anything."""
        self.dismiss(None)
