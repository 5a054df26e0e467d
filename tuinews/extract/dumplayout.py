"""The layout of a page dump: what sits above the headline, the header zone, joins across ad slots,
link lists. Helpers for `tuinews.extract.textdump.parse_textdump` (see its docstring for the rules)."""

from __future__ import annotations

import re

from tuinews.extract.agencies import find_agency_credit, parse_agency_line
from tuinews.extract.bylines import byline_agency, parse_byline
from tuinews.extract.furniture import (
    CAPTION_NEIGHBOURS,
    HEADER_KINDS,
    HOME_CRUMBS,
    LIST_ITEM,
    TERMINAL,
    classify_line,
    headline_like,
    outlet_from_line,
    parse_breadcrumb,
    squash,
)
from tuinews.extract.leads import parse_dateline_lead


class FurnitureNotes:
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
            self.outlet = self.outlet or outlet_from_line(line)


def scan_header(lines: list[str], idx: list[int], pos: int) -> tuple[int, list[int]]:
    """(position in idx of the last header furniture line or pos-1, unclassified header positions)."""
    last_meta = pos - 1
    seen_meta = False
    unclassified: list[int] = []
    pending: list[int] = []
    for k in range(pos, min(len(idx), pos + 14)):
        line = lines[idx[k]].strip()
        kind = classify_line(line)
        if kind in HEADER_KINDS:
            seen_meta = True
            last_meta = k
            unclassified.extend(pending)
            pending = []
            continue
        if kind is not None:
            break  # footer-type furniture (disclaimer, related links): the header is over
        words = len(line.split())
        if parse_dateline_lead(line) != (None, None):
            if pending and not seen_meta:  # the dek sits right above the dateline lead
                unclassified.extend(pending)
                last_meta = pending[-1]
            return last_meta, unclassified
        if words > 60:
            break
        if seen_meta:
            nxt = lines[idx[k + 1]].strip() if k + 1 < len(idx) else ""
            if words <= 35 and TERMINAL.search(line) and nxt and classify_line(nxt) in CAPTION_NEIGHBOURS:
                pending.append(k)
                continue
            break
        if len(pending) >= 3:
            break
        pending.append(k)
    if not seen_meta and pending:
        first = lines[idx[pending[0]]].strip()
        if 6 <= len(first.split()) <= 40 and not TERMINAL.search(first) and pending[0] + 1 < len(idx):
            return pending[0], [pending[0]]  # an unpunctuated standfirst: no paragraph ends that way
    return last_meta, [k for k in unclassified if k <= last_meta]


def blocks_mode(lines: list[str], start: int) -> bool:
    """True when the body's paragraphs are separated by blank lines (so lines in a block are wraps)."""
    text_lines = [i for i in range(start, len(lines)) if lines[i].strip()]
    if len(text_lines) < 3:
        return False
    adjacent = sum(1 for a, b in zip(text_lines, text_lines[1:], strict=False) if b == a + 1)
    return adjacent / (len(text_lines) - 1) < 0.4


def consume_related(lines: list[str], k: int, furniture: list[str]) -> int:
    """Skip the link headlines under an "Also Read" marker; returns the index after them."""
    count = 0
    while k < len(lines) and count < 12:
        line = lines[k].strip()
        if not line:
            nxt = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
            if count and (
                nxt is None or not headline_like(lines[nxt].strip()) or len(lines[nxt].split()) > 15
            ):
                break
            k += 1
            continue
        kind = classify_line(line)
        if kind in ("ad", "button", "readtime", "timestamp", "caption"):
            furniture.append(line)
            k += 1
            continue
        if kind == "related_block":
            count = 0  # the next list ("Related Topics" after "More on this story") starts afresh
            furniture.append(line)
            k += 1
            continue
        if not headline_like(line):
            break
        furniture.append(line)
        count += 1
        k += 1
    return k


