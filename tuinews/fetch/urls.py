"""URL rules: only http(s), canonical forms for de-duplication, and which hosts count as private."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tuinews.fetch.addresses import is_private_address, literal_address, resolves_private
from tuinews.sanitize import needs_cleaning

#: Query parameters that only track where a click came from; dropped from canonical URLs.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "yclid",
        "_hsenc",
        "_hsmi",
        "ref_src",
    }
)
ALLOWED_SCHEMES = ("http", "https")


class URLError(ValueError):
    """A URL tuinews will not fetch; the message is one line fit to show the user."""


def is_http_url(url: str | None) -> bool:
    """True for an absolute http or https URL with a host and no control or bidi characters anywhere
    (a URL shown in the terminal or handed to a browser must be exactly what it looks like)."""
    if not url:
        return False
    url = url.strip()
    if needs_cleaning(url) or "\t" in url or "\n" in url:
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme.lower() in ALLOWED_SCHEMES and bool(host) and not any(c.isspace() for c in host)


def require_http_url(url: str) -> str:
    """The URL stripped of surrounding space, or `URLError` when it is not http(s)."""
    url = url.strip()
    if not is_http_url(url):
        scheme = urlsplit(url).scheme if ":" in url else ""
        why = f"the {scheme!r} scheme is not allowed" if scheme else "it is not an absolute http(s) URL"
        raise URLError(f"refusing {url[:200]!r}: {why} (only http and https)")
    return url


def _already_canonical(url: str) -> bool:
    """True for the common link that `canonical_url` would give back unchanged: http(s), a lower-case
    host without port or credentials, a path, no query or fragment, nothing unusual. (A refresh
    canonicalises every entry's link; this skips the parse for most of them.)"""
    if url.startswith("https://"):
        rest = url[8:]
    elif url.startswith("http://"):
        rest = url[7:]
    else:
        return False
    slash = rest.find("/")
    if slash <= 0 or "?" in rest or "#" in rest or not rest.isascii() or not rest.isprintable():
        return False
    host = rest[:slash]
    return (
        host == host.lower()
        and not any(c in host for c in ":@[]%\\ ")
        and " " not in rest
        and "\\" not in rest
    )


#: A root-relative link (`/news/story.html`) that `urljoin` would only append to its base's origin: no
#: query, fragment, parameters, dot segments, empty segments or characters it cleans or escapes.
_PLAIN_ROOT_PATH = re.compile(r"(?:/[A-Za-z0-9_~!$&'()*+,=:@%-][A-Za-z0-9._~!$&'()*+,=:@%-]*)+/?|/")


@functools.lru_cache(maxsize=512)
def _origin(base: str) -> str | None:
    """`scheme://netloc` of an http(s) base as `urljoin` writes it, or None for any other base."""
    if base != base.strip() or not is_http_url(base):
        return None
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def resolve_url(base: str | None, link: str | None) -> str | None:
    """`link` made absolute against `base`; None when the result is not http(s)."""
    if not link:
        return None
    link = link.strip()
    # Feeds that link to their own site's paths do so for every entry: joined here without parsing
    # both URLs twice (the result is `urljoin`'s to the character; a property test checks it).
    if base and link[:1] == "/" and _PLAIN_ROOT_PATH.fullmatch(link):
        origin = _origin(base)
        if origin is not None:
            return origin + link
    try:
        # An absolute link needs no join; urljoin would only drop an empty ";" parameter, so such
        # links still go through it (the stored form stays what it always was).
        absolute = (
            link
            if not base or (link.startswith(("https://", "http://")) and ";" not in link)
            else urljoin(base, link)
        )
    except ValueError:
        return None
    return absolute if is_http_url(absolute) else None


def canonical_url(url: str) -> str:
    """The form two links to the same article share: scheme and host lower-cased, default port,
    fragment and tracking parameters (utm_*, fbclid, ...) removed, an empty path as `/`.

    Parameter order is kept: some sites route on it.
    """
    url = url.strip()
    return url if _already_canonical(url) else _canonical_form(url)


def _canonical_form(url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if port in (None, default) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def host_of(url: str) -> str:
    """The lower-cased host name of a URL ('' when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def is_private_host(host: str) -> bool:
    """True for localhost names and private IP literals (loopback, RFC 1918, link-local, unspecified...,
    legacy forms such as `2130706433` included). Names are not looked up here: see `link_allowed`."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    literal = literal_address(host)
    return literal is not None and is_private_address(literal)


def link_allowed(link: str, source_url: str, *, resolve: bool = True) -> bool:
    """Whether a link found inside a feed or page may be fetched: a private or loopback target only
    when the feed or page itself lives on that same host (so a public feed cannot probe your network).

    A link to another host is looked up (with a short cache) when `resolve` is true, so a public name
    pointing at 10.0.0.1 is caught here too; the fetcher checks again when it connects.
    """
    host = host_of(link)
    if not host:
        return False
    if host == host_of(source_url):
        return True
    if is_private_host(host):
        return False
    return not (resolve and literal_address(host) is None and resolves_private(host))
