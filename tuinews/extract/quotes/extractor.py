"""The extractor: runs marks, attribution and indirect speech over the blocks and builds the quotes."""

from __future__ import annotations

import re

from tuinews.models import Quote

from .indirect import Indirect
from .lexicon import CUE_RE, LETTER
from .marks import scan_marks, split_inner_attributions
from .model import Attr, Found, Frag, Span
from .patterns import TERMINAL, WORD_RE
from .phrases import clean

#: Quote marks that open and close a fragment (straight marks pair with themselves).
_MARK_PAIRS = (("“", "”"), ("„", "“"), ("«", "»"), ('"', '"'))
_CLOSING_AFTER_RE = re.compile(r"[.,;:!?…]?([”“»\"])")


_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+$")
#: A fragment's closing comma, with the inner quote's closing marks after it (`‘people will leave,’`).
_END_COMMA_RE = re.compile(r",(?P<marks>[’'\"”»]*)$")
#: What ends the text between two fragments after its last word: quote marks, dashes, spaces.
_GAP_TAIL_RE = re.compile(r"[\s\"“”„«»‘’'—–-]+$")
#: "I", "I'm", "I’ve", "I'd", "I'll": a capital that starts no sentence.
_I_WORD_RE = re.compile(r"I(?:['’](?:m|ve|d|ll))?\b")
_WORD_CHAR_RE = re.compile(r"\w")


def _comma_between(gap: str, second: str) -> str:
    """What becomes of the comma that closes a fragment before an attribution (`"A," she said. "B."`).

    The comma stood for the reporter's sentence, not the speaker's: a second fragment that starts a new
    sentence (an attribution ending in a full stop, or a capital) makes it a full stop (`A. B.`); one that
    goes on with the same sentence (`"The plan," he said, "is to wait."`) drops it (`The plan is to wait.`).
    A number after it keeps it (`In 2019, 2,000 came`: the figures would run together).
    """
    m = _WORD_CHAR_RE.search(second)
    ch = m.group() if m else ""
    if ch.islower():
        return ""
    if _GAP_TAIL_RE.sub("", gap)[-1:] in (".", "!", "?", ":"):
        return "."
    if ch.isupper() and not _I_WORD_RE.match(second, m.start() if m else 0):
        return "."
    return "," if ch.isdigit() else ""


def join_fragments(norm: str, frags: list[Frag]) -> str:
    """The text of a quote from its fragments, joined with a space; a fragment's closing comma before an
    attribution is settled by `_comma_between` (fragments of one quote over several paragraphs are joined
    as they are)."""
    text = ""
    prev_end = 0
    for f in frags:
        part = clean(norm[f.start : f.end])
        if not part:
            continue
        if text:
            gap = norm[prev_end : f.start]
            m = _END_COMMA_RE.search(text)
            if m is not None and _WORD_CHAR_RE.search(gap):
                text = text[: m.start()] + _comma_between(gap, part) + m.group("marks")
            text += " " + part
        else:
            text = part
        prev_end = f.end
    return text


def _active_cues(text: str, start: int, end: int) -> int:
    """Cue verbs in text[start:end], passives left out ("before the decision was announced")."""
    return sum(
        1
        for m in CUE_RE.finditer(text, start, end)
        if not _PASSIVE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
    )


