from __future__ import annotations

import pytest

from assistant.answer.support import check_answer, parse_answer, remove_invalid_citations, score_support
from tests.assistant.answer.helpers import LETTER, SECTORS, TEXTILE, UNRELATED, passage, simple_tokenize, translate

THRESHOLD = 0.5


# --- parsing -----------------------------------------------------------------------------
def test_single_multiple_and_adjacent_marks_are_parsed():
    parsed = parse_answer("Eerste zin [1]. Tweede zin [1, 2]. Derde zin [1][3].")
    assert [p.text for p in parsed] == ["Eerste zin.", "Tweede zin.", "Derde zin."]
    assert [p.marks for p in parsed] == [[1], [1, 2], [1, 3]]


def test_mark_after_the_full_stop_belongs_to_the_sentence_before():
    parsed = parse_answer("Het convenant is gepresenteerd. [2] Het treedt later in werking. [1]")
    assert [p.marks for p in parsed] == [[2], [1]]
    assert parsed[1].text == "Het treedt later in werking."


def test_markdown_list_items_headings_and_lead_ins():
    parsed = parse_answer("## Sectoren\n\nDe documenten noemen:\n\n- verzekeringen [1]\n* sierteelt [1;2]\n1. hout [2-3]")
    assert [p.text for p in parsed] == ["verzekeringen", "sierteelt", "hout"]
    assert [p.marks for p in parsed] == [[1], [1, 2], [2, 3]]


def test_marks_to_missing_passages_are_removed_from_the_text():
    text = "A is zo [1, 7]. B is zo [7]. C is zo [2][9]. D [0]."
    assert remove_invalid_citations(text, 3) == "A is zo [1]. B is zo. C is zo [2]. D."


# --- support scores ----------------------------------------------------------------------
def test_verbatim_quote_is_fully_supported():
    sentence = "Het convenant treedt in werking als tenminste 35 bedrijven het convenant ondersteunen."
    assert score_support(sentence, TEXTILE, simple_tokenize) >= 0.9


def test_unrelated_sentence_is_not_supported():
    sentence = "De gemeente legt een nieuw fietspad aan langs het kanaal."
    assert score_support(sentence, TEXTILE, simple_tokenize) < 0.2
    assert score_support(sentence, UNRELATED, simple_tokenize) > 0.9


def test_wrong_number_is_not_supported_even_when_the_words_match():
    sentence = "Het convenant treedt in werking als tenminste 40 bedrijven het convenant ondersteunen."
    assert score_support(sentence, TEXTILE, simple_tokenize) < 0.3


def test_wrong_month_is_not_supported():
    right = "Het textielconvenant is op 9 maart gepresenteerd."
    wrong = "Het textielconvenant is op 9 april gepresenteerd."
    assert score_support(right, TEXTILE, simple_tokenize) > score_support(wrong, TEXTILE, simple_tokenize) + 0.4
    assert score_support(wrong, TEXTILE, simple_tokenize) < THRESHOLD


def test_invented_name_lowers_support():
    right = "Minister Kaag voert het notaoverleg met de commissie BHOS."
    wrong = "Minister Rutte voert het notaoverleg met de commissie BHOS."
    assert score_support(right, LETTER, simple_tokenize) >= THRESHOLD
    assert score_support(wrong, LETTER, simple_tokenize) < THRESHOLD


def test_paraphrase_in_other_words_order_scores_on_shared_content():
    sentence = "Vier andere sectoren sluiten volgens het kabinet dit jaar een IMVO-convenant af."
    assert score_support(sentence, SECTORS, simple_tokenize) >= THRESHOLD


def test_english_sentence_is_checked_through_the_lexicon():
    sentence = "The cabinet expects four other sectors to conclude a covenant this year."
    without = score_support(sentence, SECTORS, simple_tokenize)
    with_lexicon = score_support(sentence, SECTORS, simple_tokenize, translate)
    assert without < THRESHOLD <= with_lexicon


# --- check_answer ------------------------------------------------------------------------
def test_check_answer_scores_each_sentence_against_what_it_cites():
    passages = [passage(1, TEXTILE), passage(2, SECTORS)]
    raw = (
        "Het textielconvenant is op 9 maart gepresenteerd [1]. "
        "Vier andere sectoren sluiten dit jaar een convenant af [2, 7]. "
        "De fietsers krijgen een nieuw pad [1]. "
        "Dit staat nergens."
    )
    sentences, citations = check_answer(raw, passages, simple_tokenize, THRESHOLD)
    assert [s.citations for s in sentences] == [[1], [2], [1], []]
    assert [s.supported for s in sentences] == [True, True, False, False]
    assert sentences[3].support == 0.0
    assert [c.n for c in citations] == [1, 2]
    assert citations[0].passage is passages[0] and citations[0].supported
    # the passage sentence that backs the claim is named for the UI
    assert any("9 maart" in s for s in citations[0].sentences)


def test_sentence_support_is_the_best_of_its_cited_passages():
    passages = [passage(1, UNRELATED), passage(2, TEXTILE)]
    sentences, citations = check_answer(
        "Het convenant treedt in werking als 35 bedrijven het ondersteunen [1][2].", passages, simple_tokenize, THRESHOLD
    )
    assert sentences[0].supported and sentences[0].citations == [1, 2]
    assert {c.n: c.supported for c in citations} == {1: False, 2: True}


def test_connective_lines_and_the_fixed_refusal_are_not_claims():
    passages = [passage(1, TEXTILE)]
    sentences, _ = check_answer(
        "Volgens de documenten:\n\n- Het convenant is op 9 maart gepresenteerd [1]\n\nDe documenten geven geen antwoord op deze vraag.",
        passages,
        simple_tokenize,
        THRESHOLD,
    )
    assert [s.text for s in sentences] == ["Het convenant is op 9 maart gepresenteerd"]


def test_check_answer_works_with_the_project_analyzer():
    analysis = pytest.importorskip("assistant.text.analysis")
    analyzer = analysis.DutchAnalyzer()
    passages = [passage(1, TEXTILE), passage(2, UNRELATED)]
    sentences, _ = check_answer(
        "Het convenant treedt in werking als tenminste 35 bedrijven het ondersteunen [1]. "
        "Het fietspad wordt in zes weken aangelegd [1].",
        passages,
        analyzer.analyze,
        THRESHOLD,
    )
    assert [s.supported for s in sentences] == [True, False]
