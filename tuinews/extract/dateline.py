"""The dateline panel's fields: where, when, by whom, from which wire service (EXTRACTION-SPEC "Dateline").

Pure functions over text. `build_dateline` combines structured metadata (first) with page furniture
(the lines a parser removed from the body: bylines, agency lines, timestamps, read times) and the body
itself (dateline lead, reporting trailer, word count).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal

from tuinews.extract.timezones import ABBREVIATIONS, country_hint, offset_zone, resolve_zone
from tuinews.models import Dateline, PageMeta

WORDS_PER_MINUTE = 230


def _wordset(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string (keeps long vocabularies compact)."""
    return frozenset(word for word in text.split(sep) if word)


# --------------------------------------------------------------------------------------------- agencies

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
}
_ALIASES = {alias: short for short, aliases in AGENCIES.items() for alias in aliases}
_STRIP = " \t.,;:|()[]{}-–—\"'“”‘’"


def _lookup_agency(text: str) -> str | None:
    cleaned = " ".join(text.split()).strip(_STRIP)
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
    short = _lookup_agency(text)
    if short:
        return short
    for part in re.split(r"\s*(?:/|,|&|\+|\band\b|\bwith\b)\s*", text):
        short = _lookup_agency(part)
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


_PLACE_PARTICLES = _wordset(
    "of the de del della di da do dos das du des la le les es el al au aux am an upon on sur y en"
)
_NOT_PLACE = _wordset(
    "photo photos images image staff news video updated published reporter correspondent bureau "
    "desk inputs report reports said says"
)


def _looks_like_place(text: str, *, max_parts: int = 3) -> bool:
    parts = [p.strip() for p in text.strip().split(",")]
    if not 1 <= len(parts) <= max_parts or len(text) > 60:
        return False
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 5:
            return False
        for i, word in enumerate(words):
            if word.lower().strip(".") in _NOT_PLACE:
                return False
            if i and word.lower() in _PLACE_PARTICLES:
                continue
            if not (word[0].isupper() and re.fullmatch(r"[^\W\d_][\w.'’/-]*", word)):
                return False
    return True


def title_place(text: str) -> str:
    """Title-case the all-capital words of a place (`ST. PAUL, Minn.` -> `St. Paul, Minn.`)."""
    out = []
    for index, part in enumerate(text.split(",")):

        def fix(match: re.Match[str], first_part: bool = index == 0) -> str:
            word = match.group(0)
            if not word.isupper() or len(word) == 1:
                return word
            if len(word) == 2 and not first_part:
                return word  # a state or country code: "DC", "NY", "UK"
            if match.start() > 0 and word.lower() in _PLACE_PARTICLES:
                return word.lower()
            return word[0] + word[1:].lower()

        out.append(re.sub(r"[^\W\d_]+", fix, part.strip()))
    return ", ".join(out)


def parse_agency_line(line: str) -> tuple[str, str | None] | None:
    """(agency, place) of an agency line: `Press Trust of India  New Delhi`, `Reuters | Kyiv`, `AFP`."""
    text = line.strip()
    if not text or len(text) > 90:
        return None
    match = re.match(r"^(.+?)(?:\s{2,}|\t+|\s*[|•·]\s*|,\s+)(.+)$", text)
    if match:
        agency = normalize_agency(match.group(1))
        place = match.group(2).strip()
        if agency and _lookup_agency(match.group(1)) and _looks_like_place(place):
            return agency, title_place(place)
    agency = _lookup_agency(text)
    if agency:
        return agency, None
    # "PTI New Delhi": a spelling of the agency, one space, a short place.
    low = text.lower()
    for alias in sorted(_ALIASES, key=len, reverse=True):
        if low.startswith(alias + " ") and _lookup_agency(text[: len(alias)]):
            rest = text[len(alias) :].strip()
            if len(rest.split()) <= 3 and "," not in rest and _looks_like_place(rest):
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


