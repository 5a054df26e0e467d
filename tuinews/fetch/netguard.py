"""Which addresses a fetch may reach: private, loopback and link-local ones only on the host asked for.

A public feed must not make tuinews probe the reader's own network (the router's admin page, a database
on localhost, cloud metadata at 169.254.169.254). Checking the URL's host as text is not enough: a public
name can resolve to 10.0.0.1, and a public server can redirect to one. So the check happens where the
connection is made: `GuardedBackend` resolves the name itself, refuses when an address is private and the
host is not allowed to be, and connects to the very address it checked (no second lookup an attacker's
DNS could answer differently).

The allowance is per request, in a context variable (`allow_private`), set by `Fetcher` for each hop:
the host the user asked for (or the host of the feed a link came from) may be private; any other host
may not.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

#: Host names (lower case) that may resolve to private addresses in the current request.
_ALLOWED: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "tuinews_private_ok", default=frozenset()
)
_CACHE: dict[str, tuple[float, list[str]]] = {}
_CACHE_SECONDS = 60.0
_CACHE_MAX = 4096
_EXECUTOR = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="tuinews-dns")
_LOOKUPS: dict[str, tuple[float, concurrent.futures.Future[bool | None]]] = {}


class PrivateAddressError(httpcore.ConnectError):
    """A connection to a private address that this request may not reach (message fit to show the user)."""


def is_private_address(address: str) -> bool:
    """True for loopback, private (RFC 1918, ULA), link-local, unspecified, multicast, reserved and shared
    (CGNAT) addresses, IPv4-mapped and NAT64 forms included."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address at all: refuse rather than guess
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in ipaddress.IPv6Network("64:ff9b::/96"):
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_private_address(str(embedded))
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_unspecified
        or ip.is_multicast
        or ip.is_reserved
        or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.IPv4Network("100.64.0.0/10"))
    )


def literal_address(host: str) -> str | None:
    """The address a host written as an IP literal stands for, including the legacy IPv4 forms resolvers
    accept (`2130706433`, `0x7f.1`, `0177.0.0.1`); None for a name."""
    host = host.strip("[]").lower()
    try:
        return str(ipaddress.ip_address(host.split("%", 1)[0]))
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefx." for c in host) and any(c.isdigit() for c in host):
        with contextlib.suppress(OSError, ValueError, UnicodeError):
            return socket.inet_ntoa(socket.inet_aton(host))
    return None


def lookup(host: str, port: int = 80) -> list[str]:
    """Addresses for `host` (system resolver; IP literals as they are). Raises `OSError` when it fails."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def cached_lookup(host: str, port: int = 80) -> list[str]:
    """`lookup` with a short per-process cache (so a feed with 1,000 links costs one lookup per host)."""
    key = host.lower()
    now = time.monotonic()
    hit = _CACHE.get(key)
    if hit is not None and now - hit[0] < _CACHE_SECONDS:
        return hit[1]
    addresses = lookup(key, port)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = (now, addresses)
    return addresses


def _classify(host: str) -> bool | None:
    try:
        addresses = cached_lookup(host)
    except (OSError, UnicodeError):
        return None
    return any(is_private_address(a) for a in addresses)


def resolves_private(host: str, timeout: float = 1.0) -> bool | None:
    """True when `host` is, or resolves to, a private address (any of its addresses); None when it cannot
    be resolved within `timeout` seconds (the fetch then fails on its own, or is checked when it connects).

    Safe to call from synchronous code on the event loop: a lookup never blocks longer than `timeout`, and
    one slow host is looked up once, not once per link.
    """
    key = host.lower()
    literal = literal_address(key)
    if literal is not None:
        return is_private_address(literal)
    now = time.monotonic()
    started = _LOOKUPS.get(key)
    if started is None or now - started[0] > _CACHE_SECONDS:
        if len(_LOOKUPS) >= _CACHE_MAX:
            _LOOKUPS.clear()
        started = (now, _EXECUTOR.submit(_classify, key))
        _LOOKUPS[key] = started
        wait = timeout
    else:
        wait = 0.0
    try:
        return started[1].result(timeout=wait)
    except concurrent.futures.TimeoutError:
        return None


@contextlib.contextmanager
def allow_private(hosts: Iterable[str]) -> Iterator[None]:
    """Within this block (and tasks it starts), these hosts may resolve to private addresses."""
    token = _ALLOWED.set(frozenset(h.lower().strip("[]") for h in hosts if h))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def private_allowed(host: str) -> bool:
    """Whether the current request may reach a private address on `host`."""
    return host.lower().strip("[]") in _ALLOWED.get()


async def resolve_checked(host: str, port: int, timeout: float | None) -> list[str]:
    """The addresses to connect to for `host`, or `PrivateAddressError` when one is private and the host
    may not be; `httpcore.ConnectError` when the name does not resolve."""
    literal = literal_address(host)
    if literal is not None:
        addresses = [literal]
    else:
        loop = asyncio.get_running_loop()
        try:
            addresses = await asyncio.wait_for(loop.run_in_executor(None, cached_lookup, host, port), timeout)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"looking up {host} took too long") from None
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
    private = [a for a in addresses if is_private_address(a)]
    if private and not private_allowed(host):
        where = "is" if literal is not None else f"resolves to {private[0]}, which is"
        raise PrivateAddressError(f"refused: {host} {where} a private or local address")
    return addresses


class GuardedBackend(AsyncNetworkBackend):
    """httpcore's network backend with the private-address rule applied at connect time."""

    def __init__(self, inner: AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[
            tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
        ]
        | None = None,
    ) -> AsyncNetworkStream:
        """Resolve, check, then connect to the first address that answers (only the checked ones)."""
        addresses = await resolve_checked(host, port, timeout)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error or httpcore.ConnectError(f"cannot connect to {host}")

    async def connect_unix_socket(self, *args: object, **kwargs: object) -> AsyncNetworkStream:
        """Never used: tuinews fetches http(s) over TCP only."""
        raise httpcore.ConnectError("unix sockets are not used by tuinews")

    async def sleep(self, seconds: float) -> None:
        """Delegate to the inner backend."""
        await self._inner.sleep(seconds)
