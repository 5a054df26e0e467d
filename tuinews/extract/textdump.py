"""Plain-text page dumps: a whole news page selected in a browser and copied as text.

A dump holds the article and the page around it: breadcrumb, headline (often twice), dek, photo
captions, agency line, read time, timestamps, "Listen to This Article", share buttons, ad slots,
"Also Read" link lists and disclaimers. `parse_textdump` keeps only the article paragraphs as Markdown
and hands every removed line back as furniture, in order, for the dateline builder.

Rules worth knowing:

- **Header zone.** After the headline (and its repeats), the lines up to the last header furniture line
  (byline, agency line, read time, timestamp, listen/share buttons, ad, credited caption) are header.
  In it, the first unclassified line is the dek and further ones are photo captions. At most three
  unclassified lines may precede the first furniture line; after it, an unclassified line is a caption
  only if it is a short finished sentence (35 words or fewer, terminal punctuation) and the next line is
  a byline, agency line, read time, timestamp, listen button or credited caption.
- **Section** (`meta.section`): the last breadcrumb after dropping "Home" and the headline, except that
  a geographic sub-region (a fixed list of continents, regions and large countries: `Asia`, `Middle
  East`, `UK` …) yields its parent crumb, repeatedly, while the parent is a real section and not a
  generic "News" (`Home / World News / Asia` -> `World News`; `World / Asia / India` -> `World`;
  `Home / News / UK` -> `UK`). A generic last crumb ("News") also yields its parent
  (`Home / Economy / News` -> `Economy`).
- **Paragraphs.** A line that does not end in terminal punctuation is joined to the next text line when
  that line starts lower-case (or with `,;:)`), when it ends in a comma, dash or function word, or when
  it is 10 words or longer (a sentence cut by an ad slot; subheadings are shorter). When most lines of
  the dump are separated by blank lines, lines inside one block are joined unconditionally (hard wraps).
"""

from __future__ import annotations

import re

from tuinews.extract.dateline import (
    byline_agency,
    find_agency_credit,
    is_photo_credit,
    is_timestamp_line,
    parse_agency_line,
    parse_byline,
    parse_dateline_lead,
    parse_read_time,
)
from tuinews.models import PageMeta


