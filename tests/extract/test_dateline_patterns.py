"""The dateline patterns added for issue 7: other languages, more lead forms, bylines, zone rules.

All sample text is invented.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tuinews.extract.agencies import parse_agency_line
from tuinews.extract.bylines import parse_byline
from tuinews.extract.dateline import build_dateline
from tuinews.extract.leads import parse_dateline_lead
from tuinews.extract.months import month_number
from tuinews.extract.timestamps import parse_timestamp, timestamp_fields
from tuinews.extract.timezones import country_hint, resolve_zone
from tuinews.models import PageMeta

# ------------------------------------------------------------------------------------ other languages


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Aktualisiert: 19.11.2024, 10:47 Uhr MEZ", "2024-11-19T10:47:00+01:00"),
        ("Veröffentlicht am 19. November 2024, 10:47 Uhr MESZ", "2024-11-19T10:47:00+02:00"),
        ("Actualizado: 19 de noviembre de 2024, 10:47 CET", "2024-11-19T10:47:00+01:00"),
        ("Mis à jour le 19 novembre 2024 à 10:47 CET", "2024-11-19T10:47:00+01:00"),
        ("3 ноября 2024, 14:05 МСК", "2024-11-03T14:05:00+03:00"),
        ("05.06.2024 10:00 CET", "2024-06-05T10:00:00+01:00"),  # dotted dates are day first
    ],
)
def test_timestamps_in_other_languages(text: str, iso: str) -> None:
    assert parse_timestamp(text)[0] == iso


def test_dates_without_a_zone_stay_unresolved_in_any_language() -> None:
    assert parse_timestamp("3 ноября 2024, 14:05") == (None, "3 ноября 2024, 14:05")
    assert parse_timestamp("Aktualisiert: 19.11.2024, 10:47 Uhr")[0] is None


def test_month_names() -> None:
    assert month_number("Nov.") == 11
    assert month_number("ноября") == 11
    assert month_number("März") == 3
    assert month_number("août") == 8
    assert month_number("Mayor") is None


def test_labels_in_other_languages_set_the_kind() -> None:
    assert timestamp_fields("Aktualisiert: 19.11.2024, 10:47 Uhr MEZ") == [
        ("updated", "19.11.2024, 10:47 Uhr MEZ")
    ]
    assert timestamp_fields("Publicado el 19 de noviembre de 2024, 10:47 CET")[0][0] == "published"


# --------------------------------------------------------------------------------- timestamp lines


def test_bare_stamp_followed_by_a_relative_update() -> None:
    assert timestamp_fields("March 4, 2025 2:31 PM GMT Updated 2 hours ago") == [
        ("published", "March 4, 2025 2:31 PM GMT"),
        ("updated", "2 hours ago"),
    ]


def test_source_before_the_stamp() -> None:
    assert timestamp_fields("ANI | Updated: Jul 08, 2025 19:32 IST") == [
        ("updated", "Jul 08, 2025 19:32 IST")
    ]
    fields = timestamp_fields(
        "The Canadian Press · Posted: Nov 21, 2024 4:05 PM EST | Last Updated: November 21, 2024"
    )
    assert fields == [("published", "Nov 21, 2024 4:05 PM EST"), ("updated", "November 21, 2024")]
    assert parse_agency_line("ANI | Updated: Jul 08, 2025 19:32 IST") == ("ANI", None)
    assert timestamp_fields("KYODO NEWS - Oct 30, 2025 - 18:41 JST") == [
        ("published", "Oct 30, 2025 - 18:41 JST")
    ]
    assert parse_agency_line("KYODO NEWS - Oct 30, 2025 - 18:41 JST") == ("Kyodo", None)
    assert parse_timestamp("Oct 30, 2025 - 18:41 JST")[0] == "2025-10-30T18:41:00+09:00"
    assert timestamp_fields("Council votes - 3 of 5 members agree") == []


@pytest.mark.parametrize(
    "line",
    [
        "The report was published on Nov 19, 2024 at 10:47 GMT and read widely.",
        "Officials said the figures were updated on March 3, 2025.",
        "Nobody was hurt in the fire on Tuesday.",
    ],
)
def test_sentences_mentioning_dates_are_not_timestamp_lines(line: str) -> None:
    assert timestamp_fields(line) == []


def test_date_only_line_is_furniture_but_not_a_timestamp() -> None:
    assert timestamp_fields("January 20, 2025") == [("published", "January 20, 2025")]
    assert parse_timestamp("January 20, 2025")[0] is None


# ----------------------------------------------------------------------------------------- leads


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("Chennai, Feb 2 (IANS) Left-arm spinner Arvind Mohan took six", "Chennai", "IANS"),
        ("MUMBAI (PTI) Shares rose on Monday", "Mumbai", "PTI"),
        ("(ANSA) - ROMA, 19 NOV - Il governo ha approvato", "Roma", "ANSA"),
        ("ЯКУТСК, 3 ноября. /ТАСС/. Учёные нашли", "Якутск", "TASS"),
        ("МОСКВА, 3 ноября. Учёные нашли", "Москва", None),
        ("MADRID, 19 nov (EFE).- El Gobierno aprobó", "Madrid", "EFE"),
        ("PARIS, 19 nov 2024 (AFP) - Le gouvernement", "Paris", "AFP"),
        ("Dhemaji (Assam) [India], July 8 (ANI): Water levels fell", "Dhemaji (Assam)", "ANI"),
        ("Washington — The Senate on Wednesday confirmed", "Washington", None),
        ("Kuala Lumpur — Police said on Monday", "Kuala Lumpur", None),
        ("FRANKFURT/BERLIN, Feb 6 (Reuters) - German orders rose", "Frankfurt/Berlin", "Reuters"),
    ],
)
def test_more_lead_forms(paragraph: str, place: str | None, agency: str | None) -> None:
    assert parse_dateline_lead(paragraph) == (place, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jane Roe (Reuters) said the deal was off.",
        "The Minister (Reuters) The talks are over.",
        "But Officials — The ones who stayed — spoke.",
        "The council — The body that runs the city — met.",
        "Washington — a city of committees — woke to snow.",
    ],
)
def test_not_leads(paragraph: str) -> None:
    assert parse_dateline_lead(paragraph) == (None, None)


# --------------------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Shreyas", ["Shreyas"]),
        ("By NAVEEN", ["Naveen"]),
        ("By Tuesday", []),
        ("By Contrast", []),
        ("Shreyas", []),  # one word without "By" is not a byline
        ("By PIETER VAN DER BERG and ANNA DE VRIES", ["Pieter van der Berg", "Anna de Vries"]),
        ("By Pieter Van Der Berg", ["Pieter Van Der Berg"]),  # mixed case is kept as printed
        ("By VAN MORRISON", ["Van Morrison"]),  # a first word is never a particle
        ("Gwen Pryor Transport correspondent", ["Gwen Pryor"]),
        ("By Ana de la Cruz Economics editor", ["Ana de la Cruz"]),
        ("By Kim Ji-ho", ["Kim Ji-ho"]),
    ],
)
def test_byline_forms(text: str, names: list[str]) -> None:
    assert parse_byline(text) == names


# ------------------------------------------------------------------------------------- zone rules


def _hours(abbr: str, when: datetime, country: str | None = None) -> float:
    zone = resolve_zone(abbr, when, country=country)
    assert zone is not None
    offset = zone.utcoffset(when)
    assert offset is not None
    return offset.total_seconds() / 3600


def test_zone_rule_table() -> None:
    day = datetime(2024, 11, 19, 10, 47)
    summer = datetime(2024, 7, 19, 10, 47)
    assert _hours("МСК", day) == 3
    assert _hours("CST", day, "CN") == 8  # China Standard Time for a Chinese outlet
    assert _hours("CST", day) == -6  # else US Central
    assert _hours("AST", day, "SA") == 3
    assert _hours("AST", day) == -4
    assert _hours("BST", summer, "BD") == 6
    assert _hours("BST", summer) == 1
    assert _hours("IST", summer, "IE") == 1
    assert _hours("AET", summer) == 10  # Sydney winter
    assert _hours("AET", day) == 11  # Sydney summer
    assert country_hint(None, "https://www.pearlriverpost.example.cn/a") == "CN"


def test_naive_times_are_never_utc() -> None:
    assert parse_timestamp("Posted: 19/11/2024 10:47")[0] is None
    assert parse_timestamp("2024-11-19 10:47")[0] is None


# -------------------------------------------------------------------------- builder on HTML bodies


def test_furniture_paragraphs_left_in_a_body_are_used_and_skipped() -> None:
    body = (
        "By Liang Wen\n\n"
        "Published: 2024-11-19 10:47 CST\n\n"
        "6 min read\n\n"
        "SHENZHEN — A delivery company began flying parcels across the bay by drone on Tuesday.\n"
    )
    meta = PageMeta(url="https://www.pearlriverpost.example.cn/tech/drone-corridor")
    dateline = build_dateline(meta, body, [])
    assert dateline.place == "Shenzhen"
    assert dateline.published == "2024-11-19T10:47:00+08:00"  # CST of a Chinese outlet
    assert dateline.read_minutes == 6
    assert dateline.byline == ["Liang Wen"]
    assert dateline.word_count == 14  # the furniture paragraphs are not article words


def test_structured_time_beats_a_visible_one() -> None:
    meta = PageMeta(published="2024-11-19T05:17:00Z")
    body = "Published: Nov 20 2024 | 09:00 AM IST\n\nThe council met.\n"
    assert build_dateline(meta, body, []).published == "2024-11-19T05:17:00+00:00"
