"""The dateline lead that opens a story: `KYIV, Nov 18 (Reuters) -`, `WASHINGTON (AP) —`, `NEW DELHI:`."""

from __future__ import annotations

import re

from tuinews.extract.agencies import normalize_agency
from tuinews.extract.places import looks_like_place, title_place
from tuinews.extract.timestamps import MON_ANY, WEEKDAY


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(word for word in text.split(sep) if word)


_DATE_TAIL = re.compile(
    rf",?\s*(?:{WEEKDAY.pattern}\s*)?(?:{MON_ANY}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{MON_ANY})(?:,?\s*\d{{4}})?\s*$",
    re.I,
)
_LEAD_AGENCY = re.compile(
    r"^\s*(?P<pre>[^()\n]{0,80}?)\s*\((?P<ag>[^()\n]{2,45})\)\s*(?P<end>--?|[—–]|:|\.-|\.?(?=\s+[^\W\d_]|\s*[\"“«]))"
)
_LEAD_CREDIT_FIRST = re.compile(
    r"^\s*\((?P<ag>[^()\n]{2,45})\)\s*(?:--?|[—–])\s*(?P<pre>[^-—–\n]{2,60}?)\s*(?:--?|[—–])\s"
)
_LEAD_SLASH_AGENCY = re.compile(r"^\s*(?P<pre>[^/\n]{2,60}?)\.?\s*/(?P<ag>[^/\n]{2,30})/\.?\s")
_LEAD_DOTTED = re.compile(
    rf"^\s*(?P<pre>[^\W\d_][^\n.]{{0,40}}?,\s*\d{{1,2}}\s+{MON_ANY})\.?\s+[-—–]?\s*\S", re.I
)
#: ANI: `Dhemaji (Assam) [India], July 8 (ANI):` (the state in parentheses, the country in brackets).
_LEAD_BRACKETED = re.compile(
    r"^\s*(?P<place>[^\W\d_][^()\[\]\n,]{1,40}?)\s*(?P<region>\([^()\n]{2,30}\))?\s*\[[^\]\n]{2,30}\]\s*,"
    r"\s*[^()\n]{2,30}?\s*\((?P<ag>[^()\n]{2,30})\)"
)
_LEAD_DASH = re.compile(r"^\s*(?P<pre>[^()\n—–:]{2,80}?)\s*(?:--|[—–]|\s-)\s+(?P<next>\S)")
_LEAD_COLON = re.compile(r"^\s*(?P<pre>[A-Z][A-Z .,'’/-]{1,40}?)\s*:\s+\S")
#: Words that start sentences but never a dateline (`But Mr Roe — who …`), for mixed-case leads.
_SENTENCE_STARTERS = _words(
    "a an the but and or so yet he she it they we i you his her its their our this that these those "
    "there here when while after before as if mr mrs ms dr sir lord officials police residents critics"
)
_NOT_DATELINE = _words(
    "UPDATE|UPDATED|BREAKING|EXCLUSIVE|ANALYSIS|WATCH|OPINION|EDITORIAL|NOTE|EDITOR'S NOTE|"
    "CORRECTION|LIVE|VIDEO|PHOTOS|FACTBOX|EXPLAINER",
    "|",
)


def _split_date(pre: str) -> tuple[str, bool]:
    """(place part, whether a date followed it)."""
    stripped = _DATE_TAIL.sub("", pre).strip().rstrip(",").strip()
    return stripped, stripped != pre.strip().rstrip(",").strip()


def _capitals(place: str) -> bool:
    letters = re.sub(r"[^\w]|[\d_]", "", place.split(",")[0])
    return len(letters) >= 2 and letters.isupper()


def _with_agency(pre: str, agency_text: str, *, bare: bool = False) -> tuple[str | None, str | None] | None:
    """(place, agency) when agency_text names a wire; `bare` (no dash or colon after the credit, as in
    `Chennai, Feb 2 (IANS) Left-arm …`) asks for a dated or capitalised place."""
    agency = normalize_agency(agency_text)
    if not agency:
        return None
    place, dated = _split_date(pre)
    if bare and not (place and (dated or _capitals(place))):
        return None
    if place and looks_like_place(place):
        return title_place(place), agency
    return None, agency  # "(Reuters) -" opening the story credits the wire even without a place


