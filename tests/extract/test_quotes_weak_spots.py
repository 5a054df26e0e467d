"""Pins for the weak spots of the first version (all sentences invented for the tests)."""

from __future__ import annotations

from tuinews.extract.quotes import parse_quotes


def test_quote_text_never_ends_with_the_attribution_comma() -> None:
    md = '"We will finish the pier before the summer," Aled Pritchard said.'
    (q,) = parse_quotes(md)
    assert q.text == "We will finish the pier before the summer"
    assert md[q.start : q.end].endswith("summer")


def test_dateline_lead_is_never_part_of_a_quote() -> None:
    md = (
        "Anandgaon, Jan 9 (PTI): The federation will raise milk prices from Saturday, "
        "its chairman Hemant Solanki said on Friday."
    )
    (q,) = parse_quotes(md)
    assert q.kind == "indirect"
    assert q.text == "The federation will raise milk prices from Saturday"
    assert q.speaker == "Hemant Solanki"


def test_bold_headline_and_breadcrumbs_are_furniture() -> None:
    md = (
        "Home › Health\n\n**'We will not close a single ward,' says health board chief**\n\n"
        "The clinics will stay open, Lorna Drysdale said."
    )
    assert [q.speaker for q in parse_quotes(md)] == ["Lorna Drysdale"]


def test_name_without_title_is_found_again_by_surname() -> None:
    md = (
        "Ottilie Frane has repaired clocks on Weir Street for 41 years.\n\n"
        '"Most people never stop talking long enough to hear," Frane says.'
    )
    (q,) = parse_quotes(md)
    assert q.speaker == "Ottilie Frane"


def test_sir_and_first_name_resolve_to_the_full_name() -> None:
    md = (
        "Sir Reginald Ashcombe-Flint chairs the forecasting panel.\n\n"
        '"The numbers do not lie, however much we want them to," Sir Reginald said.'
    )
    assert parse_quotes(md)[0].speaker == "Reginald Ashcombe-Flint"


def test_role_word_before_a_name_is_not_part_of_the_name() -> None:
    md = "Headteacher Joanne Felgate said the school would stay closed until Friday."
    (q,) = parse_quotes(md)
    assert q.speaker == "Joanne Felgate"
    assert q.role == "Headteacher"
    md2 = (
        "The study was led by planetary geologist Anouk Verbeeten, who said the lake lasted a million years."
    )
    md2 += '\n\n"That is a very patient lake indeed," Verbeeten said.'
    assert parse_quotes(md2)[-1].role == "planetary geologist"


def test_organisation_known_by_its_context() -> None:
    md = (
        "The Irish Aviation Regulator (IAR) opened an inquiry.\n\n"
        '"Passengers are entitled to compensation and they will get it," the IAR said.\n\n'
        "The manufacturer, Corliss Pharma, halted production. "
        '"We are cooperating fully with the regulator," the company said.'
    )
    assert [q.speaker for q in parse_quotes(md)] == ["Irish Aviation Regulator", "Corliss Pharma"]


def test_place_before_a_cue_is_not_the_speaker() -> None:
    md = (
        "Teodor Vasquez-Holm, who previously designed tram networks in Gothenburg and Porto, told The Valley "
        "Chronicle that the line could carry 30,000 passengers a day."
    )
    (q,) = parse_quotes(md)
    assert q.speaker == "Teodor Vasquez-Holm"
    assert q.text == "the line could carry 30,000 passengers a day"


def test_gender_learned_from_a_pronoun_picks_the_right_person() -> None:
    md = (
        "Bartholomew Quaye keeps bees on a car park roof. "
        "His neighbour, Winifred Achebe-Lund, grows tomatoes.\n\n"
        '"The bees found her tomatoes before she did," he says.'
    )
    assert parse_quotes(md)[0].speaker == "Bartholomew Quaye"


def test_singular_they_is_not_taken_by_he_or_she() -> None:
    md = (
        "Robin Astley-Nwosu founded the choir. Gladys Pemberton, 84, says she is its oldest member.\n\n"
        '"I read the email three times before I believed it," they said.\n\n'
        '"I never sang in front of anyone until I was 79," she said.'
    )
    direct = [q.speaker for q in parse_quotes(md) if q.kind == "direct"]
    assert direct == ["Robin Astley-Nwosu", "Gladys Pemberton"]


def test_party_tag_and_title_abbreviation() -> None:
    md = (
        '"The water belongs to the people who drink it," said Sen. Lorraine Castellano, D-N.M.\n\n'
        'Sen. Dale Whitacre, R-Wyo., said: "Every rancher in my state knows how this ends."'
    )
    assert [q.speaker for q in parse_quotes(md)] == ["Lorraine Castellano", "Dale Whitacre"]


def test_german_and_russian_marks_and_cues() -> None:
    md = "„Wir gehen kein Risiko ein, solange die Prüfung läuft“, sagte Behördensprecherin Martina Hollweg."
    (q,) = parse_quotes(md)
    assert (q.speaker, q.role, q.text) == (
        "Martina Hollweg",
        "Behördensprecherin",
        "Wir gehen kein Risiko ein, solange die Prüfung läuft",
    )
    md2 = (
        "Лидия Сомова работает агрономом.\n\nСомова назвала проект «смелым, но вполне реалистичным для нас»."
    )
    (q2,) = parse_quotes(md2)
    assert (q2.kind, q2.speaker) == ("partial", "Лидия Сомова")
