"""The knowledge base without the models that answer questions: what `imvo ingest`, `imvo check`,
`imvo motions`, `imvo timeline` and the Kamer commands use.

They must work whatever the answering settings say (an LLM that is not configured, a store built with
another embedding model that `imvo ingest --rebuild` is about to replace), so they do not build the
`Assistant`. The store is opened by the first operation that needs it: a rebuild never opens the old one
(its SQLite file may be unreadable, which is often why one rebuilds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core.model import ProgressFn
from assistant.core.settings import Settings

if TYPE_CHECKING:  # annotations only: each operation imports what it runs when it runs
    from assistant.kamer.http import PoliteClient
    from assistant.kamer.sync import SyncReport
    from assistant.derived.data import DerivedData
    from assistant.derived.glossary import GlossaryEntry
    from assistant.register.official import OfficialJoin
    from assistant.core.model import RegisterItem
    from assistant.core.model import TimelineEvent
    from assistant.store.check import CheckReport
    from assistant.store.store import Store
    from ingest.pipeline import IngestReport


class KnowledgeBase:
    """Built by `open_knowledge_base` (assistant/service/container.py), which closes the store afterwards."""

    def __init__(
        self, settings: Settings, open_store: Callable[[], Store], derive: Callable[[Store], DerivedData]
    ) -> None:
        self.settings = settings
        self._open_store = open_store
        self._derive = derive
        self._store: Store | None = None

    @property
    def _opened(self) -> Store:
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def _ready(self) -> DerivedData:
        """The register and timeline of the store, refusing an empty one (EmptyStoreError: ingest first)."""
        self._opened.require_ready()
        return self._derive(self._opened)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------
    def motions(self, only_open: bool = False) -> list[RegisterItem]:
        register = self._ready().register()
        return register.open_items() if only_open else register.items

    def official_record(self) -> OfficialJoin:
        """The Kamer's own record of the motions (empty until `imvo sync motions`)."""
        from assistant.register.official import OfficialJoin

        return OfficialJoin.load(self._opened.dir)

    def timeline(self) -> list[TimelineEvent]:
        return self._ready().timeline()

    def glossary(self) -> list[GlossaryEntry]:
        """Every glossary term with the passages that use it (empty passages on an empty store)."""
        return self._derive(self._opened).glossary()

    def check(self) -> CheckReport:
        """Whether SQLite, Chroma, BM25, register and timeline agree (counts and ids); repairs nothing."""
        from assistant.service.ingestion import check_knowledge_base

        return check_knowledge_base(self._opened, self.settings)

    def collection_name(self) -> str:
        return self._opened.collection_name

    # --- changing -----------------------------------------------------------------------
    def ingest(self, paths: Sequence[Path], progress: ProgressFn | None = None) -> IngestReport:
        """Incremental: new and changed files are ingested, removed ones dropped, the rest skipped by hash."""
        from assistant.service.ingestion import ingest_files

        return ingest_files(self._opened, self.settings, list(paths), progress=progress)

    def rebuild(self, paths: Sequence[Path], progress: ProgressFn | None = None) -> IngestReport:
        """A new store from `paths`, swapped in only when it succeeded (assistant/service/rebuild.py)."""
        from assistant.service.rebuild import rebuild_store

        return rebuild_store(self.settings, list(paths), progress=progress)

    def ingest_fetched(self, progress: ProgressFn | None = None) -> IngestReport:
        """Ingest the fetched Kamerstukken that are new (assistant/service/kamer_update.py)."""
        from assistant.service.kamer_update import ingest_fetched

        return ingest_fetched(self._opened, self.settings, progress)

    def sync_motions(
        self, client: PoliteClient, *, dossiers: Sequence[str] = (), toezeggingen: bool = True,
        progress: ProgressFn | None = None,
    ) -> SyncReport:
        """The official state of the register's motions (and toezeggingen) from the Kamer's open data."""
        from assistant.kamer.sync import sync_official

        return sync_official(client, self.settings, self._ready().register(), dossiers=dossiers,
                             toezeggingen=toezeggingen, progress=progress)
