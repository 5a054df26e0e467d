"""One sanitiser for every string that reaches the terminal.

Rich and Textual pass ESC, C1 controls, NUL and bidi overrides through to the terminal, so text from
files and the network is cleaned here before any widget or `click.echo` sees it. Removal is a single
`str.translate` pass: since ESC itself is gone, no escape sequence can be re-formed by what remains.
"""

from __future__ import annotations

_BIDI_CONTROLS = (
    [0x061C, 0x200E, 0x200F] + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))
)
_C0 = [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
_C1 = list(range(0x7F, 0xA0))

_TABLE_MULTILINE: dict[int, None] = {c: None for c in _C0 + _C1 + _BIDI_CONTROLS}
_TABLE_ONELINE: dict[int, str | None] = {**_TABLE_MULTILINE, 0x09: " ", 0x0A: " "}


def clean_text(text: str | None) -> str:
    """Remove control and bidi-override characters, keeping newlines and tabs (for article bodies)."""
    if not text:
        return ""
    return text.replace("\r\n", "\n").translate(_TABLE_MULTILINE)


def clean_line(text: str | None) -> str:
    """Like `clean_text`, for one-line fields (titles, names, URLs, errors): newlines become spaces."""
    if not text:
        return ""
    return " ".join(text.translate(_TABLE_ONELINE).split())
