"""The bundled demo articles (tuinews/demo/articles, shipped with the package): the errors once found on
them stay fixed. MANIFEST.md beside them lists what each article demonstrates and what we extract."""

from __future__ import annotations

from functools import cache

import pytest

from tuinews.demo import demo_files
from tuinews.extract.document import extract_document
from tuinews.models import Article


@cache
def _article(name: str) -> Article:
    data = dict(demo_files())[name]
    return extract_document(data, name=name)


def _speakers(name: str) -> set[str]:
    return {q.speaker for q in _article(name).quotes}


def test_every_demo_article_yields_quotes_and_a_dateline() -> None:
    for name, _ in demo_files():
        article = _article(name)
        assert article.quotes, name
        assert article.dateline.outlet, name


def test_german_nouns_are_not_speakers_and_the_company_speaks() -> None:
    speakers = _speakers("wire-berlin-club-denkmal-dpa.md")
    assert not speakers & {"Gelände", "Unternehmens", "Er"}
    assert {"Miriam Adebayo-Krüger", "Jens Vollrath", "Rummelsburger Ufer GmbH"} <= speakers


def test_port_story_organisations_carry_no_descriptor() -> None:
    speakers = _speakers("wire-kestrel-bay-port.html")
    assert not any(s.startswith("Singapore-listed") for s in speakers)
    assert "Corvid Terminals" in speakers


def test_montreal_given_name_resolves_to_the_full_name() -> None:
    speakers = _speakers("wire-montreal-snow-robots-cp.md")
    assert "Hạnh" not in speakers and "Nguyễn Thị Hạnh" in speakers


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("science-ru-yakutia-meteorite.html", "Якутск"),
        # the Glasgow page states no dateline place (no "GLASGOW —" lead, no agency line): none invented
        ("dump-storm-orla-glasgow.txt", None),
        ("wire-kestrel-bay-port.html", "Kestrel Bay, Australia"),
        ("dump-delhi-metro-fares.txt", "New Delhi"),
    ],
)
def test_dateline_places(name: str, place: str | None) -> None:
    assert _article(name).dateline.place == place


def test_russian_names_lose_their_role_and_place_words() -> None:
    speakers = _speakers("science-ru-yakutia-meteorite.html")
    assert {"Илья Зарецкий", "Семён Посельский"} <= speakers
    assert not any(s.startswith(("ЯЦНМТ ", "Глава ")) for s in speakers)


def test_feature_speaker_first_named_as_an_object_gets_her_quotes() -> None:
    quotes = _article("feature-hobart-organ-builder.md").quotes
    dellow = [q for q in quotes if q.speaker == "Marguerite Dellow"]
    assert len(dellow) >= 5
    assert dellow[0].text.startswith("Every pipe has a voice")


def test_club_statement_in_a_block_quote_is_the_club_speaking() -> None:
    quotes = _article("wire-manchester-derby-afp.html").quotes
    assert any(q.speaker == "Irwell Athletic" and q.kind == "direct" for q in quotes)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "dump-storm-orla-glasgow.txt",
            "already saturated after a very wet October. That combination is what worries us most.",
        ),
        ("wire-kestrel-bay-port.html", "out of our own harbour. Corvid wants the cranes"),
        ("science-hawkes-bay-slow-slip.md", "People can literally watch the North Island move. Slowly."),
        ("long-read-the-last-ferry.md", "You live by the schedule. Your whole life is arranged"),
        ("feature-hobart-organ-builder.md", "We are not a wealthy congregation but we are a stubborn one."),
    ],
)
def test_split_quotes_read_as_sentences(name: str, text: str) -> None:
    """`"A," X said. "B."` reads `A. B.`; `"A," she said, "b."` reads `A b.` (never `A, B.`)."""
    quotes = [q for q in _article(name).quotes if text in q.text]
    assert len(quotes) == 1, [q.text for q in _article(name).quotes]
    # the reader highlights from `start`: the quote's first word, in the article body
    q = quotes[0]
    span = _article(name).markdown[q.start : q.end]
    assert span.startswith(q.text.split()[0].rstrip(",.")) and text.split()[0] in span


def test_she_after_a_surname_subject_is_that_person_not_the_minister() -> None:
    """ "O'Rourke-Sampson spoke from the back of a pickup truck…" then "“…,” she told the crowd": the
    sentence's subject, not Colette Arsenault (named earlier, and known to be a woman)."""
    quotes = _article("long-read-the-last-ferry.md").quotes
    (q,) = [q for q in quotes if q.text.startswith("They say they’re not abandoning us")]
    assert q.speaker == "Bridget O’Rourke-Sampson"
