"""Resolving a subject phrase to an entity: names, pronouns, role nouns, "the company", demonyms."""

from __future__ import annotations

import bisect
import re

from .context import Context
from .lexicon import BUSINESS_NOUNS, GENERIC, ONE_WORD_ORGS, ORG_NOUNS, ORG_WORDS, ROLE_NOUNS, RU_ORG_HEADS
from .model import Entity, Found
from .names import FEMALE, MALE
from .patterns import GERMAN_ARTICLES, GERMAN_ORG_NOUNS, NAME_RE, ROLE_REF_RE, SPOKES_FOR_RE
from .runs import name_runs
from .speakers import name_pieces, role_head, strip_titles
from .subjects import is_demonym

#: "the mayor laughed", "the foreman says": a later mention of a person by a role word.
ROLE_MENTION_RE = re.compile(r"\b[Tt]he\s+(?P<a>[a-z][\w-]+)\b(?!['’])(?:\s+(?P<b>[a-z][\w-]+)\b(?!['’]))?")
#: "the Pole said", "the Australian added": a nationality standing for the person last named.
#: Organisation nouns that may stand for any kind of organisation just named, whatever its name says.
_BODY_NOUNS = frozenset({"party", "group", "organisation", "organization", "alliance", "coalition", "union"})
#: "Управление гражданской обороны республики": a Russian organisation head and its lower-case words.
_RU_ORG_RE = re.compile(r"^(?P<head>[А-ЯЁ][а-яё]+)(?:\s+[а-яё-]+){1,6}$")
#: "a Brenner spokesman", "an Acme Corp spokeswoman": the organisation speaks.
_ORG_SPOKES_RE = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+spokes(?:person|man|woman)$"
)
#: Business nouns that never mean a public body ("the company" is not the commission named since).
_COMPANY_NOUNS = frozenset({"company", "firm", "startup", "corporation", "manufacturer", "maker", "retailer"})
#: Last words of public bodies' names.
PUBLIC_BODY_WORDS = frozenset(
    "Ministry Department Agency Commission Committee Council Court Police Army Navy Parliament Congress "
    "Senate Government Embassy Cabinet Assembly Administration Tribunal Inspectorate Bureau Authority "
    "Office Regulator Reserve".split()
)
CAP_ROLE_RE = re.compile(r"^(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<w>[A-Z][a-z-]+)$")
DEMONYM_RE = re.compile(r"^[Tt]he\s+(?P<w>[A-Z][a-z]+)$")


class Resolution(Context):
    """Turns "she", "Ann Poe, a spokeswoman ...", "the ministry" or "the Pole" into an entity."""

    def resolve(self, np: str, np_start: int) -> tuple[Entity, float] | None:
        """Who a subject phrase refers to, with a confidence."""
        stripped = np.lstrip(" ,—–-\t\n")
        np_start += len(np) - len(stripped)
        np = stripped.rstrip(" ,—–-\t\n")
        if not np or "\x01" in np or "\x02" in np or not re.search(r"\w", np):
            return None
        low = np.lower()
        t = self.table
        if low in ("he", "him", "er", "он"):
            return self._pronoun(np_start, "m")
        if low in ("she", "her", "sie", "она"):
            return self._pronoun(np_start, "f")
        if low == "they":
            ent = t.recent(np_start, "person", gender="n")
            if ent is not None and ent.gender is None:
                ent.gender = "n"
            return (ent, 0.6) if ent else None
        if low == "it":
            ent = t.recent(np_start, "org")
            if ent is not None and not self._mentioned_near(ent, np_start):
                return None  # "Inside the card, it said: ...": no organisation named nearby
            return (ent, 0.7) if ent else None
        sm = SPOKES_FOR_RE.search(np)
        if sm and len(np[: sm.start()].split()) <= 2:
            group = "org" if sm.group("org") is not None else "gorg"
            org = sm.group(group)
            if group == "gorg" and len(org.split()) == 1:
                org = "the " + org  # "Sprecher des Unternehmens": the article went with the cue
            ref = self._role_ref(org, np_start)
            if ref:
                return ref
            org = sm.group(group)
            for m in NAME_RE.finditer(org):
                for s0, e0, toks in name_pieces(m.group(), np_start + sm.start(group) + m.start()):
                    ent = t.find(toks) or self._register(s0, e0, toks)
                    if ent is not None:
                        if ent.kind == "person" and ent.gender is None:
                            # "a spokesperson for X": X is an organisation
                            ent.kind, ent.weak = "org", False
                            ent.role = None  # roles are for people
                            t.orgs.append(ent)
                        return ent, 0.85
            return None
        demonym = self._demonym(np, np_start)
        if demonym is not None:
            return demonym
        cm = CAP_ROLE_RE.match(np)
        if cm and self._is_role_word(cm.group("w").lower()) and t.find([cm.group("w")]) is None:
            # "the Mayor said": a role word printed with a capital, not a name
            ref = self._role_ref(np, np_start)
            if ref:
                return ref
        om = _ORG_SPOKES_RE.match(np)
        if om is not None:
            # "a Brenner spokesman": the organisation speaking
            org = om.group("org")
            ent = t.find(org.split()) or self._register(
                np_start + om.start("org"), np_start + om.end("org"), org.split(), force=True
            )
            if ent is not None:
                if ent.kind == "person" and ent.gender is None:
                    ent.kind, ent.weak, ent.role = "org", False, None
                    t.orgs.append(ent)
                if ent.kind == "org":
                    return ent, 0.8
        head = np.split(",", 1)[0] if "," in np else np
        first = low.split()[0]
        if first in GERMAN_ARTICLES and low.split()[-1] in GERMAN_ORG_NOUNS:
            return self._role_ref(np, np_start)  # "Der Verband", "Das Unternehmen": capitalised, not a name
        if first in GENERIC or first in ("a", "an", "one", "some", "many", "several", "two", "three"):
            return None
        pieces = [p for pos, run in name_runs(head) for p in name_pieces(run, np_start + pos)]
        head_end = np_start + len(head.rstrip())
        if pieces and pieces[-1][1] >= head_end - 1:
            s0, e0, toks = pieces[-1]
            if len(pieces) >= 2 and re.fullmatch(
                r"\s+(?:in|at|from|near|outside|of)\s+(?:the\s+)?", self.frame[pieces[-2][1] : pieces[-1][0]]
            ):
                s0, e0, toks = pieces[-2]
            ent = t.find(toks)
            if ent is None:
                ent = self._register(s0, e0, toks, force=True)
            elif ent.weak:
                ent.weak = False
            if ent is not None:
                t.mention(s0, ent)
                full = " ".join(strip_titles(toks)[1]) == ent.name
                return ent, 0.9 if full else 0.85
            return None
        ru = _RU_ORG_RE.match(np)
        if ru and ru.group("head") in RU_ORG_HEADS:
            ent = t.find([np]) or t.add_org(np, None)
            t.mention(np_start, ent)
            return ent, 0.8
        return self._role_ref(np, np_start)

    def _mentioned_near(self, ent: Entity, pos: int) -> bool:
        """Was `ent` mentioned (or quoted) in this paragraph or the one before?"""
        bi = self.block_of(pos)
        for mpos, _, e in reversed(self.table.mentions):
            if mpos < pos and e is ent:
                return self.block_of(mpos) >= bi - 1
        return False

    def _demonym(self, np: str, pos: int) -> tuple[Entity, float] | None:
        m = DEMONYM_RE.match(np)
        if not m:
            return None
        w = m.group("w")
        if w in ORG_WORDS or w in ONE_WORD_ORGS or self.table.find([w]) is not None:
            return None
        if not is_demonym(w):
            return None
        ent = self.table.recent(pos, "person")
        return (ent, 0.6) if ent else None

    def _role_ref(self, np: str, pos: int) -> tuple[Entity, float] | None:
        m = ROLE_REF_RE.match(np.strip())
        if not m:
            return None
        det, noun = m.group("det").lower(), m.group("noun").lower()
        if det in GERMAN_ARTICLES or noun in GERMAN_ORG_NOUNS:
            det = "the" if det in GERMAN_ARTICLES else det
            noun = GERMAN_ORG_NOUNS.get(noun, noun)
        t = self.table
        if noun in ROLE_NOUNS or (noun not in ORG_NOUNS and t.has_role_word(noun)):
            ent = t.recent(pos, "person", role_noun=noun)
            if ent is None and det in ("its", "the") and noun.startswith("spokes"):
                ent = t.recent(pos, "org")
            return (ent, 0.75) if ent else None
        if noun in ORG_NOUNS and det in ("the", "its"):
            ent = t.recent(pos, "org", name_has=noun)
            if ent is None and noun in BUSINESS_NOUNS:
                ent = self._last_org_speaker(pos) or self._business_subject(pos)
                if ent is None:
                    ent = self._government_free(pos) if noun in _COMPANY_NOUNS else None
                    ent = ent or t.recent(pos, "org")
            if ent is None and noun in _BODY_NOUNS:
                # "The JUM has called a bandh. The party clarified ...": the organisation just named
                last = t.last_mention(pos, within=300)
                ent = last if last is not None and last.kind == "org" else None
            if ent is not None:
                t.mention(pos, ent)  # "The committee said ... It said ...": "it" is the committee
            return (ent, 0.75) if ent else None
        return None

    def _quote_before(self, pos: int) -> Found | None:
        """The last quote found that ends at or before `pos`, or None."""
        return next((o for o in reversed(self.out) if o.frags[-1].end <= pos), None)

    def _last_org_speaker(self, pos: int) -> Entity | None:
        """ "X, a unit of Y, said ... The company said ...": the organisation that spoke last (this paragraph
        or the one before) is the company meant, not one named only in that report's own sentence."""
        bi = self.block_of(pos)
        last = self._quote_before(pos)
        if last is None or last.entity.kind != "org" or self.block_of(last.frags[-1].end) < bi - 1:
            return None
        s0, s1 = self.sentence_bounds(last.frags[0].start)
        for mpos, _, ent in reversed(self.table.mentions):
            if mpos >= pos or ent.kind != "org" or ent.weak:
                continue
            if ent is last.entity:
                return None  # named again since: recency already gives it
            return last.entity if s0 <= mpos < s1 else None
        return None

    def _government_free(self, pos: int) -> Entity | None:
        """ "the company": the organisation mentioned last that is not a public body (a regulator, ministry
        or court named since is not "the company")."""
        i = bisect.bisect_left(self.table.mentions, (pos, -1))
        for j in range(i - 1, -1, -1):
            ent = self.table.mentions[j][2]
            if ent.kind == "org" and not ent.weak and ent.name.split()[-1] not in PUBLIC_BODY_WORDS:
                return ent
        return None

    def _business_subject(self, pos: int) -> Entity | None:
        """ "X declined to comment. The company said ...": X, printed without any sign of being a person
        (no first name, title, role or pronoun), mentioned just before, is the company."""
        ent = self.table.last_mention(pos, within=260)
        if ent is None or ent.kind == "org":
            return None
        first = ent.name.split()[0]
        if ent.gender is not None or first in FEMALE or first in MALE:
            return None
        if ent.role and role_head(ent.role) in ROLE_NOUNS:
            return None
        ent.kind, ent.weak = "org", False
        ent.role = None  # roles are for people
        self.table.orgs.append(ent)
        return ent

    def _pronoun(self, pos: int, gender: str) -> tuple[Entity, float] | None:
        ent = (
            self._subject_before(pos, gender)
            or self._last_speaker(pos, gender)
            or self.table.recent(pos, "person", gender=gender)
        )
        if ent is None:
            ent = self._weak_referent(pos, gender)
        if ent is None:
            return None
        if ent.gender is None:
            ent.gender = gender
        return ent, 0.7

    def _subject_before(self, pos: int, gender: str) -> Entity | None:
        """ "X spoke from a truck. "…," she told the crowd": the person who is the subject of the sentence
        just before the pronoun's (this paragraph or the end of the one before; a sentence that names nobody,
        such as a quote on its own, is passed over once), when nobody is named in the pronoun's sentence
        before it and nothing says that person is of another gender. The subject is the referent a reader
        takes, even when someone of the pronoun's known gender was named longer ago."""
        bi = self.block_of(pos)
        sents = self.sentences(*self.blocks[bi][:2])
        if not sents:
            return None
        k = next((i for i, (_, e) in enumerate(sents) if pos < e), len(sents) - 1)
        if any(e.kind == "person" for e in self.table.mentions_between(sents[k][0], pos)):
            return None
        earlier = sents[:k][::-1]
        if bi > 0:
            earlier += self.sentences(*self.blocks[bi - 1][:2])[::-1]
        for s0, s1 in earlier[:2]:
            i = bisect.bisect_left(self.table.mentions, (s0, -1))
            j = bisect.bisect_left(self.table.mentions, (s1, -1))
            named = [m for m in self.table.mentions[i:j] if m[0] not in self.table.embedded]
            if not named:
                continue
            mpos, _, ent = next((m for m in named if m[2].kind == "person"), named[0])
            if ent.kind != "person" or ent.weak or ent.gender not in (None, gender):
                return None
            nm = NAME_RE.match(self.frame, mpos)
            return ent if self._at_subject(mpos, nm.end() if nm else mpos) else None
        return None

    def _weak_referent(self, pos: int, gender: str) -> Entity | None:
        """No person named as a subject yet: "The workshop belongs to Ann Poe. ... in Poe's hand. "…," she
        says": the person named in the last two paragraphs, if only one of them can be meant."""
        bi = self.block_of(pos)
        i = bisect.bisect_left(self.table.mentions, (pos, -1))
        found: Entity | None = None
        for j in range(i - 1, -1, -1):
            mpos, _, ent = self.table.mentions[j]
            if self.block_of(mpos) < bi - 2:
                break
            if ent.kind != "person" or ent.gender not in (None, gender):
                continue
            if found is not None and ent is not found:
                return None
            found = ent
        if found is not None:
            found.weak = False
        return found

    def _last_speaker(self, pos: int, gender: str) -> Entity | None:
        """The speaker of the quote just before `pos` (this paragraph or the one before), when nothing
        says that person is of another gender and nobody of this gender was named since."""
        bi = self.block_of(pos)
        last = self._quote_before(pos)
        if last is None or last.entity.kind != "person" or last.entity.gender is not None:
            return None
        if self.block_of(last.frags[-1].end) < bi - 1:
            return None
        since = self.table.mentions_between(last.frags[-1].end, pos)
        if any(e is not last.entity and e.kind == "person" and e.gender == gender for e in since):
            return None
        return last.entity

    def register_role_mentions(self, b0: int, b1: int) -> None:
        """Record "the mayor", "the foreman" (a role word of a person already named) as a mention of that
        person, and learn their gender from the pronouns around it."""
        t = self.table
        for m in ROLE_MENTION_RE.finditer(self.frame, b0, b1):
            nouns = [n for n in (m.group("b"), m.group("a")) if n and (n in ROLE_NOUNS or t.has_role_word(n))]
            if not nouns or nouns[0] in ORG_NOUNS:
                continue
            noun = nouns[0]
            ent = t.recent(m.start(), "person", role_noun=noun)
            if ent is not None:
                t.mention(m.start(), ent)
                self._learn_gender(ent, m.end())
