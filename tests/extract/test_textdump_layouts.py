"""Page-dump layouts from the issue 7 weak-spot list: crumbs, kickers, deks, ad slots, link lists.

All sample text is invented.
"""

from __future__ import annotations

from tuinews.extract.dateline import build_dateline
from tuinews.extract.textdump import parse_textdump


def _paragraphs(body: str) -> list[str]:
    return body.strip().split("\n\n")


def test_breadcrumb_printed_one_crumb_a_line() -> None:
    text = (
        "Home\nWorld\nEurope\n"
        "Ferry operator suspends Baltic crossings after engine fire\n"
        "By Elin Rask\n"
        "The operator suspended its night crossings on Sunday.\n"
    )
    meta, body, furniture, _ = parse_textdump(text)
    assert meta.section == "World"  # Europe is a sub-region of World
    assert meta.title == "Ferry operator suspends Baltic crossings after engine fire"
    assert furniture[:3] == ["Home", "World", "Europe"]
    assert body == "The operator suspended its night crossings on Sunday.\n"


def test_section_kicker_above_the_headline() -> None:
    text = "Politics\nSenate confirms new transport secretary\nBy Dana Ruiz\nThe Senate voted 58 to 41.\n"
    meta, body, _, _ = parse_textdump(text)
    assert meta.section == "Politics"
    assert meta.title == "Senate confirms new transport secretary"
    assert body == "The Senate voted 58 to 41.\n"


def test_dek_right_above_the_dateline_lead() -> None:
    text = (
        "Home / Science\n"
        "Glacier lake drained overnight\n"
        "Researchers say the outflow is the largest on record in the range\n"
        "GENEVA, Feb 11 (AFP) - A glacier lake emptied in a single night last week, researchers said.\n"
        "No homes were damaged.\n"
    )
    meta, body, _, _ = parse_textdump(text)
    assert meta.dek == "Researchers say the outflow is the largest on record in the range"
    assert _paragraphs(body)[0].startswith("GENEVA, Feb 11 (AFP) - A glacier lake")
    dateline = build_dateline(meta, body, [])
    assert (dateline.place, dateline.agency) == ("Geneva", "AFP")


def test_unpunctuated_dek_without_furniture() -> None:
    text = (
        "Island poet wins national prize\n"
        "The jury called the collection a quiet book about weather and absence\n"
        "The poet Solrun Dahl on Thursday became the first writer in her language to win the prize.\n"
        "Her publisher said a translation would follow.\n"
    )
    meta, body, _, _ = parse_textdump(text)
    assert meta.dek == "The jury called the collection a quiet book about weather and absence"
    assert len(_paragraphs(body)) == 2


def test_punctuated_first_paragraph_is_not_taken_for_a_dek() -> None:
    text = (
        "Island poet wins national prize\n"
        "The poet Solrun Dahl on Thursday became the first writer in her language to win the prize.\n"
        "Her publisher said a translation would follow.\n"
    )
    meta, body, _, _ = parse_textdump(text)
    assert meta.dek is None
    assert len(_paragraphs(body)) == 2


def test_lead_is_never_joined_to_the_line_above() -> None:
    text = (
        "Home / Business\n"
        "Truckmaker to cut 900 jobs\n"
        "By Ingrid Solberg\n"
        "Share\n"
        "An unlabelled line that runs on for more than ten words without a stop\n"
        "STOCKHOLM, March 4 (Reuters) - Truckmaker Halvard will cut 900 jobs, it said on Tuesday.\n"
    )
    _, body, _, _ = parse_textdump(text)
    assert any(p.startswith("STOCKHOLM, March 4 (Reuters)") for p in _paragraphs(body))


def test_ad_slot_break_before_a_proper_noun_is_joined() -> None:
    text = (
        "Home / National\n"
        "Rescue teams reach stranded hikers\n"
        "By Aroha Ngata\n"
        "Rescue teams reached\n"
        "Advertisement\n"
        "Korowai Ridge late on Sunday, police said.\n"
        "All five were uninjured.\n"
    )
    _, body, furniture, _ = parse_textdump(text)
    assert _paragraphs(body) == [
        "Rescue teams reached Korowai Ridge late on Sunday, police said.",
        "All five were uninjured.",
    ]
    assert "Advertisement" in furniture


