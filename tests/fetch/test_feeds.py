"""Feed parsing: every RSS and Atom version, JSON Feed, namespaces, xml:base, and hostile feeds."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from tuinews.fetch.dates import parse_feed_date
from tuinews.fetch.feeds import FeedError, parse_feed

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"


def feed(name: str, url: str = "https://harbour-gazette.example/news/rss20.xml"):  # type: ignore[no-untyped-def]
    return parse_feed((FEEDS / name).read_bytes(), url=url)


def test_rss20_namespaces_and_relative_links() -> None:
    parsed = feed("rss20.xml")
    assert parsed.kind == "rss2.0"
    assert parsed.title == "Harbour Gazette & Tide Tables"
    first = parsed.entries[0]
    assert (
        first.link
        == "https://harbour-gazette.example/news/ferry-timetable.html?utm_source=rss&utm_medium=feed#top"
    )
    assert first.guid == "hg-2024-1101"
    assert first.authors == ["Mara Okonjo"]  # dc:creator
    assert first.published == "2024-11-18T07:30:00+00:00"
    assert first.content and "Ines Varga" in first.content  # content:encoded
    assert first.has_full_text
    assert first.image == "https://harbour-gazette.example/news/img/ferry-small.jpg"  # media:thumbnail
    assert first.categories == ["Transport"]
    second = parsed.entries[1]
    assert second.published == "2024-11-17T16:05:00+01:00"  # dc:date
    no_link = parsed.entries[2]
    assert no_link.link is None and no_link.title.startswith("Tide warning") and not no_link.has_full_text
    market = parsed.entries[4]
    assert market.published == "2024-11-15T12:00:00-05:00"  # EST
    assert market.image == "https://harbour-gazette.example/news/img/market.jpg"  # media:content


def test_rss091_and_092() -> None:
    old = feed("rss091.xml")
    assert old.kind == "rss0.9x" and old.entries[0].title == "Café owners object to parking plan"
    assert old.site_url == "http://valley-courier.example/"
    o92 = feed("rss092.xml")
    assert o92.entries[0].summary == "<p>Growers in the north orchards covered trees overnight.</p>"
    untitled = o92.entries[1]
    assert untitled.link is None and untitled.title.startswith("A note with no title")


def test_rss10_rdf_with_dublin_core() -> None:
    parsed = feed("rss10.rdf")
    assert parsed.kind == "rss1.0" and parsed.title == "Field Notes"
    slip, meteor = parsed.entries
    assert slip.guid == "http://fieldnotes.example/slow-slip"
    assert slip.authors == ["Hana Ito"] and slip.categories == ["Geology"]
    assert slip.published == "2024-11-12T08:00:00+13:00"
    assert meteor.published is None and meteor.published_raw == "2024-11-10"  # a bare date keeps no time


def test_atom10_xml_base_and_xhtml() -> None:
    parsed = feed("atom10.xml", url="https://northline.example/atom.xml")
    assert parsed.kind == "atom1.0" and parsed.title == "Northline Wire"
    assert parsed.site_url == "https://northline.example/"
    trains, bridge = parsed.entries
    assert trains.link == "https://northline.example/stories/2024/night-trains"
    assert trains.base == "https://northline.example/stories/2024/"
    assert trains.content and trains.content.startswith("<p>Sleeper trains") and "xmlns" not in trains.content
    assert trains.authors == ["Priya Menon"] and trains.categories == ["Rail"]
    assert trains.updated == "2024-11-19T12:00:00+05:30"
    assert bridge.title == "Bridge inspection <closes> lane" or bridge.title == "Bridge inspection lane"
    assert bridge.content == "<p>One lane of the estuary bridge will close overnight for inspections.</p>"


def test_atom03() -> None:
    parsed = feed("atom03.xml", url="http://oldtown.example/atom")
    assert parsed.kind == "atom0.3"
    entry = parsed.entries[0]
    assert entry.published == "2004-06-01T10:00:00+02:00"
    assert entry.content == "<p>The clock strikes again after two years of silence.</p>"


def test_json_feed() -> None:
    parsed = feed("feed.json", url="https://lakeside.example/feed.json")
    assert parsed.kind == "json" and parsed.title == "Lakeside Daily"
    regatta, library = parsed.entries
    assert regatta.guid == "ld-501" and regatta.authors == ["Elif Kaya"]
    assert regatta.published == "2024-11-14T18:30:00-05:00"
    assert library.guid == "502" and library.authors == ["Lakeside Desk"]
    assert (
        library.content == "<p>The town library will stay open until 8pm on weekdays.</p>"
        "<p>A reading room is being added.</p>"
    )


def test_malformed_feed_is_recovered() -> None:
    parsed = feed("malformed.xml", url="http://broken.example/rss")
    assert [e.title for e in parsed.entries] == ["Storm closes the pier — again", "Second item survives"]


@pytest.mark.parametrize("name", ["not-a-feed.txt", "site.html"])
def test_not_a_feed(name: str) -> None:
    with pytest.raises(FeedError, match="not a feed"):
        feed(name)


def test_billion_laughs_is_not_expanded() -> None:
    tracemalloc.start()
    parsed = feed("hostile-billion-laughs.xml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000
    assert "lol" not in (parsed.title or "") and "lol" not in parsed.entries[0].title
    assert parsed.entries[0].link == "http://laughs.example/a"


def test_external_entities_are_not_resolved() -> None:
    parsed = feed("hostile-xxe.xml")
    text = parsed.entries[0].title + (parsed.entries[0].summary or "")
    assert "root:" not in text and parsed.entries[0].title == "Item []"


def test_large_internal_entity_repeated_is_not_expanded() -> None:
    entity = "A" * 100_000
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{entity}">]><rss version="2.0"><channel>'
        f"<item><title>t</title><description>{'&big;' * 5000}</description></item></channel></rss>"
    ).encode()
    started = time.process_time()
    parsed = parse_feed(data)
    assert time.process_time() - started < 5  # bounded: expansion would build 500 MB
    assert "AAAA" not in (parsed.entries[0].summary or "")


def test_entry_cap() -> None:
    items = "".join(f"<item><title>n{i}</title><link>http://x.example/{i}</link></item>" for i in range(50))
    parsed = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), max_entries=10)
    assert len(parsed.entries) == 10 and parsed.dropped == 40


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue, 19 Nov 2024 10:47:00 GMT", "2024-11-19T10:47:00+00:00"),
        ("Tue, 19 Nov 2024 10:47:00 +0530", "2024-11-19T10:47:00+05:30"),
        ("19 Nov 2024 10:47 PST", "2024-11-19T10:47:00-08:00"),
        ("2024-11-19T10:47:00Z", "2024-11-19T10:47:00+00:00"),
        ("2024-11-19T10:47:00.123-05:00", "2024-11-19T10:47:00-05:00"),
        ("2024-11-19 10:47:00", "2024-11-19T10:47:00+00:00"),
        ("2024-11-19", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dates(raw: str, expected: str | None) -> None:
    assert parse_feed_date(raw) == expected


def _entry_article(xml: str, url: str) -> str:
    from tuinews.fetch.entries import entry_page
    from tuinews.fetch.entry_article import article_from_entry_page

    entry = parse_feed(xml.encode(), url=url).entries[0]
    assert entry.link is not None
    return article_from_entry_page(entry_page(entry), url=entry.link).markdown


_RELATIVE_LINKS_FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel {base}>
<title>Valley Courier</title>
<item><title>Library extends its hours</title><link>https://courier.example/2024/library.html</link>
<content:encoded><![CDATA[<p>The town library will open until 9pm on weekdays from December, the
council said, after a <a href="survey.html">survey of readers</a> and a
<a href="/council/minutes">vote on Tuesday</a>; <a href="javascript:alert(1)">this</a> is text.</p>]]>
</content:encoded></item></channel></rss>"""


def test_entry_links_resolve_against_xml_base_when_the_article_is_built() -> None:
    markdown = _entry_article(
        _RELATIVE_LINKS_FEED.format(base='xml:base="https://courier.example/news/"'),
        "https://courier.example/feed.xml",
    )
    assert "[survey of readers](https://courier.example/news/survey.html)" in markdown
    assert "[vote on Tuesday](https://courier.example/council/minutes)" in markdown
    assert "javascript" not in markdown and "this is text" in markdown


def test_a_hostile_xml_base_never_becomes_a_link_target() -> None:
    markdown = _entry_article(
        _RELATIVE_LINKS_FEED.format(base='xml:base="javascript:alert(2)//"'),
        "https://courier.example/feed.xml",
    )
    assert "javascript" not in markdown
    assert "[survey of readers](https://courier.example/2024/survey.html)" in markdown
