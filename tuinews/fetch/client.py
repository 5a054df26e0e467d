"""The one HTTP client: http(s) only, timeouts plus an overall deadline, at most 5 redirects, a size cap
after every decoding layer, retries on 429/5xx honouring Retry-After, conditional GET, and global and
per-host concurrency limits. Failures come back as a `FetchResult` with a clean one-line `error`.
"""

from __future__ import annotations

import asyncio
import functools
import random
import ssl
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpcore
import httpx

from tuinews import __version__
from tuinews.fetch.decoding import ACCEPT_ENCODING, BodyDecoder, BodyTooLarge, DecodingError
from tuinews.fetch.netguard import GuardedBackend, PrivateAddressError, allow_private, resolve_checked
from tuinews.fetch.result import FetchResult
from tuinews.fetch.urls import URLError, host_of, require_http_url, resolve_url
from tuinews.sanitize import clean_line

USER_AGENT = f"tuinews/{__version__} (terminal news reader; +https://github.com/tuinews/tuinews)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchLimits:
    """Every bound a request runs under (tests shrink them)."""

    max_bytes: int = 10 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    """Seconds for one attempt from first byte sent to last byte read, redirects included."""
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    max_retry_wait: float = 60.0
    """A Retry-After longer than this is not waited for: the fetch fails and says when to come back."""


def clean_error(text: str, limit: int = 300) -> str:
    """An error message fit for a terminal and a database column: one line, no controls, bounded."""
    line = clean_line(text)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), (clean_line(charset) or None) if isinstance(charset, str) else None


_NAME_ERRORS = ("Name or service not known", "nodename nor servname", "No address associated", "getaddrinfo")


def connect_error(url: str, exc: Exception) -> str:
    """Why no connection was made, in words that say what to check (httpx's own text, "All connection
    attempts failed", names neither the host nor the cause)."""
    text = str(exc) or type(exc).__name__
    try:
        parts = urlsplit(url)
        host = (parts.hostname or url) + (f":{parts.port}" if parts.port else "")
    except ValueError:
        host = url
    if "All connection attempts failed" in text or "Connection refused" in text:
        why = f"could not connect to {host} (connection refused or unreachable: check the address and that the server is up)"
    elif "Temporary failure in name resolution" in text:
        why = f"could not look up {host} (no network, or the name server is unreachable)"
    elif "cannot resolve" in text and any(e in text for e in _NAME_ERRORS):
        why = f"could not find the host {host} (check the address)"
    else:
        why = f"cannot fetch: {text}"
    return clean_error(why)


