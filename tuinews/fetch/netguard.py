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
import contextlib
import contextvars
from collections.abc import Iterable, Iterator

import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

from tuinews.fetch.addresses import cached_lookup, is_private_address, literal_address

#: Host names (lower case) that may resolve to private addresses in the current request.
_ALLOWED: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "tuinews_private_ok", default=frozenset()
)


class PrivateAddressError(httpcore.ConnectError):
    """A connection to a private address that this request may not reach (message fit to show the user)."""


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
