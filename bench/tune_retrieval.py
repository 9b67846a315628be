"""Choose retrieval settings by k-fold cross-validation and print the held-out figures.

The corpus is ingested once into a temporary store; each leg's ranking (BM25 with and without the
lexicon's expansions, dense) is computed once per question and fused offline for every candidate
setting (dense weight, RRF constant, lexicon on/off). Each fold chooses the setting with the best
recall@5 + MRR@10 on its training questions and is scored on its own held-out questions; a question
and its rewordings stay in one fold. The in-sample choice is what the defaults should be.

Usage: python -m bench.tune_retrieval ../shared/eval/dev.jsonl [tests/data/dev_rewordings.jsonl] [--model M]
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from itertools import product
from pathlib import Path

from assistant.service.container import build_assistant
from assistant.evaluation import load_questions, score_retrieval
from assistant.evaluation.crossval import choose_by_cross_validation
from assistant.retrieval.fusion import merge_overlapping, reciprocal_rank_fusion
from assistant.retrieval.intents import kind_boosts, load_intents
from assistant.retrieval.query import query_groups
from assistant.core.settings import Settings
from assistant.service.container import build_store
from assistant.text.lexicon import Lexicon
from assistant.service.ingestion import ingest_files

ROOT = Path(__file__).resolve().parents[1]
DENSE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
RRF_KS = (10, 30, 60)
LEXICON = (True, False)
NO_LEXICON = Lexicon(abbreviations=(), glossary=(), en_nl={})


def legs(assistant, question: str, n: int) -> dict[str, list[str]]:
    lexical = assistant.store.lexical()
    weights = lexical.kind_weights(kind_boosts(question, lexical.analyzer, load_intents()))
    out = {}
    for name, lexicon in (("bm25", assistant.retriever.lexicon), ("bm25_plain", NO_LEXICON)):
        groups, _ = query_groups(question, lexical.analyzer, lexicon, lexical.has_token)
        out[name] = [h.chunk_id for h in lexical.search(groups, n, mask=weights)]
    out["dense"] = [h.chunk_id for h in assistant.store.vectors.search(question, n)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path, nargs="+")
    parser.add_argument("--model", default=None, help="embedding model (default: the configured one)")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    questions = [q for path in args.questions for q in load_questions(path) if q.answerable]
    with tempfile.TemporaryDirectory() as tmp:
        overrides: dict = {"store_dir": Path(tmp), "dense_weight": 1.0}
        if args.model:
            overrides["embedding_model"] = args.model
        settings = Settings(**overrides)
        store = build_store(settings)
        ingest_files(store, settings, [ROOT / "corpus"])
        assistant = build_assistant(settings, store=store)
        rankings = {q.id: legs(assistant, q.question, 40) for q in questions}

        # per (setting, question id): (recall@5, reciprocal rank)
        candidates = list(product(LEXICON, DENSE_WEIGHTS, RRF_KS))
        per_question: dict[tuple, dict[str, tuple[float, float]]] = {}
        for lexicon_on, dense_w, rrf_k in candidates:
            scores = {}
            for q in questions:
                r = rankings[q.id]
                fused = reciprocal_rank_fusion([(r["bm25" if lexicon_on else "bm25_plain"], 1.0), (r["dense"], dense_w)], k=rrf_k)
                passages = merge_overlapping(store.db.passages([cid for cid, _ in fused[:30]]))
                detail = score_retrieval([q], {q.id: [p.text for p in passages[:10]]}).details[0]
                scores[q.id] = (detail.recall_at_5, detail.reciprocal_rank)
            per_question[(lexicon_on, dense_w, rrf_k)] = scores
        store.close()

    groups = sorted({q.group for q in questions})
    by_group = {g: [q.id for q in questions if q.group == g] for g in groups}

    def mean(candidate: tuple, ids: Sequence[str], part: int | None = None) -> float:
        values = [per_question[candidate][i] for i in ids]
        if part is not None:
            return sum(v[part] for v in values) / len(values)
        return sum(r + m for r, m in values) / len(values)

    def objective(candidate: tuple, chosen_groups: Sequence[str]) -> float:
        return mean(candidate, [i for g in chosen_groups for i in by_group[g]])

    result = choose_by_cross_validation(groups, candidates, objective, k=args.folds)
    print(f"model: {settings.embedding_model}; {len(questions)} answerable questions in {len(groups)} groups; {args.folds} folds")
    print("chosen per fold (lexicon, dense weight, rrf k):", result.chosen_per_fold)
    # held-out recall@5 and MRR@10, originals and rewordings apart
    from assistant.evaluation.crossval import kfold

    kinds = {"original": lambda q: q.original is None, "rewording": lambda q: q.original is not None}
    for kind, keep in kinds.items():
        ids_of = {g: [q.id for q in questions if q.group == g and keep(q)] for g in groups}
        held = [(pick, [i for g in test for i in ids_of[g]]) for pick, (_, test) in zip(result.chosen_per_fold, kfold(groups, args.folds))]
        n = sum(len(ids) for _, ids in held)
        if not n:
            continue
        r5 = sum(mean(p, ids, 0) * len(ids) for p, ids in held if ids) / n
        mrr = sum(mean(p, ids, 1) * len(ids) for p, ids in held if ids) / n
        best_ids = [i for g in groups for i in ids_of[g]]
        print(f"{kind:>10}: held-out recall@5 {r5:.3f} MRR@10 {mrr:.3f}   "
              f"in-sample (chosen on all) recall@5 {mean(result.in_sample_best, best_ids, 0):.3f} "
              f"MRR@10 {mean(result.in_sample_best, best_ids, 1):.3f}   (n={n})")
    print("in-sample choice (the defaults):", result.in_sample_best)
    print("every setting, on all questions: lexicon dense_w rrf_k  recall@5 MRR@10")
    all_ids = [q.id for q in questions]
    for c in candidates:
        print(f"  {str(c[0]):>5} {c[1]:>5.2f} {c[2]:>3}  {mean(c, all_ids, 0):.3f} {mean(c, all_ids, 1):.3f}")


if __name__ == "__main__":
    main()
