"""The readable summary of a run, printed by `imvo eval`."""

from __future__ import annotations

from assistant.evaluation.runner import EvalReport
from assistant.evaluation.targets import Targets, passes_targets


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


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
