"""The extraction context: working text, blocks, sentences and the speaker table with name resolution."""

from __future__ import annotations

import bisect
import re

from .lexicon import (
    CAP_STOP,
    CAP_STOP_LOWER,
    LOCATIVES,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
)
from .model import Entity, Found
from .names import FEMALE, MALE
from .patterns import (
    ABBREV_END_RE,
    ACRONYM_AFTER_RE,
    APPOS_RE,
    BLOCK_RE,
    DATELINE_LEAD_RE,
    FOLLOWED_BY_CUE_RE,
    GERMAN_ORG_NOUNS,
    HE_RE,
    NAME_RE,
    ORG_AFTER_RE,
    QUOTE_PREFIX_RE,
    SENT_END_RE,
    SHE_RE,
    SPOKES_FOR_RE,
    has_role_word,
    pre_role_match,
)
from .phrases import is_furniture
from .runs import name_runs
from .speakers import (
    SpeakerTable,
    gender_of,
    is_org,
    name_pieces,
    org_name_start,
    plausible_single,
    strip_titles,
)
from .subjects import (
    HE_SUBJ_RE,
    NAMED_RE,
    NOT_VERBS,
    POSSESSIVE_RE,
    SHE_SUBJ_RE,
    VERB_AFTER_RE,
    det_role,
    foreign_role,
    is_demonym,
    org_before,
    spokes_before,
)

_NOT_NEWLINE_RE = re.compile(r"[^\n]")
#: The part of a sentence end after its full stop (closing marks, then spaces).
_END_TAIL_RE = re.compile(r"[\"”’»)\x01]*\s+")


#: A line that opens a list item, or a blank line inside a block quote (`>` alone): each list item and
#: each quoted paragraph is a block of its own (its sentences never run on into the next one's).
_ITEM_START_RE = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S)|\n[ \t]*>[ \t]*\n")


def _block_spans(markdown: str) -> list[tuple[int, int, int]]:
    """(start, end, 1 for a new paragraph / 0 for the next item of the same list) of every block."""
    spans: list[tuple[int, int, int]] = []
    for m in BLOCK_RE.finditer(markdown):
        start, end = m.start(), m.end()
        new = 1
        if markdown.find("\n", start, end - 1) != -1:  # a one-line block has no items to split
            for item in _ITEM_START_RE.finditer(markdown, start, end - 1):
                spans.append((start, item.end(), new))
                start, new = item.end(), 0
        spans.append((start, end, new))
    return spans


#: An open relative clause before a name ("Esther Hatt, who chaired the meeting alongside X"): X is not
#: the one a following "she" means while someone else was the sentence's subject.
_REL_OPEN_RE = re.compile(r",\s+(?:who|whom|whose)\b[^,.;:!?\x01\x02]*$")
#: A plural of people opening a sentence ("Shopkeepers said", "Pensioners told"): a group, not a name.
_PLURAL_AGENT_RE = re.compile(r"^[A-Z][a-z]+(?:ers|ents|ists|ians|ors|ees|ants)$")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


