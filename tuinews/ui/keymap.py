"""The reader's keys: the main screen's bindings, the keys widgets share, keys as people read them, and the
config's `[keys]` checked before the app starts (this module loads no widget)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType
from textual.keys import _character_to_key  # the key name Textual gives a typed character

from tuinews.config import ConfigError

#: Keys by the name a binding uses, as the help and the command palette show them.
KEY_LABELS = {
    "slash": "/",
    "question_mark": "?",
    "quotation_mark": '"',
    "escape": "esc",
    "apostrophe": "'",
    "full_stop": ".",
    "comma": ",",
    "minus": "-",
    "plus": "+",
}

#: The main screen's keys. description: the footer's short label; tooltip: what the key does (the help, the
#: command palette, hovering over the footer). The id is the name the config's [keys] and the README use.
MAIN_BINDINGS: list[BindingType] = [
    Binding(
        "enter",
        "open_article",
        "Open",
        id="open-article",
        show=False,
        tooltip="Open the highlighted article (marks it read)",
    ),
    Binding(
        "escape",
        "back_to_list",
        "Back to the list",
        id="back-to-list",
        show=False,
        tooltip="Back to the article list",
    ),
    Binding("n", "next_article", "Next", id="next-article", tooltip="Next article, from the reader too"),
    Binding("p", "previous_article", "Prev", id="previous-article", show=False, tooltip="Previous article"),
    Binding(
        "slash",
        "search",
        "Search",
        id="search",
        tooltip="Full-text search; the chosen result opens with the match in view",
    ),
    Binding(
        "r",
        "refresh",
        "Refresh",
        id="refresh",
        tooltip="Refresh every feed in the background (reading goes on)",
    ),
    Binding(
        "F",
        "toggle_feeds",
        "Feeds",
        id="toggle-feeds",
        show=False,
        tooltip="Show / hide the feeds pane (feeds, tags, outlets, agencies; enter filters the list)",
    ),
    Binding("m", "toggle_read", "Read/unread", id="toggle-read", show=False, tooltip="Mark read / unread"),
    Binding("s", "toggle_star", "Star", id="toggle-star", tooltip="Star / unstar"),
    Binding(
        "A",
        "mark_all_read",
        "All read",
        id="mark-all-read",
        show=False,
        tooltip="Mark everything in the list read (u undoes it)",
    ),
    Binding(
        "u",
        "undo_mark_all",
        "Undo all read",
        id="undo-mark-all-read",
        show=False,
        tooltip="Undo mark-all-read",
    ),
    Binding(
        "U",
        "toggle_unread_filter",
        "Unread only",
        id="filter-unread",
        show=False,
        tooltip="Show unread only / all",
    ),
    Binding(
        "S",
        "toggle_starred_filter",
        "Starred only",
        id="filter-starred",
        show=False,
        tooltip="Show starred only / all",
    ),
    Binding(
        "w",
        "filter_speaker",
        "Articles quoting speaker",
        id="filter-speaker",
        show=False,
        tooltip="List the articles quoting the highlighted quote's speaker",
    ),
    Binding(
        "i",
        "speaker_index",
        "Speakers",
        id="speaker-index",
        show=False,
        tooltip="Speaker index: everyone quoted, most quoted first",
    ),
    Binding(
        "D",
        "cycle_date_filter",
        "Date range",
        id="filter-date",
        show=False,
        tooltip="Date range: any, last 24 hours, last 7 days, last 30 days",
    ),
    Binding("c", "clear_filters", "Clear filters", id="clear-filters", show=False, tooltip="Clear filters"),
    Binding('"', "toggle_quotes", "Quotes", id="toggle-quotes", tooltip="Show / hide the quotes panel"),
    Binding(
        "d", "toggle_dateline", "Dateline", id="toggle-dateline", tooltip="Show / hide the dateline panel"
    ),
    Binding(
        "v",
        "toggle_page_text",
        "Other text",
        id="toggle-page-text",
        show=False,
        tooltip="Cycle the reader: extracted article, the feed's own text, the saved page's text",
    ),
    Binding(
        "o",
        "open_in_browser",
        "Browser",
        id="open-in-browser",
        show=False,
        tooltip="Open the article's web page in your browser",
    ),
    Binding(
        "y",
        "copy_link",
        "Copy link",
        id="copy-link",
        show=False,
        tooltip="Copy the article's link (OSC 52: works over SSH)",
    ),
]

#: The reader's keys, and any scrolling pane's (help). Here, not in `article_view`: reading them loads no Markdown widget.
READER_BINDINGS: list[BindingType] = [
    Binding("j", "scroll_down", "Down", show=False),
    Binding("k", "scroll_up", "Up", show=False),
    Binding("space", "page_down", "Page down", show=False),
    Binding("b", "page_up", "Page up", show=False),
    Binding("g", "scroll_home", "Top", show=False),
    Binding("G", "scroll_end", "Bottom", show=False),
]

#: The vim keys of every list (the arrows, home and end work as well).
LIST_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "Top", show=False),
    Binding("G", "last", "Bottom", show=False),
]


def key_name(key: str) -> str:
    """One key as bindings name it: '?' -> 'question_mark', 'Q' stays 'Q'."""
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def key_label(keys: str) -> str:
    """Keys for people: 'slash' -> '/', 'escape,q' -> 'esc / q'."""
    names = [key_name(k) for k in keys.split(",") if k.strip()]
    return " / ".join(KEY_LABELS.get(name, name) for name in names)


def binding_keys(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to once the config's keymap is applied."""
    return keymap.get(binding.id or "", binding.key)


def check_keymap(keymap: Mapping[str, str], places: Iterable[tuple[str, Iterable[Binding]]]) -> None:
    """Refuse, in one line, a keymap naming an unknown binding id or giving a key another action holds.

    `places` are where bindings live on the reader's screen (the app, the screen, its widgets), each
    with its name for the message. A key taken from another action would silently shadow it (a key
    of the screen wins over the app's: `toggle-quotes = "q"` would leave no way to quit).
    """
    bindings = [(place, binding) for place, group in places for binding in group]
    known = {binding.id for _, binding in bindings if binding.id}
    for binding_id in sorted(keymap):
        if binding_id not in known:
            raise ConfigError(f"unknown binding id {binding_id!r} in [keys] (see the README's key table)")
    holders: dict[str, list[tuple[str, Binding]]] = {}
    for place, binding in bindings:
        for key in binding_keys(binding, keymap).split(","):
            if key.strip():
                holders.setdefault(key_name(key), []).append((place, binding))
    for binding_id in sorted(keymap):
        for key in keymap[binding_id].split(","):
            if not key.strip():
                raise ConfigError(f'empty key in [keys] {binding_id} = "{keymap[binding_id]}"')
            for place, other in holders[key_name(key)]:
                if other.id != binding_id:
                    holder = (
                        f"{other.id} ({other.description})" if other.id else f"{other.description} in {place}"
                    )
                    raise ConfigError(
                        f'[keys] {binding_id} = "{keymap[binding_id]}": {key_label(key)} is already bound '
                        f"to {holder}; choose another key"
                    )
