"""The Markdown converter's own rules, on small HTML fragments."""

from __future__ import annotations

import pytest

from tuinews.extract.embeds import EMBED_MARK, one_line_embeds
from tuinews.extract.markdown import html_to_markdown, short_url, tidy_markdown
from tuinews.extract.typography import fix_mojibake, normalize_spaces, tidy_text


def test_headings_are_atx_and_at_most_three_deep() -> None:
    md = html_to_markdown("<h1>Top</h1><h2>Second</h2><h4>Fourth</h4><p>Text under them.</p>")
    assert md == "# Top\n\n## Second\n\n### Fourth\n\nText under them.\n"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>See <a href="https://example.org/a">the report</a>.</p>',
            "See [the report](https://example.org/a).\n",
        ),
        ('<p>A <a href="javascript:alert(1)">trap</a> here.</p>', "A trap here.\n"),
        ('<p>A <a href="data:text/html,x">data link</a> here.</p>', "A data link here.\n"),
        ('<p>Nothing<a href="https://example.org/x"></a> more.</p>', "Nothing more.\n"),
        ('<p>Arrow <a href="https://example.org/x">›</a> only.</p>', "Arrow › only.\n"),
        ('<p>Jump <a href="#section-2">below</a>.</p>', "Jump below.\n"),
        (
            '<p>Mail <a href="mailto:desk@example.org">the desk</a>.</p>',
            "Mail [the desk](mailto:desk@example.org).\n",
        ),
        (
            '<p>Raw <a href="https://example.org/p">https://example.org/p</a>.</p>',
            "Raw <https://example.org/p>.\n",
        ),
        (
            '<p><a href="https://example.org/a?id=3&utm_source=x&fbclid=y">Story</a></p>',
            "[Story](https://example.org/a?id=3)\n",
        ),
    ],
)
def test_links_are_safe_short_and_never_empty(html: str, expected: str) -> None:
    assert html_to_markdown(html) == expected


def test_short_url_keeps_real_parameters_and_fragments() -> None:
    assert short_url("https://example.org/a?page=2&utm_campaign=z#top") == "https://example.org/a?page=2#top"
    assert short_url("https://example.org/plain") == "https://example.org/plain"


def test_images_become_their_alt_text_or_caption() -> None:
    assert html_to_markdown('<p>Before.</p><img src="x.jpg" alt="A ferry at dawn"><p>After.</p>') == (
        "Before.\n\n*Photo: A ferry at dawn*\n\nAfter.\n"
    )
    assert html_to_markdown('<p>Logo <img src="l.png" alt="Courier"> inline.</p>') == "Logo Courier inline.\n"
    assert html_to_markdown('<p>Spacer<img src="s.gif" alt="">.</p>') == "Spacer.\n"
    figure = '<figure><img src="x.jpg" alt="ignored"><figcaption>Crews at the quay.</figcaption></figure>'
    assert "*Photo: Crews at the quay.*" in html_to_markdown(figure)
    assert (
        html_to_markdown("<figure><figcaption>Video: The surge</figcaption></figure>")
        == "*Video: The surge*\n"
    )


def test_tables_get_a_header_row_even_without_th() -> None:
    md = html_to_markdown(
        "<table><tr><td>Town</td><td>Homes</td></tr><tr><td>Northgate</td><td>12</td></tr></table>"
    )
    assert md == "| Town | Homes |\n| --- | --- |\n| Northgate | 12 |\n"


def test_lists_and_blockquotes() -> None:
    md = html_to_markdown("<ul><li>One</li><li>Two</li></ul><blockquote><p>Said so.</p></blockquote>")
    assert md == "- One\n- Two\n\n> Said so.\n"


def test_furniture_lines_and_blank_runs_are_removed() -> None:
    md = tidy_markdown("First paragraph.\n\n\n\nAdvertisement\n\n**Read more**\n\nSecond paragraph.\n")
    assert md == "First paragraph.\n\nSecond paragraph.\n"


def test_scripts_styles_and_controls_leave_nothing_but_a_form_keeps_its_text() -> None:
    html = "<p>Kept.</p><script>var a = 1;</script><style>p{}</style>"
    html += "<form><input value='x'><button>Go</button></form>"
    assert html_to_markdown(html) == "Kept.\n"
    # Some sites wrap the whole page in one <form>: its text is the article.
    assert html_to_markdown("<form><p>Inside a form.</p></form>") == "Inside a form.\n"


def test_spaces_fold_but_emoji_joiners_stay() -> None:
    assert normalize_spaces("a\u00a0b\u202fc\u2009d  e\u200bf\u00adg") == "a b c d efg"
    flag = "\U0001f3f3\ufe0f\u200d\U0001f308"
    assert normalize_spaces(f"pride {flag} flag") == f"pride {flag} flag"


def test_mojibake_is_fixed_and_clean_text_untouched() -> None:
    assert fix_mojibake("itâ€™s a cafÃ©") == "it’s a café"
    clean = "Ein “Zitat” — déjà vu, 東京, Москва"
    assert fix_mojibake(clean) is clean
    assert tidy_text("  x\u00a0y  \n\n\n\nz  ") == "x y\n\nz"


def test_embed_paragraph_folds_into_one_link() -> None:
    block = (
        f"Tweet: “Stay off the quay.” — Lifeboat (@rnli) [{EMBED_MARK}](https://twitter.com/rnli/status/1)"
    )
    assert (
        one_line_embeds(block)
        == "[Tweet: “Stay off the quay.” — Lifeboat (@rnli)](https://twitter.com/rnli/status/1)"
    )
    assert one_line_embeds("A plain paragraph.") == "A plain paragraph."
