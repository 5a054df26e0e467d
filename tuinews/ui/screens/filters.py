"""The article list's filters and list-wide actions (a part of the main screen).

Unread, starred, speaker, date range, feed, tag and outlet filters; mark all read with undo; the
feeds pane. Mixed into `MainScreen`, which owns `filter`, `reload()` and the widgets.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.widgets import Static

from tuinews.models import Feed
from tuinews.sanitize import clean_line
from tuinews.store.articles import ListFilter, count_articles, list_sources, mark_all_read, mark_unread
from tuinews.ui.screens.base import CacheScreen
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.quotes_panel import QuotesPanel

if TYPE_CHECKING:
    from tuinews.ui.widgets.feeds_panel import FeedsPanel

#: The date filter's steps: label and how far back (None: no limit).
DATE_RANGES: list[tuple[str, timedelta | None]] = [
    ("any date", None),
    ("last 24 hours", timedelta(days=1)),
    ("last 7 days", timedelta(days=7)),
    ("last 30 days", timedelta(days=30)),
]


class FilterActions(CacheScreen):
    """Filter actions of the main screen."""

    filter: ListFilter
    date_range: int
    undo_ids: list[int]
    feed_titles: dict[int, str]
    """Feed titles by id, from the feeds pane (the status line names the feed the list is filtered by)."""

    def _show_status(self, total: int, unread: int) -> None:
        """The status line: counts, then the filters in force."""
        if not self.is_attached:
            return
        parts = [f"{total:,} articles", f"{unread:,} unread"]
        if self.filter.unread:
            parts.append("unread only")
        if self.filter.starred:
            parts.append("starred only")
        if self.filter.speaker:
            parts.append(f"quoting {clean_line(self.filter.speaker)}")
        if self.filter.tag:
            parts.append(f"#{clean_line(self.filter.tag)}")
        if self.filter.feed_id is not None:
            parts.append(self._feed_title(self.filter.feed_id))
        if self.filter.outlet:
            parts.append(clean_line(self.filter.outlet))
        if self.date_range:
            parts.append(DATE_RANGES[self.date_range][0])
        # Filters carry speaker names, tags and titles from feeds: never parsed as markup.
        self.query_one("#status", Static).update(Text(" tuinews ── " + " · ".join(parts)))

    def _feed_title(self, feed_id: int) -> str:
        return clean_line(self.feed_titles.get(feed_id) or f"feed {feed_id}")

    def empty_note(self) -> str:
        """What the reader says when the list is empty: the filters that emptied it, and how to clear them."""
        kinds = [
            word for word, on in (("unread", self.filter.unread), ("starred", self.filter.starred)) if on
        ]
        where = []
        if self.filter.speaker:
            where.append(f"quoting {clean_line(self.filter.speaker)}")
        if self.filter.tag:
            where.append(f"tagged #{clean_line(self.filter.tag)}")
        if self.filter.feed_id is not None:
            where.append(f"from {self._feed_title(self.filter.feed_id)}")
        if self.filter.outlet:
            where.append(f"from {clean_line(self.filter.outlet)}")
        if self.date_range:
            where.append(f"in the {DATE_RANGES[self.date_range][0]}")
        if not kinds and not where:
            return "No articles yet · r fetches your feeds"
        return " ".join(["No", *kinds, "articles", *where]) + " · c clears the filters"

    def reload(self, *, keep_place: bool = False) -> None:
        """Start the list again (the main screen implements it)."""
        raise NotImplementedError

    @work(thread=True, group="flags", exit_on_error=False)
    def action_mark_all_read(self) -> None:
        """Mark everything in the current list read (undo with `u`)."""
        self.undo_ids = mark_all_read(self.db, self.filter)
        self.app.call_from_thread(self.notify, f"Marked {len(self.undo_ids)} read · u to undo", timeout=4)
        self.app.call_from_thread(self.reload)

    @work(thread=True, group="flags", exit_on_error=False)
    def action_undo_mark_all(self) -> None:
        """Undo the last mark-all-read."""
        if not self.undo_ids:
            self.app.call_from_thread(self.notify, "Nothing to undo", timeout=2)
            return
        mark_unread(self.db, self.undo_ids)
        count, self.undo_ids = len(self.undo_ids), []
        self.app.call_from_thread(self.notify, f"Marked {count} unread again", timeout=3)
        self.app.call_from_thread(self.reload)

    def action_toggle_unread_filter(self) -> None:
        """Show only unread articles, or all."""
        self.filter.unread = not self.filter.unread
        self.reload()

    def action_toggle_starred_filter(self) -> None:
        """Show only starred articles, or all."""
        self.filter.starred = not self.filter.starred
        self.reload()

    def action_filter_speaker(self) -> None:
        """List only the articles quoting the speaker of the highlighted quote."""
        quote = self.query_one(QuotesPanel).current
        if quote is None or not quote.speaker:
            self.notify("Choose a quote with a named speaker first", severity="warning", timeout=3)
            return
        self.set_speaker_filter(quote.speaker)

    def set_speaker_filter(self, speaker: str | None) -> None:
        """Filter the list by speaker (None clears it)."""
        self.filter.speaker = speaker
        self.reload()
        self.query_one(ArticleList).focus()

    def action_speaker_index(self) -> None:
        """Open the index of every speaker in the cache."""
        from tuinews.ui.screens.speakers import SpeakerIndexScreen  # loads when first opened

        self.app.push_screen(SpeakerIndexScreen(), self._speaker_chosen)

    def _speaker_chosen(self, speaker: str | None) -> None:
        if speaker:
            self.set_speaker_filter(speaker)

    def action_cycle_date_filter(self) -> None:
        """Step the date filter: any date, last 24 hours, last 7 days, last 30 days."""
        self.date_range = (self.date_range + 1) % len(DATE_RANGES)
        label, back = DATE_RANGES[self.date_range]
        now = self.app.now()  # type: ignore[attr-defined]
        self.filter.since = (now - back).strftime("%Y-%m-%dT%H:%M:%SZ") if back else None
        self.notify(f"Showing {label}", timeout=2)
        self.reload()

    def action_clear_filters(self) -> None:
        """Show every article again."""
        self.filter = ListFilter()
        self.date_range = 0
        self.reload()

    def fit_panes(self, prefer: str | None = None) -> None:
        """Fold the feeds pane or the side column when both would squeeze the list (the main screen)."""
        raise NotImplementedError

    def feeds_pane(self) -> FeedsPanel | None:
        """The feeds pane, None until it is first asked for."""
        panels = self.query("#feeds")
        return cast("FeedsPanel", panels.first()) if panels else None

    def action_toggle_feeds(self) -> None:
        """Show or hide the feeds pane (mounted the first time it is asked for)."""
        panel = self.feeds_pane()
        if panel is None:
            from tuinews.ui.widgets.feeds_panel import FeedsPanel  # loads with the pane

            panel = FeedsPanel(id="feeds", classes="-open")
            panel.border_title = "Feeds"
            self.mount(panel, before=self.query_one("#main"))
        elif panel.has_class("-folded"):
            panel.add_class("-open")  # folded away for the side column: F brings it back
        else:
            panel.toggle_class("-open")
        opened = panel.has_class("-open")
        self.fit_panes(prefer="feeds" if opened else "side")
        if opened:
            self.load_feeds()
            panel.focus()
        elif self.focused is panel:
            self.query_one(ArticleList).focus()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def load_feeds(self) -> None:
        """Feeds with their unread counts, for the feeds pane."""
        from tuinews.store.feeds import feed_article_counts, list_feeds  # loads with the pane

        feeds = list_feeds(self.database)
        unread = {feed_id: counts[1] for feed_id, counts in feed_article_counts(self.database).items()}
        total = count_articles(self.db, ListFilter(unread=True))
        sources = list_sources(self.db)
        self.app.call_from_thread(self._show_feeds, feeds, unread, total, sources)

    def _show_feeds(
        self, feeds: list[Feed], unread: dict[int, int], total: int, sources: list[tuple[str, int]]
    ) -> None:
        if self.is_attached:
            self.feed_titles = {feed.id: feed.title or feed.url for feed in feeds}
            cast("FeedsPanel", self.query_one("#feeds")).show(feeds, unread, total, sources)

    # By handler name: the pane's module loads when the pane is first shown.
    def on_feeds_panel_chosen(self, event: FeedsPanel.Chosen) -> None:
        choice = event.choice
        self.filter.feed_id, self.filter.tag, self.filter.outlet = choice.feed_id, choice.tag, choice.outlet
        self.reload()
        self.query_one(ArticleList).focus()
