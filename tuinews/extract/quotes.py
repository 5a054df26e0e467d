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

import bisect
import re
from dataclasses import dataclass

from tuinews.models import Quote, QuoteKind

# --------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------

# fmt: off
_UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isalpha() and chr(c).isupper())
_L = r"[^\W\d_]"  # any letter, Unicode aware
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "sir": "m",
               "dame": "f", "lord": "m", "lady": "f", "prof": None, "rev": None}
_TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "chancellor", "ambassador", "judge", "justice",
    "mayor", "king", "queen", "prince", "princess", "pope", "sheikh", "chairman", "chairwoman", "chair",
    "director", "commissioner", "premier", "governor", "gov", "senator", "sen", "rep", "representative",
    "gen", "general", "col", "colonel", "lt", "capt", "captain", "sgt", "professor", "coach", "spokesperson",
    "spokesman", "spokeswoman", "ceo", "chief", "commander", "envoy", "attorney", "detective", "inspector",
    "superintendent", "admiral", "archbishop", "bishop", "cardinal", "rabbi", "imam", "officer",
}
_ROLE_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "president", "chairman",
    "chairwoman", "chair", "director", "chief", "executive", "ceo", "cfo", "coo", "founder", "co-founder",
    "governor", "mayor", "senator", "lawmaker", "legislator", "congressman", "congresswoman", "leader",
    "head",
    "commissioner", "ambassador", "envoy", "analyst", "economist", "strategist", "professor", "researcher",
    "scientist", "lawyer", "attorney", "prosecutor", "judge", "coach", "manager", "adviser", "advisor",
    "general", "commander", "chancellor", "premier", "official", "officer", "representative", "owner",
    "partner", "editor", "author", "activist", "campaigner", "organiser", "organizer", "negotiator",
    "diplomat", "inspector", "investigator", "doctor", "physician", "nurse", "teacher", "pilot", "captain",
    "deputy", "spokespeople", "administrator", "coordinator", "fellow", "lecturer",
    "filmmaker", "actor", "actress", "singer", "songwriter", "writer", "novelist", "poet", "artist",
    "musician", "photographer", "journalist", "reporter", "columnist", "chef", "farmer", "employee", "driver",
    "geologist",
    "biologist", "physicist", "chemist", "astronomer", "co-author", "epidemiologist", "psychologist",
    "secretary-general", "president-elect", "historian", "expert",
    "specialist", "consultant", "engineer", "designer", "developer", "producer", "player", "striker",
    "midfielder", "defender", "goalkeeper", "candidate", "speaker", "king", "queen", "prince", "princess",
}
_ROLE_MODIFIERS = {"deputy", "former", "senior", "chief", "foreign", "vice", "acting", "interim", "top",
                   "lead", "press", "then", "assistant", "associate", "principal", "regional", "general",
                   "managing", "executive", "finance", "defence", "defense", "energy", "health", "trade"}
_ORG_WORDS = {
    "Ministry", "Department", "Agency", "Bank", "Company", "Corporation", "Corp", "Corp.", "Inc", "Inc.",
    "Ltd", "Ltd.", "LLC", "Group", "Council", "Commission", "Committee", "Office", "Kremlin", "Pentagon",
    "Parliament", "Congress", "Senate", "Government", "University", "Institute", "Association", "Federation",
    "Union", "Party", "Authority", "Board", "Bureau", "Fund", "Foundation", "Organization", "Organisation",
    "Court", "Police", "Army", "Navy", "Service", "Airlines", "Airways", "Motors", "Systems", "Technologies",
    "Labs", "Holdings", "Partners", "Network", "Center", "Centre", "Secretariat", "Embassy", "Cabinet",
    "Assembly", "Administration", "Command", "Forces", "Trust", "Society", "Alliance", "Coalition", "Club",
    "Railways", "Reserve", "Exchange", "Bundestag", "Commonwealth", "Directorate",
}
_ORG_NOUNS = {
    "ministry", "company", "firm", "department", "agency", "bank", "group", "organisation", "organization",
    "council", "commission", "committee", "office", "party", "union", "court", "institute", "university",
    "authority", "board", "bureau", "fund", "foundation", "association", "federation", "government",
    "regulator", "startup", "airline", "carrier", "retailer", "automaker", "carmaker", "lender", "insurer",
    "manufacturer", "maker", "club", "team", "charity", "embassy", "administration", "network", "studio",
    "publisher", "platform", "alliance", "coalition", "campaign", "watchdog", "operator", "utility",
}
_BUSINESS_NOUNS = {"company", "firm", "group", "startup", "airline", "carrier", "retailer", "automaker",
                   "carmaker", "lender", "insurer", "manufacturer", "maker", "studio", "publisher",
                   "platform", "operator", "utility", "network", "club", "team", "charity"}
_GENERIC = {
    "officials", "critics", "residents", "analysts", "experts", "sources", "witnesses", "people", "observers",
    "police", "authorities", "investigators", "researchers", "scientists", "doctors", "lawmakers",
    "diplomats", "protesters", "activists", "economists", "traders", "prosecutors", "organisers",
    "organizers", "volunteers", "locals", "others", "some", "many", "several", "both", "everyone", "nobody",
    "someone", "one", "spokespeople", "officers", "voters", "fans", "users", "workers", "employees",
    "parents", "students", "teachers", "farmers", "families", "supporters", "opponents",
}
_CAP_STOP = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "However", "After", "Before", "When", "While",
    "If", "As", "Since", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "His",
    "Her", "Its", "Their", "Our", "My", "Your", "Meanwhile", "Also", "Still", "Yet", "So", "For", "With",
    "From", "By", "To", "Of", "Last", "Next", "Earlier", "Later", "Then", "There", "Here", "According",
    "Asked", "Speaking", "Despite", "Although", "Though", "Under", "Over", "During", "Most", "All", "No",
    "Not", "Now", "Today", "Yesterday", "Instead", "Separately", "Why", "What", "Who", "How", "Where",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Photo", "Read",
    "Related", "Advertisement", "Such", "Even", "Only", "Every", "Each", "Among", "Without",
    "Once", "Until", "Because", "Like", "Unlike", "Through", "Into", "Dear", "Mr", "Ms",
}
_MID_STOP = {"The", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
             "February", "March", "April", "June", "July", "August", "September", "October", "November",
             "December", "But", "And", "However", "Meanwhile", "According"}
_ONE_WORD_ORGS = {"Kremlin", "Pentagon", "Parliament", "Congress", "Senate", "Bundestag", "Secretariat"}
_CAP_STOP_LOWER = {w.lower() for w in _CAP_STOP} | _GENERIC
_PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "van", "von", "bin",
              "bint", "ibn", "al", "el", "la", "le", "ter", "ten", "y", "of", "for", "the"}
