"""Markdown files, with an optional `---` front matter of `key: value` lines."""

from __future__ import annotations

import re

from tuinews.models import FRONT_MATTER_KEYS, PageMeta

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)

#: Front matter keys tuinews reads (the same keys `show` and `export` write).
KEYS = set(FRONT_MATTER_KEYS) - {"read_minutes", "word_count"}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front matter fields, rest of the text). Unknown keys are ignored."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        value = value.strip()
        if sep and key in KEYS and value and value not in ("null", "~"):
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key] = value
    return fields, text[match.end() :]


def parse_markdown_file(text: str) -> tuple[PageMeta, str, dict[str, str]]:
    """(meta, body Markdown, front matter fields) for a Markdown article."""
    fields, body = split_front_matter(text)
    meta = PageMeta(
        title=fields.get("title"),
        dek=fields.get("dek"),
        url=fields.get("url"),
        byline=[n.strip() for n in re.split(r",|\band\b", fields.get("byline", "")) if n.strip()],
        outlet=fields.get("outlet"),
        section=fields.get("section"),
        published=fields.get("published"),
        updated=fields.get("updated"),
        language=fields.get("language"),
        agency=fields.get("agency"),
    )
    lines = body.strip().splitlines()
    # A leading "# Headline" is the title when the front matter has none; it is never kept in the body.
    if lines and lines[0].startswith("# "):
        meta.title = meta.title or lines[0][2:].strip()
        lines = lines[1:]
    body = "\n".join(lines).strip()
    # An italic first paragraph right under the headline is the dek (the way `show` and `export` write it).
    first, _, rest = body.partition("\n\n")
    if first.startswith("*") and first.endswith("*") and "\n" not in first and not first.startswith("**"):
        dek = first.strip("*").strip()
        if meta.dek is None or dek == meta.dek:
            meta.dek = dek
            body = rest.strip()
    return meta, (body + "\n" if body else ""), fields
