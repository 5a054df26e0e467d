"""Our own hostile feeds and pages, served by a stdlib server on 127.0.0.1 (and a stand-in "public" host).

Every route is original test data built here; nothing is downloaded. `HostileServer(address)` serves all
routes; the tests run one on 127.0.0.1 (the reader's own machine) and one on 127.0.0.2, which the test
runner treats as a public internet address (see `runner.py`), to exercise the private-address rules.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

#: Escape sequences an attacker would like to reach the terminal, each with a unique marker.
OSC52 = "\x1b]52;c;cHduZWQtY2xpcGJvYXJk\x07"  # clipboard write: base64("pwned-clipboard")
OSC0 = "\x1b]0;PWNED-TITLE\x07"  # window title
OSC8 = "\x1b]8;;http://osc8.evil.example/\x1b\\click\x1b]8;;\x1b\\"  # hidden hyperlink
CSI6N = "\x1b[6n"  # cursor position report: the reply lands on our input
C1_CSI = "\x9b6n"  # the same as an 8-bit C1 CSI
C1_OSC = "\x9d0;PWNED-C1\x9c"
BIDI = "\u202egnp.exe\u202c"  # right-to-left override
MARKUP = "[/] [@click=app.quit]quit[/] [bold red]x"
PAYLOADS = (OSC52, OSC0, OSC8, CSI6N, C1_CSI, C1_OSC, BIDI)
#: Byte strings that must never appear in anything written to the terminal.
FORBIDDEN_BYTES = (
    b"\x1b]52;c;cHduZWQ",
    b"\x1b]0;PWNED",
    b"\x1b]8;;http://osc8.evil",
    b"\x1b[6n",
    "\x9b".encode(),
    "\x9d".encode(),
    "\u202e".encode(),
    b"PWNED-C1\x07",
)
HOSTILE_TEXT = "Hostile " + "".join(PAYLOADS) + " " + MARKUP


def rss(items: str, title: str = "Hostile feed") -> bytes:
    """An RSS 2.0 document around `items` (already XML)."""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.org/</link>{items}</channel></rss>"
    ).encode()


def item(title: str, link: str, guid: str | None = None, date: str = "", body: str = "") -> str:
    """One RSS item (title and body escaped as XML text)."""
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
    parts = [f"<title>{esc(title)}</title>", f"<link>{esc(link)}</link>"]
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{esc(guid)}</guid>')
    if date:
        parts.append(f"<pubDate>{esc(date)}</pubDate>")
    if body:
        parts.append(f"<description>{esc(body)}</description>")
    return "<item>" + "".join(parts) + "</item>"


class Handler(BaseHTTPRequestHandler):
    """Dispatches to `ROUTES` by path."""

    protocol_version = "HTTP/1.1"
    server: HostileServer

    def log_message(self, *args: object) -> None:
        pass

    def send(
        self, status: int, body: bytes = b"", ctype: str = "application/rss+xml", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path
        self.server.hits.append(path)
        route = ROUTES.get(path)
        if route is None:
            return self.send(404, b"not found", "text/plain")
        route(self)


def _base(h: Handler) -> str:
    return h.server.base


def escapes_feed(h: Handler) -> None:
    """Titles, authors, bodies and links full of escape sequences, raw and as XML character references."""
    refs = "&#x9b;6n &#x1b;[6n &#x202e;evil&#x202c; &#27;]0;PWNED-TITLE&#7;"
    items = item(HOSTILE_TEXT, f"{_base(h)}/article/1", "esc-1", body=HOSTILE_TEXT * 3)
    items += (
        f"<item><title>Refs {refs} {MARKUP}</title><link>{_base(h)}/article/2</link>"
        f"<author>{OSC0}Mallory{MARKUP}</author><guid>esc-2</guid>"
        f"<description><![CDATA[<p>{HOSTILE_TEXT}</p><p>Code:</p><pre>\b\b\b{CSI6N}</pre>"
        f'<a href="http://x.example/{OSC52}">link {BIDI}</a>]]></description></item>'
    )
    h.send(200, rss(items, title=f"Feed {OSC0}{MARKUP}"))


def entity_feed(h: Handler) -> None:
    """A 100 kB internal entity referenced 2,000 times (feedparser's fallback parser made 200 MB of it)."""
    entity = "A" * 100_000
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{entity}">]>'
        f'<rss version="2.0"><channel><title>Entities</title>'
        f"<item><title>Entity &big;</title><link>{_base(h)}/article/entity</link>"
        f"<description>{'&big;' * 2000}</description></item></channel></rss>"
    )
    h.send(200, body.encode())


