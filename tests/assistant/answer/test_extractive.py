"""The extractive answerer with the fitted model that ships in assistant/data/answer_model.json."""

from __future__ import annotations

import re

import pytest

from assistant.answer.answer_model import load_answer_model
from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.translation import lexicon_translator
from assistant.text.analysis import DutchAnalyzer
from assistant.text.lexicon import load_lexicon
from assistant.text.question import QuestionAnalyzer
from tests.assistant.answer.helpers import SECTORS, TEXTILE, UNRELATED, WORKING_GROUPS, passage

NL_REFUSAL = "De documenten geven geen antwoord op deze vraag."
EN_REFUSAL = "The documents do not answer this question."


@pytest.fixture(scope="module")
def tokenize():
    return DutchAnalyzer.fit([TEXTILE, SECTORS, WORKING_GROUPS, UNRELATED], min_count=1).analyze


@pytest.fixture(scope="module")
def analyse(tokenize):
    lexicon = load_lexicon()
    return QuestionAnalyzer(tokenize, lexicon, lexicon_translator(lexicon))


def answerer_for(tokenize, threshold: float | None = None) -> ExtractiveAnswerer:
    model = load_answer_model()
    if threshold is not None:
        model = model.model_copy(update={"selection": model.selection.model_copy(update={"answer_threshold": threshold})})
    return ExtractiveAnswerer(tokenize, model, support_threshold=0.5, translate=lexicon_translator(load_lexicon()))


def ranked(*texts: str) -> list:
    """Passages as retrieval returns them: the first scores best on both legs."""
    out = []
    for n, text in enumerate(texts, start=1):
        p = passage(n, text)
        p.signals = {"bm25": 1.0 / n, "bm25_raw": 12.0 / n, "bm25_rank": n, "dense": 0.86 - 0.03 * n, "dense_rank": n}
        out.append(p)
    return out


def test_answer_quotes_the_passage_sentences_verbatim_with_their_citations(tokenize, analyse):
    passages = ranked(TEXTILE, SECTORS)
    answer = answerer_for(tokenize).answer(analyse("Wanneer is het textielconvenant gepresenteerd?"), passages)
    assert answer.answered and answer.mode == "extractive" and answer.language == "nl"
    assert answer.text.startswith("Volgens de documenten:")
    assert "op 9 maart jl. gepresenteerd" in answer.text
    for quoted in re.findall(r"([^\n\]]+?) \[\d+\]", answer.text.split("\n\n", 1)[1]):
        assert " ".join(quoted.split()).strip() in " ".join((TEXTILE + " " + SECTORS).split())
    assert all(s.supported for s in answer.sentences)
    assert {c.n for c in answer.citations} <= {1, 2} and answer.citations[0].n == 1


def test_a_lead_in_brings_its_list_items_without_the_documents_bullets(tokenize, analyse):
    passages = ranked(WORKING_GROUPS, TEXTILE)
    answer = answerer_for(tokenize, threshold=0.0).answer(analyse("Welke werkgroepen zijn er opgezet onder de stuurgroep?"), passages)
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert any("database" in item for item in items) and any("cacaoketen" in item for item in items)
    assert not any("•" in item for item in items)


def test_english_question_gets_an_english_frame_around_quoted_dutch(tokenize, analyse):
    passages = ranked(TEXTILE, SECTORS)
    answer = answerer_for(tokenize, threshold=0.0).answer(analyse("When was the textile covenant presented?"), passages)
    assert answer.language == "en" and answer.text.startswith("According to the documents")
    assert re.search(r"“[^”]+” \[\d\]", answer.text)


def test_the_answer_threshold_decides_refusal(tokenize, analyse):
    question = analyse("Wanneer is het textielconvenant gepresenteerd?")
    assert answerer_for(tokenize, threshold=0.0).answer(question, ranked(TEXTILE)).answered
    refused = answerer_for(tokenize, threshold=1.0).answer(question, ranked(TEXTILE))
    assert not refused.answered and refused.text == NL_REFUSAL and refused.passages


def test_passages_about_something_else_are_refused(tokenize, analyse):
    passage_ = ranked(UNRELATED)[0]
    passage_.signals = {"bm25": 1.0, "bm25_raw": 0.8, "bm25_rank": 1, "dense": 0.74, "dense_rank": 1}
    answer = answerer_for(tokenize).answer(analyse("What is the budget of the Dutch army?"), [passage_])
    assert not answer.answered and answer.text == EN_REFUSAL


def test_no_passages_is_a_refusal(tokenize, analyse):
    answer = answerer_for(tokenize).answer(analyse("Wanneer is het textielconvenant gepresenteerd?"), [])
    assert not answer.answered and answer.citations == []


def test_bracketed_numbers_in_a_passage_do_not_become_citations(tokenize, analyse):
    text = "Het textielconvenant is op 9 maart [3] gepresenteerd door een brede coalitie van partijen."
    answer = answerer_for(tokenize, threshold=0.0).answer(analyse("Wanneer is het textielconvenant gepresenteerd?"), ranked(text))
    assert "(3)" in answer.text and [c.n for c in answer.citations] == [1]


def test_a_sentence_repeated_by_overlapping_chunks_is_quoted_once(tokenize, analyse):
    first = TEXTILE.split(". ")[0] + "."
    passages = ranked(TEXTILE, first + " " + UNRELATED)
    answer = answerer_for(tokenize, threshold=0.0).answer(analyse("Wanneer is het textielconvenant gepresenteerd?"), passages)
    assert answer.text.count("9 maart") == 1


def test_a_configuration_without_the_models_dense_signals_gets_the_lexical_model():
    from assistant.answer.answer_model import answer_model_for, load_answer_model

    shipped = load_answer_model()
    assert answer_model_for(shipped.embedding_model, dense_on=True) == shipped
    for lexical in (answer_model_for(shipped.embedding_model, dense_on=False), answer_model_for("other/model", True)):
        assert lexical.embedding_model is None
        assert not {"dense", "dense_gap"} & set(lexical.sentence.features)


def test_without_a_dense_leg_the_lexical_model_still_answers(tokenize, analyse):
    from assistant.answer.answer_model import answer_model_for

    passages = ranked(TEXTILE, SECTORS)
    for p in passages:
        p.signals = {k: v for k, v in p.signals.items() if not k.startswith("dense")}
    answerer = ExtractiveAnswerer(tokenize, answer_model_for("any", dense_on=False), support_threshold=0.5)
    answer = answerer.answer(analyse("Wanneer is het textielconvenant gepresenteerd?"), passages)
    assert answer.answered and "9 maart" in answer.text
