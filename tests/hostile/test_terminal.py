"""The app in a real pseudo-terminal over a cache full of hostile text: every byte it writes is captured,
and none of the attacker's escape sequences (OSC 52, OSC 0, OSC 8, CSI 6n, C1, bidi overrides) is in it;
Rich/Textual markup in titles shows literally and never acts or crashes."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from tests.hostile.conftest import HostileRefresh
from tests.hostile.server import FORBIDDEN_BYTES, HOSTILE_TEXT, MARKUP

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def _tuinews() -> str:
    found = shutil.which("tuinews", path=str(Path(sys.executable).parent))
    assert found, "the tuinews command is installed in the venv"
    return found


def _plant_raw_rows(db_path: Path) -> None:
    """Rows written as a hostile (or older, unsanitising) program would: raw escapes in every field."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    raw = HOSTILE_TEXT
    body = f"# {raw}\n\n{raw}\n\n```\n\b\b\b{raw}\n```\n\n[{raw}](http://x.example/\x1b]52;c;cHduZWQ=\x07)\n"
    conn.execute(
        "UPDATE articles SET title = ?, dek = ?, byline = ?, outlet = ?, place = ?, body_markdown = ?, "
        "sort_key = '9999-12-31T00:00:00+00:00' WHERE id = (SELECT max(id) FROM articles)",
        [raw, raw, json.dumps([raw]), raw, raw, body],
    )
    conn.execute(
        'INSERT INTO quotes (article_id, ordinal, text, speaker, speaker_role, kind, paragraph, start, "end", '
        "confidence) SELECT max(id), 0, ?, ?, ?, 'direct', 0, 0, 1, 1.0 FROM articles",
        [raw, raw, raw],
    )
    conn.execute(
        "UPDATE feeds SET title = ?, last_error = ? WHERE id = (SELECT min(id) FROM feeds)", [raw, raw]
    )
    conn.commit()
    conn.close()


def _run_app(db: Path, keys: list[str], tmp: Path) -> tuple[bytes, int | None]:
    env = {**os.environ, "TERM": "xterm-256color", "TMPDIR": str(tmp), "HOME": str(tmp), "NO_COLOR": "1"}
    env.pop("TUINEWS_DB", None)
    captured = io.BytesIO()
    child = pexpect.spawn(_tuinews(), ["--db", str(db)], env=env, dimensions=(32, 110), timeout=30)
    child.logfile_read = captured
    try:
        child.expect("unread")
        for key in keys:
            child.send(key)
            child.expect([pexpect.TIMEOUT], timeout=0.4)  # let it draw
        assert child.isalive(), "the app quit on its own (markup acted, or it crashed)"
        child.send("q")
        child.expect(pexpect.EOF, timeout=20)
    finally:
        child.close(force=True)
    return captured.getvalue(), child.exitstatus


@pytest.fixture(scope="module")
def hostile_cache(hostile_refresh: HostileRefresh, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pty")
    copy = folder / "tuinews.db"
    src = sqlite3_backup(hostile_refresh.sandbox.db, copy)
    _plant_raw_rows(src)
    return copy


def sqlite3_backup(source: Path, target: Path) -> Path:
    """A consistent copy of a WAL cache."""
    import sqlite3

    with sqlite3.connect(source) as a, sqlite3.connect(target) as b:
        a.backup(b)
    return target


def test_hostile_text_never_reaches_the_terminal_as_control_sequences(
    hostile_cache: Path, tmp_path: Path
) -> None:
    # Open the newest (planted) article, then walk down the list opening the hostile feed articles, with
    # the quotes and dateline panels shown.
    keys = ["\r", "d", '"', "\x1b", "j", "\r", "\x1b", "j", "\r", "\x1b", "j", "\r", "G", "\r", "\x1b"]
    output, status = _run_app(hostile_cache, keys, tmp_path)
    assert status == 0
    assert b"Traceback" not in output and b"MarkupError" not in output
    leaked = [marker for marker in FORBIDDEN_BYTES if marker in output]
    assert not leaked, f"attacker sequences reached the terminal: {leaked}"
    # The text itself arrives, whole escape sequences removed (their payloads too) and markup shown
    # literally.
    assert b"Hostile" in output and b"PWNED-TITLE" not in output
    assert b"[@click=app.quit]" in output or b"@click=app.quit" in output


def test_markup_in_a_title_shows_literally(hostile_cache: Path, tmp_path: Path) -> None:
    output, status = _run_app(hostile_cache, ["j", "k"], tmp_path)
    assert status == 0
    assert b"[/]" in output, f"{MARKUP!r} is shown as text"
