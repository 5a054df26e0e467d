"""Whitespace and typography for extracted text: spaces folded, invisible characters gone, mojibake fixed.

Mojibake (UTF-8 read as cp1252 or Latin-1 somewhere upstream: "itâ€™s", "cafÃ©") is repaired by ftfy's
`fix_encoding`, which only undoes such decoding mistakes and leaves quotes, dashes and ligatures as the
writer set them. ftfy is only called when a cheap pattern sees the telltale byte pairs, because running it
over every clean page would cost more than the rest of the pipeline.
"""

from __future__ import annotations

import re

import ftfy

#: The lead bytes of UTF-8 sequences as cp1252/Latin-1 show them, followed by a continuation byte.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ef]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019"
    "\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
#: Spaces that are not the ordinary one: no-break, narrow, figure, ideographic-free thin spaces.
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
#: Characters that take no space at all and only get in the way of search and quotes.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_MULTI_SPACE = re.compile(r"(?<=\S)  +")
_BLANK_RUNS = re.compile(r"\n{3,}")


#: Characters every mojibake pair starts with: a substring test for them is far cheaper than the pattern.
_LEADS = (
    "\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9"
    "\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ef"
)


def has_mojibake(text: str) -> bool:
    """True when the text shows UTF-8 bytes decoded as a single-byte charset."""
    return any(lead in text for lead in _LEADS) and _MOJIBAKE.search(text) is not None


#: ftfy with everything but the decoding repair switched off (quotes, ligatures, widths stay as written).
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8-as-cp1252/Latin-1 decoding mistakes, line by line; other text is returned unchanged.

    Run it before control characters are stripped: cp1252 mojibake of a closing quote ends in U+009D.
    """
    if not text or not has_mojibake(text):
        return text
    return ftfy.fix_text(text, _FTFY)


def normalize_spaces(text: str) -> str:
    """No-break and other odd spaces to plain ones, invisible characters removed, no runs of spaces.

    Zero-width joiners inside emoji sequences are kept, since there they are part of the character.
    """
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub(_keep_emoji_joiner, text)
    return _MULTI_SPACE.sub(" ", text)


def _keep_emoji_joiner(match: re.Match[str]) -> str:
    char = match.group(0)
    if char != "\u200d":
        return ""
    text, at = match.string, match.start()
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return char if before > "\u2600" and after > "\u2600" else ""


def tidy_text(text: str) -> str:
    """Mojibake, spaces and blank-line runs, for a whole Markdown body or one field."""
    text = normalize_spaces(fix_mojibake(text))
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
