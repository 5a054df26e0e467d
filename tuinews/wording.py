"""Counts in plain English, shared by the command line and the app's messages."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 article`, `2 articles` (`words` for an irregular plural)."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
