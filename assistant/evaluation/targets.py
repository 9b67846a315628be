"""Metric targets and which of them a run meets."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from assistant.evaluation.runner import EvalReport


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
