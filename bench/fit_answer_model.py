"""Fit the extractive answer model on the development questions and print k-fold held-out figures.

Examples come from what retrieval really returns (top 5, default settings) for every question and its
rewordings:
- sentence model: a sentence is positive when it holds (part of) an evidence string of its question;
- answerability model: a question with its top 5 is positive when a passage holds its evidence;
  unanswerable questions are negative, and so is every answerable question asked again with the
  passages that hold its evidence taken out (what a user meets when the corpus lacks the fact).
Selection ratios and the answer threshold are chosen on the answer metrics (key-term coverage,
citation precision, refusals). Every figure printed as "held-out" comes from folds that did not fit
it; a question and its rewordings stay in one fold. The fit on all questions is saved to
assistant/data/answer_model.json with the figures under `report`.

Usage: python -m bench.fit_answer_model ../shared/eval/dev.jsonl tests/data/dev_rewordings.jsonl [--check]
  --check: print the held-out figures, do not write the model file.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from assistant.answer.answer_model import LEXICAL_MODEL_FILE, MODEL_FILE, AnswerModel, LogisticModel, Selection
from assistant.answer.candidates import sentence_candidates
from assistant.answer.extractive import render, select_sentences
from assistant.answer.signals import QUESTION_FEATURES, SENTENCE_FEATURES, question_signals, sentence_signals
from assistant.service.container import build_question_analyzer, build_retriever
from assistant.evaluation import evidence_supported, key_term_present, load_questions, normalise
from assistant.evaluation.crossval import kfold
from assistant.core.settings import Settings
from assistant.service.container import build_store
from assistant.service.ingestion import ingest_files

ROOT = Path(__file__).resolve().parents[1]
TOP_K = 5
KEEP = (0.5, 0.7, 0.85)
OTHER = (0.8, 0.95, 1.01)  # 1.01: never quote another passage
MAX_SENTENCES = (3, 5)
CONCISE = (1, 2)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.2, 0.81, 0.05))


@dataclass
class Case:
    """One question with the passages an answerer would get."""

    id: str
    group: str
    question: object  # Question
    eval_q: object  # EvalQuestion
    passages: list
    answerable: bool  # do these passages hold the evidence?
    real: bool  # a question as asked (not one with its evidence taken out)
    scored: list = field(default_factory=list)
    labels: list = field(default_factory=list)


def holds_evidence(sentence: str, evidence: tuple[str, ...]) -> bool:
    s = normalise(sentence)
    for e in evidence:
        n = normalise(e)
        if not n or len(s) < 12:
            continue
        if n in s or s in n or evidence_supported(e, sentence):
            return True
        if len(n) >= 12 and fuzz.partial_ratio(s, n) >= 90 and len(s) >= 0.5 * min(len(n), 80):
            return True  # evidence running over a sentence end: the sentence holds a large part of it
    return False


def build_cases(paths: list[Path]) -> list[Case]:
    questions = [q for p in paths for q in load_questions(p)]
    tmp = tempfile.mkdtemp()
    # the lexical model serves stores whose dense leg is off: it learns from BM25-only retrieval
    settings = Settings(store_dir=Path(tmp), dense_weight=0.0) if LEXICAL else Settings(store_dir=Path(tmp))
    store = build_store(settings)
    ingest_files(store, settings, [ROOT / "corpus"])
    analyse = build_question_analyzer(store)
    retriever = build_retriever(settings, store)
    cases = []
    for q in questions:
        question = analyse(q.question)
        found = retriever.search(q.question, k=3 * TOP_K).passages
        top = found[:TOP_K]
        has = [any(evidence_supported(e, p.text) for e in q.evidence) for p in found]
        cases.append(Case(q.id, q.group, question, q, top, q.answerable and any(has[:TOP_K]), True))
        if q.answerable:
            rest = [p for p, h in zip(found, has) if not h][:TOP_K]
            cases.append(Case(q.id + "~", q.group, question, q, rest, False, False))
    for case in cases:
        candidates = sentence_candidates(case.passages, store.lexical().analyzer.analyze)
        case.scored = sentence_signals(case.question, candidates, case.passages, store.lexical().analyzer.analyze)
        case.labels = [case.answerable and holds_evidence(s.candidate.text, case.eval_q.evidence) for s in case.scored]
    store.close()
    return cases


C = 0.1  # strong regularisation: a few hundred examples, a dozen correlated signals


def fit_logistic(x: np.ndarray, y: np.ndarray, names: tuple[str, ...]) -> LogisticModel:
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(scaler.transform(x), y)
    return LogisticModel(
        features=names,
        mean=tuple(float(v) for v in scaler.mean_),
        scale=tuple(float(v) if v > 0 else 1.0 for v in scaler.scale_),
        coef=tuple(float(v) for v in model.coef_[0]),
        intercept=float(model.intercept_[0]),
    )


DENSE_FEATURES = {"dense", "dense_gap", "best_dense"}
LEXICAL = False  # set by --lexical: fit without the dense signals


def feature_names(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if not (LEXICAL and n in DENSE_FEATURES))


def fit_models(train: list[Case]) -> tuple[LogisticModel, LogisticModel]:
    rows = [(s.features, y) for c in train for s, y in zip(c.scored, c.labels)]
    names = feature_names(SENTENCE_FEATURES)
    x = np.array([[f[n] for n in names] for f, _ in rows])
    y = np.array([int(v) for _, v in rows])
    sentence = fit_logistic(x, y, names)
    qx, qy = [], []
    for c in train:
        if not c.scored:
            continue
        for s in c.scored:
            s.probability = sentence.probability(s.features)
        q = question_signals(c.question, c.scored, c.passages)
        qx.append([q[n] for n in feature_names(QUESTION_FEATURES)])
        qy.append(int(c.answerable))
    answerable = fit_logistic(np.array(qx), np.array(qy), feature_names(QUESTION_FEATURES))
    return sentence, answerable


def apply(models: tuple[LogisticModel, LogisticModel], cases: list[Case]) -> dict[str, float]:
    """P(answerable) per case id; sets sentence probabilities in place."""
    sentence, answerable = models
    out = {}
    for c in cases:
        for s in c.scored:
            s.probability = sentence.probability(s.features)
        out[c.id] = answerable.probability(question_signals(c.question, c.scored, c.passages)) if c.scored else 0.0
    return out


def answer_quality(case: Case, selection: Selection) -> tuple[float, float, int, int]:
    """(key-term coverage, citation precision, cited passages holding evidence, cited passages) of the
    answer these settings quote."""
    chosen = select_sentences(case.scored, case.question, selection)
    text = render(chosen, case.question, case.question.language)
    terms = case.eval_q.key_terms
    coverage = sum(key_term_present(t, text) for t in terms) / len(terms) if terms else 1.0
    cited = {s.candidate.rank for s in chosen}
    holding = sum(any(evidence_supported(e, case.passages[r].text) for e in case.eval_q.evidence) for r in cited)
    return coverage, holding / len(cited), holding, len(cited)


def choose_selection(cases: list[Case]) -> Selection:
    answerable = [c for c in cases if c.real and c.eval_q.answerable and c.scored]
    best, best_score = None, -1.0
    for keep, other, most, concise in product(KEEP, OTHER, MAX_SENTENCES, CONCISE):
        sel = Selection(answer_threshold=0.5, keep_ratio=keep, other_passage_ratio=other, max_sentences=most, concise_sentences=concise)
        quality = [answer_quality(c, sel) for c in answerable]
        # key-term coverage per question, citation precision over all cited passages (as the eval counts it)
        coverage = sum(q[0] for q in quality) / max(1, len(quality))
        precision = sum(q[2] for q in quality) / max(1, sum(q[3] for q in quality))
        score = coverage + precision
        if score > best_score:
            best, best_score = sel, score
    return best


def choose_threshold(cases: list[Case], p: dict[str, float]) -> float:
    """Balanced: mean share of answerable questions answered + mean share of unanswerable ones refused."""
    pos = [c for c in cases if c.eval_q.answerable and c.real]
    unanswerable = [c for c in cases if c.real and not c.eval_q.answerable]
    taken_out = [c for c in cases if not c.real]

    def share(group: list[Case], refuse: bool, t: float) -> float:
        return sum((p[c.id] < t) == refuse for c in group) / max(1, len(group))

    def objective(t: float) -> float:
        # a wrong refusal hides an answer the passages hold: it costs twice a wrong answer, which the
        # reader can check against the passage beside it. Real unanswerable questions and those with
        # their evidence taken out count half each.
        return share(pos, False, t) + 0.25 * (share(unanswerable, True, t) + share(taken_out, True, t))

    return max(THRESHOLDS, key=objective)


def fit_all(train: list[Case]) -> AnswerModel:
    models = fit_models(train)
    p = apply(models, train)
    selection = choose_selection(train).model_copy(update={"answer_threshold": choose_threshold(train, p)})
    return AnswerModel(sentence=models[0], answerable=models[1], selection=selection)


def figures(model: AnswerModel, cases: list[Case]) -> dict[str, dict[str, float]]:
    """The eval's answer metrics on the real questions of `cases`, originals and rewordings apart."""
    p = apply((model.sentence, model.answerable), cases)
    out: dict[str, dict[str, float]] = {}
    for kind, keep in (("original", lambda c: c.eval_q.original is None), ("rewording", lambda c: c.eval_q.original is not None)):
        real = [c for c in cases if c.real and keep(c)]
        if not real:
            continue
        pos = [c for c in real if c.eval_q.answerable]
        neg = [c for c in real if not c.eval_q.answerable]
        answered = [c for c in pos if p[c.id] >= model.selection.answer_threshold and c.scored]
        quality = [answer_quality(c, model.selection) for c in answered]
        out[kind] = {
            "key-term coverage": sum(q[0] for q in quality) / max(1, len(pos)),
            "citation precision": sum(q[2] for q in quality) / max(1, sum(q[3] for q in quality)),
            "unanswerable refused": sum(p[c.id] < model.selection.answer_threshold for c in neg) / max(1, len(neg)),
            "answerable wrongly refused": 1 - len(answered) / max(1, len(pos)),
            "n": len(real),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="print held-out figures only; keep the model file")
    parser.add_argument("--lexical", action="store_true",
                        help="fit without the dense signals (assistant/data/answer_model_lexical.json): for a dense "
                        "leg that is off or uses another embedding model")
    args = parser.parse_args()
    global LEXICAL
    LEXICAL = args.lexical
    cases = build_cases(args.questions)
    groups = sorted({c.group for c in cases})
    held: dict[str, float] = {}
    counts: dict[str, float] = {}
    for train_groups, test_groups in kfold(groups, args.folds):
        train = [c for c in cases if c.group in set(train_groups)]
        test = [c for c in cases if c.group in set(test_groups)]
        for kind, metrics in figures(fit_all(train), test).items():
            for metric, value in metrics.items():
                if metric != "n":
                    key = f"{kind} {metric}"
                    held[key] = held.get(key, 0.0) + value * metrics["n"]
                    counts[key] = counts.get(key, 0.0) + metrics["n"]
    held = {k: v / counts[k] for k, v in held.items()}
    model = fit_all(cases)
    in_sample = {f"{kind} {m}": v for kind, ms in figures(model, cases).items() for m, v in ms.items() if m != "n"}
    print(f"{len(cases)} cases ({sum(c.real for c in cases)} questions as asked), {len(groups)} groups, {args.folds} folds")
    print(f"{'metric':<42} {'held-out':>9} {'in-sample':>10}")
    for key in held:
        print(f"{key:<42} {held[key]:>9.3f} {in_sample[key]:>10.3f}")
    print("selection (fit on all):", model.selection.model_dump())
    if not args.check:
        model.report = {
            "questions": [str(p) for p in args.questions],
            "folds": args.folds,
            "held_out": {k: round(v, 3) for k, v in held.items()},
            "in_sample": {k: round(v, 3) for k, v in in_sample.items()},
        }
        target = LEXICAL_MODEL_FILE if args.lexical else MODEL_FILE
        model.embedding_model = None if args.lexical else Settings().embedding_model
        model.save(target)
        print(f"saved {target}")


if __name__ == "__main__":
    main()
