"""Bytes to text: the declared charset (HTTP header, BOM, `<meta>`), then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode a page or file. A declared charset that fails on the bytes is not trusted."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_encoding, errors="replace")
    candidates: list[str | None] = [_known(declared)]
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(_known(meta.group(1).decode("ascii", "ignore")))
    candidates.append("utf-8")
    for encoding in candidates:
        if encoding is None:
            continue
        if encoding == "utf-8":
            lenient = _lenient_utf8(data)
            if lenient is not None:
                return lenient
            continue
        # Latin-1 decodes anything, so a page labelled Latin-1 that is really UTF-8 is tried as UTF-8 first.
        if encoding in ("latin-1", "iso8859-1", "cp1252") and _is_utf8(data):
            return data.decode("utf-8")
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a byte that is not UTF-8 is read as cp1252 (Latin-1 where cp1252 has a gap)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("tuinews-cp1252", _cp1252_byte)


def _lenient_utf8(data: bytes) -> str | None:
    """UTF-8, tolerating a few stray single-byte characters pasted into a UTF-8 page.

    None when the bytes are not UTF-8 at all (a legacy encoding): then the invalid bytes outnumber the
    well-formed multibyte sequences, and detection has to decide.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid >= 10 * invalid:
        return data.decode("utf-8", errors="tuinews-cp1252")
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b > 0x7F for b in data)


_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20)])


def looks_binary(data: bytes) -> bool:
    """True for data that is not text at all (images, archives, executables)."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 text is half NUL bytes: judge it by whether it decodes.
        try:
            codecs.getincrementaldecoder("utf-16")().decode(head, final=False)
        except UnicodeDecodeError:
            return True
        return False
    if b"\0" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.05
