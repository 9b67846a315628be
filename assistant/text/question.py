"""A question analysed once: language, words, stems, what it asks for, and its lexicon expansions.

Retrieval, the register router and both answerers read this one object instead of each analysing the
text their own way. Matching uses the BM25 analyzer's tokens (one tokeniser, one list of stop words).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.text.question_profile import QuestionProfile, profile_question
from assistant.core.model import Language
from assistant.text.fold import fold
from assistant.text.vocabulary import vocabulary
from assistant.text.lexicon import ExpandedQuery, Lexicon

Tokenize = Callable[[str], list[str]]
Translate = Callable[[list[str]], list[str]]


@dataclass(frozen=True)
class QuestionWord:
    """One content word of the question and the token sets that express it: its own tokens (a compound
    with its parts) and those of each translation or written-out form the lexicon gives."""

    text: str
    forms: tuple[frozenset[str], ...]
    is_name: bool = False
    light: bool = False  # a verb or filler the question wraps around its subject ("vond ... plaats")

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset().union(*self.forms) if self.forms else frozenset()


@dataclass(frozen=True)
class Question:
    text: str
    language: Language
    profile: QuestionProfile  # types (who/when/how_many/list), focus, counted noun, words as written
    words: tuple[QuestionWord, ...]  # content words with their forms
    expanded: ExpandedQuery
    stems: frozenset[str] = field(default_factory=frozenset)  # analyzer tokens of the whole question

    @property
    def types(self) -> frozenset[str]:
        return self.profile.types


class QuestionAnalyzer:
    def __init__(self, tokenize: Tokenize, lexicon: Lexicon, translate: Translate) -> None:
        self.tokenize = tokenize
        self.lexicon = lexicon
        self.translate = translate

    def __call__(self, text: str, language: Language | None = None) -> Question:
        language = language or self.lexicon.detect_language(text)
        profile = profile_question(text, language)
        return Question(
            text=text,
            language=language,
            profile=profile,
            words=self._words(profile, language),
            expanded=self.lexicon.expand_query(text, language),
            stems=frozenset(self.tokenize(text)),
        )

    def _words(self, profile: QuestionProfile, language: Language) -> tuple[QuestionWord, ...]:
        from assistant.text import features

        vocab = vocabulary()
        names = set(features.name_words(" ".join(profile.words), known_word=self._known_english if language == "en" else None))
        out: list[QuestionWord] = []
        seen: set[frozenset[str]] = set()
        for word in profile.content_words:
            own = frozenset(self.tokenize(word))
            if profile.asks_signatories and fold(word) in vocab.signature_words:
                continue  # "ondertekend" is answered by a block of names, which never says it
            translations = [frozenset(self.tokenize(t)) for t in self.translate([word.lower()])]
            if not translations and language == "en":
                translations = [frozenset(self.tokenize(t)) for t in vocab.dutch_for(word)]
            forms = tuple(f for f in dict.fromkeys((own, *translations)) if f)
            key = frozenset().union(*forms) if forms else frozenset()
            if not key or key in seen:
                continue
            seen.add(key)
            out.append(
                QuestionWord(
                    text=word,
                    forms=forms,
                    is_name=features.name_key(word) in names,
                    light=fold(word) in vocab.light_words,
                )
            )
        return tuple(out)

    def _known_english(self, word: str) -> bool:
        return bool(vocabulary().dutch_for(word) or self.translate([word.lower()]))
