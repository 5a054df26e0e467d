"""The dateline panel's fields: where, when, by whom, from which wire service (EXTRACTION-SPEC "Dateline").

Pure functions over text. `build_dateline` combines structured metadata (first) with page furniture
(the lines a parser removed from the body: bylines, agency lines, timestamps, read times) and the body
itself (dateline lead, reporting trailer, word count). The patterns live in small modules:
`agencies` (wire services, agency lines, photo credits), `places`, `leads` (the opening dateline),
`bylines` (names and trailers), `timestamps` (dates, times, read time) and `timezones` (the zone rules).
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from tuinews.extract.agencies import (
    AGENCIES,
    find_agency_credit,
    is_photo_credit,
    normalize_agency,
    parse_agency_line,
)
from tuinews.extract.bylines import (
    byline_agency,
    parse_byline,
    parse_reporting_trailer,
    parse_signoff,
    plain_name,
)
from tuinews.extract.leads import parse_dateline_lead, standalone_place
from tuinews.extract.places import title_place
from tuinews.extract.pubday import choose_published
from tuinews.extract.timestamps import (
    embedded_stamp,
    is_timestamp_line,
    parse_read_time,
    parse_timestamp,
    strip_timestamp_label,
    timestamp_fields,
)
from tuinews.extract.timezones import country_hint
from tuinews.models import Dateline, PageMeta

__all__ = [
    "AGENCIES",
    "build_dateline",
    "byline_agency",
    "count_words",
    "find_agency_credit",
    "is_photo_credit",
    "is_timestamp_line",
    "normalize_agency",
    "parse_agency_line",
    "parse_byline",
    "parse_dateline_lead",
    "parse_read_time",
    "parse_reporting_trailer",
    "parse_timestamp",
    "read_minutes_for",
    "strip_timestamp_label",
    "timestamp_fields",
    "title_place",
]

WORDS_PER_MINUTE = 230
_BY_LINE = re.compile(r"^\s*(?:(?:written\s+)?by\s*:?|von|par|por|(?:text|texte|текст|автор)\s*:)\s+\S", re.I)


# ------------------------------------------------------------------------------------------- word count


def count_words(markdown: str) -> int:
    """Words of article text in Markdown (syntax, image and link targets, URLs and HTML tags ignored)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", " ", text, flags=re.M)
    text = re.sub(r"<(?:https?|mailto):[^>]*>", " ", text)
    text = re.sub(r"\b(?:https?://|www\.)\S+", " ", text)
    text = re.sub(r"</?[A-Za-z][^>]*>", " ", text)
    return len(re.findall(r"[^\W_]+(?:['’.\-][^\W_]+)*", text))


def read_minutes_for(word_count: int) -> int:
    """Estimated reading time at about 230 words a minute, at least 1."""
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


# ------------------------------------------------------------------------------------------------ builder


