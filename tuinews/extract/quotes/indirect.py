"""Indirect (reported) speech: `X said (that) CLAUSE`, `CLAUSE, X said.`, `..., saying CLAUSE`."""

from __future__ import annotations

import re

from .attribution import Attribution
from .lexicon import ICUE_RE, INVERTED_CUES
from .model import Attr, Found, Frag
from .patterns import (
    ADV_SEQ_RE,
    BAD_CLAUSE_START,
    CLAUSE_SPLIT_RE,
    COORD_BEFORE_RE,
    COORD_CUT_RE,
    DIRECT_PRE_CUE_RE,
    OBJ_THAT_RE,
    PARTICIPLE_RE,
    REPORTER_TAIL_RE,
    SAME_SUBJECT_RE,
    TAIL_OK_RE,
    TAIL_SUB_RE,
    THAT_RE,
    TOLD_OBJ_RE,
)
from .phrases import np_before

#: German cue verbs: reported speech follows them after a comma, with no "dass".
_GERMAN_CUES = frozenset({"sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "warnte", "warnt"})
_NOUN_OBJECT_RE = re.compile(r"(?:a|an|plans?)\s")
#: An adverbial that stopped on a determiner ("at his"), and the rest of its phrase up to a "that".
_DET_END_RE = re.compile(r"\b(?:his|her|its|their|the|a|an)$")
_PHRASE_TO_THAT_RE = re.compile(r"(?:\s+[\w’'-]+){1,8}?(?=\s+that\b)")


class Indirect(Attribution):
    """Finds reported speech in the sentences of a block."""

    def _indirect(self, b0: int, b1: int, para: int) -> None:
        fr = self.frame
        for s0, s1 in self.sentences(b0, b1):
            sent = fr[s0:s1]
            if not ICUE_RE.search(sent) and "saying" not in sent and "adding" not in sent:
                continue
            body_end = len(sent.rstrip().rstrip(".!?…").rstrip())
            part = PARTICIPLE_RE.search(sent)
            main_end = part.start() if part else body_end
            speaker: Attr | None = None
            masked = max(sent.rfind("\x01", 0, main_end), sent.rfind("\x02", 0, main_end))
            if masked < 0:
                speaker = self._indirect_main(s0, sent, main_end, para)
            else:
                # 'X said CLAUSE and described it as "..."': the report before the quote's own clause.
                first = min(p for p in (sent.find("\x01"), sent.find("\x02")) if p >= 0)
                cut = None
                for cut in COORD_CUT_RE.finditer(sent, 0, first):  # noqa: B007 (the last one is kept)
                    pass
                if cut is not None and ICUE_RE.search(sent, 0, cut.start()):
                    speaker = self._indirect_main(s0, sent, cut.start(), para)
                # 'He called it "...", and said CLAUSE': a report after a quote in the same sentence.
                cm = SAME_SUBJECT_RE.search(sent, masked + 1, main_end)
                if cm is not None:
                    who = self._speaker_in_sentence(s0, s0 + cm.start())
                    if who is not None:
                        rest = cm.start()
                        self._indirect_main(s0 + rest, sent[rest:], main_end - rest, para, who)
            if part and "\x01" not in sent[part.end() : body_end]:
                c0, c1 = part.end(), body_end
                if speaker is None:
                    speaker = self._speaker_in_sentence(s0, s0 + part.start())
                if (
                    speaker is not None
                    and len(sent[c0:c1].split()) >= 3
                    and not BAD_CLAUSE_START.match(sent[c0:c1])
                ):
                    self._emit_indirect(s0 + c0, s0 + c1, speaker, para)

    def _indirect_main(
        self, s0: int, sent: str, main_end: int, para: int, inherit: Attr | None = None
    ) -> Attr | None:
        cues = list(ICUE_RE.finditer(sent, 0, main_end))
        if not cues:
            return None
        # Trailing form: CLAUSE, X said (on Monday).
        m = cues[-1]
        tail = sent[m.end() : main_end]
        told_ok = m.group() not in ("told", "tells") or TOLD_OBJ_RE.match(tail)
        if told_ok and (TAIL_OK_RE.match(tail) or TAIL_SUB_RE.match(tail)):
            st, np = np_before(sent[: m.start()])
            clause_end = None
            pre_np = sent[:st].rstrip()
            if np is not None and pre_np.endswith(","):
                clause_end = len(pre_np) - 1
                res = self.resolve(np, s0 + st)
            elif np is not None and len(pre_np) > 2 and pre_np[-2] == "," and pre_np[-1] in "\"”’»'":
                clause_end = len(pre_np)
                res = self.resolve(np, s0 + st)
            elif sent[: m.start()].rstrip().endswith(",") and m.group() in INVERTED_CUES:
                clause_end = len(sent[: m.start()].rstrip()) - 1
                np_end = len(tail) - len(re.sub(r"^\s+", "", tail))
                res = self.resolve(tail.strip().rstrip(".!?"), s0 + m.end() + np_end)
            else:
                res = None
            if res and clause_end and len(sent[:clause_end].split()) >= 3:
                attr = Attr(res[0], res[1], s0 + m.start())
                self._emit_indirect(s0, s0 + clause_end, attr, para)
                return attr
        # Inverted trailing form: CLAUSE, said (role) NAME(, appositive).
        if m.group() in INVERTED_CUES and sent[: m.start()].rstrip().endswith(","):
            np = tail.split(",", 1)[0].strip().rstrip(".!?")
            words = np.split()
            if words and words[-1][:1].isupper() and len(words) <= 8:
                res = self.resolve(np, s0 + m.end() + (len(tail) - len(tail.lstrip())))
                clause_end = len(sent[: m.start()].rstrip()) - 1
                if res and len(sent[:clause_end].split()) >= 3:
                    attr = Attr(res[0], res[1], s0 + m.start())
                    self._emit_indirect(s0, s0 + clause_end, attr, para)
                    return attr
        # Leading form: X said (on Monday) (that) CLAUSE.
        m = cues[0]
        coord = COORD_BEFORE_RE.search(sent, 0, m.start())
        inherited: Attr | None = None
        st, np = 0, None
        if coord is not None:
            # "... and said CLAUSE", "X acknowledged ... but argued that CLAUSE": the subject of the
            # sentence (or of the quote just before) speaks again.
            inherited = inherit or self._subject_attr(s0, s0 + coord.start())
            if inherited is None:
                return None
        else:
            st, np = np_before(sent[: m.start()])
            if np is None or sent[:st].rstrip().endswith(",") and DIRECT_PRE_CUE_RE.search(sent[:st]):
                return None
            raw_np = sent[: m.start()].rstrip().split()
            if raw_np and raw_np[-1].lower() in ("which", "who", "whom"):
                return None
            pre_np = sent[:st].strip().lower()
            if pre_np.endswith((" which", " who", " that")) or pre_np in ("which", "who", "that"):
                return None
        pos = m.end()
        if m.group() in ("told", "tells"):
            om = TOLD_OBJ_RE.match(sent, pos, main_end)
            if om is None:
                return None
            pos = om.end()
            if re.match(r"\s+to\b", sent[pos:main_end]):
                return None
        elif m.group() in ("warned", "warns"):
            om = OBJ_THAT_RE.match(sent, pos, main_end)
            if om is not None:
                pos = om.end()
        am = ADV_SEQ_RE.match(sent, pos, main_end)
        if am:
            pos = am.end()
            if _DET_END_RE.search(sent, max(0, pos - 7), pos):
                # "said in an interview at his office overlooking the wharf that ...": the phrase the
                # adverbial left open runs to the "that"
                pm = _PHRASE_TO_THAT_RE.match(sent, pos, main_end)
                if pm is not None:
                    pos = pm.end()
        tm = THAT_RE.match(sent[pos:main_end])
        if tm:
            pos += tm.end()
        elif (
            m.group() in _GERMAN_CUES and sent[pos : pos + 1] == "," and len(sent[pos:main_end].split()) >= 3
        ):
            pos += 1  # German reported speech: "Der Verband erklärte, viele Clubs stünden unter Druck"
        elif (
            m.group() in ("added", "adds")
            or sent[pos : pos + 1] == ":"
            or sent[pos : pos + 2].strip() in (",", "")
        ):
            # "added" needs "that" ("the index added 3 points"); a colon or nothing means a direct quote
            return None
        # A second cue in the clause ("..., and the local MP, X, said ...", "... and warned that ...",
        # "..., a plan critics say ...") starts a new report: the clause ends before it.
        split = CLAUSE_SPLIT_RE.search(sent, pos, main_end)
        c_end = split.start() if split else main_end
        rtail = REPORTER_TAIL_RE.search(sent, pos, c_end)
        if rtail is not None:
            c_end = rtail.start()
        clause = sent[pos:c_end]
        c0 = pos + len(clause) - len(clause.lstrip())
        c1 = c_end
        while c1 > c0 and sent[c1 - 1] in " .!?…,;":
            c1 -= 1
        text = sent[c0:c1]
        if len(text.split()) < 3 or BAD_CLAUSE_START.match(text):
            return None
        if m.group() in ("announced", "announces", "declared", "declares") and _NOUN_OBJECT_RE.match(text):
            return None  # "announced a protest", "declared a state of emergency": an object, not speech
        if inherited is not None:
            attr = Attr(inherited.entity, inherited.confidence, s0 + m.start())
        else:
            res = self.resolve(np, s0 + st) if np is not None else None
            if not res:
                return None
            attr = Attr(res[0], res[1], s0 + m.start())
        self._emit_indirect(s0 + c0, s0 + c1, attr, para)
        if split is not None:
            self._indirect_main(
                s0 + split.start(), sent[split.start() :], main_end - split.start(), para, attr
            )
        return attr

    def _speaker_in_sentence(self, s0: int, s1: int) -> Attr | None:
        for o in reversed(self.out):
            if s0 <= o.frags[0].start < s1 or s0 <= o.frags[-1].end <= s1 + 2:
                return Attr(o.entity, o.confidence, o.frags[0].start)
            if o.frags[-1].end < s0:
                break
        sub = self._subject_attr(s0, s1)
        return sub

    def _emit_indirect(self, c0: int, c1: int, attr: Attr, para: int) -> None:
        self.out.append(Found([Frag(c0, c1, c0, c1)], attr.entity, "indirect", para, attr.confidence * 0.9))

    # ---- output ---------------------------------------------------------------------------------------
