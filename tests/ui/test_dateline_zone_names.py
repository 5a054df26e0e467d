"""The dateline panel names the zone the source named (IST, GMT, AEDT …), not just its UTC offset."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.models import Article, Dateline, StoredArticle
from tuinews.store.articles import get_article, save_article
from tuinews.store.db import open_db
from tuinews.ui.app import make_app
from tuinews.ui.widgets.dateline_panel import DatelinePanel, dateline_text

FARES = Dateline(
    outlet="Business Herald India",
    agency="PTI",
    published="2026-11-19T10:12:00+05:30",
    published_raw="Nov 19 2026 | 10:12 AM IST",
    updated="2026-11-19T10:47:00+05:30",
    updated_raw="Nov 19 2026 | 10:47 AM IST",
    word_count=120,
    read_minutes=1,
)


def stored(
    published: str, raw: str | None, updated: str | None = None, updated_raw: str | None = None
) -> str:
    article = StoredArticle(
        id=1,
        url="x",
        title="t",
        published=published,
        published_raw=raw,
        updated=updated,
        updated_raw=updated_raw,
    )
    return str(dateline_text(article, FIXED_NOW))


def test_the_zone_the_source_named_is_shown() -> None:
    text = stored("2026-11-19T10:12:00+05:30", "Nov 19 2026 | 10:12 AM IST")
    assert "19 Nov 2026 10:12 IST" in text and "UTC+05:30" not in text
    assert "19 Nov 04:42 UTC local" in text  # the local line is as before (tests run with TZ=UTC)
    assert "19 Nov 2026 10:47 GMT" in stored("2026-11-19T10:47:00+00:00", "19 November 2026, 10:47 GMT")
    assert "18 Nov 2026 10:47 AEDT" in stored("2026-11-18T10:47:00+11:00", "18 November 2026, 10:47am AEDT")
    both = stored(
        "2026-11-05T17:30:00-05:00",
        "November 5, 2026 at 5:30 p.m. EST",
        "2026-11-05T19:02:00-05:00",
        "2026-11-05T19:02:00-05:00",
    )
    # The update's machine-readable stamp names no zone; the page's EST fits its offset on that date.
    assert "05 Nov 2026 17:30 EST" in both and "05 Nov 2026 19:02 EST" in both


def test_an_offset_is_shown_when_no_zone_was_named_or_it_disagrees() -> None:
    assert "10:47 UTC+11:00" in stored("2026-11-18T10:47:00+11:00", "2026-11-18T10:47:00+11:00")
    assert "10:47 UTC+05:30" in stored("2026-11-19T10:47:00+05:30", None)
    assert "10:47 UTC" in stored("2026-11-19T10:47:00+00:00", "Nov 19 2026 10:47 AM IST")
    assert "IST" not in stored("2026-11-19T10:47:00+00:00", "Nov 19 2026 10:47 AM IST")


def test_the_stored_article_carries_its_printed_timestamps(db_path: Path) -> None:
    db = open_db(db_path)
    article_id = save_article(
        db, Article(title="Fares", markdown="Fares rise.\n", dateline=FARES), fallback_url="a"
    )
    article = get_article(db, article_id.id)
    db.close()
    assert article is not None
    assert (article.published_raw, article.updated_raw) == (FARES.published_raw, FARES.updated_raw)


async def test_the_panel_in_the_app_names_the_zone(db_path: Path) -> None:
    db = open_db(db_path)
    save_article(
        db, Article(title="Metro fares rise", markdown="Fares rise.\n", dateline=FARES), fallback_url="a"
    )
    db.close()
    app = make_app(db_path, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        panel = str(app.screen.query_one(DatelinePanel).render())
        assert "19 Nov 2026 10:12 IST" in panel and "19 Nov 2026 10:47 IST" in panel
        assert "UTC+05:30" not in panel


def test_an_update_printed_without_a_zone_takes_the_name_of_the_published_time() -> None:
    text = stored(
        "2026-11-18T10:47:00+11:00",
        "Published: 18 Nov 2026, 10:47am AEDT",
        "2026-11-18T13:05:00+11:00",
        "Updated 1:05pm",
    )
    assert "18 Nov 2026 10:47 AEDT" in text and "18 Nov 2026 13:05 AEDT" in text


def test_a_zone_that_does_not_fit_the_other_time_is_not_borrowed() -> None:
    # Published in IST; an update stored at +00:00 stays an offset, never 'IST'.
    text = stored("2026-11-19T10:12:00+05:30", "10:12 AM IST", "2026-11-19T09:00:00+00:00", "09:00")
    assert "10:12 IST" in text and "09:00 UTC" in text and "09:00 IST" not in text
