"""What a question asks for: its type cues (who / when / how many / list) and its content words."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.text import features
from assistant.core.model import Language
from assistant.text.fold import fold
from assistant.text.vocabulary import vocabulary

QuestionType = str  # "who" | "when" | "how_many" | "list"

_NOUN_WINDOW = 3  # the noun a cue ("welke", "hoeveel") asks about is among the next three content words


@dataclass(frozen=True)
class QuestionProfile:
    types: frozenset[QuestionType]
    content_words: tuple[str, ...]  # as written, function and question words removed, in order
    asks_signatories: bool  # "who signed ...": a block of names answers it
    focus: frozenset[str] = frozenset()  # folded noun after "welke"/"which": what the answer names
    counted: frozenset[str] = frozenset()  # folded noun after "hoeveel"/"how many": what the number counts
    words: tuple[str, ...] = ()  # every word as written, in order
    is_content: tuple[bool, ...] = ()  # per word: one of `content_words`

    @property
    def concise(self) -> bool:
        return bool(self.types & {"who", "when", "how_many"}) and "list" not in self.types


def profile_question(question: str, language: Language) -> QuestionProfile:
    vocab = vocabulary()
    raw_words = features.words(question)
    folded = [fold(w) for w in raw_words]
    types: set[QuestionType] = {
        t for t, cues in vocab.question_types.items() if any(vocab.has_phrase(folded, c) for c in cues)
    }

    suffixes = vocab.plural_suffixes.get(language, ())
    focus: set[str] = set()
    for i, word in enumerate(folded):
        if word not in vocab.list_words:
            continue
        following = _following_content(folded, i + 1)
        if following and following[0] not in vocab.light_words:
            focus.add(following[0])
        if following and any(following[0].endswith(noun) for noun in vocab.who_nouns):
            types.add("who")
        if any(len(w) >= 4 and w.endswith(suffixes) for w in following):
            types.add("list")

    counted: set[str] = set()
    for cue in vocab.question_types.get("how_many", ()):
        end = _phrase_end(folded, cue)
        if end is None:
            continue
        following = [w for w in _following_content(folded, end) if w not in vocab.light_words]
        plural = [w for w in following if len(w) >= 4 and w.endswith(suffixes)]
        if plural or following:
            counted.add((plural or following)[0])  # "how many more IMVO covenants" counts covenants

    skip = vocab.function_words | vocab.question_words | vocab.list_words
    is_content = tuple(low not in skip for low in folded)
    content = tuple(raw for raw, keep in zip(raw_words, is_content) if keep)
    asks_signatories = "who" in types and any(w in vocab.signature_words for w in folded)
    return QuestionProfile(
        types=frozenset(types),
        content_words=content,
        asks_signatories=asks_signatories,
        focus=frozenset(focus),
        counted=frozenset(counted),
        words=tuple(raw_words),
        is_content=is_content,
    )


def _following_content(folded: list[str], start: int) -> list[str]:
    vocab = vocabulary()
    window = folded[start : start + _NOUN_WINDOW]
    return [w for w in window if w not in vocab.function_words and w not in vocab.number_words]


def _phrase_end(folded: list[str], phrase: str) -> int | None:
    """Index just after the first occurrence of `phrase` (whole words), or None."""
    parts = phrase.split()
    for i in range(len(folded) - len(parts) + 1):
        if folded[i : i + len(parts)] == parts:
            return i + len(parts)
    return None
