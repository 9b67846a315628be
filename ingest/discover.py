"""Which files an ingest run covers, and the stable document id of each."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.load import SUPPORTED_SUFFIXES

# Files in a corpus folder that are not documents.
_IGNORED_NAMES = {"metadata.yaml", "metadata.yml", "readme.md", ".gitkeep"}


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute
    root: Path  # the folder it was found under (absolute), or its own parent
    doc_id: str

    @property
    def source(self) -> str:
        return self.path.relative_to(self.root).as_posix()


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "document"


def doc_id_for(path: Path, root: Path) -> str:
    """Readable and stable: the slug of the relative path, plus a short hash when the slug is lossy."""
    relative = path.relative_to(root).with_suffix("").as_posix()
    slug = slugify(relative)
    if slug.replace("-", "") != re.sub(r"[^a-z0-9]", "", relative.lower()):
        slug = f"{slug}-{hashlib.sha1(relative.encode()).hexdigest()[:6]}"
    return slug


def discover(paths: list[Path]) -> tuple[list[SourceFile], list[Path]]:
    """Files to ingest under the given folders/files, and the folders that were scanned whole.

    Unsupported files found in a folder are included so the run reports them as failed.
    """
    files: list[SourceFile] = []
    roots: list[Path] = []
    for given in paths:
        given = given.resolve()
        if given.is_dir():
            roots.append(given)
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                rel_parts = path.relative_to(given).parts
                if any(part.startswith(".") for part in rel_parts) or path.name.lower() in _IGNORED_NAMES:
                    continue
                files.append(SourceFile(path, given, doc_id_for(path, given)))
        else:
            files.append(SourceFile(given, given.parent, doc_id_for(given, given.parent)))
    return files, roots


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES
