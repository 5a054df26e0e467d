"""Timestamps as pages print them, resolved to ISO 8601 with the source's offset; read-time lines."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal

from tuinews.extract.months import MONTH_NAMES, PUBLISHED_LABELS, UPDATED_LABELS, month_number
from tuinews.extract.timezones import ABBREVIATION as _ABBR
from tuinews.extract.timezones import GMT_OFFSET as _GMT_OFFSET
from tuinews.extract.timezones import NUM_OFFSET as _NUM_OFFSET
from tuinews.extract.timezones import offset_zone, resolve_zone

_MON = rf"(?P<mon>{MONTH_NAMES})(?![^\W\d_])\.?"
_DATE_MDY = re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>\d{{4}})\b", re.I)
_DATE_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?{_MON},?\s+(?:de\s+)?(?P<y>\d{{4}})\b", re.I
)
_DATE_YMD = re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DATE_NUM = re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b")
MON_ANY = _MON.replace("?P<mon>", "?:")
_DATE_PARTIAL = re.compile(rf"\b{MON_ANY}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MON_ANY}(?![\w])", re.I)
_TIME = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d)(?:\.\d+)?)?"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"|(?<![\d:.])(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap])\.?\s?m\b\.?",
    re.I,
)
_ISO_DT = re.compile(
    r"\b(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})(?![\w:])"
)
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|an?|one)\s*(?P<u>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)"
    r"\s+ago\b|\bjust now\b",
    re.I,
)
_LABEL_WORDS = rf"(?:{UPDATED_LABELS}|{PUBLISHED_LABELS})"
_LABEL = re.compile(rf"^\s*(?:{_LABEL_WORDS}|date|time)\s*[:\-–—|]*\s*", re.I)
_LABEL_ANY = re.compile(rf"(?<![\w])(?P<label>{_LABEL_WORDS})\b\s*[:\-–—]*\s*", re.I)
WEEKDAY = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?", re.I
)


def _find_date(text: str, country: str | None) -> tuple[tuple[int, int, int] | None, tuple[int, int] | None]:
    """((year, month, day), span) of the first full date in text."""
    for pattern in (_DATE_MDY, _DATE_DMY):
        match = pattern.search(text)
        if match:
            month = month_number(match.group("mon"))
            if month is None:
                continue
            return (int(match.group("y")), month, int(match.group("d"))), match.span()
    match = _DATE_YMD.search(text)
    if match:
        return (int(match.group("y")), int(match.group("m")), int(match.group("d"))), match.span()
    match = _DATE_NUM.search(text)
    if match:
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
        if a > 12 >= b:
            return (year, b, a), match.span()
        if b > 12 >= a:
            return (year, a, b), match.span()
        if match.group("sep") == ".":  # 05.06.2024: dotted dates are day first everywhere
            return (year, b, a), match.span()
        if country:  # 05/06/2024: month first only in the US
            return ((year, a, b) if country.upper() == "US" else (year, b, a)), match.span()
    return None, None


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _find_time(text: str) -> tuple[tuple[int, int, int] | None, tuple[int, int] | None]:
    match = _TIME.search(text)
    if not match:
        return None, None
    if match.group("h") is not None:
        hour, minute, second = int(match.group("h")), int(match.group("m")), int(match.group("s") or 0)
        ampm = match.group("ap")
    else:
        hour, minute, second, ampm = int(match.group("h2")), 0, 0, match.group("ap2")
    if ampm:
        if hour > 12 or hour == 0:
            return None, None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return (hour, minute, second), match.span()


def _find_zone(text: str, local: datetime, country: str | None) -> tzinfo | None:
    match = _GMT_OFFSET.search(text) or _NUM_OFFSET.search(text)
    if match:
        return offset_zone(match.group("s"), match.group("h"), match.group("m"))
    match = _ABBR.search(text)
    if match:
        return resolve_zone(match.group(1), local, country=country)
    return None


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def strip_timestamp_label(text: str) -> str:
    """The timestamp text without its label (`Last Updated : Nov 19 …` -> `Nov 19 …`)."""
    return " ".join(_LABEL.sub("", text, count=1).split())


def parse_timestamp(
    text: str, *, country: str | None = None, now: datetime | None = None
) -> tuple[str | None, str | None]:
    """(ISO 8601 with the source's offset or None, the timestamp text as printed) for one timestamp.

    Resolved only with a full date, a time and a zone (`Nov 19 2024 | 10:47 AM IST`,
    `2024-11-19T05:17:00Z`), or a relative time (`3 hours ago`) when `now` is given. The raw text is
    returned (label removed) whenever the text holds a date, a time or a relative time, else None.
    `country` (ISO 3166 code) settles ambiguous zones (see `tuinews.extract.timezones`).
    """
    if not text or not text.strip():
        return None, None
    raw = strip_timestamp_label(text)
    iso = _ISO_DT.search(raw)
    if iso:
        zone = iso.group("zone").replace("Z", "+00:00")
        if len(zone) == 5:
            zone = zone[:3] + ":" + zone[3:]
        try:
            return _iso(datetime.fromisoformat(f"{iso.group('date')}T{iso.group('time')}{zone}")), raw
        except ValueError:
            return None, raw
    relative = _RELATIVE.search(raw)
    if relative:
        if now is None:
            return None, raw
        return _iso(_relative(now, relative)), raw
    date, span = _find_date(raw, country)
    if date is None:
        return None, (raw if _DATE_PARTIAL.search(raw) or _find_time(raw)[0] else None)
    rest = _blank(raw, span) if span else raw
    clock, tspan = _find_time(rest)
    if clock is None:
        return None, raw
    rest = _blank(rest, tspan) if tspan else rest
    try:
        local = datetime(*date, *clock)
    except ValueError:
        return None, raw
    zone = _find_zone(rest, local, country)
    if zone is None:
        return None, raw
    return _iso(local.replace(tzinfo=zone)), raw


def _relative(now: datetime, match: re.Match[str]) -> datetime:
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)  # a naive fetch time is taken as UTC
    if match.group("n") is None:  # "just now"
        return now.replace(second=0)
    count = 1 if match.group("n").lower() in ("a", "an", "one") else int(match.group("n"))
    unit = match.group("u").lower()
    if unit.startswith("s"):
        delta = timedelta(seconds=count)
    elif unit.startswith("m"):
        delta = timedelta(minutes=count)
    elif unit.startswith("h"):
        delta = timedelta(hours=count)
    elif unit.startswith("d"):
        delta = timedelta(days=count)
    else:
        delta = timedelta(weeks=count)
    return (now - delta).replace(second=0)


TimestampKind = Literal["published", "updated"]


def _is_bare_timestamp(line: str) -> bool:
    """A line that is only a date, or a date and a time (and a zone, weekday, separators, `Uhr`)."""
    if len(line.split()) > 12:
        return False
    date, span = _find_date(line, None)
    if date is None or span is None:
        return False
    rest = _blank(line, span)
    clock, tspan = _find_time(rest)
    if tspan is not None:
        rest = _blank(rest, tspan)
    rest = _ABBR.sub(" ", WEEKDAY.sub(" ", rest))
    rest = re.sub(r"\b(?:at|on|T|Z|Uhr|um|à|a las|в)\b|[|,·•/\-–—():+\d]", " ", rest, flags=re.I)
    return not rest.strip()


_BYLINE_HEAD = re.compile(r"^(?:by|von|par|por|door|av)\s+\S", re.I)
_SOURCE_THEN_STAMP = re.compile(r"^(?P<src>[^\d|·•—–]{2,40}?)\s+[|·•—–-]\s+(?P<stamp>.*\d.*)$")


def _labelled(text: str, labels: list[re.Match[str]]) -> list[tuple[TimestampKind, str]]:
    out: list[tuple[TimestampKind, str]] = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        segment = text[match.end() : end].strip(" |,·•/")
        if not (_RELATIVE.search(segment) or _find_date(segment, None)[0] or _DATE_PARTIAL.search(segment)):
            continue
        if len(segment.split()) > 14:
            continue
        label = " ".join(match.group("label").lower().split())
        kind: TimestampKind = "updated" if re.fullmatch(UPDATED_LABELS, label, re.I) else "published"
        out.append((kind, segment))
    return out


def timestamp_fields(line: str) -> list[tuple[TimestampKind, str]]:
    """The timestamps a furniture line states, each with its kind.

    `Last Updated : Nov 19 2024 | 10:47 AM IST` -> [("updated", …)];
    `Published: … | Updated: …` -> both; a bare `Nov 19 2024, 10:47 AM IST` -> [("published", …)];
    a bare stamp followed by a labelled one (`March 4, 2025 2:31 PM GMT Updated 2 hours ago`) -> both.
    Lines whose label is not followed by a date or a relative time (`Published in 2019, the …`) -> [].
    """
    text = " ".join(line.split())
    if not text or len(text.split()) > 30:
        return []
    if not any(c.isdigit() for c in text) and not _RELATIVE.search(text):
        return []  # every date, time and relative time holds a digit, except "an hour ago", "just now"
    labels = list(_LABEL_ANY.finditer(text))
    if labels and labels[0].start() == 0:
        return _labelled(text, labels)
    if labels:
        before = text[: labels[0].start()].rstrip()
        head = before.strip(" |,·•/")
        found = _labelled(text, labels)
        if found and _is_bare_timestamp(head):
            return [("published", head), *found]
        if found and before.endswith(("|", "·", "•", "/", "—", "–")) and len(head.split()) <= 6:
            return found  # a source before the stamp: "ANI | Updated: …", "The Canadian Press · Posted: …"
        if found and _BYLINE_HEAD.match(head) and len(head.split()) <= 8:
            return found  # a byline before the stamp: "Von Jana Muster publiziert am 3. Mai 2021"
        return []
    if _is_bare_timestamp(text):
        return [("published", text)]
    source = _SOURCE_THEN_STAMP.match(text)
    if source and len(source.group("src").split()) <= 4 and _is_bare_timestamp(source.group("stamp")):
        return [("published", source.group("stamp"))]  # "KYODO NEWS - Oct 30, 2025 - 18:41 JST"
    return []


def embedded_stamp(line: str, *, country: str | None = None) -> tuple[str | None, str | None]:
    """(iso or None, the date text) for a full date inside a short line that is not a timestamp line
    by itself: `by Jane Roe @janeroe Nov 18, 2019 at 9:24 pm ET • 2 min read`, `Reuters November 18,
    2019 11:03 PM`. (None, None) when the line holds no full date (day, month and year)."""
    text = " ".join(line.split())
    if not text or len(text.split()) > 24:
        return None, None
    date, span = _find_date(text, country)
    if date is None or span is None:
        return None, None
    piece = text[span[0] : span[0] + 40]  # the date and what follows it: its time and zone
    piece = re.split(r"\s[•·|]\s|\s+\d+\s*min", piece)[0]
    iso, _ = parse_timestamp(piece, country=country)
    return iso, piece.strip()


def wall_clock(text: str, *, country: str | None = None) -> datetime | None:
    """The local date and time a text states without a zone (`2019-11-18 20:58:46`,
    `November 18, 2019 11:03 PM`), as a naive datetime; None without a full date and a time."""
    if not text:
        return None
    raw = strip_timestamp_label(text)
    iso = _ISO_DT.search(raw)
    if iso:
        return None  # zoned: not a bare wall clock
    date, span = _find_date(raw, country)
    if date is None or span is None:
        return None
    clock, _ = _find_time(_blank(raw, span))
    if clock is None:
        return None
    try:
        return datetime(*date, *clock)
    except ValueError:
        return None


def stated_day(text: str, *, country: str | None = None) -> str | None:
    """The first full calendar day a text states, as YYYY-MM-DD (`2019-11-19 02:24:00`, `18 NOV 2019`,
    `publiziert am 25. September 2018`); None without a year, month and day, or for an impossible day."""
    if not text:
        return None
    date, _ = _find_date(strip_timestamp_label(text), country)
    if date is None:
        return None
    try:
        return datetime(*date).date().isoformat()
    except ValueError:
        return None


def is_timestamp_line(line: str) -> bool:
    """True when a line is a timestamp (labelled or bare): page furniture, not article text."""
    return bool(timestamp_fields(line))


_READ_TIME = re.compile(
    r"\b(?P<n>\d{1,3})\s*-?\s*min(?:ute)?s?\.?\s+read\b"
    r"|\breading\s+time\s*:?\s*(?P<n2>\d{1,3})\s*min",
    re.I,
)


def parse_read_time(line: str) -> int | None:
    """Minutes from a read-time line (`3 min read`, `Reading time: 4 minutes`)."""
    match = _READ_TIME.search(line)
    if not match:
        return None
    minutes = int(match.group("n") or match.group("n2"))
    return minutes if minutes > 0 else None
