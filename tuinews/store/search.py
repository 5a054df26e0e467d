"""Full-text search (FTS5) over articles and quotes, ranked, with highlighted snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

#: Snippet highlight markers: private-use characters no article contains, swapped for real markup
#: (bold in the terminal, `**` in JSON) by whoever shows the snippet.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

_TOKEN = re.compile(r"\w+", re.UNICODE)


class SearchError(ValueError):
    """The query cannot be searched (for example, it has no words)."""


@dataclass
class SearchHit:
    """One ranked search result."""

    id: int
    title: str
    url: str
    snippet: str
    published: str | None
    outlet: str | None


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must match, the last as a prefix.

    FTS5 syntax (quotes, NEAR, column filters, `-`) in user input would raise errors or change the
    meaning, so words are extracted and quoted.
    """
    words = _TOKEN.findall(text)
    if not words:
        raise SearchError("the search query has no words to look for")
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_articles(db: Database, text: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles matching `text`, best first (bm25, title weighted highest)."""
    match = fts_query(text)
    rows = db.execute(
        f"""
        SELECT a.id, a.title, a.url,
               snippet(articles_fts, 3, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16) AS body_snip,
               snippet(articles_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16) AS title_snip,
               a.published, a.outlet
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ?
        ORDER BY bm25(articles_fts, 10.0, 4.0, 2.0, 1.0)
        LIMIT ? OFFSET ?
        """,
        [match, limit, offset],
    ).fetchall()
    hits = []
    for id_, title, url, body_snip, title_snip, published, outlet in rows:
        snippet = body_snip if MARK_OPEN in body_snip else title_snip
        hits.append(SearchHit(id_, title, url, " ".join(snippet.split()), published, outlet))
    return hits


def snippet_with(snippet: str, open_mark: str, close_mark: str) -> str:
    """A snippet with its highlight markers replaced by `open_mark`/`close_mark`."""
    return snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)
