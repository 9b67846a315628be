"""Follow-up questions without an LLM: "en wanneer was dat?" borrows the subject of the question before.

A question is a follow-up when it is short and leans on the previous one: it opens with "en"/"and"/
"what about", or points back with a pronoun ("daar", "it") or a demonstrative standing alone
("wanneer was dat?"), and names at most one subject word of its own. Its rewrite keeps its own
question and content words and adds the previous question's content words, which is enough for
retrieval and for the extractive answerer's question type.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text import features
from assistant.text.vocabulary import vocabulary
from assistant.text.fold import fold

_MAX_FOLLOWUP_WORDS = 10
_MAX_OWN_CONTENT = 1  # with a pointer word
_MAX_OWN_CONTENT_AFTER_OPENING = 2  # "en de banken?", "and the textile covenant?"


def resolve_followup(question: str, history: Sequence[tuple[str, str]]) -> str:
    """`question` made standalone from the previous (question, answer) pairs; unchanged if it is not a follow-up."""
    previous: str | None = None
    for past_question, _answer in history:
        previous = _resolve(past_question, previous)
    return _resolve(question, previous)


def is_followup(question: str) -> bool:
    vocab = vocabulary()
    words = [fold(w) for w in features.words(question)]
    if not words or len(words) > _MAX_FOLLOWUP_WORDS:
        return False
    own = _content_words(question)
    text = " ".join(words)
    opens = any(text == o or text.startswith(o + " ") for o in vocab.followup_openings)
    if opens and len(own) <= _MAX_OWN_CONTENT_AFTER_OPENING:
        return True
    points_back = any(w in vocab.pronouns for w in words) or any(
        w in vocab.demonstratives and (i + 1 == len(words) or not _is_content(words[i + 1]))
        for i, w in enumerate(words)
    )
    return (points_back and len(own) <= _MAX_OWN_CONTENT) or not own


def _resolve(question: str, previous: str | None) -> str:
    if previous is None or not is_followup(question):
        return question
    subject = _content_words(previous)
    if not subject:
        return question
    vocab = vocabulary()
    kept = [
        w
        for w in features.words(question)
        if fold(w) in vocab.question_words or _is_content(fold(w))
    ]
    seen = {fold(w) for w in kept}
    for word in subject:
        if fold(word) not in seen:
            seen.add(fold(word))
            kept.append(word)
    rewritten = " ".join(kept)
    return rewritten + "?" if question.rstrip().endswith("?") else rewritten


def _is_content(folded: str) -> bool:
    vocab = vocabulary()
    return not (
        folded in vocab.function_words
        or folded in vocab.question_words
        or folded in vocab.pronouns
        or folded in vocab.demonstratives
        or folded in vocab.light_words
        or folded in {o for o in vocab.followup_openings if " " not in o}
    )


def _content_words(question: str) -> list[str]:
    return [w for w in features.words(question) if _is_content(fold(w))]
