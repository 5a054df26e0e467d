"""One sanitiser for every string that reaches the terminal.

Rich and Textual pass ESC, C1 controls, NUL and bidi overrides through to the terminal, so text from
files and the network is cleaned here before any widget or `click.echo` sees it. Removal is a single
`str.translate` pass over a fixed table, so no escape sequence can be re-formed by what remains: ESC
(0x1B) and the 8-bit CSI/OSC/DCS introducers (0x9B, 0x9D, 0x90, ...) are themselves removed, and a
removed character is never replaced by one that could start a sequence.

What is removed, and why:

- C0 controls except tab and newline (NUL, BEL, BS, ESC, CR on its own, ...), DEL, and every C1 control
  (U+0080-U+009F): the characters terminals act on. NEL (U+0085) becomes a newline, which is what it means.
- Bidi controls (ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI): they reorder what is shown, so a
  title or link could read differently from what it is ("Trojan Source").
- The deprecated format controls U+206A-U+206F and the interlinear annotation marks U+FFF9-U+FFFB:
  invisible characters with no use in news text that some renderers still act on.
- Lone surrogates (U+D800-U+DFFF, which JSON `\\ud800` escapes can produce) become U+FFFD: they cannot be
  encoded as UTF-8, so writing one to the terminal or to SQLite would raise.

Whole escape sequences go first (CSI `ESC [ ... m`, OSC `ESC ] ... BEL`, DCS and the like, 7-bit or 8-bit,
OSC strings only when they end within 512 characters), so a hostile title does not leave its parameters
behind as litter (`]0;pwned[31m`); whatever is left of a broken one loses its ESC in the translate pass.

Kept on purpose: zero-width joiner and non-joiner (emoji and Indic scripts need them), zero-width space,
soft hyphen, BOM, variation selectors and tag characters (flag emoji): terminals do not act on them.
The line and paragraph separators U+2028/U+2029 become a newline (a paragraph break) in bodies, since
`str.splitlines` and some terminals treat them as line breaks while Rich does not.
"""

from __future__ import annotations

import re

_BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_FORMAT_CONTROLS = [*range(0x206A, 0x2070), *range(0xFFF9, 0xFFFC)]
_C0 = [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
_C1 = [c for c in range(0x7F, 0xA0) if c != 0x85]
_SURROGATES = range(0xD800, 0xE000)

#: Every code point the sanitiser changes (for tests and for `needs_cleaning`).
REMOVED: frozenset[int] = frozenset(_C0 + _C1 + _BIDI_CONTROLS + _FORMAT_CONTROLS)
"""Code points that never survive cleaning (NEL and the separators are mapped to newlines instead)."""

_TABLE_MULTILINE: dict[int, str | None] = {
    **{c: None for c in REMOVED},
    **{c: "\ufffd" for c in _SURROGATES},
    0x85: "\n",
    0x2028: "\n",
    0x2029: "\n\n",
}
_TABLE_ONELINE: dict[int, str | None] = {
    **_TABLE_MULTILINE,
    0x09: " ",
    0x0A: " ",
    0x85: " ",
    0x2028: " ",
    0x2029: " ",
}


# A quick test for "anything to do?": most text has none of these, and a regex search is far cheaper than
# a dict-driven translate over a long body.
def _char_class(codes: set[int] | frozenset[int]) -> re.Pattern[str]:
    """A regex character class matching exactly `codes`, written as ranges."""
    parts, ordered = [], sorted(codes)
    start = prev = ordered[0]
    for code in [*ordered[1:], -1]:
        if code != prev + 1:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev != start else ""))
            start = code
        prev = code
    return re.compile("[" + "".join(parts) + "]")


_NEEDS_WORK = _char_class(set(_TABLE_MULTILINE))


# Complete sequences: CSI (ESC [ or 0x9B, parameters, intermediates, a final byte); OSC, DCS, SOS, PM and
# APC strings (ESC ] P X ^ _ or 0x9D 0x90 0x98 0x9E 0x9F) up to BEL or ST (ESC \ or 0x9C), bounded; other
# two- and three-byte escapes (ESC, intermediates, a final byte).
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
_INTRODUCER = re.compile(r"[\x1b\x9b\x9d\x90\x98\x9e\x9f]")


def _without_sequences(text: str) -> str:
    return _SEQUENCE.sub("", text) if _INTRODUCER.search(text) else text


def needs_cleaning(text: str) -> bool:
    """True when `text` holds a character the sanitiser would remove or change (CR included)."""
    return _NEEDS_WORK.search(text) is not None


def clean_text(text: str | None) -> str:
    """Remove control and bidi-override characters, keeping newlines and tabs (for article bodies)."""
    if not text:
        return ""
    if not needs_cleaning(text):
        return text
    return _without_sequences(text).replace("\r\n", "\n").translate(_TABLE_MULTILINE)


def clean_line(text: str | None) -> str:
    """Like `clean_text`, for one-line fields (titles, names, URLs, errors): newlines become spaces."""
    if not text:
        return ""
    if needs_cleaning(text):
        text = _without_sequences(text).translate(_TABLE_ONELINE)
    return " ".join(text.split())


#: Characters JSON may carry raw under `ensure_ascii=False` that a terminal must not see raw.
_JSON_RAW = _char_class({*REMOVED, 0x85, 0x2028, 0x2029})


def escape_json_text(encoded: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with C1, DEL, bidi and separator characters
    written as `\\uXXXX` escapes: the same JSON value, safe to print. (`json.dumps` already escapes C0.)

    Such characters can only occur inside JSON strings, where an escape means the same character.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encoded)
