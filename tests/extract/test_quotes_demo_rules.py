"""Pins for the general rules behind the fixes found on the bundled demo articles. Every sentence here is
invented for the tests; none is taken from the demo articles or the fixtures."""

from __future__ import annotations

from tuinews.extract.quotes import parse_quotes


def _q(md: str) -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker, q.text) for q in parse_quotes(md)]


def _speakers(md: str) -> list[str]:
    return [q.speaker for q in parse_quotes(md)]


# ---- a name's apposition that holds an organisation noun ---------------------------------------------


def test_a_committee_member_is_a_person_and_her_given_name_resolves_to_her() -> None:
    md = (
        '"The bins will be emptied twice a week from now on," said Trần Văn Lộc, the city\'s works committee '
        "member in charge of waste.\n\n"
        "Lộc said the new lorries would arrive in March."
    )
    quotes = parse_quotes(md)
    assert [q.speaker for q in quotes] == ["Trần Văn Lộc", "Trần Văn Lộc"]
    assert quotes[0].role == "city's works committee member in charge of waste"


def test_an_organisation_noun_heading_the_apposition_still_makes_an_organisation() -> None:
    md = "Harrow Vale, the regional water board, said the reservoir was at 41% of capacity."
    assert _speakers(md) == ["Harrow Vale"]


# ---- German: cue, name, then a prepositional phrase; a company's spokesperson --------------------------


def test_german_prepositional_phrase_after_the_name_is_not_the_speaker() -> None:
    md = "„Wir bauen die Brücke bis zum Sommer fertig“, sagte Bausenatorin Ilka Brandmeier bei einem Termin am Ufer."
    quotes = parse_quotes(md)
    assert [(q.speaker, q.role) for q in quotes] == [("Ilka Brandmeier", "Bausenatorin")]


def test_german_company_spokesperson_is_the_company_without_its_descriptor() -> None:
    md = (
        "Der Bauherr, die Wohnbaugesellschaft Nordkai Projekt GmbH, hatte dort Büros geplant.\n\n"
        "„Das Urteil werden wir sorgfältig prüfen müssen“, sagte ein Sprecher des Unternehmens. "
        "Er sagte: „Wir bleiben gesprächsbereit, auch nach diesem Tag.“"
    )
    assert _speakers(md)[0] == "Nordkai Projekt GmbH"
    assert "Unternehmens" not in _speakers(md)


# ---- organisations: a descriptor before the name, "the company" --------------------------------------


def test_a_hyphenated_descriptor_is_not_part_of_an_organisation_name() -> None:
    md = (
        "Trade in Harlow Freight, a unit of the Oslo-listed Harlow Shipping Group, was halted. "
        "Harlow Shipping Group said it would publish its accounts on Friday."
    )
    assert _speakers(md) == ["Harlow Shipping Group"]


def test_the_company_is_the_organisation_that_spoke_not_its_parent_in_the_apposition() -> None:
    md = (
        "Brackwater Ports, a unit of the Oslo-listed Harlow Shipping Group, said in a statement that it had "
        '"met every obligation in the contract with the union."\n\n'
        "The company said the new cranes would be running by June."
    )
    assert _speakers(md) == ["Brackwater Ports", "Brackwater Ports"]


def test_the_company_is_not_a_regulator_named_since() -> None:
    md = (
        "Pellow Foods Ltd said it had sold its dairy arm to a rival for an undisclosed sum.\n\n"
        "In its annual report, Pellow Foods Ltd disclosed a letter from the Food Standards Commission. "
        "The company said it was answering every question the inquiry had raised."
    )
    assert _speakers(md) == ["Pellow Foods Ltd", "Pellow Foods Ltd"]


# ---- Russian: a role or place before the name, an organisation speaking ------------------------------


def test_russian_role_and_place_before_the_name_go_to_the_role() -> None:
    md = "Мэр Северограда Олег Дымов рассказал, что новый мост откроют в мае следующего года."
    (q,) = parse_quotes(md)
    assert (q.speaker, q.role) == ("Олег Дымов", "Мэр Северограда")


def test_russian_acronym_before_a_name_is_not_part_of_it() -> None:
    md = "Директор СГМЦ Анна Лесина заявила, что музей откроется после ремонта уже весной."
    assert _speakers(md) == ["Анна Лесина"]


def test_russian_organisation_statement_and_neuter_cue() -> None:
    md = (
        "Министерство транспорта области заявило в заявлении, что движение по мосту восстановят к пятнице.\n\n"
        "Комитет по туризму сообщил в интервью, что сезон продлят до октября."
    )
    quotes = parse_quotes(md)
    assert [(q.speaker, q.text) for q in quotes][0] == (
        "Министерство транспорта области",
        "движение по мосту восстановят к пятнице",
    )


# ---- roles described before a name ---------------------------------------------------------------------


def test_described_role_with_a_complement_and_no_title_in_it() -> None:
    md = (
        "The bakery's head of quality, Dr. Ines Valcourt, said the flour had passed every test. "
        "The member for the district, Pavel Ostrow, said he had written to the minister. "
        "Her one assistant, Lotte Brandt, said the ovens were too old."
    )
    roles = [(q.speaker, q.role) for q in parse_quotes(md)]
    assert roles == [
        ("Ines Valcourt", "bakery's head of quality"),
        ("Pavel Ostrow", "member for the district"),
        ("Lotte Brandt", "assistant"),
    ]


def test_a_titled_person_after_a_described_role_keeps_the_role_only() -> None:
    md = "The museum's director, Professor Alma Reis, said the roof would be repaired this year."
    (q,) = parse_quotes(md)
    assert (q.speaker, q.role) == ("Alma Reis", "museum's director")


# ---- a person first named where a place could stand ---------------------------------------------------


def test_a_name_after_to_becomes_a_person_when_the_surname_speaks() -> None:
    md = (
        "The boatyard belongs to Oriel Fenwick. Its shed is full of oak frames in Fenwick's tidy rows.\n\n"
        '"Every hull tells you how it wants to be built," she says. "You just have to listen."\n\n'
        "Fenwick said the waiting list was now two years long."
    )
    assert _q(md) == [
        (
            "direct",
            "Oriel Fenwick",
            "Every hull tells you how it wants to be built, You just have to listen.",
        ),
        ("indirect", "Oriel Fenwick", "the waiting list was now two years long"),
    ]


def test_a_street_after_in_stays_a_place() -> None:
    md = 'Traffic was stopped in Lower Harwick. "We waited for hours," a driver said.'
    assert _q(md) == []
