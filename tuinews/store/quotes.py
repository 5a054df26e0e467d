"""Reading quotes and speakers back from the cache."""

from __future__ import annotations

from dataclasses import dataclass

from tuinews.models import Quote
from tuinews.store.db import Store
from tuinews.store.names import speaker_key


@dataclass
class QuoteRow:
    """A stored quote with the article it belongs to."""

    article_id: int
    article_title: str
    quote: Quote


@dataclass
class Speaker:
    """A speaker in the speaker index."""

    name: str
    role: str | None
    quotes: int
    articles: int


def _quote(row: tuple) -> Quote:
    text, speaker, role, kind, paragraph, start, end, confidence = row
    return Quote(text, speaker, role, kind, paragraph, start, end, confidence)


_QUOTE_COLUMNS = 'q.text, q.speaker, q.speaker_role, q.kind, q.paragraph, q.start, q."end", q.confidence'


def get_quotes(db: Store, article_id: int) -> list[Quote]:
    """An article's quotes in reading order."""
    rows = db.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q WHERE q.article_id = ? ORDER BY q.ordinal", [article_id]
    ).fetchall()
    return [_quote(r) for r in rows]


def list_quotes(db: Store, *, speaker: str | None = None, limit: int = 200) -> list[QuoteRow]:
    """Quotes across the cache, newest articles first; `speaker` matches a full name or any part of it.

    "Roe" finds quotes by "Jane Roe"; case and accents are ignored.
    """
    params: list[object] = []
    where = ""
    if speaker:
        key = speaker_key(speaker)
        where = (
            "WHERE q.speaker_key = ? OR q.speaker_key LIKE ? OR q.speaker_key LIKE ? OR q.speaker_key LIKE ?"
        )
        params = [key, f"{key} %", f"% {key}", f"% {key} %"]
    rows = db.execute(
        f"""
        SELECT a.id, a.title, {_QUOTE_COLUMNS}
        FROM quotes q JOIN articles a ON a.id = q.article_id
        {where}
        ORDER BY a.sort_key DESC, a.id DESC, q.ordinal
        LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    return [QuoteRow(r[0], r[1], _quote(r[2:])) for r in rows]


def list_speakers(db: Store, *, limit: int = 1000) -> list[Speaker]:
    """Every named speaker with how many quotes and articles they have, most quoted first."""
    rows = db.execute(
        """
        SELECT min(speaker), max(speaker_role), count(*), count(DISTINCT article_id)
        FROM quotes WHERE speaker_key IS NOT NULL
        GROUP BY speaker_key ORDER BY count(*) DESC, min(speaker) LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [Speaker(*r) for r in rows]
