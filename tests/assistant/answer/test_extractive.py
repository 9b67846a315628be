from __future__ import annotations

import re

import pytest

from assistant.answer.extractive import ExtractiveAnswerer
from tests.assistant.answer.helpers import (
    LETTER,
    SECTORS,
    SIGNATURES,
    TEXTILE,
    UNRELATED,
    WORKING_GROUPS,
    passage,
    simple_tokenize,
    translate,
)

NL_REFUSAL = "De documenten geven geen antwoord op deze vraag."
EN_REFUSAL = "The documents do not answer this question."


@pytest.fixture
def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer(
        simple_tokenize, refusal_threshold=0.35, support_threshold=0.5, max_sentences=4, translate=translate
    )


def body_sentences(text: str) -> list[str]:
    """The quoted sentences of an answer: every line part that ends with a [n] mark."""
    return re.findall(r"([^\n\]]+?)\s\[\d+\]", text)


def test_when_question_quotes_the_dated_sentence_concisely(answerer):
    passages = [passage(1, SECTORS), passage(2, TEXTILE)]
    answer = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", passages, "nl")
    assert answer.answered and answer.mode == "extractive" and answer.language == "nl"
    assert answer.text.startswith("Volgens de documenten:")
    assert "op 9 maart jl. gepresenteerd" in answer.text
    assert re.search(r"gepresenteerd door .*? \[2\]", answer.text)
    assert len(body_sentences(answer.text)) <= 2
    assert [c.n for c in answer.citations] == [2]
    assert answer.passages == passages


def test_who_question_picks_the_sentence_with_the_person(answerer):
    passages = [passage(1, TEXTILE), passage(2, LETTER)]
    answer = answerer.answer("Met welke minister voert de commissie BHOS een notaoverleg?", passages, "nl")
    assert answer.answered
    quoted = body_sentences(answer.text)
    assert any("minister Kaag" in s for s in quoted)
    assert "[2]" in answer.text and "[1]" not in answer.text


def test_who_signed_question_finds_the_signature_block(answerer):
    title = "Brief van FNV, CNV, VNO-NCW en MKB-Nederland over de IMVO-convenanten"
    passages = [
        passage(1, LETTER, title=title, doc_id="brief"),
        passage(2, SIGNATURES, title=title, doc_id="brief", kind="signature"),
        passage(3, TEXTILE),
    ]
    answer = answerer.answer("Door wie is de brief over de IMVO-convenanten ondertekend?", passages, "nl")
    assert answer.answered
    assert "Tuur Elzinga" in answer.text and "[2]" in answer.text


def test_how_many_question_prefers_the_sentence_with_a_quantity(answerer):
    passages = [passage(1, TEXTILE), passage(2, SECTORS)]
    answer = answerer.answer("Hoeveel bedrijven moeten het textielconvenant ondersteunen?", passages, "nl")
    assert answer.answered
    assert "tenminste 35 bedrijven" in answer.text
    assert "[1]" in answer.text


def test_list_question_is_rendered_as_a_markdown_list(answerer):
    passages = [passage(1, TEXTILE), passage(2, SECTORS)]
    answer = answerer.answer("Welke vier sectoren zullen dit jaar nog een convenant afsluiten?", passages, "nl")
    assert answer.answered
    lines = answer.text.splitlines()
    assert lines[0] == "De documenten noemen:"
    items = [line for line in lines if line.startswith("- ")]
    assert len(items) >= 2
    assert all(re.search(r" \[\d+\]$", item) for item in items)
    assert any("verzekeringssector, de sierteeltsector" in item and item.endswith("[2]") for item in items)
    # in passage order, then position: the sentence announcing the list comes before the list
    assert items.index(next(i for i in items if "Naast bovengenoemde" in i)) < items.index(
        next(i for i in items if "Dit betreft" in i)
    )


def test_list_lead_in_brings_its_bullet_items(answerer):
    passages = [passage(1, WORKING_GROUPS), passage(2, TEXTILE)]
    answer = answerer.answer("Welke werkgroepen zijn er opgezet onder de stuurgroep?", passages, "nl")
    assert answer.answered
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert any(item.startswith("- De opzet van een database") for item in items)
    assert any("cacaoketen" in item for item in items)
    assert not any("•" in item for item in items)  # the passage's own bullets are replaced


