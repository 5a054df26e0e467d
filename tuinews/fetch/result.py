"""What one fetch produced (kept apart from the client so feed parsing can run without httpx loaded)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchResult:
    """What one fetch produced: a body, a 304, or an error message."""

    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """A 2xx response with its body read."""
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        """The server said 304: what we have is current."""
        return self.status == 304 and self.error is None
