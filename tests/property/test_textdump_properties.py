"""Properties of the plain-text page dump parser: it never crashes, and the body never repeats a line it
handed back as furniture."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuinews.extract.textdump import looks_like_textdump, parse_textdump

FURNITURE_LIKE = [
    "Advertisement",
    "Home > World > Asia",
    "By Jane Roe",
    "3 min read",
    "Updated: Nov 18, 2024, 10:30 IST",
    "Listen to This Article",
    "Share",
    "Also Read",
    "NEW DELHI (Reuters) -",
    "Photo: AP",
    "(PTI)",
    "Subscribe to our newsletter",
    "Read more:",
    "Follow us on X",
    "Published on November 3, 2024 09:15 ET",
]
SENTENCES = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){3,14}[.!?]", fullmatch=True)
lines = st.one_of(st.sampled_from(FURNITURE_LIKE), SENTENCES, st.text(max_size=30), st.just(""))
dumps = st.lists(lines, max_size=40, unique=True).map("\n".join)


@given(st.one_of(dumps, st.text(max_size=400)))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parser_never_crashes(text: str) -> None:
    looks_like_textdump(text)
    meta, body, furniture, captions = parse_textdump(text)
    assert isinstance(body, str) and isinstance(furniture, list) and isinstance(captions, list)


@given(dumps)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_body_never_contains_reported_furniture_lines(text: str) -> None:
    _, body, furniture, _ = parse_textdump(text)
    body_lines = {line.strip() for line in body.splitlines() if line.strip()}
    reported = {line.strip() for line in furniture if line.strip()}
    # Lines of the input are unique, so a furniture line found again in the body was kept twice.
    assert not (body_lines & reported)


def test_a_one_megabyte_word_and_deep_nesting_of_quotes() -> None:
    parse_textdump("Headline\n\n" + "a" * 1_000_000 + "\n")
    parse_textdump("“" * 50_000 + "\n" + "(" * 50_000)
