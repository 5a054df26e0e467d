"""Articles out of the cache: Markdown with front matter, JSON objects, export folders."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tuinews.models import FRONT_MATTER_KEYS, Quote, StoredArticle
from tuinews.store.articles import get_article, get_captions, iter_all_ids
from tuinews.store.quotes import get_quotes


def article_json(db: Database, article: StoredArticle, quotes: list[Quote] | None = None) -> dict[str, Any]:
    """The public JSON shape of a stored article (the same keys as `extract --json`, plus cache fields);
    its stored quotes unless `quotes` are given."""
    quotes = get_quotes(db, article.id) if quotes is None else quotes
    return {
        "id": article.id,
        "title": article.title,
        "dek": article.dek,
        "url": article.url,
        "markdown": article.markdown,
        "dateline": article.dateline().to_json(),
        "quotes": [q.to_json() for q in quotes],
        "captions": get_captions(db, article.id),
        "source_kind": article.source_kind,
        "read": article.read_at is not None,
        "starred": article.starred,
        "fetched_at": article.fetched_at,
    }


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    text = str(value)
    # Quote values a front matter reader could misread.
    if text[:1] in "\"'[{>|*&!%@`#" or ": " in text:
        return json.dumps(text, ensure_ascii=False)
    return text


def front_matter(article: StoredArticle) -> str:
    """A `---` block of `key: value` lines (the format `tuinews import` reads back)."""
    line = article.dateline()
    values = {
        "title": article.title,
        "url": article.url,
        "dek": article.dek,
        "byline": line.byline,
        "outlet": line.outlet,
        "agency": line.agency,
        "section": line.section,
        "place": line.place,
        "published": line.published,
        "updated": line.updated,
        "read_minutes": line.read_minutes,
        "word_count": line.word_count,
        "language": line.language,
    }
    rows = [
        f"{key}: {_yaml_scalar(values[key])}"
        for key in FRONT_MATTER_KEYS
        if values[key] not in (None, "", [])
    ]
    return "---\n" + "\n".join(rows) + "\n---\n"


def article_markdown(article: StoredArticle) -> str:
    """The whole article as a Markdown document: front matter, headline, dek, body."""
    parts = [front_matter(article), f"# {article.title}\n"]
    if article.dek:
        parts.append(f"*{article.dek}*\n")
    parts.append(article.markdown.rstrip("\n") + "\n")
    return "\n".join(parts)


#: A slug's bound in UTF-8 bytes: with the id and `.md` a file name stays far below the usual 255-byte
#: limit even for scripts that take three or four bytes a letter.
SLUG_MAX_BYTES = 120
#: Dropped from slugs rather than turned into a `-` ("Zoë's" -> "zoes").
APOSTROPHES = frozenset("'\u2019\u02bc")


def slugify(text: str, limit: int = 60) -> str:
    """A file-name-safe slug: "Zoë's big day!" -> "zoes-big-day", "Якутск встречает зиму" -> "якутск-встречает-зиму".

    Latin letters lose their accents; letters and digits of every other script are kept as they are (NFC),
    with their combining marks. Everything else (punctuation, spaces, path separators, control and format
    characters) becomes one `-`, so the slug can never leave its folder or hide characters. At most `limit`
    characters and `SLUG_MAX_BYTES` bytes of UTF-8.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in APOSTROPHES:
            continue
        folded = _latin_base(char)
        if folded:
            out.append(folded)
        elif unicodedata.category(char)[0] in "LN" or (
            unicodedata.category(char)[0] == "M" and out and out[-1] != "-"
        ):
            out.append(char.lower())
        elif out and out[-1] != "-":
            out.append("-")
    slug = "".join(out)[:limit]
    while len(slug.encode("utf-8")) > SLUG_MAX_BYTES:
        slug = slug[:-1]
    slug = slug.strip("-")
    return unicodedata.normalize("NFC", slug) or "article"


def _latin_base(char: str) -> str:
    """The ASCII letters or digits of a Latin character with its accents removed ("ë" -> "e"); "" for
    any other character."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    base = unicodedata.normalize("NFKD", char)
    ascii_part = base.encode("ascii", "ignore").decode()
    if ascii_part.isalnum() and all(c.isascii() or unicodedata.combining(c) for c in base):
        return ascii_part.lower()
    return ""


def readable_article(db: Database, article_id: int) -> tuple[StoredArticle, list[Quote] | None] | None:
    """An article as a reader sees it, with its quotes when they are not the stored ones: one that a
    refresh is still building comes whole (`fetch.preview`). None when there is no such article."""
    article = get_article(db, article_id)
    if article is None:
        return None
    if article.pending:
        from tuinews.fetch.preview import built_if_pending

        built = built_if_pending(db, article)
        if built is not None:
            return built
    return article, None


def iter_jsonl(db: Database) -> Iterator[str]:
    """Every article as one line of JSON (the `show --json` object), oldest id first, no newline."""
    for article_id in iter_all_ids(db):
        found = readable_article(db, article_id)
        if found:
            yield json.dumps(article_json(db, *found), ensure_ascii=False)


def is_jsonl_file(target: Path) -> bool:
    """Does an export target name a JSON lines file (`out.jsonl`) rather than a folder?"""
    return target.suffix.lower() == ".jsonl" and not target.is_dir()


def export_articles(db: Database, target: Path, fmt: str) -> int:
    """Write every article under `target` and return the count: Markdown files in the folder `target`, or
    JSON lines in `target` itself when it names a `.jsonl` file, else in `target/articles.jsonl`."""
    if fmt == "jsonl":
        if is_jsonl_file(target):
            target.parent.mkdir(parents=True, exist_ok=True)
            path = target
        else:
            target.mkdir(parents=True, exist_ok=True)
            path = target / "articles.jsonl"
        count = 0
        with path.open("w", encoding="utf-8") as out:
            for line in iter_jsonl(db):
                out.write(line + "\n")
                count += 1
        return count
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for article_id in iter_all_ids(db):
        found = readable_article(db, article_id)
        if found:
            article = found[0]
            path = target / f"{article.id:06d}-{slugify(article.title)}.md"
            path.write_text(article_markdown(article), encoding="utf-8")
            count += 1
    return count
