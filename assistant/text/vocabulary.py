"""The answering layer's word lists and fixed sentences, read from assistant/data/ on first use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from assistant.core.errors import ConfigurationError
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


def _load_yaml(name: str) -> dict[str, Any]:
    path = resources.files("assistant") / "data" / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"cannot read {path}: {exc}; restore the file or reinstall (`make install`)") from exc
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: expected a mapping at the top level")
    return data


def _words(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigurationError(f"assistant/data/{name}: field {key!r} must be a list of words")
    return [v.lower() for v in value]


@functools.cache
def vocabulary() -> Vocabulary:
    data = _load_yaml(WORDS_FILE)
    types = data.get("question_types") or {}
    suffixes = data.get("plural_suffixes") or {}
    if not all(isinstance(m, dict) for m in (types, suffixes)):
        raise ConfigurationError(f"assistant/data/{WORDS_FILE}: question_types and plural_suffixes must be mappings")
    return Vocabulary(
        function_words=analysis_function_words(),
        light_words=frozenset(_words(data, "light_words", WORDS_FILE)),
        question_types={k: tuple(p.lower() for p in v) for k, v in types.items()},
        who_nouns=frozenset(_words(data, "who_nouns", WORDS_FILE)),
        list_words=frozenset(_words(data, "list_words", WORDS_FILE)),
        plural_suffixes={k: tuple(v) for k, v in suffixes.items()},
        number_words=frozenset(_words(data, "number_words", WORDS_FILE)),
        role_words=frozenset(_words(data, "role_words", WORDS_FILE)),
        signature_words=frozenset(_words(data, "signature_words", WORDS_FILE)),
        pronouns=frozenset(_words(data, "pronouns", WORDS_FILE)),
        demonstratives=frozenset(_words(data, "demonstratives", WORDS_FILE)),
        followup_openings=tuple(_words(data, "followup_openings", WORDS_FILE)),
        question_words=frozenset(_words(data, "question_words", WORDS_FILE)),
        general_en_nl=dict(load_lexicon().general_en_nl),
    )


@functools.cache
def phrases(language: Language) -> Phrases:
    data = _load_yaml(PHRASES_FILE)
    entry = data.get(language)
    fields = ("language_name", "refusal", "intro", "list_intro")
    if not isinstance(entry, dict) or not all(isinstance(entry.get(f), str) for f in fields):
        raise ConfigurationError(
            f"assistant/data/{PHRASES_FILE}: language {language!r} needs the text fields {', '.join(fields)}"
        )
    return Phrases(**{f: entry[f] for f in fields})


def refusal_texts() -> tuple[str, ...]:
    return tuple(phrases(lang).refusal for lang in ("nl", "en"))


def is_refusal(text: str) -> bool:
    """The text is (or starts with) one of the fixed no-answer sentences, ignoring case and punctuation."""
    norm = _squash(text)
    return any(norm.startswith(_squash(r)) for r in refusal_texts())


def _squash(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()
