"""Tests for tuinews.extract.quotes: every case of the "Quotes" section of EXTRACTION-SPEC.md.

All sentences here are made up for the tests.
"""

from __future__ import annotations

import pytest

from tuinews.extract.quotes import parse_quotes
from tuinews.models import Quote


def one(md: str) -> Quote:
    """The single quote expected in `md`."""
    quotes = parse_quotes(md)
    assert len(quotes) == 1, quotes
    return quotes[0]


def texts(md: str) -> list[str]:
    return [q.text for q in parse_quotes(md)]


def check_offsets(md: str, quotes: list[Quote]) -> None:
    """Every quote's span points at text that starts with the quote's first words."""
    for q in quotes:
        span = md[q.start : q.end]
        first = q.text.split()[:3]
        assert " ".join(span.split()[:3]) == " ".join(first), (span, q.text)
        assert 0 <= q.start < q.end <= len(md)


# --- direct quotes ------------------------------------------------------------------------------------


def test_direct_quote_then_attribution() -> None:
    md = '"The bridge will reopen before the first snow," Maria Lindqvist said.'
    q = one(md)
    assert q.text == "The bridge will reopen before the first snow"
    assert q.speaker == "Maria Lindqvist"
    assert q.kind == "direct"
    assert q.paragraph == 0
    assert q.confidence >= 0.85
    check_offsets(md, [q])


def test_direct_quote_with_colon_intro() -> None:
    md = 'Maria Lindqvist told the council: "We have spent the whole budget on repairs."'
    q = one(md)
    assert q.text == "We have spent the whole budget on repairs."
    assert q.speaker == "Maria Lindqvist"
    assert q.kind == "direct"


def test_direct_quote_inverted_said_name() -> None:
    md = '"Nobody expected the river to rise this fast," said Tomas Varga, a hydrologist at the institute.'
    q = one(md)
    assert q.speaker == "Tomas Varga"
    assert q.role == "hydrologist at the institute"
    assert q.text.startswith("Nobody expected")


def test_according_to_direct_quote() -> None:
    md = 'According to Nina Castell, "the new timetable will cut waiting times in half."'
    q = one(md)
    assert q.speaker == "Nina Castell"
    assert q.kind == "direct"


def test_according_to_a_document_is_not_a_quote() -> None:
    md = "According to the indictment, the money was moved through three shell companies."
    assert parse_quotes(md) == []


# --- split, multi-paragraph and follow-up quotes -----------------------------------------------------------


def test_split_quote_around_pronoun_attribution_is_one_quote() -> None:
    md = (
        "Peter Halloran runs the ferry line.\n\n"
        '"We carried more cars this summer," he said, "than in the three years before combined."'
    )
    q = one(md)
    assert q.text == "We carried more cars this summer than in the three years before combined."
    assert q.speaker == "Peter Halloran"
    assert q.paragraph == 1
    check_offsets(md, [q])
    assert md[q.start : q.end].endswith("combined.")


def test_split_quote_over_two_sentences_is_one_quote() -> None:
    md = '"The tunnel is safe to use," Ingrid Solberg said. "Every bolt was checked twice last week."'
    q = one(md)
    assert q.text == "The tunnel is safe to use. Every bolt was checked twice last week."
    assert q.speaker == "Ingrid Solberg"


@pytest.mark.parametrize(
    ("md", "text"),
    [
        # a new sentence after the attribution: the fragment's closing comma becomes a full stop
        (
            '"The market will stay open," said Odile Marchetti. "The stalls move to the car park."',
            "The market will stay open. The stalls move to the car park.",
        ),
        (
            "“The market will stay open,” Odile Marchetti said, “The stalls move to the car park.”",
            "The market will stay open. The stalls move to the car park.",
        ),
        # the same sentence going on: the comma goes
        (
            '"The market," Odile Marchetti said, "will stay open all winter."',
            "The market will stay open all winter.",
        ),
        (
            "“Honestly,” Odile Marchetti said, “I never expected the stalls to sell out.”",
            "Honestly I never expected the stalls to sell out.",
        ),
        # a number would run into the one before it: the comma stays
        (
            '"By the end of 2019," Odile Marchetti said, "4,000 people came every Saturday."',
            "By the end of 2019, 4,000 people came every Saturday.",
        ),
        # the comma inside an inner quote's closing mark
        (
            "“The council calls it ‘a small adjustment,’” Odile Marchetti said. “Every adjustment is small.”",
            "The council calls it ‘a small adjustment.’ Every adjustment is small.",
        ),
        # a fragment that ends in its own question mark is joined as it is
        (
            '"Why close it now?" Odile Marchetti said. "Because the roof is leaking again."',
            "Why close it now? Because the roof is leaking again.",
        ),
    ],
)
def test_split_quote_fragments_join_as_sentences(md: str, text: str) -> None:
    q = one(md)
    assert q.text == text
    assert q.speaker == "Odile Marchetti"
    # one span over both fragments and the attribution between them: it starts at the first fragment's first
    # word (the reader highlights from there) and ends after the last fragment's text
    span = md[q.start : q.end]
    assert span.startswith(text.split()[0].rstrip(",.")), span
    assert span.endswith(" ".join(text.split()[-2:])), span


