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
- **Section** (`meta.section`): see `tuinews.extract.furniture.section_from_crumbs`.
- **Paragraphs.** A line that does not end in terminal punctuation is joined to the next text line when
  that line starts lower-case (or with `,;:)`), when it ends in a comma, dash or function word, or when
  it is 10 words or longer (a sentence cut by an ad slot; subheadings are shorter). When most lines of
  the dump are separated by blank lines, lines inside one block are joined unconditionally (hard wraps).
"""

from __future__ import annotations

import re

from tuinews.extract.agencies import find_agency_credit, is_photo_credit, parse_agency_line
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
    section_from_crumbs,
    should_join,
    squash,
)
from tuinews.extract.leads import parse_dateline_lead
from tuinews.models import PageMeta

__all__ = ["looks_like_textdump", "parse_textdump", "section_from_crumbs"]

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
        if index < 3 and parse_breadcrumb(line):
            signals.add("breadcrumb")
        kind = classify_line(line)
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
            self.outlet = self.outlet or outlet_from_line(line)


def _scan_header(lines: list[str], idx: list[int], pos: int) -> tuple[int, list[int]]:
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
_SLOT_KINDS = {"ad", "button", "caption", "listen", "promo"}
#: Words that start a new sentence more often than they continue one (for joins across ad slots).
_SENTENCE_STARTERS = frozenset(
    re.split(
        r"\s+",
        "a an the it he she they we i you his her its their our this that these those there here when "
        "while after before as if but and in on at for with from by some many most all one two three",
    )
)


def _continues_after_slot(prev: str, nxt: str) -> bool:
    """`Rescue teams reached` / Advertisement / `Korowai Ridge late on Sunday.`: a sentence cut by an ad
    slot before a proper noun. The part before the slot has no end punctuation and the part after does
    not open with a usual sentence starter."""
    if TERMINAL.search(prev) or LIST_ITEM.match(nxt) or len(prev.split()) < 3:
        return False
    first = nxt.split()[0].strip("\"'“‘(").lower()
    return first not in _SENTENCE_STARTERS and not headline_like(nxt)


def _link_run(lines: list[str], k: int) -> int | None:
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


def _page_top(
    lines: list[str], idx: list[int], furniture: list[str], captions: list[str], found: _Meta
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
    pos, crumbs = _page_top(lines, idx, furniture, captions, found)

    # 2. The headline and its repeats.
    if pos < len(idx):
        line = " ".join(lines[idx[pos]].split())
        words = len(line.split())
        short = words <= 20 or (words <= 30 and not TERMINAL.search(line.rstrip("?!")))
        if short and parse_dateline_lead(line) == (None, None):
            meta.title = line
            furniture.append(lines[idx[pos]].strip())
            pos += 1
            while pos < len(idx) and squash(lines[idx[pos]]) == squash(meta.title):
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
        kind = classify_line(line) or "other"
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
    after_slot = False
    k = start
    while k < len(lines):
        line = lines[k].strip()
        if not line:
            previous_blank = True
            k += 1
            continue
        squashed = squash(line)
        body_kind = classify_line(line)
        if squashed in (squash(meta.title), squash(meta.dek)) and squashed:
            body_kind = "repeat"
        if body_kind == "related_block":
            furniture.append(line)
            k = _consume_related(lines, k + 1, furniture)
            previous_blank = True
            continue
        if body_kind:
            furniture.append(line)
            found.note(body_kind, line)
            if body_kind == "caption":
                captions.append(line)
            previous_blank = True
            after_slot = after_slot or body_kind in _SLOT_KINDS
            k += 1
            continue
        run_end = _link_run(lines, k)
        if run_end is not None:
            furniture.extend(lines[j].strip() for j in range(k, run_end) if lines[j].strip())
            k = run_end
            previous_blank = True
            continue
        text_line = " ".join(line.split())
        if (
            paragraphs
            and parse_dateline_lead(text_line) == (None, None)
            and (
                (blocks and not previous_blank and not LIST_ITEM.match(text_line))
                or should_join(paragraphs[-1], text_line)
                or (after_slot and _continues_after_slot(paragraphs[-1], text_line))
            )
        ):
            paragraphs[-1] += " " + text_line
        else:
            paragraphs.append(text_line)
        previous_blank = False
        after_slot = False
        k += 1

    meta.section = section_from_crumbs(crumbs, meta.title) if crumbs else None
    meta.byline = found.byline
    meta.agency = found.agency
    meta.outlet = found.outlet
    body = "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
    return meta, body, furniture, captions
