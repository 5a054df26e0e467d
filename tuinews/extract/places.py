"""Place names in datelines and agency lines: the shape test and the title-casing."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PLACE_PARTICLES = _words(
    "of the de del della di da do dos das du des la le les es el al au aux am an upon on sur y en"
)
_NOT_PLACE = _words(
    "photo photos images image staff news video updated published reporter correspondent bureau "
    "desk inputs report reports said says"
)


def looks_like_place(text: str, *, max_parts: int = 3) -> bool:
    parts = [p.strip() for p in text.strip().split(",")]
    if not 1 <= len(parts) <= max_parts or len(text) > 60:
        return False
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 5:
            return False
        for i, word in enumerate(words):
            if word.lower().strip(".") in _NOT_PLACE:
                return False
            if i and word.lower() in _PLACE_PARTICLES:
                continue
            if not (word[0].isupper() and re.fullmatch(r"[^\W\d_][\w.'’/-]*", word)):
                return False
    return True


def title_place(text: str) -> str:
    """Title-case the all-capital words of a place (`ST. PAUL, Minn.` -> `St. Paul, Minn.`)."""
    out = []
    for index, part in enumerate(text.split(",")):

        def fix(match: re.Match[str], first_part: bool = index == 0) -> str:
            word = match.group(0)
            if not word.isupper() or len(word) == 1:
                return word
            if len(word) == 2 and not first_part:
                return word  # a state or country code: "DC", "NY", "UK"
            if match.start() > 0 and word.lower() in _PLACE_PARTICLES:
                return word.lower()
            if "'" in word or "’" in word:
                # "ST. JOHN'S" -> "St. John's", "O'HARE" -> "O'Hare"
                pieces = re.split(r"(['’])", word)
                return "".join(
                    p if p in "'’" else (p.lower() if i and len(p) == 1 else p[0] + p[1:].lower())
                    for i, p in enumerate(pieces)
                    if p
                )
            return word[0] + word[1:].lower()

        out.append(re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)*", fix, part.strip()))
    return ", ".join(out)