def _wordset(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string (keeps long vocabularies compact)."""
    return frozenset(word for word in text.split(sep) if word)


# ------------------------------------------------------------------------------------- line classifiers

_AD = re.compile(
    r"^[-–—\s\[(]*(?:advertisement|advertisment|advert|ad|ads|sponsored(?: content)?|ad content|promoted"
    r"|(?:story|article) continues below(?: this)?(?: advertisement| ad)?|continue reading below"
    r"|(?:advertisement\s*[-–—:]?\s*)?scroll to continue(?: with content)?)[-–—\s\])]*$",
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
_BY_LINE = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+\S", re.I)
_ROLE_LINE = re.compile(
    r"^[A-Z][\w ,&'’-]{0,60}\b(?:correspondents?|editors?|reporters?|writers?|columnists?|analysts?"
    r"|contributors?|staff|bureau|desk|team)$",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-*•·▪]\s|\d{1,2}[.)]\s)")
_FUNCTION_WORDS = _wordset(
    "a an the of to in on at for from with by and or but nor that which who whom whose as is are "
    "was were be been being has have had will would could should can may might must said says its "
    "their his her our this these those than into about after before over under between per not "
    "also if while when where because since"
)
_HOME_CRUMBS = {"home", "homepage", "home page", "main", "start", "front page", "index"}
_GENERIC_CRUMBS = {"news", "latest", "latest news", "top stories", "all news", "stories", "articles"}
_REGION_CRUMBS = _wordset(
    "asia|europe|africa|americas|america|north america|south america|latin america|middle east|"
    "mideast|west asia|south asia|east asia|southeast asia|central asia|asia pacific|asia-pacific|"
    "apac|emea|mena|oceania|pacific|caribbean|gulf|balkans|nordics|scandinavia|eu|uk|us|u.s.|usa|"
    "united states|britain|india|pakistan|bangladesh|sri lanka|nepal|china|japan|korea|russia|"
    "ukraine|germany|france|italy|spain|canada|mexico|brazil|australia|new zealand|israel|iran|"
    "turkey|egypt|nigeria|kenya|south africa",
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
_HEADER_KINDS = {"byline", "agency", "readtime", "timestamp", "listen", "button", "ad", "caption"}
#: Kinds that, right after an uncredited line inside the header, make that line a photo caption.
_CAPTION_NEIGHBOURS = {"byline", "agency", "readtime", "timestamp", "listen", "caption"}


def _squash(text: str | None) -> str:
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
    if _BY_LINE.match(line) and words <= 25:
        return bool(parse_byline(line) or byline_agency(line))
    # "Jane Roe | Reuters": a name with an agency, no "By".
    return (
        words <= 10
        and bool(re.search(r"[|•·,]", line))
        and bool(byline_agency(line))
        and bool(parse_byline(line))
    )


def _classify(line: str) -> str | None:
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
        if not _TERMINAL.search(rest) or words <= 15:
            return "related"
    return None


def _breadcrumb(line: str) -> list[str] | None:
    if len(line) > 200 or is_timestamp_line(line) or parse_agency_line(line):
        return None
    parts = [p.strip() for p in _CRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    if any(len(p.split()) > 5 for p in parts[:-1]):
        return None
    if not all(p[0].isupper() or p[0].isdigit() for p in parts):
        return None
    if parts[0].lower() not in _HOME_CRUMBS and len(parts[-1].split()) > 5:
        return None
    return parts


def section_from_crumbs(crumbs: list[str], title: str | None) -> str | None:
    """The last meaningful breadcrumb (see the module docstring for the sub-region rule)."""
    squashed_title = _squash(title)
    kept = []
    for crumb in crumbs:
        low = _squash(crumb)
        stem = low.rstrip(".… ")
        if low in _HOME_CRUMBS or len(crumb.split()) > 8:
            continue
        if squashed_title and (low == squashed_title or (len(stem) > 12 and squashed_title.startswith(stem))):
            continue
        kept.append(crumb)
    if not kept:
        return None
    while len(kept) >= 2 and (
        _squash(kept[-1]) in _GENERIC_CRUMBS
        or (_squash(kept[-1]) in _REGION_CRUMBS and _squash(kept[-2]) not in _GENERIC_CRUMBS)
    ):
        kept.pop()
    return kept[-1]


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 20
        and not re.search(r"[.;,:][\"'”’)]*$", line)
        and not line[0].islower()
        and parse_dateline_lead(line) == (None, None)
    )


def _should_join(prev: str, nxt: str) -> bool:
    if _TERMINAL.search(prev) or _LIST_ITEM.match(nxt):
        return False
    if nxt[0].islower() or nxt[0] in ",;:)]…":
        return True
    last = prev.split()[-1].lower().strip("\"'“”‘’(")
    if prev.endswith((",", "-", "—", "–", "(")) or last in _FUNCTION_WORDS:
        return True
    return len(prev.split()) >= 10


def _outlet(line: str) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        match = pattern.search(line)
        if match:
            name = re.sub(r"\s+(?:All|Ltd|Inc|Limited)\.?$", "", match.group("o")).strip(" .,'’")
            if name.lower() not in {"all", "the", "this", "our"}:
                return name or None
    return None


# ---------------------------------------------------------------------------------------------- parsing


def _clean_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    return [line.rstrip() for line in text.split("\n")]


def looks_like_textdump(text: str) -> bool:
    """True when text looks like a copied web page (breadcrumb, read time, timestamps, buttons …)
    rather than plain prose or Markdown."""
    lines = [line.strip() for line in _clean_lines(text) if line.strip()][:120]
    if not lines:
        return False
    signals: set[str] = set()
    for index, line in enumerate(lines):
        if index < 3 and _breadcrumb(line):
            signals.add("breadcrumb")
        kind = _classify(line)
        if kind:
            signals.add(kind)
    weights = {
        "breadcrumb": 2,
        "readtime": 2,
        "timestamp": 2,
        "listen": 2,
        "disclaimer": 2,
        "agency": 2,
        "related_block": 1,
        "related": 1,
        "ad": 1,
        "button": 1,
        "byline": 1,
        "caption": 1,
        "credit": 1,
        "promo": 1,
    }
    score = sum(weights.get(s, 0) for s in signals)
    markdown = sum(
        1
        for line in lines
        if line.startswith(("#", "```", "> ", "* ", "**")) or re.search(r"\]\([^)]+\)", line)
    )
    if markdown >= 2 or lines[0] == "---":
        score -= 3
    return score >= 3


class _Meta:
    """Mutable collector for what furniture lines say about the page."""

    def __init__(self) -> None:
        self.byline: list[str] = []
        self.agency: str | None = None
        self.outlet: str | None = None

    def note(self, kind: str, line: str) -> None:
        if kind == "byline":
            if not self.byline:
                self.byline = parse_byline(line)
            self.agency = self.agency or byline_agency(line)
        elif kind == "agency":
            found = parse_agency_line(line)
            if found:
                self.agency = self.agency or found[0]
        elif kind == "credit":
            self.agency = self.agency or find_agency_credit(line)
        if kind in ("disclaimer", "promo", "credit"):
            self.outlet = self.outlet or _outlet(line)


def _scan_header(lines: list[str], idx: list[int], pos: int) -> tuple[int, list[int]]:
    """(position in idx of the last header furniture line or pos-1, unclassified header positions)."""
    last_meta = pos - 1
    seen_meta = False
    unclassified: list[int] = []
    pending: list[int] = []
    for k in range(pos, min(len(idx), pos + 14)):
        line = lines[idx[k]].strip()
        kind = _classify(line)
        if kind in _HEADER_KINDS:
            seen_meta = True
            last_meta = k
            unclassified.extend(pending)
            pending = []
            continue
        if kind is not None:
            break  # footer-type furniture (disclaimer, related links): the header is over
        words = len(line.split())
        if words > 60 or parse_dateline_lead(line) != (None, None):
            break
        if seen_meta:
            nxt = lines[idx[k + 1]].strip() if k + 1 < len(idx) else ""
            if words <= 35 and _TERMINAL.search(line) and nxt and _classify(nxt) in _CAPTION_NEIGHBOURS:
                pending.append(k)
                continue
            break
        if len(pending) >= 3:
            break
        pending.append(k)
    return last_meta, [k for k in unclassified if k <= last_meta]


def _blocks_mode(lines: list[str], start: int) -> bool:
    """True when the body's paragraphs are separated by blank lines (so lines in a block are wraps)."""
    text_lines = [i for i in range(start, len(lines)) if lines[i].strip()]
    if len(text_lines) < 3:
        return False
    adjacent = sum(1 for a, b in zip(text_lines, text_lines[1:], strict=False) if b == a + 1)
    return adjacent / (len(text_lines) - 1) < 0.4


def _consume_related(lines: list[str], k: int, furniture: list[str]) -> int:
    """Skip the link headlines under an "Also Read" marker; returns the index after them."""
    count = 0
    while k < len(lines) and count < 12:
        line = lines[k].strip()
        if not line:
            nxt = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
            if count and (
                nxt is None or not _headline_like(lines[nxt].strip()) or len(lines[nxt].split()) > 15
            ):
                break
            k += 1
            continue
        kind = _classify(line)
        if kind in ("ad", "button", "readtime", "timestamp", "caption"):
            furniture.append(line)
            k += 1
            continue
        if kind == "related_block":
            count = 0  # the next list ("Related Topics" after "More on this story") starts afresh
            furniture.append(line)
            k += 1
            continue
        if not _headline_like(line):
            break
        furniture.append(line)
        count += 1
        k += 1
    return k


def parse_textdump(text: str) -> tuple[PageMeta, str, list[str], list[str]]:
    """(meta, body Markdown, furniture lines in order, photo captions) for a plain-text page dump."""
    lines = _clean_lines(text)
    idx = [i for i, line in enumerate(lines) if line.strip()]
    meta = PageMeta()
    found = _Meta()
    furniture: list[str] = []
    captions: list[str] = []
    crumbs: list[str] | None = None

    # 1. Breadcrumb and anything page-like above the headline.
    pos = 0
    while pos < len(idx):
        line = lines[idx[pos]].strip()
        if crumbs is None and pos < 3:
            parsed = _breadcrumb(line)
            if parsed:
                crumbs = parsed
                furniture.append(line)
                pos += 1
                continue
        kind = _classify(line)
        if kind in ("ad", "button", "listen", "promo", "timestamp", "readtime"):
            furniture.append(line)
            found.note(kind, line)
            pos += 1
            continue
        break

    # 2. The headline and its repeats.
    if pos < len(idx):
        line = " ".join(lines[idx[pos]].split())
        words = len(line.split())
        if words <= 20 or (words <= 30 and not _TERMINAL.search(line.rstrip("?!"))):
            meta.title = line
            furniture.append(lines[idx[pos]].strip())
            pos += 1
            while pos < len(idx) and _squash(lines[idx[pos]]) == _squash(meta.title):
                furniture.append(lines[idx[pos]].strip())
                pos += 1

    # 3. The header zone: dek, captions, byline, agency line, read time, timestamps.
    last_meta, unclassified = _scan_header(lines, idx, pos) if meta.title else (pos - 1, [])
    for k in range(pos, last_meta + 1):
        line = lines[idx[k]].strip()
        if k in unclassified:
            if meta.dek is None and k == unclassified[0] and not is_photo_credit(line):
                meta.dek = " ".join(line.split())
            else:
                captions.append(line)
            furniture.append(line)
            continue
        kind = _classify(line) or "other"
        furniture.append(line)
        found.note(kind, line)
        if kind == "caption":
            captions.append(line)
    first_body = idx[pos] if pos < len(idx) else len(lines)
    start = idx[last_meta] + 1 if last_meta >= pos else first_body

    # 4. The body: paragraphs, with furniture removed and cut sentences joined.
    blocks = _blocks_mode(lines, start)
    paragraphs: list[str] = []
    previous_blank = True
    k = start
    while k < len(lines):
        line = lines[k].strip()
        if not line:
            previous_blank = True
            k += 1
            continue
        squashed = _squash(line)
        kind = _classify(line)
        if squashed in (_squash(meta.title), _squash(meta.dek)) and squashed:
            kind = "repeat"
        if kind == "related_block":
            furniture.append(line)
            k = _consume_related(lines, k + 1, furniture)
            previous_blank = True
            continue
        if kind:
            furniture.append(line)
            found.note(kind, line)
            if kind == "caption":
                captions.append(line)
            previous_blank = True
            k += 1
            continue
        text_line = " ".join(line.split())
        if paragraphs and (
            (blocks and not previous_blank and not _LIST_ITEM.match(text_line))
            or _should_join(paragraphs[-1], text_line)
        ):
            paragraphs[-1] += " " + text_line
        else:
            paragraphs.append(text_line)
        previous_blank = False
        k += 1

    meta.section = section_from_crumbs(crumbs, meta.title) if crumbs else None
    meta.byline = found.byline
    meta.agency = found.agency
    meta.outlet = found.outlet
    body = "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
    return meta, body, furniture, captions
