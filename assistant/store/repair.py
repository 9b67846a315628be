"""Self-repair after (or instead of) an ingest: re-embed committed passages whose vector is missing, drop
vectors no passage refers to, and rebuild BM25 from SQLite when it is damaged, missing or behind.
SQLite is the commit point, so everything here can be recomputed from it. (The register and timeline
are repaired by the derived step, assistant/derived/data.py.)"""

from __future__ import annotations

from collections.abc import Callable

from assistant.store.check import check_store
from assistant.store.store import Store


def repair_store(store: Store, notify: Callable[[str, int, int], None] | None = None) -> list[str]:
    """What was repaired, one line each (empty when the store was consistent)."""
    notify = notify or (lambda stage, done, total: None)
    report = check_store(store)
    done: list[str] = []
    if report.missing_vectors:
        passages = store.db.passages(report.missing_vectors)
        store.upsert_vectors(passages, notify)
        done.append(f"{len(passages)} passages without a vector re-embedded")
    if report.extra_vectors:
        deleted = store.reconcile_vectors()
        done.append(f"{deleted} vectors of no passage deleted")
    if report.bm25_broken:
        store.rebuild_lexical()
        done.append("BM25 index rebuilt from the passages")
    return done
