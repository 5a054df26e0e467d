"""Pins for the general rules added after the second blind set (all sentences invented for the tests, none
taken from the fixtures)."""

from __future__ import annotations

from tuinews.extract.quotes import parse_quotes


def _q(md: str) -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker, q.text) for q in parse_quotes(md)]


def test_attribution_after_a_question_mark() -> None:
    md = 'Odile Marchand runs the bakery.\n\n"Who will pay for the new ovens now?" Marchand asked.'
    assert _q(md) == [("direct", "Odile Marchand", "Who will pay for the new ovens now?")]


def test_attribution_after_an_exclamation_with_a_role_before_the_name() -> None:
    md = '"Nobody told us a single thing about it!" union steward Piet Gansevoort said. "Nobody."'
    (q,) = parse_quotes(md)
    assert (q.kind, q.speaker) == ("direct", "Piet Gansevoort")
    assert q.text.startswith("Nobody told us a single thing about it!")


def test_a_question_with_no_attribution_after_it_stays_unattributed() -> None:
    md = 'Odile Marchand runs the bakery.\n\n"Who will pay for the new ovens now?" The shop shut at noon.'
    assert _q(md) == []


def test_a_block_ending_in_a_photo_credit_is_a_caption() -> None:
    md = (
        "![Boats](boats.jpg)\n\n"
        "Fishers say “the quota will ruin the harbour” at the quay. Photo: Tilde Marsk\n\n"
        "Greta Holm said the harbour would stay open through the winter."
    )
    assert _q(md) == [("indirect", "Greta Holm", "the harbour would stay open through the winter")]


def test_an_object_named_after_a_person_does_not_take_her_pronoun() -> None:
    md = (
        "Wenna Tregear founded Kestle Radio in 1998 with a borrowed aerial. Now 80, she still reads the news.\n\n"
        "She said the station would move to the old chapel next spring."
    )
    (q,) = parse_quotes(md)
    assert q.speaker == "Wenna Tregear"


def test_told_a_bare_plural_audience() -> None:
    md = "Prosecutor Ines Calloway told jurors that the ledger had been rewritten twice."
    assert _q(md) == [("indirect", "Ines Calloway", "the ledger had been rewritten twice")]


def test_said_in_her_opening() -> None:
    md = "Defence lawyer Ruth Amsel said in her opening that the money was a family loan."
    assert _q(md) == [("indirect", "Ruth Amsel", "the money was a family loan")]


def test_time_phrase_between_subject_and_cue() -> None:
    md = "Councillor Hamid Rostami on Thursday insisted that the library would not close."
    assert _q(md) == [("indirect", "Hamid Rostami", "the library would not close")]


def test_capitalised_role_word_is_not_a_name() -> None:
    md = (
        "Harbourmaster Ysolde Penhale inspected the wall on Monday.\n\n"
        '"The wall will hold through every storm this winter," the Harbourmaster said.'
    )
    (q,) = parse_quotes(md)
    assert q.speaker == "Ysolde Penhale"


def test_apposition_after_a_prepositional_org_noun_is_a_person() -> None:
    md = (
        "Chair of the finance panel in the district council, Bartholomew Oyelowo, rejected the plan. "
        "He said the figures had never been published."
    )
    assert _q(md) == [("indirect", "Bartholomew Oyelowo", "the figures had never been published")]


def test_the_party_is_the_organisation_just_named() -> None:
    md = (
        "The Green Valley Front (GVF) has called a strike for Monday. The party said on Sunday that "
        "ambulances and schools would be exempt."
    )
    assert _q(md) == [("indirect", "Green Valley Front", "ambulances and schools would be exempt")]


def test_reporters_tail_is_not_part_of_the_clause() -> None:
    md = (
        "Ports Minister Lidia Vass said the dock would close in June, days after workers walked out.\n\n"
        "Tolls on the bridge will double from May, Transport Secretary Arno Keel said on Friday, a move that "
        "angered commuters."
    )
    assert _q(md) == [
        ("indirect", "Lidia Vass", "the dock would close in June"),
        ("indirect", "Arno Keel", "Tolls on the bridge will double from May"),
    ]


def test_announced_with_a_noun_object_is_not_speech() -> None:
    md = "The Tenants Union (TU) said rents were too high and announced a march on the town hall."
    assert _q(md) == [("indirect", "Tenants Union", "rents were too high")]


def test_corporate_suffixes_and_radio_make_organisations() -> None:
    md = "Halden Freight AG, the region's largest haulier, will sell its rail unit, the company said."
    (q,) = parse_quotes(md)
    assert q.speaker == "Halden Freight AG"
