"""Optional cross-encoder reranking (off by default: no multilingual cross-encoder is available offline here)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.core.errors import ConfigurationError
from assistant.core.model import Passage


class CrossEncoderReranker:
    def __init__(self, model_name_or_path: str, device: str = "cpu") -> None:
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as exc:  # pragma: no cover
            raise ConfigurationError("reranking needs sentence-transformers: pip install sentence-transformers") from exc
        try:
            self._model = CrossEncoder(model_name_or_path, device=device)
        except OSError as exc:
            raise ConfigurationError(
                f"cannot load cross-encoder {model_name_or_path!r}: give a local path or a cached model, "
                "or set IMVO_RERANKER=none"
            ) from exc

    def rerank(self, query: str, passages: Sequence[Passage]) -> list[Passage]:
        if not passages:
            return []
        scores = self._model.predict([(query, p.text) for p in passages], show_progress_bar=False)
        ranked = sorted(zip(passages, scores, strict=True), key=lambda ps: -float(ps[1]))
        for p, s in ranked:
            p.score = float(s)
        return [p for p, _ in ranked]
