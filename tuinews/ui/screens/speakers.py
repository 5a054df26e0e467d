"""The speaker index: everyone quoted in the cache, most quoted first; choose one to list their articles."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuinews.store.quotes import Speaker, list_speakers
from tuinews.ui.text import safe
from tuinews.ui.widgets.lists import KeyedOptionList


def speaker_prompt(speaker: Speaker) -> Text:
    """One line of the index: the counts in a column of their own, then the name and role (the list's style
    keeps it to one line)."""
    quotes = f"{speaker.quotes:>4} {'quote ' if speaker.quotes == 1 else 'quotes'}"
    articles = f"{speaker.articles:>3} {'article ' if speaker.articles == 1 else 'articles'}"
    text = Text(f"{quotes} · {articles}  ", "dim")
    text.append_text(safe(speaker.name, "bold"))
    if speaker.role:
        text.append_text(safe(f", {speaker.role}", "italic"))
    return text


class SpeakerIndexScreen(ModalScreen[str | None]):
    """Returns the chosen speaker's name (the main screen filters the list by it)."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="close-speakers")]

    def __init__(self) -> None:
        super().__init__()
        self.speakers: list[Speaker] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-box"):
            yield Static(Text("Loading speakers…", "dim"), id="speakers-status")
            yield KeyedOptionList(id="speakers-list")

    def on_mount(self) -> None:
        self.query_one("#speakers-box").border_title = "Speakers"
        self.load_speakers()

    @work(thread=True, exclusive=True, group="speakers")
    def load_speakers(self) -> None:
        """Read the index off the UI thread."""
        speakers = list_speakers(self.app.reader.db())  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show, speakers)

    def _show(self, speakers: list[Speaker]) -> None:
        if not self.is_attached:
            return
        self.speakers = speakers
        listing = self.query_one("#speakers-list", OptionList)
        listing.add_options([Option(speaker_prompt(s), id=str(i)) for i, s in enumerate(speakers)])
        if speakers:
            listing.highlighted = 0
        listing.focus()
        status = (
            f"{len(speakers)} speakers · enter lists the articles quoting them"
            if speakers
            else "No quotes yet."
        )
        self.query_one("#speakers-status", Static).update(Text(status, "dim"))

    @on(OptionList.OptionSelected, "#speakers-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.speakers[int(event.option.id)].name)

    def action_close(self) -> None:
        """Close the index."""
        self.dismiss(None)
