"""The publication day, agreeing timestamps and the web-page fixes of the dateline (invented snippets)."""

from __future__ import annotations

from tuinews.extract.bylines import parse_byline, parse_signoff, plain_name
from tuinews.extract.dateline import build_dateline
from tuinews.extract.document import extract_document
from tuinews.extract.pubday import choose_published
from tuinews.extract.timestamps import embedded_stamp, stated_day, timestamp_fields, wall_clock
from tuinews.models import Dateline, PageMeta

BODY = "The council met on Tuesday to vote on the new bridge.\n\nIt passed by seven votes to two.\n"


def _page(head: str, body: str) -> bytes:
    return f"<html lang='en'><head>{head}</head><body>{body}</body></html>".encode()


ARTICLE = (
    "<article><p>" + "The council met on Tuesday to vote on the new harbour bridge. " * 8 + "</p></article>"
)


# --- the model field -------------------------------------------------------------------------------


def test_published_day_is_an_extra_json_key() -> None:
    data = Dateline(published_day="2031-04-02").to_json()
    assert data["published_day"] == "2031-04-02"
    assert list(data)[-1] == "published_day"
    assert Dateline().to_json()["published_day"] is None


def test_day_follows_a_full_timestamp() -> None:
    meta = PageMeta(published="2031-04-02T22:15:00-04:00")
    line = build_dateline(meta, BODY, [])
    assert line.published == "2031-04-02T22:15:00-04:00"
    assert line.published_day == "2031-04-02"


def test_day_from_date_only_and_zone_less_structured_values() -> None:
    assert build_dateline(PageMeta(published="2031-04-02"), BODY, []).published_day == "2031-04-02"
    line = build_dateline(PageMeta(published="2031-04-02 23:40:00"), BODY, [])
    assert line.published is None  # no zone: not a timestamp
    assert line.published_day == "2031-04-02"


def test_day_from_visible_lines_without_zone() -> None:
    cases = {
        "April 2, 2031, 9:05 AM": "2031-04-02",
        "02 APR 2031": "2031-04-02",
        "Posted: Wed 6:10 PM, Apr 2, 2031 | Updated: Thu 8:00 AM, Apr 3, 2031": "2031-04-02",
        "기사입력 :[ 2031-04-02 15:24 ]": "2031-04-02",
        "Von Jana Muster publiziert am 2. April 2031": "2031-04-02",
    }
    for text, day in cases.items():
        line = build_dateline(PageMeta(), BODY, [text])
        assert line.published is None, text
        assert line.published_day == day, text


def test_no_day_without_a_year() -> None:
    assert build_dateline(PageMeta(), BODY, ["Posted Apr 2, 8:19 PM"]).published_day is None
    assert stated_day("Apr 2") is None
    assert stated_day("2031-02-30") is None


def test_label_after_a_byline_and_new_labels() -> None:
    assert timestamp_fields("Von Jana Muster publiziert am 2. April 2031") == [("published", "2. April 2031")]
    assert timestamp_fields("기사입력 :[ 2031-04-02 15:24 ]") == [("published", "[ 2031-04-02 15:24 ]")]


# --- agreeing timestamps ---------------------------------------------------------------------------


def test_visible_zoned_time_with_the_same_instant_wins() -> None:
    chosen = choose_published(
        "2031-04-03T02:15:00+00:00", [("2031-04-02T22:15:00-04:00", "Apr 2, 2031 10:15 pm ET")]
    )
    assert chosen.iso == "2031-04-02T22:15:00-04:00"
    assert chosen.day == "2031-04-02"


def test_visible_zoned_time_wins_over_a_utc_clock_labelled_local() -> None:
    # The CMS printed the UTC wall clock with the local offset; the page shows the real local time.
    chosen = choose_published(
        "2031-04-03T04:31:13-06:00", [("2031-04-02T22:31:00-06:00", "Apr 2, 2031, 10:31 pm CST")]
    )
    assert chosen.iso == "2031-04-02T22:31:00-06:00"


def test_unrelated_visible_time_does_not_replace_structured_data() -> None:
    chosen = choose_published(
        "2031-04-03T02:15:00+00:00", [("2031-03-30T09:00:00-04:00", "Mar 30, 2031 9 am ET")]
    )
    assert chosen.iso == "2031-04-03T02:15:00+00:00"


def test_utc_structured_time_takes_the_offset_of_a_zone_less_local_clock() -> None:
    chosen = choose_published("2031-04-03T01:50:59Z", [(None, "Apr. 2, 2031 6:50 PM")])
    assert chosen.iso == "2031-04-02T18:50:59-07:00"
    assert chosen.day == "2031-04-02"
    # The same instant: UTC kept (a zone-less copy of the UTC clock says nothing about the zone).
    assert (
        choose_published("2031-04-03T01:50:59Z", [(None, "2031-04-03T01:50:59")]).iso
        == "2031-04-03T01:50:59+00:00"
    )


def test_zone_less_clock_with_other_minutes_is_ignored() -> None:
    chosen = choose_published("2031-04-03T01:50:59Z", [(None, "Apr. 2, 2031 6:20 PM")])
    assert chosen.iso == "2031-04-03T01:50:59+00:00"


