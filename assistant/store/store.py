"""The store facade: PassageDB (commit point) + Chroma vectors + BM25, kept consistent.

It is the index that ingest writes through and retrieval reads through (assistant/core/protocols.py).
Write protocol (`write`): mark Chroma dirty → upsert new vectors (content-addressed
ids, so a rerun skips what is already there) → commit the passages in one SQLite transaction →
rebuild and atomically swap the BM25 snapshot → delete vectors no passage refers to → mark clean.
Readers only ever see committed passages: dense hits are resolved through PassageDB, so vectors of
an interrupted run are invisible, and a stale BM25 snapshot is rebuilt from PassageDB on open.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.components.embeddings import EmbeddingModel, LazyEmbeddings
from assistant.core.errors import EmptyStoreError, ModelMismatchError
from assistant.core.model import DocumentUpdate, Passage, ProgressFn, StoredDocument
from assistant.core.protocols import WriteStats
from assistant.core.settings import StoreSettings
from assistant.store.lexical import LexicalIndex
from assistant.store.lock import try_writer_lock
from assistant.store.passages import PassageDB
from assistant.store.swap import recover_interrupted_swap
from assistant.store.vectors import (
    VectorHit,
    VectorIndex,
    collection_ids,
    drop_collection,
    forget_local_client,
    make_client,
    passage_vector_metadata,
)

log = logging.getLogger(__name__)

LEGACY_COLLECTION = "imvo_passages"
EMBED_BATCH = 256


def make_private(path: Path) -> None:
    """Owner-only access: questions, answers and documents can be confidential."""
    try:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    except OSError as exc:  # e.g. a mounted folder that does not keep modes
        log.warning("could not restrict access to %s: %s", path, exc)


@dataclass
class StoreInfo:
    store_dir: str
    documents: int
    passages: int
    embedding_model: str | None
    dimension: int | None
    last_ingest: str | None
    chroma: str  # "local" or "host:port"


class Store:
    def __init__(self, settings: StoreSettings, embeddings: LazyEmbeddings) -> None:
        self.settings = settings
        self.dir = Path(settings.store_dir)
        recover_interrupted_swap(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        if settings.private_files:
            make_private(self.dir)
        self.db = PassageDB(self.dir / "passages.sqlite")
        if settings.private_files:
            make_private(self.db.path)
        self._embeddings = embeddings
        self._lexical: LexicalIndex | None = None
        self._vectors: VectorIndex | None = None
        self._vectors_generation: int | None = None
        self.writing = False  # set by the ingest that holds the writer lock: its own commits need no reopen

    # --- lazily built parts: a no-change ingest never loads the model ----------------------
    @property
    def embeddings(self) -> EmbeddingModel:
        return self._embeddings.model

    @cached_property
    def client(self) -> object:
        return make_client(self.settings)

    @property
    def vectors(self) -> VectorIndex:
        """The Chroma collection. A local Chroma keeps its index in memory, so when another process (a CLI
        ingest, the web app's ingest worker) has committed since it was opened, it is opened again."""
        generation = self.db.generation
        if (self._vectors is not None and self._vectors_generation != generation and not self.writing
                and self.settings.chroma_server is None):
            forget_local_client(self.__dict__.pop("client", None))
            self._vectors = None
        if self._vectors is None:
            self.check_model()
            emb = self.embeddings
            self._vectors = VectorIndex.open(
                self.client, self.collection_name, emb, model_id=emb.model_id, dimension=emb.dimension
            )
            if self.db.get_meta("embedding_model") is None:
                self.db.set_meta("embedding_model", emb.model_id)
                self.db.set_meta("dimension", str(emb.dimension))
        self._vectors_generation = generation
        return self._vectors

    @cached_property
    def collection_name(self) -> str:
        """The store's own Chroma collection, recorded in its SQLite file when the store is created: two stores
        on one Chroma server never share (and so never delete each other's) vectors."""
        name = self.db.get_meta("collection_name")
        if name is None:
            if self.settings.collection_name:
                name = self.settings.collection_name
            elif self.db.has_chunks():
                name = LEGACY_COLLECTION  # a store built before names were per store keeps its vectors
            else:
                name = f"imvo_{uuid.uuid4().hex[:16]}"
            self.db.set_meta("collection_name", name)
        return name

    def vector_ids(self) -> set[str]:
        """Ids in the store's Chroma collection, read without loading the embedding model."""
        return collection_ids(self.client, self.collection_name)

    def check_model(self) -> None:
        """Refuse a store built with another embedding model, before loading any model."""
        stored = self.db.get_meta("embedding_model")
        configured = self._embeddings.model_id
        if stored and stored != configured and self.db.has_chunks():
            raise ModelMismatchError(stored, configured, self.dir)

    def lexical(self) -> LexicalIndex:
        """The BM25 snapshot of the current generation, rebuilt if an ingest was interrupted.

        While another process is writing (it holds the writer lock and will save the new snapshot
        itself), a reader keeps the index it has, or builds one in memory without saving it."""
        generation = self.db.generation
        if self._lexical is None or self._lexical.generation != generation:
            loaded = LexicalIndex.load(self.dir / "bm25")
            if loaded is None or loaded.generation != generation:
                with try_writer_lock(self.dir) as free:
                    if not free and self._lexical is not None:
                        return self._lexical  # one generation behind until the writer saves its snapshot
                    if generation and free:
                        log.warning("BM25 index is behind the passages (interrupted ingest?): rebuilding it")
                    loaded = self.rebuild_lexical(save=free)
            self._lexical = loaded
        return self._lexical

    def rebuild_lexical(self, *, save: bool = True) -> LexicalIndex:
        passages = self.db.passages()
        index = LexicalIndex.build(
            [p.chunk_id for p in passages], [p.indexed() for p in passages], self.db.generation,
            kinds=[p.kind for p in passages],
        )
        if save:
            index.save(self.dir / "bm25")
        self._lexical = index
        return index

    def lexical_stale(self) -> bool:
        return LexicalIndex.saved_generation(self.dir / "bm25") != self.db.generation

    # --- what retrieval reads (IndexReader) ------------------------------------------------
    @property
    def generation(self) -> int:
        return self.db.generation

    def catalog(self) -> list[Passage]:
        return self.db.catalog()

    def passages(self, chunk_ids: Sequence[str] | None = None, *, doc_id: str | None = None) -> list[Passage]:
        return self.db.passages(chunk_ids, doc_id=doc_id)

    def dense_search(self, query: str, k: int, doc_ids: Sequence[str] | None = None) -> list[VectorHit]:
        return self.vectors.search(query, k, doc_ids=doc_ids)

    def get_meta(self, key: str) -> str | None:
        return self.db.get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        self.db.set_meta(key, value)

    # --- what ingest writes through (IndexWriter) --------------------------------------------
    def stored_documents(self) -> list[StoredDocument]:
        return self.db.documents()

    @property
    def needs_write(self) -> bool:
        return self.vectors_dirty

    def write(self, updates: Sequence[DocumentUpdate], removed: Sequence[str], progress: ProgressFn) -> WriteStats:
        """Vectors first (invisible until committed), then the commit, then BM25 and stale vectors."""
        self.mark_vectors_dirty()
        stats = self._embed_missing(updates, progress)
        self.db.commit_changes(updates, removed)
        progress("index", 0, 1)
        self.rebuild_lexical()
        self.reconcile_vectors()
        progress("index", 1, 1)
        return stats

    def _embed_missing(self, updates: Sequence[DocumentUpdate], progress: ProgressFn) -> WriteStats:
        """Embed the chunks Chroma does not have yet; ids are content-addressed, so a rerun resumes."""
        passages = [
            Passage(**vars(chunk), title=u.metadata.title, doc_type=u.metadata.doc_type, date=u.metadata.date,
                    source=u.metadata.source)
            for u in updates for chunk in u.chunks
        ]
        if not passages:
            return WriteStats()
        have = self.vectors.existing_ids([p.chunk_id for p in passages])
        todo = [p for p in passages if p.chunk_id not in have]
        spent_before = self.embeddings.seconds_spent if todo else 0.0
        self.upsert_vectors(todo, progress)
        return WriteStats(len(todo), self.embeddings.seconds_spent - spent_before if todo else 0.0)

    def upsert_vectors(self, passages: Sequence[Passage], progress: ProgressFn) -> None:
        for i in range(0, len(passages), EMBED_BATCH):
            progress("embed", i, len(passages))
            batch = passages[i : i + EMBED_BATCH]
            self.vectors.upsert(
                [p.chunk_id for p in batch], [p.indexed() for p in batch], [passage_vector_metadata(p) for p in batch]
            )
        progress("embed", len(passages), len(passages))

    def repair(self, progress: ProgressFn) -> list[str]:
        from assistant.store.repair import repair_store

        return repair_store(self, progress)

    # --- consistency of Chroma with the committed passages -------------------------------
    @property
    def vectors_dirty(self) -> bool:
        return self.db.get_meta("vectors_dirty") == "1"

    def mark_vectors_dirty(self) -> None:
        self.db.set_meta("vectors_dirty", "1")

    def reconcile_vectors(self) -> int:
        """Delete vectors no committed passage refers to; add none. Returns how many were deleted."""
        committed = set(self.db.all_chunk_ids())
        stale = sorted(self.vectors.all_ids() - committed)
        if stale:
            self.vectors.delete(stale)
        self.db.set_meta("vectors_dirty", "0")
        return len(stale)

    # --- state ----------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.db.has_chunks()

    def require_ready(self) -> None:
        if self.is_empty():
            raise EmptyStoreError(self.dir)
        self.check_model()

    def info(self) -> StoreInfo:
        dim = self.db.get_meta("dimension")
        server = self.settings.chroma_server
        return StoreInfo(
            store_dir=str(self.dir),
            documents=len(self.db.documents()),
            passages=self.db.chunk_count(),
            embedding_model=self.db.get_meta("embedding_model"),
            dimension=int(dim) if dim else None,
            last_ingest=self.db.get_meta("last_ingest"),
            chroma=f"{server[0]}:{server[1]}" if server else "local",
        )

    def reset(self) -> None:
        """Start over (`imvo ingest --rebuild`): drop the collection, passages and BM25 snapshot. The configured
        model loads first, so a model that cannot load changes nothing."""
        self.embeddings  # noqa: B018
        drop_collection(self.client, self.collection_name)
        self._vectors = None
        self.__dict__.pop("collection_name", None)
        self.db.close()
        for name in ("passages.sqlite", "passages.sqlite-wal", "passages.sqlite-shm"):
            (self.dir / name).unlink(missing_ok=True)
        for name in ("bm25", "bm25.tmp", "bm25.old"):
            shutil.rmtree(self.dir / name, ignore_errors=True)
        self.db = PassageDB(self.dir / "passages.sqlite")
        self._lexical = None

    def close(self) -> None:
        self.db.close()
