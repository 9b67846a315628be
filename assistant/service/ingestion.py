"""Changing and checking the knowledge base as every caller does it (`imvo ingest`, uploads, "Dossier
bijwerken", the HTTP API): take the store's writer lock, run the ingest stages through the store, then the
derived step (register, timeline) over what was committed."""

from __future__ import annotations

from pathlib import Path

from assistant.core.model import ProgressFn
from assistant.core.settings import Settings
from assistant.service.container import build_derived
from assistant.store.check import CheckReport, check_store
from assistant.store.lock import writer_lock
from assistant.store.store import Store
from ingest.pipeline import IngestReport, run_ingest


def ingest_files(
    store: Store, settings: Settings, paths: list[Path], *, rebuild: bool = False, progress: ProgressFn | None = None
) -> IngestReport:
    """One run, holding the store's writer lock (a second writer waits, then says who holds it)."""
    with writer_lock(store.dir, settings.lock_timeout_s):
        return ingest_files_locked(store, settings, paths, rebuild=rebuild, progress=progress)


def ingest_files_locked(
    store: Store, settings: Settings, paths: list[Path], *, rebuild: bool = False, progress: ProgressFn | None = None
) -> IngestReport:
    """`ingest_files` for a caller that already holds the writer lock."""
    store.writing = True  # its own commits need no reopen of the vectors
    try:
        report = run_ingest(store, paths, settings.ingest, rebuild=rebuild, progress=progress)
        derived = build_derived(settings, store)
        if report.count("ingested") or report.count("removed"):
            derived.rebuild()
        else:  # nothing new: only repair what a crash or damage left behind
            report.repaired += derived.refresh()
        return report
    finally:
        store.writing = False


def check_knowledge_base(store: Store, settings: Settings) -> CheckReport:
    """`imvo check`: the store's own consistency, then the derived register and timeline."""
    report = check_store(store)
    report.problems += build_derived(settings, store).problems()
    return report
