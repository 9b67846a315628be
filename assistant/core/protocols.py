"""The seams between layers: what ingest writes through and what retrieval reads through.

The store (assistant/store/) implements both; ingest and retrieval import only these protocols, so
neither knows how passages are kept, and the store knows nothing of either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from assistant.core.model import DocumentUpdate, Passage, ProgressFn, StoredDocument


@dataclass
class WriteStats:
    embedded: int = 0  # passages embedded by this write (a rerun after a crash embeds only what is missing)
    embed_seconds: float = 0.0


class IndexWriter(Protocol):
    """What an ingest run writes through: one commit per run, vectors first and invisible until committed."""

    def stored_documents(self) -> list[StoredDocument]: ...

    def check_model(self) -> None:
        """Refuse (ModelMismatchError) when the store was built with another embedding model."""

    def reset(self) -> None:
        """Start over: load the configured model first, then drop every passage, vector and index."""

    @property
    def needs_write(self) -> bool:
        """An earlier write was interrupted between its vectors and its commit."""

    def write(self, updates: Sequence[DocumentUpdate], removed: Sequence[str], progress: ProgressFn) -> WriteStats:
        """Embed what is new, commit `updates` and the removal of the `removed` doc ids in one step, bring
        the search indexes in line."""

    def repair(self, progress: ProgressFn) -> list[str]:
        """Fix what a crash, a concurrent writer or damage left behind; what was fixed, one line each."""


class Analyzer(Protocol):
    def analyze(self, text: str) -> list[str]: ...


class LexicalHit(Protocol):
    chunk_id: str
    score: float


class DenseHit(Protocol):
    chunk_id: str
    similarity: float


class LexicalSearch(Protocol):
    """A BM25 index over the committed passages, with the analysis its terms went through."""

    analyzer: Analyzer

    def has_token(self, token: str) -> bool: ...

    def mask_for(self, chunk_ids: Sequence[str]) -> np.ndarray: ...

    def kind_weights(self, boosts: dict[str, float]) -> np.ndarray | None: ...

    def search(
        self, weighted_tokens: Sequence[tuple[list[str], float]], k: int, *, mask: np.ndarray | None = None
    ) -> Sequence[LexicalHit]: ...


class IndexReader(Protocol):
    """What retrieval reads: committed passages only, through BM25 and dense search."""

    @property
    def generation(self) -> int:
        """Bumped by every commit: what a reader caches is current while this stays the same."""

    def catalog(self) -> list[Passage]:
        """Every passage without its text: enough to apply search filters."""

    def passages(self, chunk_ids: Sequence[str]) -> list[Passage]:
        """The committed passages with these ids, in that order; unknown ids dropped."""

    def lexical(self) -> LexicalSearch: ...

    def dense_search(self, query: str, k: int, doc_ids: Sequence[str] | None = None) -> Sequence[DenseHit]: ...
