"""Properties of the one sanitiser: nothing it returns can act on a terminal, and it is stable."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tuinews.sanitize import REMOVED, clean_line, clean_text, escape_json_text, needs_cleaning

# Text heavy in the characters that matter: controls, C1, bidi, separators, surrogates, ESC sequences.
_DANGER = [chr(c) for c in sorted(REMOVED)] + [
    "\x85",
    "\u2028",
    "\u2029",
    "\ud800",
    "\udfff",
    "\r\n",
    "\t",
    "\n",
]
_PIECES = st.one_of(
    st.sampled_from(_DANGER),
    st.sampled_from(
        ["\x1b[", "\x1b]", "]0;", "52;c;", "[6n", "\x07", "\x1b\\", "\x9b", "[/]", "[@click=app.quit]"]
    ),
    st.text(max_size=8),
)
texts = st.lists(_PIECES, max_size=40).map("".join)
#: An escape sequence start: ESC or an 8-bit introducer (CSI, OSC, DCS, SOS, PM, APC, ST).
SEQUENCE_START = re.compile("[\x1b\x9b\x9d\x90\x98\x9e\x9f\x9c]")


def _safe(out: str) -> bool:
    return not any(ord(c) in REMOVED or 0xD800 <= ord(c) <= 0xDFFF for c in out)


@given(texts)
@settings(max_examples=400)
def test_clean_text_never_returns_a_control_bidi_or_surrogate(text: str) -> None:
    out = clean_text(text)
    assert _safe(out) and "\r" not in out
    assert SEQUENCE_START.search(out) is None
    out.encode("utf-8")  # always encodable: writing it can never raise


@given(texts)
@settings(max_examples=400)
def test_clean_line_is_one_safe_line(text: str) -> None:
    out = clean_line(text)
    assert _safe(out) and "\n" not in out and "\t" not in out
    assert out == out.strip() and "  " not in out


@given(texts)
def test_both_are_idempotent(text: str) -> None:
    assert clean_text(clean_text(text)) == clean_text(text)
    assert clean_line(clean_line(text)) == clean_line(text)
    assert not needs_cleaning(clean_text(text))


@given(
    st.lists(
        st.sampled_from(["\x1b", "[", "]", "6n", "\x00", "\u202e", "\x9b", "0;", "\x07", "x"]), max_size=60
    )
)
def test_removal_never_re_forms_a_sequence(parts: list[str]) -> None:
    # Whatever is interleaved, ESC and every C1 introducer are gone after one pass, so nothing that
    # remains can start a sequence (e.g. "\x1b\x00[6n" does not become "\x1b[6n").
    out = clean_text("".join(parts))
    assert SEQUENCE_START.search(out) is None


@given(st.text(max_size=50))
def test_plain_text_is_left_alone(text: str) -> None:
    if not needs_cleaning(text):
        assert clean_text(text) == text


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=10), max_size=5))
def test_json_escaping_keeps_the_value(values: list[str]) -> None:
    import json

    encoded = escape_json_text(json.dumps(values, ensure_ascii=False))
    assert json.loads(encoded) == values
    assert not any(ord(c) in REMOVED or c in "\x85\u2028\u2029" for c in encoded)


COMPLETE_SEQUENCES = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[6n",
    "\x1b[?1049h",
    "\x9b2J",
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]8;;http://evil.example/\x1b\\",
    "\x9d0;title\x9c",
    "\x1bPq#0;2;0;0;0\x1b\\",
    "\x1b(B",
    "\x1b7",
]
plain = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=20
)


@given(plain, st.sampled_from(COMPLETE_SEQUENCES), plain)
def test_a_whole_sequence_goes_with_its_parameters(before: str, sequence: str, after: str) -> None:
    # Not just the ESC: "]0;PWNED" or "[31m" left behind would be litter in a title.
    assert clean_text(before + sequence + after) == before + after
