"""The refresh bar: runs a feed refresh in a thread worker and shows its progress; reading goes on."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ProgressBar, Static

if TYPE_CHECKING:
    from tuinews.fetch.refresh import RefreshProgress, RefreshSummary

_PHASES = {
    "feeds": "Fetching feeds",
    "pages": "Fetching pages",
    "extract": "Reading articles",
    "done": "Done",
}


class RefreshBar(Horizontal):
    """Hidden until a refresh starts; posts `NewArticles` as they are stored and `Finished` at the end."""

    @dataclass
    class NewArticles(Message):
        """More articles have been committed (the list can show them)."""

        count: int

    @dataclass
    class Finished(Message):
        """The refresh ended (`summary.error` is set when it could not run at all)."""

        summary: RefreshSummary

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.running = False
        self._announced = 0

    def compose(self) -> ComposeResult:
        yield Static(id="refresh-label")
        yield ProgressBar(id="refresh-progress", show_eta=False)

    def start(self, db_path: Path) -> bool:
        """Begin a refresh unless one is running; returns whether it started."""
        if self.running:
            return False
        self.running = True
        self._announced = 0
        self.add_class("-running")
        self.query_one(Static).update(Text("Refreshing…"))
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.refresh_worker(db_path)
        return True

    @work(thread=True, exclusive=True, group="refresh")
    def refresh_worker(self, db_path: Path) -> None:
        """The network and the writes happen here, never on the UI thread."""
        # Imported here: the fetch and extraction stack is heavy and the app must start fast.
        from tuinews.fetch.refresh import RefreshOptions, RefreshSummary, refresh_feeds

        options = RefreshOptions(keep_days=self.app.config.keep_days)  # type: ignore[attr-defined]
        try:
            summary = asyncio.run(
                refresh_feeds(
                    db_path,
                    progress=lambda p: self.app.call_from_thread(self._progress, p),
                    options=options,
                )
            )
        except Exception as exc:  # noqa: BLE001 - a refresh must never take the app down
            summary = RefreshSummary(error=f"refresh failed: {exc}")
        self.app.call_from_thread(self._finished, summary)

    def _progress(self, progress: RefreshProgress) -> None:
        label = _PHASES.get(progress.phase, progress.phase)
        self.query_one(Static).update(Text(f"{label} {progress.done}/{progress.total} · {progress.new} new"))
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.done)
        if progress.new > self._announced:
            self._announced = progress.new
            self.post_message(self.NewArticles(progress.new))

    def _finished(self, summary: RefreshSummary) -> None:
        self.running = False
        self.remove_class("-running")
        self.post_message(self.Finished(summary))
