"""Weighted reciprocal rank fusion and merging of overlapping passages."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.core.model import Passage


def reciprocal_rank_fusion(rankings: Sequence[tuple[Sequence[str], float]], k: int = 60) -> list[tuple[str, float]]:
    """Fuse ranked id lists, each with a weight: score(id) = Σ weight / (k + rank)."""
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        if weight <= 0:
            continue
        for rank, item in enumerate(ids, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def _overlap(a: Passage, b: Passage) -> float:
    if a.doc_id != b.doc_id:
        return 0.0
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def merge_overlapping(passages: Sequence[Passage], threshold: float = 0.5) -> list[Passage]:
    """Drop passages that mostly repeat a better-ranked one (chunk overlap, duplicate text)."""
    kept: list[Passage] = []
    seen_text: set[str] = set()
    for p in passages:
        key = " ".join(p.text.split()).lower()
        if key in seen_text or any(_overlap(p, q) >= threshold for q in kept):
            continue
        seen_text.add(key)
        kept.append(p)
    return kept
