"""Patterns for the subject position of a name and for the roles printed around it."""

from __future__ import annotations

import re

#: "The buyer, X," / "Their foreman, X," / "Its chairman, Dr X,": the role described before a name.
DET_ROLE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ne)\s+(?P<role>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w-]*)"
    r",\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+)?$"
    r"|\b(?:a|an)\s+(?P<named>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w-]*)\s+named\s+$"
)
#: "... a hospital porter named X": the name that follows is a person introduced as a subject.
NAMED_RE = re.compile(r"\b(?:named|called)$")
#: The word after a name, past an appositive (", 46," / ", a retired teacher,").
VERB_AFTER_RE = re.compile(r"(?:['’]s)?(?:\s*,[^,\x01\x02]{1,80},)?\s+(?P<w>[a-z][a-z'’-]*)\b")
NOT_VERBS = frozenset(
    "and or of in on at to for with from by as the a an who which that whose than nor but".split()
)
POSSESSIVE_RE = re.compile(r"['’]s$")

#: "the Pole said", "the Australian added": a nationality standing for the person last named.
DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "man", "i")
SHORT_DEMONYMS = frozenset(
    "Pole Scot Dane Swede Finn Brit Turk Serb Croat Czech Greek Swiss Thai Kiwi".split()
)


def is_demonym(word: str) -> bool:
    """Is a capitalised word shaped like a nationality ("Pole", "Brazilian", "Frenchman")?"""
    return word in SHORT_DEMONYMS or (len(word) >= 5 and word.endswith(DEMONYM_SUFFIXES))


#: "a spokesperson for X": X is an organisation.
SPOKES_BEFORE_RE = re.compile(r"\bspokes(?:person|man|woman)\s+(?:for|of|at)\s+(?:the\s+)?$", re.I)
HE_SUBJ_RE = re.compile(r"\b[Hh]e\b")
SHE_SUBJ_RE = re.compile(r"\b[Ss]he\b")
