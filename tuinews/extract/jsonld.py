"""The article body a page states in JSON-LD (`articleBody`), and when to prefer it to the extracted text.

Many pages render their text with scripts, so the HTML holds little but the JSON-LD holds it all; others
put a teaser-length or padded `articleBody` there. Measured on the benchmark corpus, swapping in a body
that merely *adds* a little to a good extraction gains nothing (it brings captions and promos as often as
missing paragraphs), so the JSON-LD body is used only when it holds clearly more than was extracted.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import html as lxml_html

from tuinews.extract.markdown import html_to_markdown
from tuinews.extract.structured import jsonld_article

_TOKEN = re.compile(r"\w+")
_TAG = re.compile(r"</?(p|div|br|h[1-6]|ul|ol|li|blockquote|a|em|strong|b|i|span)\b", re.IGNORECASE)

#: The JSON-LD body must be at least this many words, and this many times what was extracted.
MIN_WORDS = 80
MIN_RATIO = 1.8


def article_body(tree: lxml_html.HtmlElement) -> str | None:
    """`articleBody` of the page's article JSON-LD as Markdown, or None."""
    node = jsonld_article(tree)
    body = node.get("articleBody") if node else None
    if isinstance(body, list):
        body = "\n\n".join(item for item in body if isinstance(item, str))
    if not isinstance(body, str) or not body.strip():
        return None
    if _TAG.search(body):
        return html_to_markdown(body) or None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\r?\n", body)]
    text = "\n\n".join(p for p in paragraphs if p)
    return text + "\n" if text else None


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.casefold())
    return Counter(tuple(tokens[i : i + 3]) for i in range(max(0, len(tokens) - 2)))


def prefer_jsonld(extracted: str, jsonld: str) -> bool:
    """True when the JSON-LD body holds clearly more of the article than the extracted Markdown.

    That is: it is long enough, at least `MIN_RATIO` times the extracted words, and the extracted text
    is mostly inside it (so it is the same article, not a different story or a site description).
    """
    ld_words = len(_TOKEN.findall(jsonld))
    ex_words = len(_TOKEN.findall(extracted))
    if ld_words < MIN_WORDS or ld_words < MIN_RATIO * ex_words:
        return False
    if ex_words < 20:
        return True
    ex = _shingles(extracted)
    shared = sum((ex & _shingles(jsonld)).values())
    return shared >= 0.6 * sum(ex.values())
