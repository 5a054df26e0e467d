"""Importing local files into the cache: paths and folders in, one outcome per article out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from tuinews.extract.document import HTML_SUFFIXES, MARKDOWN_SUFFIXES, ExtractError, extract_document
from tuinews.store.articles import get_raw_page, save_article

#: File suffixes picked up when a folder is imported.
IMPORTABLE_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | {".txt", ".text"}
#: Larger files are refused: no saved news page comes near it, and it bounds memory.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class ImportOutcome:
    """What happened to one input."""

    source: str
    article_id: int | None = None
    status: str = "error"
    """"new", "updated", "unchanged" or "error"."""
    title: str | None = None
    error: str | None = None


def skip_reason(child: Path) -> str | None:
    """Why a file found in a folder is not imported (None when it is importable)."""
    if child.is_symlink() and not child.exists():
        return "broken link"
    if not child.is_file():
        return "not a regular file"
    if child.suffix.lower() not in IMPORTABLE_SUFFIXES:
        return "not an HTML, text or Markdown file"
    return None


def expand_paths(
    paths: Iterable[str], *, skipped: list[tuple[str, str]] | None = None
) -> Iterator[tuple[str, Path | None]]:
    """Each input as (display name, file path); folders become their importable files, `-` is stdin.

    Files in a folder that are not imported are added to `skipped` as (name, reason); hidden files and
    whatever is inside hidden folders (`.git`, `.DS_Store`) are passed over without a word."""
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw).expanduser()
        if not path.is_dir():
            yield raw, path
            continue
        for child in sorted(path.rglob("*")):
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            if child.is_dir():
                continue
            reason = skip_reason(child)
            if reason is None:
                yield str(child), child
            elif skipped is not None:
                skipped.append((str(child), reason))


def read_input(path: Path | None, stdin: Iterable[bytes] | None = None) -> bytes:
    """The bytes of a file, or of standard input when `path` is None, within the size cap."""
    if path is None:
        data = b"".join(stdin or [])
    else:
        if not path.exists():
            raise ExtractError("no such file")
        if not path.is_file():
            raise ExtractError("not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ExtractError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ExtractError(exc.strerror or str(exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ExtractError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data


def fallback_url(path: Path | None, data: bytes) -> str:
    """The key an article without a URL of its own is stored under: its file, or its bytes for stdin."""
    if path is not None:
        return path.resolve().as_uri()
    return "stdin:" + hashlib.sha256(data).hexdigest()[:24]


def import_one(db: Database, name: str, data: bytes, *, filename: str | None, fallback: str) -> ImportOutcome:
    """Extract and save one input; a bad input becomes an error outcome, never an exception."""
    try:
        article = extract_document(data, name=filename)
    except ExtractError as exc:
        return ImportOutcome(name, error=str(exc))
    result = save_article(db, article, raw=data, content_type=None, fallback_url=fallback)
    status = "new" if result.created else ("updated" if result.changed else "unchanged")
    return ImportOutcome(name, result.id, status, article.title)


def import_paths(
    db: Database,
    paths: Iterable[str],
    *,
    stdin: Iterable[bytes] | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> list[ImportOutcome]:
    """Import every path (files, folders, `-`); each article is committed on its own. Files of a folder
    left out are added to `skipped` (see `expand_paths`)."""
    outcomes = []
    for name, path in expand_paths(paths, skipped=skipped):
        try:
            data = read_input(path, stdin)
        except ExtractError as exc:
            outcomes.append(ImportOutcome(name, error=str(exc)))
            continue
        filename = path.name if path else None
        outcomes.append(import_one(db, name, data, filename=filename, fallback=fallback_url(path, data)))
    return outcomes


#: A file name standing in for the original, so a stored page is parsed the way it was first parsed.
_NAME_FOR_KIND = {"html": "page.html", "markdown": "page.md", "textdump": "page.txt"}


def reprocess_all(db: Database) -> tuple[int, int, list[ImportOutcome]]:
    """Re-run extraction over every stored raw page (offline); returns (seen, changed, failures)."""
    rows = db.execute(
        "SELECT a.id, a.url, a.source_kind FROM articles a JOIN pages p ON p.article_id = a.id ORDER BY a.id"
    ).fetchall()
    changed = 0
    failures = []
    for article_id, url, kind in rows:
        raw = get_raw_page(db, article_id)
        if raw is None:
            continue
        try:
            article = extract_document(raw, name=_NAME_FOR_KIND.get(kind))
        except ExtractError as exc:
            failures.append(ImportOutcome(url, article_id, error=str(exc)))
            continue
        article.url = url  # the row keeps its identity even if the page's canonical URL differs
        if save_article(db, article, raw=raw, fallback_url=url).changed:
            changed += 1
    return len(rows), changed, failures
