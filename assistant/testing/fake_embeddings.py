"""A deterministic stand-in for the embedding model, for tests and benches that are about plumbing, not meaning."""

from __future__ import annotations

import hashlib
import math

from langchain_core.embeddings import Embeddings


class HashEmbeddings(Embeddings):
    """Bag-of-words hashed into a small normalised vector: same text, same vector; shared words, closer."""

    def __init__(self, model_id: str = "test-hash-embeddings", dimension: int = 64) -> None:
        self.model_id = model_id
        self.dimension = dimension
        self.seconds_spent = 0.0
        self.calls = 0
        self.embedded = 0

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for word in text.lower().split():
            h = int(hashlib.md5(word.encode()).hexdigest(), 16)
            vec[h % self.dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        self.embedded += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
