"""The help screen: every binding of the app and the main screen, with its key."""

from __future__ import annotations

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
    ("f", "In the quotes panel: only this speaker's quotes / everyone's"),
]


def bindings_text(bindings: list[Binding]) -> Text:
    """Keys and what they do, in two aligned columns."""
    rows: list[tuple[str, str]] = list(MOVEMENT_KEYS)
    seen = set()
    for binding in bindings:
        if binding.id in seen or not binding.description:
            continue
        seen.add(binding.id)
        rows.append((binding.key_display or _key_name(binding.key), binding.description))
    width = max(len(key) for key, _ in rows) + 2
    text = Text()
    for key, description in rows:
        text.append(key.ljust(width), "bold")
        text.append(description + "\n")
    text.rstrip()
    return text


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "quotation_mark": '"', "escape": "esc"}
    return " / ".join(names.get(k, k) for k in key.split(","))


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
            yield Static(bindings_text(self.bindings), id="help-keys")

    def action_dismiss_help(self) -> None:
        """Close the help screen."""
        self.dismiss()
