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

from tuinews.extract.agencies import is_photo_credit
from tuinews.extract.dumplayout import (
    SLOT_KINDS,
    FurnitureNotes,
    blocks_mode,
    consume_related,
    continues_after_slot,
    link_run,
    page_top,
    scan_header,
)
from tuinews.extract.furniture import (
    LIST_ITEM,
    TERMINAL,
    classify_line,
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


def parse_textdump(text: str) -> tuple[PageMeta, str, list[str], list[str]]:
    """(meta, body Markdown, furniture lines in order, photo captions) for a plain-text page dump."""
    lines = _clean_lines(text)
    idx = [i for i, line in enumerate(lines) if line.strip()]
    meta = PageMeta()
    found = FurnitureNotes()
    furniture: list[str] = []
    captions: list[str] = []
    crumbs: list[str] | None = None

    # 1. Breadcrumb and anything page-like above the headline.
    pos, crumbs = page_top(lines, idx, furniture, captions, found)

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
    last_meta, unclassified = scan_header(lines, idx, pos) if meta.title else (pos - 1, [])
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
    blocks = blocks_mode(lines, start)
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
            k = consume_related(lines, k + 1, furniture)
            previous_blank = True
            continue
        if body_kind:
            furniture.append(line)
            found.note(body_kind, line)
            if body_kind == "caption":
                captions.append(line)
            previous_blank = True
            after_slot = after_slot or body_kind in SLOT_KINDS
            k += 1
            continue
        run_end = link_run(lines, k)
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
                or (after_slot and continues_after_slot(paragraphs[-1], text_line))
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
