"""Which publication time to keep when a page states it more than once, and the publication day.

Pages often give the same instant twice: structured data in UTC (`2019-11-20T01:50:59Z`) and a visible
local time (`Nov. 19, 2019 5:50 PM`, `Nov 19, 2019, 10:31 pm CST`). The spec keeps the source's own
offset, so:

1. A visible *zoned* time that agrees with the structured one wins: same minute of the hour and at most
   14 hours apart in whole quarter hours (the same instant, or a CMS that printed the UTC clock with the
   local offset, which is the common way structured data goes wrong). The page shows what it means.
2. Else, when the structured time is in UTC and the page shows a *zone-less* local time that agrees the
   same way (or a zone-less meta such as `sailthru.date`), the structured instant is kept but given the
   offset between the two: `2019-11-20T01:50:59Z` with `Nov. 19, 2019 5:50 PM` is
   `2019-11-19T17:50:59-08:00`, the same instant in the outlet's own clock.
3. A page with no structured time takes its first zoned furniture timestamp, then an embedded one.

`published_day` is the day of the chosen time; without one, the first full day stated in a date-only or
zone-less value (structured data first, then the furniture lines in page order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from tuinews.extract.timestamps import parse_timestamp, stated_day, wall_clock

_MAX_APART = timedelta(hours=14)
_QUARTER = timedelta(minutes=15)


@dataclass
class Published:
    """The publication time chosen for a dateline."""

    iso: str | None = None
    raw: str | None = None
    day: str | None = None


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def agrees(structured: datetime, other: datetime) -> bool:
    """Same minute of the hour, at most 14 hours apart in whole quarter hours (naive `other` is read as
    a wall clock against the structured UTC clock)."""
    if other.tzinfo is None:
        gap = _minute(other) - _minute(structured.astimezone(UTC).replace(tzinfo=None))
    else:
        gap = _minute(other) - _minute(structured)
    return abs(gap) <= _MAX_APART and gap % _QUARTER == timedelta(0) and other.minute == structured.minute


def in_local_offset(structured: datetime, clock: datetime) -> datetime:
    """The structured instant in the offset that makes it read as the page's wall clock."""
    gap = _minute(clock) - _minute(structured.astimezone(UTC).replace(tzinfo=None))
    return structured.astimezone(timezone(gap))


def choose_published(
    structured: str | None,
    stamps: Iterable[tuple[str | None, str | None]],
    embedded: Iterable[tuple[str | None, str | None]] = (),
    *,
    country: str | None = None,
) -> Published:
    """The publication time and day from structured data, furniture stamps and embedded stamps (each
    an (iso or None, raw) pair, as `parse_timestamp` gives them), following the module's rules."""
    stamps, embedded = list(stamps), list(embedded)
    raw_structured = structured.strip() if structured and structured.strip() else None
    s_iso = parse_timestamp(raw_structured, country=country)[0] if raw_structured else None
    zoned = [(iso, raw) for iso, raw in [*stamps, *embedded] if iso]
    chosen = Published()
    if s_iso:
        s_time = datetime.fromisoformat(s_iso)
        chosen = Published(s_iso, raw_structured)
        match = next((p for p in zoned if agrees(s_time, datetime.fromisoformat(p[0] or ""))), None)
        if match:
            chosen = Published(match[0], match[1])
        elif s_time.utcoffset() == timedelta(0):
            for _, raw in stamps:
                clock = wall_clock(raw or "", country=country)
                if clock and agrees(s_time, clock) and _minute(clock) != _minute(s_time.replace(tzinfo=None)):
                    chosen = Published(in_local_offset(s_time, clock).isoformat(), raw_structured)
                    break
    elif zoned:
        chosen = Published(zoned[0][0], zoned[0][1])
    else:
        raw = raw_structured or next((r for _, r in stamps if r), None)
        chosen = Published(None, raw)
    if chosen.iso:
        chosen.day = chosen.iso[:10]
        return chosen
    for raw in [raw_structured, *(r for _, r in stamps), *(r for _, r in embedded)]:
        day = stated_day(raw or "", country=country)
        if day:
            chosen.day = day
            break
    return chosen
