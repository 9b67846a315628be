"""The whole update of a dossier as the CLI and the web page run it: fetch its Kamerstukken, ingest what
is new, and (for "Dossier bijwerken") sync the official state of the motions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.core.model import ProgressFn
from assistant.core.settings import Settings
from assistant.service.container import build_derived
from assistant.kamer.dossier import FetchReport, fetch_dossier
from assistant.kamer.http import PoliteClient
from assistant.kamer.sync import SyncReport, sync_official
from assistant.service.ingestion import ingest_files
from assistant.store.store import Store
from ingest.pipeline import IngestReport


@dataclass
class UpdateSummary:
    fetch: FetchReport
    ingest: IngestReport | None = None
    sync: SyncReport | None = None
    requests: int = 0
    retries: int = 0


def ingest_roots(settings: Settings) -> list[Path]:
    """The corpus when the Kamerstukken live inside it (one id per document however ingest is called),
    otherwise the Kamerstukken folder itself."""
    corpus, kamerstukken = Path(settings.corpus_dir).resolve(), Path(settings.kamerstukken_dir).resolve()
    return [settings.corpus_dir] if kamerstukken.is_relative_to(corpus) else [settings.kamerstukken_dir]


def ingest_fetched(store: Store, settings: Settings, progress: ProgressFn | None = None) -> IngestReport:
    """Incremental: unchanged files are skipped by their hash, so this also picks up files held from an
    interrupted run and metadata entries added since, and costs little when nothing is new."""
    return ingest_files(store, settings, ingest_roots(settings), progress=progress)


def update_dossier(
    store: Store,
    settings: Settings,
    dossier: str,
    *,
    since: str | None = None,
    kinds: set[str] | None = None,
    progress: ProgressFn | None = None,
    client: PoliteClient | None = None,
    sync: bool = True,
) -> UpdateSummary:
    """Fetch, ingest and (unless told not to) sync the dossier's motions. The listing failing raises
    (nothing changed); later failures are in the summary, with what was done kept."""
    own = client is None
    client = client or PoliteClient.from_settings(settings)
    try:
        report = fetch_dossier(client, settings, dossier, since=since, kinds=kinds, progress=progress)
        summary = UpdateSummary(report)
        summary.ingest = ingest_fetched(store, settings, progress)
        if sync and report.interrupted is None and not store.is_empty():
            summary.sync = sync_official(
                client, settings, build_derived(settings, store).register(), dossiers=[report.dossier], toezeggingen=False, progress=progress
            )
        summary.requests, summary.retries = client.stats.requests, client.stats.retries
        return summary
    finally:
        if own:
            client.close()
