"""Capitalised name runs, with organisation names that hold an "and" kept whole."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import ORG_WORDS, UPPER
from .patterns import NAME_RE

#: Organisation heads that take an "of"/"for" complement which may itself hold "and"
#: ("Department of Health and Human Services", "Authority for Consumers and Markets").
ORG_HEADS = frozenset(
    "Ministry Department Authority Office Institute Commission Agency Council Board Bureau Committee "
    "Federation Association Union Centre Center Society Academy College School University Secretariat "
    "Directorate Inspectorate".split()
)
_AND_RE = re.compile(r"[ \t]+and[ \t]+")
_DES_RE = re.compile(r"[ \t]+des[ \t]+")
#: Every name starts with a capital: the search jumps from capital to capital (a plain character class is
#: found by a fast scan) and tries NAME_RE only there, rather than at every character of the text.
_CAP_RE = re.compile(f"[{UPPER}]")


def _names(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The same matches as NAME_RE.finditer(text, start, end)."""
    i = start
    while True:
        c = _CAP_RE.search(text, i, end)
        if c is None:
            return
        m = NAME_RE.match(text, c.start(), end)
        if m is None:
            i = c.start() + 1
        else:
            yield m
            i = m.end()


def _joinable(left: str, right: str) -> bool:
    """May "LEFT and RIGHT" be one organisation name?"""
    lt, rt = left.split(), right.split()
    if rt[-1] in ORG_WORDS and len(lt) <= 2 and not any(t in ORG_WORDS for t in lt):
        # "Fishing and Maritime Workers Union", "Securities and Exchange Commission"
        return True
    head = lt[1] if lt[0] == "The" and len(lt) > 1 else lt[0]
    return (
        head in ORG_HEADS
        and any(t in ("of", "for") for t in lt)
        and len(rt) <= 3
        and not any(t in ORG_WORDS for t in rt)
    )


def name_runs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, run) for every capitalised name run in text[start:end], "X and Y Union" joined."""
    end = len(text) if end is None else end
    pending: tuple[int, str] | None = None
    for m in _names(text, start, end):
        if pending is not None:
            gap = text[pending[0] + len(pending[1]) : m.start()]
            if (_AND_RE.fullmatch(gap) and _joinable(pending[1], m.group())) or (
                _DES_RE.fullmatch(gap) and pending[1].split()[0] in ORG_WORDS
            ):
                # "Syndicat des Vignerons d'Aval" (a German "Betreiber des Clubs" is a role, not a name)
                pending = (pending[0], text[pending[0] : m.end()])
                continue
            yield pending
        pending = (m.start(), m.group())
    if pending is not None:
        yield pending
