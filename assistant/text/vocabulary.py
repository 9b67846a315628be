"""The answering layer's word lists and fixed sentences, read from assistant/data/ on first use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from assistant.core.datafiles import DataModel, load_data_file
from assistant.core.model import Language
from assistant.text.english import EnglishWords
from assistant.text.lexicon import load_lexicon
from assistant.text.analysis import function_words as analysis_function_words

WORDS_FILE = "answer_words.yaml"
PHRASES_FILE = "answer_phrases.yaml"



@dataclass(frozen=True)
class Phrases:
    language_name: str
    refusal: str
    intro: str
    list_intro: str


@dataclass(frozen=True)
class Vocabulary:
    function_words: frozenset[str]
    light_words: frozenset[str]
    question_types: dict[str, tuple[str, ...]]  # type → phrases
    who_nouns: frozenset[str]
    list_words: frozenset[str]
    plural_suffixes: dict[str, tuple[str, ...]]
    number_words: frozenset[str]
    role_words: frozenset[str]
    signature_words: frozenset[str]
    pronouns: frozenset[str]
    demonstratives: frozenset[str]
    followup_openings: tuple[str, ...]
    question_words: frozenset[str]
    general_en_nl: dict[str, tuple[str, ...]]  # everyday English words → Dutch (lexicon_en_nl.yaml, general_en_nl)

    @functools.cached_property
    def _general_by_stem(self) -> EnglishWords[tuple[str, ...]]:
        return EnglishWords(self.general_en_nl)

    def dutch_for(self, english_word: str) -> tuple[str, ...]:
        """Dutch words for a general English word, found by its stem ("expected" → "expect")."""
        return self._general_by_stem.get(english_word) or ()

    def has_phrase(self, text_words: list[str], phrase: str) -> bool:
        """`phrase` occurs in the lower-case word list as consecutive whole words."""
        parts = phrase.split()
        n = len(parts)
        return any(text_words[i : i + n] == parts for i in range(len(text_words) - n + 1))


class AnswerWordsFile(DataModel):
    """assistant/data/answer_words.yaml; see the comments there for what each list is for."""

    light_words: list[str]
    question_types: dict[str, list[str]] = {}
    who_nouns: list[str]
    list_words: list[str]
    plural_suffixes: dict[str, list[str]] = {}
    number_words: list[str]
    role_words: list[str]
    signature_words: list[str]
    pronouns: list[str]
    demonstratives: list[str]
    followup_openings: list[str]
    question_words: list[str]


class PhraseTexts(DataModel):
    language_name: str
    refusal: str
    intro: str
    list_intro: str


class AnswerPhrasesFile(DataModel):
    """assistant/data/answer_phrases.yaml: the fixed sentences, one set per answer language."""

    nl: PhraseTexts
    en: PhraseTexts


def _lower(words: list[str]) -> list[str]:
    return [w.lower() for w in words]


@functools.cache
def vocabulary() -> Vocabulary:
    data = load_data_file(WORDS_FILE, AnswerWordsFile)
    return Vocabulary(
        function_words=analysis_function_words(),
        light_words=frozenset(_lower(data.light_words)),
        question_types={k: tuple(p.lower() for p in v) for k, v in data.question_types.items()},
        who_nouns=frozenset(_lower(data.who_nouns)),
        list_words=frozenset(_lower(data.list_words)),
        plural_suffixes={k: tuple(v) for k, v in data.plural_suffixes.items()},
        number_words=frozenset(_lower(data.number_words)),
        role_words=frozenset(_lower(data.role_words)),
        signature_words=frozenset(_lower(data.signature_words)),
        pronouns=frozenset(_lower(data.pronouns)),
        demonstratives=frozenset(_lower(data.demonstratives)),
        followup_openings=tuple(_lower(data.followup_openings)),
        question_words=frozenset(_lower(data.question_words)),
        general_en_nl=dict(load_lexicon().general_en_nl),
    )


@functools.cache
def phrases(language: Language) -> Phrases:
    texts: PhraseTexts = getattr(load_data_file(PHRASES_FILE, AnswerPhrasesFile), language)
    return Phrases(**texts.model_dump())


def refusal_texts() -> tuple[str, ...]:
    return tuple(phrases(lang).refusal for lang in ("nl", "en"))


def is_refusal(text: str) -> bool:
    """The text is (or starts with) one of the fixed no-answer sentences, ignoring case and punctuation."""
    norm = _squash(text)
    return any(norm.startswith(_squash(r)) for r in refusal_texts())


def _squash(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()
