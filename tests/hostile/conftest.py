"""The hostile servers, a bounded child-process runner, and one shared refresh over every hostile feed."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.server import HostileServer, feed_urls
from tuinews.store.db import open_db
from tuinews.store.feeds import add_feed

ROOT = Path(__file__).resolve().parents[2]
#: Address space a child may use. A refresh of every hostile input needs well under this; an expanded
#: entity, a decompression bomb or a regex blow-up would need far more and die with MemoryError.
MEMORY_LIMIT = 1536 * 1024 * 1024
TIME_LIMIT = 90.0
#: Names the cache may have beside it; anything else is a file a hostile input made us create.
CACHE_FILES = {"tuinews.db", "tuinews.db-wal", "tuinews.db-shm", "tuinews.db.refresh-lock"}


@dataclass
class Sandbox:
    """Folders a child runs in: its working directory, home, temp and the cache's folder."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "cache" / "tuinews.db"

    def env(self) -> dict[str, str]:
        """A clean environment pointing home, temp and data folders into the sandbox."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TUINEWS_", "PYTEST"))}
        env.update(
            HOME=str(self.root / "home"),
            TMPDIR=str(self.root / "tmp"),
            TUINEWS_DATA_DIR=str(self.root / "data"),
            XDG_CONFIG_HOME=str(self.root / "home" / ".config"),
            PYTHONPATH=str(ROOT),
            MALLOC_ARENA_MAX="2",
            NO_COLOR="1",
            TZ="UTC",
        )
        return env

    def make(self) -> Sandbox:
        for name in ("cwd", "home", "tmp", "data", "cache"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        return self

    def stray_files(self) -> list[str]:
        """Files that appeared anywhere in the sandbox other than the cache and its companions."""
        found = []
        for path in self.root.rglob("*"):
            if path.is_file() and not (path.parent == self.db.parent and path.name in CACHE_FILES):
                found.append(str(path.relative_to(self.root)))
        return found


def limit_memory() -> None:
    """Run in the child before exec: cap its address space."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass
class Run:
    """A finished child process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def report(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.stdout.strip().splitlines()[-1])


def run_bounded(
    args: list[str], sandbox: Sandbox, *, timeout: float = TIME_LIMIT, stdin: bytes | None = None
) -> Run:
    """Run `python args...` in the sandbox under the memory cap; a run past `timeout` fails the test."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=sandbox.root / "cwd",
        env=sandbox.env(),
        input=stdin,
        capture_output=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


@pytest.fixture(scope="session")
def servers() -> Iterator[tuple[HostileServer, HostileServer]]:
    """The loopback server (127.0.0.1) and the stand-in public one (127.0.0.2)."""
    local = HostileServer("127.0.0.1").start()
    public = HostileServer("127.0.0.2", private_base=local.base).start()
    yield local, public
    local.shutdown()
    public.shutdown()


@dataclass
class HostileRefresh:
    """One refresh over every hostile feed, on a cache that already held articles."""

    sandbox: Sandbox
    run: Run
    urls: dict[str, str]
    earlier: list[tuple]  # type: ignore[type-arg]
    local: HostileServer
    public: HostileServer

    def feed_error(self, name: str) -> str | None:
        return self.run.report["feeds"][self.urls[name]]["error"]


EARLIER_SQL = "SELECT id, url, title, body_markdown, content_hash FROM articles ORDER BY id"


@pytest.fixture(scope="session")
def hostile_refresh(
    servers: tuple[HostileServer, HostileServer], tmp_path_factory: pytest.TempPathFactory
) -> HostileRefresh:
    """Refresh a benign feed, then subscribe every hostile feed and refresh once more."""
    local, public = servers
    sandbox = Sandbox(tmp_path_factory.mktemp("hostile")).make()
    db = open_db(sandbox.db)
    add_feed(db, local.base + "/benign")
    db.close()
    first = run_bounded(["-m", "tests.hostile.runner", str(sandbox.db)], sandbox)
    assert first.returncode == 0, first.stderr
    db = open_db(sandbox.db)
    earlier = [tuple(r) for r in db.execute(EARLIER_SQL).fetchall()]
    assert earlier, "the benign feed gave an article"
    urls = feed_urls(local, public)
    for url in urls.values():
        add_feed(db, url)
    db.close()
    run = run_bounded(["-m", "tests.hostile.runner", str(sandbox.db), "--public", "127.0.0.2"], sandbox)
    assert run.returncode == 0, run.stderr[-3000:]
    return HostileRefresh(sandbox, run, urls, earlier, local, public)
