"""Small data holders of one extraction run: entities, quote spans, attributions, quotes being built."""

from __future__ import annotations

from dataclasses import dataclass

from tuinews.models import QuoteKind


@dataclass
class Entity:
    """A person or organization in the article's running speaker table."""

    name: str
    kind: str  # "person" | "org"
    role: str | None = None
    gender: str | None = None
    weak: bool = False
    """Registered without a title, role or cue nearby: found by name, but not a pronoun's referent until
    it is a sentence subject or a speaker."""


@dataclass
class Frag:
    """One fragment of a quote: the marks (mask span) and the text between them (content span)."""

    mask_start: int
    mask_end: int
    start: int
    end: int


@dataclass
class Span:
    """A top-level quoted span found by the mark state machine (possibly over several blocks)."""

    frags: list[Frag]
    block: int
    last_block: int = -1
    closed: bool = True
    direct: bool = False
    words: int = 0


@dataclass
class Attr:
    """An attribution found for a quote: who, how sure, and where the cue verb sits."""

    entity: Entity
    confidence: float
    cue_pos: int


@dataclass
class Found:
    """A quote being built (direct quotes may absorb further fragments)."""

    frags: list[Frag]
    entity: Entity
    kind: QuoteKind
    paragraph: int
    confidence: float
