"""The `tuinews` command: thin click commands over the store, extraction and the app."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tuinews import __version__
from tuinews.config import default_db_path
from tuinews.sanitize import clean_line, clean_text, escape_json_text

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tuinews.config import Config
    from tuinews.ingest import ImportOutcome

DEBUG_ENV = "TUINEWS_DEBUG"


class UserError(click.ClickException):
    """A mistake the user can fix: printed as one line, exit code 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"tuinews: error: {clean_line(self.message)}", err=True)


def fail(message: str) -> NoReturn:
    """Stop with a one-line error."""
    raise UserError(message)


#: Commands defined in other modules, loaded when named (or listed by --help): (module, attribute).
LAZY_COMMANDS = {
    "add": ("tuinews.cli_feeds", "add_cmd"),
    "feed": ("tuinews.cli_feeds", "feed_group"),
    "refresh": ("tuinews.cli_feeds", "refresh_cmd"),
}


class Group(click.Group):
    """Turns any unexpected exception into one line on stderr (set TUINEWS_DEBUG=1 for the traceback).

    The network commands (`LAZY_COMMANDS`) load only when used, so opening the reader never imports them.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            import importlib

            module, attribute = LAZY_COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("tuinews: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:
            import sqlite3

            from tuinews.store.db import StoreError, damaged_message

            if os.environ.get(DEBUG_ENV):
                raise
            if isinstance(exc, StoreError):
                fail(str(exc))
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                fail(damaged_message(ctx.obj["db_path"], exc))
            fail(f"unexpected {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)")


def echo_json(value: Any) -> None:
    """JSON on stdout; control, C1 and bidi characters are escaped, so nothing reaches the terminal raw."""
    click.echo(escape_json_text(json.dumps(value, ensure_ascii=False, indent=2)))


def echo_outcomes(outcomes: list[ImportOutcome], as_json: bool) -> None:
    """One line per imported or added article (errors on stderr), or the whole list as JSON."""
    if as_json:
        echo_json([o.__dict__ for o in outcomes])
        return
    for o in outcomes:
        if o.error:
            click.echo(f"tuinews: error: {clean_line(o.source)}: {clean_line(o.error)}", err=True)
        else:
            click.echo(f"{o.status:9} #{o.article_id}  {clean_line(o.title)}")


def open_cache(ctx: click.Context) -> Database:
    """The user's cache (from --db, TUINEWS_DB or the platform default)."""
    from tuinews.store.db import StoreError, open_db

    path: Path = ctx.obj["db_path"]
    try:
        return open_db(path)
    except StoreError as exc:
        fail(str(exc))


@click.group(cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="TUINEWS_DB",
    help="Cache database file (default: the user data folder; env TUINEWS_DB).",
)
@click.option("--demo", is_flag=True, help="Open the bundled demo articles (no network, no setup).")
@click.version_option(__version__, prog_name="tuinews")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, demo: bool) -> None:
    """tuinews: read the news in your terminal. With no command, opens the reader."""
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path or default_db_path()
    if ctx.invoked_subcommand is not None:
        return
    from tuinews.config import ConfigError, load_config

    try:
        config = load_config()
        if demo:
            run_demo(config)
        else:
            run_reader(ctx.obj["db_path"], config)
    except ConfigError as exc:
        fail(str(exc))


def pause_gc() -> None:
    """Hold garbage collection while the reader starts: the launch allocates much and frees little, and
    collections over everything the imports made cost ~40 ms before the first frame. The app resumes it
    once the list is on screen (`MainScreen`, or the welcome screen's first frame)."""
    import gc

    gc.disable()


def freeze_imports() -> None:
    """Move what the imports made (it lives as long as the app) out of every later collection's way."""
    import gc

    gc.freeze()


def run_reader(path: Path, config: Config) -> None:
    """Open the reader on the user's cache. The launch path: plain sqlite3 when the schema is current."""
    pause_gc()
    from tuinews.store.db import StoreError, open_plain
    from tuinews.ui.app import make_app

    try:
        db = open_plain(path)
    except StoreError as exc:
        fail(str(exc))
    app = make_app(path, config=config, db=db)
    freeze_imports()
    app.run()


def run_demo(config: Config) -> None:
    """Open the reader on a private copy of the demo cache (built once, then reused; see `tuinews.demo`)."""
    import shutil
    import tempfile

    from tuinews.demo import copy_demo
    from tuinews.store.db import open_plain
    from tuinews.ui.app import make_app

    folder = Path(tempfile.mkdtemp(prefix="tuinews-demo-"))
    try:
        path = copy_demo(folder)
        pause_gc()
        app = make_app(path, config=config, db=open_plain(path))
        freeze_imports()
        app.run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per input.")
