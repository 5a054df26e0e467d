"""Outlets and agencies for the feeds pane: a wire story counts under both, and filters by either."""

from __future__ import annotations

from sqlite_utils import Database

from tuinews.models import Article, Dateline
from tuinews.store.articles import (
    ListFilter,
    count_articles,
    list_articles,
    list_sources,
    save_article,
    set_read,
)


def save(db: Database, title: str, outlet: str | None, agency: str | None) -> int:
    article = Article(title=title, markdown=f"{title}.\n", dateline=Dateline(outlet=outlet, agency=agency))
    return save_article(db, article, fallback_url=title).id


def test_outlets_and_agencies_are_both_listed_and_filter(db: Database) -> None:
    dockworkers = save(db, "Dockworkers walk off", "The Harbour Ledger", "Reuters")
    ferry = save(db, "Ferry timetable", "The Harbour Ledger", None)
    yen = save(db, "Yen slides", "Northgate Times", "Reuters")
    fares = save(db, "Metro fares", "Business Herald India", "PTI")
    wire = save(db, "Wire's own story", "AP", "AP")
    save(db, "A note", None, None)
    set_read(db, ferry)
    assert list_sources(db) == [
        ("Reuters", 2),
        ("AP", 1),  # agency and outlet of one name: counted once
        ("Business Herald India", 1),
        ("Northgate Times", 1),
        ("PTI", 1),
        ("The Harbour Ledger", 1),  # two articles, one read
    ]

    def listed(source: str) -> list[int]:
        return sorted(a.id for a in list_articles(db, filter=ListFilter(outlet=source)))

    assert listed("The Harbour Ledger") == sorted([dockworkers, ferry])
    assert listed("Reuters") == sorted([dockworkers, yen])
    assert listed("Business Herald India") == listed("PTI") == [fares]
    assert listed("AP") == [wire]
    assert count_articles(db, ListFilter(outlet="The Harbour Ledger", unread=True)) == 1
