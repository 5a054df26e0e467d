"""The reader's "page as saved" view: the page's text as it is, rendered literally by the Markdown widget."""

from __future__ import annotations

from tuinews.extract.plaintext import raw_page_text


def test_lines_stay_lines_and_markdown_signs_stay_text() -> None:
    saved = b"---\ntitle: Quay wall repairs begin\nurl: https://gazette.example/quay\n---\n\n# Port\nDivers began.\n"
    assert raw_page_text(saved) == (
        "\\---  \ntitle: Quay wall repairs begin  \nurl: https://gazette.example/quay  \n\\---\n\n"
        "\\# Port  \nDivers began.\n"
    )


def test_paragraphs_of_an_html_page_stay_paragraphs() -> None:
    page = b"<html><body><p>First paragraph of the story.</p><p>Second one.</p></body></html>"
    text = raw_page_text(page)
    assert "First paragraph of the story." in text and "Second one." in text
    assert "  \n" not in text  # no hard breaks where the page has none
