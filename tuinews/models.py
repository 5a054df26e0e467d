"""Plain dataclasses shared by every layer: extraction produces them, the store saves them, the UI shows them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]

#: The front matter keys of an article as Markdown, in order: `show` and `export` write them and
#: `import` reads them back (read_minutes and word_count are recomputed on import).
FRONT_MATTER_KEYS = (
    "title",
    "url",
    "dek",
    "byline",
    "outlet",
    "agency",
    "section",
    "place",
    "published",
    "updated",
    "read_minutes",
    "word_count",
    "language",
)

#: Where an article's body came from (kept so `reprocess` and the UI can tell).
SourceKind = Literal["html", "jsonld", "textdump", "markdown", "feed"]


@dataclass
class Quote:
    """One reporting event: who said what, and where it sits in the article's Markdown."""

    text: str
    speaker: str | None
    role: str | None = None
    kind: QuoteKind = "direct"
    paragraph: int = 0
    """Index of the paragraph (blank-line separated block of the Markdown body) the quote starts in."""
    start: int = 0
    """Character offset of the quote's first character in the Markdown body."""
    end: int = 0
    """Character offset just past the quote's last character in the Markdown body."""
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape of a quote (keys fixed by the foundation issue, plus extras)."""
        return {
            "text": self.text,
            "speaker": self.speaker,
            "role": self.role,
            "kind": self.kind,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Dateline:
    """Where, when and by whom: the dateline panel shows exactly these fields."""

    place: str | None = None
    agency: str | None = None
    outlet: str | None = None
    section: str | None = None
    byline: list[str] = field(default_factory=list)
    published: str | None = None
    """ISO 8601 with the source's UTC offset, only when the page gives date, time and zone."""
    updated: str | None = None
    published_raw: str | None = None
    """The timestamp text as the page printed it (kept even when it could not be resolved)."""
    updated_raw: str | None = None
    read_minutes: int | None = None
    word_count: int = 0
    language: str | None = None
    published_day: str | None = None
    """The publication day, YYYY-MM-DD, as the calendar day of the source itself (its own offset, or
    the outlet's zone when the page only gives UTC): the day of `published` when that is set, else the
    day a page states without a full timestamp (a date-only or zone-less structured value, a visible
    dateline such as `November 19, 2019, 9:02 AM`). Only a complete day counts (year, month and day);
    None when the page gives none. Never a fetch or modification day."""

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape of a dateline."""
        return {
            "place": self.place,
            "agency": self.agency,
            "outlet": self.outlet,
            "section": self.section,
            "byline": list(self.byline),
            "published": self.published,
            "updated": self.updated,
            "read_minutes": self.read_minutes,
            "word_count": self.word_count,
            "language": self.language,
            "published_day": self.published_day,
        }


@dataclass
class PageMeta:
    """Metadata a page states about itself (structured data, meta tags, page furniture)."""

    title: str | None = None
    dek: str | None = None
    url: str | None = None
    byline: list[str] = field(default_factory=list)
    outlet: str | None = None
    section: str | None = None
    published: str | None = None
    """Timestamp string from structured data (usually ISO 8601), not yet normalised."""
    updated: str | None = None
    language: str | None = None
    agency: str | None = None
    """A wire credit stated in metadata (e.g. a JSON-LD author that is an agency)."""


@dataclass
class Article:
    """An extracted article: what `tuinews extract --json` prints and what the store keeps."""

    title: str
    markdown: str
    dek: str | None = None
    url: str | None = None
    dateline: Dateline = field(default_factory=Dateline)
    quotes: list[Quote] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    source_kind: SourceKind = "html"

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape of an article (keys other tools rely on)."""
        return {
            "title": self.title,
            "dek": self.dek,
            "url": self.url,
            "markdown": self.markdown,
            "dateline": self.dateline.to_json(),
            "quotes": [q.to_json() for q in self.quotes],
            "captions": list(self.captions),
            "source_kind": self.source_kind,
        }


@dataclass
class StoredArticle:
    """An article row as the store returns it (list views use the light fields only)."""

    id: int
    url: str
    title: str
    dek: str | None = None
    outlet: str | None = None
    agency: str | None = None
    byline: list[str] = field(default_factory=list)
    section: str | None = None
    place: str | None = None
    published: str | None = None
    updated: str | None = None
    published_utc: str | None = None
    published_day: str | None = None
    read_minutes: int | None = None
    word_count: int = 0
    language: str | None = None
    published_raw: str | None = None
    """The timestamp as the source printed it (zone name included); read with the body, not for lists."""
    updated_raw: str | None = None
    markdown: str = ""
    source_kind: str = "html"
    feed_id: int | None = None
    fetched_at: str | None = None
    read_at: str | None = None
    starred: bool = False
    sort_key: str = ""
    """The keyset paging key: published UTC (or import time) for newest-first ordering."""
    pending: str | None = None
    """What a refresh has still to do for it ("entry", "fetch", "page"; `store.feeds`), read with the body."""

    def dateline(self) -> Dateline:
        """Rebuild the Dateline this row was saved from."""
        return Dateline(
            place=self.place,
            agency=self.agency,
            outlet=self.outlet,
            section=self.section,
            byline=list(self.byline),
            published=self.published,
            updated=self.updated,
            read_minutes=self.read_minutes,
            published_day=self.published_day,
            word_count=self.word_count,
            language=self.language,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (for JSON output)."""
        return asdict(self)


@dataclass
class Feed:
    """A subscribed feed."""

    id: int
    url: str
    title: str | None = None
    site_url: str | None = None
    tags: list[str] = field(default_factory=list)
    last_checked: str | None = None
    last_status: int | None = None
    last_error: str | None = None
