"""Answer metrics: key-term coverage, citation precision and refusals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.evaluation.aggregate import mean_or_none, round_or_none
from assistant.evaluation.matching import key_term_present, normalise, supports_normalised
from assistant.evaluation.questions import QUESTION_TYPES, EvalQuestion


@dataclass(frozen=True)
class AnswerRecord:
    text: str
    answered: bool  # False: the assistant said the corpus does not answer the question
    cited_texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class QuestionAnswer:
    id: str
    type: str
    answerable: bool
    answered: bool
    key_term_coverage: float | None  # None for unanswerable questions and questions without key terms
    key_terms_missing: list[str]
    citations: int
    supported_citations: int  # cited passages that contain some evidence of the question

    @property
    def refused(self) -> bool:
        return not self.answered

    @property
    def citation_precision(self) -> float | None:
        if not self.answerable or not self.citations:
            return None
        return self.supported_citations / self.citations


@dataclass(frozen=True)
class AnswerTypeMetrics:
    questions: int
    key_term_coverage: float | None
    citation_precision: float | None  # micro-average
    refused: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "key_term_coverage": round_or_none(self.key_term_coverage),
            "citation_precision": round_or_none(self.citation_precision),
            "refused": self.refused,
        }


@dataclass(frozen=True)
class AnswerScores:
    answerable: int
    unanswerable: int
    key_term_coverage: float | None  # mean over answerable questions that have key terms
    citation_precision: float | None  # micro: supported / all cited passages of answerable questions
    citation_precision_macro: float | None  # mean over answerable questions that cite something
    citations: int
    supported_citations: int
    answered_without_citations: int  # answerable questions answered without citing a passage
    refused_unanswerable: int
    wrongly_refused: int  # answerable questions the assistant refused
    by_type: dict[str, AnswerTypeMetrics]
    details: list[QuestionAnswer]

    @property
    def refused_unanswerable_share(self) -> float | None:
        return self.refused_unanswerable / self.unanswerable if self.unanswerable else None

    @property
    def wrongly_refused_share(self) -> float | None:
        return self.wrongly_refused / self.answerable if self.answerable else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "key_term_coverage": round_or_none(self.key_term_coverage),
            "citation_precision": round_or_none(self.citation_precision),
            "citation_precision_macro": round_or_none(self.citation_precision_macro),
            "citations": self.citations,
            "supported_citations": self.supported_citations,
            "answered_without_citations": self.answered_without_citations,
            "refused_unanswerable": f"{self.refused_unanswerable}/{self.unanswerable}",
            "refused_unanswerable_share": round_or_none(self.refused_unanswerable_share),
            "wrongly_refused": f"{self.wrongly_refused}/{self.answerable}",
            "wrongly_refused_share": round_or_none(self.wrongly_refused_share),
            "by_type": {name: metrics.to_dict() for name, metrics in self.by_type.items()},
        }


def score_answers(questions: Sequence[EvalQuestion], answers: Mapping[str, AnswerRecord]) -> AnswerScores:
    details = []
    for question in questions:
        if question.id not in answers:
            raise ValueError(f"no answer for question {question.id!r}")
        details.append(_score_one_answer(question, answers[question.id]))
    answerable = [d for d in details if d.answerable]
    unanswerable = [d for d in details if not d.answerable]
    citations = sum(d.citations for d in answerable)
    supported = sum(d.supported_citations for d in answerable)
    return AnswerScores(
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        key_term_coverage=mean_or_none([d.key_term_coverage for d in answerable if d.key_term_coverage is not None]),
        citation_precision=supported / citations if citations else None,
        citation_precision_macro=mean_or_none(
            [d.citation_precision for d in answerable if d.citation_precision is not None]
        ),
        citations=citations,
        supported_citations=supported,
        answered_without_citations=sum(1 for d in answerable if d.answered and not d.citations),
        refused_unanswerable=sum(1 for d in unanswerable if d.refused),
        wrongly_refused=sum(1 for d in answerable if d.refused),
        by_type={
            name: _answer_type_metrics([d for d in details if d.type == name])
            for name in QUESTION_TYPES
            if any(d.type == name for d in details)
        },
        details=details,
    )


def _score_one_answer(question: EvalQuestion, record: AnswerRecord) -> QuestionAnswer:
    if not question.answerable:
        return QuestionAnswer(
            id=question.id,
            type=question.type,
            answerable=False,
            answered=record.answered,
            key_term_coverage=None,
            key_terms_missing=[],
            citations=len(record.cited_texts),
            supported_citations=0,
        )
    missing = [term for term in question.key_terms if not key_term_present(term, record.text)]
    evidence = [normalise(e) for e in question.evidence]
    supported = sum(1 for text in record.cited_texts if any(supports_normalised(e, normalise(text)) for e in evidence))
    return QuestionAnswer(
        id=question.id,
        type=question.type,
        answerable=True,
        answered=record.answered,
        key_term_coverage=1 - len(missing) / len(question.key_terms) if question.key_terms else None,
        key_terms_missing=missing,
        citations=len(record.cited_texts),
        supported_citations=supported,
    )


def _answer_type_metrics(details: Sequence[QuestionAnswer]) -> AnswerTypeMetrics:
    citations = sum(d.citations for d in details if d.answerable)
    return AnswerTypeMetrics(
        questions=len(details),
        key_term_coverage=mean_or_none([d.key_term_coverage for d in details if d.key_term_coverage is not None]),
        citation_precision=sum(d.supported_citations for d in details) / citations if citations else None,
        refused=sum(1 for d in details if d.refused),
    )