def test_embedded_stamp_in_a_byline_line() -> None:
    iso, raw = embedded_stamp("by Ola Nordmann @olan Apr 2, 2031 at 9:24 pm ET • 2 min read")
    assert iso == "2031-04-02T21:24:00-04:00"
    assert raw == "Apr 2, 2031 at 9:24 pm ET"
    assert embedded_stamp("Wire Service April 2, 2031, 9:05 AM") == (None, "April 2, 2031, 9:05 AM")
    assert embedded_stamp("no date in this line") == (None, None)
    line = build_dateline(
        PageMeta(published="2031-04-03 01:24:00"), BODY, ["by Ola Nordmann Apr 2, 2031 at 9:24 pm ET"]
    )
    assert line.published == "2031-04-02T21:24:00-04:00"


def test_wall_clock() -> None:
    assert wall_clock("2031-04-02 20:58:46") is not None
    assert wall_clock("2031-04-02T20:58:46Z") is None
    assert wall_clock("2031-04-02") is None


# --- bylines ---------------------------------------------------------------------------------------


def test_bylines_in_other_languages() -> None:
    assert parse_byline("Von Jana Muster") == ["Jana Muster"]
    assert parse_byline("Par Claire Dubois") == ["Claire Dubois"]
    assert parse_byline("Текст: Ирина Соколова") == ["Ирина Соколова"]


def test_korean_signoff() -> None:
    assert parse_signoff("기사 본문입니다. 김민준 기자 minjun@example.kr") == ["김민준"]
    assert parse_signoff("칼럼 끝. 이서연 칼럼니스트") == ["이서연"]
    assert parse_signoff("no sign-off here") == []


def test_agency_and_organisation_roles_are_not_names() -> None:
    assert parse_byline("By ODA PRIM, AP Business Writer") == ["Oda Prim"]
    assert parse_byline("Oda Prim | Harbour Valley Media for Example.com") == ["Oda Prim"]
    assert parse_byline("Gwen Pryor Transport correspondent") == ["Gwen Pryor"]


def test_site_accounts_are_not_bylines() -> None:
    assert parse_byline("by siteadmin") == []
    assert parse_byline("By admin") == []


def test_plain_name_lines() -> None:
    assert plain_name("Oda Prim") == ["Oda Prim"]
    assert plain_name("Oda Prim and Lars Berg") == ["Oda Prim", "Lars Berg"]
    assert plain_name("Oda Prim 02/04/2031 Comment!") == []
    assert build_dateline(PageMeta(), BODY, ["Oda Prim"]).byline == ["Oda Prim"]


# --- HTML pages ------------------------------------------------------------------------------------


def test_jsonld_entities_are_unescaped() -> None:
    ld = '{"@type": "NewsArticle", "headline": "&#8216;Harbour&#8217; fees rise to &#163;5", "author": {"name": "Oda &amp; Prim"}}'
    page = _page(f'<script type="application/ld+json">{ld}</script>', ARTICLE)
    article = extract_document(page, name="p.html")
    assert article.title == "‘Harbour’ fees rise to £5"


def test_nyt_style_published_meta() -> None:
    head = (
        '<meta property="article:published" content="2031-04-02T11:00:09.000Z">'
        '<meta property="article:modified" content="2031-04-03T08:00:00.000Z">'
    )
    line = extract_document(_page(head, ARTICLE), name="p.html").dateline
    assert line.published == "2031-04-02T11:00:09+00:00"


def test_zoned_meta_beats_a_date_only_jsonld_value() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2031-04-02"}</script>'
        '<meta property="article:published_time" content="2031-04-02T14:22:02+00:00">'
    )
    line = extract_document(_page(head, ARTICLE), name="p.html").dateline
    assert line.published == "2031-04-02T14:22:02+00:00"


def test_visible_date_element_and_local_meta_clock() -> None:
    head = (
        '<meta property="article:published_time" content="2031-04-03T03:05:00Z">'
        '<meta name="sailthru.date" content="2031-04-02 20:05:00">'
    )
    line = extract_document(_page(head, ARTICLE), name="p.html").dateline
    assert line.published == "2031-04-02T20:05:00-07:00"
    assert line.published_day == "2031-04-02"
    body = '<span class="storyDate">Posted: Wed 6:10 PM, Apr 2, 2031</span>' + ARTICLE
    assert extract_document(_page("", body), name="p.html").dateline.published_day == "2031-04-02"


def test_displayed_h1_beats_a_rewritten_seo_title() -> None:
    head = "<title>Bridge vote: council approves harbour crossing - Harbour Daily</title>"
    body = "<h1>Seven votes to two for the harbour bridge</h1>" + ARTICLE
    assert (
        extract_document(_page(head, body), name="p.html").title
        == "Seven votes to two for the harbour bridge"
    )


def test_blog_name_h1_is_not_the_headline() -> None:
    head = "<title>Seven votes to two for the bridge | Harbour Notes Weekly</title>"
    body = "<h1>Harbour Notes Weekly</h1>" + ARTICLE
    assert extract_document(_page(head, body), name="p.html").title == "Seven votes to two for the bridge"


def test_site_name_and_section_affixes_are_stripped() -> None:
    head = '<meta property="og:title" content="Opinion | The bridge we need | HarbourDaily"><meta property="og:site_name" content="HarbourDaily">'
    article = extract_document(_page(head, ARTICLE), name="p.html", url="https://www.harbourdaily.example/x")
    assert article.title == "The bridge we need"