_SPLIT_PARTICLES = {"of", "for", "the"}
_FEMALE_NAMES = """
Mary Anna Ann Anne Maria Sarah Emma Olivia Sophie Laura Julia Elena Elizabeth Jane Susan Linda Karen
Lisa Nancy Emily Hannah Claire Grace Alice Rachel Rebecca Helen Catherine Kate Amy Jessica Jennifer
Michelle Priya Fatima Aisha Zoë Zoe Ingrid Marta Lucia Sofia Ana Nadia Olga Irina Yuki Mei Leila
Chloe Ursula Kamala Angela Theresa Giorgia Nicola Jacinda Christine Janet Hillary Marine Annalena
Svetlana Natalia Beatriz Carmen Isabel Margaret Patricia Barbara Dorothy Ruth Sandra Donna Carol
Sharon Deborah Amelia Isla Ava Mia Lily Ella Freya Harriet Lucy Agnieszka Katarzyna Magdalena
Małgorzata Ewa Paula Kristalina Tsai Mette Sanna Kaja Giulia Francesca Chiara Ines Inés Rosa Elif
Ayşe Noor Yasmin Amira Sara Mariam Meera Anjali Sunita Ngozi Amina Hana Mina Greta Marie Louise
Camille Léa Manon Nora Lena Nina Eva Vera Tanya Rita Diana Monica Joanna Joanne Sophia Victoria
Charlotte Caroline Heather Megan Lauren Kimberly Stephanie Melissa Andrea Veronica Valentina Daria
Yulia Oksana Zeynep Hina Keiko Sakura Ji-woo Precious Esther Miriam Naomi Judith Tamara Harriet Ruby
Jade Kirsty Fiona Siobhan Aoife Brigitte Ilse Annika
"""
_FEMALE = frozenset(_FEMALE_NAMES.split())
_MALE_NAMES = """
John James Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Mark Paul Peter
George Steven Andrew Kevin Brian Tom Ben Jack Harry Oliver Lukas Luca Marco Carlos Juan Jose José
Pedro Ahmed Mohammed Muhammad Ali Omar Hassan Ivan Dmitry Sergei Sergey Vladimir Olaf Emmanuel Rishi
Keir Boris Joe Donald Barack Xi Narendra Rahul Amit Raj Hans Klaus Jürgen Pierre Jean François
Antony Anthony Lloyd Jerome Christopher Jonathan Stephen Simon Martin Alexander Alexei Nikolai Yusuf
Kenji Hiroshi Wei Liam Noah Ethan Lucas Hugo Felix Viktor Volodymyr Benjamin Recep Tayyip Jan Piotr
Tomasz Krzysztof Andrzej Mateusz Giuseppe Giovanni Antonio Francesco Miguel Luis Luiz Jorge Diego
Javier Rafael Mehmet Mustafa Ibrahim Khalid Abdullah Tariq Imran Arjun Vikram Sanjay Takeshi Hiroshi
Sven Erik Lars Henrik Nils Bruno Emil Karl Fritz Otto Max Moritz Leon Finn Theo Arthur Louis Henry
Edward Frank Gary Larry Scott Eric Justin Ryan Jacob Nathan Adam Aaron Samuel Patrick Sean Shane
Dennis Walter Roger Gerald Keith Ralph Elon Jeff Bill Tim
"""
_MALE = frozenset(_MALE_NAMES.split())

_CUE_VERBS = (
    "said|says|told|tells|added|adds|wrote|writes|warned|warns|insisted|insists|clarified|clarifies|"
    "reiterated|reiterates|stressed|stresses|explained|explains|noted|notes|argued|argues|asked|asks|"
    "replied|replies|announced|announces|declared|declares|continued|recalled|remarked|commented|"
    "responded|emphasi[sz]ed|emphasi[sz]es|cautioned|observed|tweeted|posted|predicted|conceded|"
    "suggested|claimed|complained|boasted"
)
# Verbs that can introduce reported (indirect) speech; questions and posts are left to direct quotes.
_ICUE_VERBS = (
    "said|says|told|tells|added|adds|wrote|writes|warned|warns|insisted|insists|clarified|clarifies|"
    "reiterated|reiterates|stressed|stresses|explained|explains|noted|notes|argued|argues|replied|"
    "announced|announces|declared|declares|emphasi[sz]ed|emphasi[sz]es|cautioned|claimed|claims|"
    "suggested"
)
_PCUE_EXTRA = "described|describes|describing|called|calls|calling|termed|dubbed"
_CUE_RE = re.compile(rf"\b(?:{_CUE_VERBS})\b")
_ICUE_RE = re.compile(rf"\b(?:{_ICUE_VERBS})\b")
_PCUE_RE = re.compile(rf"\b(?:{_CUE_VERBS}|{_PCUE_EXTRA}|saying|adding)\b")
_INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "replied", "continued",
                  "insisted", "warned", "explained", "noted", "argued", "declared", "stressed"}

# fmt: on

# --------------------------------------------------------------------------------------------------
# Precompiled patterns
# --------------------------------------------------------------------------------------------------