@click.pass_context
def import_cmd(ctx: click.Context, paths: tuple[str, ...], as_json: bool) -> None:
    """Import saved HTML pages, plain-text page dumps, Markdown files, folders, or - for stdin."""
    from tuinews.ingest import import_paths

    db = open_cache(ctx)
    stdin = [sys.stdin.buffer.read()] if "-" in paths else None
    outcomes = import_paths(db, paths, stdin=stdin)
    echo_outcomes(outcomes, as_json)
    if not outcomes and not as_json:
        click.echo("tuinews: nothing to import (no HTML, text or Markdown files found)", err=True)
    if not outcomes or any(o.error for o in outcomes):
        sys.exit(1)


@cli.command("extract")
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON.")
def extract_cmd(path: str, as_json: bool) -> None:
    """Extract an article from a file (or - for stdin) without storing it."""
    from tuinews.extract.document import ExtractError, extract_document
    from tuinews.ingest import read_input

    file = None if path == "-" else Path(path).expanduser()
    try:
        data = read_input(file, [sys.stdin.buffer.read()] if file is None else None)
        article = extract_document(data, name=file.name if file else None)
    except ExtractError as exc:
        fail(f"{path}: {exc}")
    if as_json:
        echo_json(article.to_json())
        return
    from tuinews.export import article_markdown
    from tuinews.models import StoredArticle

    line = article.dateline
    stored = StoredArticle(
        id=0,
        url=article.url or "",
        title=article.title,
        dek=article.dek,
        outlet=line.outlet,
        agency=line.agency,
        byline=line.byline,
        section=line.section,
        place=line.place,
        published=line.published,
        updated=line.updated,
        read_minutes=line.read_minutes,
        word_count=line.word_count,
        language=line.language,
        markdown=article.markdown,
    )
    click.echo(clean_text(article_markdown(stored)), nl=False)


def _article_id(db: Database, key: str) -> int:
    from tuinews.store.articles import find_article_id

    article_id = find_article_id(db, key)
    if article_id is None:
        fail(f"no article {key!r} in the cache (see `tuinews search` for ids)")
    return article_id


@cli.command("show")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def show_cmd(ctx: click.Context, article: str, as_json: bool) -> None:
    """Print an article (by id or URL) as Markdown with a metadata front matter."""
    from tuinews.export import article_json, article_markdown
    from tuinews.store.articles import get_article

    db = open_cache(ctx)
    stored = get_article(db, _article_id(db, article))
    assert stored is not None
    if as_json:
        echo_json(article_json(db, stored))
    else:
        click.echo(clean_text(article_markdown(stored)), nl=False)


