"""Self-repair after (or instead of) an ingest: re-embed committed passages whose vector is missing, drop
vectors no passage refers to, and rebuild BM25, register and timeline from SQLite when they are damaged,
missing or behind. SQLite is the commit point, so everything here can be recomputed from it."""

from __future__ import annotations

from collections.abc import Callable

from assistant.core.model import Passage
from assistant.store.check import check_store
from assistant.store.store import Store

EMBED_BATCH = 256


def passage_vector_metadata(p: Passage) -> dict:
    digits = ((p.date or "").replace("-", "") + "0000")[:8]
    return {
        "doc_id": p.doc_id,
        "doc_type": p.doc_type,
        "date_num": int(digits) if digits.isdigit() else 0,
        "page": p.page,
        "kind": p.kind,
    }


def repair_store(store: Store, notify: Callable[[str, int, int], None] | None = None) -> list[str]:
    """What was repaired, one line each (empty when the store was consistent)."""
    notify = notify or (lambda stage, done, total: None)
    report = check_store(store)
    done: list[str] = []
    if report.missing_vectors:
        passages = store.db.passages(report.missing_vectors)
        vectors = store.vectors
        for i in range(0, len(passages), EMBED_BATCH):
            notify("embed", i, len(passages))
            batch = passages[i : i + EMBED_BATCH]
            vectors.upsert(
                [p.chunk_id for p in batch],
                [p.indexed() for p in batch],
                [passage_vector_metadata(p) for p in batch],
            )
        notify("embed", len(passages), len(passages))
        done.append(f"{len(passages)} passages without a vector re-embedded")
    if report.extra_vectors:
        deleted = store.reconcile_vectors()
        done.append(f"{deleted} vectors of no passage deleted")
    if report.derived_broken:
        store.rebuild_derived()
        done.append("BM25 index, register and timeline rebuilt from the passages")
    return done
