"""The optional cross-encoder reranker: off by default, and a clear error when its model is missing."""

from __future__ import annotations

import pytest

from assistant.service.container import build_reranker
from assistant.core.errors import ConfigurationError
from assistant.core.model import Passage
from assistant.components.rerank import CrossEncoderReranker
from assistant.core.settings import Settings


def test_reranker_is_off_by_default() -> None:
    assert build_reranker(Settings()) is None


def test_missing_cross_encoder_model_names_the_setting(tmp_path) -> None:
    with pytest.raises(ConfigurationError, match="IMVO_RERANKER"):
        build_reranker(Settings(reranker="cross-encoder", reranker_model=str(tmp_path / "geen-model")))


def test_rerank_orders_by_the_model_score() -> None:
    class FakeModel:
        def predict(self, pairs, show_progress_bar=False):
            return [len(text) for _q, text in pairs]

    reranker = CrossEncoderReranker.__new__(CrossEncoderReranker)
    reranker._model = FakeModel()
    passages = [Passage(chunk_id=c, doc_id="d", text=t, title="T", doc_type="x", date=None, source="s", page=1)
                for c, t in (("a", "kort"), ("b", "een veel langere passage"))]
    assert [p.chunk_id for p in reranker.rerank("vraag", passages)] == ["b", "a"]
