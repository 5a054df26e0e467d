"""The installed `tuinews` command, as a user runs it: in a subprocess and in a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import IMPORT_FIXTURES


def tuinews_command() -> str:
    """The console script installed next to this Python (the way the README installs it)."""
    candidate = Path(sys.executable).parent / "tuinews"
    found = str(candidate) if candidate.exists() else shutil.which("tuinews")
    if not found:
        pytest.fail("the tuinews command is not installed: run `pip install -e .[test]` first")
    return found


def run(*args: str, db: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TUINEWS_DB": str(db)}
    return subprocess.run([tuinews_command(), *args], input=stdin, capture_output=True, env=env, timeout=60)


def test_installed_command_imports_shows_and_fails_cleanly(db_path: Path) -> None:
    imported = run("import", str(IMPORT_FIXTURES), db=db_path)
    assert imported.returncode == 0, imported.stderr
    shown = json.loads(run("show", "1", "--json", db=db_path).stdout)
    assert shown["id"] == 1 and shown["dateline"]
    missing = run("show", "42", db=db_path)
    assert missing.returncode == 1
    assert missing.stderr.decode().count("\n") == 1 and b"Traceback" not in missing.stderr
    module = subprocess.run([sys.executable, "-m", "tuinews", "--version"], capture_output=True, timeout=60)
    assert module.stdout.decode().startswith("tuinews, version")


def test_the_app_runs_in_a_real_terminal_and_quits_with_q(db_path: Path) -> None:
    assert run("import", str(IMPORT_FIXTURES), db=db_path).returncode == 0
    env = {**os.environ, "TUINEWS_DB": str(db_path), "TERM": "xterm-256color", "NO_COLOR": "1"}
    child = pexpect.spawn(tuinews_command(), env=env, dimensions=(24, 80), timeout=30)
    try:
        child.expect("3 articles")
        child.expect("Night market")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0


def test_demo_in_a_real_terminal_move_open_search_quit(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "xterm-256color", "TMPDIR": str(tmp_path)}
    child = pexpect.spawn(tuinews_command(), ["--demo"], env=env, dimensions=(30, 100), timeout=60)
    try:
        child.expect("unread")
        child.send("j")  # move down the list
        child.send("\r")  # open the article: it is marked read
        child.expect("12 unread")
        child.send("/")
        child.expect("Search")
        child.send("ferry")
        child.expect("results")
        child.send("\r")  # open the top result: another article read
        child.expect("11 unread")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    assert not list(tmp_path.glob("tuinews-demo-*")), "the demo cache is cleaned up on exit"


def test_a_second_demo_start_reuses_the_built_cache(tmp_path: Path) -> None:
    kept = tmp_path / "cache"
    env = {**os.environ, "TERM": "xterm-256color", "TMPDIR": str(tmp_path), "TUINEWS_CACHE_DIR": str(kept)}

    def read_one_and_quit() -> None:
        child = pexpect.spawn(tuinews_command(), ["--demo"], env=env, dimensions=(30, 100), timeout=60)
        try:
            child.expect("13 unread")
            child.send("\r")  # open the first article: marked read in this session's copy only
            child.expect("12 unread")
            child.send("q")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
        assert child.exitstatus == 0

    read_one_and_quit()
    built = list(kept.glob("demo-*.db"))
    assert len(built) == 1
    before = built[0].stat()
    read_one_and_quit()  # 13 unread again: the kept cache never changes
    assert list(kept.glob("demo-*.db")) == built
    after = built[0].stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert not list(tmp_path.glob("tuinews-demo-*")), "each session's copy is removed on exit"
