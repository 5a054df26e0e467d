"""The Textual app: thin. Screens do the wiring; `make_app` is shared by the CLI, tests and screenshots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tuinews.store.articles import count_articles
from tuinews.ui.data import CacheReader
from tuinews.ui.screens.help import HelpScreen
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.screens.welcome import WelcomeScreen


class TuinewsApp(App[None]):
    """Keyboard-driven reader over a tuinews cache."""

    CSS_PATH = "tuinews.tcss"
    TITLE = "tuinews"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(self, db_path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.reader = CacheReader(db_path)
        self._clock = clock or (lambda: datetime.now(UTC))

    def now(self) -> datetime:
        """The current time (fixed in snapshot tests so "3 hours ago" stays put)."""
        return self._clock()

    def on_mount(self) -> None:
        empty = count_articles(self.reader.db()) == 0
        self.push_screen(WelcomeScreen(str(self.db_path)) if empty else MainScreen())

    def action_help(self) -> None:
        """Show every key binding."""
        if isinstance(self.screen, HelpScreen):
            return
        bindings = [b for b in self.screen.BINDINGS if isinstance(b, Binding)] + list(self.BINDINGS)  # type: ignore[arg-type]
        self.push_screen(HelpScreen(bindings))


def make_app(db_path: Path, *, clock: Callable[[], datetime] | None = None) -> TuinewsApp:
    """Build the app over the cache at `db_path` (which must already exist with its schema)."""
    return TuinewsApp(db_path, clock=clock)