def test_english_question_gets_english_framing_around_dutch_quotes(answerer):
    passages = [passage(1, SECTORS), passage(2, TEXTILE)]
    answer = answerer.answer("When was the textile covenant presented?", passages, "en")
    assert answer.answered and answer.language == "en"
    assert answer.text.startswith("According to the documents")
    assert "9 maart" in answer.text and "[2]" in answer.text


def test_citations_hold_only_cited_passages_with_the_sentences_used(answerer):
    passages = [passage(1, UNRELATED), passage(2, TEXTILE), passage(3, SECTORS)]
    answer = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", passages, "nl")
    assert [c.n for c in answer.citations] == [2]
    citation = answer.citations[0]
    assert citation.passage.chunk_id == "doc2-c2" and citation.supported
    assert citation.sentences and all(s in " ".join(TEXTILE.split()) for s in citation.sentences)


def test_quoted_sentences_are_fully_supported(answerer):
    passages = [passage(1, TEXTILE), passage(2, SECTORS)]
    answer = answerer.answer("Welke vier sectoren zullen dit jaar nog een convenant afsluiten?", passages, "nl")
    assert answer.sentences
    assert all(s.supported and s.support >= 0.95 for s in answer.sentences)


def test_sentence_repeated_by_overlapping_chunks_is_quoted_once(answerer):
    first_sentence = TEXTILE.split(". ")[0] + "."
    passages = [passage(1, TEXTILE), passage(2, first_sentence + " " + UNRELATED)]
    answer = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", passages, "nl")
    assert answer.text.count("9 maart") == 1
    assert [c.n for c in answer.citations] == [1]


def test_weak_evidence_is_refused_in_dutch(answerer):
    passages = [passage(1, TEXTILE), passage(2, UNRELATED)]
    answer = answerer.answer("Hoeveel budget heeft de minister gereserveerd voor klachtenprocedures?", passages, "nl")
    assert not answer.answered
    assert answer.text == NL_REFUSAL
    assert answer.citations == [] and answer.sentences == []
    assert answer.passages == passages  # the closest passages stay available
    assert answer.evidence_strength is not None and answer.evidence_strength < 0.35


def test_weak_evidence_is_refused_in_english(answerer):
    answer = answerer.answer("How many companies signed the gold covenant?", [passage(1, UNRELATED)], "en")
    assert not answer.answered and answer.text == EN_REFUSAL


def test_how_many_question_without_any_quantity_is_refused(answerer):
    # the words match, but nothing in the passages is a number
    passages = [passage(1, "De partijen bij het goudconvenant werken samen aan de aanpak van risico's in de keten.")]
    answer = answerer.answer("Hoeveel partijen werken samen in het goudconvenant?", passages, "nl")
    assert not answer.answered


def test_no_passages_is_a_refusal(answerer):
    answer = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", [], "nl")
    assert not answer.answered and answer.text == NL_REFUSAL and answer.evidence_strength == 0.0


def test_evidence_strength_orders_good_and_weak_evidence(answerer):
    good = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", [passage(1, TEXTILE)], "nl")
    weak = answerer.answer("Wanneer is het fietspad bij het kanaal klaar?", [passage(1, TEXTILE)], "nl")
    assert 0 <= weak.evidence_strength < good.evidence_strength <= 1


def test_threshold_decides_refusal():
    passages = [passage(1, TEXTILE)]
    question = "Wanneer is het textielconvenant gepresenteerd?"
    lenient = ExtractiveAnswerer(simple_tokenize, refusal_threshold=0.0, support_threshold=0.5)
    strict = ExtractiveAnswerer(simple_tokenize, refusal_threshold=1.01, support_threshold=0.5)
    assert lenient.answer(question, passages, "nl").answered
    assert not strict.answer(question, passages, "nl").answered


def test_with_the_project_analyzer(answerer):
    analysis = pytest.importorskip("assistant.text.analysis")
    extractive = ExtractiveAnswerer(analysis.DutchAnalyzer().analyze, refusal_threshold=0.35, support_threshold=0.5)
    answer = extractive.answer("Wanneer is het textielconvenant gepresenteerd?", [passage(1, SECTORS), passage(2, TEXTILE)], "nl")
    assert answer.answered and "9 maart" in answer.text and "[2]" in answer.text


