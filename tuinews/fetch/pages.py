"""Single pages and subscriptions: `tuinews add URL` and `tuinews feed add URL` (with discovery)."""

from __future__ import annotations

from sqlite_utils import Database

from tuinews.extract.document import ExtractError, extract_document
from tuinews.fetch.client import Fetcher, FetchLimits
from tuinews.fetch.discover import discover_feeds, looks_like_feed
from tuinews.fetch.feeds import FeedError, parse_feed
from tuinews.fetch.refresh import FEED_ACCEPT, PAGE_ACCEPT
from tuinews.fetch.urls import URLError, canonical_url, require_http_url
from tuinews.ingest import ImportOutcome
from tuinews.models import Feed
from tuinews.store.articles import save_article
from tuinews.store.feeds import find_feed

DEFAULT_LIMITS = FetchLimits()


class SubscribeError(ValueError):
    """No feed could be found at a URL; one line for the user."""


def subscribed_feed(db: Database, url: str) -> Feed | None:
    """The subscription `url` already is (in the form `find_feed_url` stores a feed's own URL), found
    without reaching the network; None when there is none or `url` is not an http(s) URL."""
    try:
        return find_feed(db, require_http_url(url))
    except URLError:
        return None


async def find_feed_url(url: str, *, limits: FetchLimits = DEFAULT_LIMITS) -> tuple[str, str | None]:
    """The feed URL to subscribe to for `url` (itself, or the first feed its page announces) and its title."""
    try:
        url = require_http_url(url)
    except URLError as exc:
        raise SubscribeError(str(exc)) from None
    async with Fetcher(limits, concurrency=2, per_host=2) as fetcher:
        result = await fetcher.fetch(url, accept=FEED_ACCEPT)
        if not result.ok:
            raise SubscribeError(result.error or "no response")
        if not looks_like_feed(result.body):
            candidates = discover_feeds(result.body, url=result.final_url, charset=result.charset)
            if not candidates:
                raise SubscribeError("no feed here, and the page announces none")
            url = candidates[0]
            result = await fetcher.fetch(url, accept=FEED_ACCEPT)
            if not result.ok:
                raise SubscribeError(f"the announced feed {url}: {result.error}")
    try:
        feed = parse_feed(result.body, url=result.final_url, charset=result.charset)
    except FeedError as exc:
        raise SubscribeError(str(exc)) from None
    return url, feed.title


async def add_pages(
    db: Database, urls: list[str], *, limits: FetchLimits = DEFAULT_LIMITS
) -> list[ImportOutcome]:
    """Fetch each page, extract its article and save it with the raw page; errors become outcomes."""
    outcomes = []
    async with Fetcher(limits) as fetcher:
        for url in urls:
            result = await fetcher.fetch(url, accept=PAGE_ACCEPT)
            if not result.ok:
                outcomes.append(ImportOutcome(url, error=result.error or "no response"))
                continue
            try:
                article = extract_document(
                    result.body,
                    url=result.final_url,
                    content_type=result.content_type,
                    charset=result.charset,
                )
            except ExtractError as exc:
                outcomes.append(ImportOutcome(url, error=str(exc)))
                continue
            article.url = canonical_url(article.url or result.final_url)
            content_type = (result.content_type or "text/html") + (
                f"; charset={result.charset}" if result.charset else ""
            )
            saved = save_article(
                db,
                article,
                raw=result.body,
                content_type=content_type,
                fallback_url=canonical_url(result.final_url),
            )
            status = "new" if saved.created else ("updated" if saved.changed else "unchanged")
            outcomes.append(ImportOutcome(url, saved.id, status, article.title))
    return outcomes
