"""One ingest run: discover → (skip unchanged) → load → clean → metadata → chunk → write.

It writes through an `IndexWriter` (assistant/core/protocols.py) and knows nothing of the store behind
it; the caller holds the store's writer lock (assistant/service/ingestion.py). Bad files are reported,
not fatal: each gets a one-line reason and the others are ingested. What is already in the store is
only replaced once the new version of a document is fully prepared.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from assistant.core.errors import EXIT_OK, EXIT_SOME_FILES_FAILED, IngestFileError
from assistant.core.model import DocumentUpdate, ProgressFn, StoredDocument
from assistant.core.protocols import IndexWriter
from assistant.core.settings import IngestSettings
from ingest.chunk import chunk_document
from ingest.clean import clean_document
from ingest.discover import SourceFile, discover, is_supported
from ingest.load import SUPPORTED_SUFFIXES, load_document
from ingest.metadata import extract_metadata, load_curated_metadata, merge_metadata

log = logging.getLogger(__name__)

# Bump when cleaning/chunking changes so that every document is re-processed once.
PIPELINE_VERSION = "3"

Status = Literal["ingested", "unchanged", "removed", "failed", "duplicate", "skipped"]


@dataclass
class FileOutcome:
    source: str
    status: Status
    detail: str = ""
    pages: int = 0
    chunks: int = 0


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0
    embedded_chunks: int = 0
    pages: int = 0
    repaired: list[str] = field(default_factory=list)  # what self-repair fixed, one line each

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        return EXIT_SOME_FILES_FAILED if self.failed else EXIT_OK

    @property
    def nothing_changed(self) -> bool:
        return self.count("ingested") == 0 and self.count("removed") == 0 and not self.repaired


def _fingerprint(data: bytes, curated: dict | None, settings_key: str) -> str:
    h = hashlib.sha256(data)
    h.update(json.dumps(curated, sort_keys=True, default=str).encode())
    h.update(settings_key.encode())
    return h.hexdigest()


def _curated_for(roots: list[Path], metadata_file: Path | None) -> dict[Path, dict[str, dict]]:
    """Curated metadata per folder: the folder's metadata.yaml, or the configured file for every folder;
    plus every metadata.yaml in a subfolder (e.g. a fetched dossier's), keyed by names relative to it."""
    result: dict[Path, dict[str, dict]] = {}
    for root in roots:
        path = metadata_file if metadata_file else root / "metadata.yaml"
        result[root] = load_curated_metadata(path) if path.exists() else {}
        if root.is_dir():
            for nested in sorted(root.rglob("metadata.yaml")):
                folder = nested.parent
                if folder != root and not any(part.startswith(".") for part in folder.relative_to(root).parts):
                    result[folder] = load_curated_metadata(nested)
    return result


def _curated_entry(sf: SourceFile, curated_by_folder: dict[Path, dict[str, dict]]) -> dict | None:
    """The file's entry in its root's metadata file, else in the nearest subfolder's metadata.yaml."""
    entry = curated_by_folder.get(sf.root, {}).get(sf.source)
    if entry is not None:
        return entry
    folder = sf.path.parent
    while folder != sf.root and folder != folder.parent:
        entries = curated_by_folder.get(folder)
        if entries is not None:
            return entries.get(sf.path.relative_to(folder).as_posix())
        folder = folder.parent
    return None


def run_ingest(
    writer: IndexWriter, paths: list[Path], settings: IngestSettings, *, rebuild: bool = False,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """One run; the caller holds the store's writer lock."""
    started = time.perf_counter()
    report = IngestReport()
    notify = progress or (lambda stage, done, total: None)
    if rebuild:
        writer.reset()
    writer.check_model()

    files, roots, skipped = discover(paths, follow_external_symlinks=settings.follow_external_symlinks)
    report.outcomes += [FileOutcome(s.source, "failed" if s.failure else "skipped", s.reason) for s in skipped]
    curated_by_root = _curated_for(sorted({f.root for f in files} | set(roots)), settings.metadata_file)
    stored = {d.doc_id: d for d in writer.stored_documents()}
    settings_key = json.dumps(
        [PIPELINE_VERSION, settings.chunk_target_words, settings.chunk_max_words, settings.chunk_min_words,
         settings.chunk_overlap_sentences]
    )
    max_bytes = int(settings.max_file_mb * 1024 * 1024)

    # 1. Decide per file: unchanged, duplicate, failed early, or to be processed.
    outcomes, to_process = _triage(files, curated_by_root, stored, settings_key, max_bytes, settings.max_file_mb)
    report.outcomes += outcomes

    # 2. Removed: stored documents whose file under a scanned folder is gone, or is now a duplicate.
    duplicate_sources = {o.source for o in report.outcomes if o.status == "duplicate"}
    duplicate_paths = {str(sf.path) for sf in files if sf.source in duplicate_sources}
    removed: list[StoredDocument] = [
        d for d in stored.values()
        if (any(_is_under(Path(d.path), root) for root in roots) and not Path(d.path).exists())
        or d.path in duplicate_paths
    ]

    # 3. Prepare every changed document fully before touching the store.
    updates: list[DocumentUpdate] = []
    for i, (sf, fingerprint, curated) in enumerate(to_process):
        notify("prepare", i, len(to_process))
        try:
            updates.append(_prepare(sf, fingerprint, curated, settings, max_bytes))
        except IngestFileError as exc:
            report.outcomes.append(FileOutcome(sf.source, "failed", exc.reason))
        except Exception as exc:  # a bug on one odd file must not lose the whole run
            log.exception("unexpected error on %s", sf.path)
            report.outcomes.append(FileOutcome(sf.source, "failed", f"internal error ({exc.__class__.__name__}: {exc})"))
    notify("prepare", len(to_process), len(to_process))
    # Same content as a document already stored under another name (e.g. a renamed file).
    stored_hashes = {d.content_hash: d for d in stored.values() if d not in removed}
    kept: list[DocumentUpdate] = []
    for update in updates:
        other = stored_hashes.get(update.content_hash)
        if other is not None and other.doc_id != update.metadata.doc_id and Path(other.path).exists():
            report.outcomes.append(
                FileOutcome(update.metadata.source, "duplicate", f"same content as {other.source}: ingested once")
            )
        else:
            kept.append(update)
    updates = []
    for update in kept:  # the commit is one transaction: a file it would choke on must fail alone, first
        problem = _unstorable(update)
        if problem:
            report.outcomes.append(FileOutcome(update.metadata.source, "failed", problem))
        else:
            updates.append(update)

    # 4. Write: vectors first (invisible until committed), then the commit, then the search indexes.
    if updates or removed or writer.needs_write:
        stats = writer.write(updates, [d.doc_id for d in removed], notify)
        report.embedded_chunks, report.embed_seconds = stats.embedded, stats.embed_seconds
        for update in updates:
            report.outcomes.append(
                FileOutcome(update.metadata.source, "ingested", "; ".join(update.warnings), update.pages, len(update.chunks))
            )
        report.outcomes += [FileOutcome(d.source, "removed", chunks=d.chunks) for d in removed]
    # 5. Repair what an earlier crash, a concurrent writer or damage left behind (SQLite is the truth).
    report.repaired = writer.repair(notify)

    report.pages = sum(o.pages for o in report.outcomes if o.status == "ingested")
    report.seconds = time.perf_counter() - started
    return report


def _triage(
    files: list[SourceFile],
    curated_by_root: dict[Path, dict[str, dict]],
    stored: dict[str, StoredDocument],
    settings_key: str,
    max_bytes: int,
    max_mb: float,
) -> tuple[list[FileOutcome], list[tuple[SourceFile, str, dict | None]]]:
    """Outcomes decided without parsing (failed early, unchanged, duplicate) and the files to process.

    Unchanged files are settled first so that a new copy of a stored document counts as the duplicate.
    """
    outcomes: list[FileOutcome] = []
    seen_hashes: dict[str, str] = {}
    pending: list[tuple[SourceFile, str, str, dict | None]] = []
    for sf in files:
        curated = _curated_entry(sf, curated_by_root)
        if not sf.path.exists():
            outcomes.append(FileOutcome(sf.source, "failed", "file not found: check the path"))
            continue
        if not is_supported(sf.path):
            outcomes.append(FileOutcome(sf.source, "failed", f"unsupported file type {sf.path.suffix or '(none)'!r}: "
                                        f"supported are {', '.join(sorted(SUPPORTED_SUFFIXES))}"))
            continue
        try:
            size = sf.path.stat().st_size
            if size > max_bytes:
                outcomes.append(FileOutcome(sf.source, "failed", f"file is {size / 1e6:.1f} MB, over the limit of "
                                            f"{max_mb:g} MB: split it or raise IMVO_MAX_FILE_MB"))
                continue
            data = sf.path.read_bytes()
        except OSError as exc:
            outcomes.append(FileOutcome(sf.source, "failed", f"cannot be read ({exc.strerror or exc}): check its permissions"))
            continue
        content_hash = hashlib.sha256(data).hexdigest()
        fingerprint = _fingerprint(data, curated, settings_key)
        old = stored.get(sf.doc_id)
        if old is not None and old.fingerprint == fingerprint:
            outcomes.append(FileOutcome(sf.source, "unchanged", pages=old.pages, chunks=old.chunks))
            seen_hashes.setdefault(content_hash, sf.source)
            continue
        pending.append((sf, content_hash, fingerprint, curated))
    to_process: list[tuple[SourceFile, str, dict | None]] = []
    for sf, content_hash, fingerprint, curated in pending:
        if content_hash in seen_hashes:
            outcomes.append(FileOutcome(sf.source, "duplicate", f"same content as {seen_hashes[content_hash]}: ingested once"))
            continue
        seen_hashes[content_hash] = sf.source
        to_process.append((sf, fingerprint, curated))
    return outcomes, to_process


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _prepare(
    sf: SourceFile, fingerprint: str, curated: dict | None, settings: IngestSettings, max_bytes: int
) -> DocumentUpdate:
    loaded = load_document(sf.path, max_bytes=max_bytes)
    clean = clean_document(loaded)
    if not clean.text.strip():
        raise IngestFileError(sf.path, "no text left after cleaning: check that the file holds readable text")
    title_hint = sf.path.stem.replace("_", " ").replace("-", " ")
    extracted = extract_metadata(clean, doc_id=sf.doc_id, source=sf.source, title_hint=title_hint)
    metadata = merge_metadata(extracted, curated)
    chunks = chunk_document(
        clean,
        metadata,
        target_words=settings.chunk_target_words,
        max_words=settings.chunk_max_words,
        min_words=settings.chunk_min_words,
        overlap_sentences=settings.chunk_overlap_sentences,
    )
    if not chunks:
        raise IngestFileError(sf.path, "no passages could be made from the text: check that the file holds readable text")
    return DocumentUpdate(
        metadata=metadata,
        path=str(sf.path),
        fingerprint=fingerprint,
        content_hash=loaded.content_hash,
        pages=len(loaded.pages),
        chunks=chunks,
        clean_text=clean.text,
        page_starts=_page_starts(clean),
        warnings=list(loaded.warnings),
    )


def _unstorable(update: DocumentUpdate) -> str | None:
    """Why SQLite would refuse this document's rows (text it cannot encode), or None."""
    texts = [update.path, update.clean_text, update.metadata.source, update.metadata.doc_id, update.metadata.title]
    texts += [c.text for c in update.chunks] + [c.heading or "" for c in update.chunks]
    texts.append(json.dumps(asdict(update.metadata), ensure_ascii=False, default=str))
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "holds characters that cannot be stored (invalid UTF-8 in its name or text): rename or re-save it"
    return None


def _page_starts(clean) -> list[tuple[int, int]]:
    if clean.page_breaks:
        return [tuple(b) for b in clean.page_breaks]
    starts: list[tuple[int, int]] = []
    for block in clean.blocks:
        if not starts or starts[-1][1] != block.page:
            starts.append((block.start, block.page))
    return starts
