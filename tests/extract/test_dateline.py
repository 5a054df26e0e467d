"""Dateline fields (EXTRACTION-SPEC "Dateline"): timestamps with zones, leads, agencies, bylines, length.

All sample text is invented.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tuinews.extract.dateline import (
    build_dateline,
    count_words,
    find_agency_credit,
    is_photo_credit,
    normalize_agency,
    parse_agency_line,
    parse_byline,
    parse_dateline_lead,
    parse_read_time,
    parse_reporting_trailer,
    parse_timestamp,
    timestamp_fields,
    title_place,
)
from tuinews.extract.timezones import country_hint, resolve_zone
from tuinews.models import PageMeta

NOW = datetime(2024, 11, 19, 15, 0, tzinfo=UTC)

# ------------------------------------------------------------------------------------------ timestamps


@pytest.mark.parametrize(
    ("text", "iso", "raw"),
    [
        (
            "Last Updated : Nov 19 2024 | 10:47 AM IST",
            "2024-11-19T10:47:00+05:30",
            "Nov 19 2024 | 10:47 AM IST",
        ),
        (
            "First Published: Nov 19 2024 | 10:12 AM IST",
            "2024-11-19T10:12:00+05:30",
            "Nov 19 2024 | 10:12 AM IST",
        ),
        ("Published 19 November 2024, 10:47 GMT", "2024-11-19T10:47:00+00:00", "19 November 2024, 10:47 GMT"),
        ("Updated: November 19, 2024 9:05 p.m. UTC", "2024-11-19T21:05:00+00:00", None),
        ("Nov. 19, 2024 10:47 BST", "2024-11-19T10:47:00+01:00", None),
        ("19 Nov 2024 14:00 CET", "2024-11-19T14:00:00+01:00", None),
        ("19 Jul 2024 14:00 CEST", "2024-07-19T14:00:00+02:00", None),
        ("Nov 19, 2024 18:30 MSK", "2024-11-19T18:30:00+03:00", None),
        ("2024-11-19 09:00 JST", "2024-11-19T09:00:00+09:00", None),
        ("Nov 19, 2024 09:00 AEDT", "2024-11-19T09:00:00+11:00", None),
        ("Nov 19, 2024 10:47 WIB", "2024-11-19T10:47:00+07:00", None),
        ("Nov 19, 2024 10:47 PKT", "2024-11-19T10:47:00+05:00", None),
        ("Nov 19, 2024 10:47 SGT", "2024-11-19T10:47:00+08:00", None),
        ("Nov 19, 2024 10:47 NZDT", "2024-11-19T10:47:00+13:00", None),
        ("Nov 19, 2024 10:47 EET", "2024-11-19T10:47:00+02:00", None),
        ("10:47 AM IST, 19 Nov 2024", "2024-11-19T10:47:00+05:30", None),
        ("19 Nov 2024 10:47 GMT+5:30", "2024-11-19T10:47:00+05:30", None),
        ("Tue, 19 Nov 2024 10:47:00 +0000", "2024-11-19T10:47:00+00:00", None),
        ("Posted on November 19, 2024 at 9 pm PT", "2024-11-19T21:00:00-08:00", None),
    ],
)
def test_timestamp_forms(text: str, iso: str, raw: str | None) -> None:
    got_iso, got_raw = parse_timestamp(text)
    assert got_iso == iso
    if raw is not None:
        assert got_raw == raw


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jan 15, 2024 10:00 a.m. ET", "2024-01-15T10:00:00-05:00"),  # winter: EST
        ("July 15, 2024 10:00 a.m. ET", "2024-07-15T10:00:00-04:00"),  # summer: EDT
        ("Mar 10, 2024 12:00 PM ET", "2024-03-10T12:00:00-04:00"),  # DST began that morning
        ("Nov 3, 2024 12:00 PM ET", "2024-11-03T12:00:00-05:00"),  # DST ended that morning
        ("Jan 15, 2024 10:00 CT", "2024-01-15T10:00:00-06:00"),
        ("Jul 15, 2024 10:00 PT", "2024-07-15T10:00:00-07:00"),
        ("Jul 15, 2024 10:00 MT", "2024-07-15T10:00:00-06:00"),
        ("Jul 15, 2024 10:00 EST", "2024-07-15T10:00:00-05:00"),  # an explicit EST keeps its offset
        ("Jan 15, 2024 10:00 EDT", "2024-01-15T10:00:00-04:00"),
    ],
)
def test_us_zones_follow_daylight_saving(text: str, iso: str) -> None:
    assert parse_timestamp(text)[0] == iso


def test_ist_country_hint() -> None:
    assert parse_timestamp("Nov 19 2024 | 10:47 AM IST")[0] == "2024-11-19T10:47:00+05:30"
    assert parse_timestamp("Nov 19 2024 | 10:47 AM IST", country="IE")[0] == "2024-11-19T10:47:00+01:00"
    assert parse_timestamp("Nov 19 2024 | 10:47 AM IST", country="IL")[0] == "2024-11-19T10:47:00+02:00"
    assert country_hint("en-IE") == "IE"
    assert country_hint("he") == "IL"
    assert country_hint(None, "https://news.example.co.il/a") == "IL"
    assert country_hint("en", "https://example.com/") is None


def test_iso_and_structured_forms() -> None:
    assert parse_timestamp("2024-11-19T05:17:00Z")[0] == "2024-11-19T05:17:00+00:00"
    assert parse_timestamp("2024-11-19T10:47:00+05:30")[0] == "2024-11-19T10:47:00+05:30"
    assert parse_timestamp("2024-11-19T10:47:00.123-0500")[0] == "2024-11-19T10:47:00-05:00"
    # A naive ISO time is not a timestamp: the raw text is kept.
    assert parse_timestamp("2024-11-19T10:47:00") == (None, "2024-11-19T10:47:00")
    assert parse_timestamp("2024-11-19") == (None, "2024-11-19")


@pytest.mark.parametrize(
    "text",
    ["Nov 18", "Nov 19 2024", "Nov 19 2024 10:47", "10:47 AM IST", "19 November 2024, 10:47 XYZ"],
)
def test_incomplete_timestamps_are_not_resolved(text: str) -> None:
    iso, raw = parse_timestamp(text)
    assert iso is None
    assert raw == text


def test_not_a_timestamp_at_all() -> None:
    assert parse_timestamp("Listen to This Article") == (None, None)
    assert parse_timestamp("") == (None, None)


def test_relative_timestamps() -> None:
    assert parse_timestamp("Updated 3 hours ago", now=NOW) == ("2024-11-19T12:00:00+00:00", "3 hours ago")
    assert parse_timestamp("Updated 3 hours ago") == (None, "3 hours ago")
    assert parse_timestamp("20 mins ago", now=NOW)[0] == "2024-11-19T14:40:00+00:00"
    assert parse_timestamp("an hour ago", now=NOW)[0] == "2024-11-19T14:00:00+00:00"
    assert parse_timestamp("2 days ago", now=NOW)[0] == "2024-11-17T15:00:00+00:00"
    ist = timezone(timedelta(hours=5, minutes=30))
    assert parse_timestamp("5 minutes ago", now=datetime(2024, 11, 19, 10, 0, tzinfo=ist))[0] == (
        "2024-11-19T09:55:00+05:30"
    )
    assert (
        parse_timestamp("5 minutes ago", now=datetime(2024, 11, 19, 10, 0))[0] == "2024-11-19T09:55:00+00:00"
    )


def test_timestamp_fields_kinds() -> None:
    assert timestamp_fields("Last Updated : Nov 19 2024 | 10:47 AM IST") == [
        ("updated", "Nov 19 2024 | 10:47 AM IST")
    ]
    assert timestamp_fields("Published: Nov 19 2024, 10:12 IST | Updated: Nov 19 2024, 10:47 IST") == [
        ("published", "Nov 19 2024, 10:12 IST"),
        ("updated", "Nov 19 2024, 10:47 IST"),
    ]
    assert timestamp_fields("Tuesday, November 19, 2024 10:47 AM ET") == [
        ("published", "Tuesday, November 19, 2024 10:47 AM ET")
    ]
    assert timestamp_fields("Published in 2019, the report found that rents had doubled.") == []
    assert timestamp_fields("The statement came a day after the talks on Nov 18.") == []


def test_resolve_zone_unknown() -> None:
    assert resolve_zone("XYZ", datetime(2024, 1, 1)) is None


# ---------------------------------------------------------------------------------------- dateline lead


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("KYIV, Nov 18 (Reuters) - Officials said on Monday that", "Kyiv", "Reuters"),
        ("WASHINGTON (AP) — The committee voted 7-2 to", "Washington", "AP"),
        ("MANCHESTER, England (AFP) -- The club confirmed", "Manchester, England", "AFP"),
        ("MANCHESTER, England — The club confirmed", "Manchester, England", None),
        ("New Delhi, Nov 19 (PTI): The ministry said", "New Delhi", "PTI"),
        ("NEW YORK/LONDON, Nov 19 (Reuters) - Stocks fell", "New York/London", "Reuters"),
        ("ST. PAUL, Minn. (AP) — A judge ruled", "St. Paul, Minn.", "AP"),
        ("PORT-AU-PRINCE, Haiti (AP) — Aid arrived", "Port-au-Prince, Haiti", "AP"),
        ("WASHINGTON, DC — Lawmakers returned", "Washington, DC", None),
        ("BERLIN, Nov. 18 (dpa) - The coalition", "Berlin", "dpa"),
        ("Mumbai, Nov 19 (ANI): Shares rose", "Mumbai", "ANI"),
        ("OTTAWA — The minister said", "Ottawa", None),
        ("NEW DELHI: The government on Tuesday", "New Delhi", None),
        ("(Reuters) - A shipping firm said", None, "Reuters"),
        ("BEIJING, Nov 19 (Xinhua) -- Officials", "Beijing", "Xinhua"),
    ],
)
def test_dateline_leads(paragraph: str, place: str | None, agency: str | None) -> None:
    assert parse_dateline_lead(paragraph) == (place, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council met on Tuesday to discuss bus routes.",
        "Washington — a city of committees — woke to snow.",
        "But Mr Roe — who had said little — spoke first.",
        "UPDATE: The vote was moved to Thursday.",
        '"We are ready," she said (in a statement) - and left.',
    ],
)
def test_not_a_dateline_lead(paragraph: str) -> None:
    assert parse_dateline_lead(paragraph) == (None, None)


def test_title_place() -> None:
    assert title_place("DAR ES SALAAM") == "Dar es Salaam"
    assert title_place("THE HAGUE") == "The Hague"
    assert title_place("O'HARE") == "O'Hare"
    assert title_place("Kyiv") == "Kyiv"


# --------------------------------------------------------------------------------------------- agencies


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Reuters", "Reuters"),
        ("Thomson Reuters", "Reuters"),
        ("AP", "AP"),
        ("The Associated Press", "AP"),
        ("Associated Press", "AP"),
        ("AFP", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("Press Trust of India", "PTI"),
        ("PTI", "PTI"),
        ("Asian News International", "ANI"),
        ("IANS", "IANS"),
        ("The Canadian Press", "CP"),
        ("dpa", "dpa"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("EFE", "EFE"),
        ("ANSA", "ANSA"),
        ("Xinhua News Agency", "Xinhua"),
        ("Kyodo News", "Kyodo"),
        ("Yonhap", "Yonhap"),
        ("Bloomberg News", "Bloomberg"),
        ("United News of India", "UNI"),
        ("Reuters/AFP", "Reuters"),
        ("Reuters Staff", "Reuters"),
        ("Agencies", None),
        ("Ani", None),  # a name, not the agency
        ("The Lakeside Courier", None),
        ("", None),
    ],
)
def test_normalize_agency(text: str, short: str | None) -> None:
    assert normalize_agency(text) == short


def test_agency_lines() -> None:
    assert parse_agency_line("Press Trust of India  New Delhi") == ("PTI", "New Delhi")
    assert parse_agency_line("Reuters | Kyiv") == ("Reuters", "Kyiv")
    assert parse_agency_line("IANS\tMUMBAI") == ("IANS", "Mumbai")
    assert parse_agency_line("PTI New Delhi") == ("PTI", "New Delhi")
    assert parse_agency_line("AFP") == ("AFP", None)
    assert parse_agency_line("AP Photo") is None
    assert parse_agency_line("Reuters said on Monday that talks had resumed") is None


def test_trailer_credits() -> None:
    assert find_agency_credit("— The Canadian Press") == "CP"
    assert find_agency_credit("-- AFP") == "AFP"
    assert find_agency_credit("(With inputs from PTI)") == "PTI"
    assert find_agency_credit("This report by The Canadian Press was first published Nov. 19, 2024.") == "CP"
    assert find_agency_credit("— Jane Roe") is None


@pytest.mark.parametrize(
    "line",
    [
        "Rescue workers clear debris on Tuesday. (Photo: Reuters)",
        "Photo: Bloomberg",
        "Traders on the floor of the exchange. REUTERS/Lena Ward",
        "A volunteer stacks books. (AP Photo/Lena Ward)",
        "The harbour at dusk. (Reuters photo)",
        "Representational image",
    ],
)
def test_photo_credits(line: str) -> None:
    assert is_photo_credit(line)


def test_photo_credit_is_never_the_agency() -> None:
    meta = PageMeta(title="Harbour reopens")
    body = "The harbour reopened on Tuesday after repairs.\n"
    furniture = ["Harbour reopens", "Cranes at the harbour. (Photo: Reuters)", "Photo: Bloomberg"]
    dateline = build_dateline(meta, body, furniture)
    assert dateline.agency is None
    assert dateline.place is None


# ---------------------------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jane Roe", ["Jane Roe"]),
        ("By Jane Roe and John Poe, Chief Economics Correspondent", ["Jane Roe", "John Poe"]),
        ("By Jane Roe, John Poe and Ann Moe", ["Jane Roe", "John Poe", "Ann Moe"]),
        ("By JANE ROE | Reuters", ["Jane Roe"]),
        ("By JANE ROE and TOM MCKAY, Associated Press", ["Jane Roe", "Tom McKay"]),
        ("BY jane roe", ["Jane Roe"]),
        ("By Jane Roe in Kyiv", ["Jane Roe"]),
        ("By Ana de la Cruz", ["Ana de la Cruz"]),
        ("By Reuters", []),
        ("By Staff Reporter", []),
        ("By the numbers", []),
        ("Jane Roe | Reuters", ["Jane Roe"]),
    ],
)
def test_parse_byline(text: str, names: list[str]) -> None:
    assert parse_byline(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("(Reporting by Jane Roe and John Poe; Editing by Ann Moe)", ["Jane Roe", "John Poe"]),
        (
            "Body text.\n\n(Reporting by Jane Roe in Kyiv; Additional reporting by Lia Sand in Varnapur; "
            "Writing by Tom Reed; Editing by Ann Moe and Bob Kay)",
            ["Jane Roe", "Lia Sand", "Tom Reed"],
        ),
        ("Reporting by Jane Roe; editing by Ann Moe", ["Jane Roe"]),
        ("(Editing by Ann Moe)", []),
        ("No trailer in this text.", []),
    ],
)
def test_reporting_trailer(text: str, names: list[str]) -> None:
    assert parse_reporting_trailer(text) == names


# ------------------------------------------------------------------------------------------ word counts


def test_count_words_ignores_markdown_and_link_targets() -> None:
    markdown = (
        "## A heading\n\n"
        "The [council](https://example.org/council-page) met **today**, it's said.\n\n"
        "> Quoted line here\n\n"
        "* one item\n"
        "![a photo](https://example.org/p.jpg)\n"
        "See https://example.org/long/path for more.\n"
    )
    # A heading (2) + The council met today it's said (6) + Quoted line here (3) + one item (2)
    # + See for more (3)
    assert count_words(markdown) == 16


def test_read_time_lines() -> None:
    assert parse_read_time("3 min read") == 3
    assert parse_read_time("12 mins read") == 12
    assert parse_read_time("5-minute read") == 5
    assert parse_read_time("Reading time: 4 minutes") == 4
    assert parse_read_time("Read more") is None


# -------------------------------------------------------------------------------------------- builder


def test_structured_data_comes_first() -> None:
    meta = PageMeta(
        title="Harbour reopens",
        byline=["JANE ROE", "Reuters"],
        outlet="The Lakeside Courier",
        section="Local",
        published="2024-11-19T05:17:00Z",
        updated="2024-11-19T10:47:00+05:30",
        language="en",
    )
    furniture = ["Last Updated : Nov 20 2024 | 09:00 AM IST", "By Someone Else", "7 min read"]
    dateline = build_dateline(meta, "KYIV, Nov 18 (AFP) - The harbour reopened.\n", furniture)
    assert dateline.published == "2024-11-19T05:17:00+00:00"
    assert dateline.published_raw == "2024-11-19T05:17:00Z"
    assert dateline.updated == "2024-11-19T10:47:00+05:30"
    assert dateline.byline == ["Jane Roe"]
    assert dateline.agency == "AFP"  # dateline parenthetical; the Reuters author entry is not a byline
    assert dateline.place == "Kyiv"
    assert dateline.read_minutes == 7
    assert dateline.outlet == "The Lakeside Courier"
    assert dateline.section == "Local"
    assert dateline.language == "en"


def test_naive_structured_time_falls_back_to_furniture() -> None:
    meta = PageMeta(published="2024-11-19T10:47:00")
    dateline = build_dateline(meta, "Text.\n", [])
    assert dateline.published is None
    assert dateline.published_raw == "2024-11-19T10:47:00"
    dateline = build_dateline(meta, "Text.\n", ["Published: Nov 19 2024 | 10:47 AM IST"])
    assert dateline.published == "2024-11-19T10:47:00+05:30"
    assert dateline.published_raw == "Nov 19 2024 | 10:47 AM IST"


def test_ist_resolved_by_outlet_country() -> None:
    meta = PageMeta(url="https://www.example.ie/news/a", language="en")
    dateline = build_dateline(meta, "Text.\n", ["Updated: Nov 19 2024 | 10:47 AM IST"])
    assert dateline.updated == "2024-11-19T10:47:00+01:00"


def test_byline_from_first_body_line_and_agency_from_byline() -> None:
    body = "By Jane Roe | Reuters\n\nThe harbour reopened on Tuesday after repairs.\n"
    dateline = build_dateline(PageMeta(), body, [])
    assert dateline.byline == ["Jane Roe"]
    assert dateline.agency == "Reuters"


def test_trailer_byline_and_cp_trailer_in_body() -> None:
    body = (
        "HALIFAX — The ferry will sail three days a week.\n\n"
        "(Reporting by Colette Arsenault; Editing by Ann Moe)\n\n"
        "— The Canadian Press\n"
    )
    dateline = build_dateline(PageMeta(), body, [])
    assert dateline.byline == ["Colette Arsenault"]
    assert dateline.agency == "CP"
    assert dateline.place == "Halifax"


def test_computed_read_minutes() -> None:
    body = " ".join(["word"] * 461) + ".\n"
    dateline = build_dateline(PageMeta(), body, [])
    assert dateline.word_count == 461
    assert dateline.read_minutes == 3
    assert build_dateline(PageMeta(), "", []).read_minutes == 1


def test_staff_story_has_no_agency() -> None:
    dateline = build_dateline(
        PageMeta(title="Council vote"), "The council voted on Tuesday.\n", ["By Jane Roe"]
    )
    assert dateline.agency is None
    assert dateline.byline == ["Jane Roe"]
    assert dateline.to_json()["agency"] is None
