"""Calibrate the extractive answerer's refusal threshold on a question file with the real retrieval.

Asks every question once with refusal switched off (threshold 0), keeps each answer's evidence strength,
then replays the refusal decision at a range of thresholds: an answer below the threshold becomes the
refusal (no text, no citations). Prints the strength distribution of answerable and unanswerable
questions and, per threshold, the answer metrics of assistant/evaluation/, and the band of thresholds
that meet the refusal targets with their margin to the nearest observed strength.
Register answers (motions, bills) do not go through the answerer's threshold and are listed apart.

Usage: python -m bench.answer_calibration STORE_DIR [--questions ../shared/eval/dev.jsonl]
(build the store first: imvo ingest --store STORE_DIR)
"""

from __future__ import annotations

import argparse
from fractions import Fraction
from pathlib import Path

from assistant.container import build_assistant
from assistant.evaluation import AnswerRecord, Targets, load_questions, score_answers
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 13)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="store directory (imvo ingest --store ...)")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    args = parser.parse_args()

    questions = load_questions(args.questions)
    settings = Settings(store_dir=args.store, answer_mode="extractive", refusal_threshold=0.0, audit_log=False)
    assistant = build_assistant(settings)
    answers = {q.id: assistant.ask(q.question) for q in questions}
    current = Settings().refusal_threshold

    print(f"Evidence strength per question (current refusal_threshold {current}); R = register answer")
    for answerable in (True, False):
        rows = sorted(
            (q for q in questions if q.answerable == answerable),
            key=lambda q: (answers[q.id].evidence_strength is None, answers[q.id].evidence_strength or 0),
        )
        print(f"\n  {'answerable' if answerable else 'unanswerable'} ({len(rows)})")
        for q in rows:
            answer = answers[q.id]
            strength = "   R " if answer.mode == "register" else f"{answer.evidence_strength:.3f}"
            print(f"    {strength}  {q.id:<6} {q.type:<12} {q.lang}  {q.question[:70]}")

    def scores_at(threshold: float):
        records = {}
        for q in questions:
            answer = answers[q.id]
            refused = not answer.answered or (
                answer.mode == "extractive" and (answer.evidence_strength or 0.0) < threshold
            )
            records[q.id] = AnswerRecord(
                text="" if refused else answer.text,
                answered=not refused,
                cited_texts=[] if refused else [c.passage.text for c in answer.citations],
            )
        return score_answers(questions, records)

    targets = Targets()

    def meets(scores) -> bool:
        return (
            scores.unanswerable > 0
            and Fraction(scores.refused_unanswerable, scores.unanswerable) >= targets.refused_unanswerable
            and Fraction(scores.wrongly_refused, scores.answerable) <= targets.wrongly_refused
        )

    print("\nthreshold  refused unanswerable  wrongly refused  key-term coverage  citation precision  targets")
    for threshold in THRESHOLDS:
        s = scores_at(threshold)
        print(
            f"  {threshold:>5.2f}   {s.refused_unanswerable:>6}/{s.unanswerable:<13} {s.wrongly_refused:>5}/{s.answerable:<9}"
            f" {_fmt(s.key_term_coverage):>12}  {_fmt(s.citation_precision):>17}      {'ok' if meets(s) else '-'}"
        )

    # Candidate thresholds: the middle of each gap between observed strengths; its margin is half the gap.
    strengths = sorted(
        {a.evidence_strength for a in answers.values() if a.mode == "extractive" and a.evidence_strength is not None}
    )
    print("\nThresholds that meet the refusal targets, with their margin to the nearest observed strength")
    print("  threshold  margin  refused unanswerable  wrongly refused")
    found = False
    for below, above in zip(strengths, strengths[1:]):
        threshold = round((below + above) / 2, 3)
        s = scores_at(threshold)
        if meets(s):
            found = True
            print(
                f"  {threshold:>9.3f}  {(above - below) / 2:>6.3f}  {s.refused_unanswerable:>6}/{s.unanswerable:<13}"
                f" {s.wrongly_refused:>5}/{s.answerable}"
            )
    if not found:
        print("  none: no threshold meets the refusal targets on these questions")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
