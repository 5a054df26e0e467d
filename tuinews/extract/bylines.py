"""Bylines: author names from `By …` lines and wire trailers; the agency a byline credits."""

from __future__ import annotations

import re

from tuinews.extract.agencies import STRIP, lookup_agency, normalize_agency


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(word for word in text.split(sep) if word)


_ROLE_WORDS = _words(
    "correspondent editor editors reporter reporters writer staff bureau chief senior columnist "
    "analyst contributor contributors desk news service special associate deputy managing "
    "political economics economy business diplomatic foreign international national science "
    "health tech technology sports sport editorial team online digital web agency agencies inputs "
    "photographer producer journalist head global affairs opinion guest author trainee intern "
    "fellow lead principal markets investigations investigative climate culture updated published "
    "min read newsroom wire wires media press network the our and a an for from with"
)
_NAME_PARTICLES = _words("de van von der den da do dos du di la le bin bint al el ter ten y del della st.")
#: Capitalised single words that follow "By" without being a name.
_NOT_SINGLE_NAMES = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today tomorrow yesterday then now far contrast comparison "
    "law design default nature definition mistake chance accident night day noon midnight staff agencies "
    "our the this that these those"
)
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:written\s+|words\s+|reported\s+|story\s+|text\s+)?by|von|par|por)\s*:?\s+"
    r"|^\s*(?:text|texte|words|текст|автор|автор\s+текста)\s*:\s*",
    re.I,
)
_BY_LINE = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+\S", re.I)
#: Site accounts a CMS prints as the author (`admin`, `jdadmin`, `webmaster`): never a byline.
_ACCOUNT = re.compile(r"admin|webmaster|wpuser|^user\d*$|^editor$|^staff$", re.I)
#: The last word of a role that names a person's job (a name may stand before it), as opposed to an
#: organisation (`NJ Advance Media`, `AP Auto Writer` after an agency).
_PERSON_ROLES = _words(
    "correspondent editor reporter writer columnist analyst contributor photographer producer "
    "journalist chief intern fellow trainee author"
)
#: Korean sign-offs: `정덕현 칼럼니스트`, `홍길동 기자` (name, then the role).
_KO_SIGNOFF = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s?(?:객원)?(?:기자|칼럼니스트|특파원|논설위원)(?![가-힣])"
)


def _case_name(name: str) -> str:
    """Title-case a name printed all in capitals or all in lower case; particles between the given name
    and the surname stay lower case (`PIETER VAN DER BERG` -> `Pieter van der Berg`). Mixed case is kept
    as printed (`Pieter Van Der Berg` stays)."""
    if not (name.isupper() or name.islower()):
        return name
    words = name.split()

    def fix(index: int, word: str) -> str:
        if 0 < index < len(words) - 1 and word.lower() in _NAME_PARTICLES:
            return word.lower()
        titled = word.title()
        if re.match(r"^Mc[a-z]", titled):
            titled = "Mc" + titled[2].upper() + titled[3:]
        return titled

    return " ".join(fix(i, w) for i, w in enumerate(words))


def _is_name(name: str, *, single: bool = False) -> bool:
    """Two to five capitalised words (one with `single`, for a `By Shreyas` byline), no role words."""
    words = name.split()
    if _ACCOUNT.search(name):
        return False
    if single and len(words) == 1:
        return len(name) >= 3 and name.lower() not in _NOT_SINGLE_NAMES and _is_name(name + " X")
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


def _name_before_role(text: str) -> str | None:
    """`Gwen Pryor Transport correspondent` -> `Gwen Pryor`: the shortest leading name when the rest is a
    role ending in a role word."""
    words = text.split()
    if len(words) < 3 or words[-1].lower().strip(".,") not in _PERSON_ROLES:
        return None
    if lookup_agency(words[0]):
        return None  # `AP Auto Writer`: the agency's role, no name in it
    for size in range(2, len(words)):
        if _is_name(" ".join(words[:size])):
            return " ".join(words[:size])
    return None


def _names_from_list(text: str, *, single: bool = False) -> list[str]:
    """Names from `A, B and C` (roles, places after `in`, agencies dropped)."""
    names: list[str] = []
    for piece in re.split(r"\s*(?:,|;|&|\band\b|\bwith\b|\+)\s*", text):
        piece = re.sub(r"\s+(?:in|from|at|for)\s+.*$", "", piece.strip()).strip(STRIP)
        if not piece or normalize_agency(piece):
            continue
        name = _case_name(" ".join(piece.split()))
        if not _is_name(name, single=single):
            name = _name_before_role(name) or name
        if _is_name(name, single=single) and name not in names:
            names.append(name)
    return names


def parse_byline(text: str) -> list[str]:
    """Author names from a byline: `By Jane Roe and John Poe, Chief Economics Correspondent` ->
    ["Jane Roe", "John Poe"]; `By JANE ROE | Reuters` -> ["Jane Roe"]; `By Reuters` -> []."""
    if not text:
        return []
    text = " ".join(text.split())
    body = _BY_PREFIX.sub("", text, count=1)
    single = body != text  # one-word names only after an explicit "By"
    names: list[str] = []
    for part in re.split(r"\s*[|•·]\s*", body):
        for name in _names_from_list(part, single=single):
            if name not in names:
                names.append(name)
    return names


def byline_agency(text: str) -> str | None:
    """The agency a byline credits (`By Reuters`, `By Jane Roe | Reuters`, `JANE ROE, Associated Press`)."""
    body = _BY_PREFIX.sub("", " ".join(text.split()), count=1)
    for piece in re.split(r"\s*(?:[|•·,;&]|\band\b)\s*", body):
        agency = lookup_agency(piece)
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


def parse_signoff(text: str) -> list[str]:
    """A Korean reporter's sign-off at the end of an article (`정덕현 칼럼니스트`, `홍길동 기자`)."""
    tail = text[-600:] if text else ""
    names = [m.group("name") for m in _KO_SIGNOFF.finditer(tail)]
    return names[-1:] if names else []


def plain_name(line: str) -> list[str]:
    """The names of a furniture line that is nothing but a list of names (an author element's text:
    `Jane Roe`, `Jane Roe and John Poe`); [] when the line holds anything else."""
    text = " ".join(line.split())
    names = _names_from_list(text)
    if not names:
        return []
    rest = re.sub(r"\s*(?:,|;|&|\band\b|\+)\s*", " ", text)
    same = " ".join(rest.split()).casefold() == " ".join(" ".join(names).split()).casefold()
    return names if same else []
