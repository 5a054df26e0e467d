"""Speaker names folded for matching, shared by the writers and the queries (no sqlite-utils here)."""

from __future__ import annotations

import unicodedata


def speaker_key(name: str | None) -> str | None:
    """A speaker's name folded for matching: case and accents ignored ("Zoë Núñez" -> "zoe nunez")."""
    if not name:
        return None
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())
