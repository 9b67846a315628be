"""Query benchmark: warm search/answer latency on the corpus, the tutorial pipeline beside it, and
search latency on a generated store of ≥ 100,000 passages. Prints figures; asserts nothing.

Run with `make bench` or `python -m bench.query_bench [--chunks 100000]`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from assistant.service.container import build_assistant
from assistant.evaluation import load_questions, score_retrieval
from assistant.core.settings import BUNDLED_MODEL, Settings
from assistant.service.container import build_store
from bench.generate import corpus_sentences
from bench.ingest_bench import machine, peak_rss_mb
from assistant.core.model import Chunk, DocumentMetadata, DocumentUpdate
from assistant.service.ingestion import ingest_files

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def timed(fn, items, repeat: int = 3) -> list[float]:
    samples = []
    for _ in range(repeat):
        for item in items:
            t0 = time.perf_counter()
            fn(item)
            samples.append((time.perf_counter() - t0) * 1000)
    return samples


def line(name: str, samples: list[float]) -> str:
    return f"{name:<48} p50 {statistics.median(samples):7.1f} ms   p95 {pct(samples, 95):7.1f} ms   (n={len(samples)})"


def tutorial_pipeline(questions, embeddings, tmp: Path) -> None:
    """LangChain's tutorial: RecursiveCharacterTextSplitter(1000/200), all-MiniLM-L6-v2, Chroma similarity search."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts = [c for path in sorted((ROOT / "corpus").glob("*.txt")) for c in splitter.split_text(path.read_text("utf-8"))]
    client = chromadb.PersistentClient(path=str(tmp / "tutorial"), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection("tutorial", embedding_function=None, configuration={"hnsw": {"space": "l2"}})
    collection.add(ids=[str(i) for i in range(len(texts))], documents=texts, embeddings=embeddings.embed_documents(texts))

    def search(q: str) -> list[str]:
        return collection.query(query_embeddings=[embeddings.embed_query(q)], n_results=10)["documents"][0]

    answerable = [q for q in questions if q.answerable]
    scores = score_retrieval(answerable, {q.id: search(q.question) for q in answerable})
    samples = timed(search, [q.question for q in questions])
    print(f"tutorial pipeline ({len(texts)} chunks): recall@5 {scores.recall_at_5:.3f}, MRR@10 {scores.mrr_at_10:.3f}")
    print(line("tutorial pipeline search (warm)", samples))


def corpus_figures(questions, tmp: Path) -> object:
    settings = Settings(store_dir=tmp / "store")
    store = build_store(settings)
    ingest_files(store, settings, [ROOT / "corpus"])
    assistant = build_assistant(settings, store=store)
    texts = [q.question for q in questions]
    assistant.search("opwarmen: het model laden")
    # new questions first: their query vectors are not cached yet
    print(line("IMVO search, new questions (default settings)", timed(assistant.search, texts, repeat=1)))
    answerable = [q for q in questions if q.answerable]
    scores = score_retrieval(answerable, {q.id: [p.text for p in assistant.search(q.question, k=10).passages]
                                          for q in answerable})
    print(f"IMVO hybrid retrieval ({store.db.chunk_count()} passages, dense weight "
          f"{settings.effective_dense_weight}): recall@5 {scores.recall_at_5:.3f}, MRR@10 {scores.mrr_at_10:.3f}")
    print(line("IMVO search, asked again (query vector cached)", timed(assistant.search, texts)))
    # a second store object on the same files: a new model instance, so no question is cached yet
    other = build_assistant(settings, store=build_store(settings))
    other.ask("opwarmen: het model laden")
    print(line("IMVO extractive answer incl. search, new questions", timed(other.ask, texts, repeat=1)))
    print(line("IMVO extractive answer incl. search, asked again", timed(other.ask, texts)))
    bm25_only = build_assistant(settings.model_copy(update={"dense_weight": 0.0}), store=store)
    print(line("IMVO search with the dense leg off", timed(bm25_only.search, texts)))


def minilm_embeddings():
    from assistant.components.embeddings import build_embeddings

    return build_embeddings(Settings(embedding_model=BUNDLED_MODEL))


def generated_store(n_chunks: int, tmp: Path, dimension: int) -> None:
    """A store of n_chunks generated passages, written directly (vectors are seeded random unit vectors:
    HNSW search time depends on the count and dimension, not on what the vectors mean)."""
    rng = random.Random(11)
    pool = corpus_sentences(ROOT / "corpus")
    settings = Settings(store_dir=tmp / "big", embedding_model="bench-random-vectors", dense_weight=1.0)

    class RandomEmbeddings:
        model_id = "bench-random-vectors"

        def __init__(self) -> None:
            self.dimension = dimension
            self.seconds_spent = 0.0
            self._rng = np.random.default_rng(5)

        def _unit(self, n: int) -> list[list[float]]:
            v = self._rng.standard_normal((n, dimension)).astype(np.float32)
            return (v / np.linalg.norm(v, axis=1, keepdims=True)).tolist()

        def embed_documents(self, texts):
            return self._unit(len(texts))

        def embed_query(self, text):
            return self._unit(1)[0]

    emb = RandomEmbeddings()
    store = build_store(settings, embeddings=emb)
    t0 = time.perf_counter()
    per_doc = 500
    updates = []
    for d in range(n_chunks // per_doc):
        doc_id = f"gen-{d:04d}"
        meta = DocumentMetadata(doc_id=doc_id, title=f"Gegenereerde brief {d}", doc_type="Kamerbrief",
                                date=f"{2012 + d % 12}-0{1 + d % 9}-1{d % 9}", source=f"{doc_id}.txt")
        chunks, offset = [], 0
        for i in range(per_doc):
            text = " ".join(rng.choice(pool) for _ in range(6))
            chunks.append(Chunk(chunk_id=f"{doc_id}:{i:04d}:{abs(hash(text)) % 10**10:010d}", doc_id=doc_id, text=text,
                                page=1 + i // 4, start=offset, end=offset + len(text), ordinal=i))
            offset += len(text) + 2
        updates.append(DocumentUpdate(meta, f"/generated/{doc_id}.txt", doc_id, doc_id, per_doc // 4, chunks, "", []))
    vectors = store.vectors
    for u in updates:
        vectors.upsert([c.chunk_id for c in u.chunks], [c.text for c in u.chunks],
                       [{"doc_id": u.metadata.doc_id} for _ in u.chunks])
    store.db.commit_changes(updates, [])
    store.rebuild_lexical()
    print(f"generated store: {store.db.chunk_count()} passages, {dimension}-dim vectors, built in "
          f"{time.perf_counter() - t0:.0f} s")
    assistant = build_assistant(settings, store=store)
    questions = [q.question for q in load_questions(DEV)] if DEV.exists() else ["convenant textiel kinderarbeid"]
    assistant.search(questions[0])
    print(line(f"search on {store.db.chunk_count()} passages, hybrid (BM25 + dense)", timed(assistant.search, questions)))
    bm25_only = build_assistant(settings.model_copy(update={"dense_weight": 0.0}), store=store)
    print(line(f"search on {store.db.chunk_count()} passages, BM25 only", timed(bm25_only.search, questions)))
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=100_000)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    questions = load_questions(DEV)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus_figures(questions, tmp_path)
        tutorial_pipeline(questions, minilm_embeddings(), tmp_path)
        generated_store(args.chunks, tmp_path, 384)
    print(f"peak resident memory of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