def size_text(size: int) -> str:
    """A byte count as people say it ("10 MB", "512 bytes")."""
    return f"{size / 1048576:g} MB" if size >= 1048576 else f"{size:,} bytes"


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The TLS settings every client shares: httpx's defaults (certificate checks on, the certifi CA
    bundle). Built once per process: loading the CA bundle costs ~20 ms, which each connection pool of
    a refresh used to pay again before its first request."""
    return httpx.create_ssl_context(trust_env=False)


def guarded_transport(connections: int = 20) -> httpx.AsyncHTTPTransport:
    """httpx's transport with our network backend, which refuses private addresses a request may not
    reach (see `netguard`) and connects only to the address it checked."""
    pool_limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    transport = httpx.AsyncHTTPTransport(limits=pool_limits, trust_env=False, verify=tls_context())
    pool = transport._pool  # httpx builds the pool; only its network backend is replaced
    if not isinstance(pool, httpcore.AsyncConnectionPool):  # pragma: no cover - no proxy is ever configured
        raise RuntimeError("unexpected httpx transport")
    pool._network_backend = GuardedBackend()
    return transport


def make_client(limits: FetchLimits = FetchLimits(), *, connections: int = 20) -> httpx.AsyncClient:
    """An httpx client with explicit timeouts and pool limits; redirects are followed by `Fetcher`
    itself so that every hop is checked (scheme, count, loops, private addresses)."""
    return httpx.AsyncClient(
        transport=guarded_transport(connections),
        timeout=httpx.Timeout(
            connect=limits.connect_timeout,
            read=limits.read_timeout,
            write=limits.read_timeout,
            pool=limits.deadline,
        ),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        trust_env=False,
    )


class Fetcher:
    """Fetches URLs under a global and a per-host concurrency limit. Use as an async context manager."""

    def __init__(
        self, limits: FetchLimits = FetchLimits(), *, concurrency: int = 20, per_host: int = 6
    ) -> None:
        self.limits = limits
        self.client = make_client(limits, connections=concurrency)
        self._global = asyncio.Semaphore(concurrency)
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(per_host))
        self.requests = 0
        """How many HTTP requests were sent (redirect hops and retries included)."""

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        origin: str | None = None,
    ) -> FetchResult:
        """GET `url` (conditional with `etag`/`last_modified` are given); never raises for network errors.

        `origin` is the feed or page the URL was found in (None when the user gave it, "" when it is no
        longer known): a private or loopback address is reached only on that host (on the URL's own host
        when `origin` is None, nowhere when it is ""), and never through a redirect to another host.
        """
        try:
            url = require_http_url(url)
        except URLError as exc:
            return FetchResult(url, url, error=clean_error(str(exc)))
        private_ok = host_of(url if origin is None else origin)
        headers = {"Accept": accept or "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            async with self._hosts[host_of(url)], self._global:
                with allow_private([private_ok]):
                    result = await self._attempt(url, headers)
            if result.status not in RETRY_STATUSES or attempt >= self.limits.retries:
                return result
            wait = result.retry_after
            if wait is None:
                wait = self.limits.backoff * (2**attempt) * (0.75 + random.random() / 2)
            if wait > self.limits.max_retry_wait:
                result.error = clean_error(f"{result.error}; the server asks to wait {wait:.0f} s")
                return result
            await asyncio.sleep(wait)
            attempt += 1

    async def _attempt(self, url: str, headers: dict[str, str]) -> FetchResult:
        try:
            async with asyncio.timeout(self.limits.deadline):
                return await self._follow(url, headers)
        except TimeoutError:
            return FetchResult(url, url, error=f"no complete response within {self.limits.deadline:g} s")
        except httpx.TimeoutException as exc:
            kind = type(exc).__name__.replace("Timeout", " timeout").lower()
            return FetchResult(url, url, error=f"{kind} after {self._timeout_for(exc):g} s")
        except httpx.HTTPError as exc:
            if isinstance(exc.__cause__, PrivateAddressError):
                return FetchResult(url, url, error=clean_error(str(exc.__cause__)))
            if isinstance(exc, httpx.ConnectError):
                return FetchResult(url, url, error=connect_error(url, exc))
            return FetchResult(url, url, error=clean_error(f"cannot fetch: {exc or type(exc).__name__}"))

    def _timeout_for(self, exc: Exception) -> float:
        return (
            self.limits.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else self.limits.read_timeout
        )

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        current, seen = url, {url}
        for _ in range(self.limits.max_redirects + 1):
            try:  # checked before sending, since a pooled connection is not looked up again
                request = self.client.build_request("GET", current, headers=headers)
                await resolve_checked(request.url.host, request.url.port or 80, self.limits.connect_timeout)
            except PrivateAddressError as exc:
                via = f" (redirected from {host_of(url)})" if current != url else ""
                return FetchResult(url, current, error=clean_error(f"{exc}{via}"))
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                return FetchResult(url, current, error=connect_error(current, exc))
            self.requests += 1
            response = await self.client.send(request, stream=True)
            try:
                if response.status_code in REDIRECT_STATUSES and response.headers.get("location"):
                    target = resolve_url(current, response.headers["location"])
                    if target is None:
                        return FetchResult(
                            url, current, response.status_code, error="redirected to a non-http(s) URL"
                        )
                    if target in seen:
                        return FetchResult(url, current, response.status_code, error="redirect loop")
                    seen.add(target)
                    current = target
                    continue
                return await self._finish(url, current, response)
            finally:
                await response.aclose()
        return FetchResult(url, current, error=f"more than {self.limits.max_redirects} redirects")

    async def _finish(self, url: str, final: str, response: httpx.Response) -> FetchResult:
        mime, charset = _content_type(response.headers.get("content-type"))
        result = FetchResult(
            url,
            final,
            response.status_code,
            content_type=mime,
            charset=charset,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            headers={k.lower(): v for k, v in response.headers.items()},
        )
        status = response.status_code
        if status == 304:
            return result
        if status >= 400 or status < 200:
            result.error = clean_error(f"HTTP {status} {response.reason_phrase}".strip())
            result.retry_after = parse_retry_after(response.headers.get("retry-after"))
            return result
        cap = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            result.error = f"response larger than {size_text(cap)} (Content-Length {int(declared):,})"
            return result
        try:
            decoder = BodyDecoder(response.headers.get("content-encoding"), cap)
            parts: list[bytes] = []
            wire = 0
            async for chunk in response.aiter_raw():
                wire += len(chunk)
                if wire > cap:
                    raise BodyTooLarge(cap)
                parts.append(decoder.feed(chunk))
            parts.append(decoder.finish())
        except BodyTooLarge:
            result.error = f"response larger than {size_text(cap)} (after decompression)"
            return result
        except DecodingError as exc:
            result.error = clean_error(str(exc))
            return result
        result.body = b"".join(parts)
        return result