@cli.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@click.pass_context
def search_cmd(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search over titles, deks, bylines and bodies, best match first."""
    from tuinews.store.search import SearchError, search_articles, snippet_with

    db = open_cache(ctx)
    try:
        hits = search_articles(db, query, limit=limit)
    except SearchError as exc:
        fail(str(exc))
    if as_json:
        echo_json(
            [
                {
                    "id": h.id,
                    "title": h.title,
                    "url": h.url,
                    "snippet": snippet_with(h.snippet, "**", "**"),
                    "published": h.published,
                    "outlet": h.outlet,
                }
                for h in hits
            ]
        )
        return
    if not hits:
        click.echo(f"no articles match {clean_line(query)!r}", err=True)
        sys.exit(1)
    for h in hits:
        click.echo(f"#{h.id:<5} {click.style(clean_line(h.title), bold=True)}")
        marked = snippet_with(clean_line(h.snippet), "\ue000", "\ue001")
        styled = "".join(
            click.style(part[1:], bold=True, underline=True) if part.startswith("\ue000") else part
            for part in _split_marks(marked)
        )
        click.echo(f"       {styled}")


def _split_marks(text: str) -> list[str]:
    parts: list[str] = []
    for chunk in text.split("\ue001"):
        before, sep, inside = chunk.partition("\ue000")
        parts.append(before)
        if sep:
            parts.append("\ue000" + inside)
    return parts


@cli.command("quotes")
@click.option("--speaker", help="Only quotes by this speaker (full name or part, any case or accents).")
@click.option("--article", "article_key", help="Only quotes from this article (id or URL).")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100000))
@click.option("--json", "as_json", is_flag=True, help="Print quotes as JSON.")
@click.pass_context
def quotes_cmd(
    ctx: click.Context, speaker: str | None, article_key: str | None, limit: int, as_json: bool
) -> None:
    """List extracted quotes: who said what, in which article."""
    from tuinews.store.quotes import QuoteRow, get_quotes, list_quotes

    db = open_cache(ctx)
    if article_key:
        article_id = _article_id(db, article_key)
        title = db.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        rows = [QuoteRow(article_id, title, q) for q in get_quotes(db, article_id)]
        if speaker:
            rows = [r for r in list_quotes(db, speaker=speaker, limit=100000) if r.article_id == article_id]
    else:
        rows = list_quotes(db, speaker=speaker, limit=limit)
    if as_json:
        echo_json(
            [
                {**r.quote.to_json(), "article_id": r.article_id, "article_title": r.article_title}
                for r in rows
            ]
        )
        return
    if not rows:
        click.echo("no quotes found" + (f" for {clean_line(speaker)!r}" if speaker else ""), err=True)
        sys.exit(1)
    for r in rows:
        q = r.quote
        who = clean_line(q.speaker) or "unattributed"
        text = clean_line(q.text)
        shown = f"“{text}”" if q.kind != "indirect" else text
        click.echo(f"{click.style(who, bold=True)} ({q.kind}, #{r.article_id}): {shown}")


@cli.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "jsonl"]), default="markdown", show_default=True
)
@click.pass_context
def export_cmd(ctx: click.Context, directory: Path, fmt: str) -> None:
    """Export every article: one Markdown file each, or JSON lines in DIRECTORY/articles.jsonl."""
    from tuinews.export import export_articles

    db = open_cache(ctx)
    try:
        count = export_articles(db, directory, fmt)
    except OSError as exc:
        fail(f"cannot write to {directory}: {exc.strerror or exc}")
    click.echo(f"exported {count} articles to {clean_line(str(directory))}")


@cli.command("reprocess")
@click.pass_context
def reprocess_cmd(ctx: click.Context) -> None:
    """Re-run extraction over the stored raw pages (offline), after tuinews improves."""
    from tuinews.ingest import reprocess_all

    seen, changed, failures = reprocess_all(open_cache(ctx))
    for f in failures:
        click.echo(f"tuinews: error: {clean_line(f.source)}: {clean_line(f.error)}", err=True)
    click.echo(f"reprocessed {seen} articles: {changed} changed, {len(failures)} failed")


@cli.group("db")
def db_group() -> None:
    """Inspect and maintain the cache database."""


@db_group.command("path")
@click.pass_context
def db_path_cmd(ctx: click.Context) -> None:
    """Print where the cache lives."""
    click.echo(str(ctx.obj["db_path"]))


@db_group.command("stats")
@click.option("--json", "as_json", is_flag=True)
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


@db_group.command("check")
@click.pass_context
def db_check_cmd(ctx: click.Context) -> None:
    """Check the cache's integrity (SQLite, foreign keys, search indexes); works on a damaged file too."""
    from tuinews.store.db import DAMAGED_HINT
    from tuinews.store.rebuild import check_cache_file

    path: Path = ctx.obj["db_path"]
    if not path.exists():
        fail(f"there is no cache at {path}")
    problems = check_cache_file(path)
    if problems:
        for p in problems:
            click.echo(f"tuinews: problem: {clean_line(p)}", err=True)
        click.echo(f"tuinews: {DAMAGED_HINT.split(', or ', 1)[-1]}", err=True)
        sys.exit(1)
    click.echo("ok")


@db_group.command("rebuild")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def db_rebuild_cmd(ctx: click.Context, yes: bool) -> None:
    """Keep the cache file aside (renamed *.damaged-DATE) and build a new one from every row still
    readable; nothing is re-fetched or re-extracted."""
    from tuinews.fetch.lock import RefreshLock
    from tuinews.store.rebuild import rebuild_cache

    path: Path = ctx.obj["db_path"]
    if not path.exists():
        fail(f"there is no cache at {path}")
    if not yes and not click.confirm(f"Move {path} aside and rebuild it?", default=True, err=True):
        fail("nothing changed")
    lock = RefreshLock(path)
    if not lock.acquire():
        fail("a refresh is running on this cache; try again when it has finished")
    try:
        report = rebuild_cache(path)
    finally:
        lock.release()
    click.echo(clean_line(report.line()))


@db_group.command("vacuum")
@click.pass_context
def db_vacuum_cmd(ctx: click.Context) -> None:
    """Compact the cache and its search indexes."""
    from tuinews.store.maintenance import vacuum_db

    path = ctx.obj["db_path"]
    before = path.stat().st_size if path.exists() else 0
    vacuum_db(open_cache(ctx))
    after = path.stat().st_size
    click.echo(f"vacuumed {path}: {before:,} -> {after:,} bytes")


def main() -> None:
    """Console-script entry point."""
    cli(obj={})
