"""Furniture left in bodies of the demo pages, as general rules (own invented blocks)."""

from __future__ import annotations

from tuinews.extract.boilerplate import filter_blocks


def test_a_bare_timestamp_label_is_furniture() -> None:
    kept, _ = filter_blocks(
        ["Updated", "Last updated:", "The harbour reopened on Monday after a week of storms."]
    )
    assert kept == ["The harbour reopened on Monday after a week of storms."]


def test_a_sentence_starting_with_published_is_kept() -> None:
    block = "Published in 1911, the atlas was the first to show the island's northern coves in detail."
    assert filter_blocks([block])[0] == [block]


def test_a_wire_desks_initials_closing_the_story_go() -> None:
    kept, _ = filter_blocks(["The club will appoint a new coach next week.", "hm/dj"])
    assert kept == ["The club will appoint a new coach next week."]


def test_initials_in_the_middle_of_a_story_are_left_alone() -> None:
    blocks = [
        "The club will appoint a new coach next week.",
        "ab/cd",
        "Fans marched to the ground on Sunday.",
    ]
    assert filter_blocks(blocks)[0] == blocks