def test_bracketed_numbers_in_a_passage_do_not_become_citations(answerer):
    text = "Het textielconvenant is op 9 maart gepresenteerd, zie ook bijlage [3] bij deze brief."
    answer = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", [passage(1, text)], "nl")
    assert "bijlage (3)" in answer.text
    assert [c.n for c in answer.citations] == [1] and answer.sentences[0].citations == [1]


# --- which passages an answer quotes ---------------------------------------------------------------
BANKS_SER = "De partijen bij het bankenconvenant hebben de SER verzocht de onderhandelingen te begeleiden."


def test_weakly_related_sentence_from_another_passage_is_not_quoted(answerer):
    passages = [passage(1, TEXTILE), passage(2, BANKS_SER)]
    answer = answerer.answer("Wat hebben de partijen bij het convenant in de textielindustrie de SER verzocht?", passages, "nl")
    assert answer.answered
    assert "secretariaat" in answer.text
    # [2] shares "partijen", "SER" and "verzocht", but not the subject: the textile covenant
    assert [c.n for c in answer.citations] == [1]


def test_concise_answer_quotes_its_fact_from_one_passage(answerer):
    first = "Het textielconvenant is op 9 maart gepresenteerd door een brede coalitie van partijen."
    other = "Het textielconvenant is in maart 2016 in Den Haag gepresenteerd aan de minister."
    passages = [passage(1, first), passage(2, other)]
    answer = answerer.answer("Wanneer is het textielconvenant gepresenteerd?", passages, "nl")
    assert answer.answered
    assert [c.n for c in answer.citations] == [1]  # both date it; one place is enough for one fact


def test_second_part_of_a_question_brings_its_sentence_from_the_same_passage(answerer):
    text = (
        "Op 7 december 2015 organiseerde Nederland een conferentie over mondiale waardeketens. "
        "Het kabinet wilde daarmee de Europese samenwerking op dit terrein versterken. "
        "Tijdens die bijeenkomst zijn twee verklaringen getekend over palmolie en ontbossing. "
        "Deze conferentie vormde de opmaat voor nog een aantal bijeenkomsten over waardeketens."
    )
    answer = answerer.answer(
        "Wanneer organiseerde Nederland de conferentie over waardeketens, en wat is daar getekend?", [passage(1, text)], "nl"
    )
    assert answer.answered
    # the signing sentence shares little with the question, but it has the word the first sentence lacks
    assert "7 december 2015" in answer.text and "palmolie" in answer.text
    assert "opmaat" not in answer.text and "samenwerking" not in answer.text


# --- lists and signatures ---------------------------------------------------------------------------
PARAGRAPH_LIST = (
    "Er zijn inmiddels vier werkgroepen opgezet onder de stuurgroep van het bankenconvenant. Op dit moment zijn dat:\n\n"
    "De opzet van een database met informatie over mensenrechtensituaties. Banken kunnen hiermee beslissingen nemen "
    "over financiering.\n\n"
    "Het in kaart brengen van waardeketens, om te beginnen de cacaoketen.\n\n"
    "Het mogelijk maken van toegang tot herstel voor slachtoffers."
)


def test_list_of_paragraphs_after_a_lead_in_is_quoted_item_by_item(answerer):
    answer = answerer.answer("Welke werkgroepen zijn er onder het bankenconvenant?", [passage(1, PARAGRAPH_LIST)], "nl")
    assert answer.answered
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert any("database" in item for item in items)
    assert any("cacaoketen" in item for item in items)
    assert any("herstel" in item for item in items)
    assert not any("Banken kunnen" in item for item in items)  # an item's further sentences stay out


