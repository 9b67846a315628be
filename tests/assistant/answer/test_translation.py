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


def test_lexicon_translator_keeps_the_rest_of_a_word_it_knows_in_part():
    translate = lexicon_translator(load_lexicon())
    terms = translate(["imvo-convenanten"])
    assert any("RBC" in t and "convenanten" in t for t in terms)


def test_lexicon_translator_translates_a_word_group_only_as_a_whole():
    translate = lexicon_translator(load_lexicon())
    assert "plannen van aanpak" in translate(["action plans"])
    assert translate(["companies signed"]) == []  # known words, but no entry for the group
