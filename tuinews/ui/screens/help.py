"""The help screen: every binding of the app and the main screen, with its key."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from tuinews.ui.keymap import binding_keys, key_label
from tuinews.ui.widgets.lists import KeyedScroll

# Keys handled by widgets themselves, listed so the help is complete.
MOVEMENT_KEYS = [
    ("j / ↓, k / ↑", "Move down / up in the focused pane"),
    ("g / G", "Top / bottom of the focused pane"),
    ("space / b", "Page down / up in the reader"),
    ("tab / shift+tab", "Move between the list, the reader and the panels"),
    ("ctrl+p", "Command palette: every action by name"),
]


def help_rows(bindings: list[Binding], keymap: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) for the movement keys, then each binding once, with the keymap applied."""
    rows = list(MOVEMENT_KEYS)
    seen = set()
    for binding in bindings:
        if binding.id in seen or not binding.description:
            continue
        seen.add(binding.id)
        rows.append((key_label(binding_keys(binding, keymap or {})), binding.tooltip or binding.description))
    return rows


def bindings_table(rows: list[tuple[str, str]]) -> Table:
    """Keys and what they do in two columns; a long description wraps within its own column."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(overflow="fold")
    for key, description in rows:
        table.add_row(key, description)
    return table


class HelpBox(KeyedScroll):
    """The help's scrolling box: j/k, space/b and g/G scroll it, as in the reader."""


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss_help", "Close", id="close-help"),
    ]

    def __init__(self, bindings: list[Binding], keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.bindings = bindings
        self.rows = help_rows(bindings, keymap)
        """What the help lists: (keys, description)."""

    def compose(self) -> ComposeResult:
        with HelpBox(id="help-box"):
            title = Text("tuinews keys", "bold")
            title.append("  ·  esc, q or ? closes this help", "dim")
            yield Static(title, id="help-title")
            yield Static(bindings_table(self.rows), id="help-keys")

    def on_mount(self) -> None:
        box = self.query_one(HelpBox)
        box.border_title = "Help"
        box.border_subtitle = "esc closes"

    def action_dismiss_help(self) -> None:
        """Close the help screen."""
        self.dismiss()
