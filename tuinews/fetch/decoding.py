"""Content-Encoding layers undone while streaming, with the size cap applied after every layer.

httpx checks sizes on wire bytes only, so a small body with `Content-Encoding: gzip, gzip` could expand
to gigabytes. Here each layer's output is bounded with zlib's `max_length`, so memory never exceeds the
cap (plus one chunk) whatever the compression ratio.
"""

from __future__ import annotations

import zlib

#: Encodings tuinews asks for and can undo.
SUPPORTED = ("gzip", "x-gzip", "deflate", "identity")
ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(Exception):
    """The body (or one of its decoded layers) is larger than the cap."""


class DecodingError(Exception):
    """The body cannot be decoded as its Content-Encoding says."""


class _Layer:
    """One compression layer: gzip (possibly several members) or deflate (zlib-wrapped or raw)."""

    def __init__(self, encoding: str, cap: int) -> None:
        self.encoding = encoding
        self.cap = cap
        self.produced = 0
        self._obj: zlib._Decompress | None = None
        self._pending = b""

    def _new(self, first: bytes) -> zlib._Decompress:
        if self.encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        zlib_header = len(first) >= 2 and first[0] & 0x0F == 8 and ((first[0] << 8) | first[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> bytes:
        """Decompress a chunk; raises `BodyTooLarge` once the output passes the cap."""
        out = bytearray()
        data = self._pending + data
        self._pending = b""
        while data:
            if self._obj is None:
                if len(data) < 2:
                    self._pending = data
                    break
                self._obj = self._new(data)
            remaining = self.cap - self.produced
            try:
                chunk = self._obj.decompress(data, remaining + 1)
            except zlib.error as exc:
                raise DecodingError(f"bad {self.encoding} data ({exc})") from None
            self.produced += len(chunk)
            if self.produced > self.cap or self._obj.unconsumed_tail:
                raise BodyTooLarge(self.cap)
            out += chunk
            if self._obj.eof:
                data = self._obj.unused_data.lstrip(b"\0")  # another gzip member may follow
                self._obj = None
            else:
                data = b""
        return bytes(out)

    def finish(self) -> bytes:
        """Flush what is left; a truncated stream is an error."""
        if self._obj is None:
            if self._pending:
                raise DecodingError(f"truncated {self.encoding} data")
            return b""
        try:
            tail = self._obj.flush(self.cap - self.produced + 1)
        except zlib.error as exc:
            raise DecodingError(f"bad {self.encoding} data ({exc})") from None
        self.produced += len(tail)
        if self.produced > self.cap:
            raise BodyTooLarge(self.cap)
        if not self._obj.eof:
            raise DecodingError(f"truncated {self.encoding} data")
        return tail


class BodyDecoder:
    """Undoes every Content-Encoding layer in turn (the last one listed was applied last)."""

    def __init__(self, content_encoding: str | None, cap: int) -> None:
        names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
        unknown = [n for n in names if n not in SUPPORTED]
        if unknown:
            raise DecodingError(f"unsupported Content-Encoding {unknown[0][:40]!r}")
        if len(names) > 4:
            raise DecodingError("too many Content-Encoding layers")
        self.cap = cap
        self.size = 0
        self._layers = [_Layer(n, cap) for n in reversed(names) if n != "identity"]

    def feed(self, data: bytes) -> bytes:
        """Decoded bytes for one wire chunk."""
        for layer in self._layers:
            data = layer.feed(data)
        return self._count(data)

    def finish(self) -> bytes:
        """Decoded bytes left at the end of the body."""
        data = b""
        for layer in self._layers:
            data = (layer.feed(data) if data else b"") + layer.finish()
        return self._count(data)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.cap:
            raise BodyTooLarge(self.cap)
        return data
