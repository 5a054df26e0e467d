"""Lists the keyboard moves through the same way everywhere: j/k, g/G, and the arrows, home and end."""

from __future__ import annotations

from textual.widgets import OptionList

from tuinews.ui.keymap import LIST_BINDINGS


class KeyedOptionList(OptionList):
    """An `OptionList` that the vim keys move through too (the quotes panel, the speaker index)."""

    BINDINGS = LIST_BINDINGS
