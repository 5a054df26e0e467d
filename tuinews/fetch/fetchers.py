"""Many hosts at once: `Fetcher`s side by side, each host always served by the same one.

httpcore's connection pool does work proportional to (connections x connections) every time a request
starts or ends (it re-scans the pool to find idle and surplus connections), so one pool of 128
connections spends more CPU on bookkeeping than on HTTP once hundreds of hosts are refreshed. Splitting
the connections over small pools keeps each scan short. A host is pinned to one pool, so its per-host
limit and its keep-alive connections stay whole; the global limit is the sum of the pools'.

Importing this module also makes httpcore's async-backend detection cheap when `sniffio` is not
installed (see `_remember_missing_sniffio`).
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from contextlib import AsyncExitStack
from typing import Any

from tuinews.fetch.client import Fetcher, FetchLimits, FetchResult
from tuinews.fetch.urls import host_of

#: Connections per pool: small enough that httpcore's pool scans stay cheap.
CONNECTIONS_PER_POOL = 16


def _remember_missing_sniffio() -> None:
    """Record in `sys.modules` that `sniffio` is absent, so importing it fails at once.

    httpcore 1.0 runs `import sniffio` inside every lock and semaphore it sets up (several per request)
    and falls back to asyncio on ImportError; anyio >= 4.11 no longer installs sniffio, and Python does
    not cache a failed import, so each attempt searched every `sys.path` entry again: about 1 ms of CPU
    per request, 5 s of a 4,200-request refresh (encode/httpcore discussion #1102). A `None` entry is
    Python's own marker for "this module cannot be imported" and yields the same ImportError, without
    the search. Nothing changes when sniffio is installed.
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


_remember_missing_sniffio()


class FetcherPool:
    """`Fetcher`-compatible `fetch()` over several pools; an async context manager like `Fetcher`.

    Pools are opened only as the load needs them (they share one TLS context, `client.tls_context`): a new host
    goes to the least busy open pool, and a new pool is opened only when every open one already has
    `per_pool` requests in flight or queued. A refresh of 50 feeds answering 304 opens two or three.
    """

    def __init__(
        self,
        limits: FetchLimits | None = None,
        *,
        concurrency: int = 20,
        per_host: int = 6,
        per_pool: int | None = None,
    ) -> None:
        self.limits = limits or FetchLimits()
        self.per_host = per_host
        per_host = max(1, per_host)
        self.hosts_per_pool = max(1, round((per_pool or CONNECTIONS_PER_POOL) / per_host))
        """Hosts a pool serves at once through `host_slot` (their connections then stay alive)."""
        self.pool_size = min(max(1, concurrency), self.hosts_per_pool * per_host)
        self.max_pools = max(1, concurrency // self.pool_size)
        self.fetchers: list[Fetcher] = []
        self._load: dict[Fetcher, int] = {}
        self._slots: dict[Fetcher, asyncio.Semaphore] = {}
        self._slotted: dict[Fetcher, int] = {}
        self._slotted_hosts: dict[str, Fetcher] = {}
        self._hosts: dict[str, Fetcher] = {}
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> FetcherPool:
        await self._stack.__aenter__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()

    @property
    def requests(self) -> int:
        """HTTP requests sent by every pool (redirect hops and retries included)."""
        return sum(f.requests for f in self.fetchers)

    async def _open(self) -> Fetcher:
        fetcher = Fetcher(self.limits, concurrency=self.pool_size, per_host=self.per_host)
        await self._stack.enter_async_context(fetcher)
        self.fetchers.append(fetcher)
        self._load[fetcher] = 0
        self._slots[fetcher] = asyncio.Semaphore(self.hosts_per_pool)
        self._slotted[fetcher] = 0
        return fetcher

    async def fetcher_for(self, url: str) -> Fetcher:
        """The pool serving this URL's host, chosen (and opened if needed) the first time the host is seen."""
        host = host_of(url)
        fetcher = self._hosts.get(host)
        if fetcher is None:
            fetcher = min(self.fetchers, key=self._load.__getitem__, default=None)
            if fetcher is None or (
                self._load[fetcher] >= self.pool_size and len(self.fetchers) < self.max_pools
            ):
                fetcher = await self._open()
            self._hosts[host] = fetcher
        return fetcher

    async def host_slot(self, url: str) -> asyncio.Semaphore:
        """Hold this while sending many requests to one host: a pool serves `hosts_per_pool` hosts at a
        time, so each keeps its connections instead of closing another host's idle ones.

        The first call for a host moves it to the pool with the fewest such hosts (opening one while
        every pool has its share), so a burst of one-off feed requests, which filled the first pool, does
        not leave that pool with most of the page fetching. Requests already running on the host's old
        pool finish there (at most the feed request itself).
        """
        host = host_of(url)
        fetcher = self._slotted_hosts.get(host)
        if fetcher is None:
            fetcher = min(self.fetchers, key=self._slotted.__getitem__, default=None)
            if fetcher is None or (
                self._slotted[fetcher] >= self.hosts_per_pool and len(self.fetchers) < self.max_pools
            ):
                fetcher = await self._open()
            self._slotted[fetcher] += 1
            self._slotted_hosts[host] = self._hosts[host] = fetcher
        return self._slots[fetcher]

    async def fetch(self, url: str, **options: Any) -> FetchResult:
        """`Fetcher.fetch(url, **options)` on the pool that serves this URL's host."""
        fetcher = await self.fetcher_for(url)
        self._load[fetcher] += 1
        try:
            return await fetcher.fetch(url, **options)
        finally:
            self._load[fetcher] -= 1
