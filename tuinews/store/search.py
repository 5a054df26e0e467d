"""Full-text search (FTS5) over articles and quotes, ranked, with highlighted snippets."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

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
    spellings: list[str] = field(default_factory=list)
    """The query's words as this article's text spells them (the first match of each), found with the
    snippet: what the reader looks for to bring the match into view."""


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


# ------------------------------------------------------------------------------ matching as FTS5 does
# The index folds case and diacritics (unicode61 remove_diacritics 2), so "nunez" finds "Núñez": the
# snippet and the reader's jump must find the same words, so both sides are folded here too (NFD, combining
# marks dropped, casefold), and what is found is mapped back to the text as printed.


class _FoldTable(dict[int, str]):
    """Each character (by code point, for `str.translate`) folded for matching, computed on first sight;
    `irregular` holds those seen that fold to other than one character (marks, `ß`)."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code).casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(folded) != 1:
            self.irregular.add(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> tuple[str, list[int] | None]:
    """`text` folded for matching, and for each folded character the index of the character of `text` it
    came from (None when every character folds to one, as in ASCII text: positions are kept)."""
    if text.isascii():
        return text.lower(), None
    folded = text.translate(_FOLD)
    if _FOLD.irregular.isdisjoint(text):
        return folded, None
    return folded, [index for index, char in enumerate(text) for _ in _FOLD[ord(char)]]


def word_pattern(query: str, *, whole: bool = True) -> re.Pattern[str] | None:
    """A pattern over folded text for the query's words at the start of a word (`whole`: through the word's
    end, for marking); None when the query has no words."""
    words = _TOKEN.findall(query)
    if not words:
        return None
    alternatives = "|".join(re.escape(fold(w)[0]) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")" + (r"\w*" if whole else ""))


# Endings the search index's stemmer (porter) treats as one word with the stem: longest first.
_ENDINGS = ("ings", "ies", "ied", "ying", "ing", "ers", "er", "ed", "es", "ly", "s", "y", "e")


def _stem(word: str) -> str:
    """A rough English stem: where the index matched `ferries` for "ferry", `warning` for "warnings" or
    `runs` for "running", the words printed start with this (`ferr`, `warn`, `run`)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":  # runn(ing) -> run
        word = word[:-1]
    return word


def stem_pattern(query: str) -> re.Pattern[str] | None:
    """Like `word_pattern`, from each word's stem: for the matches the index found by stemming, where the
    words as typed are not in the text."""
    words = _TOKEN.findall(query)
    if not words:
        return None
    stems = {_stem(fold(w)[0]) for w in words}
    alternatives = "|".join(re.escape(w) for w in sorted(stems, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\w*")


def _printed(text: str, owner: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """A span of folded text as the span of `text` it came from (a letter's trailing marks included)."""
    if owner is None:
        return start, end
    first, last = owner[start], owner[end - 1] + 1
    while last < len(text) and not _FOLD[ord(text[last])]:  # marks that fold to nothing end with their letter
        last += 1
    return first, last


def first_match(text: str, query: str) -> int | None:
    """Offset in `text` of the first word starting with any of the query's words, accents and case aside."""
    pattern = word_pattern(query, whole=False)
    if pattern is None:
        return None
    folded, owner = fold(text)
    match = pattern.search(folded) or stem_pattern(query).search(folded)  # type: ignore[union-attr]
    return _printed(text, owner, *match.span())[0] if match else None


def add_snippets(db: Store, text: str, hits: list[SearchHit], width: int = 160) -> None:
    """Fill in each hit's snippet (the stretch of its body around the first match, matches marked) and
    how its text spells the query's words.

    Done in Python over the stored body: FTS5's snippet() walks a common word's whole doclist to
    reach one row, which costs milliseconds per hit on a large cache.
    """
    pattern = word_pattern(text)
    if pattern is None or not hits:
        return
    marks = ",".join("?" * len(hits))
    texts = {
        row[0]: (row[1] or "", row[2] or "")
        for row in db.execute(
            f"SELECT id, body_markdown, dek FROM articles WHERE id IN ({marks})", [h.id for h in hits]
        ).fetchall()
    }
    words = _TOKEN.findall(text)
    # The words as typed first; then their stems, for what the index matched by stemming ("ferry" finds
    # "ferries"); in the body, else the title or the dek (all three are indexed).
    patterns = [p for p in (pattern, stem_pattern(text)) if p is not None]
    for hit in hits:
        body, dek = texts.get(hit.id, ("", ""))
        hit.snippet = next(
            (
                snippet
                for candidate in patterns
                for where in (body, hit.title, dek)
                if (snippet := make_snippet(where, candidate, width))
            ),
            "",
        )
        hit.spellings = spellings(body, words)


def spellings(text: str, words: list[str]) -> list[str]:
    """Each word as `text` first spells it (accents and case as printed: `nunez` -> `Núñez`), or as given
    when `text` does not hold it."""
    folded, owner = fold(text)
    found = []
    for word in words:
        pattern = word_pattern(word, whole=False)
        match = pattern.search(folded) if pattern is not None else None
        if match is None and pattern is not None:
            match = stem_pattern(word).search(folded)  # type: ignore[union-attr]
        if match is None:
            found.append(word)
        else:
            start, end = _printed(text, owner, *match.span())
            found.append(text[start:end])
    return found


def make_snippet(body: str, pattern: re.Pattern[str], width: int = 160) -> str:
    """About `width` characters of `body` around the first match of `pattern` (from `word_pattern`: it
    matches accents and case aside), every match marked."""
    body = _MARKDOWN_LINK.sub(r"\1", body).replace("**", "").replace("## ", "")
    folded, owner = fold(body)
    found = pattern.search(folded)
    if found is None:
        return ""
    found_start, found_end = _printed(body, owner, *found.span())
    start = max(0, found_start - width // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < found_start else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", found_end, end)
        end = space if space > found_end else end
    # Only the window is searched for further matches: a common word can match thousands of times.
    window_end = end if owner is None else bisect.bisect_left(owner, end)
    pieces, at = [], start
    for match in pattern.finditer(folded, found.start(), window_end):
        span_start, span_end = _printed(body, owner, *match.span())
        if span_end <= span_start or span_end > end:
            continue
        pieces += [body[at:span_start], MARK_OPEN, body[span_start:span_end], MARK_CLOSE]
        at = span_end
    pieces.append(body[at:end])
    excerpt = " ".join("".join(pieces).split())
    return ("…" if start else "") + excerpt + ("…" if end < len(body) else "")


def snippet_with(snippet: str, open_mark: str, close_mark: str) -> str:
    """A snippet with its highlight markers replaced by `open_mark`/`close_mark`."""
    return snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)
