"""HTML pages to articles: our own fixture pages (tests/fixtures/html/, invented news) against the Markdown
we expect, one test per rule so a failure says which rule broke."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tuinews.extract.document import ExtractError, extract_document
from tuinews.extract.html import NOT_EXTRACTED_NOTE, parse_html_page
from tuinews.models import Article

PAGES = Path(__file__).parent.parent / "fixtures" / "html"


def _article(name: str) -> Article:
    return extract_document((PAGES / f"{name}.html").read_bytes(), name=f"{name}.html")


@pytest.fixture(scope="module")
def harbour() -> Article:
    """The storm-surge page: furniture, links, an embedded tweet and video, a table."""
    return _article("harbour-flood")


@pytest.mark.parametrize("name", ["harbour-flood", "market-mojibake", "members-only", "ferry-app-shell"])
def test_page_gives_the_expected_markdown(name: str) -> None:
    expected = (PAGES / f"{name}.md").read_text(encoding="utf-8")
    assert _article(name).markdown == expected


def test_headline_is_the_title_and_never_repeated_in_the_body(harbour: Article) -> None:
    assert harbour.title == "Tide gates fail as storm surge floods Wrenmouth harbour"
    assert "Tide gates fail" not in harbour.markdown
    assert not re.search(r"^# ", harbour.markdown, re.MULTILINE)


def test_standfirst_is_the_dek_not_a_body_paragraph(harbour: Article) -> None:
    assert harbour.dek == "Engineers blame a jammed hinge for the worst flooding on the quay in thirty years."
    assert "jammed hinge for the worst" not in harbour.markdown


def test_subheads_keep_their_level_below_the_headline(harbour: Article) -> None:
    assert "\n## Warnings in the spring\n" in harbour.markdown
    assert "\n### Damage by street\n" in harbour.markdown


def test_links_are_short_and_safe(harbour: Article) -> None:
    body = harbour.markdown
    assert "[preliminary report](https://harbour.example/report?id=7)" in body
    assert "utm_" not in body
    assert "javascript:" not in body and "postponed to next year." in body
    assert "[](" not in body and "[.]" not in body


def test_embedded_tweet_and_video_are_one_line_links(harbour: Article) -> None:
    lines = harbour.markdown.splitlines()
    tweet = [line for line in lines if "lifeboat station tonight" in line]
    assert tweet == [
        "[Tweet: “Water right up to the doors of the lifeboat station tonight. Stay away from the quay.” "
        "— Wrenmouth Lifeboat (@WrenmouthRNLI) March 3, 2026](https://twitter.com/WrenmouthRNLI/status/1234567890)"
    ]
    assert "[Video: Storm surge over the harbour wall](https://www.youtube.com/embed/wrnmth01)" in lines


def test_tables_become_markdown_tables(harbour: Article) -> None:
    assert (
        "| Street | Homes flooded |\n| --- | --- |\n| Quay Street | 31 |\n| Net Loft Lane | 9 |"
        in harbour.markdown
    )


def test_furniture_lines_are_gone(harbour: Article) -> None:
    body = harbour.markdown.casefold()
    for furniture in (
        "advertisement",
        "read more",
        "newsletter",
        "cookies",
        "most read",
        "all rights reserved",
    ):
        assert furniture not in body


def test_credit_line_goes_to_the_dateline_not_the_body(harbour: Article) -> None:
    assert "Reporting by" not in harbour.markdown
    assert harbour.dateline.byline == ["Tamsin Orrell"]


def test_spaces_are_normalised(harbour: Article) -> None:
    body = harbour.markdown
    assert "\u00a0" not in body and "\n\n\n" not in body and not re.search(r"\S  +\S", body)
    assert "WRENMOUTH — Sea water" in body and "along Quay Street" in body


def test_mojibake_is_repaired_and_invisible_characters_dropped() -> None:
    body = _article("market-mojibake").markdown
    assert "“We sold out of dumplings by nine,” said Mirela Costa" in body
    assert "café on Dyer Street" in body
    assert "\u200b" not in body and "â€" not in body


def test_description_that_is_the_lead_stays_in_the_body_once() -> None:
    article = _article("market-mojibake")
    assert article.markdown.startswith("The Calder Square night market reopened on Friday")
    assert article.dek is None


def test_captions_are_kept_beside_the_body() -> None:
    article = _article("market-mojibake")
    assert article.captions == ["Stalls lit by lanterns on the first night."]
    assert "lanterns" not in article.markdown


def test_page_without_an_article_keeps_its_plain_text_under_a_note() -> None:
    article = _article("members-only")
    assert article.markdown.startswith(NOT_EXTRACTED_NOTE + "\n\n")
    assert "Contact the secretary" in article.markdown
    assert article.title == "Members area"
    assert article.source_kind == "html"


def test_parse_html_page_says_whether_it_extracted() -> None:
    assert parse_html_page((PAGES / "members-only.html").read_text(encoding="utf-8")).extracted is False
    assert parse_html_page((PAGES / "harbour-flood.html").read_text(encoding="utf-8")).extracted is True


@pytest.mark.parametrize("data", [b"", b"   \n", b"<html><head></head><body>  </body></html>"])
def test_only_input_without_any_text_is_an_error(data: bytes) -> None:
    with pytest.raises(ExtractError):
        extract_document(data, name="page.html")


def test_comments_inside_a_sentence_do_not_split_it() -> None:
    page = (
        "<html><head><title>Quay</title></head><body><article>"
        "<p>The harbour master said the gates were inspected very <!-- -->recently, "
        "in<!-- --> March, and passed.</p>"
        "<p>Repairs to the eastern gate will start next week and take about a month, the board said.</p>"
        "<p>Boat owners have been asked to move their moorings to the inner basin until the work is done.</p>"
        "</article></body></html>"
    )
    body = extract_document(page.encode(), name="quay.html").markdown
    assert body.startswith(
        "The harbour master said the gates were inspected very recently, in March, and passed.\n"
    )


def test_provenance_is_jsonld_when_the_page_states_more_than_it_shows() -> None:
    article = _article("ferry-app-shell")
    assert article.source_kind == "jsonld"
    assert article.markdown.count("\n\n") == 4  # the stated body's five paragraphs
    assert article.dateline.byline == ["Idris Vellacott"]


def test_provenance_stays_html_when_the_page_text_is_complete(harbour: Article) -> None:
    assert harbour.source_kind == "html"


def test_jsonld_body_is_not_preferred_when_it_adds_little_or_is_another_text() -> None:
    from tuinews.extract.jsonld import prefer_jsonld

    extracted = " ".join(f"word{i}" for i in range(300))
    assert not prefer_jsonld(extracted, extracted + " a few more words at the end")
    assert prefer_jsonld("Just a teaser line here.", " ".join(f"word{i}" for i in range(200)))
    unrelated = " ".join(f"other{i}" for i in range(700))
    assert not prefer_jsonld(extracted, unrelated)


def test_hover_cards_inside_a_sentence_are_removed_but_the_name_stays() -> None:
    card = (
        '<span class="rollover-people"><a href="/people/ada-quist">Ada Quist</a>'
        '<span class="rollover-people-block"><img src="/ada.jpg" alt="">'
        '<a href="/a">Quist backs harbour levy</a> <a href="/b">Quist named to ports board</a></span></span>'
    )
    page = (
        "<html><head><title>Levy</title></head><body><article>"
        f"<p>The harbour levy was approved after {card} (Ind.) changed her vote at the last minute.</p>"
        "<p>The levy will add two pounds to every mooring fee from June, the council said on Monday.</p>"
        "<p>Boat owners said they would challenge the decision at the next full council meeting.</p>"
        "</article></body></html>"
    )
    body = extract_document(page.encode(), name="levy.html").markdown
    assert "after [Ada Quist](/people/ada-quist) (Ind.) changed her vote" in body
    assert "ports board" not in body and "backs harbour levy" not in body


PIER_PARA = "<p>{} The pier company said repairs would take the whole winter and cost more than planned.</p>"


def _split_page() -> str:
    body = '<div class="story-body">{}</div>'
    return (
        "<html><head><title>Pier closes for winter repairs</title></head><body><main>"
        "<h1>Pier closes for winter repairs</h1>"
        + body.format(
            "<p>Key points: the pier shuts on Monday and reopens at Easter, the owners say today.</p>"
        )
        + body.format("".join(PIER_PARA.format(f"Part one, paragraph {n}.") for n in range(1, 5)))
        + '<div class="ad-slot">Advertisement</div>'
        + body.format(
            "".join(PIER_PARA.format(f"Part two, paragraph {n}.") for n in range(1, 4))
            + '<ul><li>Tides: <a href="/t">our tide tables</a></li>'
            + '<li>Piers: <a href="/p">a history</a></li></ul>'
        )
        + "</main></body></html>"
    )


def test_a_body_split_by_an_ad_slot_is_joined_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    import tuinews.extract.html as html_module

    # The extractor keeps only the container holding most of the text, as it does on real split pages.
    part_one = "".join(PIER_PARA.format(f"Part one, paragraph {n}.") for n in range(1, 5))
    monkeypatch.setattr(html_module, "main_html", lambda tree: f"<div>{part_one}</div>")
    body = html_module.parse_html_page(_split_page()).body
    parts = [block.split(".")[0] for block in body.split("\n\n")]
    assert parts == [
        *(f"Part one, paragraph {n}" for n in range(1, 5)),
        *(f"Part two, paragraph {n}" for n in range(1, 4)),
    ]
    assert "Key points" not in body  # a same-class box *before* the story is a summary, not its rest
    assert "tide tables" not in body  # a list of links closing the last part is not the story


def test_continuation_needs_prose_in_a_container_of_the_same_class() -> None:
    from lxml import html as lxml_html

    from tuinews.extract.continuation import continued_html

    part_one = "\n\n".join(
        f"Part one, paragraph {n}. The pier company said repairs would take the whole "
        "winter and cost more than planned."
        for n in range(1, 5)
    )
    tree = lxml_html.document_fromstring(_split_page())
    assert continued_html(tree, part_one).count("<p>") == 3
    teaser = '<p><a href="/x">Pier history: the long story of the town pier and its many owners</a></p>'
    teasers = '<div class="story-body">' + teaser * 3 + "</div>"
    linked = (
        _split_page()
        .replace('<div class="ad-slot">', teasers + '<div class="ad-slot">')
        .split('<div class="ad-slot">')
    )
    teaser_only = lxml_html.document_fromstring(linked[0] + "</main></body></html>")
    assert continued_html(teaser_only, part_one) == ""


def test_tweet_in_a_social_embed_wrapper_survives_extraction() -> None:
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">The ferry is '
        "running again, first sailing at nine.</p>&mdash; Saltings Ferry (@saltingsferry) "
        '<a href="https://twitter.com/saltingsferry/status/42">February 11, 2026</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script></div>'
    )
    para = "<p>{} The operator said the storm had damaged the linkspan at Fernholm on Monday night.</p>"
    page = (
        "<html><head><title>Ferry back</title></head><body><article>"
        + para.format("Sailings resumed on Tuesday.")
        + tweet
        + para.format("Engineers worked overnight.")
        + para.format("Timetables are unchanged.")
        + "</article></body></html>"
    )
    body = extract_document(page.encode(), name="ferry.html").markdown
    assert (
        "[Tweet: “The ferry is running again, first sailing at nine.” — Saltings Ferry (@saltingsferry) "
        "February 11, 2026](https://twitter.com/saltingsferry/status/42)"
    ) in body.splitlines()


def test_headline_repeated_as_a_subhead_is_dropped() -> None:
    para = "<p>{} The operator said the storm had damaged the linkspan at Fernholm on Monday night.</p>"
    page = (
        "<html><head><title>Ferry sailings resume after storm</title></head><body><article>"
        "<h2>Ferry sailings resume after storm</h2>"
        + para.format("Sailings resumed on Tuesday.")
        + "<h2>What changes for passengers</h2>"
        + para.format("Engineers worked overnight.")
        + para.format("Timetables are unchanged.")
        + "</article></body></html>"
    )
    article = extract_document(page.encode(), name="ferry.html")
    assert article.title == "Ferry sailings resume after storm"
    assert "## Ferry sailings resume" not in article.markdown
    assert "## What changes for passengers" in article.markdown


def test_page_cut_off_in_its_head_still_gives_what_it_says_about_itself() -> None:
    head = (
        "<html><head><title>Ferry fares rise</title>"
        '<meta name="description" content="Return fares on the island ferry rise by a fifth from April.">'
    )
    article = extract_document(head.encode(), name="cut.html")
    assert (
        article.markdown
        == f"{NOT_EXTRACTED_NOTE}\n\nReturn fares on the island ferry rise by a fifth from April.\n"
    )
    assert article.title == "Ferry fares rise"
    stated = head + (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise",'
        ' "articleBody": "Return fares rise by a fifth.\\nResidents keep their discount."}</script>'
    )
    article = extract_document(stated.encode(), name="cut.html")
    assert article.source_kind == "jsonld"
    assert article.markdown == "Return fares rise by a fifth.\n\nResidents keep their discount.\n"


_BASE_PAGE = """<!DOCTYPE html><html><head><title>Quay wall repairs begin</title>{base}
<link rel="canonical" href="https://gazette.example/2024/quay-wall.html"></head><body><article>
<h1>Quay wall repairs begin</h1>
<p>Divers started work on the north quay wall on Monday, the port authority said, after a survey in
the spring found cracks along forty metres of the old stonework near the fish market.</p>
<p>The survey is <a href="survey.html">published in full</a>, and the work plan is on the
<a href="/port/plans">authority's site</a>; a <a href="javascript:alert(1)">script link</a> stays text.</p>
<p>Repairs are expected to take six weeks, and the fishing fleet will moor at the south quay meanwhile.</p>
</article></body></html>"""


def test_relative_links_resolve_against_the_page_base_element() -> None:
    page = _BASE_PAGE.format(base='<base href="https://files.example/reports/">')
    markdown = extract_document(page.encode(), name="quay.html").markdown
    assert "[published in full](https://files.example/reports/survey.html)" in markdown
    assert "[authority's site](https://files.example/port/plans)" in markdown
    assert "a script link stays text" in markdown


def test_without_a_usable_base_element_links_resolve_against_the_canonical_address() -> None:
    for base in ("", '<base href="javascript:alert(1)//">'):
        markdown = extract_document(_BASE_PAGE.format(base=base).encode(), name="quay.html").markdown
        assert "[published in full](https://gazette.example/2024/survey.html)" in markdown
        assert "[authority's site](https://gazette.example/port/plans)" in markdown
