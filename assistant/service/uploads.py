"""Uploaded documents: check type and size, store them under a safe name in the uploads folder, and
ingest them with the same pipeline (and the same failure reasons) as `imvo ingest`."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.core.errors import UploadError
from assistant.core.model import ProgressFn
from assistant.core.settings import Settings
from assistant.service.ingestion import ingest_files
from assistant.store.store import Store
from ingest.pipeline import FileOutcome, IngestReport

MAX_STEM_CHARS = 80
STAGES = {  # stage of an ingest → (share of the bar before it, its share, Dutch label)
    "prepare": (0.0, 0.3, "Lezen en opknippen"),
    "embed": (0.3, 0.6, "Embedden"),
    "index": (0.9, 0.1, "Indexeren"),
}
STATUS_NL = {
    "ingested": "ingelezen",
    "unchanged": "al aanwezig (ongewijzigd)",
    "duplicate": "dubbel (zelfde inhoud al aanwezig)",
    "failed": "mislukt",
    "removed": "verwijderd",
}


@dataclass(frozen=True)
class UploadLimits:
    suffixes: tuple[str, ...]  # ".pdf", ".txt", ".md"
    max_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> UploadLimits:
        suffixes = tuple(dict.fromkeys("." + t.lower().lstrip(".") for t in settings.upload_types))
        return cls(suffixes, settings.max_upload_mb * 1024 * 1024)

    @property
    def types(self) -> list[str]:
        return [s.lstrip(".") for s in self.suffixes]


def safe_filename(name: str, limits: UploadLimits) -> str:
    """The name to store an upload under: only the last path part of what the browser sent, ASCII letters,
    digits, '-', '_' and '.', no leading dot, the extension lower-case and one of the allowed ones."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in limits.suffixes:
        raise UploadError(
            name or "(geen naam)",
            f"bestandstype {suffix or '(geen extensie)'} wordt niet geaccepteerd; toegestaan: {', '.join(limits.types)}",
        )
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_.")[:MAX_STEM_CHARS].strip("-_.")
    return f"{stem or 'document'}{suffix}"


def check_size(name: str, size: int, limits: UploadLimits) -> None:
    if size <= 0:
        raise UploadError(name, "het bestand is leeg")
    if size > limits.max_bytes:
        raise UploadError(
            name,
            f"het bestand is {size / 1024 / 1024:.1f} MB, meer dan de grens van {limits.max_bytes // (1024 * 1024)} MB "
            "(IMVO_MAX_UPLOAD_MB): splits het of vraag de beheerder de grens te verhogen",
        )


@dataclass(frozen=True)
class SavedUpload:
    original: str  # the name the browser sent
    path: Path  # where it was stored

    @property
    def renamed(self) -> bool:
        return self.path.name != self.original


def save_upload(directory: Path, name: str, data: bytes, limits: UploadLimits) -> SavedUpload:
    """Store the bytes under a safe name in `directory`. An existing file with the same name and content
    is reused; with other content the new file gets a '-2', '-3', … suffix (nothing is overwritten)."""
    safe = safe_filename(name, limits)
    check_size(name, len(data), limits)
    directory.mkdir(parents=True, exist_ok=True)
    stem, suffix = safe.rsplit(".", 1)
    digest = hashlib.sha256(data).digest()
    for n in range(1, 1000):
        candidate = directory / (safe if n == 1 else f"{stem}-{n}.{suffix}")
        if candidate.exists():
            if hashlib.sha256(candidate.read_bytes()).digest() == digest:
                return SavedUpload(name, candidate)
            continue
        tmp = candidate.with_name(f".{candidate.name}.part")  # hidden: discover() skips it if we crash
        tmp.write_bytes(data)
        tmp.replace(candidate)
        return SavedUpload(name, candidate)
    raise UploadError(name, f"te veel bestanden met de naam {safe} in {directory}: kies een andere naam")


def ingest_root(settings: Settings) -> Path:
    """The folder to ingest after an upload: the corpus folder when the uploads folder lies inside it, so
    uploaded documents get the same ids as `imvo ingest` (`make run`) gives them; else the uploads folder."""
    uploads = Path(settings.upload_dir).resolve()
    corpus = Path(settings.corpus_dir).resolve()
    return corpus if uploads.is_relative_to(corpus) and corpus.is_dir() else uploads


UploadProgressFn = Callable[[float, str], None]  # (fraction of the whole run, Dutch label)


def progress_step(stage: str, done: int, total: int) -> tuple[float, str]:
    """An ingest's (stage, done, total) as a fraction of the whole run and a Dutch label."""
    before, share, label = STAGES.get(stage, (0.0, 1.0, stage))
    fraction = before + share * (done / total if total else 1.0)
    count = f" {done}/{total}" if total and stage != "index" else ""
    return min(1.0, max(0.0, fraction)), f"{label}{count}"


@dataclass
class UploadResult:
    report: IngestReport
    outcomes: list[tuple[SavedUpload, FileOutcome | None]] = field(default_factory=list)
    discarded: list[SavedUpload] = field(default_factory=list)  # failed or duplicate: file deleted again

    @property
    def ingested(self) -> list[SavedUpload]:
        return [s for s, o in self.outcomes if o is not None and o.status == "ingested"]


IngestRunner = Callable[[Settings, list[Path], ProgressFn], IngestReport]


def in_this_process(store: Store) -> IngestRunner:
    """Ingest with this process's store (notebooks, tests with fake embeddings)."""
    return lambda settings, paths, progress: ingest_files(store, settings, paths, progress=progress)


def ingest_uploads(
    store: Store, saved: Sequence[SavedUpload], settings: Settings, progress: UploadProgressFn | None = None,
    runner: IngestRunner | None = None,
) -> UploadResult:
    """Ingest the uploads folder (or the corpus folder around it) and report on the files just saved.
    By default the ingest runs in a separate, lower-priority process (assistant/service/ingest_worker.py) so chats stay
    responsive. Files that failed or duplicate a stored document are deleted, so later ingests do not
    report them again."""
    from assistant.service.ingest_worker import ingest_in_worker

    root = ingest_root(settings)
    notify = progress or (lambda fraction, label: None)
    run = runner or ingest_in_worker
    report = run(settings, [root], lambda stage, done, total: notify(*progress_step(stage, done, total)))
    by_source = {o.source: o for o in report.outcomes}
    result = UploadResult(report)
    for s in saved:
        outcome = by_source.get(s.path.resolve().relative_to(root).as_posix())
        result.outcomes.append((s, outcome))
        if outcome is not None and outcome.status in ("failed", "duplicate"):
            s.path.unlink(missing_ok=True)
            result.discarded.append(s)
    return result