def test_split_quote_over_paragraphs_keeps_its_punctuation() -> None:
    md = (
        'Harbour master Idris Penhallow said: "The channel is clear,\n\n'
        '"and the first boats can leave at dawn," he said.'
    )
    q = one(md)
    assert q.text == "The channel is clear, and the first boats can leave at dawn"


def test_second_fragment_with_its_own_cue_is_a_new_quote() -> None:
    md = (
        '"The tunnel is safe to use," Ingrid Solberg said. '
        '"We will still close it for a week in May," she added.'
    )
    quotes = parse_quotes(md)
    assert [q.text for q in quotes] == [
        "The tunnel is safe to use",
        "We will still close it for a week in May",
    ]
    assert all(q.speaker == "Ingrid Solberg" for q in quotes)


def test_multi_paragraph_quote_is_joined() -> None:
    md = (
        'Chief engineer Olaf Brekke said: "The storm moved the buoys by almost a mile.\n\n'
        '"We will need a week to put every one of them back," he said.'
    )
    q = one(md)
    assert q.text == (
        "The storm moved the buoys by almost a mile. We will need a week to put every one of them back"
    )
    assert q.speaker == "Olaf Brekke"
    assert q.role == "Chief engineer"
    assert q.paragraph == 0
    check_offsets(md, [q])
    assert md[q.start : q.end].endswith("back")


def test_multi_paragraph_quote_then_split_fragment_in_last_paragraph() -> None:
    md = (
        'Olaf Brekke said: "The storm moved the buoys by almost a mile.\n\n'
        '"We will need a week to put them back," he said. "The harbour stays shut until then."'
    )
    q = one(md)
    assert q.text == (
        "The storm moved the buoys by almost a mile. We will need a week to put them back. "
        "The harbour stays shut until then."
    )
    assert md[q.start : q.end].endswith("until then.")


def test_quote_only_paragraph_inherits_speaker() -> None:
    md = (
        '"The orchard lost half its trees to the frost," said Anna Kowal, who farms near the lake.\n\n'
        '"Insurance will not cover a single one of them."'
    )
    quotes = parse_quotes(md)
    assert [q.speaker for q in quotes] == ["Anna Kowal", "Anna Kowal"]
    assert quotes[1].text == "Insurance will not cover a single one of them."
    assert quotes[1].paragraph == 1
    assert quotes[1].confidence < quotes[0].confidence


def test_unattributed_quote_without_previous_quote_is_dropped() -> None:
    md = 'The sign at the gate read "Closed for the winter season until further notice."\n\nNo one answered.'
    assert parse_quotes(md) == []


# --- partial and indirect quotes ---------------------------------------------------------------------------


def test_partial_quote_described_as() -> None:
    md = "Nina Castell described the delays as «a slow disaster for every commuter in the valley»."
    q = one(md)
    assert q.kind == "partial"
    assert q.text == "a slow disaster for every commuter in the valley"
    assert q.speaker == "Nina Castell"
    check_offsets(md, [q])


def test_partial_inside_indirect_clause_only_fragment_is_quote() -> None:
    md = 'Peter Halloran said the new timetable was "the best thing to happen to this island in years".'
    q = one(md)
    assert q.kind == "partial"
    assert q.text == "the best thing to happen to this island in years"


def test_indirect_said_on_day_that() -> None:
    md = "Mayor Sofia Reyes said on Tuesday that the library would stay open on Sundays."
    q = one(md)
    assert q.kind == "indirect"
    assert q.text == "the library would stay open on Sundays"
    assert q.speaker == "Sofia Reyes"
    assert q.role == "Mayor"
    check_offsets(md, [q])


def test_indirect_said_without_that() -> None:
    md = "Sofia Reyes said the library would stay open on Sundays."
    assert one(md).text == "the library would stay open on Sundays"


def test_indirect_clause_then_attribution() -> None:
    md = "The library will stay open on Sundays, Sofia Reyes said on Tuesday."
    q = one(md)
    assert q.kind == "indirect"
    assert q.text == "The library will stay open on Sundays"
    assert q.speaker == "Sofia Reyes"