def test_signature_chunk_quotes_the_names_not_the_letters_closing(answerer):
    title = "Brief van FNV, CNV, VNO-NCW en MKB-Nederland over de IMVO-convenanten"
    text = (
        "Graag vernemen wij van het kabinet of het bereid is betrokken te blijven bij de IMVO-convenanten.\n\n"
        "In afwachting van uw antwoord verblijven,\nTuur Elzinga, voorzitter FNV Piet Fortuin, voorzitter CNV\n"
        "Ingrid Thijssen, voorzitter VNO-NCW Jacco Vonhof, voorzitter MKB-Nederland"
    )
    passages = [passage(1, text, title=title, doc_id="brief", kind="signature"), passage(2, TEXTILE)]
    answer = answerer.answer("Door wie is de brief over de IMVO-convenanten ondertekend?", passages, "nl")
    assert answer.answered
    assert "Piet Fortuin" in answer.text and "Jacco Vonhof" in answer.text
    assert "Graag vernemen wij" not in answer.text


# --- refusal signals ----------------------------------------------------------------------------------
def test_number_of_something_else_does_not_answer_how_many(answerer):
    text = "Het bankenconvenant wordt onderschreven door 14 Nederlandse banken en geldt wereldwijd."
    answered = answerer.answer("Hoeveel banken onderschrijven het bankenconvenant?", [passage(1, text)], "nl")
    other = answerer.answer("Hoeveel bedrijven onderschrijven het bankenconvenant?", [passage(1, text)], "nl")
    assert answered.answered and "14 Nederlandse banken" in answered.text
    assert other.evidence_strength < answered.evidence_strength


def test_passages_without_the_name_asked_about_are_weak_evidence(answerer):
    text = "De partijen bij een sectorovereenkomst zetten samen een onafhankelijk klachtenmechanisme op."
    named = answerer.answer("Hoe dien ik een klacht in bij het Nationaal Contactpunt?", [passage(1, text)], "nl")
    plain = answerer.answer("Hoe dien ik een klacht in bij een sectorovereenkomst?", [passage(1, text)], "nl")
    assert named.evidence_strength < plain.evidence_strength
    assert not named.answered


DUTY_TO_PROTECT = (
    "2.1 Rol overheid\n\n"
    "In het kader van haar 'duty to protect' kan de overheid op verschillende manieren bijdragen aan de "
    "effectieve werking van deze convenanten door:\n\n"
    "1. een consistent beleid te voeren ten aanzien van internationaal MVO;\n\n"
    "2. gericht het proces te steunen om convenanten tot stand te brengen;\n\n"
    "3. als partij te participeren in deze convenanten en voldoende capaciteit te reserveren."
)


def test_a_quoted_lead_in_comes_with_its_items_for_any_question(answerer):
    passages = [passage(1, DUTY_TO_PROTECT, heading="2.1 Rol overheid"), passage(2, TEXTILE)]
    answer = answerer.answer("Wat wordt bedoeld met de duty to protect van de overheid?", passages, "nl")
    assert answer.answered
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert any("duty to protect" in item for item in items)
    assert any("consistent beleid" in item for item in items)
    assert any("capaciteit" in item for item in items)


def test_numbered_heading_is_not_quoted_as_a_sentence(answerer):
    text = (
        "2.2 Mededinging en het samen werken aan duurzaamheid op Europees niveau\n\n"
        "Een ander aandachtspunt betreft de spanning tussen het mededingingsbeleid en het maken van afspraken."
    )
    answer = answerer.answer("Welke spanning is er tussen mededingingsbeleid en duurzaamheid?", [passage(1, text)], "nl")
    assert answer.answered and "spanning tussen het mededingingsbeleid" in answer.text
    assert "2.2" not in answer.text


def test_a_capitalised_sentence_is_not_taken_for_a_signature(answerer):
    title = "Voortgangsbrief IMVO-convenanten"
    closing = (
        "Tot slot wordt in de bijlagen uitvoering gegeven aan deze moties.\n\n"
        "De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\nE.M.J. Ploumen"
    )
    footnote = "Stand van zaken Sector Risico Analyse (SRA). Kamerstuk 26 485, nr. 187, 24 juni 2014."
    passages = [
        passage(1, footnote, title=title, doc_id="brief", kind="footnote"),
        passage(2, closing, title=title, doc_id="brief", kind="signature"),
    ]
    answer = answerer.answer("Door wie is de voortgangsbrief over de IMVO-convenanten ondertekend?", passages, "nl")
    assert answer.answered and "Ploumen" in answer.text
    assert "Stand van zaken" not in answer.text
