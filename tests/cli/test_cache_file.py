"""Which file a command works on: a mistyped --db never makes a cache, a file that is not a cache is
never migrated, reported as damaged or rebuilt. In process and as the installed command."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli.test_installed_command import run as run_installed
from tests.conftest import IMPORT_FIXTURES
from tuinews.cli import cli

NOTE = IMPORT_FIXTURES / "night-market-notes.md"

#: Commands that only read the cache (or maintain one that is there): none may create it.
READING = [
    ["db", "stats"],
    ["db", "stats", "--json"],
    ["db", "check"],
    ["db", "vacuum"],
    ["db", "rebuild", "--yes"],
    ["search", "tolls"],
    ["show", "1"],
    ["quotes"],
    ["export", "out"],
    ["export", "-"],
    ["reprocess"],
    ["feed", "list"],
    ["feed", "export"],
    ["feed", "remove", "1"],
    ["refresh"],
]


@pytest.fixture(autouse=True)
def _no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the reader would start (the behaviour these tests guard against), fail instead of hanging."""
    import tuinews.ui.app

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader was started")

    monkeypatch.setattr(tuinews.ui.app, "make_app", refuse)


def invoke(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), obj={}, input=input)


def one_line_error(result: Result, fragment: str) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tuinews: error:"), result.stderr
    assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_mistyped_db_path_is_one_line_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    line = one_line_error(invoke("--db", str(missing), *command), f"no cache at {missing}")
    assert "check --db" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "no folder, no cache, no export"


def test_the_hint_names_where_the_path_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUINEWS_DB", str(tmp_path / "typo" / "x.db"))
    assert "check TUINEWS_DB" in one_line_error(invoke("db", "stats"), "no cache at")
    monkeypatch.delenv("TUINEWS_DB")
    default = one_line_error(invoke("db", "stats"), str(tmp_path / "data" / "tuinews.db"))
    assert "import or add a feed first)" in default, "the default path needs no --db advice"
    assert not (tmp_path / "data").exists() and not (tmp_path / "typo").exists()


def test_db_path_still_prints_a_path_with_no_cache(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.db"
    result = invoke("--db", str(missing), "db", "path")
    assert result.exit_code == 0 and result.stdout.strip() == str(missing)
    assert not missing.parent.exists()


def test_commands_that_store_create_the_cache_and_its_folder(tmp_path: Path) -> None:
    new = tmp_path / "new" / "folder" / "x.db"
    result = invoke("--db", str(new), "import", str(NOTE))
    assert result.exit_code == 0, result.output
    assert new.exists()
    assert invoke("--db", str(new), "db", "stats").exit_code == 0


def test_the_app_refuses_a_db_path_in_a_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    line = one_line_error(invoke("--db", str(missing)), f"no folder {missing.parent}")
    assert "check --db" in line
    monkeypatch.setenv("TUINEWS_DB", str(missing))
    assert "check TUINEWS_DB" in one_line_error(invoke(), "no folder")
    assert not (tmp_path / "nonexistent").exists()


def test_the_installed_command_with_a_mistyped_db(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    for args in (["db", "stats"], ["search", "tolls"], []):  # two commands and the app
        done = run_installed("--db", str(missing), *args, db=tmp_path / "ignored.db")
        assert done.returncode == 1, done
        stderr = done.stderr.decode()
        assert stderr.count("\n") == 1 and str(missing.parent) in stderr and "Traceback" not in stderr
    assert not (tmp_path / "nonexistent").exists()


# -- a file that is not a cache -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["db", "stats"],
        ["db", "check"],
        ["db", "rebuild", "--yes"],
        ["search", "x"],
        ["import", str(NOTE)],
        [],
    ],
    ids=lambda c: " ".join(c) or "app",
)
def test_a_text_file_is_not_a_cache_and_is_left_alone(tmp_path: Path, command: list[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("milk\neggs\n")
    line = one_line_error(invoke("--db", str(notes), *command), f"{notes}: it is not a tuinews cache")
    assert "damaged" not in line and "db rebuild" not in line
    assert notes.read_text() == "milk\neggs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"], "never renamed, never replaced"


def test_another_programs_database_is_not_a_cache(tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    for command in (["db", "stats"], ["import", str(NOTE)], ["db", "rebuild", "--yes"], ["db", "check"]):
        one_line_error(invoke("--db", str(other), *command), "not a tuinews cache")
    assert other.read_bytes() == before, "no tuinews tables added to someone else's database"
    assert [p.name for p in tmp_path.iterdir()] == ["places.sqlite"]


def test_the_installed_command_with_a_text_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    stats = run_installed("db", "stats", db=notes)
    assert stats.returncode == 1
    assert stats.stderr.decode() == (
        f"tuinews: error: cannot open cache {notes}: it is not a tuinews cache (not an SQLite database)\n"
    )
    rebuild = run_installed("db", "rebuild", "--yes", db=notes)
    assert rebuild.returncode == 1 and b"not a tuinews cache" in rebuild.stderr
    assert notes.read_text() == "not a database\n" and [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_an_empty_file_is_a_new_cache(tmp_path: Path) -> None:
    empty = tmp_path / "fresh.db"
    empty.touch()  # SQLite makes a new database in an empty file, so it is not "not a cache"
    assert invoke("--db", str(empty), "import", str(NOTE)).exit_code == 0
    assert invoke("--db", str(empty), "db", "check").stdout.strip() == "ok"