class Context:
    """One run over one article: the working text, its blocks, the found quotes and the speaker table."""

    def __init__(self, markdown: str) -> None:
        self.md = markdown
        self.table = SpeakerTable()
        self.blocks: list[tuple[int, int, int]] = []  # (start, end, paragraph index)
        pieces: list[str] = []
        done = 0  # markdown[:done] is in `pieces`
        para = -1
        for start, end, new_para in _block_spans(markdown):
            para += new_para
            raw = markdown[start:end]
            pieces.append(markdown[done:start])
            done = end
            if is_furniture(raw):
                pieces.append(_NOT_NEWLINE_RE.sub(" ", raw))
                continue
            blk = QUOTE_PREFIX_RE.sub(_spaces, raw) if ">" in raw else raw
            blk = blk[:-1].replace("\n", " ") + blk[-1:]
            if len(self.blocks) < 3:
                lead = DATELINE_LEAD_RE.match(markdown, start, end)
                if lead:
                    blk = " " * (lead.end() - start) + blk[lead.end() - start :]
            pieces.append(blk)
            self.blocks.append((start, end, para))
        pieces.append(markdown[done:])
        self.norm = "".join(pieces)
        #: per block: the valid sentence-end matches (start, end) of the frame, built on first use
        self._ends: dict[int, list[tuple[int, int]]] = {}
        self.frame = ""
        self.out: list[Found] = []

    # ---- quote marks ------------------------------------------------------------------------------

    def block_of(self, pos: int) -> int:
        lo = bisect.bisect_right(self.blocks, (pos, 1 << 62, 0)) - 1
        return max(lo, 0)

    def _sentence_ends(self, bi: int) -> list[tuple[int, int]]:
        """(start, end) of every sentence end in block `bi` of the frame (abbreviations skipped), cached:
        the frame is fixed once a run starts."""
        ends = self._ends.get(bi)
        if ends is None:
            b0, b1, _ = self.blocks[bi]
            fr = self.frame
            ends = [
                (m.start(), m.end())
                for m in SENT_END_RE.finditer(fr, b0, b1)
                if not ABBREV_END_RE.search(fr[max(b0, m.start() - 6) : m.start()])
            ]
            self._ends[bi] = ends
        return ends

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence of the masked frame around `pos` (never crosses a block boundary)."""
        bi = self.block_of(pos)
        b0, b1, _ = self.blocks[bi]
        ends = self._sentence_ends(bi)
        k = bisect.bisect_left(ends, (pos, -1))  # ends[k:] start at or after pos
        start = b0
        if k:
            s0, e0 = ends[k - 1]
            if e0 <= pos:
                start = e0
            elif _END_TAIL_RE.fullmatch(self.frame, s0, pos):
                start = pos  # pos inside the spaces after a full stop
            elif k >= 2:
                start = ends[k - 2][1]
        end = ends[k][0] if k < len(ends) else b1
        return max(start, b0), end

    def sentences(self, b0: int, b1: int) -> list[tuple[int, int]]:
        bi = self.block_of(b0)
        if self.blocks[bi][0] == b0 and self.blocks[bi][1] == b1:
            out = []
            start = b0
            for s, e in self._sentence_ends(bi):
                out.append((start, s))
                start = e
            if start < b1:
                out.append((start, b1))
            return out
        out = []
        start = b0
        for m in SENT_END_RE.finditer(self.frame, b0, b1):
            if ABBREV_END_RE.search(self.frame[max(b0, m.start() - 6) : m.start()]):
                continue
            out.append((start, m.start()))
            start = m.end()
        if start < b1:
            out.append((start, b1))
        return out

    # ---- the speaker table ------------------------------------------------------------------------

    def register_names(self, b0: int, b1: int) -> None:
        """Feed every capitalised name outside quote marks in [b0, b1) into the speaker table."""
        fr = self.frame
        for pos, run in name_runs(fr, b0, b1):
            if run in CAP_STOP:
                continue  # "The", "But", "Monday": a lone stop word is no name (name_pieces gives nothing)
            for start, end, toks in name_pieces(run, pos):
                self._register(start, end, toks)
        self.register_role_mentions(b0, b1)

    def register_role_mentions(self, b0: int, b1: int) -> None:
        """Later mentions by role word ("the mayor"); see `Resolution`."""

    def _register(self, start: int, end: int, toks: list[str], force: bool = False) -> Entity | None:
        fr = self.frame
        ent = self.table.find(toks)
        if ent is not None:
            if ent.kind == "person" and ent.gender is None and spokes_before(fr[max(0, start - 40) : start]):
                ent.kind, ent.weak = "org", False
                ent.role = None  # roles are for people
                self.table.orgs.append(ent)
            if ent.kind == "person" and (ent.weak or ent.gender is None) and self._at_subject(start, end):
                ent.weak = False
                self._learn_gender(ent, end)
            elif force:
                ent.weak = False
            self.table.mention(start, ent)
            if ent.kind == "person" and _REL_OPEN_RE.search(fr, max(0, start - 80), start):
                self.table.embedded.add(start)
            return ent
        after = fr[end : end + 140]
        window = fr[max(0, start - 90) : start]
        if is_org(toks) or self._org_context(toks, window, after):
            skip = org_name_start(toks)
            if skip:
                start = self.norm.index(toks[skip], start)
                toks = toks[skip:]
            name = " ".join(toks)
            am = ACRONYM_AFTER_RE.match(after)
            ent = self.table.add_org(
                self.norm[start:end] if "\n" not in self.norm[start:end] else name,
                am.group("acr") if am else None,
            )
            self.table.mention(start, ent)
            return ent
        role_toks, name_toks, gender = strip_titles(toks)
        if not name_toks or any(t.lower() in CAP_STOP_LOWER for t in name_toks):
            return None
        if (
            len(name_toks) == 1
            and not force
            and name_toks[0].lower() not in self.table.candidates
            and not FOLLOWED_BY_CUE_RE.match(after)
            and not SPOKES_FOR_RE.search(fr[max(0, start - 40) : end])
        ):
            return None  # a lone word with no cue after it ("in Karnataka"): the branches below all need one
        prev_word = window.rstrip().rsplit(None, 1)[-1].lower() if window.strip() else ""
        pre = pre_role_match(window) if prev_word in ROLE_NOUNS else None
        pre_role = pre.group("role") if pre else None
        if pre_role and pre_role.split()[0].lower() == "the":
            pre_role = pre_role.split(" ", 1)[1] if " " in pre_role else None
        described = False
        if pre_role is None:
            pre_role = det_role(window)
            described = pre_role is not None
            if pre_role is None:
                pre_role = foreign_role(window)
        app = APPOS_RE.match(after)
        app_role = None
        if app and (has_role_word(app.group("role")) or re.match(r"\s*,\s+(?:a|an|the)\s", after)):
            app_role = app.group("role").strip()
        cue_follows = bool(FOLLOWED_BY_CUE_RE.match(after))
        evidence = bool(
            force
            or role_toks
            or pre_role
            or app_role
            or gender
            or cue_follows
            or name_toks[0] in FEMALE
            or name_toks[0] in MALE
            or (pre and pre.group("role"))
        )
        # "The trust's chair, Professor X": the described role is the role; the title stays out of it
        title = " ".join(role_toks) if role_toks and not described else None
        role_parts = [p for p in (pre_role, title) if p]
        role = " ".join(role_parts) if role_parts else app_role
        weak = False
        if len(name_toks) >= 2 and not evidence:
            # No title, role or cue nearby: still a person unless it reads as a place ("on Weir Street",
            # "in Nova Scotia", "The Valley Chronicle").
            weak = not self._at_subject(start, end)
            evidence = (
                (prev_word not in LOCATIVES or bool(POSSESSIVE_RE.search(toks[-1])))
                and name_toks[-1] not in PLACE_WORDS
                and not any(t.isupper() or t[:1].isdigit() for t in name_toks)
            )
        if len(name_toks) >= 2 and evidence and not all(t.isupper() for t in name_toks):
            ent = self.table.add_person(name_toks, role, gender or gender_of(name_toks[0], role))
            ent.weak = weak
            self._learn_gender(ent, end)
        elif len(name_toks) >= 2:
            if (
                prev_word in LOCATIVES
                and name_toks[-1] not in PLACE_WORDS
                and not any(t.isupper() or t[:1].isdigit() for t in name_toks)
            ):
                # "belongs to Ann Poe": maybe a place, maybe a person; a later "Poe said" or "Poe's"
                # settles it
                self.table.candidates.setdefault(name_toks[-1].lower(), name_toks)
            return None
        elif (
            len(name_toks) == 1
            and not role_toks
            and name_toks[0].lower() in self.table.candidates
            and (force or cue_follows or POSSESSIVE_RE.search(toks[-1]) or self._at_subject(start, end))
        ):
            full = self.table.candidates.pop(name_toks[0].lower())
            ent = self.table.add_person(full, role, gender or gender_of(full[0], role))
            ent.weak = not (force or cue_follows or self._at_subject(start, end))
            self._learn_gender(ent, end)
        elif (
            len(name_toks) == 1
            and plausible_single(name_toks[0])
            and name_toks[0].lower() not in GERMAN_ORG_NOUNS
            and (force or cue_follows or SPOKES_FOR_RE.search(fr[max(0, start - 40) : end]))
        ):
            if role_toks or gender:
                ent = self.table.add_person(name_toks, role, gender or gender_of("", role))
            elif name_toks[0] in FEMALE or name_toks[0] in MALE:
                ent = self.table.add_person(name_toks, role, gender_of(name_toks[0], role))
            elif prev_word == "the" and (
                is_demonym(name_toks[0]) or self._is_role_word(name_toks[0].lower())
            ):
                return None  # "the Pole said", "the Mayor said": not a name
            elif (
                name_toks[0].lower() not in CAP_STOP_LOWER
                and name_toks[0] not in ORG_WORDS
                and not _PLURAL_AGENT_RE.search(name_toks[0])
            ):
                ent = self.table.add_org(name_toks[0], None)
            else:
                return None
        else:
            return None
        self.table.mention(start, ent)
        if ent.kind == "person" and _REL_OPEN_RE.search(fr, max(0, start - 80), start):
            self.table.embedded.add(start)
        return ent

    def _is_role_word(self, low: str) -> bool:
        """Is a lower-cased word a role noun, or the head of a role printed for someone in this article?"""
        return low in ROLE_NOUNS or self.table.has_role_word(low)

    def _at_subject(self, start: int, end: int) -> bool:
        """Is the name at [start, end) the subject of its clause: opening the sentence, after a fronted
        phrase or a described role ("At the centre, X sat", "The buyer, X, plans"), or introduced by
        "named"?"""
        s0 = self.sentence_bounds(start)[0]
        prefix = self.frame[s0:start].strip(" \t\n\x01\x02—–-")
        if not prefix or NAMED_RE.search(prefix):
            return True
        if not prefix.endswith(",") or len(prefix.split()) > 14:
            return False
        vm = VERB_AFTER_RE.match(self.frame, end)
        return bool(vm and vm.group("w") not in NOT_VERBS)

    def _at_sentence_start(self, pos: int) -> bool:
        """Does a name at `pos` open its sentence (the subject position)?"""
        s0 = self.sentence_bounds(pos)[0]
        return not self.frame[s0:pos].strip(" \t\n\x01\x02,—–-")

    def _org_context(self, toks: list[str], window: str, after: str) -> bool:
        """Is a capitalised run an organisation by its context: an acronym of its initials after it, an
        organisation noun before it ("Consumer group X", "The operator, X,") or after it ("X party")?"""
        am = ACRONYM_AFTER_RE.match(after)
        if am and len(toks) >= 2:
            initials = "".join(t[0] for t in toks if t[:1].isupper())
            if am.group("acr").upper() == initials.upper():
                return True
        role_toks, name_toks, _ = strip_titles(toks)
        if role_toks or not name_toks or name_toks[0] in FEMALE or name_toks[0] in MALE:
            return False
        return bool(org_before(window) or ORG_AFTER_RE.match(after) or spokes_before(window))

    def _learn_gender(self, ent: Entity, end: int) -> None:
        """Learn a person's gender from pronouns in the rest of the sentence and the next one in the same
        paragraph ("X ... after
        her husband died"), up to the next name, when only one gender is used."""
        if ent.gender is not None:
            return
        s1 = self.sentence_bounds(end)[1]
        b1 = self.blocks[self.block_of(end)][1]
        if s1 < b1 - 2:
            s1 = self.sentence_bounds(min(s1 + 2, b1 - 1))[1]
        text = self.frame[end:s1]
        for nm in NAME_RE.finditer(text):
            other = self.table.find(nm.group().split())
            if len(nm.group().split()) >= 2 or (other is not None and other is not ent):
                text = text[: nm.start()]
                break
        # In the name's own sentence an object or possessive pronoun is usually someone else ("X joined
        # her three winters ago"); only "he"/"she" count there. The next sentence counts in full.
        s0, s_end = self.sentence_bounds(end)
        own_end = s_end - end
        own, rest = text[:own_end], text[own_end:]
        if any(e is not ent and e.kind == "person" for e in self.table.mentions_between(s0, end)):
            # "Ann Poe founded Radio Lanthorn ... Now 71, she ...": a pronoun in the next sentence goes
            # back to the person named before this one in the sentence, not to this one
            rest = ""
        he = bool(HE_SUBJ_RE.search(own) or HE_RE.search(rest))
        she = bool(SHE_SUBJ_RE.search(own) or SHE_RE.search(rest))
        if he != she:
            ent.gender = "m" if he else "f"

    # ---- attribution of direct quotes ---------------------------------------------------------------
