"""Panes the keyboard moves through the same way everywhere: j/k, g/G (and space/b where text scrolls),
as well as the arrows, page keys, home and end."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList

from tuinews.ui.keymap import LIST_BINDINGS, READER_BINDINGS


class KeyedOptionList(OptionList):
    """An `OptionList` that the vim keys move through too (the quotes panel, the speaker index)."""

    BINDINGS = LIST_BINDINGS


class KeyedScroll(VerticalScroll):
    """A scrolling box the reader's keys scroll too (the help, the dateline panel's box)."""

    BINDINGS = READER_BINDINGS
