"""Default answer mode without an LLM: quote the passage sentences that answer the question.

Every sentence of the retrieved passages gets general signals (assistant/answer/signals.py); a fitted
logistic model turns them into the probability that the sentence holds the answer, and a second one
decides from the best of them whether the passages answer the question at all. The answer quotes the
best sentence, the sentences of its passage that come close to it (a list's lead-in with its items),
and for questions that are not after a single fact, sentences of other passages that come as close.
Weights and ratios come from assistant/data/answer_model.json (bench/fit_answer_model.py).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from assistant.answer.answer_model import AnswerModel, Selection
from assistant.answer.candidates import list_items_after, sentence_candidates
from assistant.answer.signals import ScoredCandidate, question_signals, sentence_signals
from assistant.answer.support import Tokenize, Translate, check_answer
from assistant.text.vocabulary import phrases
from assistant.text import features
from assistant.core.model import Answer, Language, Passage
from assistant.text.question import Question


class ExtractiveAnswerer:
    def __init__(
        self,
        tokenize: Tokenize,
        model: AnswerModel,
        *,
        support_threshold: float,
        translate: Translate | None = None,
    ) -> None:
        self.tokenize = tokenize
        self.model = model
        self.support_threshold = support_threshold
        self.translate = translate

    def score(self, question: Question, passages: Sequence[Passage]) -> tuple[list[ScoredCandidate], float]:
        """Every candidate sentence with its probability, and the probability that the passages answer."""
        candidates = sentence_candidates(passages, self.tokenize)
        scored = sentence_signals(question, candidates, passages, self.tokenize)
        for s in scored:
            s.probability = self.model.sentence.probability(s.features)
        if not scored:
            return scored, 0.0
        return scored, self.model.answerable.probability(question_signals(question, scored, passages))

    def answer(self, question: Question, passages: list[Passage]) -> Answer:
        started = time.perf_counter()
        scored, answerable = self.score(question, passages)
        language: Language = question.language
        if not scored or answerable < self.model.selection.answer_threshold:
            return Answer(
                question=question.text,
                text=phrases(language).refusal,
                answered=False,
                mode="extractive",
                language=language,
                passages=list(passages),
                evidence_strength=round(answerable, 3),
                timings_ms={"extract": (time.perf_counter() - started) * 1000},
            )
        chosen = select_sentences(scored, question, self.model.selection)
        text = render(chosen, question, language)
        sentences, citations = check_answer(text, passages, self.tokenize, self.support_threshold, self.translate)
        used: dict[int, list[str]] = {}
        for s in chosen:
            used.setdefault(s.candidate.rank + 1, []).append(s.candidate.text)
        for citation in citations:
            citation.sentences = used.get(citation.n, citation.sentences)
            citation.supported = True  # a verbatim quote is supported by the passage it is quoted from
        for sentence in sentences:
            sentence.supported = bool(sentence.citations)
        return Answer.cited(question.text, text, "extractive", language, sentences, citations, passages,
                            evidence_strength=round(answerable, 3),
                            timings_ms={"extract": (time.perf_counter() - started) * 1000})


def select_sentences(scored: Sequence[ScoredCandidate], question: Question, selection: Selection) -> list[ScoredCandidate]:
    """The best sentence, what its passage adds at `keep_ratio` of its probability (with a list's items),
    and, unless one fact is asked for, other passages' sentences at `other_passage_ratio`."""
    ranked = sorted(scored, key=lambda s: (-s.probability, s.candidate.rank, s.candidate.position))
    best = ranked[0]
    concise = question.profile.concise
    limit = selection.concise_sentences if concise else selection.max_sentences
    chosen = [best]
    for s in ranked[1:]:
        if len(chosen) >= limit:
            break
        same = s.candidate.rank == best.candidate.rank
        ratio = selection.keep_ratio if same else selection.other_passage_ratio
        if not same and concise:
            continue  # one fact is quoted from one place
        if s.probability >= ratio * best.probability:
            chosen.append(s)
    by_candidate = {id(s.candidate): s for s in scored}
    if "list" in question.types or best.candidate.is_lead_in:
        # a lead-in ("... zijn dat:") says nothing without its items, and items need their lead-in
        candidates = [s.candidate for s in scored]
        for anchor in list(chosen):
            for item in list_items_after(anchor.candidate, candidates, selection.max_sentences):
                extra = by_candidate[id(item)]
                if extra not in chosen:
                    chosen.append(extra)
    order = {}
    for s in chosen:  # passages in the order of their best sentence, sentences in reading order
        order.setdefault(s.candidate.rank, len(order))
    return sorted(chosen, key=lambda s: (order[s.candidate.rank], s.candidate.position))


def render(chosen: Sequence[ScoredCandidate], question: Question, language: Language) -> str:
    """Quotes with [n] marks (n = the passage's rank + 1; renumbered in answer order later).
    In an English answer the Dutch quotations are marked as quotations."""
    words = phrases(language)

    def quote(text: str) -> str:
        text = features.strip_bullet(text)
        return f"“{text}”" if language == "en" else text

    listed = len(chosen) > 1 and ("list" in question.types or any(s.candidate.is_list_item for s in chosen))
    if listed:
        items = "\n".join(f"- {quote(s.candidate.text)} [{s.candidate.rank + 1}]" for s in chosen)
        return f"{words.list_intro}\n\n{items}"
    body = " ".join(f"{quote(s.candidate.text)} [{s.candidate.rank + 1}]" for s in chosen)
    return f"{words.intro}\n\n{body}"
