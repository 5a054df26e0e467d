"""The quote-mark state machine: top-level quoted spans over the blocks of an article."""

from __future__ import annotations

import re

from .lexicon import CUE_RE, CUE_VERBS
from .model import Frag, Span
from .patterns import DIRECT_PRE_CUE_RE, OPEN_PREV, WORD_RE

#: Any character the state machine acts on (everything else is skipped in one C-level search).
_MARK_RE = re.compile("[\"“”„«»‘’']")


def scan_marks(norm: str, blocks: list[tuple[int, int, int]]) -> list[Span]:
    """The quote-mark state machine: top-level quoted spans, with multi-paragraph continuation."""
    quotes: list[Span] = []
    pending: Span | None = None
    pending_mark = ""
    s = norm
    for bi, (b0, b1, _) in enumerate(blocks):
        stack: list[tuple[str, int]] = []
        cur: Span | None = None
        i = b0
        while i < b1 and s[i].isspace():
            i += 1
        if pending is not None:
            if i < b1 and s[i] in "\"“„«‘'»":
                stack.append((pending_mark, i))
                cur = pending
                cur.frags.append(Frag(i, -1, i + 1, -1))
                i += 1
            else:
                pending.closed = False
                quotes.append(pending)
            pending = None
        first = i  # the block's first character
        end = b1
        while end > b0 and s[end - 1].isspace():
            end -= 1
        while i < end:
            mm = _MARK_RE.search(s, i, end)
            if mm is None:
                break
            i = mm.start()
            c = s[i]
            prev = s[i - 1] if i > b0 else " "
            nxt = s[i + 1] if i + 1 < end else " "
            top = stack[-1][0] if stack else ""
            opener = prev in OPEN_PREV or prev.isspace()
            closer = not prev.isspace() and (not nxt.isalnum())
            action = ""  # "open" | "close" | ""
            if c == '"':
                if top == '"' and (closer or not opener):
                    action = "close"
                elif opener and not nxt.isspace():
                    action = "open"
                elif '"' in [x[0] for x in stack]:
                    action = "close"
            elif c == "“":
                action = "close" if top == "„" else "open"
            elif c == "”":
                if any(x[0] in "“„" for x in stack):
                    action = "close"
            elif c == "„" or c == "«":
                action = "close" if (c == "«" and top == "»") else "open"
            elif c == "»":
                if any(x[0] == "«" for x in stack):
                    action = "close"
                elif opener and nxt.isalnum():
                    action = "open"
            elif c == "‘":
                if (
                    opener
                    and nxt.isalnum()
                    and (
                        single_closes(s, i + 1, end, "’")
                        or (not stack and i == first and _reopens(s, blocks, bi))
                    )
                ):
                    action = "open"
            elif c == "’":
                if top == "‘" and closer and not possessive(s, i, end):
                    action = "close"
            elif c == "'":
                if top == "'" and closer and not possessive(s, i, end):
                    action = "close"
                elif opener and nxt.isalpha() and single_closes(s, i + 1, end, "'"):
                    action = "open"
            if action == "open":
                if not stack:
                    cur = Span([Frag(i, -1, i + 1, -1)], bi)
                stack.append((c, i))
            elif action == "close":
                want = {'"': '"', "”": "“„", "“": "„", "»": "«", "«": "»", "’": "‘", "'": "'"}[c]
                while stack and stack[-1][0] not in want:
                    stack.pop()
                if stack:
                    stack.pop()
                if not stack and cur is not None:
                    f = cur.frags[-1]
                    f.end, f.mask_end = i, i + 1
                    cur.last_block = bi
                    quotes.append(cur)
                    cur = None
            i += 1
        if (
            cur is not None
            and stack
            and (stack[0][0] not in "‘'" or (stack[0][0] == "‘" and _reopens(s, blocks, bi)))
        ):
            f = cur.frags[-1]
            f.end = f.mask_end = end
            cur.last_block = bi
            pending, pending_mark = cur, stack[0][0]
    if pending is not None:
        pending.closed = False
        quotes.append(pending)
    for q in quotes:
        q.words = sum(len(WORD_RE.findall(norm[f.start : f.end])) for f in q.frags)
        q.direct = is_direct(norm, blocks, q)
    return quotes


def is_direct(norm: str, blocks: list[tuple[int, int, int]], q: Span) -> bool:
    b0 = blocks[q.block][0]
    f = q.frags[0]
    pre = norm[b0 : f.mask_start].rstrip()
    if not pre:
        return True
    last = pre[-1]
    if last in ".!?:;(—–“”\"»«’'" or pre.endswith(" -"):
        return True
    if last == "," and DIRECT_PRE_CUE_RE.search(pre[-90:]):
        return True
    body = norm[f.start : f.start + 1]
    return bool(body[:1].isupper() and CUE_RE.search(pre[-12:]) and re.search(r"\w$", pre))


#: `«A, — добавил он. — B»`: an attribution between dashes inside one pair of marks.
INNER_ATTR_RE = re.compile(
    rf"(?<=,)\s*(?P<dash>[—–])\s+(?:{CUE_VERBS})\b[^—–\n\"«»“”„]{{1,80}}?[.,]?\s+[—–]\s*"
)


def split_inner_attributions(norm: str, quotes: list[Span]) -> list[Span]:
    """Split a quote holding its own attribution between dashes into two quotes with the attribution
    between them, so it reads like `"A," he added. "B."` (one split quote)."""
    out: list[Span] = []
    for q in quotes:
        m = None
        if q.direct and len(q.frags) == 1 and q.closed:
            f = q.frags[0]
            m = INNER_ATTR_RE.search(norm, f.start, f.end)
        if m is None or m.end() >= f.end:
            out.append(q)
            continue
        dash = m.start("dash")
        first = Span([Frag(f.mask_start, dash, f.start, dash)], q.block, q.last_block, True, True)
        second = Span([Frag(m.end(), f.mask_end, m.end(), f.end)], q.block, q.last_block, True, True)
        for part in (first, second):
            part.words = len(WORD_RE.findall(norm[part.frags[0].start : part.frags[0].end]))
        out.extend((first, second))
    return out


# ---- helpers ------------------------------------------------------------------------------------


def possessive(s: str, i: int, end: int) -> bool:
    """A single mark after a plural "s" and before a lower-case word ("the farmers’ market"), with a
    later closing candidate, is an apostrophe."""
    if s[i - 1] != "s" or i + 2 >= end or s[i + 1] != " " or not s[i + 2].islower():
        return False
    return single_closes(s, i + 1, end, s[i])


def _reopens(s: str, blocks: list[tuple[int, int, int]], bi: int) -> bool:
    """Does the block after `bi` open with a single curly mark (a quote running on over paragraphs in
    single marks: each paragraph re-opens it and only the last one closes it)?"""
    if bi + 1 >= len(blocks):
        return False
    b0, b1, _ = blocks[bi + 1]
    text = s[b0:b1].lstrip()
    return text.startswith("‘")


def single_closes(s: str, i: int, end: int, mark: str) -> bool:
    """Is there a plausible closing single mark (followed by a non-letter) after position i?"""
    j = s.find(mark, i, end)
    while j != -1:
        nxt = s[j + 1] if j + 1 < end else " "
        if not s[j - 1].isspace() and not nxt.isalnum():
            return True
        j = s.find(mark, j + 1, end)
    return False
