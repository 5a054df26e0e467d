"""The kept demo cache is rebuilt when what builds it changes, so `--demo` never shows stale extraction."""

from __future__ import annotations

import os
from pathlib import Path

import tuinews.extract.months as months
from tuinews.demo import demo_key


def test_a_changed_extraction_module_changes_the_demo_key() -> None:
    source = Path(months.__file__)
    before = source.stat()
    key = demo_key()
    try:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        assert demo_key() != key
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert demo_key() == key
