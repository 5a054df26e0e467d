"""Time-zone abbreviations as news pages print them, resolved explicitly (never guessed from the system).

The rules, in the order they apply:

1. A printed offset wins: `+05:30`, `-0500`, `Z`, `GMT+5:30`, `UTC-4`.
2. An abbreviation that means one thing maps to one fixed offset (`JST` +09:00, `CET` +01:00, `CEST`
   +02:00, `MSK`/`МСК` +03:00, `EST` -05:00 even in July: an explicit `EST` keeps its offset).
3. A regional name (`ET`, `CT`, `MT`, `PT`, `AET`, `NZT`) takes the offset its zone had on that date and
   time through `zoneinfo`: `ET` is -05:00 or -04:00 by US daylight saving.
4. An ambiguous abbreviation is settled by the outlet's country, taken from the page's language tag
   (`en-IE`, `he`) or else its URL's country domain (`.ie`, `.cn`); with no hint the news-page reading
   below wins.
5. A time with no zone at all is never treated as UTC (nor as the reader's zone): the timestamp stays
   unresolved (`published` null, the printed text kept in `published_raw`). Relative times
   (`Updated 3 hours ago`) count back from the fetch time in the fetch time's own offset.

Fixed abbreviations map to one UTC offset. Regional names (`ET`, `PT`, `AET` …) follow the local
daylight-saving rules of that date through `zoneinfo`. A few abbreviations mean different things in
different countries; without a country hint the news-page reading wins:

- `IST` is India Standard Time (+05:30). With country `IE` it is Irish Standard Time (+01:00, Irish
  summer time); with `IL` Israel Standard Time (+02:00).
- `CST` is US Central Standard Time (-06:00); with `CN`/`TW`/`HK`/`MO` China Standard Time (+08:00).
- `BST` is British Summer Time (+01:00); with `BD` Bangladesh Standard Time (+06:00).
- `AST` is Atlantic Standard Time (-04:00); with a Gulf country (`SA`, `QA` …) Arabia Standard Time (+03:00).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo


def _minutes(value: int) -> timezone:
    return timezone(timedelta(minutes=value))


#: Abbreviation -> fixed UTC offset in minutes.
FIXED_OFFSETS: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "WEST": 60,
    "CET": 60,
    "CEST": 120,
    "MEZ": 60,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "SAST": 120,
    "CAT": 120,
    "EAT": 180,
    "MSK": 180,
    "МСК": 180,
    "GST": 240,
    "PKT": 300,
    "IST": 330,
    "NPT": 345,
    "BDT": 360,
    "WIB": 420,
    "ICT": 420,
    "HKT": 480,
    "SGT": 480,
    "PHT": 480,
    "AWST": 480,
    "MYT": 480,
    "JST": 540,
    "KST": 540,
    "ACST": 570,
    "ACDT": 630,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
    "AST": -240,
    "ADT": -180,
    "NST": -210,
    "NDT": -150,
}

#: Abbreviation -> IANA zone whose daylight-saving rules decide the offset on the date.
REGIONAL_ZONES: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "AET": "Australia/Sydney",
    "NZT": "Pacific/Auckland",
}

#: Abbreviation -> {country code: offset minutes} for the ambiguous ones (see module docstring).
AMBIGUOUS: dict[str, dict[str, int]] = {
    "IST": {"IE": 60, "IL": 120},
    "CST": {"CN": 480, "TW": 480, "HK": 480, "MO": 480},
    "BST": {"BD": 360},
    "AST": {"SA": 180, "KW": 180, "QA": 180, "BH": 180, "IQ": 180, "YE": 180},
}

#: Every abbreviation the timestamp parser recognises (longest first, for the regex).
ABBREVIATIONS: list[str] = sorted(
    (set(FIXED_OFFSETS) | set(REGIONAL_ZONES)) - {"Z", "UT"}, key=lambda a: (-len(a), a)
)

#: A zone abbreviation in printed text (upper case, not part of a longer word).
ABBREVIATION = re.compile(r"(?<![A-Za-z])(" + "|".join(ABBREVIATIONS) + r")(?![A-Za-z])")
#: A printed offset: `GMT+5:30`, `UTC-4` ...
GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*(?P<s>[+\-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?!\d)")
#: ... or `+05:30`, `-0500` on its own.
NUM_OFFSET = re.compile(r"(?<![\w:])(?P<s>[+\-−])(?P<h>\d{2}):?(?P<m>\d{2})(?!\d)")

_LANG_COUNTRY = {"he": "IL", "iw": "IL", "ga": "IE", "hi": "IN", "bn": "BD", "zh": "CN"}
_TLD_COUNTRY = {"ie": "IE", "il": "IL", "in": "IN", "bd": "BD", "cn": "CN", "tw": "TW", "hk": "HK"}


def resolve_zone(abbr: str, on: datetime, *, country: str | None = None) -> tzinfo | None:
    """The tzinfo an abbreviation means for the naive local time `on` (None when unknown)."""
    key = abbr.upper().strip("()")
    cc = country.upper() if country else None
    if cc and key in AMBIGUOUS and cc in AMBIGUOUS[key]:
        return _minutes(AMBIGUOUS[key][cc])
    if key in REGIONAL_ZONES:
        zone = ZoneInfo(REGIONAL_ZONES[key])
        offset = on.replace(tzinfo=zone).utcoffset()
        return timezone(offset) if offset is not None else None
    if key in FIXED_OFFSETS:
        return _minutes(FIXED_OFFSETS[key])
    return None


def zone_offsets(abbr: str, on: datetime) -> set[int]:
    """Every UTC offset (minutes) an abbreviation can mean for the naive local time `on`: its fixed
    offset, its readings in the countries where it is ambiguous, or its regional zone's on that date."""
    key = abbr.upper().strip("()")
    offsets = set(AMBIGUOUS.get(key, {}).values())
    if key in FIXED_OFFSETS:
        offsets.add(FIXED_OFFSETS[key])
    if key in REGIONAL_ZONES:
        offset = on.replace(tzinfo=ZoneInfo(REGIONAL_ZONES[key])).utcoffset()
        if offset is not None:
            offsets.add(int(offset.total_seconds()) // 60)
    return offsets


def stated_zone(raw: str | None, moment: datetime) -> str | None:
    """The zone a printed timestamp names (`IST`, `GMT`, `ET`) when it names one by abbreviation and that
    abbreviation can mean `moment`'s offset on its date; else None (the text gave an offset, or no zone,
    or one that does not agree with the stored time).

    For showing a stored time the way its source did: `Nov 19 2024 | 10:47 AM IST` with
    `2024-11-19T10:47:00+05:30` -> `IST`; `10:47 GMT` with +00:00 -> `GMT`, not `UTC`.
    """
    offset = moment.utcoffset()
    if not raw or offset is None:
        return None
    if GMT_OFFSET.search(raw) or NUM_OFFSET.search(raw):
        return None  # a printed offset is what the parser went by (`GMT+5:30` is not GMT)
    match = ABBREVIATION.search(raw)
    if match is None:
        return None
    name = match.group(1)
    minutes = int(offset.total_seconds()) // 60
    return name if minutes in zone_offsets(name, moment.replace(tzinfo=None)) else None


def offset_zone(sign: str, hours: str, minutes: str | None) -> tzinfo | None:
    """A fixed zone from a printed offset (`+05:30`, `-4`, `+0530`); None when out of range."""
    total = int(hours) * 60 + int(minutes or 0)
    if total > 14 * 60:
        return None
    return _minutes(-total if sign in "-−" else total)


def country_hint(language: str | None = None, url: str | None = None) -> str | None:
    """A country code from a language tag (`en-IE`, `he`) or the URL's country TLD, for ambiguous zones."""
    if language:
        parts = re.split(r"[-_]", language.strip())
        if len(parts) > 1 and len(parts[1]) == 2:
            return parts[1].upper()
        if parts[0].lower() in _LANG_COUNTRY:
            return _LANG_COUNTRY[parts[0].lower()]
    if url:
        match = re.match(r"^[a-z]+://([^/:?#]+)", url.strip().lower())
        if match:
            tld = match.group(1).rsplit(".", 1)[-1]
            return _TLD_COUNTRY.get(tld)
    return None
