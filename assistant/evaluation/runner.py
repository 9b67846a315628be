"""The driver that searches and asks every question, times each call and keeps per-question details."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.evaluation.aggregate import round_or_none
from assistant.evaluation.answer_scores import AnswerRecord, AnswerScores, QuestionAnswer, score_answers
from assistant.evaluation.latency import LatencyStats, latency_stats
from assistant.evaluation.questions import EvalQuestion
from assistant.evaluation.retrieval_scores import (
    RECALL_K,
    WIDE_K,
    QuestionRetrieval,
    RetrievalScores,
    score_retrieval,
)
from assistant.core.model import Answer, Passage


@dataclass(frozen=True)
class QuestionReport:
    question: EvalQuestion
    retrieval: QuestionRetrieval | None  # None for unanswerable questions
    answer: QuestionAnswer
    answer_text: str
    retrieved_ids: list[str]  # chunk ids the search returned, best first
    search_ms: float
    answer_ms: float

    @property
    def failures(self) -> list[str]:
        """Why this question misses a target; empty when it does not."""
        reasons = []
        if self.retrieval is not None:
            if self.retrieval.first_hit_rank is None:
                reasons.append(f"no passage in the top {WIDE_K} supports any evidence")
            if self.retrieval.missing_evidence:
                reasons.append(
                    f"{len(self.retrieval.missing_evidence)} of {len(self.question.evidence)} evidence strings "
                    f"not in the top {RECALL_K}"
                )
        answer = self.answer
        if answer.answerable and answer.refused:
            reasons.append("refused an answerable question")
        if not answer.answerable and answer.answered:
            reasons.append("answered an unanswerable question")
        if answer.key_terms_missing:
            reasons.append("key terms missing: " + ", ".join(answer.key_terms_missing))
        if answer.answerable and answer.answered and not answer.citations:
            reasons.append("the answer cites no passage")
        if answer.answerable and answer.supported_citations < answer.citations:
            unsupported = answer.citations - answer.supported_citations
            reasons.append(f"{unsupported} of {answer.citations} cited passages hold no evidence")
        return reasons

    def to_dict(self) -> dict[str, Any]:
        retrieval = self.retrieval
        return {
            "id": self.question.id,
            "type": self.question.type,
            "lang": self.question.lang,
            "question": self.question.question,
            "first_hit_rank": retrieval.first_hit_rank if retrieval else None,
            "recall@5": round_or_none(retrieval.recall_at_5) if retrieval else None,
            "recall@10": round_or_none(retrieval.recall_at_10) if retrieval else None,
            "missing_evidence": retrieval.missing_evidence if retrieval else [],
            "answered": self.answer.answered,
            "refused": self.answer.refused,
            "key_term_coverage": round_or_none(self.answer.key_term_coverage),
            "key_terms_missing": self.answer.key_terms_missing,
            "citations": self.answer.citations,
            "supported_citations": self.answer.supported_citations,
            "citation_precision": round_or_none(self.answer.citation_precision),
            "answer": self.answer_text,
            "retrieved_ids": self.retrieved_ids,
            "search_ms": round_or_none(self.search_ms, 1),
            "answer_ms": round_or_none(self.answer_ms, 1),
            "failures": self.failures,
        }


@dataclass(frozen=True)
class EvalReport:
    retrieval: RetrievalScores
    answers: AnswerScores
    latency: dict[str, LatencyStats]  # "search" and "answer"
    questions: list[QuestionReport]

    def to_dict(self) -> dict[str, Any]:
        return {
            "retrieval": self.retrieval.to_dict(),
            "answers": self.answers.to_dict(),
            "latency_ms": {name: stats.to_dict() for name, stats in self.latency.items()},
            "questions": [q.to_dict() for q in self.questions],
        }


SearchFn = Callable[[str], Sequence[Passage]]
AskFn = Callable[[str], Answer]


def run_eval(
    questions: Sequence[EvalQuestion],
    search: SearchFn,
    ask: AskFn,
    progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Search and ask every question (unanswerable ones too, for latency), timing each call."""
    passage_texts: dict[str, list[str]] = {}
    records: dict[str, AnswerRecord] = {}
    retrieved_ids: dict[str, list[str]] = {}
    search_ms: dict[str, float] = {}
    answer_ms: dict[str, float] = {}
    for done, question in enumerate(questions, start=1):
        try:
            started = time.perf_counter()
            passages = list(search(question.question))
            searched = time.perf_counter()
            answer = ask(question.question)
            answered = time.perf_counter()
        except Exception as exc:
            exc.add_note(f"while evaluating question {question.id}: {question.question!r}")
            raise
        search_ms[question.id] = (searched - started) * 1000
        answer_ms[question.id] = (answered - searched) * 1000
        passage_texts[question.id] = [p.text for p in passages]
        retrieved_ids[question.id] = [p.chunk_id for p in passages[:WIDE_K]]
        records[question.id] = AnswerRecord(
            text=answer.text, answered=answer.answered, cited_texts=[c.passage.text for c in answer.citations]
        )
        if progress:
            progress(done, len(questions))

    retrieval = score_retrieval(questions, passage_texts)
    answers = score_answers(questions, records)
    retrieval_by_id = {d.id: d for d in retrieval.details}
    answer_by_id = {d.id: d for d in answers.details}
    reports = [
        QuestionReport(
            question=q,
            retrieval=retrieval_by_id.get(q.id),
            answer=answer_by_id[q.id],
            answer_text=records[q.id].text,
            retrieved_ids=retrieved_ids[q.id],
            search_ms=search_ms[q.id],
            answer_ms=answer_ms[q.id],
        )
        for q in questions
    ]
    return EvalReport(
        retrieval=retrieval,
        answers=answers,
        latency={"search": latency_stats(list(search_ms.values())), "answer": latency_stats(list(answer_ms.values()))},
        questions=reports,
    )
