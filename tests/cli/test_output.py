"""What the commands print: export targets, --json on every command, counts in good English, limits that
say so, aligned import lines, skipped files, file names for any script."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from tests.cli.test_installed_command import run as run_installed
from tests.conftest import IMPORT_FIXTURES
from tuinews.cli import LAZY_COMMANDS, cli

README = Path(__file__).parents[2] / "README.md"
NOTE = IMPORT_FIXTURES / "night-market-notes.md"


@pytest.fixture
def run(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `tuinews --db <tmp> ARGS...` in process, in an empty working directory."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", str(db_path), *args], input=input, obj={})

    return invoke


def note(title: str, url: str, body: str = "The council met on Tuesday.") -> str:
    return f"---\ntitle: {title}\nurl: {url}\n---\n{body}\n"


# -- export targets ------------------------------------------------------------------------------------


def test_export_dash_writes_json_lines_to_stdout_and_no_folder(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    for args in (["export", "--format", "jsonl", "-"], ["export", "-"]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert len(lines) == 3 and all(json.loads(line)["title"] for line in lines)
        assert result.stderr == ""
    assert list(Path.cwd().iterdir()) == [], "no folder called -"


def test_export_dash_as_markdown_is_a_clear_error(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(NOTE))
    result = run("export", "--format", "markdown", "-")
    assert result.exit_code == 1 and "one file per article" in result.stderr
    assert list(Path.cwd().iterdir()) == []


def test_export_to_a_jsonl_file(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    for args in (["export", "out.jsonl", "--format", "jsonl"], ["export", "other.jsonl"]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        target = Path(args[1])
        assert target.is_file() and len(target.read_text().splitlines()) == 3
        assert result.stdout == f"exported 3 articles to {target}\n"
    folder = run("export", "--format", "jsonl", "folder")  # a name without .jsonl is still a folder
    assert folder.exit_code == 0 and (Path("folder") / "articles.jsonl").is_file()
    refused = run("export", "out.jsonl", "--format", "markdown")
    assert refused.exit_code == 1 and "is a file" in refused.stderr


def test_the_installed_command_exports_to_stdout(db_path: Path, tmp_path: Path) -> None:
    assert run_installed("import", str(NOTE), db=db_path).returncode == 0
    done = subprocess_in(tmp_path, "export", "--format", "jsonl", "-", db=db_path)
    assert done.returncode == 0 and json.loads(done.stdout)["title"].startswith("Night market")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]


def subprocess_in(folder: Path, *args: str, db: Path):  # type: ignore[no-untyped-def]
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        return run_installed(*args, db=db)
    finally:
        os.chdir(cwd)


# -- --json everywhere ---------------------------------------------------------------------------------


def every_command() -> list[tuple[str, click.Command]]:
    """Each command by its full name (`db check`), loaded the way the CLI loads them."""
    ctx = click.Context(cli, obj={})
    found: list[tuple[str, click.Command]] = []
    for name in sorted(LAZY_COMMANDS):
        command = cli.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", command.commands[sub]) for sub in sorted(command.commands)]
        else:
            found.append((name, command))
    return found


def test_every_command_but_feed_export_has_json_as_the_readme_says() -> None:
    without = [
        name
        for name, command in every_command()
        if not any("--json" in p.opts for p in command.params if isinstance(p, click.Option))
    ]
    assert without == ["feed export"]
    readme = README.read_text()
    assert "every command except `feed export` (which prints OPML) has `--json`" in readme.replace(
        "\n  ", " "
    )
    table = {
        m for row in re.findall(r"^\| (`[^|]+`) \|", readme, re.M) for m in re.findall(r"`([^`]+)`", row)
    }
    assert {name for name, _ in every_command()} - {"feed export"} <= table, "each JSON shape is documented"


def test_json_of_the_commands_that_had_none(run, tmp_path: Path, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    exported = json.loads(run("export", "out", "--json").stdout)
    assert exported == {"articles": 3, "format": "markdown", "path": "out"}
    assert json.loads(run("reprocess", "--json").stdout) == {
        "articles": 3,
        "changed": 0,
        "failed": 0,
        "errors": [],
    }
    assert json.loads(run("db", "path", "--json").stdout) == {"path": str(db_path), "exists": True}
    assert json.loads(run("db", "check", "--json").stdout) == {"ok": True, "problems": []}
    vacuumed = json.loads(run("db", "vacuum", "--json").stdout)
    assert set(vacuumed) == {"path", "bytes_before", "bytes_after"} and vacuumed["bytes_after"] > 0
    urls = tmp_path / "urls"
    urls.write_text("https://a.example/rss news\nexec:rm -rf ~\nhttps://b.example/atom.xml\n")
    imported = json.loads(run("feed", "import", str(urls), "--json").stdout)
    assert imported["added"] == 2 and imported["already_subscribed"] == 0 and len(imported["skipped"]) == 1
    assert [f["url"] for f in imported["feeds"]] == ["https://a.example/rss", "https://b.example/atom.xml"]
    removed = json.loads(run("feed", "remove", "2", "--json").stdout)
    assert removed == {"id": 2, "url": "https://b.example/atom.xml", "title": None, "removed": True}
    rebuilt = run("db", "rebuild", "--yes", "--json")
    assert rebuilt.exit_code == 0, rebuilt.output
    report = json.loads(rebuilt.stdout)
    assert report["copied"]["articles"] == 3 and report["readable"] is True
    assert Path(report["backup"]).exists()


# -- words and counts ----------------------------------------------------------------------------------


def test_one_is_singular(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imported = run("import", str(NOTE))
    assert imported.stdout.splitlines()[-1] == "imported 1 article (1 new, 0 updated, 0 unchanged)"
    assert run("export", "out").stdout == "exported 1 article to out\n"
    assert run("reprocess").stdout == "reprocessed 1 article: 0 changed, 0 failed\n"
    urls = tmp_path / "urls"
    urls.write_text("https://a.example/rss\n")
    assert (
        run("feed", "import", str(urls)).stdout == "imported 1 new feed (0 already subscribed, 0 skipped)\n"
    )
    assert "0 articles, 0 unread" in run("feed", "list").stdout


def test_search_and_quotes_say_when_they_stopped_at_the_limit(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    quotes = run("quotes", "--limit", "1")
    assert quotes.exit_code == 0 and len(quotes.stdout.splitlines()) == 1
    assert quotes.stderr == "(showing the first 1 quote; there are more: --limit N shows more)\n"
    assert run("quotes", "--limit", "1000").stderr == ""
    search = run("search", "the", "--limit", "2")
    assert search.stderr == "(showing the first 2 results; there are more: --limit N shows more)\n"
    assert run("search", "lighthouse").stderr == ""
    as_json = run("search", "the", "--limit", "2", "--json")
    assert len(json.loads(as_json.stdout)) == 2 and as_json.stderr == "", "no hint in or beside --json"
    assert len(json.loads(run("quotes", "--limit", "1", "--json").stdout)) == 1


def test_import_lines_line_up_and_end_with_a_total(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(1, 12):
        (folder / f"{n:02d}.md").write_text(note(f"Story {n}", f"https://e.example/{n}"))
    (folder / "broken.txt").write_bytes(b"")
    result = run("import", str(folder))
    assert result.exit_code == 1  # the empty file failed
    lines = result.stdout.splitlines()
    assert len(lines) == 12
    assert {line.index("Story") for line in lines[:-1]} == {len("new       #10  ")}
    assert lines[-1] == "imported 11 articles (11 new, 0 updated, 0 unchanged), 1 failed"


def test_a_folder_import_counts_and_names_what_it_skipped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mixed"
    (folder / ".git").mkdir(parents=True)
    (folder / "story.md").write_text(note("Harbour story", "https://e.example/h"))
    (folder / "feed.xml").write_text("<rss/>")
    (folder / "data.json").write_text("{}")
    (folder / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (folder / ".git" / "notes.txt").write_text("hidden folders are passed over")
    result = run("import", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "imported 1 article (1 new, 0 updated, 0 unchanged); 3 files skipped; -v lists them"
    )
    verbose = run("import", "-v", str(folder))
    assert verbose.stdout.splitlines()[-1].endswith("; 3 files skipped")
    assert sorted(verbose.stderr.splitlines()) == [
        f"tuinews: skipped: {folder / 'data.json'} (not an HTML, text or Markdown file)",
        f"tuinews: skipped: {folder / 'feed.xml'} (not an HTML, text or Markdown file)",
        f"tuinews: skipped: {folder / 'gone.md'} (broken link)",
    ]
    (folder / "story.md").unlink()
    nothing = run("import", str(folder))
    assert nothing.exit_code == 1 and "3 files skipped" in nothing.stderr


# -- file names ----------------------------------------------------------------------------------------


def test_exported_file_names_keep_non_latin_titles_and_stay_safe(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = {
        "ru.md": note("Якутск встречает первые морозы", "https://e.example/ru"),
        "zoe.md": note("Zoë's café reopens", "https://e.example/fr"),
        "hostile.md": note("../../etc/passwd \x1b[31m\u202eevil\\name", "https://e.example/x"),
        "long.md": note("日本語" * 80, "https://e.example/ja"),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
        assert run("import", str(tmp_path / name)).exit_code == 0
    assert run("export", "out").exit_code == 0
    names = sorted(p.name for p in Path("out").iterdir())
    assert names[0] == "000001-якутск-встречает-первые-морозы.md"
    assert names[1] == "000002-zoes-cafe-reopens.md"
    assert re.fullmatch(r"000003-etc-passwd-[a-z0-9-]+-name\.md", names[2]), names[2]
    assert names[3].startswith("000004-日本語") and len(names[3].encode()) <= 140
    for name in names:
        assert not any(c in name for c in "/\\\x1b\u202e") and name.endswith(".md")


def test_db_prune_removes_old_articles_and_keeps_starred(tmp_path: Path) -> None:
    from tuinews.store.articles import set_starred
    from tuinews.store.db import open_db

    db_path = tmp_path / "prune.db"
    runner = CliRunner()
    demo = Path(__file__).parents[2] / "tuinews" / "demo" / "articles"
    assert runner.invoke(cli, ["--db", str(db_path), "import", str(demo)]).exit_code == 0
    db = open_db(db_path)
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    oldest = db.execute("SELECT id FROM articles ORDER BY sort_key LIMIT 1").fetchone()[0]
    set_starred(db, oldest, True)
    db.close()

    counted = runner.invoke(
        cli, ["--db", str(db_path), "db", "prune", "--older-than", "0", "--dry-run", "--json"]
    )
    assert counted.exit_code == 0 and json.loads(counted.output) == {
        "articles": total - 1,
        "before": json.loads(counted.output)["before"],
        "dry_run": True,
    }
    done = runner.invoke(cli, ["--db", str(db_path), "db", "prune", "--older-than", "0"])
    assert done.exit_code == 0 and done.output.startswith(f"removed {total - 1} articles listed before ")
    db = open_db(db_path)
    assert [r[0] for r in db.execute("SELECT id FROM articles").fetchall()] == [oldest]
    db.close()
