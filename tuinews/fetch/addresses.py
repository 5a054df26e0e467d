"""Which addresses are private, and what a host name resolves to (with a short cache and a bounded wait).

Kept apart from `netguard` (the connect-time check, which needs httpcore) so that deciding whether a
feed's link may be fetched (`urls.link_allowed`) loads nothing of the HTTP stack: the refresh's
parsing worker process makes that decision too.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ipaddress
import socket
import time

_CACHE: dict[str, tuple[float, list[str]]] = {}
_CACHE_SECONDS = 60.0
_CACHE_MAX = 4096
_EXECUTOR = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="tuinews-dns")
_LOOKUPS: dict[str, tuple[float, concurrent.futures.Future[bool | None]]] = {}


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
