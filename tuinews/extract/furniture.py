"""Line classifiers for plain-text page dumps: which lines are page furniture, and of what kind.

Kinds: `ad`, `listen`, `button`, `byline`, `readtime`, `timestamp`, `caption` (a credited photo caption),
`disclaimer`, `credit` (a wire trailer), `agency`, `promo`, `related` / `related_block` ("Also Read"
lists). Breadcrumbs are parsed here too.

- **Section** (`section_from_crumbs`): the last breadcrumb after dropping "Home" and the headline, except
  that a geographic sub-region (a fixed list of continents, regions and large countries: `Asia`, `Middle
  East`, `UK` …) yields its parent crumb, repeatedly, while the parent is a real section and not a
  generic "News" (`Home / World News / Asia` -> `World News`; `World / Asia / India` -> `World`;
  `Home / News / UK` -> `UK`). A generic last crumb ("News") also yields its parent
  (`Home / Economy / News` -> `Economy`).
"""

from __future__ import annotations

import re

from tuinews.extract.agencies import find_agency_credit, is_photo_credit, normalize_agency, parse_agency_line
from tuinews.extract.bylines import byline_agency, parse_byline
from tuinews.extract.leads import parse_dateline_lead
from tuinews.extract.timestamps import is_timestamp_line, parse_read_time


