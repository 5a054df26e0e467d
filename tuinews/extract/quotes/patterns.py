"""Precompiled regular expressions shared by the quote extractor's modules."""

from __future__ import annotations

import re

from .lexicon import (
    ADJ_SUFFIXES,
    CUE_VERBS,
    ICUE_VERBS,
    LETTER,
    ORG_NOUNS,
    PARTICLES,
    PCUE_EXTRA,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    UPPER,
)

ABBR = r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|St|Rev|Adm)\."
CAPWORD = (
    rf"(?:(?:[{UPPER}]\.){{2,}}|{ABBR}|[{UPPER}]\.(?=\s*[{UPPER}])"  # U.S. | Dr. | J. (initial)
    # Zoë, O'Neill, Growers' (Alliance)
    rf"|[{UPPER}](?:{LETTER}|[-'’](?={LETTER}))*(?:(?<=s)['’](?=[ \t]+[{UPPER}]))?)"
)
PART_ALT = "|".join(sorted(PARTICLES, key=len, reverse=True))
#: Words of a name run, with particles between them and elided ones in front ("Syndicat des Vignerons d'Aval").
NAME_RE = re.compile(rf"(?<![\w'’-]){CAPWORD}(?:[ \t]+(?:(?:{PART_ALT})[ \t]+)*(?:[dl]['’])?{CAPWORD})*")
TOKEN_RE = re.compile(r"\S+")
BLOCK_RE = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
QUOTE_PREFIX_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPH_RE = re.compile(r"\*\*|__")
WS_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[\w’'-]+")
LINK_ONLY_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\**\[[^\]]*\]\([^)]*\)\**\s*$")
FURNITURE_RE = re.compile(
    r"^\s*(?:#|!\[|\*Photo|_Photo|Photo:|\**(?:also read|read more|related|advertisement|disclaimer|share|"
    r"listen to|click here|subscribe|sign up|follow us|image caption|caption|image source|published|"
    r"last updated|updated|first published|by [A-Z][^.!?\n]{0,60}$)\b)",
    re.I,
)
#: A photo credit closing a block ("… in the studio. Photo: Ann Poe", "(Photo/ANI)", "Image: Reuters"): the
#: block is a caption.
CREDIT_END_RE = re.compile(
    r"(?:^|[.!?)\]]\s+|\s[|—–-]\s*)\(?(?:Photos?|Photograph|Picture|Image|Credit)\s*[:/]\s*[^\n:.]{1,60}\)?\s*$"
)
#: A time phrase between a subject and its cue ("X on Wednesday said", "X late on Friday told").
TIME_TAIL_RE = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:on|this|last)\s+(?:[A-Z][a-z]+day|week|weekend)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
    r"|\s+(?:on|in)\s+[A-Z][a-z]+\.?\s+\d{1,2}$|\s+(?:yesterday|today|tonight)$"
)
#: A line that is only bold text (a headline or subhead in a page dump) or a breadcrumb trail.
BOLD_LINE_RE = re.compile(
    r"^\s*(?:\*\*[^*\n]+\*\*|__[^_\n]+__)\s*[:.]?\s*$|^[^\n]{0,80}\s[›»>]\s[^\n]{0,80}$"
)
#: A dateline lead at the start of an article's first paragraphs: `Place, Nov 19 (PTI):`,
#: `PLACE, Region (AP) —`, `MONTREAL —`, `НОВОЗЕРСК, 14 марта.`. Never part of a quote.
DATELINE_LEAD_RE = re.compile(
    r"[^\W\d_][^()\n:.;\"“”«»]{1,60}?\([A-Za-z]{2,12}\)\s*(?::|[—–-]{1,2})\s*"
    r"|[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ'’ .-]{2,30}(?:,\s*[^\n,]{2,30}?)?"
    r"(?:\s+[—–-]{1,2}\s+|,\s+\d{1,2}\s+[^\W\d_]+\.\s+)"
)
ITALIC_BLOCK_RE = re.compile(r"^\s*(?:\*[^*\s][^*]*\*|_[^_\s][^_]*_)\s*$", re.S)
SENT_END_RE = re.compile(r"(?<=[.!?\x02])[\"”’»)\x01]*\s+")
ABBREV_END_RE = re.compile(
    rf"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|etc|Jan|Feb|"
    rf"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|approx|Adm|Rev|a\.m|p\.m|U\.S|U\.K|U\.N|E\.U)|\b[{UPPER}])\.$"
)
ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS), key=len, reverse=True))
ORG_NOUN_ALT = "|".join(
    sorted(ORG_NOUNS - {"team", "campaign", "platform", "network"}, key=len, reverse=True)
)
ADJ_ALT = "|".join(ADJ_SUFFIXES)
MOD_ALT = "|".join(sorted(ROLE_MODIFIERS, key=len, reverse=True))
PRE_ROLE_RE = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<role>(?:(?:{CAPWORD}|[a-z][\w-]*['’]s|(?i:{MOD_ALT})|[a-z][a-z-]*(?:{ADJ_ALT}))\s+){{0,4}}?"
    rf"(?i:{ROLE_ALT}))"
    rf"\s+$"
)
APPOS_RE = re.compile(
    rf"^\s*,\s+(?:(?:a|an|the)\s+)?(?P<role>[^,.;:\x01\x02\"“”«»\n]{{2,150}}?)\s*(?=,|\.|;|$|\s+(?:{CUE_VERBS})\b)"
)
ROLE_WORD_RE = re.compile(rf"\b(?:{ROLE_ALT})\b", re.I)
_ROLE_WORD_LOWER_RE = re.compile(rf"\b(?:{ROLE_ALT})\b")
#: At most this many whitespace-separated words in a PRE_ROLE_RE match (four modifiers and the role).
_PRE_ROLE_WORDS = (
    4 * max(len(m.split()) for m in ROLE_MODIFIERS) + max(len(r.split()) for r in ROLE_NOUNS) + 1
)


def has_role_word(text: str) -> bool:
    """ROLE_WORD_RE.search(text) as a yes/no, run on the lower-cased text (the role nouns are lower-case):
    several times faster than a case-insensitive search over the long alternation."""
    return _ROLE_WORD_LOWER_RE.search(text.lower()) is not None


def pre_role_match(window: str) -> re.Match[str] | None:
    """PRE_ROLE_RE.search(window), tried only from the start of the window's last few words: a match ends
    at the window's end and never spans more words than that, so the result is the same."""
    k = len(window.rstrip())
    for _ in range(_PRE_ROLE_WORDS):
        j = max(window.rfind(" ", 0, k), window.rfind("\t", 0, k))
        if j < 0:
            return PRE_ROLE_RE.search(window)
        k = len(window[:j].rstrip())
    return PRE_ROLE_RE.search(window, k)


FOLLOWED_BY_CUE_RE = re.compile(
    rf"^\s*(?:,[^,\x01]{{1,90}},\s*)?(?:also\s+|later\s+|then\s+)?(?:{CUE_VERBS})\b"
)
ACRONYM_AFTER_RE = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
SPOKES_FOR_RE = re.compile(
    r"\b(?:spokes(?:person|man|woman|people)|representative|statement|source)\s+(?:for|of|at|from)\s+(?P<org>.+)$"
    # German: "ein Sprecher des Unternehmens", "eine Sprecherin der Stadt"
    r"|\b(?:sprecher(?:in)?|vertreter(?:in)?)\s+(?:des|der|von|vom)\s+(?P<gorg>.+)$",
    re.I,
)
#: German organisation nouns, as the English noun a later mention resolves through ("das Unternehmen" is
#: "the company"), in the forms they take after an article (genitive -s/-es included).
GERMAN_ORG_NOUNS = {
    "unternehmen": "company",
    "unternehmens": "company",
    "firma": "company",
    "konzern": "company",
    "konzerns": "company",
    "gesellschaft": "company",
    "verband": "group",
    "verbands": "group",
    "verbandes": "group",
    "ministerium": "ministry",
    "ministeriums": "ministry",
    "behörde": "authority",
    "partei": "party",
    "gewerkschaft": "union",
    "verein": "club",
    "vereins": "club",
    "stadt": "council",
}
ROLE_REF_RE = re.compile(
    r"^(?P<det>the|its|his|her|their|der|die|das|des|dem)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w-]+)$", re.I
)
#: German articles, read as "the" by the role and organisation references.
GERMAN_ARTICLES = frozenset({"der", "die", "das", "des", "dem"})
LEAD_TRIM = {
    "and",
    "but",
    "or",
    "so",
    "then",
    "which",
    "who",
    "as",
    "while",
    "when",
    "because",
    "although",
    "though",
    "later",
    "meanwhile",
    "also",
    "however",
    "yet",
    "that",
    "where",
    "after",
    "before",
}
TRAIL_TRIM = {
    "also",
    "later",
    "again",
    "then",
    "previously",
    "once",
    "has",
    "had",
    "have",
    "would",
    "will",
    "reportedly",
    "further",
    "separately",
    "simply",
    "only",
    "repeatedly",
    "publicly",
    "recently",
    "earlier",
    "already",
    "finally",
    "both",
    "privately",
    "subsequently",
    "quickly",
    "angrily",
    "firmly",
    "bluntly",
    "flatly",
}
ADV = (
    r"(?:(?:late|early|earlier|later)\s+)?(?:on|this|last|next)\s+(?:\w+day|week|month|year|weekend)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:on|in|at|during|via|through)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|speech|post|letter|briefing|report|address|video|conference|rally|hearing|summit|"
    r"meeting|event|call|podcast|broadcast|message|email|e-mail|filing|note|session|visit|debate|appearance|"
    r"opening|closing|remarks|testimony|submission|column|memo|keynote|sermon|lecture)"
    r"(?:\s+(?:with|to|on|in|at|before|from)\s+(?:the\s+)?[\w.&’'-]+(?:\s+[A-Z][\w.&’'-]*){0,3})?"
    r"|(?:on|in)\s+(?:its|his|her|their|the)\s+(?:[\w-]+\s+)?(?:website|blog|page|account|site|feed|newsletter)"
    r"|(?:outside|after|leaving)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:court|courthouse|courtroom|hearing|building|"
    r"meeting|session|vote|match|game|verdict|ruling|depot|hall|stadium)"
    r"|on\s+(?:X|Twitter|Facebook|Instagram|LinkedIn|Telegram|Truth\s+Social|social\s+media|television|TV|radio)"
    r"|(?:on|in)\s+[A-Z][a-z]+\.?\s+\d{1,2}|yesterday|today|tonight|earlier|later|also|again|previously|"
    r"recently|separately|publicly|repeatedly|then|afterwards|at\s+the\s+time|in\s+a\s+statement|"
    r"in\s+(?:an?\s+)?(?:statement|interview)s?"
    r"|в\s+(?:своём\s+|официальном\s+)?(?:заявлении|интервью|пресс-релизе|сообщении)|журналистам"
)
TOLD_OBJ = (
    r"(?:reporters|journalists|the\s+press|lawmakers|legislators|parliament|him|her|them|us|me|you|jurors|"
    r"judges|investors|analysts|shareholders|supporters|voters|students|delegates|colleagues|employees|workers|"
    r"members|residents|listeners|viewers|readers|parents|officials|senators|MPs|councillors|"
    r"the\s+(?:[\w-]+\s+){0,2}?(?:committee|court|audience|crowd|conference|newspaper|agency|station|channel|"
    r"broadcaster|paper|magazine|outlet|jury|panel|hearing|meeting|council|parliament|assembly|senate|"
    r"house|delegates|staff|employees|investors|analysts|shareholders|public|nation|media)|"
    r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*){0,3}|"
    r"the\s+(?:[a-z][\w-]*\s+){0,2}[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|an?\s+(?:[\w-]+\s+){0,2}?(?:briefing|"
    r"news\s+conference|press\s+conference|interviewer|audience|crowd|meeting|rally))"
)
ADV_SEQ_RE = re.compile(rf"(?:\s*,?\s+(?:{ADV})(?!\w))*")
TOLD_OBJ_RE = re.compile(rf"\s+{TOLD_OBJ}\b")
#: The reporter's own tail after a report: "..., days after X", "..., a move that angered Y".
REPORTER_TAIL = (
    r"\s*,\s+(?:(?:a\s+)?(?:few\s+|two\s+|three\s+)?(?:days?|hours?|weeks?|months?)\s+(?:after|before)\b"
    r"|(?:a|an)\s+[\w-]+\s+(?:that|which)\b|according\s+to\b)"
)
REPORTER_TAIL_RE = re.compile(REPORTER_TAIL)
TAIL_OK_RE = re.compile(
    rf"^(?:\s*,?\s+(?:{ADV}|{TOLD_OBJ}))*(?:\s*,\s+(?!saying|adding)[a-z]+ing\b[^\x01\x02]*|{REPORTER_TAIL}"
    rf"[^\x01\x02]*)?\s*[.!?]?\s*$"
)
TAIL_SUB_RE = re.compile(
    r"^\s*,?\s+(?:while|when|as|after|before|during|at|in|on)\b(?!.*\bthat\b)[^\x01\x02]*$"
)
THAT_RE = re.compile(r"^\s*,?\s*(?:that|dass|что)\b")
PARTICIPLE_RE = re.compile(r",\s+(?:saying|adding)(?:\s+that)?\s+(?!:)")
BAD_CLAUSE_START = re.compile(
    # "said about the plan" is a topic; "said about 300 people had signed" is a report.
    r"^(?:[\d$€£%]|to|about(?!\s+(?:[\d$€£]|a\s+(?:dozen|hundred|thousand|million|third|quarter)\b|half\b))|"
    r"nothing|something|so|goodbye|hello|it\s+was\s+unclear|in\s+a\s+statement|"
    r"of|for|with|on|at|by|as|against|whether|if|what|how|why|when|who|where|while|because|although|after|"
    r"before|during|"
    r"from|in|into)\b",
    re.I,
)
DIRECT_PRE_CUE_RE = re.compile(
    rf"\b(?:{CUE_VERBS}|saying|adding|(?i:according)\s+to\b[^,]*)[^.,;:]{{0,60}},?$"
)
ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?P<np>[^,.;:]{1,80}),?\s*$", re.I)
TERMINAL = ".!?…"
OPEN_PREV = set(" \t\n([{—–-/:;,\x01") | {"“", "„", "«", "‘", "'", '"'}