def _paragraphs(markdown: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", markdown or "") if p.strip()]


def _squash(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _is_furniture_paragraph(para: str) -> bool:
    """A short body paragraph that is really page furniture (a parser left it in): a timestamp, a read
    time, an agency line or a byline."""
    text = para.strip("*_ ")
    words = len(text.split())
    if words > 30:
        return False
    return bool(
        (words <= 12 and parse_read_time(text) is not None)
        or timestamp_fields(text)
        or (words <= 12 and parse_agency_line(text))
        or (_BY_LINE.match(text) and parse_byline(text))
    )


def _edge_furniture(paragraphs: list[str]) -> list[str]:
    """Furniture paragraphs among the first five of the body."""
    return [p.strip("*_ ") for p in paragraphs[:5] if _is_furniture_paragraph(p)]


def _lead_paragraph(paragraphs: list[str]) -> str | None:
    for para in paragraphs[:6]:
        if para.startswith(("#", "![", "|")) or (_BY_LINE.match(para) and len(para) < 160):
            continue
        if _is_furniture_paragraph(para):
            continue
        return para
    return None


def _timestamps(
    structured: str | None, found: list[tuple[str | None, str | None]], country: str | None
) -> tuple[str | None, str | None]:
    """(iso, raw): structured data first; then the first furniture timestamp that resolves."""
    candidates: list[tuple[str | None, str | None]] = []
    if structured and structured.strip():
        iso, _ = parse_timestamp(structured, country=country)
        candidates.append((iso, structured.strip()))
    candidates.extend(found)
    for iso, raw in candidates:
        if iso:
            return iso, raw
    for _, raw in candidates:
        if raw:
            return None, raw
    return None, None


def build_dateline(
    meta: PageMeta, body_markdown: str, furniture: list[str], *, fetched_at: datetime | None = None
) -> Dateline:
    """The dateline for an article: structured metadata first, then furniture lines, then the body."""
    dateline = Dateline(outlet=meta.outlet, section=meta.section, language=meta.language)
    country = country_hint(meta.language, meta.url)
    skip = {_squash(meta.title), _squash(meta.dek)} - {""}
    lines = [
        line.strip()
        for line in furniture
        if line and line.strip() and _squash(line) not in skip and not is_photo_credit(line)
    ]
    paragraphs = _paragraphs(body_markdown)
    lead = _lead_paragraph(paragraphs)
    edge = [line for line in _edge_furniture(paragraphs) if _squash(line) not in {_squash(x) for x in lines}]
    lines.extend(edge)

    # Place and agency.
    lead_place, lead_agency = parse_dateline_lead(lead) if lead else (None, None)
    line_agency, line_place = None, None
    for line in lines:
        agency_line = parse_agency_line(line)
        if agency_line:
            line_agency, line_place = agency_line
            break
    dateline.place = lead_place or line_place
    if dateline.place is None and lead and len(paragraphs) > 1 and lead is paragraphs[0]:
        dateline.place = standalone_place(lead)  # "KOCHI" on a line of its own, the story below it
    by_lines = [line for line in lines if _BY_LINE.match(line) and len(line) < 200]
    if paragraphs and _BY_LINE.match(paragraphs[0]) and len(paragraphs[0]) < 200:
        by_lines.append(paragraphs[0])
    byline_credit = next((a for a in (byline_agency(t) for t in [*meta.byline, *by_lines]) if a), None)
    tail = "\n".join(paragraphs[-3:])
    dateline.agency = (
        normalize_agency(meta.agency)
        or lead_agency
        or line_agency
        or byline_credit
        or find_agency_credit("\n".join(lines))
        or find_agency_credit(tail)
    )

    # Byline.
    names: list[str] = []
    for entry in meta.byline:
        for name in parse_byline(entry):
            if name not in names:
                names.append(name)
    for line in by_lines:
        if names:
            break
        names = parse_byline(line)
    if not names:
        names = parse_reporting_trailer(body_markdown)
    if not names:  # an author element holding only the name (no "By"): its line is the byline
        names = next((n for n in (plain_name(line) for line in lines if len(line) < 80) if n), [])
    if not names and (meta.language or "").startswith("ko"):
        names = parse_signoff(body_markdown)
    dateline.byline = names

    # Timestamps.
    found: dict[str, list[tuple[str | None, str | None]]] = {"published": [], "updated": []}
    embedded: list[tuple[str | None, str | None]] = []
    for line in lines:
        fields = timestamp_fields(line)
        for kind, text in fields:
            found[kind].append(parse_timestamp(text, country=country, now=fetched_at))
        if not fields:
            stamp = embedded_stamp(line, country=country)
            if stamp[1]:
                embedded.append(stamp)
    chosen = choose_published(meta.published, found["published"], embedded, country=country)
    dateline.published, dateline.published_raw = chosen.iso, chosen.raw
    dateline.published_day = chosen.day
    dateline.updated, dateline.updated_raw = _timestamps(meta.updated, found["updated"], country)

    # Length.
    dateline.word_count = max(0, count_words(body_markdown) - sum(count_words(line) for line in edge))
    stated = next((m for m in (parse_read_time(line) for line in lines) if m), None)
    dateline.read_minutes = stated or read_minutes_for(dateline.word_count)
    return dateline