def _wordset(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string (keeps long vocabularies compact)."""
    return frozenset(word for word in text.split(sep) if word)


# ------------------------------------------------------------------------------------- line classifiers

_AD = re.compile(
    r"^[-–—\s\[(]*(?:advertisement|advertisment|advert|ad|ads|sponsored(?: content)?|ad content|promoted"
    r"|(?:story|article) continues below(?: this)?(?: advertisement| ad)?|continue reading below"
    r"|(?:advertisement\s*[-–—:]?\s*)?scroll to continue(?: with content)?|end|ends)[-–—\s\])]*$",
    re.I,
)
_LISTEN = re.compile(
    r"^(?:listen|listen to (?:this|the) (?:article|story|report|news)|audio)\b"
    r"[\s\d:.|·-]*(?:min(?:ute)?s?)?\s*$",
    re.I,
)
_BUTTON_WORDS = _wordset(
    "share shares save saved print comment comments email e-mail whatsapp facebook twitter x "
    "linkedin reddit telegram copy link bookmark follow gift a- a+ a font text size reply like "
    "tweet pinterest subscribe more close menu search zoom"
)
_BUTTON_PHRASES = _wordset(
    "share this article|share this story|share via|copy link|link copied|gift this article|"
    "gift article|save article|save story|follow us|follow us on google news|sign in|log in|"
    "subscribe now|read in app|open in app|text size|font size|add comment|post comment|"
    "view comments|print this page|share on facebook|share on twitter|share on whatsapp",
    "|",
)
_PROMO = re.compile(
    r"^(?:catch all the|get all the latest|download the .{1,40}\bapp\b|click here (?:to|for)|follow us on"
    r"|subscribe to (?:our|the)|sign up (?:for|to)|read the full (?:story|article)|join our"
    r"|for more news|stay updated|topics\s*:|tags\s*:|also watch\b|watch video\b|first published in\b"
    r"|this (?:article|story) (?:first )?appeared (?:in|on)\b|copyright\b|©|\(c\)\s*\d{4}"
    r"|read about our approach to external link)",
    re.I,
)
_DISCLAIMER = re.compile(
    r"syndicated feed|auto-?generated|reworked by|not been edited by|views expressed|^\(?\s*disclaimer\b",
    re.I,
)
_RELATED = re.compile(
    r"^(?:also read|read also|also see|see also|read more|more to read"
    r"|related(?: stories| news| articles| coverage| content| reading| topics| links)?"
    r"|recommended(?: stories| for you)?|you may also like|you might also like"
    r"|must read|trending(?: now| stories| news)?|more from [\w .&'-]{2,40}|more stories|top stories"
    r"|latest news|in other news|don't miss|more on this(?: story| topic)?)"
    r"(?!\w)\s*[:|\-–—»]?\s*(?P<rest>.*)$",
    re.I,
)
BY_LINE = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+\S", re.I)
_ROLE_LINE = re.compile(
    r"^[A-Z][\w ,&'’-]{0,60}\b(?:correspondents?|editors?|reporters?|writers?|columnists?|analysts?"
    r"|contributors?|staff|bureau|desk|team)$",
    re.I,
)
TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$")
LIST_ITEM = re.compile(r"^(?:[-*•·▪]\s|\d{1,2}[.)]\s)")
_FUNCTION_WORDS = _wordset(
    "a an the of to in on at for from with by and or but nor that which who whom whose as is are "
    "was were be been being has have had will would could should can may might must said says its "
    "their his her our this these those than into about after before over under between per not "
    "also if while when where because since"
)
#: First crumbs that mean the front page (English, German, French, Spanish, Italian, Russian).
HOME_CRUMBS = _wordset(
    "home|homepage|home page|main|start|front page|index|startseite|accueil|inicio|portada|"
    "главная|главная страница",
    "|",
)
_GENERIC_CRUMBS = _wordset(
    "news|latest|latest news|top stories|all news|stories|articles|nachrichten|actualités|noticias|"
    "notizie|новости",
    "|",
)
_REGION_CRUMBS = _wordset(
    "asia|europe|africa|americas|america|north america|south america|latin america|middle east|"
    "mideast|west asia|south asia|east asia|southeast asia|central asia|asia pacific|asia-pacific|"
    "apac|emea|mena|oceania|pacific|caribbean|gulf|balkans|nordics|scandinavia|eu|uk|us|u.s.|usa|"
    "united states|britain|india|pakistan|bangladesh|sri lanka|nepal|china|japan|korea|russia|"
    "ukraine|germany|france|italy|spain|canada|mexico|brazil|australia|new zealand|israel|iran|"
    "turkey|egypt|nigeria|kenya|south africa|netherlands|belgium|poland|sweden|norway|denmark|"
    "finland|ireland|scotland|wales|england|portugal|greece|austria|switzerland|hungary|romania|"
    "czech republic|argentina|chile|colombia|peru|indonesia|malaysia|philippines|thailand|vietnam|"
    "singapore|taiwan|saudi arabia|uae|qatar|ethiopia|ghana|deutschland|österreich|schweiz|frankreich|"
    "europa|asien|afrika|amerika|россия|европа|азия|northeast|north-east|north east|northwest|"
    "north-west|southeast|south-east|southwest|south-west|midwest|west coast|east coast|"
    "andhra pradesh|assam|bihar|chhattisgarh|delhi|goa|gujarat|haryana|himachal pradesh|jharkhand|"
    "karnataka|kerala|madhya pradesh|maharashtra|odisha|punjab|rajasthan|tamil nadu|telangana|"
    "uttar pradesh|uttarakhand|west bengal|jammu and kashmir",
    "|",
)
_CRUMB_SEP = re.compile(r"\s+[/>|]\s+|\s*[›»]\s*")
_OUTLET_PATTERNS = [
    re.compile(
        r"(?i:reworked by|edited by)\s+(?:the\s+)?(?P<o>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
        r"\s+(?i:staff|team|desk)"
    ),
    re.compile(
        r"(?:©|\(c\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
        r"(?P<o>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
    ),
    re.compile(
        r"(?i:first published in|this (?:article|story) (?:first )?appeared (?:in|on))\s+"
        r"(?:the\s+)?(?P<o>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
    ),
]

#: Kinds that may extend the header zone after the headline.
HEADER_KINDS = {"byline", "agency", "readtime", "timestamp", "listen", "button", "ad", "caption"}
#: Kinds that, right after an uncredited line inside the header, make that line a photo caption.
CAPTION_NEIGHBOURS = {"byline", "agency", "readtime", "timestamp", "listen", "caption"}


def squash(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _is_buttons(line: str) -> bool:
    low = " ".join(line.lower().split())
    if low in _BUTTON_PHRASES:
        return True
    tokens = [t for t in re.split(r"[\s|·•/]+", low) if t]
    return (
        0 < len(tokens) <= 6
        and all(t in _BUTTON_WORDS or t.isdigit() for t in tokens)
        and any(not t.isdigit() for t in tokens)
    )


def _is_byline(line: str) -> bool:
    words = len(line.split())
    if BY_LINE.match(line) and words <= 25:
        return bool(parse_byline(line) or byline_agency(line))
    # "Jane Roe | Reuters": a name with an agency, no "By".
    return (
        words <= 10
        and bool(re.search(r"[|•·,]", line))
        and bool(byline_agency(line))
        and bool(parse_byline(line))
    )


def classify_line(line: str) -> str | None:
    """The furniture kind of one line, or None for article text."""
    words = len(line.split())
    if _AD.match(line):
        return "ad"
    if _LISTEN.match(line):
        return "listen"
    if words <= 8 and _is_buttons(line):
        return "button"
    if _is_byline(line):
        return "byline"
    if words <= 6 and _ROLE_LINE.match(line):
        return "byline"  # the role line under a byline: "Scotland correspondents"
    if words <= 12 and parse_read_time(line) is not None:
        return "readtime"
    if is_timestamp_line(line):
        return "timestamp"
    if words <= 80 and is_photo_credit(line):
        return "caption"
    if words <= 60 and _DISCLAIMER.search(line):
        return "disclaimer"
    if words <= 16 and find_agency_credit(line):
        return "credit"
    if words <= 12 and parse_agency_line(line):
        return "agency"
    if words <= 40 and _PROMO.match(line):
        return "promo"
    related = _RELATED.match(line)
    if related and words <= 25:
        rest = related.group("rest").strip()
        if not rest:
            return "related_block"
        if not TERMINAL.search(rest) or words <= 15:
            return "related"
    return None


def parse_breadcrumb(line: str) -> list[str] | None:
    """The crumbs of a one-line breadcrumb (`Home / World News / Asia`), None when the line is not one."""
    if len(line) > 200 or BY_LINE.match(line) or is_timestamp_line(line) or parse_agency_line(line):
        return None
    parts = [p.strip() for p in _CRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    if any(len(p.split()) > 5 for p in parts[:-1]):
        return None
    if not all(p[0].isupper() or p[0].isdigit() for p in parts):
        return None
    if parts[0].lower() not in HOME_CRUMBS and len(parts[-1].split()) > 5:
        return None
    return parts


def section_from_crumbs(crumbs: list[str], title: str | None) -> str | None:
    """The last meaningful breadcrumb (see the module docstring for the sub-region rule)."""
    squashed_title = squash(title)
    kept = []
    for crumb in crumbs:
        low = squash(crumb)
        stem = low.rstrip(".… ")
        if low in HOME_CRUMBS or len(crumb.split()) > 8:
            continue
        if squashed_title and (low == squashed_title or (len(stem) > 12 and squashed_title.startswith(stem))):
            continue
        kept.append(crumb)
    if not kept:
        return None
    while len(kept) >= 2 and (
        squash(kept[-1]) in _GENERIC_CRUMBS
        or (squash(kept[-1]) in _REGION_CRUMBS and squash(kept[-2]) not in _GENERIC_CRUMBS)
    ):
        kept.pop()
    return kept[-1]


def headline_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 20
        and not re.search(r"[.;,:][\"'”’)]*$", line)
        and not line[0].islower()
        and parse_dateline_lead(line) == (None, None)
    )


def should_join(prev: str, nxt: str) -> bool:
    if TERMINAL.search(prev) or LIST_ITEM.match(nxt):
        return False
    if nxt[0].islower() or nxt[0] in ",;:)]…":
        return True
    last = prev.split()[-1].lower().strip("\"'“”‘’(")
    if prev.endswith((",", "-", "—", "–", "(")) or last in _FUNCTION_WORDS:
        return True
    return len(prev.split()) >= 10


def outlet_from_line(line: str) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        match = pattern.search(line)
        if match:
            name = re.sub(r"\s+(?:All|Ltd|Inc|Limited)\.?$", "", match.group("o")).strip(" .,'’")
            if name.lower() not in {"all", "the", "this", "our"} and not normalize_agency(name):
                return name or None
    return None
