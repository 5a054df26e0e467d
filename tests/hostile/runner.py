"""Runs one refresh in a child process for the hostile tests (which bound its time and memory).

    python -m tests.hostile.runner DB [--public 127.0.0.2] [--deadline S] [--refresh-deadline S]

`--public ADDRESS` makes this process treat ADDRESS as a public internet address (the test machine has
only loopback), and makes the name `intranet.test` resolve to 127.0.0.1, so the private-address rules can
be exercised end to end. Prints one JSON object: the summary, each feed's error and the peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
from pathlib import Path

from tuinews.fetch import addresses, netguard, urls
from tuinews.fetch.client import FetchLimits
from tuinews.fetch.refresh import RefreshOptions, refresh_feeds


def pretend_public(address: str) -> None:
    """Treat `address` as public and `intranet.test` as a name for the loopback address."""
    real_is_private, real_lookup = addresses.is_private_address, addresses.lookup

    def is_private(candidate: str) -> bool:
        return candidate != address and real_is_private(candidate)

    def lookup(host: str, port: int = 80) -> list[str]:
        return ["127.0.0.1"] if host.lower() == "intranet.test" else real_lookup(host, port)

    addresses.is_private_address = is_private  # type: ignore[assignment]
    netguard.is_private_address = is_private  # type: ignore[assignment]
    urls.is_private_address = is_private  # type: ignore[assignment]
    addresses.lookup = lookup  # type: ignore[assignment]


def main() -> None:
    """Parse arguments, refresh, report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--public")
    parser.add_argument("--deadline", type=float, default=5.0)
    parser.add_argument("--refresh-deadline", type=float, default=60.0)
    args = parser.parse_args()
    if args.public:
        pretend_public(args.public)
    limits = FetchLimits(connect_timeout=2, read_timeout=2, deadline=args.deadline, retries=0)
    # Feeds are parsed in this process: the pretence above does not reach a worker process.
    options = RefreshOptions(
        limits=limits,
        deadline=args.refresh_deadline,
        concurrency=16,
        parse_processes=0 if args.public else None,
    )
    summary = asyncio.run(refresh_feeds(args.db, options=options))
    report = {
        "line": summary.line(),
        "error": summary.error,
        "new": summary.new,
        "feeds": {f.url: {"error": f.error, "new": f.new, "seen": f.seen} for f in summary.feeds},
        "pages_fetched": summary.pages_fetched,
        "pages_failed": summary.pages_failed,
        "extracted": summary.extracted,
        "extract_failed": summary.extract_failed,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
