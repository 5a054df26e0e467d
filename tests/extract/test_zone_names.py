"""The zone a source named, for showing its times as it printed them (EXTRACTION-SPEC "Dateline")."""

from __future__ import annotations

import pytest

from tuinews.extract.timestamps import parse_timestamp
from tuinews.extract.timezones import stated_zone
from tuinews.isotime import parse_iso


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Nov 19 2026 | 10:47 AM IST", "IST"),
        ("19 November 2026, 10:47 GMT", "GMT"),
        ("18 November 2026, 10:47am AEDT", "AEDT"),
        ("Saturday 17 October 2026 18.40 BST", "BST"),
        ("November 5, 2026 at 5:30 p.m. EST", "EST"),
        ("July 4, 2026 10:00 AM ET", "ET"),
        ("Nov 18 2026 09:00 ET", "ET"),
        ("3. November 2026, 14:20 Uhr MEZ", "MEZ"),
        ("2026-11-19 10:47 UTC", "UTC"),
    ],
)
def test_a_named_zone_that_agrees_with_the_parsed_offset_is_kept(raw: str, name: str) -> None:
    iso, _ = parse_timestamp(raw)
    moment = parse_iso(iso)
    assert moment is not None
    assert stated_zone(raw, moment) == name


def test_the_country_reading_of_an_ambiguous_zone_agrees_too() -> None:
    iso, _ = parse_timestamp("Jul 4 2026 10:00 IST", country="IE")  # Irish Standard Time, +01:00
    assert iso == "2026-07-04T10:00:00+01:00"
    assert stated_zone("Jul 4 2026 10:00 IST", parse_iso(iso)) == "IST"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Nov 19 2026 | 10:47 AM IST", "2026-11-19T10:47:00+00:00"),  # the stored time says otherwise
        ("July 4, 2026 10:00 AM ET", "2026-07-04T10:00:00-05:00"),  # ET is -04:00 in July
        ("Nov 19 2026 10:47 GMT+5:30", "2026-11-19T10:47:00+05:30"),  # an offset, not GMT
        ("Tue, 19 Nov 2026 10:47:00 +0000", "2026-11-19T10:47:00+00:00"),  # an offset, no name
        ("2026-10-31T07:00:00+11:00", "2026-10-31T07:00:00+11:00"),  # structured data
        ("3 hours ago", "2026-11-19T10:47:00+00:00"),
        ("LAST UPDATED 10:47", "2026-11-19T10:47:00+00:00"),  # letters inside words are no zone
        (None, "2026-11-19T10:47:00+00:00"),
    ],
)
def test_no_name_without_one_that_agrees(raw: str | None, iso: str) -> None:
    moment = parse_iso(iso)
    assert moment is not None
    assert stated_zone(raw, moment) is None
