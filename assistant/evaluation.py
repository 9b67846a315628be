"""Scores retrieval and answers against questions annotated with evidence (shared/eval/README.md).

Scoring functions work on plain data (question texts, passage texts, answer records); `run_eval` is the
one driver that calls the assistant, times every call and keeps per-question details so a developer can
see which questions fail and why.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from rapidfuzz import fuzz

from assistant.errors import EvalFileError
from assistant.models import Answer, Passage

RECALL_K = 5
WIDE_K = 10  # recall@10 and MRR@10
FUZZY_MIN_CHARS = 12
FUZZY_MIN_SCORE = 90.0

QuestionType = Literal["fact", "list", "date", "who", "motion", "cross_doc", "definition", "unanswerable"]
QUESTION_TYPES: tuple[str, ...] = get_args(QuestionType)
UNANSWERABLE = "unanswerable"

# A hyphen ending a line inside a word: "organisa-\ntie" is one word.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W_])[-\u2010\u2011\u00ad][ \t]*\r?\n[ \t]*")
_NON_ALNUM = re.compile(r"[\W_]+")
# "[2]", "[1, 3]": citation marks are not answer content, and "[8]" must not count as the key term "8".
_CITATION_MARK = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")


# --------------------------------------------------------------------------------------------------
# Matching


def normalise(text: str) -> str:
    """Lower case, line-break hyphens joined, every run of non-alphanumerics one space (letters like 'ë' kept)."""
    # NFC first: a decomposed 'e' + combining diaeresis would otherwise fold into 'e '.
    text = unicodedata.normalize("NFC", text).lower()
    text = _LINE_BREAK_HYPHEN.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def evidence_supported(evidence: str, passage_text: str) -> bool:
    return _supports(normalise(evidence), normalise(passage_text))


def _supports(evidence_norm: str, passage_norm: str) -> bool:
    if not evidence_norm:
        return False
    if evidence_norm in passage_norm:
        return True
    if len(evidence_norm) < FUZZY_MIN_CHARS:
        return False
    # partial_ratio aligns the SHORTER string inside the longer one, so a stub passage ("december")
    # would score 100 against any evidence containing it: the passage must be the longer string.
    if len(passage_norm) < len(evidence_norm):
        return False
    return fuzz.partial_ratio(evidence_norm, passage_norm, score_cutoff=FUZZY_MIN_SCORE) >= FUZZY_MIN_SCORE


def key_term_present(term: str, answer_text: str) -> bool:
    """`term` may list alternatives as 'a|b'; any one present in the answer counts."""
    answer_norm = normalise(_CITATION_MARK.sub(" ", answer_text))
    return any(alt and alt in answer_norm for alt in (normalise(a) for a in term.split("|")))


# --------------------------------------------------------------------------------------------------
# Questions


class EvalQuestion(BaseModel):
    """One line of a questions file; fields as in shared/eval/README.md."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    lang: Literal["nl", "en"]
    type: QuestionType
    docs: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    answer: str = ""
    key_terms: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        return self.type != UNANSWERABLE

    @field_validator("evidence")
    @classmethod
    def _evidence_has_text(cls, evidence: tuple[str, ...]) -> tuple[str, ...]:
        for item in evidence:
            if not normalise(item):
                raise ValueError(f"evidence string {item!r} has no letters or digits")
        return evidence

    @field_validator("key_terms")
    @classmethod
    def _key_terms_have_text(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        for term in terms:
            if not all(normalise(alt) for alt in term.split("|")):
                raise ValueError(f"key term {term!r} has an empty alternative")
        return terms

    @model_validator(mode="after")
    def _evidence_matches_type(self) -> EvalQuestion:
        if self.answerable and not self.evidence:
            raise ValueError(f"a {self.type!r} question needs at least one evidence string")
        if not self.answerable and self.evidence:
            raise ValueError("an 'unanswerable' question must have no evidence strings")
        return self


def load_questions(path: Path | str) -> list[EvalQuestion]:
    """Read a JSON-lines questions file; blank lines are skipped, ids must be unique."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise EvalFileError(path, "file not found: give the path of a questions file (one JSON object a line)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(path, f"cannot read it as UTF-8 text ({exc})") from exc
    questions: list[EvalQuestion] = []
    first_line_of: dict[str, int] = {}
    # split on "\n" only: str.splitlines also splits on U+2028, which JSON strings may contain.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(path, f"not valid JSON ({exc.msg} at column {exc.colno})", number) from exc
        if not isinstance(data, dict):
            raise EvalFileError(path, f"expected a JSON object, got {type(data).__name__}", number)
        try:
            question = EvalQuestion.model_validate(data)
        except ValidationError as exc:
            raise EvalFileError(path, _describe(exc), number) from exc
        if question.id in first_line_of:
            raise EvalFileError(
                path, f"duplicate id {question.id!r} (first used on line {first_line_of[question.id]})", number
            )
        first_line_of[question.id] = number
        questions.append(question)
    if not questions:
        raise EvalFileError(path, "no questions in the file: expected one JSON object a line")
    return questions


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        message = error["msg"].removeprefix("Value error, ")
        loc = ".".join(str(part) for part in error["loc"])
        problems.append(f"field {loc!r}: {message}" if loc else message)
    return "; ".join(problems) + " (fields are described in shared/eval/README.md)"


# --------------------------------------------------------------------------------------------------
# Retrieval


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
            "recall@5": _round(self.recall_at_5),
            "recall@10": _round(self.recall_at_10),
            "mrr@10": _round(self.mrr_at_10),
            "hit@5": _round(self.hit_at_5),
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
            "mean_passages": _round(self.mean_passages, 2),
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
        mean_passages=_mean([d.passages for d in details]),
        details=details,
    )


def _score_one_retrieval(question: EvalQuestion, passage_texts: Sequence[str]) -> QuestionRetrieval:
    evidence = [normalise(e) for e in question.evidence]
    top = [normalise(text) for text in passage_texts[:WIDE_K]]
    supports = [[_supports(e, passage) for e in evidence] for passage in top]

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
        recall_at_5=_mean([d.recall_at_5 for d in details]),
        recall_at_10=_mean([d.recall_at_10 for d in details]),
        mrr_at_10=_mean([d.reciprocal_rank for d in details]),
        hit_at_5=_mean([float(d.hit_at_5) for d in details]),
    )


# --------------------------------------------------------------------------------------------------
# Answers


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
            "key_term_coverage": _round(self.key_term_coverage),
            "citation_precision": _round(self.citation_precision),
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
            "key_term_coverage": _round(self.key_term_coverage),
            "citation_precision": _round(self.citation_precision),
            "citation_precision_macro": _round(self.citation_precision_macro),
            "citations": self.citations,
            "supported_citations": self.supported_citations,
            "answered_without_citations": self.answered_without_citations,
            "refused_unanswerable": f"{self.refused_unanswerable}/{self.unanswerable}",
            "refused_unanswerable_share": _round(self.refused_unanswerable_share),
            "wrongly_refused": f"{self.wrongly_refused}/{self.answerable}",
            "wrongly_refused_share": _round(self.wrongly_refused_share),
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
        key_term_coverage=_mean([d.key_term_coverage for d in answerable if d.key_term_coverage is not None]),
        citation_precision=supported / citations if citations else None,
        citation_precision_macro=_mean([d.citation_precision for d in answerable if d.citation_precision is not None]),
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
    supported = sum(1 for text in record.cited_texts if any(_supports(e, normalise(text)) for e in evidence))
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
        key_term_coverage=_mean([d.key_term_coverage for d in details if d.key_term_coverage is not None]),
        citation_precision=sum(d.supported_citations for d in details) / citations if citations else None,
        refused=sum(1 for d in details if d.refused),
    )


# --------------------------------------------------------------------------------------------------
# Latency


@dataclass(frozen=True)
class LatencyStats:
    calls: int
    p50: float | None
    p95: float | None
    mean: float | None
    max: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "p50": _round(self.p50, 1),
            "p95": _round(self.p95, 1),
            "mean": _round(self.mean, 1),
            "max": _round(self.max, 1),
        }


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), q in [0, 100]."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_stats(samples_ms: Sequence[float]) -> LatencyStats:
    if not samples_ms:
        return LatencyStats(0, None, None, None, None)
    return LatencyStats(
        calls=len(samples_ms),
        p50=percentile(samples_ms, 50),
        p95=percentile(samples_ms, 95),
        mean=statistics.fmean(samples_ms),
        max=max(samples_ms),
    )


# --------------------------------------------------------------------------------------------------
# The run


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
            "recall@5": _round(retrieval.recall_at_5) if retrieval else None,
            "recall@10": _round(retrieval.recall_at_10) if retrieval else None,
            "missing_evidence": retrieval.missing_evidence if retrieval else [],
            "answered": self.answer.answered,
            "refused": self.answer.refused,
            "key_term_coverage": _round(self.answer.key_term_coverage),
            "key_terms_missing": self.answer.key_terms_missing,
            "citations": self.answer.citations,
            "supported_citations": self.answer.supported_citations,
            "citation_precision": _round(self.answer.citation_precision),
            "answer": self.answer_text,
            "retrieved_ids": self.retrieved_ids,
            "search_ms": _round(self.search_ms, 1),
            "answer_ms": _round(self.answer_ms, 1),
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


# --------------------------------------------------------------------------------------------------
# Targets and the readable summary


@dataclass(frozen=True)
class Targets:
    recall_at_5: float = 0.90
    mrr_at_10: float = 0.80
    key_term_coverage: float = 0.75
    citation_precision: float = 0.95  # micro-average
    refused_unanswerable: Fraction = Fraction(2, 3)  # at least this share refused
    wrongly_refused: Fraction = Fraction(1, 10)  # at most this share of answerable questions refused


def passes_targets(report: EvalReport, targets: Targets = Targets()) -> dict[str, bool]:
    """A metric that cannot be computed (no questions of its kind, no citations) does not pass."""
    answers = report.answers

    def at_least(value: float | None, target: float) -> bool:
        return value is not None and value >= target

    return {
        "recall@5": at_least(report.retrieval.recall_at_5, targets.recall_at_5),
        "mrr@10": at_least(report.retrieval.mrr_at_10, targets.mrr_at_10),
        "key_term_coverage": at_least(answers.key_term_coverage, targets.key_term_coverage),
        "citation_precision": at_least(answers.citation_precision, targets.citation_precision),
        # Fractions: 2/3 refused must compare equal to the 2/3 target, not fall short by a rounding error.
        "refused_unanswerable": answers.unanswerable > 0
        and Fraction(answers.refused_unanswerable, answers.unanswerable) >= targets.refused_unanswerable,
        "wrongly_refused": answers.answerable > 0
        and Fraction(answers.wrongly_refused, answers.answerable) <= targets.wrongly_refused,
    }


def format_report(report: EvalReport, targets: Targets = Targets()) -> str:
    passed = passes_targets(report, targets)
    retrieval, answers = report.retrieval, report.answers

    def mark(name: str) -> str:
        return "ok" if passed[name] else "BELOW TARGET"

    lines = [
        f"Retrieval ({retrieval.overall.questions} answerable questions, "
        f"{_fmt(retrieval.mean_passages, 1)} passages returned on average)",
        f"  recall@5            {_fmt(retrieval.recall_at_5)}   target >= {targets.recall_at_5:.2f}"
        f"  {mark('recall@5')}",
        f"  MRR@10              {_fmt(retrieval.mrr_at_10)}   target >= {targets.mrr_at_10:.2f}  {mark('mrr@10')}",
        f"  recall@10           {_fmt(retrieval.overall.recall_at_10)}",
        f"  hit@5               {_fmt(retrieval.overall.hit_at_5)}",
        "  by type             n  recall@5  recall@10  MRR@10  hit@5",
    ]
    for name, m in retrieval.by_type.items():
        lines.append(
            f"    {name:<15} {m.questions:>3}  {_fmt(m.recall_at_5):>8}  {_fmt(m.recall_at_10):>9}"
            f"  {_fmt(m.mrr_at_10):>6}  {_fmt(m.hit_at_5):>5}"
        )
    lines += [
        "",
        f"Answers ({answers.answerable} answerable, {answers.unanswerable} unanswerable)",
        f"  key-term coverage   {_fmt(answers.key_term_coverage)}   target >= {targets.key_term_coverage:.2f}"
        f"  {mark('key_term_coverage')}",
        f"  citation precision  {_fmt(answers.citation_precision)}   target >= {targets.citation_precision:.2f}"
        f"  {mark('citation_precision')}   ({answers.supported_citations}/{answers.citations} cited passages"
        f" hold evidence; macro {_fmt(answers.citation_precision_macro)})",
        f"  refused unanswerable {answers.refused_unanswerable}/{answers.unanswerable}"
        f"   target >= {targets.refused_unanswerable}  {mark('refused_unanswerable')}",
        f"  wrongly refused     {answers.wrongly_refused}/{answers.answerable}"
        f"   target <= {targets.wrongly_refused}  {mark('wrongly_refused')}",
        f"  answered without a citation: {answers.answered_without_citations}",
        "",
        "Latency (ms)         p50      p95      max",
    ]
    for name, stats in report.latency.items():
        lines.append(f"  {name:<15} {_fmt(stats.p50, 1):>8} {_fmt(stats.p95, 1):>8} {_fmt(stats.max, 1):>8}")
    failing = [q for q in report.questions if q.failures]
    lines += ["", f"Failing questions ({len(failing)} of {len(report.questions)})"]
    for q in failing:
        rank = q.retrieval.first_hit_rank if q.retrieval else None
        rank_note = f", first hit at rank {rank}" if rank else ""
        lines.append(f"  {q.question.id} [{q.question.type}{rank_note}] {_shorten(q.question.question, 90)}")
        lines += [f"      - {reason}" for reason in q.failures]
        for evidence in q.retrieval.missing_evidence if q.retrieval else []:
            lines.append(f"        missing: {_shorten(evidence, 80)!r}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Helpers


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
