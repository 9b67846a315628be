"""Which files an ingest run covers, and the stable document id of each."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
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


@dataclass(frozen=True)
class Skipped:
    """Something found while scanning that is not ingested, and why (named in the report)."""

    source: str
    reason: str
    failure: bool = False  # a document that could not be taken (bad name, a refused path given by name)


def printable(path: Path | str) -> str:
    """A path as text even when its name is not valid UTF-8 (shown with \\x escapes)."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _name_problem(path: Path) -> str | None:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8: rename the file (e.g. to plain ASCII letters)"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _check_link(path: Path, root: Path, follow_external: bool) -> str | None:
    """Why a symbolic link under `root` is not followed, or None when it points to a file that may be read."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop: remove or fix the link"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: remove or fix the link"
        return f"dangling symbolic link (to {printable(os.readlink(path))}): remove or fix the link"
    mode = target.stat().st_mode
    if stat.S_ISDIR(mode):
        return f"symbolic link to a folder ({printable(target)}): not followed; ingest that folder by name"
    if not stat.S_ISREG(mode):
        return f"symbolic link to {_kind(mode)}: not read"
    if not target.is_relative_to(root) and not follow_external:
        return (f"symbolic link to a file outside the ingest folder ({printable(target)}): refused; "
                "set IMVO_FOLLOW_EXTERNAL_SYMLINKS=true to allow it")
    return None


def discover(
    paths: list[Path], *, follow_external_symlinks: bool = False
) -> tuple[list[SourceFile], list[Path], list[Skipped]]:
    """Files to ingest under the given folders/files, the folders that were scanned whole, and what was
    skipped (links that leave the folder, loops, dangling links, FIFOs, devices, undecodable names).

    Unsupported files found in a folder are included so the run reports them as failed. Nothing here
    opens a file, so a FIFO can never block the run.
    """
    files: list[SourceFile] = []
    roots: list[Path] = []
    skipped: list[Skipped] = []
    for given in paths:
        given = Path(os.path.abspath(given))
        try:
            mode = given.stat().st_mode
        except OSError as exc:
            skipped.append(Skipped(printable(given), f"cannot be read ({exc.strerror}): check the path", True))
            continue
        if stat.S_ISDIR(mode):
            root = given.resolve()
            roots.append(root)
            _scan(root, follow_external_symlinks, files, skipped)
        elif stat.S_ISREG(mode):
            given = given.resolve()
            problem = _name_problem(given)
            if problem:
                skipped.append(Skipped(printable(given.name), problem, True))
            else:
                files.append(SourceFile(given, given.parent, doc_id_for(given, given.parent)))
        else:
            skipped.append(Skipped(printable(given), f"is {_kind(mode)}, not a document file: refused", True))
    return files, roots, skipped


def _scan(root: Path, follow_external: bool, files: list[SourceFile], skipped: list[Skipped]) -> None:
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(folder)
        rel_base = base.relative_to(root)
        if any(part.startswith(".") for part in rel_base.parts):
            dirnames[:] = []
            continue
        dirnames.sort()
        for name in list(dirnames):
            if (base / name).is_symlink() and not name.startswith("."):
                dirnames.remove(name)
                reason = _check_link(base / name, root, follow_external)
                skipped.append(Skipped(printable((rel_base / name).as_posix()), reason or "symbolic link to a folder: not followed"))
        for name in sorted(filenames):
            path = base / name
            source = printable((rel_base / name).as_posix())
            if name.startswith(".") or name.lower() in _IGNORED_NAMES:
                continue
            problem = _name_problem(path)
            if problem:
                skipped.append(Skipped(source, problem, True))
                continue
            if path.is_symlink():
                reason = _check_link(path, root, follow_external)
                if reason:
                    skipped.append(Skipped(source, reason))
                    continue
            else:
                mode = path.lstat().st_mode
                if not stat.S_ISREG(mode):
                    skipped.append(Skipped(source, f"is {_kind(mode)}, not a document file: skipped"))
                    continue
            files.append(SourceFile(path, root, doc_id_for(path, root)))


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES
