"""The running speaker table: people and organisations an article introduces, and name helpers."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .lexicon import (
    CAP_STOP,
    GENERIC,
    HONORIFICS,
    MID_STOP,
    ONE_WORD_ORGS,
    ORG_WORDS,
    PARTICLES,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    SPLIT_PARTICLES,
    TITLE_WORDS,
)
from .model import Entity
from .names import FEMALE, MALE
from .patterns import TOKEN_RE


class SpeakerTable:
    """People and organizations introduced so far, with where they were last mentioned."""

    def __init__(self) -> None:
        self.keys: dict[str, Entity] = {}
        self.acronyms: dict[str, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []
        self.first_names: dict[str, Entity] = {}
        self.orgs: list[Entity] = []
        self.role_words: set[str] = set()
        #: Full names seen only where a place could stand ("belongs to Ann Poe"), by surname.
        self.candidates: dict[str, list[str]] = {}
        #: The first word of each organisation name of two or more words ("Brenner" for "Brenner Logistik AG").
        self.org_openers: dict[str, list[Entity]] = {}
        self._last_seen: dict[int, int] = {}
        #: Positions of mentions inside a relative clause about someone else (skipped by pronouns).
        self.embedded: set[int] = set()
        self._seq = 0

    def mention(self, pos: int, ent: Entity) -> None:
        self._seq += 1
        bisect.insort(self.mentions, (pos, self._seq, ent))
        self._last_seen[id(ent)] = self._seq

    def find(self, toks: list[str] | tuple[str, ...]) -> Entity | None:
        """The entity a name refers to: full name, surname, acronym, "Sir <first name>", "the Trust"."""
        honorific = bool(toks) and toks[0].lower().rstrip(".") in ("sir", "dame", "lord", "lady")
        toks = _strip_titles(tuple(toks))[1]
        if not toks:
            return None
        if len(toks) == 1 and honorific and toks[0].lower() in self.first_names:
            return self.first_names[toks[0].lower()]
        if len(toks) == 1 and toks[0] in ORG_WORDS:
            for org in reversed(self.orgs):
                if org.name.split()[-1] == toks[0]:
                    return org
        full = " ".join(toks).lower()
        ent = self.keys.get(full)
        if ent is None and len(toks) == 1:
            t = toks[0]
            if t.isupper() and len(t) >= 2:
                ent = self.acronyms.get(t)
            if ent is None:
                ent = self.keys.get(t.lower())
        if ent is None and len(toks) == 1:
            # "Brenner Logistik AG" first, then "Brenner": the organisation mentioned last whose name it opens
            opened = self.org_openers.get(toks[0])
            if opened:
                ent = max(opened, key=lambda e: self._last_seen.get(id(e), 0))
        if ent is None and len(toks) >= 2:
            # "Ann Poe" first, then "Poe" mentioned with an initial or a middle name dropped.
            cand = self.keys.get(toks[-1].lower())
            if cand is not None and cand.kind == "person" and cand.name.split()[0].lower() == toks[0].lower():
                ent = cand
        return ent

    def has_role_word(self, noun: str) -> bool:
        """Is `noun` a word of some person's role ("foreman" for "Their foreman, X")?"""
        return noun in self.role_words

    def last_mention(self, pos: int, within: int) -> Entity | None:
        """The entity mentioned last before `pos`, if that mention is at most `within` characters back."""
        i = bisect.bisect_left(self.mentions, (pos, -1))
        if i == 0 or pos - self.mentions[i - 1][0] > within:
            return None
        return self.mentions[i - 1][2]

    def mentions_between(self, a: int, b: int) -> list[Entity]:
        i = bisect.bisect_left(self.mentions, (a, -1))
        j = bisect.bisect_left(self.mentions, (b, -1))
        return [m[2] for m in self.mentions[i:j]]

    def add_person(self, toks: list[str], role: str | None, gender: str | None) -> Entity:
        ent = Entity(" ".join(toks), "person", role, gender)
        if role:
            self.role_words.add(role_head(role))
        self.keys.setdefault(ent.name.lower(), ent)
        self.keys[toks[-1].lower()] = ent
        if len(toks) >= 2:
            self.first_names.setdefault(toks[0].lower(), ent)
        return ent

    def add_org(self, name: str, acronym: str | None) -> Entity:
        ent = Entity(name, "org")
        self.orgs.append(ent)
        words = name.split()
        if len(words) >= 2 and words[0][:1].isupper():
            self.org_openers.setdefault(words[0], []).append(ent)
        self.keys.setdefault(name.lower(), ent)
        caps = [w for w in name.split() if w[:1].isupper()]
        if len(caps) >= 2:
            init = "".join(w[0] for w in caps)
            self.acronyms.setdefault(init, ent)
            words = name.split()
            self.acronyms.setdefault("".join(w[0].upper() for w in words if w.lower() != "the"), ent)
        if acronym:
            self.acronyms[acronym] = ent
            self.acronyms.setdefault(acronym.upper(), ent)
        return ent

    def recent(
        self,
        pos: int,
        kind: str,
        gender: str | None = None,
        role_noun: str | None = None,
        name_has: str | None = None,
    ) -> Entity | None:
        i = bisect.bisect_left(self.mentions, (pos, -1))
        fallback: Entity | None = None
        seen: set[int] = set()
        for j in range(i - 1, -1, -1):
            ent = self.mentions[j][2]
            if ent.kind != kind or ent.weak:
                continue
            if gender is not None and kind == "person" and role_noun is None:
                # Prefer a person known to match ("he" -> a man) among the last few people named; one of
                # unknown gender is the fallback.
                if self.mentions[j][0] in self.embedded:
                    continue
                seen.add(id(ent))
                if ent.gender == gender:
                    return ent
                if ent.gender is None and fallback is None:
                    fallback = ent
                if len(seen) >= 3 and fallback is not None:
                    return fallback
                continue
            if role_noun is not None and not (ent.role and _role_matches(role_noun, ent.role.lower())):
                continue
            if name_has is not None and name_has not in ent.name.lower():
                continue
            return ent
        return fallback


#: Role nouns a later mention may use for a role printed in other words ("Assistant District Attorney X
#: ... The prosecutor said").
ROLE_SYNONYMS = {
    "prosecutor": ("attorney", "prosecut", "crown counsel"),
    "lawyer": ("attorney", "counsel", "barrister", "solicitor", "advocate"),
    "headteacher": ("head teacher", "principal", "headmaster", "headmistress"),
    "principal": ("headteacher", "head teacher", "headmaster", "headmistress"),
    "judge": ("justice", "magistrate"),
}


def _role_matches(noun: str, role: str) -> bool:
    """Is a role word ("the prosecutor") a way of naming a printed role ("assistant district attorney")?"""
    return noun in role or any(alt in role for alt in ROLE_SYNONYMS.get(noun, ()))


def clear_caches() -> None:
    """Forget the memoised name splits. Called once per article, so a speed figure measured by running the
    same articles again never gains from names seen in an earlier run."""
    _strip_titles.cache_clear()
    _name_pieces.cache_clear()


def strip_titles(toks: list[str]) -> tuple[list[str], list[str], str | None]:
    """Split leading honorifics/titles off a name: (role words, name words, gender from an honorific)."""
    role, name, gender = _strip_titles(tuple(toks))
    return list(role), list(name), gender


@lru_cache(maxsize=4096)
def _strip_titles(toks: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    gender = None
    last_title = -1
    for i, t in enumerate(toks):
        low = t.lower().rstrip(".")
        if low in HONORIFICS:
            gender = HONORIFICS[low] or gender
            last_title = i
        elif (
            (low in TITLE_WORDS or low in ROLE_NOUNS)
            and i < len(toks) - 1
            or i == 0
            and len(toks) >= 3
            and role_like(t)
        ):
            last_title = i
    if len(toks) - (last_title + 1) >= 3 and all(_CYRILLIC_RE.match(t) for t in toks):
        # Russian: a name is a first name and a surname (a patronymic between them); capitalised words before
        # it are a role or a place ("Глава Верхнего Тэлэка Семён Посельский", "ЯЦНМТ Илья Зарецкий")
        k = 3 if _PATRONYMIC_RE.search(toks[-2]) else 2
        last_title = len(toks) - k - 1
    role = [t for t in toks[: last_title + 1] if t.lower().rstrip(".") not in HONORIFICS]
    name = [t for t in toks[last_title + 1 :]]
    if name and name[-1].endswith(("'s", "’s")):
        name[-1] = name[-1][:-2]
    return tuple(role), tuple(name), gender


_CYRILLIC_RE = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ-]*$")
_PATRONYMIC_RE = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")


def role_head(role: str) -> str:
    """The head noun of a role: "overnight librarian" -> "librarian", "chair of the X" -> "chair"."""
    words = re.findall(r"[\w'’-]+", role.lower())
    for i, w in enumerate(words):
        if i and w in ("of", "for", "at", "with", "in", "on", "from"):
            return words[i - 1]
    return words[-1] if words else ""


def role_like(tok: str) -> bool:
    """Is a capitalised word shaped like a role or job ("Councillor", "Oenologist"), not a first name?"""
    low = tok.lower()
    return (
        len(low) >= 6
        and tok not in FEMALE
        and tok not in MALE
        and tok not in ORG_WORDS  # "Department", "Parliament" end like roles but head organisations
        and low.endswith(ROLE_SUFFIXES)
    )


def gender_of(first: str, role: str | None) -> str | None:
    if first in FEMALE:
        return "f"
    if first in MALE:
        return "m"
    if role:
        low = role.lower()
        if re.search(r"woman\b|\bqueen\b|\bprincess\b", low):
            return "f"
        if re.search(r"(?<!wo)man\b|\bking\b|\bprince\b", low):
            return "m"
    return None


def name_pieces(text: str, base: int) -> list[tuple[int, int, list[str]]]:
    """Split a capitalised run ("On Monday Ann Poe of Acme Corp") into names with global offsets."""
    return [(base + a, base + b, list(toks)) for a, b, toks in _name_pieces(text)]


@lru_cache(maxsize=4096)
def _name_pieces(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    out: list[tuple[int, int, tuple[str, ...]]] = []
    cur: list[tuple[int, int, str]] = []

    def flush() -> None:
        while cur and cur[-1][2].lower() in PARTICLES:
            cur.pop()
        if cur:
            out.append((cur[0][0], cur[-1][1], tuple(c[2] for c in cur)))
        cur.clear()

    for m in TOKEN_RE.finditer(text):
        w = m.group()
        low = w.lower()
        if not cur and (w in CAP_STOP or low in PARTICLES or low in GENERIC or DESCRIPTOR_RE.match(w)):
            continue
        if w in MID_STOP:
            flush()
            continue
        if low in SPLIT_PARTICLES and cur and not any(c[2] in ORG_WORDS for c in cur):
            flush()
            continue
        cur.append((m.start(), m.end(), w))
    flush()
    return tuple(out)


#: A leading descriptor, not part of the name: "Singapore-listed", "Paris-based", "Kyiv-born", "state-run".
DESCRIPTOR_RE = re.compile(r"^[^\W\d_][\w.]*-(?:[a-z]+ed|born|run|made)$")
#: Legal forms that end a company's name.
LEGAL_FORMS = frozenset("GmbH AG SE KG Ltd Ltd. Inc Inc. PLC plc LLC SA NV BV".split())
#: German compound nouns for a kind of company ("Immobiliengesellschaft", "Energiekonzern"): before a name
#: that ends in a legal form they describe it ("die Immobiliengesellschaft X GmbH" is X GmbH).
_KIND_OF_COMPANY = ("gesellschaft", "konzern", "unternehmen", "firma", "gruppe", "betreiber", "hersteller")


def org_name_start(toks: list[str]) -> int:
    """How many leading words of an organisation's name run only describe it (0 or 1)."""
    if len(toks) >= 3 and toks[-1] in LEGAL_FORMS:
        low = toks[0].lower()
        if any(low.endswith(k) and len(low) > len(k) + 2 for k in _KIND_OF_COMPANY):
            return 1
    return 0


def is_org(toks: list[str]) -> bool:
    """Does a capitalised run name an organization ("Ministry of Energy", "Kremlin"), not a titled person
    ("Interim Police Chief Ed Alvarez")?"""
    if not any(t in ORG_WORDS for t in toks):
        return len(toks) >= 2 and toks[-1] == "House"
    name_part = strip_titles(toks)[1]
    if len(name_part) >= 2 and not any(t in ORG_WORDS for t in name_part):
        return False
    return len(toks) >= 2 or toks[0] in ONE_WORD_ORGS


def plausible_single(tok: str) -> bool:
    """Can a lone capitalised word be a speaker? (not an initial, not a long all-caps dateline word)"""
    return len(tok.strip(".")) >= 2 and not (tok.isupper() and len(tok) > 5)