def test_indirect_clause_then_inverted_attribution_with_appositive() -> None:
    md = "The eastern slopes are drier than the valley floor, said co-author Lin Haga, a soil scientist."
    q = one(md)
    assert q.text == "The eastern slopes are drier than the valley floor"
    assert q.speaker == "Lin Haga"


def test_indirect_clause_ending_in_short_quote_keeps_marks() -> None:
    md = 'Opening the new wing early "was wise," Maria Lindqvist said.'
    q = one(md)
    assert q.kind == "indirect"
    assert q.text == 'Opening the new wing early "was wise,"'
    md2 = 'Opening the new wing early "was exactly the right call," Maria Lindqvist said.'
    q2 = one(md2)
    assert q2.kind == "partial"
    assert q2.text == "was exactly the right call"
    assert q2.speaker == "Maria Lindqvist"


def test_indirect_saying_clause() -> None:
    md = "The Harbour Authority issued a notice on Friday, saying the north pier would close for repairs."
    q = one(md)
    assert q.kind == "indirect"
    assert q.text == "the north pier would close for repairs"
    assert q.speaker == "Harbour Authority"


def test_indirect_adding_that_clause() -> None:
    md = "Sofia Reyes said the budget was balanced, adding that no branch would close this year."
    quotes = parse_quotes(md)
    assert [q.text for q in quotes] == ["the budget was balanced", "no branch would close this year"]
    assert all(q.kind == "indirect" and q.speaker == "Sofia Reyes" for q in quotes)


def test_short_quoted_fragment_stays_inside_indirect_clause() -> None:
    md = 'Sofia Reyes said the "pilot" scheme would end in June.'
    q = one(md)
    assert q.kind == "indirect"
    assert q.text == 'the "pilot" scheme would end in June'


def test_non_speech_verbs_are_not_quotes() -> None:
    md = (
        "Sofia Reyes found that the roof had been leaking for years. "
        "She urged residents to report any damage. "
        "Peter Halloran declined to say whether the pier would reopen. "
        "He denied any wrongdoing. The auditors forecast a deficit next year."
    )
    assert parse_quotes(md) == []


# --- quote marks -------------------------------------------------------------------------------------------


def test_curly_double_quotes() -> None:
    md = "“We sold every ticket within an hour,” said Lena Marsh."
    assert one(md).text == "We sold every ticket within an hour"


def test_low_high_quotes() -> None:
    md = "Jürgen Falk said on Monday: „Wir bauen die Brücke bis zum Herbst neu.“"
    q = one(md)
    assert q.text == "Wir bauen die Brücke bis zum Herbst neu."
    assert q.speaker == "Jürgen Falk"
    check_offsets(md, [q])


def test_guillemets() -> None:
    md = "«Nous rouvrirons le musée au printemps», said Camille Moreau, the museum director."
    q = one(md)
    assert q.text == "Nous rouvrirons le musée au printemps"
    assert q.speaker == "Camille Moreau"
    assert q.role == "museum director"


def test_curly_single_quotes_at_word_boundaries() -> None:
    md = "‘The harvest came three weeks early this year,’ said Tomas Varga."
    assert one(md).text == "The harvest came three weeks early this year"


def test_straight_single_quotes() -> None:
    md = "'The harvest came three weeks early this year,' said Tomas Varga."
    assert one(md).text == "The harvest came three weeks early this year"


def test_apostrophes_do_not_split_quotes() -> None:
    md = "‘We can’t promise the farmers’ market will return in spring,’ said Tomas Varga."
    q = one(md)
    assert q.text == "We can’t promise the farmers’ market will return in spring"
    md2 = "\"It's the town's oldest bakery and it won't close,\" Lena Marsh said."
    assert one(md2).text == "It's the town's oldest bakery and it won't close"


def test_scare_quotes_are_not_quotes() -> None:
    md = 'Lena Marsh called the plan a "gimmick" and said the "so-called reform" had failed voters.'
    quotes = parse_quotes(md)
    assert all(q.kind == "indirect" for q in quotes)
    assert not any(q.text in ("gimmick", "so-called reform") for q in quotes)


def test_short_attributed_direct_quote_is_dropped() -> None:
    md = '"Absolutely not," Lena Marsh said.'
    assert parse_quotes(md) == []


def test_nested_quote_stays_inside_outer() -> None:
    md = "“The driver told me, ‘the brakes just stopped working,’ and then he ran,” said Anna Kowal."
    q = one(md)
    assert q.text == "The driver told me, ‘the brakes just stopped working,’ and then he ran"


