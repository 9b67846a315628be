"""Hybrid search over an index reader: BM25 (Dutch analysis, query expansion) + dense vectors, fused by RRF."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from assistant.core.model import Passage
from assistant.retrieval.filters import SearchFilters
from assistant.retrieval.intents import kind_boosts, load_intents
from assistant.retrieval.query import query_groups
from assistant.retrieval.fusion import merge_overlapping, reciprocal_rank_fusion
from assistant.core.protocols import IndexReader
from assistant.core.settings import RetrievalSettings
from assistant.text.lexicon import Lexicon
from assistant.text.question import Question


class Reranker(Protocol):
    def rerank(self, query: str, passages: Sequence[Passage]) -> list[Passage]: ...


@runtime_checkable
class PassageRetriever(Protocol):
    """What the answerers and the LangChain adapter need: ranked passages for a query."""

    def search(self, query: str | Question, k: int | None = None, filters: SearchFilters | None = None) -> SearchResult: ...


@dataclass
class SearchResult:
    query: str
    passages: list[Passage]
    expansions: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)


class HybridRetriever:
    def __init__(
        self, index: IndexReader, lexicon: Lexicon, settings: RetrievalSettings, reranker: Reranker | None = None
    ) -> None:
        self.index = index
        self.lexicon = lexicon
        self.settings = settings
        self.reranker = reranker
        self._catalog: tuple[int, list[Passage]] | None = None

    def _allowed(self, filters: SearchFilters) -> list[Passage]:
        generation = self.index.generation
        if self._catalog is None or self._catalog[0] != generation:
            self._catalog = (generation, self.index.catalog())
        return [p for p in self._catalog[1] if filters.allows(p)]

    def search(self, question: str | Question, k: int | None = None, filters: SearchFilters | None = None) -> SearchResult:
        """Ranked passages for an analysed question (a plain string is analysed here)."""
        k = k or self.settings.top_k
        n = max(self.settings.candidate_k, k)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        lexical = self.index.lexical()
        analysed = question if isinstance(question, Question) else None
        query = analysed.text if analysed else question
        groups, expanded = query_groups(
            query, lexical.analyzer, self.lexicon, lexical.has_token, expanded=analysed.expanded if analysed else None
        )

        allowed_ids: set[str] | None = None
        allowed_docs: list[str] | None = None
        mask = None
        if filters and filters.active:
            allowed = self._allowed(filters)
            allowed_ids = {p.chunk_id for p in allowed}
            allowed_docs = sorted({p.doc_id for p in allowed})
            mask = lexical.mask_for(list(allowed_ids))
        weights = lexical.kind_weights(
            kind_boosts(query, lexical.analyzer, load_intents(), tokens=analysed.stems if analysed else None)
        )
        if weights is not None:
            mask = weights if mask is None else mask * weights
        lexical_hits = lexical.search(groups, n, mask=mask)
        lexical_ids = [h.chunk_id for h in lexical_hits]
        timings["bm25"] = (time.perf_counter() - t0) * 1000

        t1 = time.perf_counter()
        dense_hits = []
        dense_weight = self.settings.dense_weight or 0.0  # resolved for the embedding model by the settings
        if dense_weight > 0 and allowed_docs != []:
            hits = self.index.dense_search(query, n, doc_ids=allowed_docs)
            dense_hits = [h for h in hits if allowed_ids is None or h.chunk_id in allowed_ids]
        dense_ids = [h.chunk_id for h in dense_hits]
        timings["dense"] = (time.perf_counter() - t1) * 1000

        t2 = time.perf_counter()
        fused = reciprocal_rank_fusion(
            [(lexical_ids, self.settings.bm25_weight), (dense_ids, dense_weight)], k=self.settings.rrf_k
        )
        top = fused[: max(k * 3, 15)]
        passages = self.index.passages([cid for cid, _ in top])  # committed passages only
        scores = dict(top)
        signals = _leg_signals(lexical_hits, dense_hits)
        for p in passages:
            p.score = scores[p.chunk_id]
            p.signals = signals.get(p.chunk_id, {})
        passages = merge_overlapping(passages)
        if self.reranker is not None:
            passages = self.reranker.rerank(query, passages)
        timings["fuse"] = (time.perf_counter() - t2) * 1000
        timings["total"] = (time.perf_counter() - t0) * 1000
        return SearchResult(query=query, passages=passages[:k], expansions=expanded.expansions, timings_ms=timings)


def _leg_signals(lexical_hits, dense_hits) -> dict[str, dict[str, float]]:
    """Per chunk id: each leg's rank and score (BM25 relative to its best hit, so questions compare)."""
    signals: dict[str, dict[str, float]] = {}
    best = lexical_hits[0].score if lexical_hits else 0.0
    for rank, hit in enumerate(lexical_hits, start=1):
        signals.setdefault(hit.chunk_id, {}).update(bm25=hit.score / best if best else 0.0, bm25_raw=hit.score, bm25_rank=rank)
    for rank, hit in enumerate(dense_hits, start=1):
        signals.setdefault(hit.chunk_id, {}).update(dense=hit.similarity, dense_rank=rank)
    return signals
