"""Measure retrieval settings on a question file: chunk sizes × fusion weights (dense vs BM25).

For each chunking it ingests the corpus into a temporary store, computes each leg's ranking once per
question and fuses them offline for every weight pair. Prints recall@5 and MRR@10 per combination.
Usage: python -m bench.tune_retrieval ../shared/eval/dev.jsonl [--chunks 140/250/60 100/160/40 ...]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from assistant.container import build_assistant
from assistant.evaluation import load_questions, score_retrieval
from assistant.retrieval.intents import kind_boosts, load_intents
from assistant.retrieval.query import query_groups
from assistant.retrieval.fusion import merge_overlapping, reciprocal_rank_fusion
from assistant.settings import Settings
from assistant.store.store import Store
from ingest.pipeline import run_ingest

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = [(1.0, 0.0), (0.0, 1.0), (1.0, 0.05), (1.0, 0.2), (1.0, 0.5), (1.0, 1.0)]


def legs(assistant, question: str, n: int) -> tuple[list[str], list[str]]:
    retriever = assistant.retriever
    lexical = assistant.store.lexical()
    groups, _ = query_groups(question, lexical.analyzer, retriever.lexicon, lexical.has_token)
    weights = lexical.kind_weights(kind_boosts(question, lexical.analyzer, load_intents()))
    bm25 = [h.chunk_id for h in lexical.search(groups, n, mask=weights)]
    dense = [h.chunk_id for h in assistant.store.vectors.search(question, n)]
    return bm25, dense


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path)
    parser.add_argument("--chunks", nargs="*", default=["140/250/60", "110/180/50", "90/150/40", "70/120/30"])
    parser.add_argument("--model", default=None, help="embedding model (default: the bundled one)")
    args = parser.parse_args()
    questions = [q for q in load_questions(args.questions)]
    answerable = [q for q in questions if q.answerable]
    embeddings = None
    print(f"{'chunks t/max/min':>18} {'passages':>8} {'bm25 w':>7} {'dense w':>7} {'R@5':>6} {'MRR@10':>7}")
    for spec in args.chunks:
        target, maximum, minimum = (int(x) for x in spec.split("/"))
        with tempfile.TemporaryDirectory() as tmp:
            overrides = dict(store_dir=Path(tmp), chunk_target_words=target, chunk_max_words=maximum,
                             chunk_min_words=minimum)
            if args.model:
                overrides["embedding_model"] = args.model
            settings = Settings(**overrides)
            store = Store(settings, embeddings_factory=(lambda: embeddings) if embeddings else None)
            run_ingest(store, [ROOT / "corpus"])
            embeddings = store.embeddings
            assistant = build_assistant(settings, store=store)
            rankings = {q.id: legs(assistant, q.question, 40) for q in answerable}
            for wb, wd in WEIGHTS:
                results = {}
                for q in answerable:
                    bm25, dense = rankings[q.id]
                    fused = reciprocal_rank_fusion([(bm25, wb), (dense, wd)], k=settings.rrf_k)[:30]
                    passages = merge_overlapping(store.db.passages([cid for cid, _ in fused]))
                    results[q.id] = [p.text for p in passages[:10]]
                m = score_retrieval(answerable, results).overall
                print(f"{spec:>18} {store.db.chunk_count():>8} {wb:>7.2f} {wd:>7.2f} {m.recall_at_5:>6.3f} {m.mrr_at_10:>7.3f}")
            store.close()


if __name__ == "__main__":
    main()
