"""Full-text search (FTS5) over articles and quotes, ranked, with highlighted snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuinews.store.db import Store

#: Snippet highlight markers: private-use characters no article contains, swapped for real markup
#: (bold in the terminal, `**` in JSON) by whoever shows the snippet.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

_TOKEN = re.compile(r"\w+", re.UNICODE)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


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


#: The last word is matched as a prefix (search as you type) once it has this many characters. A
#: one- or two-letter prefix stands for hundreds of words, whose lists FTS5 must merge: "ka*" took
#: 0.75 s over 100,000 articles, "kat*" 60 ms, "ka" as a word a few milliseconds.
MIN_PREFIX = 3


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must match, the last as a prefix
    (from `MIN_PREFIX` characters on).

    FTS5 syntax (quotes, NEAR, column filters, `-`) in user input would raise errors or change the
    meaning, so words are extracted and quoted.
    """
    words = _TOKEN.findall(text)
    if not words:
        raise SearchError("the search query has no words to look for")
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) >= MIN_PREFIX:
        quoted[-1] += "*"
    return " ".join(quoted)


#: Ranking looks at the newest this-many matches: a word found in most of a huge cache would
#: otherwise mean scoring every article on each keystroke. News readers want the recent ones anyway.
RANK_WINDOW = 500


def search_articles(
    db: Store, text: str, *, limit: int = 20, offset: int = 0, snippets: bool = True
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


def add_snippets(db: Store, text: str, hits: list[SearchHit], width: int = 160) -> None:
    """Fill in each hit's snippet: the stretch of its body around the first match, matches marked.

    Done in Python over the stored body: FTS5's snippet() walks a common word's whole doclist to
    reach one row, which costs milliseconds per hit on a large cache.
    """
    words = _TOKEN.findall(text)
    if not words or not hits:
        return
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    marks = ",".join("?" * len(hits))
    bodies = dict(
        db.execute(
            f"SELECT id, body_markdown FROM articles WHERE id IN ({marks})", [h.id for h in hits]
        ).fetchall()
    )
    for hit in hits:
        hit.snippet = make_snippet(bodies.get(hit.id) or "", pattern, width) or make_snippet(
            hit.title, pattern, width
        )


def make_snippet(body: str, pattern: re.Pattern[str], width: int = 160) -> str:
    """About `width` characters of `body` around the first match of `pattern`, every match marked."""
    body = _MARKDOWN_LINK.sub(r"\1", body).replace("**", "").replace("## ", "")
    found = pattern.search(body)
    if found is None:
        return ""
    start = max(0, found.start() - width // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < found.start() else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", found.end(), end)
        end = space if space > found.end() else end
    excerpt = " ".join(body[start:end].split())
    marked = pattern.sub(lambda m: f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}", excerpt)
    return ("…" if start else "") + marked + ("…" if end < len(body) else "")


def snippet_with(snippet: str, open_mark: str, close_mark: str) -> str:
    """A snippet with its highlight markers replaced by `open_mark`/`close_mark`."""
    return snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)
