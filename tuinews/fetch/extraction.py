"""The background step of a refresh: full bodies, quotes and datelines for queued articles.

Rows written by the fast path carry the feed's summary; here each gets its real body, built from the
feed's own content or extracted from the fetched page (or from the feed's entry after all, when that page
could not be fetched), and is saved with its quotes in one transaction. A failure keeps the summary and
records why, so a bad page never stops the others.

Building an article (Markdown, quotes, dateline) is pure CPU, a few milliseconds each, so a long queue
is built in worker processes (one per core), while this process keeps every database write: one short
transaction per article, in queue order, so a kill loses at most the article being saved.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from datetime import UTC, datetime

from sqlite_utils import Database

from tuinews.extract.document import ExtractError, extract_document
from tuinews.fetch.entry_article import article_from_entry_page
from tuinews.fetch.processes import cores, process_pool
from tuinews.models import Article
from tuinews.store.feeds import (
    PendingArticle,
    extracted_row,
    list_pending,
    save_extracted,
    set_extract_error,
)

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


#: Below this many queued articles the pool's start-up (about a second of imports) is not worth it.
POOL_MIN_ITEMS = 48


def build_article(item: PendingArticle, now: datetime) -> tuple[Article | None, str | None]:
    """The article for a queue item, or the one-line reason it could not be built (runs in a worker).

    A feed's article that names no outlet of its own (a page with no site name) has the feed's title.
    """
    try:
        article = _build(item, now)
        if not article.dateline.outlet and item.feed_title:
            article.dateline.outlet = item.feed_title
        return article, None
    except ExtractError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - a hostile page must not stop the refresh
        return None, f"extraction failed ({type(exc).__name__})"


def save_built(db: Database, item: PendingArticle, article: Article | None, error: str | None) -> str | None:
    """Store what `build_article` produced, in one transaction; returns the error, or None.

    An entry built from the feed because its page could not be fetched keeps that fetch error noted.
    """
    if article is None:
        message = error or "extraction failed"
        set_extract_error(db, item.id, item.error or message)
        return message
    article.url = item.url  # the row keeps its identity even if the page names another canonical URL
    if not article.dateline.published:
        row = db.execute("SELECT published, published_raw FROM articles WHERE id = ?", [item.id]).fetchone()
        if row and row[0]:
            article.dateline.published, article.dateline.published_raw = row[0], row[1]
    # The row is updated in place (the page row written when the entry or page arrived is already the
    # raw page); the columns are those `save_article` writes, without its generic lookups.
    save_extracted(db, item.id, extracted_row(article), error=item.error)
    return None


def extract_one(db: Database, item: PendingArticle, now: datetime | None = None) -> str | None:
    """Build and save one queued article; returns an error message, or None when it worked."""
    return save_built(db, item, *build_article(item, now or datetime.now(UTC)))


def _workers(requested: int | None) -> int:
    return max(1, requested) if requested is not None else cores()


def _pool(workers: int) -> ProcessPoolExecutor:
    return process_pool(workers)


def _queue(db: Database, batch: int) -> Iterator[PendingArticle]:
    for kind in ("entry", "page"):
        after = 0
        while items := list_pending(db, kind, after=after, limit=batch):
            yield from items
            after = items[-1].id


def _built(
    items: Iterator[PendingArticle], pool: Executor | None, now: datetime, window: int
) -> Iterator[tuple[PendingArticle, tuple[Article | None, str | None]]]:
    """Each item with its build result, in queue order; at most `window` items in flight.

    If the pool breaks (a worker killed, or a main module that cannot be imported twice), the items it
    held and the rest of the queue are built here instead.
    """
    flying: deque[tuple[PendingArticle, Future[tuple[Article | None, str | None]] | None]] = deque()
    for item in items:
        future = None
        if pool is not None:
            try:
                future = pool.submit(build_article, item, now)
            except Exception:  # noqa: BLE001 - a broken pool, or one that could not start: build here
                pool = None
        flying.append((item, future))
        while flying and (len(flying) >= window or flying[0][1] is None):
            done, pending = flying.popleft()
            yield done, _result(done, pending, now)
    while flying:
        done, pending = flying.popleft()
        yield done, _result(done, pending, now)


def _result(
    item: PendingArticle, future: Future[tuple[Article | None, str | None]] | None, now: datetime
) -> tuple[Article | None, str | None]:
    if future is not None:
        try:
            return future.result()
        except BrokenExecutor:
            pass
    return build_article(item, now)


def extract_pending(
    db: Database,
    *,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 100,
    workers: int | None = None,
) -> tuple[int, int]:
    """Work through the whole queue (feed entries, then fetched pages); returns (done, failed).

    With more than one worker and at least `POOL_MIN_ITEMS` queued, articles are built in a process
    pool; saving stays here, one transaction per article.
    """
    total = int(db.execute("SELECT count(*) FROM articles WHERE pending IN ('entry', 'page')").fetchone()[0])
    if total == 0:
        return 0, 0
    count = _workers(workers)
    pool = _pool(count) if count > 1 and total >= POOL_MIN_ITEMS else None
    done = failed = 0
    try:
        for item, (article, error) in _built(_queue(db, batch), pool, datetime.now(UTC), 8 * count):
            if save_built(db, item, article, error) is not None:
                failed += 1
            done += 1
            if progress is not None:
                progress(done, total)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return done, failed
