"""The help screen: every binding of the app and the main screen, with its key."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys handled by widgets themselves, listed so the help is complete.
MOVEMENT_KEYS = [
    ("j / ↓, k / ↑", "Move down / up in the focused pane"),
    ("g / G", "Top / bottom"),
    ("space / b", "Page down / up in the reader"),
    ("tab / shift+tab", "Move focus between panes"),
    ("ctrl+p", "Command palette: every action by name"),
]


def bindings_table(bindings: list[Binding]) -> Table:
    """A two-column table of keys and what they do."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, description in MOVEMENT_KEYS:
        table.add_row(keys, description)
    seen = set()
    for binding in bindings:
        if binding.id in seen or not binding.description:
            continue
        seen.add(binding.id)
        table.add_row(Text(binding.key_display or binding.key), Text(binding.description))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss_help", "Close", id="close-help"),
    ]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("tuinews keys", "bold"), id="help-title")
            yield Static(bindings_table(self.bindings))

    def action_dismiss_help(self) -> None:
        """Close the help screen."""
        self.dismiss()
