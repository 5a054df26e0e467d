"""Pure text helpers: page furniture, subject phrases before a cue verb, quote text cleaning."""

from __future__ import annotations

import re

from .lexicon import ORG_NOUNS, PARTICLES, ROLE_MODIFIERS, ROLE_NOUNS
from .patterns import (
    BOLD_LINE_RE,
    CREDIT_END_RE,
    EMPH_RE,
    FURNITURE_RE,
    ITALIC_BLOCK_RE,
    LEAD_TRIM,
    LINK_ONLY_RE,
    LINK_RE,
    PARTY_TAG_RE,
    QUOTE_PREFIX_RE,
    SPOKES_FOR_RE,
    TIME_TAIL_RE,
    TRAIL_TRIM,
    WS_RE,
    has_role_word,
)

#: The words CREDIT_END_RE needs in a block's last characters (a cheap test before the full pattern).
_CREDIT_WORD_RE = re.compile(r"Photo|Picture|Image|Credit")


def is_furniture(raw: str) -> bool:
    text = (QUOTE_PREFIX_RE.sub("", raw) if ">" in raw else raw).strip()
    if not text:
        return True
    if FURNITURE_RE.match(text) or ITALIC_BLOCK_RE.match(text) or BOLD_LINE_RE.match(text):
        return True
    if _CREDIT_WORD_RE.search(text, max(0, len(text) - 80)) and CREDIT_END_RE.search(text):
        return True  # a photo caption: it ends with the picture's credit
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if all(ln.lstrip().startswith("|") for ln in lines):
        return True
    return all(LINK_ONLY_RE.match(ln) for ln in lines)


def np_before(text: str) -> tuple[int, str | None]:
    """The subject phrase right before a cue verb: (offset in text, phrase) or (0, None)."""
    t = text.rstrip()
    # TIME_TAIL_RE is anchored at the end and spans at most ~40 characters: searched on the tail only (a
    # match that starts inside a run of spaces leaves them, hence the rstrip)
    tm = TIME_TAIL_RE.search(t, max(0, len(t) - 48))
    if tm and tm.start() > 0:
        t = t[
            : tm.start()
        ].rstrip()  # "X on Wednesday insisted that": the time phrase is not part of the subject
    pm = re.search(r"\s*\([A-Za-z&.]{1,12}\)$", t)
    if pm:
        t = t[: pm.start()]
    if not t:
        return 0, None
    if t[-1] == ",":
        # Appositives: "Ann Poe, a spokeswoman for the ministry, said" -> the name-headed part; an acronym
        # in brackets ("The Energy Workers Union (EWU), which ..., said") is blanked out (same length).
        t = ACRONYM_PAREN_RE.sub(lambda m: " " * len(m.group()), t)
        parts = t[:-1].split(",")
        offset = len(t) - 1
        for k in range(len(parts) - 1, max(-1, len(parts) - 5), -1):
            offset -= len(parts[k]) + (1 if k < len(parts) - 1 else 0)
            part = parts[k]
            if re.search(r"[;:()\x01\x02—–]", part):
                break
            if is_subject_part(part) or (k == 0 and _opening_org_part(part)):
                pwords = part.split()
                lead = len(part) - len(part.lstrip())
                if len(pwords) > 8:
                    keep = " ".join(pwords[-6:])
                    return offset + part.rfind(keep), keep
                return offset + lead, part.strip()
        return 0, None
    if t[-1] in ",;:—–\x01\x02":
        return 0, None
    cut = max(t.rfind(c) for c in ",;:()\x01\x02—–")
    st = cut + 1
    seg = t[st:]
    words = list(re.finditer(r"\S+", seg))
    while words and (words[0].group().lower() in LEAD_TRIM or not re.search(r"\w", words[0].group())):
        words.pop(0)
    while words and words[-1].group().lower() in TRAIL_TRIM:
        words.pop()
    if not words or len(words) > 10:
        if len(words) > 10:
            words = words[-8:]
        else:
            return 0, None
    return st + words[0].start(), seg[words[0].start() : words[-1].end()]


def _opening_org_part(part: str) -> bool:
    """The sentence's opening part names the organisation speaking (a name-headed part later in the
    sentence wins first): "A spokesperson for the Federal Network Agency (BNetzA), which ..., said", "The
    department, asked to respond, said"."""
    sm = SPOKES_FOR_RE.search(part)
    if sm is not None and len(part[: sm.start()].split()) <= 2:
        return True
    words = part.split()
    return len(words) == 2 and words[0].lower() in ("the", "its") and words[1].lower() in ORG_NOUNS


def is_subject_part(part: str) -> bool:
    """Is this comma-separated part a name-headed subject (not an appositive description)?"""
    words = part.split()
    if not words or PARTY_TAG_RE.match(part):
        return False
    first = words[0].lower()
    if first in ("a", "an") or has_role_word(part) and not words[-1][:1].isupper():
        return False
    if first == "the":
        return len(words) > 1 and all(
            w[:1].isupper() or w in PARTICLES or w in ("and", "des") or _ELIDED_RE.match(w) for w in words[1:]
        )
    if words[-1][:1].isupper() and not words[0][:1].isupper():
        # a role before the name: "retired surveyor Anselm Kowal", "District in-charge minister X"
        k = next(i for i, w in enumerate(words) if w[:1].isupper())
        if k <= 3 and not any(w.lower() in FUNCTION_WORDS for w in words[:k]):
            return subject_run_end(words, k) == len(words)
    if words[0][:1].isupper() and subject_run_end(words, 0) == len(words) and words[-1][:1].isupper():
        return True
    return (
        words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.lower() in ROLE_NOUNS for w in words if w[:1].islower())
    )


#: An elided particle before a name: "d'Aval", "l’Isle".
_ELIDED_RE = re.compile(r"^[dl]['’][A-ZÀ-Þ]")
FUNCTION_WORDS = frozenset("a an the of for at with in on from to and or who which whose by as that".split())
ACRONYM_PAREN_RE = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)(?=\s*,)")


#: Whitespace that WS_RE would change: anything but a single plain space.
_ODD_SPACE_RE = re.compile(r"[^\S ]|  ")


def clean(s: str) -> str:
    """Quote text without Markdown links, bold marks and repeated spaces."""
    if "](" in s:
        s = LINK_RE.sub(r"\1", s)
    if "**" in s or "__" in s:
        s = EMPH_RE.sub("", s)
    s = s.strip()
    return WS_RE.sub(" ", s) if _ODD_SPACE_RE.search(s) else s


def _role_word(w: str) -> bool:
    low = w.lower()
    return low in ROLE_NOUNS or low in ROLE_MODIFIERS or ("-" in low and low[:1].isalpha())


def subject_run_end(words: list[str], i: int) -> int:
    """End (exclusive) of the name-headed subject starting at words[i]: capitalised words, with up to two
    particles ("Party for the North") or up to three role words ("Local councillor X", "Economy minister
    X", "The opposition Green Left") between them."""
    j = i
    n = len(words)
    while j < n:
        if words[j][:1].isupper():
            j += 1
            continue
        k = j
        while k < n and k - j < 2 and words[k] in PARTICLES:
            k += 1
        if k > j and j > i and k < n and words[k][:1].isupper():
            j = k
            continue
        k = j
        while k < n and k - j < 3 and not words[k][:1].isupper() and _role_word(words[k]):
            k += 1
        if k > j and k < n and words[k][:1].isupper():
            j = k
            continue
        break
    return j
