"""The fetch tests' HTTP server: one per test session, state reset for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fetch.server import LocalServer
from tuinews.fetch.client import Fetcher, FetchLimits

#: Short bounds so failure tests finish quickly.
TEST_LIMITS = FetchLimits(
    connect_timeout=2, read_timeout=0.5, deadline=1.0, retries=2, backoff=0.01, max_retry_wait=0.5
)


@pytest.fixture(scope="session")
def _server() -> Iterator[LocalServer]:
    server = LocalServer().start()
    yield server
    server.shutdown()


@pytest.fixture
def server(_server: LocalServer) -> LocalServer:
    """The running server, with its request log and counters cleared."""
    _server.hits.clear()
    _server.counters.clear()
    _server.delay = 0.0
    return _server


@pytest.fixture
async def fetcher() -> Fetcher:
    """A Fetcher with the test limits."""
    async with Fetcher(TEST_LIMITS, concurrency=8, per_host=8) as f:
        yield f