# ------------------------------------------------------------------------------------------- timestamps

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_MDY = re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>\d{{4}})\b", re.I)
_DATE_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(?P<y>\d{{4}})\b", re.I)
_DATE_YMD = re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DATE_NUM = re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})\b")
_MON_ANY = _MON.replace("?P<mon>", "?:")
_DATE_PARTIAL = re.compile(rf"\b{_MON_ANY}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MON_ANY}(?![\w])", re.I)
_TIME = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d)(?:\.\d+)?)?"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"|(?<![\d:.])(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap])\.?\s?m\b\.?",
    re.I,
)
_ISO_DT = re.compile(
    r"\b(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})(?![\w:])"
)
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*(?P<s>[+\-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?!\d)")
_NUM_OFFSET = re.compile(r"(?<![\w:])(?P<s>[+\-−])(?P<h>\d{2}):?(?P<m>\d{2})(?!\d)")
_ABBR = re.compile(r"(?<![A-Za-z])(" + "|".join(ABBREVIATIONS) + r")(?![A-Za-z])")
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|an?|one)\s*(?P<u>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)"
    r"\s+ago\b|\bjust now\b",
    re.I,
)
_LABEL_WORDS = r"(?:last\s+|first\s+)?(?:updated|published|modified|posted|edited|created)(?:\s+(?:on|at))?"
_LABEL = re.compile(rf"^\s*(?:{_LABEL_WORDS}|date|time)\s*[:\-–—|]*\s*", re.I)
_LABEL_ANY = re.compile(rf"(?<![\w])(?P<label>{_LABEL_WORDS})\b\s*[:\-–—]*\s*", re.I)
_WEEKDAY = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?", re.I
)


def _find_date(text: str, country: str | None) -> tuple[tuple[int, int, int] | None, tuple[int, int] | None]:
    """((year, month, day), span) of the first full date in text."""
    for pattern in (_DATE_MDY, _DATE_DMY):
        match = pattern.search(text)
        if match:
            month = _MONTHS[match.group("mon")[:3].lower()]
            return (int(match.group("y")), month, int(match.group("d"))), match.span()
    match = _DATE_YMD.search(text)
    if match:
        return (int(match.group("y")), int(match.group("m")), int(match.group("d"))), match.span()
    match = _DATE_NUM.search(text)
    if match:
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
        if a > 12 >= b:
            return (year, b, a), match.span()
        if b > 12 >= a:
            return (year, a, b), match.span()
        if country:  # 05/06/2024: month first only in the US
            return ((year, a, b) if country.upper() == "US" else (year, b, a)), match.span()
    return None, None


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _find_time(text: str) -> tuple[tuple[int, int, int] | None, tuple[int, int] | None]:
    match = _TIME.search(text)
    if not match:
        return None, None
    if match.group("h") is not None:
        hour, minute, second = int(match.group("h")), int(match.group("m")), int(match.group("s") or 0)
        ampm = match.group("ap")
    else:
        hour, minute, second, ampm = int(match.group("h2")), 0, 0, match.group("ap2")
    if ampm:
        if hour > 12 or hour == 0:
            return None, None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return (hour, minute, second), match.span()


def _find_zone(text: str, local: datetime, country: str | None) -> tzinfo | None:
    match = _GMT_OFFSET.search(text) or _NUM_OFFSET.search(text)
    if match:
        return offset_zone(match.group("s"), match.group("h"), match.group("m"))
    match = _ABBR.search(text)
    if match:
        return resolve_zone(match.group(1), local, country=country)
    return None


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def strip_timestamp_label(text: str) -> str:
    """The timestamp text without its label (`Last Updated : Nov 19 …` -> `Nov 19 …`)."""
    return " ".join(_LABEL.sub("", text, count=1).split())