#: An organisation noun right before a name ("Consumer group X", "The operator, X,") or right after it
#: ("the X party").
_NOT_PREP = r"(?!(?:at|of|for|in|with|from|by|on|to|and|who|which)\b)[\w'’-]+\s+"
ORG_BEFORE_RE = re.compile(
    rf"(?:\b(?:{ORG_NOUN_ALT})\s+|\b(?:the|its|a|an)\s+(?:{_NOT_PREP}){{0,2}}(?:{ORG_NOUN_ALT})\s*,\s*)$",
    re.I,
)
#: The organisation noun must head its phrase: "X, the city's executive committee member" is a person.
_NOT_HEAD = rf"(?!['’]|\s+(?:members?|(?i:{ROLE_ALT}))\b)"
ORG_AFTER_RE = re.compile(
    rf"^(?:\s+(?:{ORG_NOUN_ALT})\b{_NOT_HEAD}"
    rf"|\s*,\s+(?:the|a|an)\s+(?:{_NOT_PREP}){{0,3}}?(?:{ORG_NOUN_ALT})\b{_NOT_HEAD}"
    # German: "Der Clubrat Berlin, ein Zusammenschluss von ...", "X, die Gewerkschaft der ..."
    r"|\s*,\s+(?:der|die|das|ein|eine)\s+(?:[A-ZÄÖÜ][\wäöüß]*)?(?:Zusammenschluss|Verband|Verein|Bündnis|"
    r"Unternehmen|Konzern|Firma|Gesellschaft|Initiative|Organisation|Partei|Gewerkschaft|Stiftung|Behörde)\b)"
)
HE_RE = re.compile(r"\b(?:he|his|himself)\b", re.I)
SHE_RE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
#: A title abbreviation whose full stop does not end the sentence ("said Sen. Ann Poe").
TITLE_DOT_RE = re.compile(r"\b(Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Lt|Col|Capt|Sgt|St|Rev|Adm)\.")
#: A US party-and-state tag after a name ("D-N.M.", "R-Wyo."): never the subject.
PARTY_TAG_RE = re.compile(r"^\s*[DRI]-[A-Z][\w.]*\s*$")