def laughs_feed(h: Handler) -> None:
    """Billion laughs, plus external entities pointing at a local file and at our own server."""
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{lol}<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        f'<!ENTITY net SYSTEM "{_base(h)}/secret">]><rss version="2.0"><channel><title>Laughs &lol9;</title>'
        f"<item><title>XXE &xxe; &net;</title><link>{_base(h)}/article/laughs</link>"
        f"<description>&lol9; &xxe;</description></item></channel></rss>"
    )
    h.send(200, body.encode())


def doctype_flood(h: Handler) -> None:
    """Hundreds of thousands of unclosed declarations: quadratic for a naive regular expression."""
    h.send(200, b'<?xml version="1.0"?>' + b"<!DOCTYPE [" * 400_000 + rss(item("flood", "http://e.example/")))


def many_entries(h: Handler) -> None:
    """5,000 entries: more than the entry cap."""
    items = "".join(
        item(f"Entry {i}", f"{_base(h)}/article/many-{i}", f"many-{i}", body="x") for i in range(5000)
    )
    h.send(200, rss(items, "Many"))


def bad_dates(h: Handler) -> None:
    """Dates that are not dates, or are out of every range."""
    dates = [
        "not a date",
        "Mon, 99 Foo 2024 99:99:99 +9999",
        "9999-99-99T99:99:99Z",
        "-1",
        "0000-00-00",
        "Fri, 31 Dec 99999 23:59:59 GMT",
        "2024-02-30T10:00:00+25:00",
        "1e308",
        "\x00",
    ]
    items = "".join(
        item(f"Date {i}", f"{_base(h)}/article/date-{i}", f"date-{i}", d, "text") for i, d in enumerate(dates)
    )
    h.send(200, rss(items, "Dates"))


def dup_guids(h: Handler) -> None:
    """The same guid on different entries, and the same link under different guids."""
    items = "".join(
        item(f"Dup {i}", f"{_base(h)}/article/dup-{i % 2}", "same-guid" if i < 3 else f"g{i}", body="b")
        for i in range(6)
    )
    h.send(200, rss(items, "Duplicates"))


def json_surrogates(h: Handler) -> None:
    """A JSON Feed whose strings hold lone surrogates and escapes (valid JSON, invalid text)."""
    doc = (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "JSON \\ud800 \\u001b]0;PWNED-TITLE\\u0007",'
        '"items": [{"id": "\\udfff-1", "url": "'
        + _base(h)
        + '/article/json-1", "title": "Lone \\ud83d surrogate",'
        '"content_text": "Body \\udc00 \\u009b6n \\u202e text", "date_published": "\\ud800"}]}'
    )
    h.send(200, doc.encode(), "application/feed+json")


def summary_only(h: Handler) -> None:
    """Entries with only a title: their pages are fetched, and the pages are hostile."""
    names = ["empty", "binary", "long-word", "nested", "escapes-page", "bomb-page"]
    items = "".join(item(f"Page {n}", f"{_base(h)}/page/{n}", f"page-{n}") for n in names)
    h.send(200, rss(items, "Pages"))


def private_links(h: Handler) -> None:
    """From a (stand-in) public host: links to the reader's loopback, to a name resolving there, to
    cloud metadata, and to a page that redirects to loopback."""
    private = h.server.private_base
    links = [
        f"{private}/secret",
        "http://intranet.test/secret",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/secret",
        f"{_base(h)}/to-private",
    ]
    items = "".join(item(f"Private {i}", link, f"priv-{i}") for i, link in enumerate(links))
    h.send(200, rss(items, "Public feed"))


