"""Passage vectors in Chroma: a local PersistentClient under the store directory, or a Chroma server.

The collection records the embedding model, its dimension and the index schema version; opening it
with another model raises ModelMismatchError instead of mixing vector spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.core.errors import ConfigurationError, ModelMismatchError
from assistant.core.model import Passage
from assistant.core.settings import StoreSettings

SCHEMA_VERSION = 1


class ImvoEmbeddingFunction:
    """Chroma's embedding-function protocol over our LangChain Embeddings.

    Passed explicitly so Chroma never falls back to its default (which downloads a model). Chroma
    rebuilds it from the collection's stored config when a collection is listed; that copy has no
    model and refuses to embed, because the assistant always supplies its own.
    """

    def __init__(self, embeddings: Embeddings | None = None, model_id: str = "") -> None:
        self._embeddings = embeddings
        self._model_id = model_id

    def _require(self) -> Embeddings:
        if self._embeddings is None:
            raise ConfigurationError("open the collection through the assistant's store, which supplies the model")
        return self._embeddings

    def __call__(self, input: Sequence[str]) -> list:  # noqa: A002 - Chroma's parameter name
        return self._require().embed_documents(list(input))

    def embed_query(self, input: Sequence[str]) -> list:  # noqa: A002
        return [self._require().embed_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "imvo-sentence-transformers"

    def get_config(self) -> dict[str, Any]:
        return {"model": self._model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ImvoEmbeddingFunction:
        return ImvoEmbeddingFunction(None, str(config.get("model", "")))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        return None

    def validate_config_update(self, old_config: dict[str, Any], new_config: dict[str, Any]) -> None:
        return None


def _register_embedding_function() -> None:
    from chromadb.utils.embedding_functions import known_embedding_functions

    known_embedding_functions.setdefault(ImvoEmbeddingFunction.name(), ImvoEmbeddingFunction)


def make_client(settings: StoreSettings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    _register_embedding_function()

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_server:
        host, port = settings.chroma_server
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError variants
            raise ConfigurationError(
                f"cannot reach the Chroma server at {host}:{port} ({exc}): start it with "
                f"`chroma run --host {host} --port {port}` or unset IMVO_CHROMA_HOST/IMVO_CHROMA_PORT"
            ) from exc
    path = Path(settings.store_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def passage_vector_metadata(p: Passage) -> dict:
    """What Chroma keeps beside a vector, for filtering dense search by document, type, date and kind."""
    digits = ((p.date or "").replace("-", "") + "0000")[:8]
    return {
        "doc_id": p.doc_id,
        "doc_type": p.doc_type,
        "date_num": int(digits) if digits.isdigit() else 0,
        "page": p.page,
        "kind": p.kind,
    }


@dataclass
class VectorHit:
    chunk_id: str
    similarity: float


class VectorIndex:
    def __init__(self, collection: Any, embeddings: Embeddings, max_batch: int) -> None:
        self._collection = collection
        self._embeddings = embeddings
        self._max_batch = max_batch

    @classmethod
    def open(cls, client: Any, name: str, embeddings: Embeddings, *, model_id: str, dimension: int) -> VectorIndex:
        existing = {c.name if hasattr(c, "name") else c for c in client.list_collections()}
        if name in existing:
            meta = client.get_collection(name).metadata or {}
            stored_model = meta.get("embedding_model")
            if stored_model and stored_model != model_id:
                raise ModelMismatchError(stored_model, model_id, name)
            if int(meta.get("schema_version", SCHEMA_VERSION)) != SCHEMA_VERSION:
                raise ConfigurationError(
                    f"collection {name!r} has index schema {meta.get('schema_version')}, this version needs "
                    f"{SCHEMA_VERSION}: re-ingest with `imvo ingest --rebuild`"
                )
        collection = client.get_or_create_collection(
            name,
            metadata={"embedding_model": model_id, "dimension": dimension, "schema_version": SCHEMA_VERSION},
            configuration={"hnsw": {"space": "cosine"}},
            embedding_function=ImvoEmbeddingFunction(embeddings, model_id),  # type: ignore[arg-type]
        )
        return cls(collection, embeddings, client.get_max_batch_size())

    def count(self) -> int:
        return self._collection.count()

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), self._max_batch):
            found.update(self._collection.get(ids=list(ids[i : i + self._max_batch]), include=[])["ids"])
        return found

    def all_ids(self) -> set[str]:
        return set(self._collection.get(include=[])["ids"])

    def upsert(self, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]) -> None:
        """Embed and write in batches; Chroma's own batch limit bounds each write."""
        vectors = self._embeddings.embed_documents(list(texts))
        for i in range(0, len(ids), self._max_batch):
            sl = slice(i, i + self._max_batch)
            self._collection.upsert(
                ids=list(ids[sl]), embeddings=vectors[sl], metadatas=list(metadatas[sl]), documents=list(texts[sl])
            )

    def delete(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), self._max_batch):
            self._collection.delete(ids=list(ids[i : i + self._max_batch]))

    def search(self, query: str, k: int, *, doc_ids: Sequence[str] | None = None) -> list[VectorHit]:
        return self.search_vector(self._embeddings.embed_query(query), k, doc_ids=doc_ids)

    def search_vector(self, vector: list[float], k: int, *, doc_ids: Sequence[str] | None = None) -> list[VectorHit]:
        where = {"doc_id": {"$in": list(doc_ids)}} if doc_ids else None
        if doc_ids is not None and not doc_ids:
            return []
        k = max(1, min(k, self.count()))
        result = self._collection.query(query_embeddings=[vector], n_results=k, where=where, include=["distances"])
        return [
            VectorHit(chunk_id=cid, similarity=1.0 - float(dist))
            for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)
        ]


def drop_collection(client: Any, name: str) -> None:
    existing = {c.name if hasattr(c, "name") else c for c in client.list_collections()}
    if name in existing:
        client.delete_collection(name)


def collection_ids(client: Any, name: str) -> set[str]:
    """All ids in a collection (empty if it does not exist), without an embedding model."""
    existing = {c.name if hasattr(c, "name") else c for c in client.list_collections()}
    if name not in existing:
        return set()
    collection = client.get_collection(name, embedding_function=ImvoEmbeddingFunction(None, ""))  # type: ignore[arg-type]
    return set(collection.get(include=[])["ids"])


def forget_local_client(client: Any) -> None:
    """Make the next local client for this path read the store from disk again (another process wrote to
    it). The old client keeps serving whoever still holds it; only the per-path cache entry goes."""
    if client is None:
        return
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        identifier = client.get_settings().persist_directory  # type: ignore[attr-defined]
        SharedSystemClient._identifier_to_system.pop(identifier, None)
    except Exception:  # pragma: no cover - chromadb internals moved: the next open reuses the cached one
        pass