def _mixed_case_place(place: str, following: str) -> bool:
    """`Washington — The Senate …`: a short title-case place before a dash and a new sentence."""
    words = place.split()
    return (
        1 <= len(words) <= 3
        and "," not in place
        and words[0].lower() not in _SENTENCE_STARTERS
        and following[:1].isupper()
    )


def parse_dateline_lead(paragraph: str) -> tuple[str | None, str | None]:
    """(place, agency) from an opening dateline.

    `KYIV, Nov 18 (Reuters) -` -> ("Kyiv", "Reuters"); `MANCHESTER, England (AFP) --` ->
    ("Manchester, England", "AFP"); `MANCHESTER, England —` -> ("Manchester, England", None);
    `New Delhi, Nov 19 (PTI):` -> ("New Delhi", "PTI"); `(Reuters) - …` -> (None, "Reuters");
    `Chennai, Feb 2 (IANS) Left-arm …` -> ("Chennai", "IANS"); `(ANSA) - ROMA, 19 NOV -` -> ("Roma",
    "ANSA"); `ЯКУТСК, 3 ноября. /ТАСС/.` -> ("Якутск", "TASS"); `Washington — The Senate …` ->
    ("Washington", None); `Dhemaji (Assam) [India], July 8 (ANI):` -> ("Dhemaji (Assam)", "ANI").
    Without an agency the place must be in capitals, carry a region or a date, or
    be a short title-case name followed by a dash and a capitalised sentence.
    """
    text = paragraph.lstrip(" \t*_>")
    match = _LEAD_BRACKETED.match(text)
    if match and normalize_agency(match.group("ag")) and looks_like_place(match.group("place")):
        place = title_place(match.group("place"))
        if match.group("region"):
            place += " " + title_place(match.group("region"))
        return place, normalize_agency(match.group("ag"))
    for pattern in (_LEAD_CREDIT_FIRST, _LEAD_SLASH_AGENCY, _LEAD_AGENCY):
        match = pattern.match(text)
        if match:
            bare = pattern is _LEAD_AGENCY and match.group("end") in ("", ".")
            found = _with_agency(match.group("pre"), match.group("ag"), bare=bare)
            if found:
                return found
    match = _LEAD_DOTTED.match(text)
    if match:
        place, _ = _split_date(match.group("pre"))
        if place and _capitals(place) and looks_like_place(place) and place.upper() not in _NOT_DATELINE:
            return title_place(place), None
    match = _LEAD_DASH.match(text)
    if match:
        place, dated = _split_date(match.group("pre"))
        first = place.split(",")[0].strip()
        plausible = _capitals(place) or dated or "," in place or _mixed_case_place(place, match.group("next"))
        if place and plausible and looks_like_place(place) and first.upper() not in _NOT_DATELINE:
            return title_place(place), None
    match = _LEAD_COLON.match(text)
    if match:
        place, _ = _split_date(match.group("pre"))
        first = place.split(",")[0].strip()
        if (
            place
            and first.isupper()
            and first.upper() not in _NOT_DATELINE
            and len(first.split()) <= 4
            and looks_like_place(place)
        ):
            return title_place(place), None
    return None, None


def standalone_place(paragraph: str) -> str | None:
    """A dateline printed on a line of its own above the story (`KOCHI`, `ST. JOHN'S`): one to three words
    in capitals that read as a place. The title-cased place, else None."""
    text = paragraph.strip(" \t*_")
    words = text.split()
    if not 1 <= len(words) <= 3 or "\n" in text or not _capitals(text) or len(text) < 3:
        return None
    if text.upper() in _NOT_DATELINE or not looks_like_place(text):
        return None
    return title_place(text)