_ABBR = r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|St|Rev|Adm)\."
_CAPWORD = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}|{_ABBR}|[{_UPPER}]\.(?=\s*[{_UPPER}])"  # U.S. | Dr. | J. (initial)
    # Zoë, O'Neill, Growers' (Alliance)
    rf"|[{_UPPER}](?:{_L}|[-'’](?={_L}))*(?:(?<=s)['’](?=[ \t]+[{_UPPER}]))?)"
)
_PART_ALT = "|".join(sorted(_PARTICLES, key=len, reverse=True))
_NAME_RE = re.compile(rf"(?<![\w'’-]){_CAPWORD}(?:[ \t]+(?:(?:{_PART_ALT})[ \t]+)*{_CAPWORD})*")
_TOKEN_RE = re.compile(r"\S+")
_BLOCK_RE = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_QUOTE_PREFIX_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH_RE = re.compile(r"\*\*|__")
_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[\w’'-]+")
_LINK_ONLY_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\**\[[^\]]*\]\([^)]*\)\**\s*$")
_FURNITURE_RE = re.compile(
    r"^\s*(?:#|!\[|\*Photo|_Photo|Photo:|\**(?:also read|read more|related|advertisement|disclaimer|share|"
    r"listen to|click here|subscribe|sign up|follow us)\b)",
    re.I,
)
_ITALIC_BLOCK_RE = re.compile(r"^\s*(?:\*[^*\s][^*]*\*|_[^_\s][^_]*_)\s*$", re.S)
_SENT_END_RE = re.compile(r"(?<=[.!?\x02])[\"”’»)\x01]*\s+")
_ABBREV_END_RE = re.compile(
    rf"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|etc|Jan|Feb|"
    rf"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|approx|Adm|Rev|a\.m|p\.m|U\.S|U\.K|U\.N|E\.U)|\b[{_UPPER}])\.$"
)
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in _ROLE_NOUNS), key=len, reverse=True))
_MOD_ALT = "|".join(sorted(_ROLE_MODIFIERS, key=len, reverse=True))
_PRE_ROLE_RE = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<role>(?:(?:{_CAPWORD}|[a-z][\w-]*['’]s|(?i:{_MOD_ALT}))\s+){{0,4}}?(?i:{_ROLE_ALT}))"
    rf"\s+$"
)
_APPOS_RE = re.compile(
    rf"^\s*,\s+(?:(?:a|an|the)\s+)?(?P<role>[^,.;:\x01\x02\"“”«»\n]{{2,150}}?)\s*(?=,|\.|;|$|\s+(?:{_CUE_VERBS})\b)"
)
_ROLE_WORD_RE = re.compile(rf"\b(?:{_ROLE_ALT})\b", re.I)
_FOLLOWED_BY_CUE_RE = re.compile(
    rf"^\s*(?:,[^,\x01]{{1,90}},\s*)?(?:also\s+|later\s+|then\s+)?(?:{_CUE_VERBS})\b"
)
_ACRONYM_AFTER_RE = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
_SPOKES_FOR_RE = re.compile(
    r"\b(?:spokes(?:person|man|woman|people)|representative|statement|source)\s+(?:for|of|at|from)\s+(?P<org>.+)$",
    re.I,
)
_ROLE_REF_RE = re.compile(r"^(?P<det>the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w-]+)$", re.I)
_LEAD_TRIM = {
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
_TRAIL_TRIM = {
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
_ADV = (
    r"(?:(?:late|early|earlier|later)\s+)?(?:on|this|last|next)\s+(?:\w+day|week|month|year|weekend)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:on|in|at|during|via|through)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|speech|post|letter|briefing|report|address|video|conference|rally|hearing|summit|"
    r"meeting|event|call|podcast|broadcast|message|email|e-mail|filing|note|session|visit|debate|appearance)"
    r"(?:\s+(?:with|to|on|in|at|before|from)\s+(?:the\s+)?[\w.&’'-]+(?:\s+[A-Z][\w.&’'-]*){0,3})?"
    r"|on\s+(?:X|Twitter|Facebook|Instagram|LinkedIn|Telegram|Truth\s+Social|social\s+media|television|TV|radio)"
    r"|(?:on|in)\s+[A-Z][a-z]+\.?\s+\d{1,2}|yesterday|today|tonight|earlier|later|also|again|previously|"
    r"recently|separately|publicly|repeatedly|then|afterwards|at\s+the\s+time|in\s+a\s+statement|"
    r"in\s+(?:an?\s+)?(?:statement|interview)s?"
)
_TOLD_OBJ = (
    r"(?:reporters|journalists|the\s+press|lawmakers|legislators|parliament|him|her|them|us|me|you|"
    r"the\s+(?:[\w-]+\s+){0,2}?(?:committee|court|audience|crowd|conference|newspaper|agency|station|channel|"
    r"broadcaster|paper|magazine|outlet|jury|panel|hearing|meeting|council|parliament|assembly|senate|"
    r"house|delegates|staff|employees|investors|analysts|shareholders|public|nation|media)|"
    r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*){0,3}|an?\s+(?:[\w-]+\s+){0,2}?(?:briefing|"
    r"news\s+conference|press\s+conference|interviewer|audience|crowd|meeting|rally))"
)
_ADV_SEQ_RE = re.compile(rf"(?:\s*,?\s+(?:{_ADV}))*")
_TOLD_OBJ_RE = re.compile(rf"\s+{_TOLD_OBJ}\b")
_TAIL_OK_RE = re.compile(rf"^(?:\s*,?\s+(?:{_ADV}|{_TOLD_OBJ}))*\s*[.!?]?\s*$")
_TAIL_SUB_RE = re.compile(
    r"^\s*,?\s+(?:while|when|as|after|before|during|at|in|on)\b(?!.*\bthat\b)[^\x01\x02]*$"
)
_THAT_RE = re.compile(r"^\s*,?\s*that\b")
_PARTICIPLE_RE = re.compile(r",\s+(?:saying|adding)(?:\s+that)?\s+(?!:)")
_BAD_CLAUSE_START = re.compile(
    r"^(?:[\d$€£%]|to|about|nothing|something|so|goodbye|hello|it\s+was\s+unclear|in\s+a\s+statement|"
    r"of|for|with|on|at|by|as|whether|if|what|how|why|when|who|where|while|because|although|after|before|during|"
    r"from|in|into)\b",
    re.I,
)
_DIRECT_PRE_CUE_RE = re.compile(
    rf"\b(?:{_CUE_VERBS}|saying|adding|(?i:according)\s+to\b[^,]*)[^.,;:]{{0,60}},?$"
)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?P<np>[^,.;:]{1,80}),?\s*$", re.I)
_TERMINAL = ".!?…"
_OPEN_PREV = set(" \t\n([{—–-/:;,\x01") | {"“", "„", "«", "‘", "'", '"'}


# --------------------------------------------------------------------------------------------------
# Data holders
# --------------------------------------------------------------------------------------------------


@dataclass
class _Entity:
    """A person or organization in the article's running speaker table."""

    name: str
    kind: str  # "person" | "org"
    role: str | None = None
    gender: str | None = None


@dataclass
class _Frag:
    """One fragment of a quote: the marks (mask span) and the text between them (content span)."""

    mask_start: int
    mask_end: int
    start: int
    end: int


@dataclass
class _Q:
    """A top-level quoted span found by the mark state machine (possibly over several blocks)."""

    frags: list[_Frag]
    block: int
    last_block: int = -1
    closed: bool = True
    direct: bool = False
    words: int = 0


@dataclass
class _Attr:
    """An attribution found for a quote: who, how sure, and where the cue verb sits."""

    entity: _Entity
    confidence: float
    cue_pos: int


@dataclass
class _Out:
    """A quote being built (direct quotes may absorb further fragments)."""

    frags: list[_Frag]
    entity: _Entity
    kind: QuoteKind
    paragraph: int
    confidence: float


# --------------------------------------------------------------------------------------------------
# Speaker table
# --------------------------------------------------------------------------------------------------


class _Table:
    """People and organizations introduced so far, with where they were last mentioned."""

    def __init__(self) -> None:
        self.keys: dict[str, _Entity] = {}
        self.acronyms: dict[str, _Entity] = {}
        self.mentions: list[tuple[int, int, _Entity]] = []
        self._seq = 0

    def mention(self, pos: int, ent: _Entity) -> None:
        self._seq += 1
        bisect.insort(self.mentions, (pos, self._seq, ent))

    def find(self, toks: list[str]) -> _Entity | None:
        toks = _strip_titles(toks)[1]
        if not toks:
            return None
        full = " ".join(toks).lower()
        ent = self.keys.get(full)
        if ent is None and len(toks) == 1:
            t = toks[0]
            if t.isupper() and len(t) >= 2:
                ent = self.acronyms.get(t)
            if ent is None:
                ent = self.keys.get(t.lower())
        if ent is None and len(toks) >= 2:
            # "Ann Poe" first, then "Poe" mentioned with an initial or a middle name dropped.
            cand = self.keys.get(toks[-1].lower())
            if cand is not None and cand.kind == "person" and cand.name.split()[0].lower() == toks[0].lower():
                ent = cand
        return ent

    def add_person(self, toks: list[str], role: str | None, gender: str | None) -> _Entity:
        ent = _Entity(" ".join(toks), "person", role, gender)
        self.keys.setdefault(ent.name.lower(), ent)
        self.keys[toks[-1].lower()] = ent
        return ent

    def add_org(self, name: str, acronym: str | None) -> _Entity:
        ent = _Entity(name, "org")
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
    ) -> _Entity | None:
        i = bisect.bisect_left(self.mentions, (pos, -1))
        for j in range(i - 1, -1, -1):
            ent = self.mentions[j][2]
            if ent.kind != kind:
                continue
            if gender is not None and ent.gender not in (None, gender):
                continue
            if role_noun is not None and not (ent.role and role_noun in ent.role.lower()):
                continue
            if name_has is not None and name_has not in ent.name.lower():
                continue
            return ent
        return None


def _strip_titles(toks: list[str]) -> tuple[list[str], list[str], str | None]:
    """Split leading honorifics/titles off a name: (role words, name words, gender from an honorific)."""
    gender = None
    last_title = -1
    for i, t in enumerate(toks):
        low = t.lower().rstrip(".")
        if low in _HONORIFICS:
            gender = _HONORIFICS[low] or gender
            last_title = i
        elif (low in _TITLE_WORDS or low in _ROLE_NOUNS) and i < len(toks) - 1:
            last_title = i
    role = [t for t in toks[: last_title + 1] if t.lower().rstrip(".") not in _HONORIFICS]
    name = [t for t in toks[last_title + 1 :]]
    name = [re.sub(r"['’]s$", "", t) if i == len(name) - 1 else t for i, t in enumerate(name)]
    return role, name, gender


def _gender_of(first: str, role: str | None) -> str | None:
    if first in _FEMALE:
        return "f"
    if first in _MALE:
        return "m"
    if role:
        low = role.lower()
        if re.search(r"woman\b|\bqueen\b|\bprincess\b", low):
            return "f"
        if re.search(r"(?<!wo)man\b|\bking\b|\bprince\b", low):
            return "m"
    return None


def _name_pieces(text: str, base: int) -> list[tuple[int, int, list[str]]]:
    """Split a capitalised run ("On Monday Ann Poe of Acme Corp") into names with global offsets."""
    out: list[tuple[int, int, list[str]]] = []
    cur: list[tuple[int, int, str]] = []

    def flush() -> None:
        while cur and cur[-1][2].lower() in _PARTICLES:
            cur.pop()
        if cur:
            out.append((cur[0][0], cur[-1][1], [c[2] for c in cur]))
        cur.clear()

    for m in _TOKEN_RE.finditer(text):
        w = m.group()
        low = w.lower()
        if not cur and (w in _CAP_STOP or low in _PARTICLES or low in _GENERIC):
            continue
        if w in _MID_STOP:
            flush()
            continue
        if low in _SPLIT_PARTICLES and cur and not any(c[2] in _ORG_WORDS for c in cur):
            flush()
            continue
        cur.append((base + m.start(), base + m.end(), w))
    flush()
    return out


# --------------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------------


class _Extractor:
    """One run over one article (holds the working text, blocks, quotes and speaker table)."""

    def __init__(self, markdown: str) -> None:
        self.md = markdown
        self.table = _Table()
        self.blocks: list[tuple[int, int, int]] = []  # (start, end, paragraph index)
        chars = list(markdown)
        para = -1
        for m in _BLOCK_RE.finditer(markdown):
            start, end = m.start(), m.end()
            para += 1
            raw = markdown[start:end]
            if _is_furniture(raw):
                chars[start:end] = [" " if c != "\n" else "\n" for c in raw]
                continue
            for pm in _QUOTE_PREFIX_RE.finditer(raw):
                for k in range(start + pm.start(), start + pm.end()):
                    chars[k] = " "
            for k in range(start, end):
                if chars[k] == "\n" and k != end - 1:
                    chars[k] = " "
            self.blocks.append((start, end, para))
        self.norm = "".join(chars)
        self.frame = ""
        self.out: list[_Out] = []

    # ---- quote marks ------------------------------------------------------------------------------

    def scan_marks(self) -> list[_Q]:
        """The quote-mark state machine: top-level quoted spans, with multi-paragraph continuation."""
        quotes: list[_Q] = []
        pending: _Q | None = None
        pending_mark = ""
        s = self.norm
        for bi, (b0, b1, _) in enumerate(self.blocks):
            stack: list[tuple[str, int]] = []
            cur: _Q | None = None
            i = b0
            while i < b1 and s[i].isspace():
                i += 1
            if pending is not None:
                if i < b1 and s[i] in "\"“„«‘'»":
                    stack.append((pending_mark, i))
                    cur = pending
                    cur.frags.append(_Frag(i, -1, i + 1, -1))
                    i += 1
                else:
                    pending.closed = False
                    quotes.append(pending)
                pending = None
            end = b1
            while end > b0 and s[end - 1].isspace():
                end -= 1
            while i < end:
                c = s[i]
                if c not in "\"“”„«»‘’'":
                    i += 1
                    continue
                prev = s[i - 1] if i > b0 else " "
                nxt = s[i + 1] if i + 1 < end else " "
                top = stack[-1][0] if stack else ""
                opener = prev in _OPEN_PREV or prev.isspace()
                closer = not prev.isspace() and (not nxt.isalnum())
                action = ""  # "open" | "close" | ""
                if c == '"':
                    if top == '"' and (closer or not opener):
                        action = "close"
                    elif opener and not nxt.isspace():
                        action = "open"
                    elif '"' in [x[0] for x in stack]:
                        action = "close"
                elif c == "“":
                    action = "close" if top == "„" else "open"
                elif c == "”":
                    if any(x[0] in "“„" for x in stack):
                        action = "close"
                elif c == "„" or c == "«":
                    action = "close" if (c == "«" and top == "»") else "open"
                elif c == "»":
                    if any(x[0] == "«" for x in stack):
                        action = "close"
                    elif opener and nxt.isalnum():
                        action = "open"
                elif c == "‘":
                    if opener and nxt.isalnum() and _single_closes(s, i + 1, end, "’"):
                        action = "open"
                elif c == "’":
                    if top == "‘" and closer and not _possessive(s, i, end):
                        action = "close"
                elif c == "'":
                    if top == "'" and closer and not _possessive(s, i, end):
                        action = "close"
                    elif opener and nxt.isalpha() and _single_closes(s, i + 1, end, "'"):
                        action = "open"
                if action == "open":
                    if not stack:
                        cur = _Q([_Frag(i, -1, i + 1, -1)], bi)
                    stack.append((c, i))
                elif action == "close":
                    want = {'"': '"', "”": "“„", "“": "„", "»": "«", "«": "»", "’": "‘", "'": "'"}[c]
                    while stack and stack[-1][0] not in want:
                        stack.pop()
                    if stack:
                        stack.pop()
                    if not stack and cur is not None:
                        f = cur.frags[-1]
                        f.end, f.mask_end = i, i + 1
                        cur.last_block = bi
                        quotes.append(cur)
                        cur = None
                i += 1
            if cur is not None and stack and stack[0][0] not in "‘'":
                f = cur.frags[-1]
                f.end = f.mask_end = end
                cur.last_block = bi
                pending, pending_mark = cur, stack[0][0]
        if pending is not None:
            pending.closed = False
            quotes.append(pending)
        for q in quotes:
            q.words = sum(len(_WORD_RE.findall(self.norm[f.start : f.end])) for f in q.frags)
            q.direct = self._is_direct(q)
        return quotes

    def _is_direct(self, q: _Q) -> bool:
        b0 = self.blocks[q.block][0]
        f = q.frags[0]
        pre = self.norm[b0 : f.mask_start].rstrip()
        if not pre:
            return True
        last = pre[-1]
        if last in ".!?:;(—–“”\"»«’'" or pre.endswith(" -"):
            return True
        if last == "," and _DIRECT_PRE_CUE_RE.search(pre[-90:]):
            return True
        body = self.norm[f.start : f.start + 1]
        return bool(body[:1].isupper() and _CUE_RE.search(pre[-12:]) and re.search(r"\w$", pre))

    # ---- helpers ------------------------------------------------------------------------------------

    def block_of(self, pos: int) -> int:
        lo = bisect.bisect_right(self.blocks, (pos, 1 << 62, 0)) - 1
        return max(lo, 0)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence of the masked frame around `pos` (never crosses a block boundary)."""
        b0, b1, _ = self.blocks[self.block_of(pos)]
        start = b0
        for m in _SENT_END_RE.finditer(self.frame, b0, pos):
            if m.end() <= pos and not _ABBREV_END_RE.search(self.frame[max(b0, m.start() - 6) : m.start()]):
                start = m.end()
        end = b1
        for m in _SENT_END_RE.finditer(self.frame, pos, b1):
            if not _ABBREV_END_RE.search(self.frame[max(b0, m.start() - 6) : m.start()]):
                end = m.start()
                break
        return start, end

    def sentences(self, b0: int, b1: int) -> list[tuple[int, int]]:
        out = []
        start = b0
        for m in _SENT_END_RE.finditer(self.frame, b0, b1):
            if _ABBREV_END_RE.search(self.frame[max(b0, m.start() - 6) : m.start()]):
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
        for m in _NAME_RE.finditer(fr, b0, b1):
            for start, end, toks in _name_pieces(m.group(), m.start()):
                self._register(start, end, toks)

    def _register(self, start: int, end: int, toks: list[str], force: bool = False) -> _Entity | None:
        fr = self.frame
        ent = self.table.find(toks)
        if ent is not None:
            self.table.mention(start, ent)
            return ent
        after = fr[end : end + 140]
        if _is_org(toks):
            name = " ".join(toks)
            am = _ACRONYM_AFTER_RE.match(after)
            ent = self.table.add_org(
                self.norm[start:end] if "\n" not in self.norm[start:end] else name,
                am.group("acr") if am else None,
            )
            self.table.mention(start, ent)
            return ent
        role_toks, name_toks, gender = _strip_titles(toks)
        if not name_toks or any(t.lower() in _CAP_STOP_LOWER for t in name_toks):
            return None
        window = fr[max(0, start - 90) : start]
        prev_word = window.rstrip().rsplit(None, 1)[-1].lower() if window.strip() else ""
        pre = _PRE_ROLE_RE.search(window) if prev_word in _ROLE_NOUNS else None
        pre_role = pre.group("role") if pre else None
        if pre_role and pre_role.split()[0].lower() == "the":
            pre_role = pre_role.split(" ", 1)[1] if " " in pre_role else None
        app = _APPOS_RE.match(after)
        app_role = None
        if app and (_ROLE_WORD_RE.search(app.group("role")) or re.match(r"\s*,\s+(?:a|an|the)\s", after)):
            app_role = app.group("role").strip()
        cue_follows = bool(_FOLLOWED_BY_CUE_RE.match(after))
        evidence = bool(
            force
            or role_toks
            or pre_role
            or app_role
            or gender
            or cue_follows
            or name_toks[0] in _FEMALE
            or name_toks[0] in _MALE
            or (pre and pre.group("role"))
        )
        role_parts = [p for p in (pre_role, " ".join(role_toks) if role_toks else None) if p]
        role = " ".join(role_parts) if role_parts else app_role
        if len(name_toks) >= 2 and evidence and not all(t.isupper() for t in name_toks):
            ent = self.table.add_person(name_toks, role, gender or _gender_of(name_toks[0], role))
        elif (
            len(name_toks) == 1
            and _plausible_single(name_toks[0])
            and (force or cue_follows or _SPOKES_FOR_RE.search(fr[max(0, start - 40) : end]))
        ):
            if role_toks or gender:
                ent = self.table.add_person(name_toks, role, gender or _gender_of("", role))
            elif name_toks[0] in _FEMALE or name_toks[0] in _MALE:
                ent = self.table.add_person(name_toks, role, _gender_of(name_toks[0], role))
            elif name_toks[0].lower() not in _CAP_STOP_LOWER and name_toks[0] not in _ORG_WORDS:
                ent = self.table.add_org(name_toks[0], None)
            else:
                return None
        else:
            return None
        self.table.mention(start, ent)
        return ent

    def resolve(self, np: str, np_start: int) -> tuple[_Entity, float] | None:
        """Who a subject phrase ("she", "Ann Poe, a spokeswoman ...", "the ministry") refers to."""
        stripped = np.lstrip(" ,—–-\t\n")
        np_start += len(np) - len(stripped)
        np = stripped.rstrip(" ,—–-\t\n")
        if not np or "\x01" in np or "\x02" in np or not re.search(r"\w", np):
            return None
        low = np.lower()
        t = self.table
        if low in ("he", "him"):
            return self._pronoun(np_start, "m")
        if low in ("she", "her"):
            return self._pronoun(np_start, "f")
        if low == "they":
            ent = t.recent(np_start, "person")
            return (ent, 0.6) if ent else None
        if low == "it":
            ent = t.recent(np_start, "org")
            return (ent, 0.7) if ent else None
        sm = _SPOKES_FOR_RE.search(np)
        if sm and len(np[: sm.start()].split()) <= 2:
            org = sm.group("org")
            ref = self._role_ref(org, np_start)
            if ref:
                return ref
            for m in _NAME_RE.finditer(org):
                for s0, e0, toks in _name_pieces(m.group(), np_start + sm.start("org") + m.start()):
                    ent = t.find(toks) or self._register(s0, e0, toks)
                    if ent is not None:
                        return ent, 0.85
            return None
        head = np.split(",", 1)[0] if "," in np else np
        first = low.split()[0]
        if first in _GENERIC or first in ("a", "an", "one", "some", "many", "several", "two", "three"):
            return None
        pieces = [p for m in _NAME_RE.finditer(head) for p in _name_pieces(m.group(), np_start + m.start())]
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
            if ent is not None:
                t.mention(s0, ent)
                full = " ".join(_strip_titles(toks)[1]) == ent.name
                return ent, 0.9 if full else 0.85
            return None
        return self._role_ref(np, np_start)

    def _role_ref(self, np: str, pos: int) -> tuple[_Entity, float] | None:
        m = _ROLE_REF_RE.match(np.strip())
        if not m:
            return None
        det, noun = m.group("det").lower(), m.group("noun").lower()
        t = self.table
        if noun in _ROLE_NOUNS:
            ent = t.recent(pos, "person", role_noun=noun)
            if ent is None and det == "its" and noun.startswith("spokes"):
                ent = t.recent(pos, "org")
            return (ent, 0.75) if ent else None
        if noun in _ORG_NOUNS and det in ("the", "its"):
            ent = t.recent(pos, "org", name_has=noun)
            if ent is None and noun in _BUSINESS_NOUNS:
                ent = t.recent(pos, "org")
            return (ent, 0.75) if ent else None
        return None

    def _pronoun(self, pos: int, gender: str) -> tuple[_Entity, float] | None:
        ent = self.table.recent(pos, "person", gender=gender)
        if ent is None:
            return None
        if ent.gender is None:
            ent.gender = gender
        return ent, 0.7

    # ---- attribution of direct quotes ---------------------------------------------------------------

    def lead_attr(self, r0: int, r1: int) -> _Attr | None:
        """`X said: "..."` / `X said, "..."` / `According to X, "..."`: cue in the text before a quote."""
        text = self.frame[r0:r1]
        stripped = text.rstrip()
        if not stripped:
            return None
        am = _ACCORDING_RE.search(stripped)
        if am:
            res = self.resolve(am.group("np"), r0 + am.start("np"))
            return _Attr(res[0], res[1], r0 + am.start()) if res else None
        last = None
        for m in _CUE_RE.finditer(stripped):
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
        if last.group() in _INVERTED_CUES and not text[: last.start()].strip(" ,—–-"):
            return None
        st, np = _np_before(stripped[: last.start()])
        if np is None:
            return None
        res = self.resolve(np, r0 + st)
        return _Attr(res[0], res[1], r0 + last.start()) if res else None

    def trail_attr(self, r0: int, r1: int) -> _Attr | None:
        """`"...," X said.` / `"...," said X.`: cue in the text right after a quote."""
        text = self.frame[r0:r1]
        lead = len(text) - len(text.lstrip(" ,—–-"))
        body = text[lead:]
        if not body:
            return None
        m = _CUE_RE.match(body)
        if m:
            if m.group() not in _INVERTED_CUES:
                return None
            np = re.split(
                r"[.;!?]\s|[.;!?]$|\s+(?:on|in|at|during|after|before|as|when|while|adding|saying)\s",
                body[m.end() :] + " ",
                maxsplit=1,
            )[0]
            res = self.resolve(np, r0 + lead + m.end())
            return _Attr(res[0], res[1], r0 + lead) if res else None
        m = _CUE_RE.search(body)
        if (
            m is None
            or len(body[: m.start()].split()) > 14
            or re.search(r"[.;!?](?:\s|$)", body[: m.start()])
        ):
            return None
        st, np = _np_before(body[: m.start()])
        # The subject must start the region ("he said"), or follow an intro ending with a comma.
        if np is None or (st > 0 and "," not in body[:st] and body[:st].strip()):
            return None
        res = self.resolve(np, r0 + lead + st)
        return _Attr(res[0], res[1], r0 + lead + m.start()) if res else None

    def _subject_attr(self, s0: int, s1: int) -> _Attr | None:
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
                j = i
                while j < len(words) and (
                    words[j].group()[:1].isupper()
                    or (
                        j > i
                        and words[j].group() in _PARTICLES
                        and j + 1 < len(words)
                        and words[j + 1].group()[:1].isupper()
                    )
                ):
                    j += 1
                if j == i and i == 1 and len(words) > 1:
                    j = 2
            if j == 0:
                continue
            np_start = st + words[0].start()
            res = self.resolve(text[np_start : st + words[j - 1].end()], s0 + np_start)
            if res:
                return _Attr(res[0], res[1], s0 + st)
        return None

    # ---- main -------------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        quotes = self.scan_marks()
        # The frame: the working text with direct quotes and long embedded quotes masked out.
        fr = list(self.norm)
        for q in quotes:
            if q.direct or q.words >= 4:
                for f in q.frags:
                    for k in range(f.mask_start, f.mask_end):
                        fr[k] = "\x01"
                    if f.end > f.start and self.norm[f.start : f.end].rstrip()[-1:] in _TERMINAL:
                        fr[f.mask_end - 1] = "\x02"
        self.frame = "".join(fr)
        by_block: dict[int, list[_Q]] = {}
        for q in quotes:
            if q.direct or q.words >= 4:
                by_block.setdefault(q.block, []).append(q)
        last_direct: _Out | None = None
        last_direct_block = -2
        registered: set[int] = set()
        carry: dict[int, tuple[_Q | None, _Out | None, _Attr | None]] = {}
        for bi, (b0, b1, para) in enumerate(self.blocks):
            if bi not in registered:
                self.register_names(b0, b1)
            bq = sorted(by_block.get(bi, []), key=lambda q: q.frags[0].mask_start)
            emitted_direct: _Out | None = None
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
                nxt = [x.frags[0].mask_start for x in bq if x.frags[0].mask_start > last.mask_end]
                t1 = min([te, tb1] + nxt[:1])
                trail = self.trail_attr(last.mask_end, t1) if (last.mask_end < t1) else None
                if lead is None and prev_q is None and q.frags[0].mask_start - b0 < 2 and bi > 0:
                    lead = self._colon_intro(bi)
                if (
                    prev_out is not None
                    and prev_q is not None
                    and prev_trail is not None
                    and trail is None
                    and (lead is None or lead.cue_pos == prev_trail.cue_pos)
                    and len(_CUE_RE.findall(self.frame[prev_q.frags[-1].mask_end : q.frags[0].mask_start]))
                    <= 1
                ):
                    prev_out.frags.extend(q.frags)
                    prev_q, prev_trail = q, trail
                    continue
                attr = lead or trail
                conf_scale = 1.0 if q.closed else 0.8
                if attr is None:
                    only_quote = not re.search(rf"{_L}", self.frame[b0:b1].replace("\x01", ""))
                    inherit = None
                    if prev_out is not None:
                        inherit = prev_out
                    elif only_quote and last_direct is not None and last_direct_block == bi - 1:
                        inherit = last_direct
                    if inherit is None:
                        prev_q, prev_trail = q, None
                        continue
                    out = _Out(list(q.frags), inherit.entity, "direct", para, 0.5 * conf_scale)
                else:
                    out = _Out(list(q.frags), attr.entity, "direct", para, attr.confidence * conf_scale)
                self.out.append(out)
                emitted_direct = prev_out = out
                prev_q, prev_trail = q, trail
            if prev_q is not None and prev_q.last_block > bi:
                carry[prev_q.last_block] = (prev_q, prev_out, prev_trail)
            if emitted_direct is not None:
                last_direct = emitted_direct
                last_direct_block = self.block_of(emitted_direct.frags[-1].end)
            self._indirect(b0, b1, para)
        return self._finish()

    def _colon_intro(self, bi: int) -> _Attr | None:
        """A quote paragraph introduced by the end of the previous paragraph (`... X said:`)."""
        pb0, pb1, _ = self.blocks[bi - 1]
        tail = self.frame[pb0:pb1].rstrip()
        if not tail.endswith(":"):
            return None
        s0, _ = self.sentence_bounds(pb0 + len(tail) - 1)
        return self.lead_attr(s0, pb0 + len(tail))

    def _partial(self, q: _Q, para: int) -> None:
        f0, fl = q.frags[0], q.frags[-1]
        s0, s1 = self.sentence_bounds(f0.mask_start)
        attr = None
        before = self.frame[s0 : f0.mask_start]
        cues = [m for m in _PCUE_RE.finditer(before)]
        for m in reversed(cues):
            if m.group() in ("saying", "adding", "calling", "describing"):
                attr = self._subject_attr(s0, s0 + m.start())
            else:
                st, np = _np_before(before[: m.start()])
                res = self.resolve(np, s0 + st) if np else None
                attr = _Attr(res[0], res[1], s0 + m.start()) if res else None
            if attr:
                break
        if attr is None:
            after = self.frame[fl.mask_end : s1]
            for m in _CUE_RE.finditer(after):
                st, np = _np_before(after[: m.start()])
                inner_comma = self.norm[fl.start : fl.end].rstrip().endswith(",")
                if np and ("," in after[:st] or (inner_comma and not after[:st].strip())):
                    res = self.resolve(np, fl.mask_end + st)
                    if res:
                        attr = _Attr(res[0], res[1], fl.mask_end + m.start())
                        break
        if attr is None or q.words < 4:
            return
        self.out.append(_Out(list(q.frags), attr.entity, "partial", para, attr.confidence * 0.95))

    # ---- indirect speech ----------------------------------------------------------------------------

    def _indirect(self, b0: int, b1: int, para: int) -> None:
        fr = self.frame
        for s0, s1 in self.sentences(b0, b1):
            sent = fr[s0:s1]
            if not _ICUE_RE.search(sent) and "saying" not in sent and "adding" not in sent:
                continue
            body_end = len(sent.rstrip().rstrip(".!?…").rstrip())
            part = _PARTICIPLE_RE.search(sent)
            main_end = part.start() if part else body_end
            speaker: _Attr | None = None
            if "\x01" not in sent[:main_end] and "\x02" not in sent[:main_end]:
                speaker = self._indirect_main(s0, sent, main_end, para)
            if part and "\x01" not in sent[part.end() : body_end]:
                c0, c1 = part.end(), body_end
                if speaker is None:
                    speaker = self._speaker_in_sentence(s0, s0 + part.start())
                if (
                    speaker is not None
                    and len(sent[c0:c1].split()) >= 3
                    and not _BAD_CLAUSE_START.match(sent[c0:c1])
                ):
                    self._emit_indirect(s0 + c0, s0 + c1, speaker, para)

    def _indirect_main(self, s0: int, sent: str, main_end: int, para: int) -> _Attr | None:
        cues = list(_ICUE_RE.finditer(sent, 0, main_end))
        if not cues:
            return None
        # Trailing form: CLAUSE, X said (on Monday).
        m = cues[-1]
        tail = sent[m.end() : main_end]
        told_ok = m.group() not in ("told", "tells") or _TOLD_OBJ_RE.match(tail)
        if told_ok and (_TAIL_OK_RE.match(tail) or _TAIL_SUB_RE.match(tail)):
            st, np = _np_before(sent[: m.start()])
            clause_end = None
            pre_np = sent[:st].rstrip()
            if np is not None and pre_np.endswith(","):
                clause_end = len(pre_np) - 1
                res = self.resolve(np, s0 + st)
            elif np is not None and len(pre_np) > 2 and pre_np[-2] == "," and pre_np[-1] in "\"”’»'":
                clause_end = len(pre_np)
                res = self.resolve(np, s0 + st)
            elif sent[: m.start()].rstrip().endswith(",") and m.group() in _INVERTED_CUES:
                clause_end = len(sent[: m.start()].rstrip()) - 1
                np_end = len(tail) - len(re.sub(r"^\s+", "", tail))
                res = self.resolve(tail.strip().rstrip(".!?"), s0 + m.end() + np_end)
            else:
                res = None
            if res and clause_end and len(sent[:clause_end].split()) >= 3:
                attr = _Attr(res[0], res[1], s0 + m.start())
                self._emit_indirect(s0, s0 + clause_end, attr, para)
                return attr
        # Inverted trailing form: CLAUSE, said (role) NAME(, appositive).
        if m.group() in _INVERTED_CUES and sent[: m.start()].rstrip().endswith(","):
            np = tail.split(",", 1)[0].strip().rstrip(".!?")
            words = np.split()
            if words and words[-1][:1].isupper() and len(words) <= 8:
                res = self.resolve(np, s0 + m.end() + (len(tail) - len(tail.lstrip())))
                clause_end = len(sent[: m.start()].rstrip()) - 1
                if res and len(sent[:clause_end].split()) >= 3:
                    attr = _Attr(res[0], res[1], s0 + m.start())
                    self._emit_indirect(s0, s0 + clause_end, attr, para)
                    return attr
        # Leading form: X said (on Monday) (that) CLAUSE.
        m = cues[0]
        st, np = _np_before(sent[: m.start()])
        if np is None or sent[:st].rstrip().endswith(",") and _DIRECT_PRE_CUE_RE.search(sent[:st]):
            return None
        raw_np = sent[: m.start()].rstrip().split()
        if raw_np and raw_np[-1].lower() in ("which", "who", "whom"):
            return None
        pre_np = sent[:st].strip().lower()
        if pre_np.endswith((" which", " who", " that")) or pre_np in ("which", "who", "that"):
            return None
        pos = m.end()
        if m.group() in ("told", "tells"):
            om = _TOLD_OBJ_RE.match(sent, pos, main_end)
            if om is None:
                return None
            pos = om.end()
            if re.match(r"\s+to\b", sent[pos:main_end]):
                return None
        am = _ADV_SEQ_RE.match(sent, pos, main_end)
        if am:
            pos = am.end()
        tm = _THAT_RE.match(sent[pos:main_end])
        if tm:
            pos += tm.end()
        elif (
            m.group() in ("added", "adds")
            or sent[pos : pos + 1] == ":"
            or sent[pos : pos + 2].strip() in (",", "")
        ):
            # "added" needs "that" ("the index added 3 points"); a colon or nothing means a direct quote
            return None
        clause = sent[pos:main_end]
        c0 = pos + len(clause) - len(clause.lstrip())
        c1 = main_end
        while c1 > c0 and sent[c1 - 1] in " .!?…,;":
            c1 -= 1
        text = sent[c0:c1]
        if len(text.split()) < 3 or _BAD_CLAUSE_START.match(text):
            return None
        res = self.resolve(np, s0 + st)
        if not res:
            return None
        attr = _Attr(res[0], res[1], s0 + m.start())
        self._emit_indirect(s0 + c0, s0 + c1, attr, para)
        return attr

    def _speaker_in_sentence(self, s0: int, s1: int) -> _Attr | None:
        for o in reversed(self.out):
            if s0 <= o.frags[0].start < s1 or s0 <= o.frags[-1].end <= s1 + 2:
                return _Attr(o.entity, o.confidence, o.frags[0].start)
            if o.frags[-1].end < s0:
                break
        sub = self._subject_attr(s0, s1)
        return sub

    def _emit_indirect(self, c0: int, c1: int, attr: _Attr, para: int) -> None:
        self.out.append(_Out([_Frag(c0, c1, c0, c1)], attr.entity, "indirect", para, attr.confidence * 0.9))

    # ---- output ---------------------------------------------------------------------------------------

    def _finish(self) -> list[Quote]:
        result: list[Quote] = []
        for o in sorted(self.out, key=lambda o: o.frags[0].start):
            parts = [_clean(self.norm[f.start : f.end]) for f in o.frags]
            text = " ".join(p for p in parts if p)
            if o.kind == "indirect":
                text = text.rstrip(" .,;:")
            if len(_WORD_RE.findall(text)) < 4 and o.kind != "indirect":
                continue
            start, end = o.frags[0].start, o.frags[-1].end
            while start < end and self.md[start].isspace():
                start += 1
            while end > start and self.md[end - 1].isspace():
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


# --------------------------------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------------------------------


def _is_furniture(raw: str) -> bool:
    text = _QUOTE_PREFIX_RE.sub("", raw).strip()
    if not text:
        return True
    if _FURNITURE_RE.match(text) or _ITALIC_BLOCK_RE.match(text):
        return True
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if all(ln.lstrip().startswith("|") for ln in lines):
        return True
    return all(_LINK_ONLY_RE.match(ln) for ln in lines)


def _is_org(toks: list[str]) -> bool:
    """Does a capitalised run name an organization ("Ministry of Energy", "Kremlin"), not a titled person
    ("Interim Police Chief Ed Alvarez")?"""
    if not any(t in _ORG_WORDS for t in toks):
        return len(toks) >= 2 and toks[-1] == "House"
    name_part = _strip_titles(toks)[1]
    if len(name_part) >= 2 and not any(t in _ORG_WORDS for t in name_part):
        return False
    return len(toks) >= 2 or toks[0] in _ONE_WORD_ORGS


def _plausible_single(tok: str) -> bool:
    """Can a lone capitalised word be a speaker? (not an initial, not a long all-caps dateline word)"""
    return len(tok.strip(".")) >= 2 and not (tok.isupper() and len(tok) > 5)


def _possessive(s: str, i: int, end: int) -> bool:
    """A single mark after a plural "s" and before a lower-case word ("the farmers’ market"), with a
    later closing candidate, is an apostrophe."""
    if s[i - 1] != "s" or i + 2 >= end or s[i + 1] != " " or not s[i + 2].islower():
        return False
    return _single_closes(s, i + 1, end, s[i])


def _single_closes(s: str, i: int, end: int, mark: str) -> bool:
    """Is there a plausible closing single mark (followed by a non-letter) after position i?"""
    j = s.find(mark, i, end)
    while j != -1:
        nxt = s[j + 1] if j + 1 < end else " "
        if not s[j - 1].isspace() and not nxt.isalnum():
            return True
        j = s.find(mark, j + 1, end)
    return False


def _np_before(text: str) -> tuple[int, str | None]:
    """The subject phrase right before a cue verb: (offset in text, phrase) or (0, None)."""
    t = text.rstrip()
    pm = re.search(r"\s*\([A-Za-z&.]{1,12}\)$", t)
    if pm:
        t = t[: pm.start()]
    if not t:
        return 0, None
    if t[-1] == ",":
        # Appositives: "Ann Poe, a spokeswoman for the ministry, said" -> the name-headed part.
        parts = t[:-1].split(",")
        offset = len(t) - 1
        for k in range(len(parts) - 1, max(-1, len(parts) - 5), -1):
            offset -= len(parts[k]) + (1 if k < len(parts) - 1 else 0)
            part = parts[k]
            if re.search(r"[;:()\x01\x02—–]", part):
                break
            if _is_subject_part(part):
                pwords = part.split()
                lead = len(part) - len(part.lstrip())
                if len(pwords) > 8:
                    keep = " ".join(pwords[-6:])
                    return offset + part.rfind(keep), keep
                return offset + lead, part.strip()
        return 0, None
    if t[-1] in ",;:—–\x01\x02":
        return 0, None
    cut = max(t.rfind(c) for c in ",;:()\x01\x02—–")
    st = cut + 1
    seg = t[st:]
    words = list(re.finditer(r"\S+", seg))
    while words and (words[0].group().lower() in _LEAD_TRIM or not re.search(r"\w", words[0].group())):
        words.pop(0)
    while words and words[-1].group().lower() in _TRAIL_TRIM:
        words.pop()
    if not words or len(words) > 10:
        if len(words) > 10:
            words = words[-8:]
        else:
            return 0, None
    return st + words[0].start(), seg[words[0].start() : words[-1].end()]


def _is_subject_part(part: str) -> bool:
    """Is this comma-separated part a name-headed subject (not an appositive description)?"""
    words = part.split()
    if not words:
        return False
    first = words[0].lower()
    if first in ("a", "an") or _ROLE_WORD_RE.search(part) and not words[-1][:1].isupper():
        return False
    if first == "the":
        return len(words) > 1 and all(w[:1].isupper() or w in _PARTICLES for w in words[1:])
    return (
        words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.lower() in _ROLE_NOUNS for w in words if w[:1].islower())
    )


def _clean(s: str) -> str:
    s = _LINK_RE.sub(r"\1", s)
    s = _EMPH_RE.sub("", s)
    return _WS_RE.sub(" ", s).strip()


def parse_quotes(markdown: str) -> list[Quote]:
    """Extract the quotes of an article body in Markdown, in reading order, with speakers resolved."""
    if not markdown or not markdown.strip():
        return []
    return _Extractor(markdown).run()
