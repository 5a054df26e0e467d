"""Commands that reach the network: `add URL...`, `feed add|list|remove|import|export`, `refresh`.

Thin, like `cli.py`: parse arguments, call `tuinews.fetch`, print. Every printed string goes through
the sanitiser; errors are one line on stderr.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tuinews.cli import echo_json, echo_outcomes, fail, open_cache, outcomes_line
from tuinews.sanitize import clean_line
from tuinews.wording import plural

if TYPE_CHECKING:
    pass


def _is_tty() -> bool:
    return sys.stderr.isatty()


#: Resolver errors that mean the name does not exist (or cannot be looked up right now).
@click.command("add")
@click.argument("urls", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per URL.")
@click.pass_context
def add_cmd(ctx: click.Context, urls: tuple[str, ...], as_json: bool) -> None:
    """Fetch web pages and save their articles."""
    from tuinews.fetch.pages import add_pages

    db = open_cache(ctx, create=True)
    outcomes = asyncio.run(add_pages(db, list(urls)))
    echo_outcomes(outcomes, as_json)
    if not as_json and len(outcomes) > 1:
        click.echo(outcomes_line(outcomes, "added", "page"))
    if any(o.error for o in outcomes):
        sys.exit(1)


@click.group("feed")
def feed_group() -> None:
    """Subscribe to feeds and manage subscriptions."""


@feed_group.command("add")
@click.argument("url")
@click.option("--tag", "tags", multiple=True, help="Tag the feed (repeat for several).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def feed_add_cmd(ctx: click.Context, url: str, tags: tuple[str, ...], as_json: bool) -> None:
    """Subscribe to a feed; a web page's own feed is found from its <link rel="alternate">."""
    from tuinews.fetch.pages import SubscribeError, find_feed_url, subscribed_feed
    from tuinews.store.feeds import add_feed

    db = open_cache(ctx, create=True)
    known = subscribed_feed(db, url)  # no need to reach the server to say so (it may be down)
    if known is not None:
        feed, created = add_feed(db, known.url, tags=tags)
    else:
        try:
            feed_url, title = asyncio.run(find_feed_url(url))
        except SubscribeError as exc:
            fail(f"{url}: {exc}")
        feed, created = add_feed(db, feed_url, title=title, tags=tags)
    if as_json:
        echo_json(
            {"id": feed.id, "url": feed.url, "title": feed.title, "tags": feed.tags, "created": created}
        )
        return
    verb = "subscribed" if created else "already subscribed"
    title = f" {clean_line(feed.title)}" if feed.title else ""
    click.echo(f"{verb}: #{feed.id}{title} <{clean_line(feed.url)}>")


@feed_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def feed_list_cmd(ctx: click.Context, as_json: bool) -> None:
    """Every feed with its last status and error."""
    from tuinews.store.feeds import feed_article_counts, list_feeds

    db = open_cache(ctx)
    feeds = list_feeds(db)
    counts = feed_article_counts(db)
    if as_json:
        echo_json(
            [
                {**f.__dict__, "articles": counts.get(f.id, (0, 0))[0], "unread": counts.get(f.id, (0, 0))[1]}
                for f in feeds
            ]
        )
        return
    if not feeds:
        click.echo("no feeds yet: `tuinews feed add URL` or `tuinews feed import FILE`", err=True)
        return
    for f in feeds:
        status = (
            "never fetched"
            if f.last_checked is None
            else (f"error: {clean_line(f.last_error)}" if f.last_error else f"ok ({f.last_status})")
        )
        tags = f"  [{', '.join(clean_line(t) for t in f.tags)}]" if f.tags else ""
        articles, unread = counts.get(f.id, (0, 0))
        click.echo(f"#{f.id:<4} {clean_line(f.title or f.url)}{tags}")
        click.echo(f"      {clean_line(f.url)}  {plural(articles, 'article')}, {unread} unread  {status}")


@feed_group.command("remove")
@click.argument("feed")
@click.option("--json", "as_json", is_flag=True, help='Print {"id", "url", "title", "removed"}.')
@click.pass_context
def feed_remove_cmd(ctx: click.Context, feed: str, as_json: bool) -> None:
    """Unsubscribe (by id or URL); its articles stay in the cache."""
    from tuinews.store.feeds import find_feed, remove_feed

    db = open_cache(ctx)
    found = find_feed(db, feed)
    if found is None:
        fail(f"no feed {feed!r} (see `tuinews feed list`)")
    remove_feed(db, found.id)
    if as_json:
        echo_json({"id": found.id, "url": found.url, "title": found.title, "removed": True})
        return
    click.echo(f"removed #{found.id} {clean_line(found.title or found.url)}")


