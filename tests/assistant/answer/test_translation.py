from __future__ import annotations

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.support import score_support
from assistant.answer.translation import lexicon_translator
from assistant.text.analysis import DutchAnalyzer
from assistant.text.lexicon import load_lexicon
from tests.assistant.answer.helpers import SECTORS, TEXTILE, passage


def test_lexicon_translator_maps_english_words_to_dutch():
    translate = lexicon_translator(load_lexicon())
    assert "ondertekend" in translate(["signed"])
    assert "convenant" in translate(["covenants"])
    assert translate(["zxqv"]) == []


def test_english_answer_sentence_is_supported_by_a_dutch_passage_with_the_lexicon():
    analyzer = DutchAnalyzer.fit([TEXTILE, SECTORS], min_count=1)  # as the store fits it on the corpus
    translate = lexicon_translator(load_lexicon())
    sentence = "The textile covenant was presented on 9 March by a broad coalition of unions and NGOs."
    assert score_support(sentence, TEXTILE, analyzer.analyze, translate) >= 0.5
    assert score_support(sentence.replace("9 March", "9 May"), TEXTILE, analyzer.analyze, translate) < 0.5


def test_english_question_is_answered_from_dutch_passages_with_the_lexicon():
    answerer = ExtractiveAnswerer(
        DutchAnalyzer.fit([TEXTILE, SECTORS], min_count=1).analyze,
        refusal_threshold=0.35,
        support_threshold=0.5,
        translate=lexicon_translator(load_lexicon()),
    )
    answer = answerer.answer("When was the textile covenant presented?", [passage(1, SECTORS), passage(2, TEXTILE)], "en")
    assert answer.answered and "9 maart" in answer.text and answer.text.startswith("According to the documents")
