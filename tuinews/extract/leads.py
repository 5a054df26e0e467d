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
_LEAD_AGENCY = re.compile(r"^\s*(?P<pre>[^()\n]{0,80}?)\s*\((?P<ag>[^()\n]{2,45})\)\s*(?:--?|[—–]|:|\.-)")
_LEAD_DASH = re.compile(r"^\s*(?P<pre>[^()\n—–:]{2,80}?)\s*(?:--|[—–]|\s-)\s+\S")
_LEAD_COLON = re.compile(r"^\s*(?P<pre>[A-Z][A-Z .,'’/-]{1,40}?)\s*:\s+\S")
_NOT_DATELINE = _words(
    "UPDATE|UPDATED|BREAKING|EXCLUSIVE|ANALYSIS|WATCH|OPINION|EDITORIAL|NOTE|EDITOR'S NOTE|"
    "CORRECTION|LIVE|VIDEO|PHOTOS|FACTBOX|EXPLAINER",
    "|",
)


def _split_date(pre: str) -> tuple[str, bool]:
    """(place part, whether a date followed it)."""
    stripped = _DATE_TAIL.sub("", pre).strip().rstrip(",").strip()
    return stripped, stripped != pre.strip().rstrip(",").strip()


def parse_dateline_lead(paragraph: str) -> tuple[str | None, str | None]:
    """(place, agency) from an opening dateline.

    `KYIV, Nov 18 (Reuters) -` -> ("Kyiv", "Reuters"); `MANCHESTER, England (AFP) --` ->
    ("Manchester, England", "AFP"); `MANCHESTER, England —` -> ("Manchester, England", None);
    `New Delhi, Nov 19 (PTI):` -> ("New Delhi", "PTI"); `(Reuters) - …` -> (None, "Reuters").
    Without an agency the place must be in capitals, or carry a region or a date.
    """
    text = paragraph.lstrip(" \t*_>")
    match = _LEAD_AGENCY.match(text)
    if match:
        agency = normalize_agency(match.group("ag"))
        if agency:
            place, _ = _split_date(match.group("pre"))
            if not place:
                return None, agency
            if looks_like_place(place):
                return title_place(place), agency
            return None, agency  # "(Reuters) -" opening the story credits the wire even without a place
    match = _LEAD_DASH.match(text)
    if match:
        place, dated = _split_date(match.group("pre"))
        first = place.split(",")[0].strip()
        letters = re.sub(r"[^A-Za-z]", "", first)
        capitals = len(letters) >= 2 and letters.isupper()
        plausible = capitals or dated or "," in place
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
