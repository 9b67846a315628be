"""The derived step: the register, the timeline and the glossary, computed from the committed passages
after an ingest and saved beside the store (register.json, timeline.json, glossary.json), so a question
or a page never waits for them.

Readers get the saved files of the current generation; when they are missing, damaged or older than the
passages (an ingest that stopped before this step), they are computed in memory from the passages
instead, and the next ingest saves them again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from assistant.core.errors import DataFileError
from assistant.core.model import Passage, StoredDocument
from assistant.derived.glossary import GlossaryEntry, glossary_entries, load_glossary, save_glossary
from assistant.register.authority import Authority, default_authority
from assistant.register.register import Register, build_register
from assistant.register.timeline import build_timeline, load_timeline, save_timeline
from assistant.core.model import TimelineEvent
from assistant.text.lexicon import Lexicon

log = logging.getLogger(__name__)

GENERATION_KEY = "derived_generation"
T = TypeVar("T")


class CommittedPassages(Protocol):
    """What the derived step reads: the store's committed passages and a place to note what it built."""

    dir: Path

    @property
    def generation(self) -> int: ...

    def passages(self, chunk_ids: Sequence[str] | None = None) -> list[Passage]: ...

    def stored_documents(self) -> list[StoredDocument]: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


class DerivedData:
    def __init__(self, source: CommittedPassages, uploads_dir: Path, lexicon: Lexicon) -> None:
        self.source = source
        self.uploads_dir = Path(uploads_dir)
        self.lexicon = lexicon
        self._cache: dict[str, tuple[int, object]] = {}

    @property
    def register_path(self) -> Path:
        return self.source.dir / "register.json"

    @property
    def timeline_path(self) -> Path:
        return self.source.dir / "timeline.json"

    @property
    def glossary_path(self) -> Path:
        return self.source.dir / "glossary.json"

    def stale(self) -> bool:
        return self.source.get_meta(GENERATION_KEY) != str(self.source.generation)

    def rebuild(self) -> None:
        """Build and save all three from the committed passages (after an ingest has committed)."""
        passages = self.source.passages()
        build_register(passages, self.authority()).save(self.register_path)
        save_timeline(build_timeline(passages), self.timeline_path)
        save_glossary(glossary_entries(self.lexicon, passages), self.glossary_path)
        self.source.set_meta(GENERATION_KEY, str(self.source.generation))
        self._cache.clear()

    def refresh(self) -> list[str]:
        """Rebuild when stale or unreadable; what was done, one line each (the ingest report's repairs)."""
        if not self.stale() and not self.problems():
            return []
        self.rebuild()
        return ["register, timeline and glossary rebuilt from the passages"]

    def problems(self) -> list[str]:
        """`imvo check`'s lines for the derived files; empty when they are current and readable."""
        if not self.source.generation:
            return []
        fix = "run `imvo ingest` to repair"
        found = []
        for name, path, load in (("register", self.register_path, Register.load),
                                 ("timeline", self.timeline_path, load_timeline),
                                 ("glossary", self.glossary_path, self._load_glossary)):
            try:
                load(path)
            except DataFileError as exc:
                found.append(f"{name}: {exc.reason.split(':')[0]} ({path}): {fix}")
        if self.stale():
            found.append(f"derived: register, timeline or glossary are older than the passages: {fix}")
        return found

    def authority(self) -> Authority:
        """Source ranking for the register: documents saved under the upload folder count as uploads."""
        uploads = self.uploads_dir.resolve()
        uploaded = {d.doc_id for d in self.source.stored_documents() if Path(d.path).resolve().is_relative_to(uploads)}
        return default_authority(uploaded)

    def register(self) -> Register:
        """The motions register of the current generation; read once per generation (every question asks)."""

        def compute() -> Register:
            return build_register(self.source.passages(), self.authority())

        return self._current("register", self.register_path, Register.load, compute)

    def timeline(self) -> list[TimelineEvent]:
        def compute() -> list[TimelineEvent]:
            return build_timeline(self.source.passages())

        return self._current("timeline", self.timeline_path, load_timeline, compute)

    def glossary(self) -> list[GlossaryEntry]:
        """Every glossary term with the passages that use it, alphabetical."""

        def compute() -> list[GlossaryEntry]:
            return glossary_entries(self.lexicon, self.source.passages())

        return self._current("glossary", self.glossary_path, self._load_glossary, compute)

    def _load_glossary(self, path: Path) -> list[GlossaryEntry]:
        return load_glossary(path, self.lexicon, self.source.passages)

    def _current(self, key: str, path: Path, load: Callable[[Path], T], compute: Callable[[], T]) -> T:
        generation = self.source.generation
        cached = self._cache.get(key)
        if cached is None or cached[0] != generation:
            value = None
            if not self.stale() and path.exists():
                try:
                    value = load(path)
                except DataFileError as exc:  # damaged: answer from the passages; `imvo ingest` rewrites it
                    log.warning("%s", exc)
            cached = (generation, value if value is not None else compute())
            self._cache[key] = cached
        return cached[1]  # type: ignore[return-value]