def test_subheading_before_an_ad_slot_stays_a_subheading() -> None:
    text = (
        "Home / Business\n"
        "Bakery chain expands north\n"
        "2 min read\n"
        "The chain opened four shops in October.\n"
        "What comes next\n"
        "Advertisement\n"
        "It plans a further ten next year.\n"
    )
    _, body, _, _ = parse_textdump(text)
    assert _paragraphs(body) == [
        "The chain opened four shops in October.",
        "What comes next",
        "It plans a further ten next year.",
    ]


def test_link_list_without_a_marker_line() -> None:
    text = (
        "Home / Business / Retail\n"
        "Bakery chain to open 40 shops\n"
        "By Hamish Tait\n"
        "The chain plans to open 40 shops next year.\n"
        "Shares closed 4 per cent higher.\n"
        "Supermarket sales slow as shoppers trim January spending\n"
        "Energy bills to fall slightly from April, regulator says\n"
        "Why small-town high streets are winning back shoppers\n"
        "Copyright 2025 The Tyneside Herald. All rights reserved.\n"
    )
    meta, body, furniture, _ = parse_textdump(text)
    assert _paragraphs(body) == [
        "The chain plans to open 40 shops next year.",
        "Shares closed 4 per cent higher.",
    ]
    assert "Energy bills to fall slightly from April, regulator says" in furniture
    assert meta.outlet == "The Tyneside Herald"


def test_two_subheadings_in_a_row_are_not_a_link_list() -> None:
    text = (
        "Home / Local\n"
        "Library to open on Sundays\n"
        "By Megan Oduya\n"
        "The library will open on Sundays from March.\n"
        "What changes for readers\n"
        "Opening hours and staffing\n"
        "Evening hours on Mondays will be cut.\n"
    )
    _, body, _, _ = parse_textdump(text)
    assert "What changes for readers" in _paragraphs(body)


def test_dump_opening_with_a_byline_and_a_hard_wrapped_lead() -> None:
    text = (
        "By MARA QUILL, Associated Press\n\n"
        "Updated 4:12 PM EDT, July 9, 2025\n\n"
        "SANTA FE, N.M. (AP) — State officials on Wednesday ordered the\n"
        "closure of two campgrounds after a wildfire jumped a ridge.\n\n"
        "Fire crews said the blaze had burned roughly 6 square miles by\n"
        "midday.\n"
    )
    meta, body, furniture, _ = parse_textdump(text)
    assert meta.title is None  # the lead is not a headline
    assert meta.byline == ["Mara Quill"]
    dateline = build_dateline(meta, body, furniture)
    assert dateline.place == "Santa Fe, N.M."
    assert dateline.agency == "AP"
    assert dateline.updated == "2025-07-09T16:12:00-04:00"
    assert _paragraphs(body)[0].endswith("after a wildfire jumped a ridge.")


def test_copyright_by_an_agency_is_not_the_outlet_and_end_marker_is_furniture() -> None:
    text = (
        "Home / Africa\n"
        "Lagos port clears backlog\n"
        "LAGOS, Nigeria (AFP) - The port cleared a backlog of 4,000 containers on Tuesday.\n"
        "(END)\n"
        "© Agence France-Presse\n"
    )
    meta, body, furniture, _ = parse_textdump(text)
    assert meta.outlet is None
    assert "(END)" in furniture
    assert body == "LAGOS, Nigeria (AFP) - The port cleared a backlog of 4,000 containers on Tuesday.\n"


def test_foreign_language_home_crumbs_and_country_crumbs() -> None:
    meta, _, _, _ = parse_textdump(
        "Startseite > Politik > Deutschland\nKoalition einigt sich auf neue Mietregeln\nDer Text.\n"
    )
    assert meta.section == "Politik"
    meta, _, _, _ = parse_textdump("Главная / Наука\nВ Якутии нашли обломки метеорита\nТекст.\n")
    assert meta.section == "Наука"


def test_byline_with_an_agency_is_not_a_breadcrumb() -> None:
    meta, _, _, _ = parse_textdump(
        "By Hana Sato | Bloomberg\n\nTOKYO — The shipbuilder said it would build a second dry dock.\n"
    )
    assert meta.section is None
    assert meta.byline == ["Hana Sato"]
    assert meta.agency == "Bloomberg"
