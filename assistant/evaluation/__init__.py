"""Scores retrieval and answers against questions annotated with evidence (shared/eval/README.md).

Scoring functions work on plain data (question texts, passage texts, answer records); `run_eval` is the
one driver that calls the assistant, times every call and keeps per-question details so a developer can
see which questions fail and why. This package re-exports the public names of its modules.
"""

from assistant.evaluation.answer_scores import (
    AnswerRecord,
    AnswerScores,
    AnswerTypeMetrics,
    QuestionAnswer,
    score_answers,
)
from assistant.evaluation.latency import LatencyStats, latency_stats, percentile
from assistant.evaluation.matching import (
    FUZZY_MIN_CHARS,
    FUZZY_MIN_SCORE,
    evidence_supported,
    key_term_present,
    normalise,
)
from assistant.evaluation.questions import QUESTION_TYPES, UNANSWERABLE, EvalQuestion, QuestionType, load_questions
from assistant.evaluation.report import format_report
from assistant.evaluation.retrieval_scores import (
    RECALL_K,
    WIDE_K,
    QuestionRetrieval,
    RetrievalMetrics,
    RetrievalScores,
    score_retrieval,
)
from assistant.evaluation.runner import AskFn, EvalReport, QuestionReport, SearchFn, run_eval
from assistant.evaluation.targets import Targets, passes_targets

__all__ = [
    "FUZZY_MIN_CHARS",
    "FUZZY_MIN_SCORE",
    "QUESTION_TYPES",
    "RECALL_K",
    "UNANSWERABLE",
    "WIDE_K",
    "AnswerRecord",
    "AnswerScores",
    "AnswerTypeMetrics",
    "AskFn",
    "EvalQuestion",
    "EvalReport",
    "LatencyStats",
    "QuestionAnswer",
    "QuestionReport",
    "QuestionRetrieval",
    "QuestionType",
    "RetrievalMetrics",
    "RetrievalScores",
    "SearchFn",
    "Targets",
    "evidence_supported",
    "format_report",
    "key_term_present",
    "latency_stats",
    "load_questions",
    "normalise",
    "passes_targets",
    "percentile",
    "run_eval",
    "score_answers",
    "score_retrieval",
]