#: "... and said", "... but argued that": a cue coordinated with the sentence's first verb (same subject).
COORD_BEFORE_RE = re.compile(r"(?:^|(?<=[\s,]))(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")
SAME_SUBJECT_RE = re.compile(rf",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?=(?:{ICUE_VERBS})\b)")
#: Verbs of the reporting subject that are not speech: "X said CLAUSE and urged residents to ...",
#: "... but declined to give details" end the reported clause.
NON_SPEECH_COORD = r"urged|declined|refused|appealed|encouraged|called\s+(?:on|for)"
#: Where a reported clause ends because a new report starts: a coordinated cue, or a comma followed by a
#: short subject and a cue ("..., and the local MP, X, said", "..., a plan critics say will ...").
CLAUSE_SPLIT_RE = re.compile(
    rf",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?=(?:{ICUE_VERBS}|{NON_SPEECH_COORD})\b)"
    rf"|,\s+(?:and\s+|but\s+|while\s+)?(?=(?:[\w'’.-]+,?\s+){{1,7}}?(?:{ICUE_VERBS}|say)\b)"
)
#: "warned both sides that": the object of a cue before its "that".
OBJ_THAT_RE = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?(?=that\b)")
#: Where a reported clause before a long quoted fragment ends: "X said CLAUSE and described it as «…»" (a
#: second "that" clause holding the fragment is the same report: "said A, and that B «…»" gives the fragment).
COORD_CUT_RE = re.compile(rf",?\s+(?:and|but)\s+(?:also\s+|then\s+)?(?:{CUE_VERBS}|{PCUE_EXTRA})\b")
