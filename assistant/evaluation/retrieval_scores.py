"""Retrieval metrics (recall@5, recall@10, MRR@10, hit@5) from the passage texts a search returned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.evaluation.aggregate import mean_or_none, round_or_none
from assistant.evaluation.matching import normalise, supports_normalised
from assistant.evaluation.questions import QUESTION_TYPES, EvalQuestion

RECALL_K = 5
WIDE_K = 10  # recall@10 and MRR@10


@dataclass(frozen=True)
class QuestionRetrieval:
    id: str
    type: str
    recall_at_5: float
    recall_at_10: float
    first_hit_rank: int | None  # 1-based rank of the first passage in the top 10 that supports any evidence
    missing_evidence: list[str]  # evidence strings not found in the top 5
    passages: int  # how many passages the search returned

    @property
    def reciprocal_rank(self) -> float:
        return 1.0 / self.first_hit_rank if self.first_hit_rank else 0.0

    @property
    def hit_at_5(self) -> bool:
        return self.first_hit_rank is not None and self.first_hit_rank <= RECALL_K


@dataclass(frozen=True)
class RetrievalMetrics:
    questions: int
    recall_at_5: float | None  # None when there are no questions to average over
    recall_at_10: float | None
    mrr_at_10: float | None
    hit_at_5: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "recall@5": round_or_none(self.recall_at_5),
            "recall@10": round_or_none(self.recall_at_10),
            "mrr@10": round_or_none(self.mrr_at_10),
            "hit@5": round_or_none(self.hit_at_5),
        }


@dataclass(frozen=True)
class RetrievalScores:
    overall: RetrievalMetrics
    by_type: dict[str, RetrievalMetrics]
    mean_passages: float | None  # passages returned per question; recall@10 needs 10
    details: list[QuestionRetrieval]

    @property
    def recall_at_5(self) -> float | None:
        return self.overall.recall_at_5

    @property
    def mrr_at_10(self) -> float | None:
        return self.overall.mrr_at_10

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.overall.to_dict(),
            "mean_passages": round_or_none(self.mean_passages, 2),
            "by_type": {name: metrics.to_dict() for name, metrics in self.by_type.items()},
        }


def score_retrieval(questions: Sequence[EvalQuestion], results: Mapping[str, Sequence[str]]) -> RetrievalScores:
    """`results` maps a question id to the passage texts the search returned, best first."""
    details = []
    for question in questions:
        if not question.answerable:
            continue
        if question.id not in results:
            raise ValueError(f"no retrieval results for question {question.id!r}")
        details.append(_score_one_retrieval(question, results[question.id]))
    by_type = {
        name: _retrieval_metrics([d for d in details if d.type == name])
        for name in QUESTION_TYPES
        if any(d.type == name for d in details)
    }
    return RetrievalScores(
        overall=_retrieval_metrics(details),
        by_type=by_type,
        mean_passages=mean_or_none([d.passages for d in details]),
        details=details,
    )


def _score_one_retrieval(question: EvalQuestion, passage_texts: Sequence[str]) -> QuestionRetrieval:
    evidence = [normalise(e) for e in question.evidence]
    top = [normalise(text) for text in passage_texts[:WIDE_K]]
    supports = [[supports_normalised(e, passage) for e in evidence] for passage in top]

    def found_in_top(k: int) -> list[bool]:
        return [any(row[i] for row in supports[:k]) for i in range(len(evidence))]

    in_top_5 = found_in_top(RECALL_K)
    first_hit = next((rank for rank, row in enumerate(supports, start=1) if any(row)), None)
    return QuestionRetrieval(
        id=question.id,
        type=question.type,
        recall_at_5=sum(in_top_5) / len(evidence),
        recall_at_10=sum(found_in_top(WIDE_K)) / len(evidence),
        first_hit_rank=first_hit,
        missing_evidence=[e for e, found in zip(question.evidence, in_top_5) if not found],
        passages=len(passage_texts),
    )


def _retrieval_metrics(details: Sequence[QuestionRetrieval]) -> RetrievalMetrics:
    return RetrievalMetrics(
        questions=len(details),
        recall_at_5=mean_or_none([d.recall_at_5 for d in details]),
        recall_at_10=mean_or_none([d.recall_at_10 for d in details]),
        mrr_at_10=mean_or_none([d.reciprocal_rank for d in details]),
        hit_at_5=mean_or_none([float(d.hit_at_5) for d in details]),
    )
