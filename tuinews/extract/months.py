"""Month names and timestamp labels in the languages news pages print them (English first).

Adding a language means adding its month names (full and abbreviated, lower case, in every grammatical
form a dateline uses: Russian datelines use the genitive, `3 ноября`) and its "published" / "updated"
labels here; the timestamp and lead patterns are built from these tables.
"""

from __future__ import annotations

import re


def _table(*rows: str) -> dict[str, int]:
    """{name: month number} from twelve space-separated lists of names, January first."""
    out: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        for name in row.split():
            out[name] = number
    return out


#: Month name (lower case) -> month number.
MONTHS: dict[str, int] = _table(
    "january jan janvier janv enero ene januar jän gennaio января январь янв",
    "february feb février févr fev febrero februar febbraio febbr февраля февраль фев",
    "march mar mars marzo märz marz мар марта март",
    "april apr avril avr abril abr aprile апреля апрель",
    "may mai mayo maggio мая май",
    "june jun juin junio juni giugno giu июня июнь",
    "july jul juillet juil julio juli luglio lug июля июль",
    "august aug août aout agosto августа август авг",
    "september sep sept septembre septiembre setiembre settembre сентября сентябрь сен",
    "october oct octobre octubre oktober okt ottobre ott октября октябрь окт",
    "november nov novembre noviembre ноября ноябрь",
    "december dec décembre déc diciembre dic dezember dez dicembre декабря декабрь дек",
)

#: A month name as a regex alternation (longest first), optionally followed by a full stop.
MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))


def month_number(name: str) -> int | None:
    """The month a printed name means (`Nov.`, `November`, `ноября`, `März`), None when it is not one."""
    return MONTHS.get(name.lower().rstrip("."))


#: Labels that open a timestamp line, by language. Group "updated" marks the kinds that mean an update.
PUBLISHED_LABELS = (
    r"(?:first\s+)?(?:published|posted|created)(?:\s+(?:on|at))?"
    r"|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|publié(?:\s+le)?|publicado(?:\s+el)?|pubblicato(?:\s+il)?"
    r"|опубликовано|publiziert(?:\s+am)?|publicado(?:\s+em)?|기사\s*입력|입력\s*시간|입력일?|등록일?"
)
UPDATED_LABELS = (
    r"(?:last\s+)?(?:updated|modified|edited)(?:\s+(?:on|at))?"
    r"|aktualisiert(?:\s+am)?|zuletzt\s+aktualisiert|mis\s+à\s+jour(?:\s+le)?|actualizado(?:\s+el)?"
    r"|aggiornato(?:\s+il)?|обновлено"
)