@feed_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--tag", "tags", multiple=True, help="Add this tag to every imported feed.")
@click.option("--json", "as_json", is_flag=True, help="Print the feeds and what was skipped as JSON.")
@click.pass_context
def feed_import_cmd(ctx: click.Context, file: Path, tags: tuple[str, ...], as_json: bool) -> None:
    """Import subscriptions from OPML or a one-URL-a-line list (newsboat's `urls`, tags included)."""
    from tuinews.fetch.opml import OPMLError, parse_subscriptions
    from tuinews.store.feeds import add_feed

    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        wanted = parse_subscriptions(data[:20_000_000])
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    except OPMLError as exc:
        fail(f"{file}: {exc}")
    db = open_cache(ctx, create=True)
    feeds = []
    for sub in wanted.feeds:
        feed, created = add_feed(db, sub.url, title=sub.title, tags=[*sub.tags, *tags])
        feeds.append({"id": feed.id, "url": feed.url, "title": feed.title, "created": created})
    added = sum(1 for f in feeds if f["created"])
    if as_json:
        echo_json(
            {
                "added": added,
                "already_subscribed": len(feeds) - added,
                "skipped": wanted.skipped,
                "feeds": feeds,
            }
        )
        return
    for reason in wanted.skipped:
        click.echo(f"tuinews: skipped: {clean_line(reason)}", err=True)
    click.echo(
        f"imported {plural(added, 'new feed')} ({len(feeds) - added} already subscribed, "
        f"{len(wanted.skipped)} skipped)"
    )


@feed_group.command("export")
@click.pass_context
def feed_export_cmd(ctx: click.Context) -> None:
    """Print every subscription as OPML (no --json: OPML is the format other readers import)."""
    from tuinews.fetch.opml import Subscription, to_opml
    from tuinews.store.feeds import list_feeds

    feeds = list_feeds(open_cache(ctx))
    click.echo(to_opml([Subscription(f.url, f.title, f.tags, f.site_url) for f in feeds]), nl=False)


@click.command("refresh")
@click.option("--feed", "feed_keys", multiple=True, help="Only this feed (id or URL; repeat for several).")
@click.option("--no-full-text", is_flag=True, help="Do not fetch the pages of summary-only entries.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def refresh_cmd(ctx: click.Context, feed_keys: tuple[str, ...], no_full_text: bool, as_json: bool) -> None:
    """Fetch new articles from your feeds (all, or --feed ones). Exits 1 when any feed failed (the
    summary is still printed)."""
    from tuinews.fetch.refresh import RefreshOptions, refresh_feeds
    from tuinews.store.feeds import find_feed

    db = open_cache(ctx)
    ids = None
    if feed_keys:
        ids = []
        for key in feed_keys:
            found = find_feed(db, key)
            if found is None:
                fail(f"no feed {key!r} (see `tuinews feed list`)")
            ids.append(found.id)
    db.close()
    from tuinews.config import load_config

    keep_days = load_config().keep_days  # a broken config file is a one-line error, before any fetch
    show = _ProgressLine() if _is_tty() and not as_json else None
    summary = asyncio.run(
        refresh_feeds(
            ctx.obj["db_path"],
            feed_ids=ids,
            progress=show,
            options=RefreshOptions(full_text=not no_full_text, keep_days=keep_days),
        )
    )
    if show:
        show.clear()
    if summary.error and not summary.feeds:
        fail(summary.error)
    errors = [(f, f.error) for f in sorted(summary.feeds, key=lambda f: f.feed_id) if f.error]
    if as_json:
        echo_json(
            {
                "feeds": len(summary.feeds),
                "new": summary.new,
                "unchanged": summary.unchanged,
                "failed": summary.failed,
                "pages_fetched": summary.pages_fetched,
                "pages_failed": summary.pages_failed,
                "extracted": summary.extracted,
                "seconds": round(summary.total_seconds, 3),
                "error": summary.error,
                "errors": [{"feed_id": f.feed_id, "url": f.url, "error": text} for f, text in errors],
            }
        )
    else:
        for f, text in errors:
            click.echo(f"tuinews: feed #{f.feed_id} {clean_line(f.url)}: {clean_line(text)}", err=True)
        if summary.error:
            click.echo(f"tuinews: error: {clean_line(summary.error)}", err=True)
        if not summary.feeds:
            click.echo(
                "tuinews: no feeds yet: `tuinews feed add URL` or `tuinews feed import FILE`", err=True
            )
        click.echo(summary.counts())
    if summary.failed or summary.error:
        sys.exit(1)


class _ProgressLine:
    """A one-line progress display on stderr (a terminal only)."""

    def __call__(self, p) -> None:  # type: ignore[no-untyped-def]
        label = {"feeds": "feeds", "pages": "pages", "extract": "extracting"}.get(p.phase)
        if label is None:
            return
        width = 24
        filled = int(width * p.done / p.total) if p.total else width
        click.echo(
            f"\r{label:10} [{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total}  {p.new} new ",
            err=True,
            nl=False,
        )

    def clear(self) -> None:
        click.echo("\r\x1b[K", err=True, nl=False)
