"""`imvo ingest --rebuild`: build a new store beside the old one and swap only when it succeeded.

The embedding model is loaded first, so a wrong model setting changes nothing. The old store is never
opened (its SQLite file may be unreadable, which is often why one rebuilds); when it is unreadable the
old directory is kept aside under a dated name instead of being deleted. Audit logs move to the new store.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from assistant.components.embeddings import EmbeddingModel
from assistant.core.model import ProgressFn
from assistant.core.settings import Settings
from assistant.service.container import build_embedding_model, build_store
from assistant.service.ingestion import ingest_files_locked
from assistant.store.lock import writer_lock
from assistant.store.store import Store
from assistant.store.swap import aside_path, recover_interrupted_swap
from assistant.store.vectors import drop_collection, make_client
from ingest.pipeline import IngestReport

log = logging.getLogger(__name__)


def rebuild_store(
    settings: Settings, paths: list[Path], *, progress: ProgressFn | None = None,
    embeddings: EmbeddingModel | None = None,
) -> IngestReport:
    target = Path(settings.store_dir).resolve()
    with writer_lock(target, settings.lock_timeout_s):
        recover_interrupted_swap(target)
        if embeddings is None:
            embeddings = build_embedding_model(settings)  # raises ConfigurationError before anything is touched
        beside = target.with_name(target.name + ".rebuild")
        shutil.rmtree(beside, ignore_errors=True)
        # a fresh, unique collection: on a shared Chroma server the old store keeps its vectors until the swap
        new_settings = settings.model_copy(update={"store_dir": beside, "collection_name": None})
        new = build_store(new_settings, embeddings=embeddings)
        try:
            report = ingest_files_locked(new, new_settings, paths, progress=progress)
        except BaseException:
            _discard(new, beside)
            raise
        new.close()
        old_collection, readable = _old_collection(target)
        _carry_audit(target, beside)
        aside = aside_path(target)
        shutil.rmtree(aside, ignore_errors=True)
        if target.exists():
            target.rename(aside)
        beside.rename(target)
        _forget_local_clients()
        if settings.chroma_server and old_collection:
            try:
                drop_collection(make_client(settings), old_collection)
            except Exception as exc:  # the new store is in place; a leftover collection only costs space
                log.warning("could not drop the old collection %s: %s", old_collection, exc)
        if aside.exists():
            if readable:
                shutil.rmtree(aside, ignore_errors=True)
            else:
                kept = target.with_name(f"{target.name}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%S}")
                aside.rename(kept)
                report.repaired.append(f"the unreadable old store was moved aside to {kept}")
        return report


def _old_collection(store_dir: Path) -> tuple[str | None, bool]:
    """The old store's collection name and whether its SQLite file could be read (read-only, never repaired)."""
    path = store_dir / "passages.sqlite"
    if not path.exists():
        return None, True
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='collection_name'").fetchone()
            has = conn.execute("SELECT 1 FROM chunks LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None, False
    if row:
        return row[0], True
    return ("imvo_passages" if has else None), True


def _carry_audit(old: Path, new: Path) -> None:
    for path in sorted(old.glob("audit.jsonl*")) if old.exists() else []:
        shutil.copy2(path, new / path.name)


def _discard(store: Store, directory: Path) -> None:
    try:
        if store.settings.chroma_server:
            drop_collection(store.client, store.collection_name)
    except Exception as exc:
        log.warning("could not drop the half-built collection: %s", exc)
    store.close()
    shutil.rmtree(directory, ignore_errors=True)


def _forget_local_clients() -> None:
    """Chroma caches one local client per path; the path now holds another store."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    except Exception:  # pragma: no cover - chromadb internals moved
        pass
