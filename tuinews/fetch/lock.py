"""One refresh at a time per cache: an advisory lock file beside the database."""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, refreshes may overlap (still safe, just wasteful)
    fcntl = None  # type: ignore[assignment]


class RefreshLock:
    """`acquire()` returns False at once when another process (or refresh) holds the lock.

    The kernel drops the lock when its holder dies, so a refresh killed with SIGKILL never leaves it stuck.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".refresh-lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting."""
        if fcntl is None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Let the next refresh run."""
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