def page_bytes(kind: str) -> Callable[[Handler], None]:
    """A hostile article page."""

    def serve(h: Handler) -> None:
        if kind == "empty":
            return h.send(200, b"", "text/html")
        if kind == "binary":
            return h.send(200, bytes(range(256)) * 400 + b"\x89PNG\r\n\x1a\n" * 100, "text/html")
        if kind == "long-word":
            return h.send(200, b"<html><body><p>" + b"a" * 1_000_000 + b"</p></body></html>", "text/html")
        if kind == "nested":
            return h.send(
                200,
                b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>",
                "text/html",
            )
        if kind == "escapes-page":
            page = f"<html><head><title>{HOSTILE_TEXT}</title></head><body><article><h1>{HOSTILE_TEXT}</h1>"
            page += f"<p>{HOSTILE_TEXT}</p>" * 20 + "</article></body></html>"
            return h.send(200, page.encode(), "text/html; charset=utf-8")
        if kind == "bomb-page":
            return h.send(200, h.server.double_bomb, "text/html", Content_Encoding="gzip, gzip")
        return None

    return serve


def drip(h: Handler) -> None:
    """One byte every 0.2 s, for ever: never trips a read timeout."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "1000000")
    h.end_headers()
    try:
        for _ in range(3000):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/feed/escapes": escapes_feed,
    "/feed/entity": entity_feed,
    "/feed/laughs": laughs_feed,
    "/feed/doctype-flood": doctype_flood,
    "/feed/many": many_entries,
    "/feed/dates": bad_dates,
    "/feed/dups": dup_guids,
    "/feed/json": json_surrogates,
    "/feed/pages": summary_only,
    "/feed/private": private_links,
    "/feed/empty": lambda h: h.send(200, b""),
    "/feed/binary": lambda h: h.send(200, bytes(range(256)) * 1000),
    "/feed/oversize": lambda h: h.send(200, b"<rss>" + b" " * (11 * 1024 * 1024)),
    "/feed/gzip-bomb": lambda h: h.send(200, h.server.double_bomb, Content_Encoding="gzip, gzip"),
    "/feed/loop": lambda h: h.send(302, Location="/feed/loop2"),
    "/feed/loop2": lambda h: h.send(302, Location="/feed/loop"),
    "/feed/to-file": lambda h: h.send(302, Location="file:///etc/passwd"),
    "/feed/redirect-private": lambda h: h.send(302, Location=f"{h.server.private_base}/feed/escapes"),
    "/feed/redirect-name": lambda h: h.send(302, Location="http://intranet.test/secret"),
    "/feed/drip": drip,
    "/feed/error-escapes": lambda h: h.send(500, f"boom {OSC52}".encode()),
    "/to-private": lambda h: h.send(302, Location=f"{h.server.private_base}/secret"),
    "/secret": lambda h: h.send(200, b"SECRET-ON-LOOPBACK", "text/plain"),
    "/article/1": page_bytes("escapes-page"),
    **{
        f"/page/{k}": page_bytes(k)
        for k in ("empty", "binary", "long-word", "nested", "escapes-page", "bomb-page")
    },
    "/benign": lambda h: h.send(
        200,
        rss(
            item(
                "Benign earlier article",
                f"{_base(h)}/benign/1",
                "benign-1",
                "Tue, 19 Nov 2024 10:00:00 GMT",
                "<p>Kept safe.</p>",
            ),
            "Benign",
        ),
    ),
}


class HostileServer(ThreadingHTTPServer):
    """The hostile routes on `address`; `private_base` is the loopback server's address (for links)."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: str = "127.0.0.1", private_base: str | None = None) -> None:
        super().__init__((address, 0), Handler)
        self.hits: list[str] = []
        self.private_base = private_base or self.base
        self.double_bomb = gzip.compress(gzip.compress(b"\0" * (200 * 1024 * 1024), 9), 9)

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-body are expected."""

    @property
    def base(self) -> str:
        """http://ADDRESS:PORT"""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> HostileServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


def feed_urls(local: HostileServer, public: HostileServer) -> dict[str, str]:
    """Every hostile feed by name: most on the loopback server, the private-address ones on the public one."""
    urls = {name.removeprefix("/feed/"): local.base + name for name in ROUTES if name.startswith("/feed/")}
    for name in ("private", "redirect-private", "redirect-name"):
        urls[name] = public.base + f"/feed/{name}"
    urls.pop("loop2")
    urls.pop("drip")  # has its own test (it holds a refresh for its whole deadline)
    urls.pop("json")  # has its own test: today it stops the whole refresh (see test_json_feed_surrogates)
    return urls
