"""A real HTTP server on 127.0.0.1 (port 0) for fetch tests: our fixture feeds and pages plus routes for
every kind of trouble (slow, dripping, redirects, loops, errors, 429, gzip bombs, odd charsets, 304)."""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).parent.parent / "fixtures" / "feeds"
LAST_MODIFIED = "Tue, 19 Nov 2024 10:00:00 GMT"
TYPES = {
    ".xml": "application/rss+xml",
    ".rdf": "application/rdf+xml",
    ".json": "application/feed+json",
    ".html": "text/html",
    ".opml": "text/x-opml",
    ".txt": "text/plain",
}


class Handler(BaseHTTPRequestHandler):
    """Routes by path prefix; state shared through the server object."""

    protocol_version = "HTTP/1.1"
    server: LocalServer

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/plain; charset=utf-8", **(headers or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        self.server.hits.append(path)
        delay = float(query.get("delay", self.server.delay))
        if delay:
            time.sleep(delay)
        for prefix, method in ROUTES:
            if path.startswith(prefix):
                return method(self, path[len(prefix) :], query)
        self.send(404, b"not found")

    def fixture(self, name: str, query: dict[str, str]) -> None:
        file = (FIXTURES / name).resolve()
        if FIXTURES not in file.parents or not file.is_file():
            return self.send(404, b"no such fixture")
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if (
            self.headers.get("If-None-Match") == etag
            or self.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            return self.send(304, headers={"ETag": etag})
        ctype = query.get("type") or TYPES.get(file.suffix, "application/octet-stream")
        if "charset" in query:
            ctype += f"; charset={query['charset']}"
        self.send(200, body, {"Content-Type": ctype, "ETag": etag, "Last-Modified": LAST_MODIFIED})

    def redirect(self, rest: str, query: dict[str, str]) -> None:
        hops = int(rest or "0")
        target = f"/redirect/{hops - 1}" if hops > 0 else "/feeds/rss20.xml"
        self.send(302, headers={"Location": target})

    def loop(self, rest: str, query: dict[str, str]) -> None:
        self.send(302, headers={"Location": "/loop/b" if rest == "a" else "/loop/a"})

    def to_file(self, rest: str, query: dict[str, str]) -> None:
        self.send(302, headers={"Location": "file:///etc/passwd"})

    def status(self, rest: str, query: dict[str, str]) -> None:
        code = int(rest)
        self.send(code, f"status {code} \x1b]0;pwned\x07".encode(), {"Retry-After": query.get("retry", "0")})

    def flaky(self, rest: str, query: dict[str, str]) -> None:
        count = self.server.counters.get(rest, 0) + 1
        self.server.counters[rest] = count
        if count <= int(query.get("fail", "1")):
            return self.send(
                int(query.get("code", "429")), b"slow down", {"Retry-After": query.get("retry", "0")}
            )
        self.fixture("rss20.xml", {})

    def drip(self, rest: str, query: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def compressed(self, rest: str, query: dict[str, str]) -> None:
        if rest == "feed":
            body = gzip.compress((FIXTURES / "rss20.xml").read_bytes())
            return self.send(200, body, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
        if rest == "double":
            body = gzip.compress(gzip.compress((FIXTURES / "atom10.xml").read_bytes()))
            return self.send(
                200, body, {"Content-Type": "application/atom+xml", "Content-Encoding": "gzip, gzip"}
            )
        if rest == "bomb":
            return self.send(200, self.server.bomb, {"Content-Encoding": "gzip"})
        if rest == "double-bomb":
            return self.send(200, self.server.double_bomb, {"Content-Encoding": "gzip, gzip"})
        self.send(404)

    def big(self, rest: str, query: dict[str, str]) -> None:
        size = int(query.get("size", str(11 * 1024 * 1024)))
        headers = {"Content-Type": "text/html"}
        if rest == "chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(size // len(chunk) + 1):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            return
        self.send(200, b"x" * size, headers)

    def mislabelled(self, rest: str, query: dict[str, str]) -> None:
        body = (FIXTURES / "pages" / "cafe-latin1.html").read_bytes()
        self.send(200, body, {"Content-Type": "text/html; charset=utf-8"})

    def big_entity(self, rest: str, query: dict[str, str]) -> None:
        entity = "A" * 100_000
        refs = "&big;" * 2000
        body = (
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{entity}">]>'
            f'<rss version="2.0"><channel><title>Big</title><item><title>t</title>'
            f"<link>http://big.example/a</link><description>{refs}</description></item></channel></rss>"
        )
        self.send(200, body.encode(), {"Content-Type": "application/rss+xml"})


ROUTES = [
    ("/feeds/", Handler.fixture),
    ("/pages/", lambda h, r, q: h.fixture("pages/" + r, q)),
    ("/redirect/", Handler.redirect),
    ("/loop/", Handler.loop),
    ("/to-file", Handler.to_file),
    ("/status/", Handler.status),
    ("/flaky/", Handler.flaky),
    ("/drip", Handler.drip),
    ("/gzip/", Handler.compressed),
    ("/big", Handler.big),
    ("/mislabelled", Handler.mislabelled),
    ("/big-entity", Handler.big_entity),
    ("/site", lambda h, r, q: h.fixture("site.html", q)),
]


class LocalServer(ThreadingHTTPServer):
    """The server plus what tests inspect: the paths it was asked for."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: list[str] = []
        self.counters: dict[str, int] = {}
        self.delay = 0.0
        self.bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), 9)
        self.double_bomb = gzip.compress(gzip.compress(b"\0" * (256 * 1024 * 1024), 9), 9)

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-body (that is what the cap tests do) are expected: stay quiet."""

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> LocalServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self