def parse_timestamp(
    text: str, *, country: str | None = None, now: datetime | None = None
) -> tuple[str | None, str | None]:
    """(ISO 8601 with the source's offset or None, the timestamp text as printed) for one timestamp.

    Resolved only with a full date, a time and a zone (`Nov 19 2024 | 10:47 AM IST`,
    `2024-11-19T05:17:00Z`), or a relative time (`3 hours ago`) when `now` is given. The raw text is
    returned (label removed) whenever the text holds a date, a time or a relative time, else None.
    `country` (ISO 3166 code) settles ambiguous zones (see `tuinews.extract.timezones`).
    """
    if not text or not text.strip():
        return None, None
    raw = strip_timestamp_label(text)
    iso = _ISO_DT.search(raw)
    if iso:
        zone = iso.group("zone").replace("Z", "+00:00")
        if len(zone) == 5:
            zone = zone[:3] + ":" + zone[3:]
        try:
            return _iso(datetime.fromisoformat(f"{iso.group('date')}T{iso.group('time')}{zone}")), raw
        except ValueError:
            return None, raw
    relative = _RELATIVE.search(raw)
    if relative:
        if now is None:
            return None, raw
        return _iso(_relative(now, relative)), raw
    date, span = _find_date(raw, country)
    if date is None:
        return None, (raw if _DATE_PARTIAL.search(raw) or _find_time(raw)[0] else None)
    rest = _blank(raw, span) if span else raw
    clock, tspan = _find_time(rest)
    if clock is None:
        return None, raw
    rest = _blank(rest, tspan) if tspan else rest
    try:
        local = datetime(*date, *clock)
    except ValueError:
        return None, raw
    zone = _find_zone(rest, local, country)
    if zone is None:
        return None, raw
    return _iso(local.replace(tzinfo=zone)), raw


def _relative(now: datetime, match: re.Match[str]) -> datetime:
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)  # a naive fetch time is taken as UTC
    if match.group("n") is None:  # "just now"
        return now.replace(second=0)
    count = 1 if match.group("n").lower() in ("a", "an", "one") else int(match.group("n"))
    unit = match.group("u").lower()
    if unit.startswith("s"):
        delta = timedelta(seconds=count)
    elif unit.startswith("m"):
        delta = timedelta(minutes=count)
    elif unit.startswith("h"):
        delta = timedelta(hours=count)
    elif unit.startswith("d"):
        delta = timedelta(days=count)
    else:
        delta = timedelta(weeks=count)
    return (now - delta).replace(second=0)


TimestampKind = Literal["published", "updated"]


def _is_bare_timestamp(line: str) -> bool:
    """A line that is only a date and a time (and a zone, weekday, separators)."""
    if len(line.split()) > 12:
        return False
    date, span = _find_date(line, None)
    if date is None or span is None:
        return False
    rest = _blank(line, span)
    clock, tspan = _find_time(rest)
    if clock is None or tspan is None:
        return False
    rest = _ABBR.sub(" ", _WEEKDAY.sub(" ", _blank(rest, tspan)))
    rest = re.sub(r"\b(?:at|on|T|Z)\b|[|,·•\-–—():+\d]", " ", rest, flags=re.I)
    return not rest.strip()


def timestamp_fields(line: str) -> list[tuple[TimestampKind, str]]:
    """The timestamps a furniture line states, each with its kind.

    `Last Updated : Nov 19 2024 | 10:47 AM IST` -> [("updated", …)];
    `Published: … | Updated: …` -> both; a bare `Nov 19 2024, 10:47 AM IST` -> [("published", …)].
    Lines whose label is not followed by a date or a relative time (`Published in 2019, the …`) -> [].
    """
    text = " ".join(line.split())
    if not text or len(text.split()) > 30:
        return []
    labels = list(_LABEL_ANY.finditer(text))
    if labels and labels[0].start() == 0:
        out: list[tuple[TimestampKind, str]] = []
        for index, match in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
            segment = text[match.end() : end].strip(" |,·•")
            if not (
                _RELATIVE.search(segment) or _find_date(segment, None)[0] or _DATE_PARTIAL.search(segment)
            ):
                continue
            if len(segment.split()) > 14:
                continue
            label = match.group("label").lower()
            kind: TimestampKind = "updated" if re.search(r"updated|modified|edited", label) else "published"
            out.append((kind, segment))
        return out
    if _is_bare_timestamp(text):
        return [("published", text)]
    return []