def test_blockquote_prefix_is_stripped_and_offsets_hold() -> None:
    md = 'Intro line here.\n\n> "The museum will reopen in April after the repairs,"\n> said Camille Moreau.'
    q = one(md)
    assert q.speaker == "Camille Moreau"
    assert q.paragraph == 1
    check_offsets(md, [q])


# --- speakers ----------------------------------------------------------------------------------------------


def test_title_stripped_and_surname_resolves_with_role() -> None:
    md = (
        "Dr. Helen Achterberg examined the samples on Monday.\n\n"
        '"The water is safe to drink again," Achterberg said.'
    )
    q = one(md)
    assert q.speaker == "Helen Achterberg"
    assert q.role is None


def test_role_before_name_and_surname_later() -> None:
    md = (
        "Transport Department spokesperson Jane Whitlock spoke to the press.\n\n"
        '"Buses will run every ten minutes from May," Whitlock said.'
    )
    q = one(md)
    assert q.speaker == "Jane Whitlock"
    assert q.role == "Transport Department spokesperson"


def test_appositive_role() -> None:
    md = "Jane Whitlock, a spokeswoman for the city council, said the buses would run all night."
    q = one(md)
    assert q.speaker == "Jane Whitlock"
    assert q.role == "spokeswoman for the city council"


def test_titled_person_with_org_word_in_title_is_a_person() -> None:
    md = "Acting Fire Brigade Chief Ed Marlow said the blaze was under control by midnight."
    q = one(md)
    assert q.speaker == "Ed Marlow"
    assert q.role == "Acting Fire Brigade Chief"


def test_person_of_organization_is_the_person() -> None:
    md = '"The samples are older than we thought," said geologist Rosa Lind of the Northern Survey Institute.'
    assert one(md).speaker == "Rosa Lind"


def test_pronouns_resolve_to_compatible_person() -> None:
    md = (
        "Maria Lindqvist met Peter Halloran at the depot.\n\n"
        '"The trains are older than I am," she said.\n\n'
        '"We will replace half of them next year," he said.'
    )
    quotes = parse_quotes(md)
    assert [q.speaker for q in quotes] == ["Maria Lindqvist", "Peter Halloran"]
    assert all(0.6 <= q.confidence <= 0.8 for q in quotes)


def test_pronoun_after_a_subject_of_unknown_gender_is_that_subject() -> None:
    # "Ysolde" tells nothing of a gender, the minister's first name does: the subject of the sentence just
    # before the quote is still the one "she" means (surname-only, in the paragraph before or the same one)
    intro = (
        "Transport Minister Helen Varley said the line would be reviewed.\n\n"
        '"Nobody is closing the line," she said.\n\n'
        "Ysolde Quennell-Dorsey, who chairs the passengers' group, has fought every cut since 2015.\n\n"
    )
    rally = "Quennell-Dorsey spoke from the back of a van outside the station."
    quote = '"They say the line is safe. Then put it in writing," she told the crowd.'
    for md in (intro + rally + "\n\n" + quote, intro + rally + " " + quote):
        assert [q.speaker for q in parse_quotes(md)][-1] == "Ysolde Quennell-Dorsey"
    # a sentence that names nobody between them is passed over
    md = intro + rally + " The microphone crackled.\n\n" + quote
    assert [q.speaker for q in parse_quotes(md)][-1] == "Ysolde Quennell-Dorsey"


def test_pronoun_skips_a_subject_of_the_other_gender() -> None:
    md = (
        "Transport Minister Helen Varley said the line would be reviewed.\n\n"
        "Peter Halloran, who drives the night train, listened from the platform.\n\n"
        '"Nobody is closing this line while I am minister," she said.'
    )
    assert [q.speaker for q in parse_quotes(md)][-1] == "Helen Varley"


def test_singular_they() -> None:
    md = (
        "Alex Mercer, a volunteer coordinator, sorted the donations.\n\n"
        '"We have never had this many winter coats," they said.'
    )
    assert one(md).speaker == "Alex Mercer"


def test_role_noun_resolves_to_person() -> None:
    md = (
        "Energy Minister Paul Brandt visited the plant.\n\n"
        '"The reactor will be shut down by the end of the decade," the minister said.'
    )
    q = one(md)
    assert q.speaker == "Paul Brandt"
    assert q.role == "Energy Minister"


def test_organization_and_role_noun() -> None:
    md = (
        "The Ministry of Water Resources published new figures.\n\n"
        "The ministry said the reservoirs were at their lowest level since records began."
    )
    q = one(md)
    assert q.speaker == "Ministry of Water Resources"
    assert q.kind == "indirect"