class Extractor(Indirect):
    """One run over one article."""

    def run(self) -> list[Quote]:
        """Find every quote of the article, in reading order."""
        quotes = split_inner_attributions(self.norm, scan_marks(self.norm, self.blocks))
        # The frame: the working text with direct quotes and long embedded quotes masked out.
        fr = list(self.norm)
        for q in quotes:
            if q.direct or q.words >= 4:
                for f in q.frags:
                    fr[f.mask_start : f.mask_end] = "\x01" * (f.mask_end - f.mask_start)
                    if f.end > f.start and self.norm[f.start : f.end].rstrip()[-1:] in TERMINAL:
                        fr[f.mask_end - 1] = "\x02"
        self.frame = "".join(fr)
        by_block: dict[int, list[Span]] = {}
        for q in quotes:
            if q.direct or q.words >= 4:
                by_block.setdefault(q.block, []).append(q)
        last_direct: Found | None = None
        last_direct_block = -2
        registered: set[int] = set()
        orphans: list[tuple[Span, bool]] = []
        carry: dict[int, tuple[Span | None, Found | None, Attr | None]] = {}
        for bi, (b0, b1, para) in enumerate(self.blocks):
            if bi not in registered:
                self.register_names(b0, b1)
            bq = sorted(by_block.get(bi, []), key=lambda q: q.frags[0].mask_start)
            emitted_direct: Found | None = None
            # A quote that ran over from earlier paragraphs and closed in this one: later fragments here
            # may continue it ("...," he said. "More.").
            prev_q, prev_out, prev_trail = carry.pop(bi, (None, None, None))
            for q in bq:
                last = q.frags[-1]
                for later in range(bi + 1, q.last_block + 1):
                    # names inside a quote running over several paragraphs are masked; the text after it
                    # in its last paragraph may hold the attribution
                    if later not in registered:
                        registered.add(later)
                        self.register_names(*self.blocks[later][:2])
                if not q.direct:
                    self._partial(q, para)
                    continue
                s0, _ = self.sentence_bounds(q.frags[0].mask_start)
                if prev_q is not None and prev_q.frags[-1].mask_end > s0:
                    s0 = prev_q.frags[-1].mask_end
                lead = self.lead_attr(s0, q.frags[0].mask_start)
                _, tb1 = self.blocks[q.last_block][:2] if q.last_block >= 0 else (0, b1)
                _, te = self.sentence_bounds(last.mask_end)
                if te <= last.mask_end and self.norm[last.start : last.end].rstrip()[-1:] in ("?", "!"):
                    # `"…?" X said.`: a question or exclamation ends the sentence at its closing mark, so the
                    # attribution after it reads as the next sentence
                    j = len(self.frame) - len(self.frame[last.mask_end :].lstrip())
                    if j < tb1:
                        te = self.sentence_bounds(j)[1]
                nxt = [x.frags[0].mask_start for x in bq if x.frags[0].mask_start > last.mask_end]
                t1 = min([te, tb1] + nxt[:1])
                trail = self.trail_attr(last.mask_end, t1) if (last.mask_end < t1) else None
                if (
                    lead is None
                    and prev_q is None
                    and not self.frame[b0 : q.frags[0].mask_start].strip()
                    and bi > 0
                ):
                    lead = self._colon_intro(bi)
                if (
                    prev_out is not None
                    and prev_q is not None
                    and prev_trail is not None
                    and trail is None
                    and (lead is None or lead.cue_pos == prev_trail.cue_pos)
                    and _active_cues(self.frame, prev_q.frags[-1].mask_end, q.frags[0].mask_start) <= 1
                ):
                    prev_out.frags.extend(q.frags)
                    prev_q, prev_trail = q, trail
                    continue
                attr = lead or trail
                conf_scale = 1.0 if q.closed else 0.8
                if attr is None:
                    only_quote = not re.search(rf"{LETTER}", self.frame[b0:b1].replace("\x01", ""))
                    inherit = None
                    if prev_out is not None:
                        inherit = prev_out
                    elif only_quote and last_direct is not None and last_direct_block == bi - 1:
                        inherit = last_direct
                    if inherit is None:
                        orphans.append((q, only_quote))
                        prev_q, prev_trail = q, None
                        continue
                    out = Found(list(q.frags), inherit.entity, "direct", para, 0.5 * conf_scale)
                else:
                    out = Found(list(q.frags), attr.entity, "direct", para, attr.confidence * conf_scale)
                self.out.append(out)
                emitted_direct = prev_out = out
                prev_q, prev_trail = q, trail
            if prev_q is not None and prev_q.last_block > bi:
                carry[prev_q.last_block] = (prev_q, prev_out, prev_trail)
            if emitted_direct is not None:
                last_direct = emitted_direct
                last_direct_block = self.block_of(emitted_direct.frags[-1].end)
            self._indirect(b0, b1, para)
            for q, only_quote in orphans:
                self._adopt(q, bi, para, only_quote)
            orphans.clear()
        return self._finish()

    def _adopt(self, q: Span, bi: int, para: int, only_quote: bool) -> None:
        """An unattributed quote right after another quote of any kind (indirect included) in the same
        paragraph, or alone in the paragraph after one, belongs to that quote's speaker."""
        start = q.frags[0].mask_start
        before = [o for o in self.out if o.frags[-1].end <= start]
        if not before:
            return
        last = max(before, key=lambda o: o.frags[-1].end)
        lb = self.block_of(last.frags[-1].end)
        if lb == bi or (only_quote and lb == bi - 1):
            self.out.append(Found(list(q.frags), last.entity, "direct", para, 0.45))

    def _close_fragment(self, text: str, end: int) -> str:
        """An indirect clause that ends in a short quoted fragment keeps the fragment's closing mark, which
        sits after the sentence's full stop (`would not intervene "at this stage."`), kept verbatim as a
        fragment's inner punctuation is (`"was wise,"`)."""
        for opening, closing in _MARK_PAIRS:
            if text.count(opening) > text.count(closing) if opening != closing else text.count(opening) % 2:
                m = _CLOSING_AFTER_RE.match(self.md, end)
                if m is not None and m.group(1) == closing:
                    return text + self.md[end : m.end()]
        return text

    def _finish(self) -> list[Quote]:
        result: list[Quote] = []
        for o in sorted(self.out, key=lambda o: o.frags[0].start):
            text = join_fragments(self.norm, o.frags)
            # Indirect: no final punctuation. Quoted: the comma before the closing mark belongs to the
            # attribution ("…," she said), so a quote never ends in a comma.
            text = text.rstrip(" .,;:") if o.kind == "indirect" else text.rstrip(" ,")
            if o.kind == "indirect":
                text = self._close_fragment(text, o.frags[-1].end)
            if len(WORD_RE.findall(text)) < 4 and o.kind != "indirect":
                continue
            start, end = o.frags[0].start, o.frags[-1].end
            while start < end and self.md[start].isspace():
                start += 1
            while end > start and (self.md[end - 1].isspace() or self.md[end - 1] == ","):
                end -= 1
            result.append(
                Quote(
                    text=text,
                    speaker=o.entity.name,
                    role=o.entity.role,
                    kind=o.kind,
                    paragraph=o.paragraph,
                    start=start,
                    end=end,
                    confidence=round(min(max(o.confidence, 0.0), 1.0), 3),
                )
            )
        return result
