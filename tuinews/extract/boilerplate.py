"""Post-filters for the Markdown blocks an extractor returns: page furniture that slipped through.

Extractors keep a paragraph when it sits inside the article container, so the blocks a news site puts
there for itself survive: "Read more:" links, newsletter pitches, "Follow us on…", share prompts, comment
counters, "You may also like" lists. These rules are about the wording of such blocks, never about a site,
and only ever remove short blocks, so a paragraph of reporting that mentions a newsletter is kept.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`>#]+")

#: Words a block may have and still count as furniture (a real paragraph is longer).
SHORT_BLOCK_WORDS = 45

#: Blocks that *start* like this are navigation or promotion.
_LEAD_IN = re.compile(
    r"^\W*(related( stories| articles| coverage| content| posts?)?|read more|read also|also read|read next|"
    r"see more|see also|more|more from [\w .'’-]+|more on this( story)?|also on [\w.-]+|also|don'?t miss|"
    r"recommended( for you| reading)?|you (may|might) also like|you may be interested in|watch|watch now|"
    r"listen|trending|popular|most read|latest|top stories|editor'?s picks?|"
    r"further reading|in other news|sponsored|advertisement|promoted|partner content|tags?|topics?)"
    r"\b\s*[:|.…-]",
    re.IGNORECASE,
)

#: Whole blocks that are nothing but furniture.
_WHOLE = re.compile(
    r"^\W*(advertisement|advert|ad|sponsored( content)?|read more|continue reading|"
    r"read the full (story|article)|comments?|\d+ comments?|show comments|view comments|leave a comment|"
    r"add a comment|join the conversation|"
    r"share|share this( article| story)?|share on \w+|tweet|email|print|save|"
    r"you (may|might) also like|related( articles| stories| posts| coverage)?|more stories|more from .{1,40}|"
    r"recommended|trending( now)?|most popular|most read|see more photos|tell us what you think|"
    r"don['’]?t miss|"
    r"listen to this article|skip to (main )?content|back to top|scroll to top|image|photo|video|"
    r"subscribe|sign up|log ?in|register|this article is more than \d+ \w+ old|loading\W*|"
    # a timestamp label whose time the page set apart ("Updated <time>…</time>")
    r"(last |first )?(updated|published|posted|modified)( on| at)?)\W*$",
    re.IGNORECASE,
)

#: Promotion and housekeeping wording anywhere in a short block.
_PITCH = re.compile(
    r"(sign up (for|to)|subscribe (to|for|now|today)|"
    r"newsletters?\b.{0,60}\b(inbox|sign up|subscribe|free|daily|weekly|delivered)|"
    r"delivered (straight |right |directly )?to your (inbox|letterbox|door)|(in|to) your inbox|"
    r"follow (us|him|her|them|[\w.@ ]{1,40}) on (twitter|facebook|instagram|linkedin|youtube)|"
    r"like this story\?|share (it|this( story| article)?) with|click here (for|to)|"
    r"tell us what you think|join the (conversation|discussion)|comments? (are|is) (closed|moderated)|"
    r"download (the|our) (free )?app|get the (app|latest)|filed under\s*:|"
    r"(is|are) committed to publishing a diversity of letters|"
    r"^\W*(copyright|©|\(c\))\s|all rights reserved|무단전재|转载|版权所有|"
    r"have a (news )?tip\?|may be reached at|can be reached at|contact (him|her|them) at)",
    re.IGNORECASE,
)

#: A wire desk's sign-off closing a story: the editors' initials ("hm/dj", "jm-bp/lb").
_SIGNOFF = re.compile(r"^[a-z]{1,4}(?:[/-][a-z]{1,4}){1,4}$")

#: A blogging-platform shortcode the page failed to render: "[button link=…]Send us yours[/button]".
_SHORTCODE = re.compile(r"^\[(\w+)\b[^\]]*\].*\[/\1\]$")

#: Wire-service and newsroom credit lines ("Reporting by …; Editing by …"): furniture for the dateline.
CREDIT_LINE = re.compile(
    r"^\W*((additional )?(reporting|writing|editing) by\b.{0,300}|"
    r"[\w .,'’-]{3,120}\b(contributed|contributed reporting|contributed to this (report|story))\b.{0,80}|"
    r"with (post|wire|agency) (wires|reports|services)|(source|sources)\s*:\s*[\w .,&-]{2,60})\W*$",
    re.IGNORECASE,
)


def plain(block: str) -> str:
    """The visible words of a Markdown block: link texts only, no emphasis or heading marks."""
    return " ".join(_MARKUP.sub(" ", _LINK.sub(r"\1", block)).split())


def is_furniture(block: str) -> bool:
    """True when a short Markdown block is navigation, promotion or page housekeeping."""
    text = plain(block)
    if not re.search(r"\w", text):
        return True  # stray punctuation, rules, empty emphasis
    if len(text.split()) > SHORT_BLOCK_WORDS:
        return False
    return bool(_WHOLE.match(text) or _LEAD_IN.match(text) or _PITCH.search(text) or _SHORTCODE.match(text))


def is_credit(block: str) -> bool:
    """True for a credit line such as "(Reporting by Jane Roe; Editing by John Doe)"."""
    text = plain(block)
    return len(text.split()) <= 60 and bool(CREDIT_LINE.match(text))


def _is_link_list(block: str) -> bool:
    """A list whose every item is a link (a "related stories" list)."""
    items = [line for line in block.splitlines() if line.strip()]
    return bool(items) and all(re.match(r"^\s*([-*+]|\d+\.)\s+\[[^\]]+\]\([^)]*\)\s*$", i) for i in items)


def _is_link_line(block: str) -> bool:
    """A block of two or more headline-length links and nothing else (teasers run together).

    One link alone may be a sentence the page made clickable, so it stays.
    """
    texts = _LINK.findall(block)
    if len(texts) < 2 or any(len(text.split()) > 16 for text in texts):
        return False
    return not re.search(r"\w", _MARKUP.sub(" ", _LINK.sub(" ", block)))


def filter_blocks(blocks: list[str]) -> tuple[list[str], list[str]]:
    """(kept body blocks, credit lines) after dropping furniture and trimming a dangling tail.

    A tail is what follows the last paragraph of reporting: furniture, link lists and headings with
    nothing under them.
    """
    kept: list[str] = []
    credits: list[str] = []
    for block in blocks:
        if is_credit(block):
            credits.append(plain(block))
        elif not is_furniture(block) and not _is_link_line(block):
            kept.append(block)
    while kept and (
        kept[-1].lstrip().startswith("#")
        or _is_link_list(kept[-1])
        or is_furniture(kept[-1])
        or _SIGNOFF.match(plain(kept[-1]))
    ):
        kept.pop()
    return kept, credits
