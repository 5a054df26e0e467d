"""The quotes panel: each quote with its speaker, role and kind."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuinews.models import Quote
from tuinews.ui.text import safe
from tuinews.ui.widgets.lists import KeyedOptionList

_KIND_STYLE = {"direct": "", "partial": "", "indirect": "italic"}


def quote_prompt(quote: Quote) -> Text:
    """How one quote reads in the panel."""
    text = Text()
    text.append_text(safe(quote.speaker or "Unattributed", "bold"))
    if quote.role:
        text.append_text(safe(f", {quote.role}", "dim"))
    text.append(f" · {quote.kind}\n", "dim")
    body = safe(quote.text, _KIND_STYLE.get(quote.kind, ""))
    if quote.kind != "indirect":
        body = Text("“") + body + Text("”")
    text.append_text(body)
    return text


class QuotesPanel(KeyedOptionList):
    """A list of the article's quotes; choosing one asks the screen to show it in the reader."""

    BINDINGS = [
        Binding(
            "f",
            "only_speaker",
            "Only this speaker",
            id="quotes-one-speaker",
            tooltip="In the quotes panel: only this speaker's quotes / everyone's",
        ),
    ]

    @dataclass
    class QuoteChosen(Message):
        """The user chose a quote."""

        quote: Quote

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.quotes: list[Quote] = []
        self.all_quotes: list[Quote] = []
        self.speaker: str | None = None
        """When set, only this speaker's quotes are listed."""

    def show(self, quotes: list[Quote]) -> None:
        """Show an article's quotes (all speakers)."""
        self.all_quotes = quotes
        self.speaker = None
        self._fill(quotes)

    def action_only_speaker(self) -> None:
        """List only the highlighted quote's speaker, or everyone again; the highlighted quote stays so."""
        current = self.current
        if self.speaker is None and current is not None and current.speaker:
            self.speaker = current.speaker
            self._fill([q for q in self.all_quotes if q.speaker == self.speaker], keep=current)
        else:
            self.speaker = None
            self._fill(self.all_quotes, keep=current)

    def _fill(self, quotes: list[Quote], *, keep: Quote | None = None) -> None:
        """List `quotes`, highlighting `keep` when it is among them (else the first)."""
        self.quotes = quotes
        self.clear_options()
        options: list[Option | None] = []
        for index, quote in enumerate(quotes):
            if options:
                options.append(None)  # a separator line between quotes
            options.append(Option(quote_prompt(quote), id=str(index)))
        self.add_options(options)
        if quotes:
            index = next((i for i, quote in enumerate(quotes) if quote is keep), 0)
            self.highlighted = self.get_option_index(str(index))
        self.border_title = f"Quotes ({len(quotes)})" if self.speaker is None else f"Quotes by {self.speaker}"

    @property
    def current(self) -> Quote | None:
        """The highlighted quote."""
        option = self.highlighted_option
        return self.quotes[int(option.id)] if option is not None and option.id is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.QuoteChosen(self.quotes[int(event.option.id)]))
