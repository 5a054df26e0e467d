"""Messages shared across screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenArticle(Message):
    """Open this article in the reader (from search results or the speaker index)."""

    article_id: int
