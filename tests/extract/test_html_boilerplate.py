"""The furniture post-filter on Markdown blocks: what goes, and reporting that must stay."""

from __future__ import annotations

import pytest

from tuinews.extract.boilerplate import filter_blocks, is_credit, is_furniture

REPORTING = (
    "The council said the newsletter it sends to residents would carry the new bin collection dates, "
    "and that anyone who wanted to subscribe to it could sign up at the library or the town hall, "
    "where staff would also answer questions about the changes to the garden waste service."
)


@pytest.mark.parametrize(
    "block",
    [
        "Advertisement",
        "**Read more:** [Quay repairs delayed again](https://example.org/q)",
        "Related: Ferry timetable changes for winter",
        "SEE MORE: Harbour dues rise by four per cent",
        "**DON'T MISS**",
        "Get the Courier's morning briefing delivered to your inbox. Sign up for our free newsletter.",
        "Follow the Courier on Twitter, Facebook and Instagram.",
        "Like this story? Share it with a friend!",
        "### Tell us what YOU think...",
        "12 comments",
        "Tags: harbour, flooding, council",
        "Filed under: Coast |",
        "© 2026 The Wrenmouth Courier. All rights reserved.",
        "Have a tip? Tamsin Orrell may be reached at tips@courier.example.",
        "*.*",
    ],
)
def test_furniture_blocks_are_recognised(block: str) -> None:
    assert is_furniture(block)


@pytest.mark.parametrize(
    "block",
    [
        REPORTING,
        "“Read the small print,” she said.",
        "More than 40 homes were flooded.",
        "Related costs rose by a third, the report said.",
        "The share price fell 4% on Monday.",
        "## Warnings in the spring",
    ],
)
def test_reporting_is_never_furniture(block: str) -> None:
    assert not is_furniture(block)


@pytest.mark.parametrize(
    "block",
    [
        "(Reporting by Tamsin Orrell; Editing by Jory Penhale)",
        "Additional reporting by Ewan Pascoe in Truro",
        "Keith Marrack contributed reporting from Penzance.",
        "SOURCE: News agencies",
    ],
)
def test_credit_lines_are_recognised(block: str) -> None:
    assert is_credit(block)


def test_filter_moves_credits_drops_furniture_and_a_dangling_tail() -> None:
    blocks = [
        "First paragraph of the story, with the news in it.",
        "Read more: Another story entirely",
        "Second paragraph, quoting a resident at some length.",
        "[Quay repairs delayed](https://e.org/a) [Harbour dues rise](https://e.org/b)",
        "Third paragraph, with the [preliminary report](https://e.org/r) linked inline.",
        "(Reporting by Tamsin Orrell; Editing by Jory Penhale)",
        "## More from the coast",
        "- [Ferry changes](https://e.org/f)\n- [Seal count](https://e.org/s)",
    ]
    kept, credits = filter_blocks(blocks)
    assert kept == [
        "First paragraph of the story, with the news in it.",
        "Second paragraph, quoting a resident at some length.",
        "Third paragraph, with the [preliminary report](https://e.org/r) linked inline.",
    ]
    assert credits == ["(Reporting by Tamsin Orrell; Editing by Jory Penhale)"]


def test_a_single_link_paragraph_and_embeds_stay() -> None:
    blocks = [
        "[The operator's statement is here, in full, with the fare table attached](https://e.org/s)",
        "[Tweet: “Stay off the quay.” — Lifeboat (@rnli)](https://twitter.com/rnli/status/1)",
        "Closing paragraph.",
    ]
    assert filter_blocks(blocks)[0] == blocks


def test_unrendered_shortcodes_are_furniture() -> None:
    assert is_furniture('[button link="https://e.org/submit" type="big"] Send us YOUR review[/button]')
    assert not is_furniture("[1] Alarm fatigue: a review of the evidence, 2015.")
