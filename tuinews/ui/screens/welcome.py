"""The first-run screen: with an empty cache, offer to add a feed, import files, or open the demo."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tuinews.sanitize import clean_line

WELCOME = """\
Your news cache is empty. Fill it from here, or from the command line:
{refresh}
  a   add a feed: paste a feed's or a news site's address, then enter (fetched now)
  i   import saved pages, text dumps, Markdown or a folder: type a path, then enter
  d   open the bundled demo articles (nothing is added to your cache)
  q   quit

  tuinews feed import subscriptions.opml      tuinews import ~/Downloads/*.html

Everything is kept offline in {path}.
"""


class WelcomeScreen(Screen[None]):
    """Shown instead of an empty list; every choice has a key."""

    AUTO_FOCUS = None

    BINDINGS = [
        Binding("a", "ask('feed')", "Add feed", id="welcome-add-feed"),
        Binding("i", "ask('import')", "Import", id="welcome-import"),
        Binding("d", "open_demo", "Demo", id="welcome-demo"),
        Binding("r", "refresh", "Refresh feeds", id="welcome-refresh"),
        Binding("escape", "cancel", "Cancel", id="welcome-cancel", show=False),
        Binding("q", "app.quit", "Quit", id="quit-welcome"),
    ]

    def __init__(self, db_path: str, *, feeds: int = 0) -> None:
        super().__init__()
        self.db_path = db_path
        self.feeds = feeds
        """Feeds already subscribed (say, imported from OPML) whose articles were never fetched."""
        self.asking: str | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`r` is offered only when there are feeds to fetch."""
        return self.feeds > 0 if action == "refresh" else True

    def action_refresh(self) -> None:
        """Open the reader and fetch the subscribed feeds."""
        self.app.open_reader(refresh=True)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(Text("Welcome to tuinews", "bold"), id="welcome-title")
            refresh = ""
            if self.feeds:
                which = "the feed" if self.feeds == 1 else f"the {self.feeds} feeds"
                refresh = f"\n  r   fetch {which} you subscribed to\n"
            yield Static(Text(WELCOME.format(path=self.db_path, refresh=refresh)), id="welcome-text")
            yield Input(id="welcome-input", disabled=True)
            yield Static(id="welcome-status")
        yield Footer(show_command_palette=False)

    def action_ask(self, what: str) -> None:
        """Show the input for a feed address or a path."""
        self.asking = what
        box = self.query_one("#welcome-input", Input)
        box.placeholder = "https://example.com/feed.xml" if what == "feed" else "~/Downloads/article.html"
        box.value = ""
        box.disabled = False
        box.add_class("-asking")
        box.focus()

    def action_cancel(self) -> None:
        """Hide the input."""
        self.asking = None
        box = self.query_one("#welcome-input", Input)
        box.remove_class("-asking")
        box.disabled = True

    @on(Input.Submitted, "#welcome-input")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value or self.asking is None:
            return
        self._status("Working…")
        if self.asking == "feed":
            self.add_feed(value)
        else:
            self.import_files(value)

    def _status(self, message: str, style: str = "") -> None:
        self.query_one("#welcome-status", Static).update(Text(clean_line(message), style))

    @work(thread=True, exclusive=True, group="welcome")
    def add_feed(self, url: str) -> None:
        """Find and subscribe to the feed, then open the reader and refresh it."""
        from tuinews.fetch.pages import SubscribeError, find_feed_url
        from tuinews.store.feeds import add_feed

        try:
            feed_url, title = asyncio.run(find_feed_url(url))
        except SubscribeError as exc:
            self.app.call_from_thread(self._status, f"{url}: {exc}", "red")
            return
        add_feed(self.app.reader.database(), feed_url, title=title)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.app.open_reader, refresh=True)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="welcome")
    def import_files(self, path: str) -> None:
        """Import a file or folder, then open the reader."""
        from tuinews.ingest import import_paths  # the extraction stack loads only when needed

        outcomes = import_paths(self.app.reader.database(), [str(Path(path).expanduser())])  # type: ignore[attr-defined]
        imported = [o for o in outcomes if not o.error]
        if not imported:
            reason = outcomes[0].error if outcomes else "no HTML, text or Markdown files there"
            self.app.call_from_thread(self._status, f"{path}: {reason}", "red")
            return
        self.app.call_from_thread(self.app.open_reader)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="welcome")
    def action_open_demo(self) -> None:
        """Read a copy of the demo cache in a temporary folder (the user's cache stays empty)."""
        from tuinews.demo import copy_demo

        path = copy_demo(Path(tempfile.mkdtemp(prefix="tuinews-demo-")))
        self.app.call_from_thread(self.app.open_reader, db_path=path)  # type: ignore[attr-defined]
