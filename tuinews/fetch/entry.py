"""What a parsed feed is made of: plain dataclasses, filled by `feeds.py` and `jsonfeed.py`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FeedEntry:
    """One item of a feed, links made absolute (xml:base and the feed URL applied)."""

    title: str
    link: str | None = None
    guid: str | None = None
    summary: str | None = None
    """HTML (or escaped text) of the entry's summary/description."""
    content: str | None = None
    """HTML of the full content (content:encoded, Atom content, JSON Feed content_html), if any."""
    published: str | None = None
    """ISO 8601 with offset, when the feed gives a date and time."""
    published_raw: str | None = None
    updated: str | None = None
    updated_raw: str | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str | None = None
    """A media:thumbnail / media:content / enclosure image URL."""
    base: str | None = None
    """The URL relative links inside `content`/`summary` resolve against."""

    @property
    def has_full_text(self) -> bool:
        """True when the feed carries the article itself, not just a teaser."""
        return bool(self.content and self.content.strip())


@dataclass
class ParsedFeed:
    """A feed's channel data and its entries (at most the entry cap)."""

    kind: str
    """"rss2.0", "rss1.0", "rss0.9x", "atom1.0", "atom0.3" or "json"."""
    title: str | None = None
    site_url: str | None = None
    description: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    dropped: int = 0
    """Entries past the cap that were not kept."""
