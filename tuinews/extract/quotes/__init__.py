"""Quote extraction: direct, partial and indirect quotes with their speakers, from an article's Markdown.

The contract is the "Quotes" section of EXTRACTION-SPEC.md. The pipeline, all pure and standard library:

1. split the Markdown into blocks (blank-line separated), blank out page furniture and ``>`` prefixes in a
   same-length working copy so every offset still maps to the original text;
2. run a quote-mark state machine over each block (nesting, straight/curly/low-high/guillemet/single marks,
   quotes that run over several paragraphs);
3. keep a running table of people and organizations, fed by every name seen outside quote marks;
4. attribute direct quotes (cue before, after or between fragments), partial quotes (fragment of 4+ words in
   a reporting sentence) and indirect speech (``X said (that) ...``, ``..., X said.``, ``..., saying ...``).
"""

from __future__ import annotations

from tuinews.models import Quote

from .extractor import Extractor
from .speakers import clear_caches

__all__ = ["parse_quotes"]


def parse_quotes(markdown: str) -> list[Quote]:
    """Extract the quotes of an article body in Markdown, in reading order, with speakers resolved."""
    if not markdown or not markdown.strip():
        return []
    clear_caches()
    return Extractor(markdown).run()
