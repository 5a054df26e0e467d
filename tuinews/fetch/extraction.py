"""The background step of a refresh: full bodies, quotes and datelines for queued articles.

Rows written by the fast path carry the feed's summary; here each gets its real body, built from the
feed's own content or extracted from the fetched page, and is saved with its quotes in one transaction.
A failure keeps the summary and records why, so a bad page never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

from tuinews.extract.document import ExtractError, extract_document
from tuinews.fetch.entries import article_from_entry_page
from tuinews.models import Article
from tuinews.store.articles import save_article
from tuinews.store.feeds import PendingArticle, clear_pending, list_pending, set_extract_error

#: Content types worth handing to the extractor.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


def _charset(content_type: str | None) -> str | None:
    if not content_type or "charset=" not in content_type:
        return None
    return content_type.split("charset=", 1)[1].split(";", 1)[0].strip().strip("\"'") or None


def _build(item: PendingArticle, now: datetime) -> Article:
    if item.raw is None:
        raise ExtractError("the page was not kept")
    if item.kind == "entry":
        return article_from_entry_page(item.raw, url=item.url, fetched_at=now)
    mime = (item.content_type or "").split(";", 1)[0].strip().lower()
    name = "page.txt" if mime == "text/plain" else ("page.md" if mime == "text/markdown" else None)
    return extract_document(
        item.raw,
        name=name,
        url=item.url,
        content_type=mime or None,
        charset=_charset(item.content_type),
        fetched_at=now,
    )


def extract_one(db: Database, item: PendingArticle, now: datetime | None = None) -> str | None:
    """Build and save one queued article; returns an error message, or None when it worked."""
    now = now or datetime.now(UTC)
    try:
        article = _build(item, now)
    except ExtractError as exc:
        set_extract_error(db, item.id, str(exc))
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a hostile page must not stop the refresh
        message = f"extraction failed ({type(exc).__name__})"
        set_extract_error(db, item.id, message)
        return message
    article.url = item.url  # the row keeps its identity even if the page names another canonical URL
    if not article.dateline.published:
        row = db.execute("SELECT published, published_raw FROM articles WHERE id = ?", [item.id]).fetchone()
        if row and row[0]:
            article.dateline.published, article.dateline.published_raw = row[0], row[1]
    with db.atomic():
        save_article(
            db,
            article,
            raw=item.raw,
            content_type=item.content_type,
            fallback_url=item.url,
            feed_id=item.feed_id,
        )
        clear_pending(db, item.id)
    return None


def extract_pending(
    db: Database, *, progress: Callable[[int, int], None] | None = None, batch: int = 100
) -> tuple[int, int]:
    """Work through the whole queue (feed entries, then fetched pages); returns (done, failed)."""
    total = int(db.execute("SELECT count(*) FROM articles WHERE pending IN ('entry', 'page')").fetchone()[0])
    done = failed = 0
    now = datetime.now(UTC)
    for kind in ("entry", "page"):
        after = 0
        while True:
            items = list_pending(db, kind, after=after, limit=batch)
            if not items:
                break
            for item in items:
                if extract_one(db, item, now) is not None:
                    failed += 1
                done += 1
                if progress is not None:
                    progress(done, total)
            after = items[-1].id
    return done, failed
