from __future__ import annotations

import time

import pytest

from assistant.text.sentences import _abbreviations, sentences, split_sentences

BRIEF_ABBREVIATIONS = [
    "o.a.", "d.d.", "nr.", "jl.", "a.s.", "dhr.", "mevr.", "drs.", "mr.", "dr.", "prof.", "bijv.", "m.b.t.",
    "t.a.v.", "i.v.m.", "e.d.", "enz.", "ca.", "art.", "blz.", "p.", "vs.", "e.g.", "i.e.", "etc.",
]


def test_splits_at_full_stop_question_and_exclamation_marks() -> None:
    text = "Het kabinet is positief. Is het genoeg? Nee! 2017 wordt beter. “Citaat hier.” Einde."
    assert sentences(text) == [
        "Het kabinet is positief.",
        "Is het genoeg?",
        "Nee!",
        "2017 wordt beter.",
        "“Citaat hier.”",
        "Einde.",
    ]


def test_no_split_before_a_lower_case_word() -> None:
    assert sentences("Dit is vb. niet klaar. ok dan. En verder.") == ["Dit is vb. niet klaar. ok dan.", "En verder."]


@pytest.mark.parametrize("abbreviation", BRIEF_ABBREVIATIONS)
def test_listed_abbreviations_do_not_end_a_sentence_before_a_number(abbreviation: str) -> None:
    text = f"Zie hierover {abbreviation} 12 en verder. Volgende zin."
    assert sentences(text) == [f"Zie hierover {abbreviation} 12 en verder.", "Volgende zin."]


@pytest.mark.parametrize("abbreviation", ["o.a.", "d.d.", "nr.", "dhr.", "mevr.", "drs.", "prof.", "bijv.", "e.g."])
def test_abbreviations_before_a_capital_do_not_end_a_sentence(abbreviation: str) -> None:
    text = f"Er sprak {abbreviation} Jansen namens het Ministerie. Daarna niet."
    assert sentences(text) == [f"Er sprak {abbreviation} Jansen namens het Ministerie.", "Daarna niet."]


def test_every_abbreviation_named_in_the_brief_is_in_the_data_file() -> None:
    never, may_end = _abbreviations()
    assert set(BRIEF_ABBREVIATIONS) <= never | may_end


def test_abbreviation_that_often_closes_a_sentence_splits_before_a_capital_only() -> None:
    text = "Op 30 juni jl. is dit gesteld. Het overleg was op 22 juni jl. De SER was er ook."
    assert sentences(text) == ["Op 30 juni jl. is dit gesteld.", "Het overleg was op 22 juni jl.", "De SER was er ook."]
    assert sentences("Op 8 december a.s. voert de commissie BHOS een notaoverleg.") == [
        "Op 8 december a.s. voert de commissie BHOS een notaoverleg."
    ]


def test_initials_do_not_end_a_sentence() -> None:
    text = "Getekend door E.M.J. Ploumen en H.G.J. Kamp. Kopie aan drs. B. Visser. Klaar."
    assert sentences(text) == [
        "Getekend door E.M.J. Ploumen en H.G.J. Kamp.",
        "Kopie aan drs. B. Visser.",
        "Klaar.",
    ]


def test_numbers_are_not_cut() -> None:
    text = "Zie paragraaf 2.1 Rol overheid voor 3,5 miljoen. Het kost 1.250 euro. Volgende."
    assert sentences(text) == ["Zie paragraaf 2.1 Rol overheid voor 3,5 miljoen.", "Het kost 1.250 euro.", "Volgende."]


def test_numbered_heading_at_line_start_is_one_sentence() -> None:
    assert sentences("1. Inleiding\n\nIn opdracht van het kabinet.") == ["1. Inleiding", "In opdracht van het kabinet."]
    assert sentences("2.1. Rol van de overheid") == ["2.1. Rol van de overheid"]


def test_a_number_ending_a_sentence_mid_line_does_split() -> None:
    assert sentences("Het doel is gehaald in 2017. Daarna volgt meer.") == [
        "Het doel is gehaald in 2017.",
        "Daarna volgt meer.",
    ]


def test_urls_and_emails_stay_whole() -> None:
    text = (
        "Zie https://www.ser.nl/media/imvo-convenanten.pdf. Mail naar richard.vanden.born@minienw.nl of "
        "www.tweedekamer.nl/Kamerstukken?id=2. Einde."
    )
    assert sentences(text) == [
        "Zie https://www.ser.nl/media/imvo-convenanten.pdf.",
        "Mail naar richard.vanden.born@minienw.nl of www.tweedekamer.nl/Kamerstukken?id=2.",
        "Einde.",
    ]


def test_list_items_are_sentences_of_their_own() -> None:
    text = (
        "Op dit moment zijn dat:\n∂ De opzet van een database\n∂ Het in kaart brengen van ketens\n"
        "1. een consistent beleid;\n2. gericht steunen"
    )
    assert sentences(text) == [
        "Op dit moment zijn dat:",
        "∂ De opzet van een database",
        "∂ Het in kaart brengen van ketens",
        "1. een consistent beleid;",
        "2. gericht steunen",
    ]


def test_inline_bullets_split_when_lines_were_joined() -> None:
    assert sentences("Dat zijn: • de bouw • de chemie") == ["Dat zijn:", "• de bouw", "• de chemie"]


def test_a_wrapped_line_is_not_a_boundary_but_a_blank_line_is() -> None:
    text = (
        "De textielsector had de wil\n– Inretail, Modint en VGT – de SER te benaderen."
        "\n\nNieuwe alinea zonder punt\n\nEn nog een"
    )
    assert sentences(text) == [
        "De textielsector had de wil\n– Inretail, Modint en VGT – de SER te benaderen.",
        "Nieuwe alinea zonder punt",
        "En nog een",
    ]


def test_footnote_number_after_the_full_stop_stays_with_its_sentence() -> None:
    assert sentences("Het tempo moet omhoog.2 In de bijlage staat meer.") == [
        "Het tempo moet omhoog.2",
        "In de bijlage staat meer.",
    ]


def test_english_text() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. Army, e.g. on Monday. They agreed, i.e. both did. Done."
    assert sentences(text) == [
        "Mr. Smith met Dr. Jones in the U.S. Army, e.g. on Monday.",
        "They agreed, i.e. both did.",
        "Done.",
    ]


def test_spans_are_trimmed_ordered_and_cover_every_visible_character() -> None:
    text = "  Eerste zin.   Tweede zin!\n\n  – item een\n– item twee  \n"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Eerste zin.", "Tweede zin!", "– item een", "– item twee"]
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
    assert sentences("Geen punt aan het eind") == ["Geen punt aan het eind"]


def test_fast_enough_for_thousands_of_passages_per_second() -> None:
    passage = (
        "Op 30 juni jl. is dit o.a. door dhr. B. Visser gesteld. Het kabinet acht het SER-advies "
        "richtinggevend (Kamerstuk 26 485, nr. 197). Zie https://www.ser.nl/imvo.pdf. Ja! Is dat zo? "
    ) * 6
    start = time.perf_counter()
    for _ in range(2000):
        split_sentences(passage)
    assert time.perf_counter() - start < 2.0  # typically ~0.15 s
