"""A dateline printed on a line of its own above the story (own invented dumps)."""

from __future__ import annotations

from tuinews.extract.document import extract_document
from tuinews.extract.leads import standalone_place

DUMP = """Home / News / States
Ferry fares to rise on the backwaters from January
Published - November 20, 2026 08:10 pm IST
Our Bureau
ALAPPUZHA
Ferry fares on the backwater routes will rise by ₹5 from January 1, the water transport department said on Friday.
The department said the increase would pay for two new solar boats.
"""


def test_a_capitals_place_alone_above_the_story_is_the_dateline_place() -> None:
    article = extract_document(DUMP.encode(), name="ferry.txt")
    assert article.dateline.place == "Alappuzha"


def test_a_label_in_capitals_is_not_a_place() -> None:
    assert standalone_place("BREAKING") is None
    assert standalone_place("EXCLUSIVE") is None
    assert standalone_place("New Delhi") is None  # not printed in capitals
    assert standalone_place("ST. JOHN'S") == "St. John's"


def test_no_place_when_the_capitals_line_is_all_there_is() -> None:
    article = extract_document(b"Home / News\nA short note\nALAPPUZHA\n", name="note.txt")
    assert article.dateline.place is None
