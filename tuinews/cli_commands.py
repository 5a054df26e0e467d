"""The commands that work on articles without the network: import, extract, show, search, quotes, export and
reprocess (`db ...` is in `cli_db.py`). Loaded by `tuinews.cli` when one of them is named, so opening the
reader skips them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tuinews.cli import echo_json, echo_outcomes, fail, open_cache, outcomes_line
from tuinews.sanitize import clean_line, clean_text
from tuinews.wording import plural

if TYPE_CHECKING:
    from sqlite_utils import Database


@click.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per input.")
@click.option("-v", "--verbose", is_flag=True, help="Name each file of a folder that was skipped.")
@click.pass_context
def import_cmd(ctx: click.Context, paths: tuple[str, ...], as_json: bool, verbose: bool) -> None:
    """Import saved HTML pages, plain-text page dumps, Markdown files, folders, or - for stdin.

    Prints one line per article and a total; files in a folder that are not HTML, text or Markdown are
    skipped and counted (named with -v)."""
    from tuinews.ingest import import_paths

    db = open_cache(ctx, create=True)
    stdin = [sys.stdin.buffer.read()] if "-" in paths else None
    skipped: list[tuple[str, str]] = []
    outcomes = import_paths(db, paths, stdin=stdin, skipped=skipped)
    echo_outcomes(outcomes, as_json)
    if verbose:
        for name, reason in skipped:
            click.echo(f"tuinews: skipped: {clean_line(name)} ({reason})", err=True)
    skipped_note = f"{plural(len(skipped), 'file')} skipped" + ("" if verbose else "; -v lists them")
    if not outcomes:
        if not as_json:
            found = f"; {skipped_note}" if skipped else ""
            click.echo(f"tuinews: nothing to import (no HTML, text or Markdown files found{found})", err=True)
        sys.exit(1)
    if not as_json:
        click.echo(outcomes_line(outcomes, "imported") + (f"; {skipped_note}" if skipped else ""))
    if any(o.error for o in outcomes):
        sys.exit(1)


@click.command("extract")
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


@click.command("show")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def show_cmd(ctx: click.Context, article: str, as_json: bool) -> None:
    """Print an article (by id or URL) as Markdown with a metadata front matter."""
    from tuinews.export import article_json, article_markdown, readable_article

    db = open_cache(ctx)
    found = readable_article(db, _article_id(db, article))  # whole, even while a refresh builds it
    assert found is not None
    stored, quotes = found
    if as_json:
        echo_json(article_json(db, stored, quotes))
    else:
        click.echo(clean_text(article_markdown(stored)), nl=False)


@click.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@click.pass_context
def search_cmd(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Full-text search over titles, deks, bylines and bodies, best match first."""
    from tuinews.store.search import SearchError, add_snippets, search_articles, snippet_with

    db = open_cache(ctx)
    try:
        hits = search_articles(db, query, limit=limit + 1, snippets=False)  # one more: are there more?
    except SearchError as exc:
        fail(str(exc))
    more = len(hits) > limit
    hits = hits[:limit]
    add_snippets(db, query, hits)
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
    if more:
        more_hint(limit, "result")


def more_hint(limit: int, what: str) -> None:
    """The last line when a list stopped at its --limit (stderr, so piped output stays the list)."""
    click.echo(f"(showing the first {plural(limit, what)}; there are more: --limit N shows more)", err=True)


def _split_marks(text: str) -> list[str]:
    parts: list[str] = []
    for chunk in text.split("\ue001"):
        before, sep, inside = chunk.partition("\ue000")
        parts.append(before)
        if sep:
            parts.append("\ue000" + inside)
    return parts


@click.command("quotes")
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
        rows = list_quotes(db, speaker=speaker, limit=limit + 1)  # one more: are there more?
    more = len(rows) > limit
    rows = rows[:limit]
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
    if more:
        more_hint(limit, "quote")


@click.command("export")
@click.argument("target", type=click.Path(allow_dash=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "jsonl"]),
    help="markdown, or jsonl (the default for a TARGET ending in .jsonl, and for -).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def export_cmd(ctx: click.Context, target: Path, fmt: str | None, as_json: bool) -> None:
    """Export every article: one Markdown file each in the folder TARGET, or JSON lines (one object per
    article, as `show --json` prints it) in TARGET when it ends in .jsonl, on standard output for -, or in
    TARGET/articles.jsonl with --format jsonl and a folder."""
    from tuinews.export import export_articles, is_jsonl_file

    if fmt is None:
        fmt = "jsonl" if str(target) == "-" or is_jsonl_file(target) else "markdown"
    if str(target) == "-":
        if fmt != "jsonl":
            fail("Markdown export writes one file per article: give a folder (- is for JSON lines)")
        if as_json:
            fail("--json cannot go with -: the articles themselves are the JSON lines on standard output")
        _export_to_stdout(open_cache(ctx))
        return
    if fmt == "markdown" and target.exists() and not target.is_dir():
        fail(f"{target} is a file: Markdown export needs a folder (or --format jsonl for a .jsonl file)")
    db = open_cache(ctx)
    try:
        count = export_articles(db, target, fmt)
    except OSError as exc:
        fail(f"cannot write to {target}: {exc.strerror or exc}")
    written = target if fmt == "markdown" or is_jsonl_file(target) else target / "articles.jsonl"
    if as_json:
        echo_json({"articles": count, "format": fmt, "path": str(written)})
        return
    click.echo(f"exported {plural(count, 'article')} to {clean_line(str(written))}")


def _export_to_stdout(db: Database) -> None:
    """JSON lines on standard output (C1 and bidi characters escaped, as every --json output)."""
    from tuinews.export import iter_jsonl
    from tuinews.sanitize import escape_json_text

    out = sys.stdout
    for line in iter_jsonl(db):
        out.write(escape_json_text(line) + "\n")
    out.flush()


@click.command("reprocess")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def reprocess_cmd(ctx: click.Context, as_json: bool) -> None:
    """Re-run extraction over the stored raw pages (offline), after tuinews improves."""
    from tuinews.ingest import reprocess_all

    seen, changed, failures = reprocess_all(open_cache(ctx))
    if as_json:
        echo_json(
            {
                "articles": seen,
                "changed": changed,
                "failed": len(failures),
                "errors": [{"id": f.article_id, "url": f.source, "error": f.error} for f in failures],
            }
        )
    else:
        for f in failures:
            click.echo(f"tuinews: error: {clean_line(f.source)}: {clean_line(f.error)}", err=True)
        click.echo(f"reprocessed {plural(seen, 'article')}: {changed} changed, {len(failures)} failed")
    if failures:
        sys.exit(1)