def is_timestamp_line(line: str) -> bool:
    """True when a line is a timestamp (labelled or bare): page furniture, not article text."""
    return bool(timestamp_fields(line))


_READ_TIME = re.compile(
    r"\b(?P<n>\d{1,3})\s*-?\s*min(?:ute)?s?\.?\s+read\b"
    r"|\breading\s+time\s*:?\s*(?P<n2>\d{1,3})\s*min",
    re.I,
)


def parse_read_time(line: str) -> int | None:
    """Minutes from a read-time line (`3 min read`, `Reading time: 4 minutes`)."""
    match = _READ_TIME.search(line)
    if not match:
        return None
    minutes = int(match.group("n") or match.group("n2"))
    return minutes if minutes > 0 else None


# ---------------------------------------------------------------------------------------- dateline lead

_DATE_TAIL = re.compile(
    rf",?\s*(?:{_WEEKDAY.pattern}\s*)?(?:{_MON_ANY}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MON_ANY})(?:,?\s*\d{{4}})?\s*$",
    re.I,
)
_LEAD_AGENCY = re.compile(r"^\s*(?P<pre>[^()\n]{0,80}?)\s*\((?P<ag>[^()\n]{2,45})\)\s*(?:--?|[—–]|:|\.-)")
_LEAD_DASH = re.compile(r"^\s*(?P<pre>[^()\n—–:]{2,80}?)\s*(?:--|[—–]|\s-)\s+\S")
_LEAD_COLON = re.compile(r"^\s*(?P<pre>[A-Z][A-Z .,'’/-]{1,40}?)\s*:\s+\S")
_NOT_DATELINE = _wordset(
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
            if _looks_like_place(place):
                return title_place(place), agency
            return None, agency  # "(Reuters) -" opening the story credits the wire even without a place
    match = _LEAD_DASH.match(text)
    if match:
        place, dated = _split_date(match.group("pre"))
        first = place.split(",")[0].strip()
        letters = re.sub(r"[^A-Za-z]", "", first)
        capitals = len(letters) >= 2 and letters.isupper()
        plausible = capitals or dated or "," in place
        if place and plausible and _looks_like_place(place) and first.upper() not in _NOT_DATELINE:
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
            and _looks_like_place(place)
        ):
            return title_place(place), None
    return None, None


# ------------------------------------------------------------------------------------------------ bylines

_ROLE_WORDS = _wordset(
    "correspondent editor editors reporter reporters writer staff bureau chief senior columnist "
    "analyst contributor contributors desk news service special associate deputy managing "
    "political economics economy business diplomatic foreign international national science "
    "health tech technology sports sport editorial team online digital web agency agencies inputs "
    "photographer producer journalist head global affairs opinion guest author trainee intern "
    "fellow lead principal markets investigations investigative climate culture updated published "
    "min read newsroom wire wires media press network the our and a an for from with"
)
_NAME_PARTICLES = _wordset("de van von der den da do dos du di la le bin bint al el ter ten y del della st.")
_BY_PREFIX = re.compile(r"^\s*(?:written\s+|words\s+|reported\s+|story\s+|text\s+)?by\s*:?\s+", re.I)
_BY_LINE = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+\S", re.I)


def _case_name(name: str) -> str:
    if not (name.isupper() or name.islower()):
        return name

    def fix(word: str) -> str:
        if word.lower() in _NAME_PARTICLES and word.islower():
            return word
        titled = word.title()
        if re.match(r"^Mc[a-z]", titled):
            titled = "Mc" + titled[2].upper() + titled[3:]
        return titled

    return " ".join(fix(w) for w in name.split())


def _is_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    for i, word in enumerate(words):
        low = word.lower()
        if low.strip(".,") in _ROLE_WORDS:
            return False
        if 0 < i < len(words) - 1 and low in _NAME_PARTICLES:
            continue
        if not re.fullmatch(r"[^\W\d_][\w.'’-]*", word) or not word[0].isupper():
            return False
    return True


