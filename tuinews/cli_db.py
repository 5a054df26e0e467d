"""`tuinews db ...`: the cache file itself (path, stats, check, prune, vacuum, rebuild). Loaded by
`tuinews.cli` when `db` is named."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tuinews.cli import echo_json, fail, open_cache
from tuinews.sanitize import clean_line
from tuinews.wording import plural


@click.group("db")
def db_group() -> None:
    """Inspect and maintain the cache database."""


@db_group.command("path")
@click.option("--json", "as_json", is_flag=True, help='Print {"path": ..., "exists": ...}.')
@click.pass_context
def db_path_cmd(ctx: click.Context, as_json: bool) -> None:
    """Print where the cache lives (whether or not there is one yet)."""
    path: Path = ctx.obj["db_path"]
    if as_json:
        echo_json({"path": str(path), "exists": path.is_file()})
    else:
        click.echo(str(path))


@db_group.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.pass_context
def db_stats_cmd(ctx: click.Context, as_json: bool) -> None:
    """Counts of articles, unread, starred, feeds, quotes and speakers."""
    from tuinews.store.maintenance import db_stats

    stats = db_stats(open_cache(ctx))
    if as_json:
        echo_json(stats)
    else:
        for key, value in stats.items():
            click.echo(f"{key:10} {value:>8,}")


def _existing_cache(ctx: click.Context) -> Path:
    """The cache path, which must hold a file that is (or once was) a tuinews cache."""
    from tuinews.cli import no_cache_message
    from tuinews.store.db import NotACacheError
    from tuinews.store.rebuild import require_cache_file

    path: Path = ctx.obj["db_path"]
    if not path.exists():
        fail(no_cache_message(ctx, path))
    if path.is_dir():
        fail(f"{path} is a directory, not a database file")
    try:
        require_cache_file(path)
    except NotACacheError as exc:
        fail(str(exc))
    return path


@db_group.command("check")
@click.option("--json", "as_json", is_flag=True, help='Print {"ok": ..., "problems": [...]}.')
@click.pass_context
def db_check_cmd(ctx: click.Context, as_json: bool) -> None:
    """Check the cache's integrity (SQLite, foreign keys, search indexes); works on a damaged file too.
    Exits 1 when there are problems."""
    from tuinews.store.db import DAMAGED_HINT
    from tuinews.store.rebuild import check_cache_file

    problems = check_cache_file(_existing_cache(ctx))
    if as_json:
        echo_json({"ok": not problems, "problems": problems})
    elif problems:
        for p in problems:
            click.echo(f"tuinews: problem: {clean_line(p)}", err=True)
        click.echo(f"tuinews: run {DAMAGED_HINT.split(', or ', 1)[-1]}", err=True)
    else:
        click.echo("ok")
    if problems:
        sys.exit(1)


@db_group.command("rebuild")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print what was kept as one JSON object.")
@click.pass_context
def db_rebuild_cmd(ctx: click.Context, yes: bool, as_json: bool) -> None:
    """Keep the cache file aside (renamed *.damaged-DATE) and build a new one from every row still
    readable; nothing is re-fetched or re-extracted. A file that is not a tuinews cache is never touched."""
    from tuinews.fetch.lock import RefreshLock
    from tuinews.store.db import NotACacheError
    from tuinews.store.rebuild import rebuild_cache

    path = _existing_cache(ctx)
    if not yes and not click.confirm(f"Move {path} aside and rebuild it?", default=True, err=True):
        fail("nothing changed")
    lock = RefreshLock(path)
    if not lock.acquire():
        fail("a refresh is running on this cache; try again when it has finished")
    try:
        report = rebuild_cache(path)
    except NotACacheError as exc:
        fail(f"{exc}; nothing changed")
    finally:
        lock.release()
    if as_json:
        echo_json(
            {
                "backup": str(report.backup),
                "copied": report.copied,
                "unreadable": report.unreadable,
                "readable": report.readable,
            }
        )
    else:
        click.echo(clean_line(report.line()))


@db_group.command("prune")
@click.option(
    "--older-than",
    "days",
    type=click.FloatRange(min=0),
    required=True,
    metavar="DAYS",
    help="Remove articles listed under a time (published, else fetched) more than DAYS days ago.",
)
@click.option("--keep-unread", is_flag=True, help="Keep articles not read yet.")
@click.option("--dry-run", is_flag=True, help="Count what would go; remove nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the count as JSON.")
@click.pass_context
def db_prune_cmd(ctx: click.Context, days: float, keep_unread: bool, dry_run: bool, as_json: bool) -> None:
    """Remove old articles (starred ones always stay); a feed does not bring them back."""
    from tuinews.store.retention import prune_articles

    db = open_cache(ctx)
    result = prune_articles(db, older_than_days=days, keep_unread=keep_unread, dry_run=dry_run)
    if as_json:
        echo_json({"articles": result.articles, "before": result.cutoff, "dry_run": dry_run})
        return
    kept = "starred" + (" and unread" if keep_unread else "") + " kept"
    verb = "would remove" if dry_run else "removed"
    click.echo(f"{verb} {plural(result.articles, 'article')} listed before {result.cutoff} ({kept})")
    if result.articles and not dry_run:
        click.echo("`tuinews db vacuum` gives the space back to the disk", err=True)


@db_group.command("vacuum")
@click.option("--json", "as_json", is_flag=True, help="Print the sizes before and after as JSON.")
@click.pass_context
def db_vacuum_cmd(ctx: click.Context, as_json: bool) -> None:
    """Compact the cache and its search indexes."""
    from tuinews.store.maintenance import vacuum_db

    db = open_cache(ctx)
    path: Path = ctx.obj["db_path"]
    before = path.stat().st_size
    vacuum_db(db)
    after = path.stat().st_size
    if as_json:
        echo_json({"path": str(path), "bytes_before": before, "bytes_after": after})
    else:
        click.echo(f"vacuumed {clean_line(str(path))}: {before:,} -> {after:,} bytes")
