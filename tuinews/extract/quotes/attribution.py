"""Attribution of direct and partial quotes: cue verbs before, after and between quote fragments."""

from __future__ import annotations

import re

from .lexicon import CUE_RE, INVERTED_CUES, PCUE_RE
from .model import Attr, Found, Span
from .patterns import ACCORDING_RE, TITLE_DOT_RE
from .phrases import np_before, subject_run_end
from .resolution import Resolution


class Attribution(Resolution):
    """Finds who a quote-marked span belongs to."""

    def lead_attr(self, r0: int, r1: int) -> Attr | None:
        """`X said: "..."` / `X said, "..."` / `According to X, "..."`: cue in the text before a quote."""
        text = self.frame[r0:r1]
        stripped = text.rstrip()
        if not stripped:
            return None
        am = ACCORDING_RE.search(stripped)
        if am:
            res = self.resolve(am.group("np"), r0 + am.start("np"))
            return Attr(res[0], res[1], r0 + am.start()) if res else None
        last = None
        for m in CUE_RE.finditer(stripped):
            last = m
        if last is None:
            pm = re.search(r",?\s+saying\s*[:,]?$", stripped)
            if pm:
                return self._subject_attr(r0, r0 + pm.start())
            return None
        tail = stripped[last.end() :]
        if not (stripped[-1] in ":," or not tail.strip()):
            return None
        if len(tail.split()) > 9 or re.search(r"[.;!?]", tail):
            return None
        if last.group() in INVERTED_CUES and not text[: last.start()].strip(" ,—–-"):
            return None
        st, np = np_before(stripped[: last.start()])
        if np is None:
            return None
        res = self.resolve(np, r0 + st)
        return Attr(res[0], res[1], r0 + last.start()) if res else None

    def trail_attr(self, r0: int, r1: int) -> Attr | None:
        """`"...," X said.` / `"...," said X.`: cue in the text right after a quote."""
        text = self.frame[r0:r1]
        lead = len(text) - len(text.lstrip(" ,—–-"))
        body = text[lead:]
        if not body:
            return None
        m = CUE_RE.match(body)
        if m:
            if m.group() not in INVERTED_CUES:
                return None
            np = re.split(
                r"[.;!?]\s|[.;!?]$|\s+(?:on|in|at|during|after|before|as|when|while|adding|saying|"
                r"bei|beim|am|im|auf|vor|nach|mit|während|gegenüber|zum|zur|über|"
                r"на|в|во|по)\s|\s+(?:журналистам|репортёрам|корреспонденту)(?!\w)",
                TITLE_DOT_RE.sub(r"\1 ", body[m.end() :]) + " ",
                maxsplit=1,
            )[0]
            res = self.resolve(np, r0 + lead + m.end())
            return Attr(res[0], res[1], r0 + lead) if res else None
        m = CUE_RE.search(body)
        if (
            m is None
            or len(body[: m.start()].split()) > 14
            or re.search(r"[.;!?](?:\s|$)", body[: m.start()])
        ):
            return None
        st, np = np_before(body[: m.start()])
        # The subject must start the region ("he said"), or follow an intro ending with a comma.
        if np is None or (st > 0 and "," not in body[:st] and body[:st].strip()):
            return None
        res = self.resolve(np, r0 + lead + st)
        return Attr(res[0], res[1], r0 + lead + m.start()) if res else None

    def _subject_attr(self, s0: int, s1: int) -> Attr | None:
        """The subject at the start of the sentence [s0, s1) (for `..., saying ...`)."""
        text = self.frame[s0:s1]
        starts = [0]
        c = text.find(",")
        if 0 <= c < 60:
            starts.append(c + 1)
        for st in starts:
            words = list(re.finditer(r"[^\s,;:]+", text[st:]))
            if not words:
                continue
            w0 = words[0].group().lower()
            j = 0
            if w0 in ("he", "she", "they", "it"):
                j = 1
            else:
                i = 1 if w0 in ("the", "its") else 0
                j = subject_run_end([w.group() for w in words], i)
                if j == i and i == 1 and len(words) > 1:
                    j = 2
            if j == 0:
                continue
            np_start = st + words[0].start()
            res = self.resolve(text[np_start : st + words[j - 1].end()], s0 + np_start)
            if res:
                return Attr(res[0], res[1], s0 + st)
        return None

    # ---- main -------------------------------------------------------------------------------------

    def _colon_intro(self, bi: int) -> Attr | None:
        """A quote paragraph introduced by the end of the previous paragraph (`... X said:`)."""
        pb0, pb1, _ = self.blocks[bi - 1]
        tail = self.frame[pb0:pb1].rstrip()
        if not tail.endswith(":"):
            return None
        s0, _ = self.sentence_bounds(pb0 + len(tail) - 1)
        return self.lead_attr(s0, pb0 + len(tail))

    def _partial(self, q: Span, para: int) -> None:
        f0, fl = q.frags[0], q.frags[-1]
        s0, s1 = self.sentence_bounds(f0.mask_start)
        attr = None
        before = self.frame[s0 : f0.mask_start]
        cues = [m for m in PCUE_RE.finditer(before)]
        for m in reversed(cues):
            if m.group() in ("saying", "adding", "calling", "describing"):
                attr = self._subject_attr(s0, s0 + m.start())
            else:
                st, np = np_before(before[: m.start()])
                res = self.resolve(np, s0 + st) if np else None
                attr = Attr(res[0], res[1], s0 + m.start()) if res else None
            if attr:
                break
        if attr is None:
            after = self.frame[fl.mask_end : s1]
            for m in CUE_RE.finditer(after):
                st, np = np_before(after[: m.start()])
                inner_comma = self.norm[fl.start : fl.end].rstrip().endswith(",")
                if np and ("," in after[:st] or (inner_comma and not after[:st].strip())):
                    res = self.resolve(np, fl.mask_end + st)
                    if res:
                        attr = Attr(res[0], res[1], fl.mask_end + m.start())
                        break
        if attr is None or q.words < 4:
            return
        self.out.append(Found(list(q.frags), attr.entity, "partial", para, attr.confidence * 0.95))

    # ---- indirect speech ----------------------------------------------------------------------------
