"""Articles out of the cache: Markdown with front matter, JSON objects, export folders."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tuinews.models import FRONT_MATTER_KEYS, StoredArticle
from tuinews.store.articles import get_article, get_captions, iter_all_ids
from tuinews.store.quotes import get_quotes


def article_json(db: Database, article: StoredArticle) -> dict[str, Any]:
    """The public JSON shape of a stored article (the same keys as `extract --json`, plus cache fields)."""
    return {
        "id": article.id,
        "title": article.title,
        "dek": article.dek,
        "url": article.url,
        "markdown": article.markdown,
        "dateline": article.dateline().to_json(),
        "quotes": [q.to_json() for q in get_quotes(db, article.id)],
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


def slugify(text: str, limit: int = 60) -> str:
    """A file-name-safe slug ("Zoë's big day!" -> "zoes-big-day")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "article"


def export_articles(db: Database, directory: Path, fmt: str) -> int:
    """Write every article to `directory` as Markdown files or one `articles.jsonl`; returns the count."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    if fmt == "jsonl":
        with (directory / "articles.jsonl").open("w", encoding="utf-8") as out:
            for article_id in iter_all_ids(db):
                article = get_article(db, article_id)
                if article:
                    out.write(json.dumps(article_json(db, article), ensure_ascii=False) + "\n")
                    count += 1
        return count
    for article_id in iter_all_ids(db):
        article = get_article(db, article_id)
        if article:
            path = directory / f"{article.id:06d}-{slugify(article.title)}.md"
            path.write_text(article_markdown(article), encoding="utf-8")
            count += 1
    return count