#: Furniture that may sit above the headline.
_TOP_KINDS = {"ad", "button", "listen", "promo", "timestamp", "readtime", "byline", "agency", "caption"}
#: Furniture that sits in an ad slot or a picture slot inside a sentence.
SLOT_KINDS = {"ad", "button", "caption", "listen", "promo"}
#: Words that start a new sentence more often than they continue one (for joins across ad slots).
_SENTENCE_STARTERS = frozenset(
    re.split(
        r"\s+",
        "a an the it he she they we i you his her its their our this that these those there here when "
        "while after before as if but and in on at for with from by some many most all one two three",
    )
)


def continues_after_slot(prev: str, nxt: str) -> bool:
    """`Rescue teams reached` / Advertisement / `Korowai Ridge late on Sunday.`: a sentence cut by an ad
    slot before a proper noun. The part before the slot has no end punctuation and the part after does
    not open with a usual sentence starter."""
    if TERMINAL.search(prev) or LIST_ITEM.match(nxt) or len(prev.split()) < 3:
        return False
    first = nxt.split()[0].strip("\"'“‘(").lower()
    return first not in _SENTENCE_STARTERS and not headline_like(nxt)


def link_run(lines: list[str], k: int) -> int | None:
    """End of a run of three or more link headlines without a marker line (a related-stories list)."""
    count, j, end = 0, k, k
    while j < len(lines):
        line = lines[j].strip()
        if not line:
            j += 1
            continue
        if not (headline_like(line) and 4 <= len(line.split()) <= 16) or classify_line(line):
            break
        count += 1
        j += 1
        end = j
    return end if count >= 3 else None


def _crumb_lines(lines: list[str], idx: list[int]) -> int:
    """How many lines at the top form a breadcrumb printed one crumb a line (`Home` / `World` / `Europe`)."""
    if not idx or squash(lines[idx[0]]) not in HOME_CRUMBS:
        return 0
    count = 1
    while count < min(len(idx) - 1, 6):
        line = lines[idx[count]].strip()
        if line in ("/", ">", "›", "»", "|"):
            count += 1
            continue
        if len(line.split()) > 3 or TERMINAL.search(line) or not line[0].isupper() or classify_line(line):
            break
        count += 1
    return count


def page_top(
    lines: list[str], idx: list[int], furniture: list[str], captions: list[str], found: FurnitureNotes
) -> tuple[int, list[str] | None]:
    """(position of the headline, breadcrumbs): crumbs (one line, one crumb a line, or a section kicker
    such as `Politics` above the headline) and furniture printed above the headline."""
    crumbs: list[str] | None = None
    pos = _crumb_lines(lines, idx)
    if pos:
        crumbs = [lines[idx[k]].strip() for k in range(pos) if lines[idx[k]].strip() not in "/>›»|"]
        furniture.extend(lines[idx[k]].strip() for k in range(pos))
    while pos < len(idx):
        line = lines[idx[pos]].strip()
        if crumbs is None and pos < 3:
            parsed = parse_breadcrumb(line)
            if parsed:
                crumbs = parsed
                furniture.append(line)
                pos += 1
                continue
        kind = classify_line(line)
        if kind in (
            "ad",
            "button",
            "listen",
            "promo",
            "timestamp",
            "readtime",
            "byline",
            "agency",
            "caption",
        ):
            furniture.append(line)
            found.note(kind, line)
            if kind == "caption":
                captions.append(line)
            pos += 1
            continue
        if crumbs is None and kind is None and pos + 1 < len(idx) and _is_kicker(line, lines[idx[pos + 1]]):
            crumbs = [line]
            furniture.append(line)
            pos += 1
            continue
        break
    return pos, crumbs


def _is_kicker(line: str, nxt: str) -> bool:
    """A section label of one to three capitalised words printed above a longer headline."""
    words = line.split()
    return (
        1 <= len(words) <= 3
        and all(w[0].isupper() or w == "&" for w in words)
        and not TERMINAL.search(line)
        and headline_like(nxt.strip())
        and len(nxt.split()) >= 4
    )
