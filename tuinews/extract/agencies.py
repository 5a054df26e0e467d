"""Wire services: the table of agencies and their spellings, agency lines, trailer credits, photo credits."""

from __future__ import annotations

import re

from tuinews.extract.places import looks_like_place, title_place
from tuinews.extract.timestamps import timestamp_fields

#: Short form -> spellings (lower case, without a leading "the").
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters", "thomson reuters", "reuters news", "reuters news agency"),
    "AP": ("ap", "associated press", "ap news", "associated press news"),
    "AFP": ("afp", "agence france-presse", "agence france presse", "france-presse", "france presse"),
    "PTI": ("pti", "press trust of india"),
    "ANI": ("ani", "asian news international"),
    "IANS": ("ians", "indo-asian news service", "indo asian news service"),
    "CP": ("cp", "canadian press", "la presse canadienne"),
    "dpa": ("dpa", "deutsche presse-agentur", "deutsche presse agentur"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "Xinhua": ("xinhua", "xinhua news agency"),
    "Kyodo": ("kyodo", "kyodo news"),
    "Yonhap": ("yonhap", "yonhap news agency"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "UNI": ("uni", "united news of india"),
    "TASS": ("tass", "тасс", "итар-тасс", "itar-tass"),
    "Interfax": ("interfax", "интерфакс"),
}
_ALIASES = {alias: short for short, aliases in AGENCIES.items() for alias in aliases}
STRIP = " \t.,;:|()[]{}-–—\"'“”‘’"


def lookup_agency(text: str) -> str | None:
    cleaned = " ".join(text.split()).strip(STRIP)
    low = re.sub(r"^the\s+", "", cleaned.lower())
    low = re.sub(r"\s+(?:staff|wire|newswire|news wire|news service)$", "", low)
    short = _ALIASES.get(low)
    if short is None:
        return None
    # Bare acronyms only in capitals ("AP", "PTI"; "dpa" as the agency prints it): "Ani" is a name.
    if len(cleaned) <= 4 and cleaned != cleaned.upper() and low != "dpa":
        return None
    return short


def normalize_agency(text: str | None) -> str | None:
    """The short form of a wire service name (`Press Trust of India` -> `PTI`), None when it is not one.

    A joint credit (`Reuters/AFP`, `AP and AFP`) gives the first agency named.
    """
    if not text or len(text) > 80:
        return None
    short = lookup_agency(text)
    if short:
        return short
    for part in re.split(r"\s*(?:/|,|&|\+|\band\b|\bwith\b)\s*", text):
        short = lookup_agency(part)
        if short:
            return short
    return None


_PHOTO_CREDIT = re.compile(
    r"\b(?:photo|photos|photograph|image|images|picture|pic|illustration|graphic|video|courtesy)"
    r"(?:\s+credits?)?\s*:"
    r"|\b(?:AP|AFP|Reuters|PTI|ANI|IANS|EPA|Bloomberg|Xinhua)\s+Photo\b"
    r"|\b(?:REUTERS|AFP|EPA|AP|ANI|PTI)\s*/\s*[A-Z]"
    r"|\bGetty Images\b|\bShutterstock\b|\bAlamy\b"
    r"|\((?:file|representative|representational|[A-Za-z]+)\s+(?:photo|image|picture|pic)s?\)"
    r"|^\s*(?:representational|representative|file)\s+(?:image|photo|picture)\b",
    re.IGNORECASE,
)


def is_photo_credit(line: str) -> bool:
    """True when a line carries a photo credit (`(Photo: Reuters)`, `REUTERS/Jane Roe`, `AP Photo`)."""
    return bool(_PHOTO_CREDIT.search(line))


def parse_agency_line(line: str) -> tuple[str, str | None] | None:
    """(agency, place) of an agency line: `Press Trust of India  New Delhi`, `Reuters | Kyiv`, `AFP`."""
    text = line.strip()
    if not text or len(text) > 90:
        return None
    match = re.match(r"^(.+?)(?:\s{2,}|\t+|\s*[|•·]\s*|,\s+|\s+[-–—]\s+)(.+)$", text)
    if match:
        agency = normalize_agency(match.group(1))
        place = match.group(2).strip()
        if agency and lookup_agency(match.group(1)) and looks_like_place(place):
            return agency, title_place(place)
        if agency and lookup_agency(match.group(1)) and timestamp_fields(place):
            return agency, None  # "ANI | Updated: Jul 08, 2025 19:32 IST"
    agency = lookup_agency(text)
    if agency:
        return agency, None
    # "PTI New Delhi": a spelling of the agency, one space, a short place.
    low = text.lower()
    for alias in sorted(_ALIASES, key=len, reverse=True):
        if low.startswith(alias + " ") and lookup_agency(text[: len(alias)]):
            rest = text[len(alias) :].strip()
            if len(rest.split()) <= 3 and "," not in rest and looks_like_place(rest):
                return _ALIASES[alias], title_place(rest)
    return None


_CREDIT_PATTERNS = [
    re.compile(r"^\s*(?:--?|[—–―])\s*(?P<ag>[^—–\n]{2,40}?)\s*$"),
    re.compile(r"^\s*This\s+(?:report|story|article)\s+by\s+(?P<ag>.+?)\s+was\s+first\s+published", re.I),
    re.compile(
        r"\(?\s*(?:[—–-]\s*)?with\s+(?:agency\s+)?(?:inputs?|files|additional\s+reporting)\s+from\s+"
        r"(?P<ag>[^()\n]+?)\s*\)?\.?\s*$",
        re.I,
    ),
    re.compile(r"^\s*\((?P<ag>[A-Za-z .-]{2,40})\)\s*$"),
]


def find_agency_credit(text: str) -> str | None:
    """A wire credit in a trailer line (`— The Canadian Press`, `(With inputs from PTI)`), short form."""
    for line in text.splitlines():
        for pattern in _CREDIT_PATTERNS:
            match = pattern.search(line)
            if match:
                agency = normalize_agency(match.group("ag"))
                if agency:
                    return agency
    return None
