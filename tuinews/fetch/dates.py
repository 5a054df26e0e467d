"""Feed dates (RFC 822 in RSS, W3C-DTF/ISO 8601 in Atom, RSS 1.0 and JSON Feed) to ISO 8601 with offset."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_ISO_SHAPE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$", re.I
)
_RFC822_ZONES = {
    "UT": "+0000",
    "Z": "+0000",
    "EST": "-0500",
    "EDT": "-0400",
    "CST": "-0600",
    "CDT": "-0500",
    "MST": "-0700",
    "MDT": "-0600",
    "PST": "-0800",
    "PDT": "-0700",
}


def parse_feed_date(raw: str | None) -> str | None:
    """An ISO 8601 timestamp with its UTC offset, or None when `raw` has no date and time.

    A time without a zone is taken as UTC (as feed readers conventionally do); a bare date gives None,
    since it says nothing about the hour (the raw text is kept by the caller).
    """
    if not raw:
        return None
    text = " ".join(raw.split())[:80]
    if not text:
        return None
    moment = _iso(text) if text[:4].isdigit() else None
    if moment is None:
        moment = _rfc822(text)
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if not 1970 <= moment.year <= 2200:
        return None
    return moment.isoformat(timespec="seconds")


def _iso(text: str) -> datetime | None:
    if not _ISO_SHAPE.match(text) or len(text) <= 10:
        return None
    normal = text.replace(" ", "T", 1).replace("z", "Z")
    if normal.endswith("Z"):
        normal = normal[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(normal)
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    parts = text.rsplit(" ", 1)
    if len(parts) == 2 and parts[1].upper() in _RFC822_ZONES:
        text = f"{parts[0]} {_RFC822_ZONES[parts[1].upper()]}"
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return moment
