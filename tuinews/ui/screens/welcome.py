"""The first-run screen: what to do when the cache is empty."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

WELCOME = """\
Your news cache is empty. To fill it, quit (q) and run one of:

  tuinews import PAGE.html NOTES.txt folder/   import saved pages, text dumps, Markdown
  tuinews --demo                                open the bundled sample articles

Everything you import is kept offline in {path}.
"""


class WelcomeScreen(Screen[None]):
    """Shown instead of an empty list."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="quit-welcome")]

    def __init__(self, db_path: str) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(Text("Welcome to tuinews", "bold"), id="welcome-title")
            yield Static(Text(WELCOME.format(path=self.db_path)))
        yield Footer(show_command_palette=False)
