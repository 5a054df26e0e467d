"""Cache statistics, integrity checks and compaction (`tuinews db ...`)."""

from __future__ import annotations

from sqlite_utils import Database


def db_stats(db: Database) -> dict[str, int]:
    """Counts a user or script wants at a glance."""

    def count(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    return {
        "articles": count("SELECT count(*) FROM articles"),
        "unread": count("SELECT count(*) FROM articles WHERE read_at IS NULL"),
        "starred": count("SELECT count(*) FROM articles WHERE starred = 1"),
        "feeds": count("SELECT count(*) FROM feeds"),
        "quotes": count("SELECT count(*) FROM quotes"),
        "speakers": count("SELECT count(DISTINCT speaker_key) FROM quotes WHERE speaker_key IS NOT NULL"),
        "pages": count("SELECT count(*) FROM pages"),
    }


def check_db(db: Database) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks and the FTS indexes; [] when sound."""
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    problems += [f"foreign key: {r}" for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    for table in ("articles_fts", "quotes_fts"):
        try:
            db.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        except Exception as exc:  # noqa: BLE001 - any failure here is a finding to report
            problems.append(f"{table}: {exc}")
    return problems


def vacuum_db(db: Database) -> None:
    """Rebuild the FTS indexes compactly and reclaim free pages."""
    for table in ("articles_fts", "quotes_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
    db.vacuum()
