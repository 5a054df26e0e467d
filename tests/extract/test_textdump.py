"""Plain-text page dumps: furniture out, article paragraphs in, meta and dateline from the furniture.

Every sample here and under tests/fixtures/textdump/ is invented (places, people and events).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tuinews.extract.dateline import build_dateline
from tuinews.extract.textdump import looks_like_textdump, parse_textdump, section_from_crumbs

DUMPS = Path(__file__).parent.parent / "fixtures" / "textdump"
FETCHED = datetime(2024, 11, 19, 15, 0, tzinfo=UTC)


def _dump(name: str) -> str:
    return (DUMPS / name).read_text(encoding="utf-8")


def _paragraphs(body: str) -> list[str]:
    return body.strip().split("\n\n")


def _assert_no_furniture_in_body(body: str, furniture: list[str]) -> None:
    paragraphs = {" ".join(p.split()) for p in _paragraphs(body)}
    for line in furniture:
        assert " ".join(line.split()) not in paragraphs, line
    assert "\n\n\n" not in body
    for paragraph in _paragraphs(body):
        assert "\n" not in paragraph


# ---------------------------------------------------------------------------------------- full dumps


def test_pti_dump_meta_body_and_dateline() -> None:
    meta, body, furniture, captions = parse_textdump(_dump("pti_business_standard_style.txt"))
    assert meta.title == "Coastal states trade blame as river treaty talks stall"
    assert meta.dek is not None and meta.dek.startswith("The statement came a day after negotiators")
    assert meta.section == "World News"
    assert meta.agency == "PTI"
    assert meta.outlet == "Business Standard"
    assert meta.byline == []
    assert captions == ["Fishing boats moored along the Sela estuary on Tuesday. (Photo: Reuters)"]

    paragraphs = _paragraphs(body)
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("The government of Kelmar on Tuesday accused")
    # The ad-slot break (whitespace-only line) is joined back into one sentence.
    assert "the Kelmar delegation and its chief negotiator, who said" in body
    _assert_no_furniture_in_body(body, furniture)
    for gone in (
        "Also Read",
        "Sela river farmers brace",
        "Kelmar names new water commissioner",
        "Advertisement",
        "3 min read",
        "Listen to This Article",
        "First Published",
        "syndicated feed",
        "Press Trust",
    ):
        assert gone not in body
    # The headline appears twice in the dump and twice in the furniture, in order.
    assert furniture[:3] == [
        "Home / World News / Asia",
        "Coastal states trade blame as river treaty talks stall",
        "Coastal states trade blame as river treaty talks stall",
    ]
    assert furniture[-1] == "First Published: Nov 19 2024 | 10:12 AM IST"

    dateline = build_dateline(meta, body, furniture)
    assert dateline.place == "New Delhi"
    assert dateline.agency == "PTI"  # the photo credit (Reuters) is not the agency
    assert dateline.updated == "2024-11-19T10:47:00+05:30"
    assert dateline.updated_raw == "Nov 19 2024 | 10:47 AM IST"
    assert dateline.published == "2024-11-19T10:12:00+05:30"
    assert dateline.read_minutes == 3
    assert dateline.section == "World News"
    assert dateline.outlet == "Business Standard"
    assert dateline.byline == []


def test_reuters_dump_with_blank_lines() -> None:
    meta, body, furniture, captions = parse_textdump(_dump("reuters_blank_separated.txt"))
    assert meta.title == "Harbour freight rates climb as Lindqvist strike enters second week"
    assert (
        meta.dek
        == "Shipping costs on the northern route have risen by a fifth since dock workers walked out."
    )
    assert meta.section == "Markets"
    assert meta.byline == ["Jane Roe", "John Poe"]
    assert captions == []
    paragraphs = _paragraphs(body)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("LONDON, Nov 19 (Reuters) - Freight rates")
    assert "had started to divert cargo to smaller ports further east." in body
    _assert_no_furniture_in_body(body, furniture)
    for gone in (
        "Share",
        "Save",
        "Read more",
        "Lindqvist dock workers reject",
        "Why container prices",
        "By Jane",
    ):
        assert gone not in body

    dateline = build_dateline(meta, body, furniture, fetched_at=FETCHED)
    assert dateline.place == "London"
    assert dateline.agency == "Reuters"
    assert dateline.byline == ["Jane Roe", "John Poe"]
    assert dateline.published == "2024-11-19T10:47:00+00:00"
    assert dateline.updated == "2024-11-19T12:00:00+00:00"  # "Updated 3 hours ago" at 15:00 UTC
    assert dateline.updated_raw == "3 hours ago"
    assert dateline.read_minutes == 1  # not stated: 126 words / 230 a minute, rounded up


def test_relative_update_needs_a_fetch_time() -> None:
    meta, body, furniture, _ = parse_textdump(_dump("reuters_blank_separated.txt"))
    dateline = build_dateline(meta, body, furniture)
    assert dateline.updated is None
    assert dateline.updated_raw == "3 hours ago"


def test_ap_dump_hard_wrapped_paragraphs() -> None:
    meta, body, furniture, captions = parse_textdump(_dump("ap_hard_wrapped.txt"))
    assert meta.title == "Volunteers rebuild mountain library a year after flood"
    assert meta.section == "U.S. News"
    assert meta.byline == ["Mara Quill", "Tobias Fenn"]
    assert meta.agency == "AP"
    assert meta.dek is None
    assert len(captions) == 1 and captions[0].endswith("(AP Photo/Lena Ward)")
    paragraphs = _paragraphs(body)
    assert len(paragraphs) == 3
    assert paragraphs[0] == (
        "DENVER (AP) — More than 200 volunteers spent the long weekend restoring a mountain library that was "
        "gutted by floodwater last summer, and the doors are set to reopen on Friday."
    )
    assert "residents packed three public meetings, and the work was finished" in body
    _assert_no_furniture_in_body(body, furniture)

    dateline = build_dateline(meta, body, furniture)
    assert dateline.place == "Denver"
    assert dateline.agency == "AP"
    assert dateline.updated == "2024-07-09T16:12:00-04:00"
    assert dateline.published is None
    assert dateline.byline == ["Mara Quill", "Tobias Fenn"]


def test_cp_dump_with_trailer_credit() -> None:
    meta, body, furniture, _ = parse_textdump(_dump("cp_trailer.txt"))
    assert meta.section == "Canada"
    assert meta.agency == "CP"
    assert "— The Canadian Press" in furniture
    assert "Canadian Press" not in body
    dateline = build_dateline(meta, body, furniture)
    assert dateline.place == "Halifax"
    assert dateline.agency == "CP"
    assert dateline.published == "2024-11-19T14:15:00-05:00"  # ET in November: EST
    assert dateline.read_minutes == 2


def test_staff_dump_with_reporting_trailer_and_photo_credit() -> None:
    meta, body, furniture, captions = parse_textdump(_dump("staff_trailer_byline.txt"))
    assert meta.section == "Sport"
    assert meta.dek == "Stand-in captain scores twice in the final ten minutes."
    assert captions == ["Players celebrate at the final whistle in Manchester. Photo: Bloomberg"]
    assert meta.agency is None
    dateline = build_dateline(meta, body, furniture, fetched_at=FETCHED)
    assert dateline.agency is None  # "Photo: Bloomberg" is a photo credit, not the wire
    assert dateline.place == "Manchester, England"
    assert dateline.byline == ["Priya Nandakumar", "Tomasz Wielgus"]
    assert dateline.updated == "2024-11-19T14:40:00+00:00"


@pytest.mark.parametrize("name", sorted(p.name for p in DUMPS.glob("*.txt")))
def test_every_fixture_is_detected_as_a_dump(name: str) -> None:
    assert looks_like_textdump(_dump(name))


# ------------------------------------------------------------------------------------------ detection


def test_plain_prose_is_not_a_dump() -> None:
    prose = (
        "The council met on Tuesday to discuss the new bus routes.\n\n"
        "Residents said the changes would help commuters in the north of the city.\n\n"
        "A final vote is expected next month."
    )
    assert not looks_like_textdump(prose)


def test_markdown_is_not_a_dump() -> None:
    markdown = (
        "# Council approves bus routes\n\n"
        "By Jane Roe\n\n"
        "The council met on [Tuesday](https://example.org/agenda) to discuss the **new** routes.\n\n"
        "## What changes\n\n* Route 4 runs later\n* Route 9 is cut\n"
    )
    assert not looks_like_textdump(markdown)


def test_short_dump_with_read_time_and_timestamp_is_detected() -> None:
    text = (
        "Bridge reopens after repairs\n2 min read\nUpdated: Nov 19, 2024 08:10 GMT\n"
        "The bridge reopened on Monday."
    )
    assert looks_like_textdump(text)


# --------------------------------------------------------------------------------- smaller behaviours


def test_breadcrumb_with_angle_separators_and_headline_crumb() -> None:
    text = (
        "Home > World > Europe > Harbour strike spreads to second port\n"
        "Harbour strike spreads to second port\n"
        "By Ann Moe\n"
        "Dock workers in Selby joined the walkout on Tuesday.\n"
    )
    meta, body, _, _ = parse_textdump(text)
    assert meta.section == "World"
    assert meta.title == "Harbour strike spreads to second port"
    assert body == "Dock workers in Selby joined the walkout on Tuesday.\n"


@pytest.mark.parametrize(
    ("crumbs", "section"),
    [
        (["Home", "World News", "Asia"], "World News"),
        (["World", "Asia", "India"], "World"),
        (["Home", "News", "UK"], "UK"),
        (["Home", "Business", "Markets"], "Markets"),
        (["Home"], None),
        (["Home", "Sport", "Late winner keeps City top"], "Sport"),
    ],
)
def test_section_rule(crumbs: list[str], section: str | None) -> None:
    assert section_from_crumbs(crumbs, "Late winner keeps City top") == section


def test_ad_slot_join_with_capitalised_continuation() -> None:
    text = (
        "Home / Politics\n"
        "Minister resigns over grants row\n"
        "3 min read\n"
        "The minister handed in her resignation on Friday after weeks of pressure over the way the\n"
        "grants were\n"
        "Advertisement\n"
        "Awarded to three charities in her constituency, officials said.\n"
        "Her deputy will take over until a reshuffle.\n"
    )
    _, body, furniture, _ = parse_textdump(text)
    assert _paragraphs(body) == [
        "The minister handed in her resignation on Friday after weeks of pressure over the way the "
        "grants were "
        "Awarded to three charities in her constituency, officials said.",
        "Her deputy will take over until a reshuffle.",
    ]
    assert "Advertisement" in furniture


def test_subheading_is_not_joined_to_the_next_paragraph() -> None:
    text = (
        "Home / Business\n"
        "Bakery chain expands north\n"
        "2 min read\n"
        "The chain opened four shops in October.\n"
        "What comes next\n"
        "It plans a further ten next year.\n"
    )
    _, body, _, _ = parse_textdump(text)
    assert _paragraphs(body) == [
        "The chain opened four shops in October.",
        "What comes next",
        "It plans a further ten next year.",
    ]


def test_buttons_promos_and_inline_related_links_are_furniture() -> None:
    text = (
        "Home / Science\n"
        "Comet visible from the south next week\n"
        "Updated 2 hours ago\n"
        "Share Save Print\n"
        "The comet will be brightest just before dawn on Thursday, astronomers said.\n"
        "Also Read: Night sky guide for the winter months\n"
        "Observers should look low on the eastern horizon.\n"
        "Catch all the Science News and Updates on our app.\n"
        "Topics : comets | astronomy\n"
    )
    meta, body, furniture, _ = parse_textdump(text)
    assert _paragraphs(body) == [
        "The comet will be brightest just before dawn on Thursday, astronomers said.",
        "Observers should look low on the eastern horizon.",
    ]
    assert furniture[-2:] == [
        "Catch all the Science News and Updates on our app.",
        "Topics : comets | astronomy",
    ]
    assert meta.section == "Science"


def test_agency_byline_is_not_an_author() -> None:
    text = (
        "Home / World\nTalks resume in Varnapur\nBy Reuters\n2 min read\nNegotiators met again on Monday.\n"
    )
    meta, body, _, _ = parse_textdump(text)
    assert meta.byline == []
    assert meta.agency == "Reuters"
    assert body == "Negotiators met again on Monday.\n"


def test_copyright_line_names_the_outlet() -> None:
    text = (
        "Home / Local\nLibrary hours extended\n1 min read\nThe library will open on Sundays.\n"
        "© 2024 The Lakeside Courier. All rights reserved.\n"
    )
    meta, body, _, _ = parse_textdump(text)
    assert meta.outlet == "The Lakeside Courier"
    assert body == "The library will open on Sundays.\n"


def test_empty_and_headline_only_dumps() -> None:
    meta, body, furniture, captions = parse_textdump("")
    assert (meta.title, body, furniture, captions) == (None, "", [], [])
    meta, body, _, _ = parse_textdump("Only a headline here\n")
    assert meta.title == "Only a headline here"
    assert body == ""


def test_role_line_nested_link_lists_and_generic_last_crumb() -> None:
    text = (
        "Home / Economy / News\n"
        "Ferry fares frozen for the winter\n"
        "By Ewan Roe and Isla Poe\n"
        "Transport correspondents\n"
        "Published 19 November 2024, 10:47 GMT\n"
        "The operator said fares would stay at this year's level until April.\n"
        "More on this story\n"
        "What the freeze means for island families\n"
        "Timetable changes from December\n"
        "Related Topics\n"
        "Ferries\n"
        "Islands\n"
        "Transport\n"
        "Economy\n"
        "Top Stories\n"
        "Harbour strike talks resume\n"
        "Council approves new bus routes\n"
        "Copyright 2024 The Island Gazette. All rights reserved.\n"
    )
    meta, body, furniture, _ = parse_textdump(text)
    assert meta.section == "Economy"
    assert meta.byline == ["Ewan Roe", "Isla Poe"]
    assert meta.outlet == "The Island Gazette"
    assert body == "The operator said fares would stay at this year's level until April.\n"
    assert "Transport correspondents" in furniture
    assert "Council approves new bus routes" in furniture
