"""The dek (standfirst): only text the page actually shows under its headline.

A page's meta description is often an SEO summary, or the lead paragraph cut off mid-sentence; shown in
italics above the body it repeats the article or says something the page never says. So the dek is a
standfirst element (by its class), else the description only when an element on the page shows exactly
that text. Measured on the benchmark corpus: taking every description as the dek cost 3 points of precision.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from tuinews.extract.boilerplate import is_furniture

#: Class names a page gives its standfirst (and `<p class="lead">`, the lead paragraph set apart; the class
#: word alone: "lead-image", "article__lead-paragraph" are other things).
_STANDFIRST_CLASS = re.compile(
    r"dek|standfirst|subtitle|subheadline|summary|strapline|lede|intro", re.IGNORECASE
)
_STANDFIRST_TAGS = {"p", "h2", "div"}
_MIN, _MAX = 20, 400
#: A "summary" inside these is another story's teaser, not this article's standfirst.
_TEASER_PARENTS = {"aside", "li", "footer", "nav", "a"}


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def standfirst(tree: lxml_html.HtmlElement, title: str | None = None) -> str | None:
    """The text of the first element the page marks as its standfirst, if it reads like one.

    Skipped: elements holding scripts, several links or block children (teasers, header bars),
    text that contains the headline, and furniture ("Subscribe to our newsletters").
    """
    headline = _squash(title) if title else None
    marked = (
        node
        for node in tree.xpath("//body//*[@class]")
        if (node.tag in _STANDFIRST_TAGS and _STANDFIRST_CLASS.search(node.get("class", "")))
        or (node.tag == "p" and "lead" in node.get("class", "").split())
    )
    for _, node in zip(range(4), marked, strict=False):
        if any(True for _ in node.iter("script", "style", "ul", "ol", "li", "table", "h1", "article")):
            continue
        if len(node.xpath(".//a")) > 1 or any(a.tag in _TEASER_PARENTS for a in node.iterancestors()):
            continue
        text = " ".join(node.text_content().split())
        if not _MIN <= len(text) <= _MAX or is_furniture(text):
            continue
        if headline and headline in _squash(text):
            continue
        return text
    return None


def shown_on_page(tree: lxml_html.HtmlElement, text: str) -> bool:
    """True when some element in the body shows `text` as the whole of its own text."""
    wanted = _squash(text)
    probe = " ".join(text.split()[:5])
    if not probe or '"' in probe:
        return False
    for hit in tree.xpath(f'//body//text()[contains(normalize-space(.), "{probe}")]')[:5]:
        parent = hit.getparent()
        if parent is None or parent.tag in ("script", "style", "noscript", "template"):
            continue
        if hit.is_tail:
            parent = parent.getparent()
        if parent is not None and _squash(parent.text_content()) == wanted:
            return True
    return False


def page_dek(
    tree: lxml_html.HtmlElement, description: str | None, title: str | None = None
) -> tuple[str | None, str | None]:
    """(dek to show, standfirst element text): the standfirst, else a description the page shows."""
    marked = standfirst(tree, title)
    if marked:
        return marked, marked
    if description and _MIN <= len(description) <= _MAX and shown_on_page(tree, description):
        return description, None
    return None, None


# ------------------------------------------------------------------------------------------- headline

_AFFIX = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
#: Words a title is prefixed with by its section, not part of the headline (`Opinion | …`).
_SECTION_PREFIXES = frozenset({"opinion", "analysis", "review", "editorial", "comment", "live", "video"})


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _is_site_name(part: str, outlet: str | None, host: str | None) -> bool:
    """`TheHill`, `IGN`, `Sportsnet.ca`, `The New York Times`: the outlet or the site's domain name."""
    key = _key(part)
    if not key or len(part.split()) > 6:
        return False
    if outlet and key in (_key(outlet), _key(outlet.removeprefix("The "))):
        return True
    if host:
        name = _key(host.removeprefix("www.").rsplit(".", 1)[0])
        return key == name or key == _key(host.removeprefix("www.")) or (len(key) >= 4 and key in name)
    return False


def strip_site_name(title: str, outlet: str | None = None, url: str | None = None) -> str:
    """The headline without a site-name suffix or prefix (`… | TheHill`, `… - IGN`, `Opinion | …`).

    A part is cut only at a separator, only when it names the outlet or the site's domain (or is a
    section label at the front), and never when that would leave nothing.
    """
    host_match = re.match(r"^[a-z]+://([^/:?#]+)", (url or "").strip().lower())
    host = host_match.group(1) if host_match else None
    for _ in range(2):
        parts = _AFFIX.split(title.strip())
        seps = _AFFIX.findall(title.strip())
        if len(parts) < 2:
            break
        if _is_site_name(parts[-1], outlet, host):
            title = title[: title.rfind(seps[-1])].strip()
        elif _is_site_name(parts[0], outlet, host) or (
            parts[0].casefold() in _SECTION_PREFIXES and "|" in seps[0]
        ):
            title = title[title.find(seps[0]) + len(seps[0]) :].strip()
        else:
            break
    return title


def displayed_headline(
    tree: lxml_html.HtmlElement, title: str | None, outlet: str | None = None, url: str | None = None
) -> str | None:
    """The headline as the page displays it: its `<h1>`, when one can be told apart from a logo.

    An `<h1>` equal to one of the metadata titles (`titles`: JSON-LD headline, og:title, `<title>`) or
    left of/right of a separator in one of them wins first; else the page's only non-empty `<h1>`, when
    it reads as a headline (3 to 40 words, not the site's name). A rewritten SEO title in the metadata
    (`Michael Webb: Dramatic video shows …`) then gives way to the headline readers see.
    """
    heads = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    heads = [h for h in heads if h]
    titles = [title, *tree.xpath("//meta[@property='og:title']/@content"), *tree.xpath("//title/text()")]
    keys = [_key(t) for t in titles if t]
    for head in heads:
        key = _key(head)
        # Equal to a title, or the longer part of one split at a separator (`Headline | Site` or
        # `Opinion | Headline`); an <h1> that is the shorter part is the site's name, not the headline.
        if len(key) >= 8 and any(
            k == key or ((k.startswith(key) or k.endswith(key)) and len(key) > len(k) - len(key))
            for k in keys
        ):
            return head
    if len(heads) == 1 and 3 <= len(heads[0].split()) <= 40:
        host_match = re.match(r"^[a-z]+://([^/:?#]+)", (url or "").strip().lower())
        key = _key(heads[0])
        named = any(k != key and (k.startswith(key) or k.endswith(key)) for k in keys)
        if not named and not _is_site_name(heads[0], outlet, host_match.group(1) if host_match else None):
            return heads[0]
    return None