def test_organization_acronym() -> None:
    md = (
        "The National Grain Authority (NGA) raised its forecast.\n\n"
        '"Farmers should expect a record harvest this autumn," the NGA said.'
    )
    assert one(md).speaker == "National Grain Authority"


def test_spokesperson_for_named_org_is_the_org() -> None:
    md = '"The factory will not close while the talks continue," a spokesperson for Brightwater Motors said.'
    assert one(md).speaker == "Brightwater Motors"


def test_told_reporters_object_is_never_the_speaker() -> None:
    md = (
        '"We expect the vote to pass easily tomorrow," Sofia Reyes told reporters.\n\n'
        '"The numbers are there," Peter Halloran told Reuters on Friday.'
    )
    quotes = parse_quotes(md)
    assert [q.speaker for q in quotes] == ["Sofia Reyes", "Peter Halloran"]
    md2 = "Sofia Reyes told Reuters the vote would pass easily tomorrow."
    q = one(md2)
    assert q.speaker == "Sofia Reyes"
    assert q.text == "the vote would pass easily tomorrow"


def test_generic_sources_produce_no_quote() -> None:
    md = (
        "Officials said the road would reopen on Monday.\n\n"
        '"We are doing everything we can for the families," a spokesperson said.\n\n'
        "Residents said the water had risen overnight.\n\n"
        "Critics said the plan was far too expensive for the town."
    )
    assert parse_quotes(md) == []


# --- page furniture ----------------------------------------------------------------------------------------


def test_headings_captions_and_link_lists_are_skipped_but_counted() -> None:
    md = (
        '# "Nobody saw the flood coming at all", says mayor\n\n'
        '*"We lost everything in the water," a resident said in a photo caption.*\n\n'
        '!["A flooded street in the old town today"](flood.jpg)\n\n'
        'Also Read: "Five things to know about the flood defences"\n\n'
        '- ["Flood map for the whole region here"](https://example.org/map)\n\n'
        '| "Water level in metres" | 4.2 |\n|---|---|\n\n'
        '"The barriers held for six hours before they failed," said Mayor Sofia Reyes.'
    )
    q = one(md)
    assert q.speaker == "Sofia Reyes"
    assert q.paragraph == 6
    check_offsets(md, [q])


# --- whole article -----------------------------------------------------------------------------------------


ARTICLE = """# Valley rail line to reopen

*A repair crew works on the viaduct.*

Regional Transport Minister Lena Okoro said on Monday that the valley line would reopen in March.

"We have rebuilt the viaduct from the ground up," Okoro told reporters.
"It is stronger than it has ever been."

The Valley Rail Company (VRC) said the first trains would run on a reduced timetable.

"Passengers should check the timetable before they travel," the company said in a statement.

Engineer Tomas Varga, who led the repairs, described the work as "the hardest job of my whole career".

"The river nearly took the scaffolding twice," he said, "but nobody was hurt."

Residents said they were relieved.
Okoro said the cost had risen by a third, adding that the state would cover it.
"""


def test_whole_article() -> None:
    quotes = parse_quotes(ARTICLE)
    got = [(q.kind, q.speaker, q.text) for q in quotes]
    assert got == [
        ("indirect", "Lena Okoro", "the valley line would reopen in March"),
        (
            "direct",
            "Lena Okoro",
            "We have rebuilt the viaduct from the ground up. It is stronger than it has ever been.",
        ),
        ("indirect", "Valley Rail Company", "the first trains would run on a reduced timetable"),
        ("direct", "Valley Rail Company", "Passengers should check the timetable before they travel"),
        ("partial", "Tomas Varga", "the hardest job of my whole career"),
        ("direct", "Tomas Varga", "The river nearly took the scaffolding twice but nobody was hurt."),
        ("indirect", "Lena Okoro", "the cost had risen by a third"),
        ("indirect", "Lena Okoro", "the state would cover it"),
    ]
    assert quotes[0].role == "Regional Transport Minister"
    assert [q.paragraph for q in quotes] == [2, 3, 4, 5, 6, 7, 8, 8]
    check_offsets(ARTICLE, quotes)
    for q in quotes:
        assert 0.0 < q.confidence <= 1.0
        assert q.to_json()["speaker"] == q.speaker


def test_empty_and_quote_free_input() -> None:
    assert parse_quotes("") == []
    assert parse_quotes("   \n\n  ") == []
    assert parse_quotes("The river rose by two metres overnight.\n\nSchools were closed.") == []
