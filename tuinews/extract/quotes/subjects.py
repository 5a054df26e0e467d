"""Patterns for the subject position of a name and for the roles printed around it."""

from __future__ import annotations

import re

from .patterns import ORG_BEFORE_RE, ORG_NOUN_ALT, has_role_word

#: "The buyer, X," / "Their foreman, X," / "Its chairman, Dr X," / "Givre's co-founder and chief executive, X,"
#: / "The company's head of safety, X,": the role described before a name.
DET_ROLE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ne|[A-Z][\w-]*['’]s)\s+(?:(?:one|only|new)\s+)?"
    r"(?P<role>[a-z][\w'’-]*(?:\s+(?:(?:of|for|at|and|in)\s+(?:the\s+)?)?[a-z][\w'’-]*){0,3})"
    r",\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+)?$"
    r"|\b(?:a|an)\s+(?P<named>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w-]*)\s+named\s+$"
)
#: Words that make a described "role" a clause, not a role ("The man who was there, X").
_NOT_ROLE_WORDS = frozenset("who which that was were is are has had have said says".split())
#: A determiner right after a preposition starts an object, not an apposition ("the member for the riding,").
_PREP_END_RE = re.compile(r"\b(?:of|for|in|at|from|on|with|by|to|into|and|about|over|under)\s+$", re.I)
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


# ---- cheap end-of-window tests ---------------------------------------------------------------------
# The three patterns above and ORG_BEFORE_RE are anchored at the end of a window before a name, but a
# search still tries every position of the window. Each test below first checks a necessary condition on
# the window's last characters (exact: it never rejects a window the full pattern would match).

_ORG_TAIL_RE = re.compile(rf"\b(?:{ORG_NOUN_ALT})$", re.I)
_PREP_BEFORE_RE = re.compile(r"\b(?:in|of|at|for|from|on|with|by|to|into)\s+$", re.I)
_DET_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Sir", "Dame")


def spokes_before(window: str) -> bool:
    """Does the window end in "spokesperson for (the)"?"""
    return "spokes" in window.casefold() and bool(SPOKES_BEFORE_RE.search(window))


def org_before(window: str) -> re.Match[str] | None:
    """ORG_BEFORE_RE.search(window), skipped when the window cannot end in an organisation noun."""
    t = window.rstrip()
    if t.endswith(","):
        t = t[:-1].rstrip()
    if not _ORG_TAIL_RE.search(t, max(0, len(t) - 20)):
        return None
    m = ORG_BEFORE_RE.search(window)
    if m is not None and _PREP_BEFORE_RE.search(window, 0, m.start()):
        return None  # "Leader of the opposition in the council, X": the noun is not X's apposition
    return m


def det_role(window: str) -> str | None:
    """The role described before a name (DET_ROLE_RE), skipped unless the window ends in a comma (maybe then
    a title) or in "named". A determiner after a preposition starts an object ("Leader of the opposition in
    the council, X"): the role is then the whole phrase from the clause start, when it holds a role word."""
    t = window.rstrip()
    if not (t.endswith(",") or t.endswith("named")):
        t = t.rstrip(".")
        if not t.endswith(_DET_TITLES) or not any(
            t.endswith(x) and t[: -len(x)].rstrip().endswith(",") for x in _DET_TITLES
        ):
            return None
    m = DET_ROLE_RE.search(window)
    if m is None:
        return None
    if m.group("role") is None:
        return m.group("named")
    if any(w in _NOT_ROLE_WORDS for w in m.group("role").split()):
        return None
    if not _PREP_END_RE.search(window, max(0, m.start() - 12), m.start()):
        return m.group("role")
    head = window[: window.rfind(",")]
    cut = max(head.rfind(c) for c in ".;:!?,\n\x01\x02")
    phrase = head[cut + 1 :].strip()
    words = phrase.split()
    if 2 <= len(words) <= 8 and phrase[:1].isupper() and has_role_word(phrase):
        return phrase
    return None


#: German: "Der Betreiber des Clubs, X," (the role is a capitalised noun with a genitive complement).
_DE_ROLE_RE = re.compile(
    r"\b(?:[Dd]er|[Dd]ie)\s+(?P<role>[A-ZÄÖÜ][\wäöüß-]+(?:\s+(?:des|der|von|vom)\s+[A-ZÄÖÜ][\wäöüß-]+){0,2})"
    r",\s*$"
)
#: Russian: "руководитель экспедиции X", "Заместитель директора X": a role noun and its genitive words.
_RU_ROLE_RE = re.compile(
    r"(?:^|(?<=[\s,(]))(?P<role>(?i:руководитель|директор|заместитель|глава|председатель|министр|губернатор|"
    r"мэр|представитель|сотрудник|сотрудница|начальник|президент|пресс-секретарь|эксперт|аналитик|профессор|"
    r"житель|жительница)(?:\s+[а-яё-]+){0,3})\s+$"
)


def foreign_role(window: str) -> str | None:
    """A German or Russian role printed before a name (the English patterns need lower-case role words)."""
    t = window.rstrip()
    if not t:
        return None
    if t.endswith(","):
        m = _DE_ROLE_RE.search(window, max(0, len(window) - 80))
        return m.group("role") if m else None
    if "а" <= t[-1] <= "я" or t[-1] == "ё":
        m = _RU_ROLE_RE.search(window, max(0, len(window) - 80))
        return m.group("role") if m else None
    return None
