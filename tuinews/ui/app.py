"""The Textual app: thin. Screens do the wiring; `make_app` is shared by the CLI, tests and screenshots."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from tuinews.config import THEMES, Config
from tuinews.store.articles import has_articles
from tuinews.ui.data import CacheReader
from tuinews.ui.keymap import LIST_BINDINGS, READER_BINDINGS, binding_keys, check_keymap, key_label
from tuinews.ui.screens.main import MainScreen
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.quotes_panel import QuotesPanel

if TYPE_CHECKING:
    from tuinews.store.db import PlainDB


#: The themes by the names the README and the help give them (the config file takes Textual's names).
THEME_LABELS = {"textual-dark": "dark", "textual-light": "light"}


class TuinewsApp(App[None]):
    """Keyboard-driven reader over a tuinews cache."""

    CSS_PATH = "tuinews.tcss"
    TITLE = "tuinews"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Help: every key"),
        Binding(
            "T",
            "next_theme",
            "Theme",
            id="next-theme",
            show=False,
            tooltip="Next theme (dark, light, nord, gruvbox, solarized-light)",
        ),
    ]

    def __init__(
        self,
        db_path: Path,
        *,
        config: Config | None = None,
        clock: Callable[[], datetime] | None = None,
        db: PlainDB | None = None,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.config = config or Config()
        self.reader = CacheReader(db_path, db)
        self._clock = clock or (lambda: datetime.now(UTC))

    def notify(self, message: str, *, markup: bool = False, **options: Any) -> None:  # type: ignore[override]
        """Notifications carry titles, URLs and errors from the network: never parsed as markup."""
        super().notify(message, markup=markup, **options)

    def now(self) -> datetime:
        """The current time (fixed in snapshot tests so "3 hours ago" stays put)."""
        return self._clock()

    def on_mount(self) -> None:
        self.theme = self.config.theme
        if self.config.keys:
            self.set_keymap(self.config.keys)

    def on_ready(self) -> None:
        # The first screen is pushed once the app's startup (one batch update, whose frames are never shown)
        # is over, so the list is laid out and drawn once, in a frame that reaches the terminal.
        if not has_articles(self.reader.db()):
            from tuinews.ui.screens.welcome import WelcomeScreen  # only an empty cache needs it

            feeds = int(self.reader.db().execute("SELECT count(*) FROM feeds").fetchone()[0])
            self.push_screen(WelcomeScreen(str(self.db_path), feeds=feeds))
            self.call_after_refresh(gc.enable)  # held while the app started (`tuinews.cli.pause_gc`)
        else:
            self.push_screen(MainScreen())

    def open_reader(self, *, db_path: Path | None = None, refresh: bool = False) -> None:
        """Leave the welcome screen for the reader (on another cache, e.g. the demo, if given)."""
        if db_path is not None:
            self.reader = CacheReader(db_path)
            self.demo_path = db_path
        main = MainScreen()
        self.switch_screen(main)
        if refresh:
            self.call_after_refresh(main.action_refresh)

    def on_unmount(self) -> None:
        demo = getattr(self, "demo_path", None)
        if demo is not None:
            shutil.rmtree(demo.parent, ignore_errors=True)

    def action_help(self) -> None:
        """Show every key binding."""
        from tuinews.ui.screens.help import HelpScreen  # loads when first opened

        if isinstance(self.screen, HelpScreen):
            return
        bindings = [binding for binding, _ in screen_bindings(self.screen)] + list(self.BINDINGS)
        self.push_screen(HelpScreen(bindings, self.config.keys))  # type: ignore[arg-type]

    def action_next_theme(self) -> None:
        """Cycle through the light and dark themes."""
        index = THEMES.index(self.theme) if self.theme in THEMES else -1
        self.theme = THEMES[(index + 1) % len(THEMES)]
        self.notify(f"Theme: {THEME_LABELS.get(self.theme, self.theme)}", timeout=2)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every action of the screen: its name and key, and what it does."""
        yield from super().get_system_commands(screen)
        for binding, node in screen_bindings(screen):
            if binding.description:
                keys = key_label(binding_keys(binding, self.config.keys))
                yield SystemCommand(
                    f"{binding.description} ({keys})",
                    binding.tooltip or binding.description,
                    lambda action=binding.action, node=node: self.run_action(action, node),  # type: ignore[misc]
                )


def screen_bindings(screen: Screen) -> list[tuple[Binding, DOMNode]]:
    """The bindings a screen declares, then those its widgets declare with an id (the quotes panel's `f`),
    each with the node its action runs on."""
    found: list[tuple[Binding, DOMNode]] = [(b, screen) for b in screen.BINDINGS if isinstance(b, Binding)]
    for widget in screen.query("*"):
        found += [(b, widget) for b in type(widget).BINDINGS if isinstance(b, Binding) and b.id]
    return found


def keymap_places() -> list[tuple[str, list[BindingType]]]:
    """Where the reader's bindings live, by the name an error message gives the place."""
    return [
        ("the app", TuinewsApp.BINDINGS),
        ("the main screen", MainScreen.BINDINGS),
        ("the article list", ArticleList.BINDINGS),
        ("the reader", READER_BINDINGS),
        ("the quotes panel", [*LIST_BINDINGS, *QuotesPanel.BINDINGS]),
    ]


def make_app(
    db_path: Path,
    *,
    config: Config | None = None,
    clock: Callable[[], datetime] | None = None,
    db: PlainDB | None = None,
) -> TuinewsApp:
    """Build the app over the cache at `db_path` (which must already exist with its schema).

    `db` is a connection to it the calling thread opened already (`open_plain`), reused by the app's thread.
    """
    config = config or Config()
    check_keymap(
        config.keys,
        [(place, [b for b in group if isinstance(b, Binding)]) for place, group in keymap_places()],
    )
    return TuinewsApp(db_path, config=config, clock=clock, db=db)
