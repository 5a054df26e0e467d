"""Turning stored values into safe, short display text for widgets."""

# parse_iso is re-exported: widgets import their time helpers from here.

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text

from tuinews.isotime import parse_iso
from tuinews.sanitize import clean_line


def safe(text: str | None, style: str = "") -> Text:
    """Untrusted text as a Rich `Text`: cleaned of control characters and never parsed as markup."""
    return Text(clean_line(text), style=style)


def relative_age(moment: datetime, now: datetime | None = None) -> str:
    """'5 minutes ago', '3 hours ago', '2 days ago'."""
    now = now or datetime.now(UTC)
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return "in the future"
    for size, unit in (
        (86400 * 365, "year"),
        (86400 * 30, "month"),
        (86400, "day"),
        (3600, "hour"),
        (60, "minute"),
    ):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


def short_time(value: str | None, now: datetime | None = None) -> str:
    """List-view time: 'HH:MM' for today (local zone), else 'DD Mon', else ''."""
    moment = parse_iso(value)
    if moment is None:
        return ""
    local = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d %b")
