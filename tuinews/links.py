"""Opening links safely: http(s) only, shown exactly as opened, handed to the browser as one argv item.

Terminal feed readers have run commands through links (newsbeuter's bookmark and enclosure commands
passed URLs to a shell). Here a link is checked and normalised first (`link_target`), and the same
string is both what the user is shown and what the browser gets; `open_link` then starts the browser
through `webbrowser`, which runs it with an argument list (no shell) on every platform.

UI use::

    from tuinews.links import LinkError, open_link
    try:
        shown = open_link(article.url)      # returns the exact target that was opened
    except LinkError as exc:
        self.notify(str(exc), severity="warning", markup=False)
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from urllib.parse import quote, urlsplit, urlunsplit

from tuinews.fetch.urls import is_http_url

# Characters left as they are in a path, query or fragment; everything else is percent-encoded, so the
# target is printable ASCII with no quotes, spaces, backslashes or shell/AppleScript metacharacters.
_SAFE_PATH = "/:@!$&()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?"


class LinkError(ValueError):
    """A link tuinews will not open; the message is one line fit to show the user."""


def link_target(url: str | None) -> str:
    """The exact URL tuinews would open for `url`: http(s) only, the host in its ASCII (punycode) form,
    no user name or password, everything outside printable ASCII percent-encoded, never starting with `-`.
    Raises `LinkError` for anything else."""
    if not url or not is_http_url(url):
        raise LinkError("only http and https links are opened")
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise LinkError("the link's host name is not valid") from None
    if not ascii_host or any(not (c.isalnum() or c in "-.:[]") for c in ascii_host):
        raise LinkError("the link's host name is not valid")
    if ":" in ascii_host:
        ascii_host = f"[{ascii_host}]"
    netloc = ascii_host if parts.port is None else f"{ascii_host}:{parts.port}"
    target = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=_SAFE_PATH) or "/",
            quote(parts.query, safe=_SAFE_QUERY),
            quote(parts.fragment, safe=_SAFE_QUERY),
        )
    )
    if target.startswith("-") or not target.isascii() or not target.isprintable():  # pragma: no cover
        raise LinkError("the link cannot be opened safely")
    return target


def default_opener(target: str) -> bool:
    """Start the user's browser with `target` as one argument (no shell); False when none was found."""
    return webbrowser.open(target, new=2)


def open_link(url: str | None, *, opener: Callable[[str], bool] = default_opener) -> str:
    """Check and normalise `url` (`link_target`), open it with `opener`, and return what was opened.

    Raises `LinkError` when the link is refused or no browser could be started.
    """
    target = link_target(url)
    if not opener(target):
        raise LinkError("no web browser could be started (over SSH, y copies the link instead)")
    return target
