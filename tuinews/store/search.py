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


#: Ranking looks at the newest this-many matches: a word found in most of a huge cache would
#: otherwise mean scoring every article on each keystroke. News readers want the recent ones anyway.
RANK_WINDOW = 500


def search_articles(
    db: Database, text: str, *, limit: int = 20, offset: int = 0, snippets: bool = True
) -> list[SearchHit]:
    """Articles matching `text`, best first (bm25, title weighted highest) among the newest matches.

    Snippets cost a few milliseconds per long article, so a caller showing a few results at a time
    can ask for none here and fill the visible ones with `add_snippets`.
    """
    match = fts_query(text)
    rows = db.execute(
        """
        SELECT a.id, a.title, a.url, a.published, a.outlet FROM (
            SELECT rowid, bm25(articles_fts, 10.0, 4.0, 2.0, 1.0) AS score
            FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?
        ) AS ranked JOIN articles a ON a.id = ranked.rowid
        ORDER BY ranked.score, ranked.rowid DESC LIMIT ? OFFSET ?
        """,
        [match, RANK_WINDOW, limit, offset],
    ).fetchall()
    hits = [SearchHit(id_, title, url, "", published, outlet) for id_, title, url, published, outlet in rows]
    if snippets:
        add_snippets(db, text, hits)
    return hits


def add_snippets(db: Database, text: str, hits: list[SearchHit]) -> None:
    """Fill in each hit's snippet: the best-matching stretch of its body (or its title)."""
    match = fts_query(text)
    for hit in hits:
        row = db.execute(
            f"""
            SELECT snippet(articles_fts, 3, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16),
                   snippet(articles_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 16)
            FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?
            """,
            [match, hit.id],
        ).fetchone()
        if row:
            snippet = row[0] if MARK_OPEN in row[0] else row[1]
            hit.snippet = " ".join(snippet.split())


def snippet_with(snippet: str, open_mark: str, close_mark: str) -> str:
    """A snippet with its highlight markers replaced by `open_mark`/`close_mark`."""
    return snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)
