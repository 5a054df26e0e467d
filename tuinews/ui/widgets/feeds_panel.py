"""The feeds pane: all articles, tags, feeds, then outlets and agencies, each with its unread count.

Choosing a line filters the article list by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuinews.models import Feed
from tuinews.ui.text import safe
from tuinews.ui.widgets.lists import KeyedOptionList


@dataclass
class FeedChoice:
    """What the pane can filter by: everything (all None), one feed, one tag, or one outlet or agency."""

    feed_id: int | None = None
    tag: str | None = None
    outlet: str | None = None


def feed_prompt(label: Text, unread: int) -> Text:
    """A pane line: the label, then the unread count when there is one."""
    text = label.copy()
    if unread:
        text.append(f"  {unread:,}", "bold")
    return text


class FeedsPanel(KeyedOptionList):
    """Feeds, tags, outlets and agencies; posts `Chosen` with what to filter by."""

    @dataclass
    class Chosen(Message):
        """The user chose a feed, a tag, an outlet or agency, or everything."""

        choice: FeedChoice

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.choices: list[FeedChoice] = []

    def show(
        self,
        feeds: list[Feed],
        unread_by_feed: dict[int, int],
        unread_total: int,
        sources: list[tuple[str, int]] = (),  # type: ignore[assignment]
    ) -> None:
        """Fill the pane (keeps the highlighted line where it was)."""
        keep = self.highlighted
        self.clear_options()
        self.choices = [FeedChoice()]
        options: list[Option | None] = [Option(feed_prompt(Text("All articles"), unread_total), id="0")]
        tags = sorted({tag for feed in feeds for tag in feed.tags})
        if tags:
            options.append(None)
        for tag in tags:
            unread = sum(unread_by_feed.get(f.id, 0) for f in feeds if tag in f.tags)
            self.choices.append(FeedChoice(tag=tag))
            options.append(
                Option(feed_prompt(safe(f"#{tag}", "italic"), unread), id=str(len(self.choices) - 1))
            )
        if feeds:
            options.append(None)
        for feed in feeds:
            label = safe(feed.title or feed.url, "red" if feed.last_error else "")
            self.choices.append(FeedChoice(feed_id=feed.id))
            options.append(
                Option(feed_prompt(label, unread_by_feed.get(feed.id, 0)), id=str(len(self.choices) - 1))
            )
        if sources:
            options.append(None)
        for source, unread in sources:
            self.choices.append(FeedChoice(outlet=source))
            options.append(Option(feed_prompt(safe(source, "dim"), unread), id=str(len(self.choices) - 1)))
        self.add_options(options)
        self.highlighted = keep if keep is not None and keep < self.option_count else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.choices[int(event.option.id)]))