def _names_from_list(text: str) -> list[str]:
    """Names from `A, B and C` (roles, places after `in`, agencies dropped)."""
    names: list[str] = []
    for piece in re.split(r"\s*(?:,|;|&|\band\b|\bwith\b|\+)\s*", text):
        piece = re.sub(r"\s+(?:in|from|at|for)\s+.*$", "", piece.strip()).strip(_STRIP)
        if not piece or normalize_agency(piece):
            continue
        name = _case_name(" ".join(piece.split()))
        if _is_name(name) and name not in names:
            names.append(name)
    return names


def parse_byline(text: str) -> list[str]:
    """Author names from a byline: `By Jane Roe and John Poe, Chief Economics Correspondent` ->
    ["Jane Roe", "John Poe"]; `By JANE ROE | Reuters` -> ["Jane Roe"]; `By Reuters` -> []."""
    if not text:
        return []
    body = _BY_PREFIX.sub("", " ".join(text.split()), count=1)
    names: list[str] = []
    for part in re.split(r"\s*[|•·]\s*", body):
        for name in _names_from_list(part):
            if name not in names:
                names.append(name)
    return names


def byline_agency(text: str) -> str | None:
    """The agency a byline credits (`By Reuters`, `By Jane Roe | Reuters`, `JANE ROE, Associated Press`)."""
    body = _BY_PREFIX.sub("", " ".join(text.split()), count=1)
    for piece in re.split(r"\s*(?:[|•·,;&]|\band\b)\s*", body):
        agency = _lookup_agency(piece)
        if agency:
            return agency
    return None


_TRAILER_PAREN = re.compile(r"\((?=[^()]*\b(?:reporting|writing)\s+by\b)(?P<body>[^()]*)\)", re.I)
_TRAILER_LINE = re.compile(r"(?:^|\n)\s*(?P<body>(?:additional\s+)?reporting\s+by\b[^\n]*)\s*$", re.I)
_TRAILER_ROLE = re.compile(
    r"^\s*(?P<role>(?:additional\s+)?reporting|writing|written|compiled|reported)\s+by\s+(?P<names>.+)$", re.I
)


def parse_reporting_trailer(text: str) -> list[str]:
    """Reporters and writers from a wire trailer, editors excluded.

    `(Reporting by Jane Roe in Kyiv and John Poe; Editing by Ann Moe)` -> ["Jane Roe", "John Poe"].
    """
    if not text:
        return []
    matches = list(_TRAILER_PAREN.finditer(text))
    if matches:
        body = matches[-1].group("body")
    else:
        line = _TRAILER_LINE.search(text.rstrip())
        if not line:
            return []
        body = line.group("body")
    names: list[str] = []
    for segment in body.split(";"):
        match = _TRAILER_ROLE.match(segment)
        if match:
            for name in _names_from_list(match.group("names").rstrip(". ")):
                if name not in names:
                    names.append(name)
    return names


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


def _lead_paragraph(paragraphs: list[str]) -> str | None:
    for para in paragraphs[:4]:
        if para.startswith(("#", "![", "|")) or (_BY_LINE.match(para) and len(para) < 160):
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

    # Place and agency.
    lead_place, lead_agency = parse_dateline_lead(lead) if lead else (None, None)
    line_agency, line_place = None, None
    for line in lines:
        agency_line = parse_agency_line(line)
        if agency_line:
            line_agency, line_place = agency_line
            break
    dateline.place = lead_place or line_place
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
    dateline.byline = names

    # Timestamps.
    found: dict[str, list[tuple[str | None, str | None]]] = {"published": [], "updated": []}
    for line in lines:
        for kind, text in timestamp_fields(line):
            found[kind].append(parse_timestamp(text, country=country, now=fetched_at))
    dateline.published, dateline.published_raw = _timestamps(meta.published, found["published"], country)
    dateline.updated, dateline.updated_raw = _timestamps(meta.updated, found["updated"], country)

    # Length.
    dateline.word_count = count_words(body_markdown)
    stated = next((m for m in (parse_read_time(line) for line in lines) if m), None)
    dateline.read_minutes = stated or read_minutes_for(dateline.word_count)
    return dateline
