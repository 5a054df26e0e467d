"""Snippets and match offsets find what FTS5 found: accents and case folded on both sides."""

from __future__ import annotations

import unicodedata

import pytest
from sqlite_utils import Database

from tuinews.models import Article
from tuinews.store.articles import save_article
from tuinews.store.search import MARK_CLOSE, MARK_OPEN, first_match, search_articles, spellings

BODY = (
    "MONTREAL — Three boroughs will test snow-clearing robots on their sidewalks this winter, the city said "
    "on Monday.\n\n"
    '"If they can handle a Montreal February, they can handle anything," said Ana Núñez, who runs the '
    "pilot for the city. Núñez's team will publish results in April.\n\n"
    "Café owners on Saint-Denis welcomed the trial.\n"
)


def marked(snippet: str) -> list[str]:
    return [part.split(MARK_CLOSE)[0] for part in snippet.split(MARK_OPEN)[1:]]


@pytest.fixture
def saved(db: Database) -> int:
    return save_article(db, Article(title="Robots clear snow", markdown=BODY), fallback_url="a").id


@pytest.mark.parametrize("query", ["nunez", "Núñez", "NUNEZ", "núñez", "NÚÑEZ", "nuñe"])
def test_a_match_without_accents_or_in_another_case_gets_the_same_snippet(
    db: Database, saved: int, query: str
) -> None:
    hits = search_articles(db, query)
    assert [h.id for h in hits] == [saved]
    assert marked(hits[0].snippet) == ["Núñez", "Núñez"]
    assert hits[0].snippet == search_articles(db, "Núñez")[0].snippet
    assert hits[0].spellings == [("Núñe" if query == "nuñe" else "Núñez")]


def test_every_word_is_marked_and_spelled_as_printed(db: Database, saved: int) -> None:
    hit = search_articles(db, "cafe OWNERS")[0]
    assert marked(hit.snippet) == ["Café", "owners"]
    assert hit.spellings == ["Café", "owners"]


def test_first_match_is_the_offset_in_the_text_as_printed() -> None:
    offset = BODY.index("Núñez")
    assert first_match(BODY, "nunez") == offset
    assert first_match(BODY, "NÚÑEZ") == offset
    assert first_match(BODY, "zzz nunez") == offset
    assert first_match(BODY, "cafe") == BODY.index("Café")
    assert first_match(BODY, "zzz") is None and first_match(BODY, "  ") is None


def test_decomposed_text_and_expanding_letters_map_back_to_whole_characters() -> None:
    decomposed = unicodedata.normalize("NFD", BODY)
    start = first_match(decomposed, "nunez")
    assert start == decomposed.index(unicodedata.normalize("NFD", "Núñez"))
    assert spellings(decomposed, ["nunez"]) == [unicodedata.normalize("NFD", "Núñez")]  # marks included
    text = "Die Straße ist gesperrt, sagte Jürgen Groß."
    assert spellings(text, ["strasse", "GROSS", "jurgen", "fehlt"]) == ["Straße", "Groß", "Jürgen", "fehlt"]
    assert first_match(text, "gross") == text.index("Groß")
