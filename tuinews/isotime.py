"""Reading the ISO 8601 timestamps the store keeps (one parser for the store and the UI)."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_iso(value: str | None) -> datetime | None:
    """An aware datetime from an ISO string (`Z` or an offset); None when empty, malformed or zone-less."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def to_utc(value: str | None) -> str | None:
    """An ISO timestamp with an offset, as UTC in the store's format (`...Z`); None if it has no zone."""
    moment = parse_iso(value)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None
