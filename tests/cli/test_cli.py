"""The command line, in process through click's runner: every command, its JSON shapes and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import IMPORT_FIXTURES
from tuinews.cli import cli

HTML = IMPORT_FIXTURES / "lighthouse-keepers.html"
DUMP = IMPORT_FIXTURES / "bridge-tolls-dump.txt"
NOTE = IMPORT_FIXTURES / "night-market-notes.md"

ARTICLE_KEYS = {"title", "dek", "url", "markdown", "dateline", "quotes"}
DATELINE_KEYS = {
    "place",
    "agency",
    "outlet",
    "section",
    "byline",
    "published",
    "updated",
    "read_minutes",
    "word_count",
    "language",
}
QUOTE_KEYS = {"text", "speaker", "role", "kind", "paragraph"}


@pytest.fixture
def run(db_path: Path):  # type: ignore[no-untyped-def]
    """Run `tuinews --db <tmp> ARGS...` in process."""

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return CliRunner().invoke(
            cli, ["--db", str(db_path), *args], input=input, obj={}, catch_exceptions=False
        )

    return invoke


def one_line_error(result: Result, fragment: str) -> None:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tuinews: error:") and fragment in lines[0], lines[0]
    assert "Traceback" not in result.output


def test_import_each_format_then_reimport_updates_instead_of_duplicating(run) -> None:  # type: ignore[no-untyped-def]
    first = run("import", str(HTML), str(DUMP), str(NOTE))
    assert first.exit_code == 0, first.output
    assert [line.split()[0] for line in first.stdout.splitlines()] == ["new", "new", "new", "imported"]
    assert first.stdout.splitlines()[-1] == "imported 3 articles (3 new, 0 updated, 0 unchanged)"
    again = run("import", str(IMPORT_FIXTURES))
    assert [line.split()[0] for line in again.stdout.splitlines()[:-1]] == ["unchanged"] * 3
    stats = json.loads(run("db", "stats", "--json").stdout)
    assert stats["articles"] == 3 and stats["unread"] == 3 and stats["pages"] == 3


def test_import_from_stdin(run) -> None:  # type: ignore[no-untyped-def]
    result = run("import", "-", input=NOTE.read_bytes())
    assert result.exit_code == 0 and result.stdout.startswith("new")
    assert run("import", "-", input=NOTE.read_bytes()).stdout.startswith("unchanged")


def test_extract_json_has_the_documented_shape_and_stores_nothing(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("extract", str(HTML), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= ARTICLE_KEYS
    assert set(data["dateline"]) >= DATELINE_KEYS
    assert all(set(q) >= QUOTE_KEYS for q in data["quotes"])
    assert data["title"] == "Last lighthouse keepers hand over the lamp"
    assert data["url"] == "https://northgate.example/coast/lighthouse-keepers"
    assert data["dateline"]["outlet"] == "The Northgate Times"
    assert data["dateline"]["byline"] == ["Morag Baillie"]
    assert data["dateline"]["published"] == "2026-11-12T08:30:00+00:00"
    assert data["dateline"]["section"] == "Coast"
    assert data["dateline"]["language"] == "en"
    body = data["markdown"]
    assert "It feels like closing the lid" in body and "## A quieter coast" in body
    for boilerplate in (
        "cookies",
        "Advertisement",
        "Most read",
        "Subscribe",
        "All rights reserved",
        "Puzzles",
    ):
        assert boilerplate not in body
    speakers = {q["speaker"] for q in data["quotes"]}
    assert "Alasdair Munro" in speakers
    assert not db_path.exists() or json.loads(run("db", "stats", "--json").stdout)["articles"] == 0


def test_extract_text_dump_turns_furniture_into_metadata(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("extract", str(DUMP), "--json").stdout)
    assert data["title"] == "Bridge tolls on Ravi Sea Link to fall from January"
    line = data["dateline"]
    assert (line["agency"], line["place"], line["read_minutes"]) == ("PTI", "Mumbai", 2)
    assert line["updated"] == "2026-11-17T18:45:00+05:30"
    assert line["published"] == "2026-11-17T17:10:00+05:30"
    body = data["markdown"]
    for furniture in (
        "Home / India News",
        "min read",
        "Last Updated",
        "Also Read",
        "Metro line 4",
        "First Published",
        "(Photo: PTI)",
        "Press Trust of India",
    ):
        assert furniture not in body
    # The paragraph broken by an ad slot is whole again.
    assert "two-wheelers and autorickshaws, which are barred" in body


def test_extract_markdown_front_matter(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("extract", str(NOTE), "--json").stdout)
    assert data["title"] == "Night market returns to the old tram depot"
    assert data["dateline"]["place"] == "Kestrel Bay"
    assert data["dateline"]["byline"] == ["Tomasz Wiśniewski"]
    assert data["dateline"]["published"] == "2026-11-20T19:00:00+00:00"
    assert any(q["speaker"] == "Priya Natarajan" for q in data["quotes"])


def test_show_prints_front_matter_and_json(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(HTML))
    text = run("show", "1").stdout
    assert text.startswith("---\ntitle: Last lighthouse keepers hand over the lamp\n")
    assert "\n# Last lighthouse keepers hand over the lamp\n" in text
    assert "outlet: The Northgate Times" in text
    data = json.loads(run("show", "1", "--json").stdout)
    assert set(data) >= ARTICLE_KEYS and set(data["dateline"]) >= DATELINE_KEYS
    assert data["id"] == 1
    by_url = json.loads(run("show", "https://northgate.example/coast/lighthouse-keepers", "--json").stdout)
    assert by_url["id"] == 1


def test_search_json_and_text(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    hits = json.loads(run("search", "toll", "--json").stdout)
    assert hits and {"id", "title", "url", "snippet"} <= set(hits[0])
    assert hits[0]["title"].startswith("Bridge tolls")
    assert "**" in hits[0]["snippet"]
    assert len(json.loads(run("search", "the", "--json", "--limit", "1").stdout)) == 1
    text = run("search", "lighthouse")
    assert text.exit_code == 0 and "Last lighthouse keepers" in text.stdout


def test_quotes_by_speaker(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    data = json.loads(run("quotes", "--speaker", "munro", "--json").stdout)
    assert data and all(q["speaker"] == "Alasdair Munro" for q in data)
    assert all(set(q) >= QUOTE_KEYS for q in data)
    assert run("quotes", "--speaker", "Nobody Atall").exit_code == 1


def test_export_markdown_round_trips_through_import(run, tmp_path: Path, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    out = tmp_path / "export"
    assert run("export", str(out)).stdout.startswith("exported 3 articles")
    files = sorted(out.glob("*.md"))
    assert len(files) == 3
    other_db = tmp_path / "other.db"
    back = CliRunner().invoke(cli, ["--db", str(other_db), "import", str(out)], obj={})
    assert back.exit_code == 0, back.output
    original = json.loads(run("show", "3", "--json").stdout)
    titles = [
        json.loads(CliRunner().invoke(cli, ["--db", str(other_db), "show", str(i), "--json"], obj={}).stdout)
        for i in (1, 2, 3)
    ]
    match = next(t for t in titles if t["title"] == original["title"])
    assert match["dateline"]["byline"] == original["dateline"]["byline"]
    assert match["markdown"].strip() == original["markdown"].strip()


def test_export_jsonl(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(IMPORT_FIXTURES))
    run("export", "--format", "jsonl", str(tmp_path / "out"))
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    assert len(lines) == 3 and all(set(json.loads(line)) >= ARTICLE_KEYS for line in lines)


def test_db_commands(run, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(HTML))
    assert run("db", "path").stdout.strip() == str(db_path)
    assert run("db", "check").stdout.strip() == "ok"
    assert run("db", "vacuum").exit_code == 0
    assert run("reprocess").stdout.startswith("reprocessed 1 article:")


def test_db_path_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUINEWS_DB", str(tmp_path / "env.db"))
    assert CliRunner().invoke(cli, ["db", "path"], obj={}).stdout.strip() == str(tmp_path / "env.db")
    monkeypatch.delenv("TUINEWS_DB")
    default = CliRunner().invoke(cli, ["db", "path"], obj={}).stdout.strip()
    assert default == str(tmp_path / "data" / "tuinews.db")


# -- errors: one line, non-zero exit, no traceback, cache untouched -----------------------------------


def test_missing_file(run) -> None:  # type: ignore[no-untyped-def]
    one_line_error(run("import", "/no/such/page.html"), "no such file")
    one_line_error(run("extract", "/no/such/page.html"), "no such file")


def test_unknown_id(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(NOTE))
    one_line_error(run("show", "999"), "no article")
    one_line_error(run("show", "https://nowhere.example/x"), "no article")


def test_empty_query(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(NOTE))
    one_line_error(run("search", ""), "no words")
    one_line_error(run("search", "   ***  "), "no words")


def test_junk_and_empty_files_leave_the_cache_intact(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(HTML))
    before = run("show", "1", "--json").stdout
    junk = tmp_path / "photo.html"
    junk.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    one_line_error(run("import", str(junk)), "not a text")
    one_line_error(run("import", str(empty)), "empty")
    one_line_error(run("extract", str(junk)), "not a text")
    assert run("show", "1", "--json").stdout == before
    assert json.loads(run("db", "stats", "--json").stdout)["articles"] == 1


def test_folder_without_articles(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    result = run("import", str(tmp_path / "pics"))
    assert result.exit_code == 1 and "nothing to import" in result.stderr


def test_a_file_that_is_not_a_cache(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not sqlite\n" * 100)
    result = CliRunner().invoke(cli, ["--db", str(bogus), "db", "stats"], obj={})
    one_line_error(result, "cannot open cache")
    assert bogus.read_text() == "not sqlite\n" * 100


def test_control_sequences_in_a_file_never_reach_the_terminal(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "---\ntitle: Tide \x1b]52;c;ZWNobyBoaQ==\x07tables \x1b[6n\u202eout\n---\n"
        "The harbour \x1b[2J\x9b31m board met on \u2066Tuesday\u2069 to set tide tables.\n"
    )
    result = run("import", str(hostile))
    assert result.exit_code == 0
    for command in (
        ["show", "1"],
        ["show", "1", "--json"],
        ["search", "harbour"],
        ["search", "harbour", "--json"],
    ):
        out = run(*command).stdout
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066"):
            assert bad not in out, (command, bad)
    # Whole sequences go, parameters and all: no "]52;c;..." litter is left in the text.
    assert "title: Tide tables out\n" in run("show", "1").stdout


def test_the_demo_cache_is_built_once_and_rebuilt_when_its_key_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tuinews.demo as demo

    builds: list[Path] = []
    real_build = demo.build_demo_db

    def counting_build(path: Path):  # type: ignore[no-untyped-def]
        builds.append(path)
        return real_build(path)

    monkeypatch.setattr(demo, "build_demo_db", counting_build)
    kept = tmp_path / "kept"
    monkeypatch.setenv("TUINEWS_CACHE_DIR", str(kept))
    first = demo.demo_cache()
    assert first.parent == kept and demo.demo_cache() == first and len(builds) == 1
    session = tmp_path / "session"
    session.mkdir()
    copy = demo.copy_demo(session)
    assert copy.read_bytes() == first.read_bytes() and len(builds) == 1
    monkeypatch.setattr(demo, "demo_key", lambda: "another-version")
    second = demo.demo_cache()
    assert len(builds) == 2 and second != first and not first.exists()
    assert [p.name for p in kept.iterdir()] == [second.name]  # nothing else left behind


def test_the_demo_opens_when_the_cache_folder_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuinews.demo import copy_demo
    from tuinews.store.articles import count_articles
    from tuinews.store.db import open_plain

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be\n")
    monkeypatch.setenv("TUINEWS_CACHE_DIR", str(blocked / "cache"))
    session = tmp_path / "session"
    session.mkdir()
    db = open_plain(copy_demo(session))
    assert count_articles(db) >= 12
    db.close()
