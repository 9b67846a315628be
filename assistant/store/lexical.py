"""BM25 over the passages (bm25s), saved beside Chroma with the analyzer that built it.

The index is a snapshot of one PassageDB generation; it is written to a temporary directory and
swapped in with a rename, so a killed ingest leaves the previous snapshot intact.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.text.analysis import DutchAnalyzer

log = logging.getLogger(__name__)


def _import_bm25s():
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
    return bm25s


@dataclass
class LexicalHit:
    chunk_id: str
    score: float


class LexicalIndex:
    def __init__(
        self, bm25: object, chunk_ids: list[str], analyzer: DutchAnalyzer, generation: int, kinds: list[str] | None = None
    ) -> None:
        self._bm25 = bm25
        self.chunk_ids = chunk_ids
        self.kinds = np.array(kinds if kinds is not None else ["paragraph"] * len(chunk_ids))
        self.analyzer = analyzer
        self.generation = generation
        self._position = {cid: i for i, cid in enumerate(chunk_ids)}

    @classmethod
    def build(
        cls, chunk_ids: Sequence[str], texts: Sequence[str], generation: int, kinds: Sequence[str] | None = None
    ) -> LexicalIndex:
        bm25s = _import_bm25s()
        analyzer = DutchAnalyzer.fit(texts)
        tokens = analyzer.analyze_many(list(texts))
        bm25 = bm25s.BM25()
        if tokens:
            bm25.index(tokens, show_progress=False)
        return cls(bm25, list(chunk_ids), analyzer, generation, list(kinds) if kinds is not None else None)

    def has_token(self, token: str) -> bool:
        return token in getattr(self._bm25, "vocab_dict", {})

    def kind_weights(self, boosts: dict[str, float]) -> np.ndarray | None:
        if not boosts:
            return None
        weights = np.ones(len(self.chunk_ids), dtype=np.float32)
        for kind, factor in boosts.items():
            weights[self.kinds == kind] = factor
        return weights

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def mask_for(self, chunk_ids: Sequence[str]) -> np.ndarray:
        mask = np.zeros(len(self.chunk_ids), dtype=np.float32)
        for cid in chunk_ids:
            pos = self._position.get(cid)
            if pos is not None:
                mask[pos] = 1.0
        return mask

    def scores(self, weighted_tokens: Sequence[tuple[list[str], float]]) -> np.ndarray:
        """BM25 scores of every passage for a query given as (tokens, weight) groups."""
        total = np.zeros(len(self.chunk_ids), dtype=np.float32)
        if not self.chunk_ids:
            return total
        for tokens, weight in weighted_tokens:
            ids = self._bm25.get_tokens_ids(list(tokens))
            if ids and weight:
                total += weight * self._bm25.get_scores_from_ids(ids)
        return total

    def search(
        self, weighted_tokens: Sequence[tuple[list[str], float]], k: int, *, mask: np.ndarray | None = None
    ) -> list[LexicalHit]:
        scores = self.scores(weighted_tokens)
        if mask is not None:
            scores = scores * mask
        k = min(k, len(scores))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [LexicalHit(self.chunk_ids[i], float(scores[i])) for i in top if scores[i] > 0]

    # --- persistence --------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        tmp = directory.with_name(directory.name + ".tmp")
        old = directory.with_name(directory.name + ".old")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.chunk_ids:
            self._bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "analyzer.json").write_text(json.dumps(self.analyzer.to_dict(), ensure_ascii=False), encoding="utf-8")
        (tmp / "index.json").write_text(
            json.dumps({"generation": self.generation, "chunk_ids": self.chunk_ids, "kinds": self.kinds.tolist()}), encoding="utf-8"
        )
        (tmp / "generation").write_text(str(self.generation), encoding="utf-8")
        shutil.rmtree(old, ignore_errors=True)
        if directory.exists():
            directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def saved_generation(directory: Path) -> int | None:
        marker = directory / "generation"
        try:
            return int(marker.read_text(encoding="utf-8")) if marker.exists() else None
        except (OSError, ValueError):
            return None  # damaged: treated as missing, so it is rebuilt

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        """The saved snapshot, or None when there is none (an interrupted swap leaves `.old`, used then)."""
        bm25s = _import_bm25s()
        for candidate in (directory, directory.with_name(directory.name + ".old")):
            info = candidate / "index.json"
            if info.exists():
                try:
                    data = json.loads(info.read_text(encoding="utf-8"))
                    analyzer = DutchAnalyzer.from_dict(json.loads((candidate / "analyzer.json").read_text(encoding="utf-8")))
                    bm25 = bm25s.BM25.load(str(candidate / "bm25")) if data["chunk_ids"] else bm25s.BM25()
                    index = cls(bm25, data["chunk_ids"], analyzer, int(data["generation"]), data.get("kinds"))
                except Exception as exc:  # any damage (garbage, truncation, wrong shapes): rebuild from SQLite
                    log.warning("BM25 snapshot in %s is unreadable (%s): it is rebuilt from the passages", candidate, exc)
                    continue
                if len(index.chunk_ids) != len(index.kinds):
                    log.warning("BM25 snapshot in %s is inconsistent: it is rebuilt from the passages", candidate)
                    continue
                return index
        return None
