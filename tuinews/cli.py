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
from tuinews.sanitize import clean_line, escape_json_text
from tuinews.wording import plural

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


#: The commands, defined in other modules and loaded when named (or listed by --help): (module, attribute).
LAZY_COMMANDS = {
    "import": ("tuinews.cli_commands", "import_cmd"),
    "extract": ("tuinews.cli_commands", "extract_cmd"),
    "show": ("tuinews.cli_commands", "show_cmd"),
    "search": ("tuinews.cli_commands", "search_cmd"),
    "quotes": ("tuinews.cli_commands", "quotes_cmd"),
    "export": ("tuinews.cli_commands", "export_cmd"),
    "reprocess": ("tuinews.cli_commands", "reprocess_cmd"),
    "db": ("tuinews.cli_db", "db_group"),
    "add": ("tuinews.cli_feeds", "add_cmd"),
    "feed": ("tuinews.cli_feeds", "feed_group"),
    "refresh": ("tuinews.cli_feeds", "refresh_cmd"),
}


class Group(click.Group):
    """Turns any unexpected exception into one line on stderr (set TUINEWS_DEBUG=1 for the traceback).

    The commands (`LAZY_COMMANDS`) load only when used, so opening the reader never imports them.
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
        except BrokenPipeError:
            # The reader of our output went away (`tuinews export - | head`): stop quietly, as `cat` does,
            # and keep Python from complaining again when it flushes stdout at exit.
            import contextlib

            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
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
    """One line per imported or added article (errors on stderr), or the whole list as JSON. The ids are
    padded to one width, so the titles line up; `outcomes_line` is the total to print under them."""
    if as_json:
        echo_json([o.__dict__ for o in outcomes])
        return
    width = max((len(str(o.article_id)) for o in outcomes if not o.error), default=1)
    for o in outcomes:
        if o.error:
            click.echo(f"tuinews: error: {clean_line(o.source)}: {clean_line(o.error)}", err=True)
        else:
            click.echo(f"{o.status:9} #{o.article_id!s:<{width}}  {clean_line(o.title)}")


def outcomes_line(outcomes: list[ImportOutcome], verb: str, noun: str = "article") -> str:
    """The total under `echo_outcomes`: `imported 3 articles (2 new, 1 updated, 0 unchanged), 1 failed`."""
    done = [o for o in outcomes if not o.error]
    counts = {
        status: sum(1 for o in done if o.status == status) for status in ("new", "updated", "unchanged")
    }
    text = f"{verb} {plural(len(done), noun)} ({', '.join(f'{n} {s}' for s, n in counts.items())})"
    failed = len(outcomes) - len(done)
    return text + (f", {failed} failed" if failed else "")


def db_hint(ctx: click.Context) -> str:
    """Where the cache path came from, to check when it is wrong: `--db`, `TUINEWS_DB`, or nothing."""
    return {"commandline": "--db", "environment": "TUINEWS_DB"}.get(
        ctx.find_root().obj.get("db_source", ""), ""
    )


def open_cache(ctx: click.Context, *, create: bool = False) -> Database:
    """The user's cache (from --db, TUINEWS_DB or the platform default).

    Commands that only read (or maintain what is there) leave `create` off: a missing cache is then a
    one-line error and nothing is made, so a mistyped --db never leaves an empty cache behind. Commands
    that store something (import, add, feed add, feed import) create the cache and its folder."""
    from tuinews.store.db import NoCacheError, StoreError, open_db

    path: Path = ctx.obj["db_path"]
    try:
        return open_db(path, create=create)
    except NoCacheError:
        fail(no_cache_message(ctx, path))
    except StoreError as exc:
        fail(str(exc))


def no_cache_message(ctx: click.Context, path: Path) -> str:
    """The one line for a command that needs a cache when there is none."""
    hint = db_hint(ctx)
    return f"no cache at {path} (import or add a feed first{f', or check {hint}' if hint else ''})"


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
    source = ctx.get_parameter_source("db_path")
    ctx.obj["db_source"] = source.name.lower() if source and db_path is not None else "default"
    if ctx.invoked_subcommand is not None:
        return
    if db_path is not None and not demo and not db_path.expanduser().parent.is_dir():
        # An explicit path into a folder that does not exist is a typo far more often than a wish for a
        # new folder: say so instead of making the folder and an empty cache in it.
        hint = db_hint(ctx)
        fail(
            f"no folder {db_path.expanduser().parent} for the cache {db_path} (create it first, or check {hint})"
        )
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


def main() -> None:
    """Console-script entry point."""
    cli(obj={})
